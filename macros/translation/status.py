"""The translators' commands: how complete each language is, what is left to do, and bringing the PO
files up to date with the Dutch.

    python -m macros.translation status           # complete, stale (fuzzy) and missing texts per language,
                                                  # and every term the termbase (data/termbase.yml) forbids
    python -m macros.translation todo en pilots   # the stale and missing entries of pilots.yml, as PO
    python -m macros.translation update           # the template from the Dutch data, merged into every PO file
"""
from __future__ import annotations

from dataclasses import dataclass

import polib

from ..content.handbook import DATA_DIR, TRANSLATIONS_DIR_NAME, Handbook, load_handbook
from . import po
from .termbase import load_termbase, violations


@dataclass(frozen=True)
class Status:
    complete: int
    stale: int
    missing: int

    @property
    def total(self) -> int:
        return self.complete + self.stale + self.missing


def status(book: Handbook, lang: str) -> dict[str, Status]:
    """Per data file: how many texts are translated and current, stale, or missing."""
    catalog = book.translations.get(lang, {})
    result = {}
    for name, texts in book.source_texts().items():
        stale = sum(key in catalog and catalog[key].stale_for(text) for key, text in texts.items())
        missing = sum(key not in catalog for key in texts)
        result[name] = Status(len(texts) - stale - missing, stale, missing)
    return result


def todo(book: Handbook, lang: str, name: str) -> polib.POFile:
    """The missing and stale texts of one data file, as PO entries to fill in."""
    catalog = book.translations.get(lang, {})
    entries = polib.POFile(wrapwidth=0)
    for key, text in book.source_texts()[name].items():
        entry = catalog.get(key)
        if entry is None or entry.stale_for(text):
            entries.append(polib.POEntry(msgctxt=key, msgid=str(text), msgstr=entry.text if entry else "",
                                         previous_msgid=entry.previous or (entry.nl if entry.nl != text else None) if entry else None,
                                         flags=["fuzzy"] if entry else []))
    return entries


def data_file(name: str) -> str:
    """'methods' → 'data/methods.yml': where a group of texts comes from, for the PO references."""
    return f"data/{name}.yml"


def update(book: Handbook) -> list[str]:
    """Write the template from the Dutch data and merge it into every language's PO file."""
    folder = DATA_DIR / TRANSLATIONS_DIR_NAME
    pot = po.template({data_file(name): texts for name, texts in book.source_texts().items()})
    po.write(pot, folder / po.TEMPLATE_NAME)
    written = []
    for language in list(book.languages.values())[1:]:
        path = po.po_path(folder, language.code)
        current = po.read(path) if path.exists() else polib.POFile()
        po.write(po.merge(current, pot, language), path)
        written.append(str(path.relative_to(DATA_DIR.parent)))
    return written


def main(args: list[str]) -> int:
    if args[:1] == ["update"]:
        for path in update(load_handbook(with_translations=False)):
            print(f"updated {path}")
        return 0
    book = load_handbook()
    if args[:1] == ["status"]:
        for lang in list(book.languages)[1:]:
            totals = status(book, lang).values()
            complete, stale, missing = (sum(getattr(s, f) for s in totals) for f in ("complete", "stale", "missing"))
            print(f"{lang}: {complete} complete, {stale} stale, {missing} missing of {complete + stale + missing} texts")
        for violation in violations(book, load_termbase(list(book.languages))):
            print(f"termbase: {violation}")
        return 0
    if args[:1] == ["todo"] and len(args) == 3:
        print(str(todo(book, args[1], args[2])))
        return 0
    print(__doc__)
    return 2
