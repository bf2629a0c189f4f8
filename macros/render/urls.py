"""Addresses: where each page lives, from the kinds registry's URL patterns, and links between pages."""
from __future__ import annotations

import posixpath

from ..content.handbook import Handbook
from ..content.kinds import ABOUT, HOME, ITEM_URL, SECTIONS, STANDALONE


def address(book: Handbook, target: str = "") -> str:
    """The address of an item, section, about page or standalone page below a language root ('' is home)."""
    if not target:
        return HOME.url
    if target in book.items:
        return ITEM_URL.format(section=book.section_of(target).id, id=target)
    kind = next(kind for kind, models in ((SECTIONS, book.sections), (ABOUT, book.about), (STANDALONE, book.standalone))
                if target in models)
    return kind.url.format(id=target)


def relative_url(target: str, current: str) -> str:
    """A link from the page at ``current`` to ``target`` (both site-relative directory URLs)."""
    link = posixpath.relpath("/" + target, "/" + current if current.endswith("/") else posixpath.dirname("/" + current))
    return "./" if link == "." else link + "/"
