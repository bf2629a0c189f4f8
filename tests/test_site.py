"""The built site: every page in every language, with the right language, direction, title and headings."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES
from handbooks import build_site
from macros.pages import site_pages
from macros.render.urls import address


JSON_LD = "application/ld+json"


def page_path(site: Path, lang: str, url: str) -> Path:
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    return site / prefix / url / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def all_urls(book) -> list[str]:
    """Every page of one language, as the data lists them: home, sections, items, about and standalone pages."""
    return [address(book, page.id) for page in site_pages(book)]


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


def test_a_page_with_a_missing_translation_shows_dutch_marked_as_dutch_with_a_notice_in_the_page_language(small_site, book):
    page = soup(small_site / "en" / "werkvormen" / "half" / "index.html")
    dutch = page.select("article [lang=nl]:not([translate=no])")
    assert [" ".join(d.get_text().split()) for d in dutch] == ["Deze tekst is nog niet vertaald."]
    assert all(d["dir"] == "ltr" for d in dutch)
    assert page.select_one("article .bb-notice").get_text(strip=True) == book.ui["en"]["notice.untranslated"]


def test_a_page_with_a_stale_translation_says_so_in_the_page_language(small_site, book):
    page = soup(small_site / "en" / "checklists" / "oud" / "index.html")
    assert page.select_one("article .bb-notice--stale").get_text(strip=True) == book.ui["en"]["notice.stale"]
    assert not page.select("article [lang=nl]:not([translate=no])")


def test_a_fully_translated_page_and_every_dutch_page_show_no_notice(small_site):
    assert not soup(small_site / "en" / "werkvormen" / "volledig" / "index.html").select(".bb-notice")
    for url in ("werkvormen/half/", "checklists/oud/"):
        assert not soup(small_site / url / "index.html").select(".bb-notice")


def test_every_page_of_a_translation_not_reviewed_by_a_native_speaker_says_so(small_site, book):
    """In the small handbook, English is not reviewed and Frisian is."""
    for url in ("", "werkvormen/", "werkvormen/volledig/", "woordenlijst/"):
        english = soup(small_site / "en" / url / "index.html").select_one(".bb-review-notice")
        assert english.get_text(strip=True) == book.ui["en"]["notice.not_reviewed"]
        assert not soup(small_site / "fy" / url / "index.html").select(".bb-review-notice")
        assert not soup(small_site / url / "index.html").select(".bb-review-notice")


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


def test_text_from_the_data_is_escaped_in_the_built_html_and_its_structured_data(data_copy, tmp_path):
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
        assert not [s for s in page.find_all("script") if "alert" in s.get_text() and s.get("type") != JSON_LD]
        assert not page.select("[onerror]")
        assert len(page.find_all("script", type=JSON_LD)) == 1
    dutch = BeautifulSoup(page_path(tmp_path / "site", "nl", "werkvormen/fotospel/").read_text(encoding="utf-8"), "html.parser")
    assert "Foto<script>alert(1)</script>spel" in dutch.h1.get_text()
    assert "Foto<script>alert(1)</script>spel" in dutch.title.get_text()
    # The data block ends where the page ends it, not at the title's </script>: it reads back whole.
    assert json.loads(dutch.find("script", type=JSON_LD).string)["name"] == "Foto<script>alert(1)</script>spel"


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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_described_in_its_own_language_for_search_engines(site, book, lang):
    """A card by its summary, a section by its summary, any other page by the home page's introduction."""
    def described(url: str) -> str:
        return soup(page_path(site, lang, url)).select_one('meta[name="description"]')["content"]

    def text(key: str, dutch: str) -> str:
        translation = book.translations.get(lang, {}).get(key)
        return " ".join((translation.text if translation else dutch).split())

    card, section = book.items["fotospel"], book.sections["werkvormen"]
    assert described("werkvormen/fotospel/") == text("item.fotospel.summary", card.summary)
    assert described("werkvormen/") == text("section.werkvormen.summary", section.summary)
    assert described("woordenlijst/") == described("") == text("home.intro", book.home.intro)


def test_no_page_carries_the_theme_s_search_toggle_now_that_search_is_a_page(site):
    assert [p for p in site.rglob("*.html") if 'data-md-toggle="search"' in p.read_text(encoding="utf-8")] == []


def test_a_build_prints_warnings_and_one_summary_line_only(small_site_log):
    lines = small_site_log.splitlines()
    assert [line for line in lines if line.startswith("INFO")] == [line for line in lines if "Built 39 pages in 3 languages in" in line]
    assert len([line for line in lines if line.startswith("INFO")]) == 1
    assert "[macros]" not in small_site_log and "mkdocs_static_i18n" not in small_site_log
    assert "WARNING -  en: 1 translated texts are stale" in small_site_log
