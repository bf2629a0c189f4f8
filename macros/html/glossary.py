"""Explain specialist words where they are used: the first use on a page becomes <abbr title="...">."""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import escape

_TAG = re.compile(r"(<[^>]+>)")
_SKIP = {"a", "abbr", "script", "style", "code"}


@dataclass(frozen=True)
class Term:
    id: str
    forms: tuple[str, ...]  # the term first, then other spellings
    explanation: str

    def pattern(self) -> re.Pattern:
        alternatives = "|".join(re.escape(f) for f in sorted(self.forms, key=len, reverse=True))
        flags = re.IGNORECASE if self.forms[0].islower() else 0
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", flags)


def mark_terms(html: str, terms: list[Term]) -> str:
    """Wrap the first use of each term in the text of ``html`` (not in links or tags) in an <abbr>."""
    patterns = [(term, term.pattern()) for term in terms]
    marked: set[str] = set()
    skipping: list[str] = []
    out = []
    for chunk in _TAG.split(html):
        if chunk.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", chunk)
            if name and name.group(1).lower() in _SKIP:
                if chunk.startswith("</"):
                    skipping and skipping.pop()
                elif not chunk.endswith("/>"):
                    skipping.append(name.group(1).lower())
            out.append(chunk)
            continue
        if not skipping:
            chunk = _mark_chunk(chunk, patterns, marked)
        out.append(chunk)
    return "".join(out)


def _mark_chunk(text: str, patterns: list, marked: set[str]) -> str:
    """Mark the first match of each not-yet-marked term in one piece of text; matches never overlap."""
    found = []
    for term, pattern in patterns:
        match = None if term.id in marked else pattern.search(text)
        if match and not any(match.start() < end and start < match.end() for start, end, _ in found):
            found.append((match.start(), match.end(), term))
            marked.add(term.id)
    for start, end, term in sorted(found, key=lambda f: f[0], reverse=True):
        text = f'{text[:start]}<abbr title="{escape(term.explanation)}">{text[start:end]}</abbr>{text[end:]}'
    return text
