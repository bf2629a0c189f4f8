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


@dataclass(frozen=True)
class Translation:
    """A translated text and the Dutch text it was made from; when the Dutch changes, it is stale."""

    text: str
    nl: str


def map_texts(value, key: str, convert):
    """A copy of ``value`` (a model, list or text) with ``convert(text, key)`` applied to every text in it.

    Keys name each text: ``item.fotospel.sections.0.body``; list entries with an id use the id.
    """
    if isinstance(value, Plain):
        return convert(value, key)
    if isinstance(value, BaseModel):
        update = {name: map_texts(getattr(value, name), f"{key}.{name}", convert) for name in type(value).model_fields}
        return value.model_copy(update=update)
    if isinstance(value, list):
        return [map_texts(entry, f"{key}.{getattr(entry, 'id', index)}", convert) for index, entry in enumerate(value)]
    return value


def texts_of(value, key: str) -> dict[str, Plain]:
    """Every text in ``value`` by its key."""
    found: dict[str, Plain] = {}
    map_texts(value, key, lambda text, text_key: found.setdefault(text_key, text))
    return found


@dataclass
class Localizer:
    """Looks up translations for one page language and counts the texts that are missing or stale."""

    lang: str
    catalog: dict[str, Translation]
    missing: int = field(default=0)
    stale: int = field(default=0)

    def text(self, value: str, key: str) -> LocalText:
        markdown = isinstance(value, Markdown)
        entry = self.catalog.get(key) if self.lang != SOURCE_LANGUAGE else None
        if entry is None:
            self.missing += self.lang != SOURCE_LANGUAGE
            return LocalText(str(value), SOURCE_LANGUAGE, self.lang, markdown)
        self.stale += entry.nl != str(value)
        return LocalText(entry.text, self.lang, self.lang, markdown)

    def localize(self, value, key: str):
        """A copy of ``value`` with every text replaced by a LocalText in this language."""
        return map_texts(value, key, self.text)
