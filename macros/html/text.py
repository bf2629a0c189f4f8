"""A text from the data in the language it is shown in, and how it becomes HTML.

Templates print ``{{ card.title }}`` and get escaping, safe Markdown and language marking for free: a text
that has no translation yet keeps the Dutch words and renders inside ``lang="nl"``; a published name is
always marked as Dutch and never translated.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from .markdown import render_markdown


@dataclass(frozen=True)
class LocalText:
    """One text: its words, the language they are in and the language of the page it is shown on."""

    text: str
    lang: str
    direction: str  # of ``lang``
    page_lang: str
    markdown: bool = False
    name: bool = False  # a published name, e.g. a Dutch publication title
    stale: bool = False  # a translation of an older version of the Dutch text
    shown: list | None = field(default=None, compare=False, repr=False)  # gets this text when it is rendered

    @property
    def untranslated(self) -> bool:
        return self.lang != self.page_lang and not self.name

    def __str__(self) -> str:
        return self.text

    def __html__(self) -> str:
        if self.shown is not None:
            self.shown.append(self)
        html = render_markdown(self.text) if self.markdown else escape(self.text)
        if self.name:
            return Markup('<span lang="{}" dir="{}" translate="no">{}</span>').format(self.lang, self.direction, html)
        if self.lang == self.page_lang:
            return html
        tag = "div" if self.markdown else "span"
        return Markup('<{0} lang="{1}" dir="{2}">{3}</{0}>').format(tag, self.lang, self.direction, html)
