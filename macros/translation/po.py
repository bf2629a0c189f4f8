"""gettext PO files: the format that Poedit, Weblate and Crowdin read as source text and translation.

One template (``data/translations/handbook.pot``) holds every Dutch text of the data and the interface,
each with its stable key as ``msgctxt`` and the data file it comes from as reference; one PO file per
language (``data/translations/<code>.po``) holds the translations. ``update`` merges the template into
every PO file the way ``msgmerge --previous`` does, but matched by key: when a Dutch text changes, its
entry becomes fuzzy, keeps the old translation and records the previous Dutch text. A fuzzy entry is what
the site calls stale. polib reads and writes the files (a small, well-kept library made for this).
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import polib

from ..content.models import Language

TEMPLATE_NAME = "handbook.pot"
PROJECT = "Bereiken en betrekken"


def po_path(folder: Path, code: str) -> Path:
    return folder / f"{code}.po"


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M+0000")


def _metadata(language: Language | None) -> dict[str, str]:
    metadata = {
        "Project-Id-Version": PROJECT,
        "POT-Creation-Date": _now(),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if language is not None:
        metadata |= {"Language": language.code, "Plural-Forms": language.plural_forms or "nplurals=2; plural=(n != 1);",
                     "Language-Team": language.name}
    return metadata


def template(texts: dict[str, dict[str, str]]) -> polib.POFile:
    """The template: every Dutch text, by its data file ({'data/methods.yml': {key: text}})."""
    pot = polib.POFile(wrapwidth=0)
    pot.metadata = _metadata(None)
    for file, entries in texts.items():
        for key, text in entries.items():
            pot.append(polib.POEntry(msgctxt=key, msgid=str(text), msgstr="", occurrences=[(file, "")]))
    return pot


def merge(po: polib.POFile, pot: polib.POFile, language: Language) -> polib.POFile:
    """The PO file brought up to date with the template, matched by key (msgctxt).

    A changed Dutch text: the entry becomes fuzzy and keeps its translation, with the old Dutch text as
    ``#| msgid``. A new text: an empty entry. A text no longer in the template: kept as obsolete (``#~``).
    """
    old = {entry.msgctxt: entry for entry in po if not entry.obsolete}
    merged = polib.POFile(wrapwidth=0)
    kept = {key: po.metadata[key] for key in ("Last-Translator", "PO-Revision-Date") if po.metadata.get(key)}
    merged.metadata = _metadata(language) | {"Last-Translator": str(language.translated_by or ""),
                                             "PO-Revision-Date": _now()} | kept
    for source in pot:
        entry = old.pop(source.msgctxt, None)
        if entry is None:
            entry = polib.POEntry(msgctxt=source.msgctxt, msgid=source.msgid, msgstr="")
        elif entry.msgid != source.msgid:
            if entry.msgstr and "fuzzy" not in entry.flags:
                entry.previous_msgid = entry.msgid
                entry.flags.append("fuzzy")
            elif not entry.msgstr:
                entry.previous_msgid = None
            entry.msgid = source.msgid
        entry.occurrences = source.occurrences
        merged.append(entry)
    for entry in old.values():
        if entry.msgstr:
            entry.obsolete = True
            merged.append(entry)
    return merged


def read(path: Path) -> polib.POFile:
    return polib.pofile(str(path), wrapwidth=0)


def write(po: polib.POFile, path: Path) -> None:
    """Write only when the text changes, so that `make serve` does not rebuild in a loop."""
    text = str(po) + "\n"
    if not path.exists() or _without_dates(path.read_text(encoding="utf-8")) != _without_dates(text):
        path.write_text(text, encoding="utf-8")


def _without_dates(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if "-Date:" not in line)
