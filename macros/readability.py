"""Reading level of a page's main text: Flesch reading ease, sentence length and uncommon words.

Flesch reading ease uses the formula that data/languages.yml gives for the language (Douma's for Dutch,
Flesch's own for English), with syllables counted by the language's pyphen dictionary. A language with
neither is measured by sentence length and word frequency only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pyphen
from wordfreq import zipf_frequency

from .content.models import Language

LONG_SENTENCE_WORDS = 20
UNCOMMON_ZIPF = 3.0
MIN_FLESCH_DOUMA = 65
MAX_WORDS_PER_SENTENCE = 13

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "br", "div", "section"}
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr"}
NOT_MAIN_TEXT = "bb-meta"  # class of page parts that are not running text: facets, source line, links
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class Figures:
    flesch: float | None  # None where the language has no formula
    words_per_sentence: float
    long_sentence_share: float
    uncommon_word_share: float
    words: int
    sentences: int

    @property
    def within_limits(self) -> bool:
        return (self.flesch is None or self.flesch >= MIN_FLESCH_DOUMA) and self.words_per_sentence <= MAX_WORDS_PER_SENTENCE


class _MainText(HTMLParser):
    """Collects the running text of a page, skipping elements marked ``bb-meta``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open: list[bool] = []  # per open element: does it start a skipped part?

    @property
    def skipping(self) -> bool:
        return any(self.open)

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append("\n")
        if tag not in VOID:
            self.open.append(NOT_MAIN_TEXT in (dict(attrs).get("class") or "").split())

    def handle_endtag(self, tag):
        if tag not in VOID and self.open:
            self.open.pop()
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def sentences_of(content_html: str) -> list[str]:
    """The sentences of a page's running text; every block (paragraph, list item, heading) ends one."""
    parser = _MainText()
    parser.feed(content_html)
    text = "".join(parser.parts)
    return [s.strip() for s in _SENTENCE_END.split(text) if _WORD.search(s)]


def flesch(words: list[str], words_per_sentence: float, language: Language) -> float | None:
    """The language's Flesch reading ease, or None where data/languages.yml gives no formula for it."""
    formula = language.reading_ease
    if formula is None or language.hyphenation is None:
        return None
    hyphenator = pyphen.Pyphen(lang=language.hyphenation)
    syllables = sum(len(hyphenator.positions(w)) + 1 for w in words)
    return round(formula.base - formula.per_word * words_per_sentence - formula.per_syllable * syllables / max(len(words), 1), 1)


def measure(content_html: str, language: Language) -> Figures:
    sentences = sentences_of(content_html)
    words = [w for s in sentences for w in _WORD.findall(s)]
    counts = [len(_WORD.findall(s)) for s in sentences]
    words_per_sentence = len(words) / max(len(sentences), 1)
    return Figures(
        flesch=flesch(words, words_per_sentence, language),
        words_per_sentence=round(words_per_sentence, 1),
        long_sentence_share=round(sum(c > LONG_SENTENCE_WORDS for c in counts) / max(len(counts), 1), 3),
        uncommon_word_share=round(sum(zipf_frequency(w, language.code) < UNCOMMON_ZIPF for w in words) / max(len(words), 1), 3),
        words=len(words),
        sentences=len(sentences),
    )


# --- Report: make readability ---

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def report(site_dir: str) -> int:
    """Print the figures of every Dutch page of a built site; exit 1 when a page is over the limits."""
    from pathlib import Path
    from statistics import median

    from .content.handbook import load_handbook

    book = load_handbook()
    skipped = (*(lang.root for lang in list(book.languages.values())[1:]), "assets/", "search/", "taalniveau/")
    rows = []
    for page in sorted(Path(site_dir).rglob("index.html")):
        url = page.relative_to(site_dir).parent.as_posix() + "/"
        if url.startswith(skipped):
            continue
        match = _ARTICLE.search(page.read_text(encoding="utf-8"))
        if match:
            rows.append((url, measure(match.group(1), book.source)))
    print(f"{'page':58} {'Flesch-Douma':>12} {'words/sent':>10} {'>20 words':>9} {'uncommon':>8}")
    for url, f in rows:
        flag = "" if f.within_limits else "  <-- over the limit"
        print(f"{url:58} {f.flesch:12.1f} {f.words_per_sentence:10.1f} {f.long_sentence_share:9.1%} {f.uncommon_word_share:8.1%}{flag}")
    scores = [f.flesch for _, f in rows]
    over = [url for url, f in rows if not f.within_limits]
    print(f"\n{len(rows)} Dutch pages; Flesch-Douma median {median(scores):.1f}, lowest {min(scores):.1f}; "
          f"words per sentence highest {max(f.words_per_sentence for _, f in rows):.1f}; over the limits: {len(over) or 'none'}")
    return 1 if over else 0
