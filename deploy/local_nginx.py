"""Serve a built site with the production nginx configuration on 127.0.0.1, for the tests and `make bench`."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path

NGINX = "/usr/sbin/nginx"
HERE = Path(__file__).resolve().parent
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def config(site_dir: Path, port: int, work: Path) -> str:
    """A whole nginx.conf around handbook.conf; as root the workers run as root to read the test's files."""
    brotli = BROTLI_MODULE.exists()
    return f"""
{f"load_module {BROTLI_MODULE};" if brotli else ""}
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {site_dir.resolve()};
        include handbook/handbook.conf;
        {"include handbook/brotli.conf;" if brotli else ""}
    }}
}}
"""


@contextlib.contextmanager
def serve(site_dir: Path, port: int | None = None):
    """Run nginx with handbook.conf over ``site_dir``; yield its base address; stop it afterwards."""
    port = port or free_port()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "handbook").symlink_to(HERE / "nginx")
        (work / "nginx.conf").write_text(config(site_dir, port, work), encoding="utf-8")
        process = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            for _ in range(100):
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.1):
                    break
                if process.poll() is not None:
                    raise RuntimeError(f"nginx stopped: {process.stdout.read().decode()} {(work / 'error.log').read_text()}")
                time.sleep(0.05)
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=10)
