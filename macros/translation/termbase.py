"""One word for one thing: the termbase (data/termbase.yml) and the translations that break it.

Each concept has its Dutch term and, per language, the term to use and the variants to avoid. A variant
that comes back in a translation is a violation: the tests fail on it and `status` lists it, with the PO
file, line and key.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from ..content.handbook import DATA_DIR, Handbook
from ..content.models import Strict
from ..content.yaml_files import DataError, Problem, read_yaml, validate

TERMBASE_FILE = "termbase.yml"


class TermRule(Strict):
    use: str = Field(min_length=1)
    avoid: list[str] = []


@dataclass(frozen=True)
class Concept:
    nl: str
    rules: dict[str, TermRule]  # by language code


@dataclass(frozen=True)
class Violation:
    lang: str
    key: str
    file: str
    line: int | None
    variant: str
    use: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.key}: '{self.variant}' is not used for this concept; write '{self.use}'"


def load_termbase(languages: list[str], data_dir: Path | None = None) -> list[Concept]:
    """The concepts of data/termbase.yml; an unknown language or a malformed rule is a DataError."""
    label = f"{(data_dir or DATA_DIR).name}/{TERMBASE_FILE}"
    raw = read_yaml((data_dir or DATA_DIR) / TERMBASE_FILE, label) or []
    concepts, problems = [], []
    for entry in raw:
        rules = {}
        for lang, rule in entry.items():
            if lang == "nl":
                continue
            if lang not in languages[1:]:
                problems.append(Problem(label, entry.line, f"unknown language '{lang}'", entry.get("nl"), lang))
                continue
            value, found = validate(rule, TermRule, label, entry.get("nl"))
            problems += found
            if value is not None:
                rules[lang] = value
        concepts.append(Concept(str(entry.get("nl")), rules))
    if problems:
        raise DataError(problems)
    return concepts


def violations(book: Handbook, concepts: list[Concept]) -> list[Violation]:
    """Every translation that uses a variant the termbase forbids."""
    found = []
    for concept in concepts:
        for lang, rule in concept.rules.items():
            for key, entry in book.translations.get(lang, {}).items():
                text = entry.text.casefold()
                found += [Violation(lang, key, entry.file, entry.line, variant, rule.use)
                          for variant in rule.avoid if variant.casefold() in text]
    return found
