"""Shared fixtures: the site's languages, the loaded handbook, one strict build of the whole site, and
one of the small fixture handbook."""
from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from browsing import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from handbooks import build_site, copy_small_handbook  # noqa: E402
from macros.content.handbook import load_handbook, load_languages  # noqa: E402

LANGUAGES = [lang.code for lang in load_languages()]


@pytest.fixture(scope="session")
def languages() -> list[str]:
    return LANGUAGES


@pytest.fixture(scope="session")
def book():
    return load_handbook()


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


@pytest.fixture()
def small_data(tmp_path) -> Path:
    """A copy of the small fixture handbook that a test may change."""
    return copy_small_handbook(tmp_path / "data")


@pytest.fixture(scope="session")
def small_build(tmp_path_factory):
    """The small fixture handbook, built once per test run: the site folder and what the build printed."""
    data = copy_small_handbook(tmp_path_factory.mktemp("small") / "data")
    site_dir = data.parent / "site"
    result = build_site(site_dir, data)
    assert result.returncode == 0, result.stderr
    return site_dir, result.stderr


@pytest.fixture(scope="session")
def small_site(small_build) -> Path:
    return small_build[0]


@pytest.fixture(scope="session")
def small_site_log(small_build) -> str:
    return small_build[1]


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
