"""Internal links and anchors: every a[href] of every built page, in every language, leads to a file of the
site, and every #fragment to an id (or a name) in the page it points at. External links are for
`make linkcheck` (macros/linkcheck.py), which needs internet."""
from __future__ import annotations

import functools
import html.parser
import os
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import LANGUAGES

SKIPPED_SCHEMES = ("mailto", "tel", "javascript", "data")
# A build with HANDBOOK_PDFS=0 (quicker) has no checklist PDFs: links to them are then expected to lead nowhere.
PDFS_BUILT = os.environ.get("HANDBOOK_PDFS", "1") != "0"


def own_host() -> str:
    """The host of the site's address (SITE_URL): an absolute link to it is an internal link."""
    from macros.linkcheck import own_site_url

    return urlsplit(own_site_url() or "").netloc.lower()


class _Page(html.parser.HTMLParser):
    """The hrefs of a page's <a> elements and the ids and names it defines (where a #fragment can lead)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.anchors.add(attributes[name])
        if tag == "a" and attributes.get("href") is not None:
            self.hrefs.append(attributes["href"])


@functools.lru_cache(maxsize=None)
def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def address(site: Path, page: Path) -> str:
    """The site path a reader sees for a built file: /en/werkvormen/ for en/werkvormen/index.html."""
    relative = page.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def target_file(site: Path, path: str) -> Path | None:
    """The file a site path is served from (a folder serves its index.html), or None."""
    file = site / unquote(path).lstrip("/")
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file if file.is_file() else None


def broken_links(site: Path, page: Path, host: str) -> list[str]:
    problems = []
    base = address(site, page)
    for href in parse(page).hrefs:
        parts = urlsplit(href)
        if parts.scheme in SKIPPED_SCHEMES:
            continue
        if parts.scheme or parts.netloc:
            if parts.netloc.lower() != host:
                continue  # another site: make linkcheck
            href = parts._replace(scheme="", netloc="").geturl()
        resolved = urlsplit(urljoin(base, href))
        file = target_file(site, resolved.path)
        if file is None and resolved.path.endswith(".pdf") and not PDFS_BUILT:
            continue
        if file is None:
            problems.append(f"{base}: {href} leads to no file")
        elif resolved.fragment and file.suffix == ".html" and unquote(resolved.fragment) not in parse(file).anchors:
            problems.append(f"{base}: {href} names an anchor that {address(site, file)} does not have")
    return problems


def pages_of(site: Path, lang: str) -> list[Path]:
    """Every built HTML page of one language: the default language's at the root, the others in /<lang>/."""
    others = [other for other in LANGUAGES[1:] if other != lang]
    root = site if lang == LANGUAGES[0] else site / lang
    return sorted(page for page in root.rglob("*.html")
                  if not any(page.relative_to(site).parts[0] == other for other in others))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_internal_link_and_anchor_leads_somewhere(site, lang):
    pages = pages_of(site, lang)
    assert len(pages) > 20, f"too few pages for {lang}: {len(pages)}"
    host = own_host()
    problems = [problem for page in pages for problem in broken_links(site, page, host)]
    assert not problems, f"{len(problems)} broken internal links in {lang}:\n" + "\n".join(problems[:50])


def test_the_check_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    """The check itself: a fake site with one good link and anchor, and one of each that leads nowhere."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="deel">Deel</h2><a name="oud"></a>', encoding="utf-8")
    page = tmp_path / "index.html"
    page.write_text('<a href="a/">a</a> <a href="/a/#deel">b</a> <a href="a/index.html#oud">c</a>'
                    '<a href="#top">d</a><span id="top"></span><a href="https://elders.example/x">e</a>'
                    '<a href="mailto:iemand@example.nl">f</a>'
                    '<a href="b/">g</a> <a href="a/#geen">h</a> <a href="http://eigen.example/c/">i</a>', encoding="utf-8")
    problems = broken_links(tmp_path, page, "eigen.example")
    assert problems == ["/: b/ leads to no file", "/: a/#geen names an anchor that /a/ does not have",
                        "/: /c/ leads to no file"]


def test_own_host_is_the_host_of_the_site_address(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://handboek.voorbeeld.nl/")
    assert own_host() == "handboek.voorbeeld.nl"
