"""The production server configuration (deploy/nginx/) serves the site with compression, caching,
security headers, a 404 page per language and /.well-known/security.txt; the example server sends plain HTTP
on to HTTPS and HSTS on every HTTPS response."""
from __future__ import annotations

import datetime
import http.client
import shutil
import ssl
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from conftest import LANGUAGES, PROJECT_DIR
from macros.outputs.precompress import precompress

sys.path.insert(0, str(PROJECT_DIR / "deploy"))
import local_nginx  # noqa: E402  (deploy/ is not a package)

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
HSTS = "max-age=31536000; includeSubDomains"  # one year
SERVER_NAME = "handboek.example.nl"  # as in example-server.conf


@pytest.fixture(scope="module")
def nginx(production_site):
    return production_site


def fetch(url: str, encoding: str = "identity", context: ssl.SSLContext | None = None):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request, context=context) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize("path", ["", "en/werkvormen/fotospel/", "javascripts/handbook.js", "ar/checklists/doorvragen/doorvragen.pdf"])
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
    _, headers, _ = fetch(nginx + hashed_asset(site))
    assert "max-age=31536000" in headers["Cache-Control"] and "immutable" in headers["Cache-Control"]


def test_text_compressed_by_the_build_is_sent_as_it_is(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>Handboek</title>" + "<p>Bereiken en betrekken</p>" * 200)
    precompress(tmp_path)
    with local_nginx.serve(tmp_path) as base:
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            _, headers, body = fetch(base, encoding)
            assert headers["Content-Encoding"] == encoding and body == (tmp_path / f"index.html{suffix}").read_bytes()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", "werkvormen/fotospel/", "sitemap.xml", "checklists/doorvragen/doorvragen.pdf"])
def test_pages_and_files_of_every_language_are_cached_briefly(nginx, book, lang, path):
    status, headers, _ = fetch(nginx + book.languages[lang].root + path)
    assert status == 200 and "max-age=600" in headers["Cache-Control"]


@pytest.mark.parametrize("path, content_type", [("data/v1/csv/method.ar.csv", "text/csv; charset=utf-8"),
                                                ("data/v1/handbook.json", "application/json")])
def test_open_data_is_served_with_its_type_for_any_site_to_read(nginx, path, content_type):
    status, headers, _ = fetch(nginx + path)
    assert status == 200 and headers["Content-Type"] == content_type
    assert headers["Access-Control-Allow-Origin"] == "*" and headers["X-Content-Type-Options"] == "nosniff"
    assert "max-age=600" in headers["Cache-Control"]


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


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for the example server's name and 127.0.0.1, valid for two days."""
    folder = tmp_path_factory.mktemp("tls")
    openssl = shutil.which("openssl")
    assert openssl, "the HTTPS test needs the openssl command (Debian: openssl)"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"),
                    "-subj", f"/CN={SERVER_NAME}", "-addext", f"subjectAltName=DNS:{SERVER_NAME},IP:127.0.0.1"],
                   check=True, capture_output=True)
    return folder / "cert.pem", folder / "key.pem"


@pytest.fixture(scope="module")
def example_server(site, certificate):
    """deploy/nginx/example-server.conf on 127.0.0.1: (plain-HTTP base, HTTPS base, TLS context trusting it)."""
    cert, key = certificate
    with local_nginx.serve_example(site, cert, key) as (http_base, https_base):
        yield http_base, https_base, ssl.create_default_context(cafile=str(cert))


def plain_get(base: str, path: str):
    """A plain-HTTP GET that does not follow redirects: (status, headers)."""
    host, port = base.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("GET", "/" + path, headers={"Host": SERVER_NAME})
        response = connection.getresponse()
        return response.status, response.headers
    finally:
        connection.close()


@pytest.mark.parametrize("path", ["", "en/werkvormen/fotospel/?vraag=1", "bestaat-niet/", ".well-known/security.txt"])
def test_plain_http_redirects_to_the_same_address_over_https_without_hsts(example_server, path):
    http_base, _, _ = example_server
    status, headers = plain_get(http_base, path)
    assert status == 301
    assert headers["Location"] == f"https://{SERVER_NAME}/{path}"
    assert "Strict-Transport-Security" not in headers


def hashed_asset(site) -> str:
    return "assets/stylesheets/" + next((site / "assets" / "stylesheets").glob("site.*.min.css")).name


@pytest.mark.parametrize("kind, path, expected_status", [
    ("page", "werkvormen/fotospel/", 200),
    ("page in another language", "ar/", 200),
    ("hashed asset", None, 200),
    ("plain file", "javascripts/handbook.js", 200),
    ("pdf", "en/checklists/doorvragen/doorvragen.pdf", 200),
    ("security.txt", ".well-known/security.txt", 200),
    ("404 page", "bestaat-niet/", 404),
    ("404 page in another language", "fy/bestaat-niet/", 404),
])
def test_every_https_response_has_hsts_and_the_security_headers(example_server, site, kind, path, expected_status):
    _, https_base, context = example_server
    status, headers, _ = fetch(https_base + (path or hashed_asset(site)), context=context)
    assert status == expected_status
    assert headers.get_all("Strict-Transport-Security") == [HSTS]
    for name, value in HEADERS.items():
        assert headers[name] == value
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_the_https_server_serves_the_site_with_its_caching(example_server, site):
    _, https_base, context = example_server
    _, headers, body = fetch(https_base + "werkvormen/fotospel/", context=context)
    assert "max-age=600" in headers["Cache-Control"] and b"<html" in body
    _, headers, _ = fetch(https_base + hashed_asset(site), context=context)
    assert "immutable" in headers["Cache-Control"]


def test_handbook_conf_over_plain_http_sends_no_hsts(nginx):
    for path in ("", "werkvormen/fotospel/", "bestaat-niet/"):
        _, headers, _ = fetch(nginx + path)
        assert "Strict-Transport-Security" not in headers
