"""Translation files: how complete each language is, and files for translators to fill in.

    python -m macros.translation status                # complete, stale and missing texts per language
    python -m macros.translation todo en pilots        # YAML with every missing or stale text of pilots.yml
    python -m macros.translation add en pilots FILE    # put the filled-in texts of FILE into the translations
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..content.handbook import DATA_DIR, TRANSLATIONS_DIR_NAME, Handbook, load_handbook


@dataclass(frozen=True)
class Status:
    complete: int
    stale: int
    missing: int

    @property
    def total(self) -> int:
        return self.complete + self.stale + self.missing


def status(book: Handbook, lang: str) -> dict[str, Status]:
    """Per translation file: how many texts are translated and current, stale, or missing."""
    catalog = book.translations.get(lang, {})
    result = {}
    for name, texts in book.source_texts().items():
        stale = sum(key in catalog and catalog[key].nl != text for key, text in texts.items())
        missing = sum(key not in catalog for key in texts)
        result[name] = Status(len(texts) - stale - missing, stale, missing)
    return result


def todo(book: Handbook, lang: str, name: str) -> dict[str, dict[str, str]]:
    """The missing and stale texts of one file: key → {nl: the Dutch text, text: the translation so far}."""
    catalog = book.translations.get(lang, {})
    entries = {}
    for key, text in book.source_texts()[name].items():
        entry = catalog.get(key)
        if entry is None or entry.nl != text:
            entries[key] = {"nl": str(text), "text": entry.text if entry else ""}
    return entries


def add(book: Handbook, lang: str, name: str, filled: dict) -> int:
    """Merge filled-in entries ({key: {nl, text}}) into data/translations/<lang>/<name>.yml; return how many.

    Entries without text, or whose key has no Dutch text, are left out; the file keeps the Dutch order.
    """
    path = DATA_DIR / TRANSLATIONS_DIR_NAME / lang / f"{name}.yml"
    current = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    source = book.source_texts()[name]
    added = {key: {"nl": str(source[key]), "text": entry["text"].strip()} for key, entry in filled.items()
             if key in source and (entry.get("text") or "").strip()}
    merged = {**(current or {}), **added}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump({key: merged[key] for key in source if key in merged}), encoding="utf-8")
    return len(added)


class _BlockDumper(yaml.SafeDumper):
    """Writes texts with line breaks as readable | blocks."""


_BlockDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)
)


def dump(entries: dict) -> str:
    return yaml.dump(entries, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=120)


def main(args: list[str]) -> int:
    book = load_handbook()
    if args[:1] == ["status"]:
        for lang in list(book.languages)[1:]:
            totals = status(book, lang).values()
            complete, stale, missing = (sum(getattr(s, f) for s in totals) for f in ("complete", "stale", "missing"))
            print(f"{lang}: {complete} complete, {stale} stale, {missing} missing of {complete + stale + missing} texts")
        return 0
    if args[:1] == ["todo"] and len(args) == 3:
        print(dump(todo(book, args[1], args[2])), end="")
        return 0
    if args[:1] == ["add"] and len(args) == 4:
        filled = yaml.safe_load(open(args[3], encoding="utf-8"))
        print(f"{add(book, args[1], args[2], filled)} texts added to {args[1]}/{args[2]}.yml")
        return 0
    print(__doc__)
    return 2

