"""Shared fixtures: the site's languages, the loaded handbook, and one strict build of the whole site."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from browsing import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from macros import read_site_languages  # noqa: E402
from macros.handbook import load_handbook  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
LANGUAGES = read_site_languages()


def build_site(site_dir: Path, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of all languages into ``site_dir``; from another data folder, without PDFs."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if data_dir is not None:
        env.update(HANDBOOK_DATA_DIR=str(data_dir), HANDBOOK_PDFS="0")
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--clean", "--site-dir", str(site_dir)],
        cwd=PROJECT_DIR, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def languages() -> list[str]:
    return LANGUAGES


@pytest.fixture(scope="session")
def book():
    return load_handbook(LANGUAGES)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built once per test run."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    """A copy of data/ that a test may break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", target)
    return target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served_site(site):
    """The built site on http://127.0.0.1:<free port>/ for the browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def production_site(site):
    """The built site behind the production nginx configuration (deploy/nginx/), with its headers."""
    sys.path.insert(0, str(PROJECT_DIR / "deploy"))
    import local_nginx

    with local_nginx.serve(site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless (browser downloads fail here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
