"""Frisian, English and Arabic: complete, current, in their own language and at the same plain level."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES
from macros.readability import measure, sentences_of
from macros.translation.status import status

TRANSLATED = [lang for lang in LANGUAGES if lang != "nl"]
# Dutch function words that Frisian and English do not use: many of them mean a page reads as Dutch.
DUTCH_ONLY = {"het", "van", "niet", "met", "zijn", "voor", "ook", "naar", "wordt", "worden", "jij", "zij", "maar",
              "als", "bij", "uit", "hebben", "heeft", "deze", "nog", "meer", "veel", "kunnen", "moet", "daar", "zich"}
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")


def main_html(site: Path, lang: str, url: str) -> str:
    html = (site / lang / url / "index.html").read_text(encoding="utf-8")
    return str(BeautifulSoup(html, "html.parser").select_one("article.md-content__inner"))


def pages(site: Path, lang: str) -> list[str]:
    return sorted(p.parent.relative_to(site / lang).as_posix() for p in (site / lang).rglob("index.html"))


def running_text(html: str) -> str:
    return " ".join(sentences_of(html))


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_dutch_text_has_a_current_translation(book, lang):
    counts = status(book, lang)
    assert {name: (s.stale, s.missing) for name, s in counts.items() if s.stale or s.missing} == {}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_translation_lacks_a_dutch_source(book, lang):
    keys = {key for texts in book.source_texts().values() for key in texts}
    assert sorted(set(book.translations.get(lang, {})) - keys) == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_page_says_it_is_not_translated(site, lang):
    untranslated = [url for url in pages(site, lang) if "bb-notice" in main_html(site, lang, url)]
    assert untranslated == []


@pytest.mark.parametrize("lang", ["en", "fy"])
def test_english_and_frisian_pages_do_not_read_as_dutch(site, lang):
    dutch = {}
    for url in pages(site, lang):
        words = re.findall(r"[^\W\d_]+", running_text(main_html(site, lang, url)).lower())
        share = sum(w in DUTCH_ONLY for w in words) / max(len(words), 1)
        if share > 0.03:
            dutch[url] = round(share, 3)
    assert dutch == {}


def test_arabic_main_text_is_in_arabic_script(site):
    latin = {}
    for url in pages(site, "ar"):
        text = running_text(main_html(site, "ar", url))
        arabic, other = len(ARABIC_LETTER.findall(text)), len(LATIN_LETTER.findall(text))
        if arabic < 2 * other:
            latin[url] = (arabic, other)
    assert latin == {}


def test_english_pages_are_easy_to_read(site, book):
    hard = {url: f.flesch for url in pages(site, "en")
            if (f := measure(main_html(site, "en", url), book.languages["en"])).flesch < 60 and url != "taalniveau"}
    assert hard == {}, "Flesch Reading Ease below 60"


@pytest.mark.parametrize("lang", ["fy", "ar"])
def test_frisian_and_arabic_sentences_are_short(site, book, lang):
    long = {url: f.words_per_sentence for url in pages(site, lang)
            if (f := measure(main_html(site, lang, url), book.languages[lang])).words_per_sentence > 13}
    assert long == {}
