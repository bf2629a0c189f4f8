"""Languages, interface strings and the text of the data in the reader's language.

``localize`` turns a model into a copy whose text fields are ``LocalText`` objects. Each one knows its
language: a text that has no translation yet keeps the Dutch words and renders inside ``lang="nl"``.
Templates therefore print ``{{ card.title }}`` and get escaping and language marking for free.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape
from pydantic import BaseModel

from .markdown import render_markdown
from .models import Markdown, Plain

SOURCE_LANGUAGE = "nl"
RTL_LANGUAGES = {"ar"}


def direction(lang: str) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"


@dataclass(frozen=True)
class LocalText:
    """One text in the language it will be shown in."""

    text: str
    lang: str
    page_lang: str
    markdown: bool = False

    def __str__(self) -> str:
        return self.text

    def __html__(self) -> str:
        html = render_markdown(self.text) if self.markdown else escape(self.text)
        if self.lang == self.page_lang:
            return html
        tag = "div" if self.markdown else "span"
        return Markup('<{0} lang="{1}" dir="{2}">{3}</{0}>').format(tag, self.lang, direction(self.lang), html)

    @property
    def is_fallback(self) -> bool:
        return self.lang != self.page_lang


@dataclass
class Localizer:
    """Looks up translations for one page language and remembers whether any text fell back to Dutch."""

    lang: str
    catalog: dict[str, str]
    fallbacks: int = field(default=0)

    def text(self, value: str, key: str) -> LocalText:
        markdown = isinstance(value, Markdown)
        translated = self.catalog.get(key) if self.lang != SOURCE_LANGUAGE else None
        if self.lang != SOURCE_LANGUAGE and translated is None:
            self.fallbacks += 1
        if translated is None:
            return LocalText(str(value), SOURCE_LANGUAGE, self.lang, markdown)
        return LocalText(translated, self.lang, self.lang, markdown)

    def localize(self, value, key: str):
        """A copy of ``value`` (a model, list or text) with every text field replaced by a LocalText."""
        if isinstance(value, Plain):
            return self.text(value, key)
        if isinstance(value, BaseModel):
            update = {name: self.localize(getattr(value, name), f"{key}.{name}") for name in type(value).model_fields}
            return value.model_copy(update=update)
        if isinstance(value, list):
            return [self.localize(entry, f"{key}.{getattr(entry, 'id', index)}") for index, entry in enumerate(value)]
        return value


def ui_strings(tables: dict[str, dict[str, str]], lang: str) -> dict[str, str]:
    """The interface strings for one language (complete: the loader checks that)."""
    return tables[lang]
