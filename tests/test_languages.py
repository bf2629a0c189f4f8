"""The languages: every interface string exists in each, Frisian has its own theme strings, a new
language needs only data, and the translators' commands work."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import material
import polib
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import PROJECT_DIR
from handbooks import build_site
from macros.pages import site_pages
from macros.render.urls import address

THEME_KEY = re.compile(r'^\s*"([a-z.]+)":', re.M)


def test_every_language_has_every_interface_string(book, languages):
    source = set(book.ui[languages[0]])
    for lang in languages[1:]:
        assert set(book.ui[lang]) == source, lang
        assert all(text.strip() for text in book.ui[lang].values()), lang


def test_every_interface_string_is_used():
    code = "".join(p.read_text(encoding="utf-8") for folder in ("macros", "overrides")
                   for p in (PROJECT_DIR / folder).rglob("*") if p.suffix in {".py", ".html"})
    keys = yaml.safe_load((PROJECT_DIR / "data" / "ui.yml").read_text(encoding="utf-8"))
    dynamic = ("kind.", "facet.")  # built from an item's kind or a facet
    unused = [key for key in keys if f'"{key}"' not in code and not key.startswith(dynamic)]
    assert unused == []


def test_frisian_has_every_theme_string_of_material():
    dutch = Path(material.__file__).parent / "templates" / "partials" / "languages" / "nl.html"
    frisian = PROJECT_DIR / "overrides" / "partials" / "languages" / "fy.html"
    assert THEME_KEY.findall(frisian.read_text(encoding="utf-8")) == THEME_KEY.findall(dutch.read_text(encoding="utf-8"))
    assert '"language": "fy"' in frisian.read_text(encoding="utf-8")


def test_a_fifth_language_without_translations_builds_and_shows_dutch_with_an_english_notice(data_copy, tmp_path, book):
    """A new language needs one entry in data/languages.yml; until its translations and interface table
    exist, its pages show the Dutch text marked as Dutch, with the notices of the English table."""
    languages = data_copy / "languages.yml"
    languages.write_text(languages.read_text(encoding="utf-8") + "- code: tr\n  name: Türkçe\n  translated_by: Nog niemand\n",
                         encoding="utf-8")
    result = build_site(tmp_path / "site", data_copy)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for page in site_pages(book):
        url = address(book, page.id)
        html = BeautifulSoup((site / "tr" / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert html.html["lang"] == "tr", url
        if page.kind in ("item", "section", "home", "about"):
            assert html.select_one("article .bb-notice").get_text(strip=True) == book.ui["en"]["notice.untranslated"], url
            assert html.select_one("article h1 [lang=nl]"), url
        assert html.select_one(".bb-review-notice").get_text(strip=True) == book.ui["en"]["notice.not_reviewed"], url
    switcher = BeautifulSoup((site / "en" / "index.html").read_text(encoding="utf-8"), "html.parser").select("a.md-select__link")
    assert [a["lang"] for a in switcher] == ["nl", "fy", "en", "ar", "tr"]
    for lang in ("fy", "en", "ar"):
        assert (site / lang / "werkvormen" / "fotospel" / "index.html").exists()
        assert not BeautifulSoup((site / lang / "werkvormen" / "fotospel" / "index.html").read_text(encoding="utf-8"),
                                 "html.parser").select("article .bb-notice")


def translation_command(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.translation", *args], cwd=PROJECT_DIR, capture_output=True,
                          text=True, env=dict(os.environ, HANDBOOK_DATA_DIR=str(data_dir)))


def test_the_status_command_counts_complete_stale_and_missing_texts(small_data):
    """The small handbook has 34 texts and the 123 interface strings; English lacks one text and has one fuzzy."""
    result = translation_command(small_data, "status")
    assert result.stdout.splitlines() == ["fy: 157 complete, 0 stale, 0 missing of 157 texts",
                                          "en: 155 complete, 1 stale, 1 missing of 157 texts"]


def test_the_todo_command_lists_the_missing_and_fuzzy_entries_as_po(small_data):
    todo = polib.pofile(translation_command(small_data, "todo", "en", "methods").stdout)
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in todo] == [("item.half.sections.0.body", "Deze tekst is nog niet vertaald.", "")]
    stale = polib.pofile(translation_command(small_data, "todo", "en", "checklists").stdout)
    assert [(e.msgctxt, e.previous_msgid, e.flags) for e in stale] == [("item.oud.summary", "Een oudere Nederlandse tekst.", ["fuzzy"])]


def test_changing_one_dutch_text_and_updating_makes_exactly_that_entry_fuzzy(small_data, tmp_path):
    before = {lang: polib.pofile(str(small_data / "translations" / f"{lang}.po")) for lang in ("fy", "en")}
    methods = small_data / "methods.yml"
    methods.write_text(methods.read_text(encoding="utf-8").replace("summary: Deze kaart is helemaal vertaald.",
                                                                   "summary: Deze kaart is nu anders."), encoding="utf-8")
    assert translation_command(small_data, "update").returncode == 0
    for lang in ("fy", "en"):
        after = polib.pofile(str(small_data / "translations" / f"{lang}.po"))
        changed = {e.msgctxt for e in after if (e.msgctxt, e.msgid, e.msgstr, tuple(e.flags)) not in
                   {(b.msgctxt, b.msgid, b.msgstr, tuple(b.flags)) for b in before[lang]}}
        assert changed == {"item.volledig.summary"}, lang
        entry = next(e for e in after if e.msgctxt == "item.volledig.summary")
        assert entry.fuzzy and entry.previous_msgid == "Deze kaart is helemaal vertaald." and entry.msgid == "Deze kaart is nu anders."
        assert entry.msgstr == next(b.msgstr for b in before[lang] if b.msgctxt == "item.volledig.summary")
        assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(small_data / "translations" / f"{lang}.po")]).returncode == 0
    result = build_site(tmp_path / "site", small_data)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site" / "en" / "werkvormen" / "volledig" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("article .bb-notice--stale")
    assert "en: 2 translated texts are stale" in result.stderr


@pytest.mark.parametrize("path", sorted((PROJECT_DIR / "data" / "translations").glob("*.po")), ids=lambda p: p.name)
def test_every_po_file_passes_msgfmt_check(path):
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr


def test_the_po_files_are_up_to_date_with_the_dutch(tmp_path, data_copy):
    """`make translations` has nothing left to change: the template and the PO files follow the data."""
    assert translation_command(data_copy, "update").returncode == 0
    for path in sorted((PROJECT_DIR / "data" / "translations").glob("*.po*")):
        entries = lambda p: [(e.msgctxt, e.msgid, e.msgstr, e.flags, e.obsolete) for e in polib.pofile(str(p))]  # noqa: E731
        assert entries(data_copy / "translations" / path.name) == entries(path), f"run make translations ({path.name})"
