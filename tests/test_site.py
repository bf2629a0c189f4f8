"""The built site: every page in every language, with the right language, direction, title and headings."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, PROJECT_DIR, build_site


def page_path(site: Path, lang: str, url: str) -> Path:
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    return site / prefix / url / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


STANDALONE_PAGES = [p.stem + "/" for p in (PROJECT_DIR / "docs").glob("*.md") if p.stem != "index"]


def all_urls(book) -> list[str]:
    """Every page of one language: home, the standalone pages, the sections and their items."""
    urls = ["", *STANDALONE_PAGES]
    for section in book.sections.values():
        urls.append(f"{section.id}/")
        urls += [f"{section.id}/{item}/" for item in section.items]
    return urls


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_exists_with_its_title_and_one_h1(site, book, lang):
    for url in all_urls(book):
        path = page_path(site, lang, url)
        assert path.exists(), path
        page = soup(path)
        assert len(page.find_all("h1")) == 1, path
        heading = " ".join(page.h1.get_text().split())
        assert heading and page.title.get_text().startswith(heading), path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_and_direction_are_right_on_every_page(site, book, lang):
    for url in all_urls(book):
        page = soup(page_path(site, lang, url))
        assert page.html["lang"] == lang
        assert page.body["dir"] == ("rtl" if lang == "ar" else "ltr")


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "nl"])
def test_untranslated_text_is_marked_dutch_with_a_notice_in_the_page_language(site, book, lang):
    for url in all_urls(book):
        page = soup(page_path(site, lang, url))
        dutch = page.select("article.md-content__inner [lang=nl]:not([translate=no])")
        notice = page.select_one("article.md-content__inner .bb-notice")
        assert bool(dutch) == bool(notice), url
        if notice:
            assert notice.get_text(strip=True) == book.ui[lang]["notice.untranslated"]
        assert all(element["dir"] == "ltr" for element in page.select("article [lang=nl]")), url


def test_dutch_pages_show_no_untranslated_notice(site, book):
    for url in all_urls(book):
        assert not soup(page_path(site, "nl", url)).select(".bb-notice")


def test_a_card_shows_its_source_facets_and_links(site):
    page = soup(page_path(site, "nl", "werkvormen/focusgroep-organiseren/"))
    assert "Pharos" in page.select_one(".bb-source").get_text()
    assert page.select_one(".bb-facets")
    links = [a["href"] for a in page.select(".bb-related a")]
    assert "../../checklists/van-tevoren-regelen/" in links


def test_a_checklist_has_one_labelled_checkbox_per_item(site, book):
    page = soup(page_path(site, "nl", "checklists/doorvragen/"))
    assert len(page.select(".bb-checklist li input[type=checkbox] + label")) == len(book.items["doorvragen"].items)


def test_no_request_goes_to_another_host(site):
    for path in site.rglob("*.html"):
        page = soup(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in page.find_all(tag):
                target = element.get(attr) or ""
                if tag == "link" and "stylesheet" not in element.get("rel", []) and "preconnect" not in element.get("rel", []):
                    continue
                assert not target.startswith(("http:", "https:", "//")), (path, target)


def test_text_from_the_data_is_escaped_in_the_built_html(data_copy, tmp_path):
    methods = data_copy / "methods.yml"
    text = methods.read_text(encoding="utf-8")
    text = text.replace("  title: Fotospel\n", '  title: "Foto<script>alert(1)</script>spel"\n', 1)
    text = text.replace("Met een fotospel praat je", '<img src=x onerror="alert(2)"> Met een fotospel praat je', 1)
    methods.write_text(text, encoding="utf-8")
    result = build_site(tmp_path / "site", data_copy)
    assert result.returncode == 0, result.stderr
    for lang in LANGUAGES:
        html = page_path(tmp_path / "site", lang, "werkvormen/fotospel/").read_text(encoding="utf-8")
        page = BeautifulSoup(html, "html.parser")
        assert not [s for s in page.find_all("script") if "alert" in s.get_text()]
        assert not page.select("[onerror]")
    dutch = BeautifulSoup(page_path(tmp_path / "site", "nl", "werkvormen/fotospel/").read_text(encoding="utf-8"), "html.parser")
    assert "Foto<script>alert(1)</script>spel" in dutch.h1.get_text()
    assert "Foto<script>alert(1)</script>spel" in dutch.title.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_accessibility_statement_is_there_in_every_language(site, lang):
    page = soup(page_path(site, lang, "toegankelijkheid/"))
    assert "2026" in page.select_one("article").get_text() and "axe-core" in page.select_one("article").get_text()


def test_pages_and_sitemap_name_every_language_version_and_x_default(site):
    page = soup(page_path(site, "en", "werkvormen/fotospel/"))
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}
    assert set(alternates) == {*LANGUAGES, "x-default"} and alternates["x-default"] == alternates["nl"]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count('hreflang="x-default"') == sitemap.count("<url>") > 0
    for lang in LANGUAGES[1:]:
        assert (site / lang / "sitemap.xml").exists() and (site / lang / "404.html").exists()


def test_the_language_switcher_names_each_language_in_itself(site):
    page = soup(page_path(site, "ar", "checklists/doorvragen/"))
    links = {a["lang"]: (a.get_text(strip=True), a["href"]) for a in page.select("a.md-select__link")}
    assert links["nl"][0] == "Nederlands" and links["fy"][0] == "Frysk" and links["ar"][0] == "العربية"
    assert links["en"][1].endswith("en/checklists/doorvragen/")
