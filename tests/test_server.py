"""The production server configuration (deploy/nginx/) serves the site with compression, caching,
security headers, a 404 page per language and /.well-known/security.txt."""
from __future__ import annotations

import datetime
import sys
import urllib.error
import urllib.request

import pytest

from conftest import LANGUAGES, PROJECT_DIR

sys.path.insert(0, str(PROJECT_DIR / "deploy"))
import local_nginx  # noqa: E402  (deploy/ is not a package)

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@pytest.fixture(scope="module")
def nginx(production_site):
    return production_site


def fetch(url: str, encoding: str = "identity"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize("path", ["", "en/werkvormen/fotospel/", "stylesheets/handbook.css", "ar/checklists/doorvragen/doorvragen.pdf"])
def test_every_response_has_the_security_headers(nginx, path):
    status, headers, _ = fetch(nginx + path)
    assert status == 200
    for name, value in HEADERS.items():
        assert headers[name] == value
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "camera=()" in headers["Permissions-Policy"]


def test_text_is_compressed(nginx):
    assert local_nginx.BROTLI_MODULE.exists(), "nginx's brotli module is missing (tests/system-packages.sh installs it)"
    for encoding in ("gzip", "br"):
        status, headers, _ = fetch(nginx + "werkvormen/fotospel/", encoding)
        assert status == 200 and headers["Content-Encoding"] == encoding


def test_fingerprinted_assets_are_cached_for_a_year(nginx, site):
    stylesheet = next((site / "assets" / "stylesheets").glob("main.*.min.css")).name
    _, headers, _ = fetch(nginx + f"assets/stylesheets/{stylesheet}")
    assert "max-age=31536000" in headers["Cache-Control"] and "immutable" in headers["Cache-Control"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", "werkvormen/fotospel/", "sitemap.xml", "checklists/doorvragen/doorvragen.pdf"])
def test_pages_and_files_of_every_language_are_cached_briefly(nginx, book, lang, path):
    status, headers, _ = fetch(nginx + book.languages[lang].root + path)
    assert status == 200 and "max-age=600" in headers["Cache-Control"]


@pytest.mark.parametrize("lang, title", [("", "Pagina niet gevonden"), ("fy/", "Side net fûn"),
                                         ("en/", "Page not found"), ("ar/", "الصفحة غير موجودة")])
def test_a_missing_page_gets_the_404_page_of_its_language(nginx, lang, title):
    status, headers, body = fetch(nginx + lang + "bestaat-niet/")
    assert status == 404 and title in body.decode("utf-8")
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_security_txt_names_a_contact_and_a_future_expiry(nginx):
    status, headers, body = fetch(nginx + ".well-known/security.txt")
    fields = dict(line.split(": ", 1) for line in body.decode().splitlines())
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert fields["Contact"].startswith(("mailto:", "https://"))
    assert datetime.datetime.fromisoformat(fields["Expires"].replace("Z", "+00:00")) > datetime.datetime.now(datetime.timezone.utc)
