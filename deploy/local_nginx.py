"""Serve a built site with the production nginx configuration on 127.0.0.1, for the tests and `make bench`:
handbook.conf over plain HTTP (serve), or the whole example-server.conf with HTTPS (serve_example)."""
from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import tempfile
import time
from pathlib import Path

NGINX = "/usr/sbin/nginx"
HERE = Path(__file__).resolve().parent
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
BROTLI_STATIC_MODULE = BROTLI_MODULE.with_name("ngx_http_brotli_static_module.so")  # serves the build's .br files
EXAMPLE_SERVER = HERE / "nginx" / "example-server.conf"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_conf(servers: str, work: Path) -> str:
    """A whole nginx.conf around ``servers``; as root the workers run as root to read the test's files."""
    return f"""
{f"load_module {BROTLI_MODULE}; load_module {BROTLI_STATIC_MODULE};" if BROTLI_MODULE.exists() else ""}
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
{servers}
}}
"""


def config(site_dir: Path, port: int, work: Path) -> str:
    """handbook.conf in one plain-HTTP server on 127.0.0.1:``port``."""
    return nginx_conf(f"""
    server {{
        listen 127.0.0.1:{port};
        root {site_dir.resolve()};
        include handbook/handbook.conf;
        {"include handbook/brotli.conf;" if BROTLI_MODULE.exists() else ""}
    }}""", work)


def example_config(site_dir: Path, work: Path, http_port: int, https_port: int,
                   certificate: Path, key: Path) -> str:
    """deploy/nginx/example-server.conf as it is, moved to 127.0.0.1 (IPv4 only) at the given ports, with this
    certificate and site; every line it changes must be found, so a reworded example fails here, not silently."""
    text = EXAMPLE_SERVER.read_text(encoding="utf-8")
    if not BROTLI_MODULE.exists():
        text = text.replace("include handbook/brotli.conf;", "")
    changes = [
        (r"^\s*listen \[::\]:\d+.*$", ""),
        (r"listen 80;", f"listen 127.0.0.1:{http_port};"),
        (r"listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;"),
        (r"ssl_certificate \S+;", f"ssl_certificate {certificate};"),
        (r"ssl_certificate_key \S+;", f"ssl_certificate_key {key};"),
        (r"root \S+;", f"root {site_dir.resolve()};"),
    ]
    for pattern, replacement in changes:
        text, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
        if count == 0:
            raise ValueError(f"{EXAMPLE_SERVER.name} has no line matching {pattern!r}")
    return nginx_conf(text, work)


@contextlib.contextmanager
def run(make_config, ports: list[int]):
    """Start nginx with the nginx.conf that ``make_config(work_folder)`` returns; wait until every port answers;
    yield the work folder; stop nginx afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "handbook").symlink_to(HERE / "nginx")
        (work / "nginx.conf").write_text(make_config(work), encoding="utf-8")
        process = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            for port in ports:
                for _ in range(100):
                    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.1):
                        break
                    if process.poll() is not None:
                        raise RuntimeError(f"nginx stopped: {process.stdout.read().decode()} "
                                           f"{(work / 'error.log').read_text()}")
                    time.sleep(0.05)
            yield work
        finally:
            process.terminate()
            process.wait(timeout=10)


@contextlib.contextmanager
def serve(site_dir: Path, port: int | None = None):
    """Run nginx with handbook.conf over ``site_dir``; yield its base address; stop it afterwards."""
    port = port or free_port()
    with run(lambda work: config(site_dir, port, work), [port]):
        yield f"http://127.0.0.1:{port}/"


@contextlib.contextmanager
def serve_example(site_dir: Path, certificate: Path, key: Path):
    """Run example-server.conf over ``site_dir`` with this certificate; yield (http base, https base)."""
    http_port = free_port()
    https_port = free_port()
    while https_port == http_port:
        https_port = free_port()
    with run(lambda work: example_config(site_dir, work, http_port, https_port, certificate, key),
             [http_port, https_port]):
        yield f"http://127.0.0.1:{http_port}/", f"https://127.0.0.1:{https_port}/"
