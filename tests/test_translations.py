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


DUTCH_THOUSANDS = re.compile(r"\d\.\d{3}(?![\d.,])")  # 1.642, € 19.035
DUTCH_DECIMAL = re.compile(r"(?<![\d,])\d+,\d{1,2}(?!\d)")  # 1,5 uur, 84,7%


def languages_with_a_decimal_point(book) -> list[str]:
    """The translations whose locale writes 1.5 and 1,642 (from Babel's CLDR data, not a list of ours)."""
    from babel import Locale

    return [code for code in list(book.languages)[1:] if Locale.parse(code).number_symbols["latn"]["decimal"] == "."]


def test_english_and_arabic_write_their_numbers_their_own_way(book):
    assert languages_with_a_decimal_point(book) == ["en", "ar"]
    dutch_formatted = [f"{entry.file}:{entry.line}: {key}: {match.group(0)!r}"
                       for lang in languages_with_a_decimal_point(book) for key, entry in book.translations[lang].items()
                       for pattern in (DUTCH_THOUSANDS, DUTCH_DECIMAL) for match in pattern.finditer(entry.text)]
    assert dutch_formatted == []


def test_the_number_check_finds_dutch_numbers():
    assert DUTCH_THOUSANDS.findall("1.642 people and € 19.035") == ["1.642", "9.035"]
    assert DUTCH_DECIMAL.findall("1,5 hours and 84,7%, not 1,642") == ["1,5", "84,7"]


def test_pilot_figures_and_dates_follow_the_locale_of_the_page(site, book):
    def text(lang: str, url: str, selector: str) -> str:
        html = (site / book.languages[lang].root / url / "index.html").read_text(encoding="utf-8")
        return " ".join(BeautifulSoup(html, "html.parser").select_one(selector).get_text().split())

    figures = {lang: text(lang, "sociaal-binden/pilot-alblasserdam/", ".bb-figures") for lang in LANGUAGES}
    assert "20.356" in figures["nl"] and "€ 26.800 (in heel Nederland: € 34.000)" in figures["nl"]
    assert "20,356" in figures["en"] and "€26,800 (in the whole of the Netherlands: €34,000)" in figures["en"]
    assert "20,356" in figures["ar"] and "72%" in figures["ar"]
    dates = {lang: text(lang, "checklists/doorvragen/", ".bb-print-footer time") for lang in LANGUAGES}
    assert re.fullmatch(r"\d{1,2} [a-z]+ 20\d\d", dates["nl"]) and re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, 20\d\d", dates["en"])


def test_no_translation_uses_a_variant_the_termbase_forbids(book):
    from macros.translation.termbase import load_termbase, violations

    assert [str(v) for v in violations(book, load_termbase(LANGUAGES))] == []


def test_the_termbase_covers_the_reviewed_terms_and_each_required_term_is_used(book):
    from macros.translation.termbase import load_termbase

    concepts = {concept.nl: concept for concept in load_termbase(LANGUAGES)}
    for nl in ("focusgroep", "sleutelfiguur", "aanbeveling", "Aansluiten (bouwsteen)", "Contact leggen (bouwsteen)",
               "Must-do's (PU)", "laaggeletterd", "lemniscaat"):
        assert set(concepts[nl].rules) == {"fy", "en", "ar"}, nl
    unused = [(c.nl, lang, rule.use) for c in concepts.values() for lang, rule in c.rules.items()
              if not any(rule.use.casefold() in t.text.casefold() for t in book.translations[lang].values())]
    assert unused == []


def test_a_forbidden_variant_is_named_with_its_file_and_key(small_data):
    from macros.content.handbook import load_handbook
    from macros.translation.termbase import load_termbase, violations

    (small_data / "termbase.yml").write_text("- nl: kaart\n  en: {use: card, avoid: [map]}\n", encoding="utf-8")
    po = small_data / "translations" / "en.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "A card is a page about one work form."',
                                                         'msgstr "A map is a page about one work form."'), encoding="utf-8")
    found = [str(v) for v in violations(load_handbook(small_data), load_termbase(["nl", "fy", "en"], small_data))]
    assert len(found) == 1 and "data/translations/en.po:" in found[0]
    assert found[0].endswith("glossary.kaart.explanation: 'map' is not used for this concept; write 'card'")


def test_dutch_names_in_translated_text_are_marked_as_dutch(site, book):
    def marked(lang: str) -> list:
        html = (site / book.languages[lang].root / "sociaal-binden/pilot-alblasserdam/index.html").read_text(encoding="utf-8")
        return BeautifulSoup(html, "html.parser").select("article span[lang=nl]")

    english = [span for span in marked("en") if span.get_text() == "Stichting Welzijn Alblasserdam"]
    assert english and all("dir" not in span.attrs for span in english)
    arabic = [span for span in marked("ar") if span.get_text() == "Alblasserdam"]
    assert arabic and all(span["dir"] == "ltr" for span in arabic)
    assert not [span for span in marked("nl") if span.get_text() == "Stichting Welzijn Alblasserdam"]
