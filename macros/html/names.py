"""Dutch names inside translated text, marked as Dutch so that a screen reader pronounces them right.

The list is data (data/dutch-names.yml); translators never type markup. Text inside an element that already
says its language (an untranslated text, a published title) is left alone, as are links' addresses and tags.
"""
from __future__ import annotations

import re

from markupsafe import Markup

_TAG = re.compile(r"(<[^>]+>)")
_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
_VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col"}
_SKIP = {"script", "style", "code", "title", "textarea"}


def names_pattern(names: list[str]) -> re.Pattern | None:
    """One pattern for every name, longest first, as whole words with the same capitals."""
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def mark_dutch_names(html: str, pattern: re.Pattern | None, lang: str, direction: str) -> str:
    """Wrap each name in the text of ``html`` in <span lang="..."> (with dir on right-to-left pages)."""
    if pattern is None:
        return html
    wrapper = Markup('<span lang="{}"{}>').format(lang, Markup(' dir="ltr"') if direction == "rtl" else "")
    open_tags: list[bool] = []  # per open element: is its text already marked or not running text?
    out = []
    for chunk in _TAG.split(html):
        if chunk.startswith("<"):
            name = _NAME.match(chunk)
            tag = name.group(1).lower() if name else ""
            if chunk.startswith("</"):
                open_tags and open_tags.pop()
            elif name and tag not in _VOID and not chunk.endswith("/>"):
                open_tags.append(tag in _SKIP or " lang=" in chunk or 'translate="no"' in chunk)
            out.append(chunk)
        elif chunk and not any(open_tags):
            out.append(pattern.sub(lambda match: f"{wrapper}{match.group(0)}</span>", chunk))
        else:
            out.append(chunk)
    return "".join(out)
