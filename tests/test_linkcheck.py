"""`make linkcheck` (macros/linkcheck.py, with lychee) against a local test server on 127.0.0.1 that answers
200, 301 (to the 200), 404 and, too late, 200: each case is reported right, with its pages and data files.
No internet needed."""
from __future__ import annotations

import collections
import http.server
import threading
import time

import pytest

from macros import linkcheck

TIMEOUT = 2  # seconds lychee waits for an answer in these tests
OWN_SITE = linkcheck.own_site_url()  # site_url in mkdocs.yml: its links are internal, not checked
FAST = dict(timeout=TIMEOUT, retries=0, host_interval="50ms", allow_private=True, exclude_site_url=OWN_SITE)


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: collections.Counter
    stop: threading.Event

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.hits[self.path] += 1
        if self.path == "/ok":
            self._answer(200, b"<html><body>ok</body></html>")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/slow":
            self.stop.wait(TIMEOUT + 3)  # past lychee's timeout; ends early when the test is over
            self._answer(200, b"late")
        else:
            self._answer(404, b"not found")

    do_HEAD = do_GET

    def _answer(self, status: int, body: bytes):
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # lychee gave up waiting


@pytest.fixture()
def server():
    """The test server on a free port of 127.0.0.1: yields (base address, hits per path)."""
    hits = collections.Counter()
    stop = threading.Event()
    handler = type("Handler", (_Handler,), {"hits": hits, "stop": stop})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    stop.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def fake(tmp_path, server):
    """A tiny built site and data folder that link to the test server: returns (site, data, base)."""
    base, _ = server
    site, data = tmp_path / "site", tmp_path / "data"
    (site / "en" / "werkvormen").mkdir(parents=True)
    (data / "translations" / "en").mkdir(parents=True)
    (site / "index.html").write_text(
        f'<html><body><a href="{base}/ok">ok</a> <a href="{base}/moved">moved</a> <a href="{base}/gone">gone</a>'
        f' <a href="en/werkvormen/">internal</a> <a href="mailto:iemand@example.nl">mail</a>'
        f' <a href="{OWN_SITE}eigen/">own site</a></body></html>', encoding="utf-8")
    (site / "en" / "werkvormen" / "index.html").write_text(
        f'<html><body><a href="{base}/gone">gone</a> <a href="{base}/slow">slow</a></body></html>', encoding="utf-8")
    (data / "pages.yml").write_text(f'intro: |\n  Lees [dit]({base}/gone).\n', encoding="utf-8")
    (data / "methods.yml").write_text(f'fotospel:\n  url: "{base}/ok"\n', encoding="utf-8")
    (data / "translations" / "en" / "pages.yml").write_text(
        f"intro: |\n  Read <{base}/slow>, or {base}/moved.\n", encoding="utf-8")
    return site, data, base


def by_url(result: linkcheck.Result) -> dict[str, linkcheck.Finding]:
    return {finding.url: finding for finding in result.findings}


def test_the_four_cases_are_reported_with_their_pages_and_data_files(fake):
    site, data, base = fake
    result = linkcheck.check(site, data, **FAST)
    found = by_url(result)
    assert result.checked == 4  # ok, moved, gone, slow; not the internal link, the mail address or the own site
    assert sorted(found) == [f"{base}/gone", f"{base}/moved", f"{base}/slow"]  # /ok works: not listed

    gone = found[f"{base}/gone"]
    assert (gone.kind, gone.status) == ("broken", "404 Not Found")
    assert gone.pages == ["/", "/en/werkvormen/"] and gone.data_files == ["data/pages.yml"]

    slow = found[f"{base}/slow"]
    assert (slow.kind, slow.status) == ("timeout", "timeout")
    assert slow.pages == ["/en/werkvormen/"] and slow.data_files == ["data/translations/en/pages.yml"]

    moved = found[f"{base}/moved"]
    assert (moved.kind, moved.status, moved.target) == ("moved", "301", f"{base}/ok")
    assert moved.pages == ["/"] and moved.data_files == ["data/translations/en/pages.yml"]
    assert result.exit_code == 1


def test_the_table_and_the_exit_status(fake, capsys):
    site, data, base = fake
    exit_code = linkcheck.main(["--site", str(site), "--data", str(data), "--no-cache",
                                "--timeout", str(TIMEOUT), "--retries", "0"], allow_private=True)
    out = capsys.readouterr().out
    assert exit_code == 1
    assert "4 external links checked" in out and "1 broken, 1 timed out, 1 moved" in out
    rows = [line for line in out.splitlines() if line.startswith(f"| {base}")]
    assert rows == [
        f"| {base}/gone | broken: 404 Not Found | /, /en/werkvormen/ | data/pages.yml |",
        f"| {base}/slow | timed out | /en/werkvormen/ | data/translations/en/pages.yml |",
        f"| {base}/moved | moved (301) to {base}/ok | / | data/translations/en/pages.yml |",
    ]


def test_only_a_move_is_no_failure(fake):
    site, data, base = fake
    for page in site.rglob("*.html"):  # leave only the working and the moved link
        page.write_text(page.read_text(encoding="utf-8").replace(f"{base}/gone", f"{base}/ok")
                        .replace(f"{base}/slow", f"{base}/ok"), encoding="utf-8")
    result = linkcheck.check(site, data, **FAST)
    assert [f.kind for f in result.findings] == ["moved"] and result.exit_code == 0


def test_loopback_and_private_addresses_are_not_checked_by_default(fake, server):
    site, data, _ = fake
    _, hits = server
    result = linkcheck.check(site, data, timeout=TIMEOUT, retries=0)
    assert result.checked == 0 and result.findings == [] and not hits


def test_a_second_run_takes_working_links_from_the_cache_and_still_reports_the_move(fake, server, tmp_path):
    site, data, base = fake
    _, hits = server
    cache = tmp_path / "cache"
    first = linkcheck.check(site, data, cache_dir=cache, **FAST)
    asked = dict(hits)
    started = time.monotonic()
    second = linkcheck.check(site, data, cache_dir=cache, **FAST)
    assert hits["/ok"] == asked["/ok"] and hits["/moved"] == asked["/moved"]  # not asked again
    assert second.from_cache == 2 and first.from_cache == 0
    assert [(f.url, f.kind, f.target) for f in second.findings] == [(f.url, f.kind, f.target) for f in first.findings]
    assert hits["/gone"] > asked["/gone"]  # broken links are asked again: they may be mended
    assert time.monotonic() - started < 30


def test_an_old_cache_is_not_used(fake, server, tmp_path):
    site, data, _ = fake
    _, hits = server
    cache = tmp_path / "cache"
    linkcheck.check(site, data, cache_dir=cache, **FAST)
    asked = hits["/ok"]
    time.sleep(2.1)
    result = linkcheck.check(site, data, cache_dir=cache, max_cache_age=1, **FAST)
    assert hits["/ok"] > asked and result.from_cache == 0
    assert "moved" in [f.kind for f in result.findings]


def test_data_urls_are_matched_loosely_but_not_by_prefix(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yml").write_text(
        "x: Zie https://Example.nl en https://example.nl/pad%20met.\ny: '[b](https://example.nl/pad-langer)'\n",
        encoding="utf-8")
    found = linkcheck.urls_in_data(tmp_path / "data")
    assert found[linkcheck.url_key("https://example.nl/")] == {"data/a.yml"}
    assert found[linkcheck.url_key("https://example.nl/pad met")] == {"data/a.yml"}
    assert linkcheck.url_key("https://example.nl/pad") not in found
