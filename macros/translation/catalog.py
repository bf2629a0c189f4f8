"""The texts of the data by key, and their translations.

Every text in a model has a stable key (``item.fotospel.sections.0.body``). A ``Localizer`` turns a model
into a copy whose texts are ``LocalText`` objects in the page's language: the translation where there is
one, else the Dutch text, which then renders marked as Dutch. It counts what is missing or stale.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from ..content.models import Language, Markdown, Name, Plain
from ..html.text import LocalText


@dataclass(frozen=True)
class Translation:
    """A translated text, the Dutch text it was made from, and where it is written. It is stale when it
    is marked fuzzy (the Dutch changed and `make translations` has merged the change) or when the Dutch
    changed since."""

    text: str
    nl: str
    file: str = ""
    line: int | None = None
    fuzzy: bool = False
    previous: str | None = None  # a fuzzy entry's earlier Dutch text (#| msgid)

    def stale_for(self, dutch: str) -> bool:
        return self.fuzzy or self.nl != dutch


def map_texts(value, key: str, convert):
    """A copy of ``value`` (a model, list or text) with ``convert(text, key)`` applied to every text in it.

    Keys name each text: ``item.fotospel.sections.0.body``; list entries with an id use the id.
    """
    if isinstance(value, (Plain, Name)):
        return convert(value, key)
    if isinstance(value, BaseModel):
        update = {name: map_texts(getattr(value, name), f"{key}.{name}", convert) for name in type(value).model_fields}
        return value.model_copy(update=update)
    if isinstance(value, list):
        return [map_texts(entry, f"{key}.{getattr(entry, 'id', index)}", convert) for index, entry in enumerate(value)]
    return value


def texts_of(value, key: str) -> dict[str, Plain]:
    """Every translatable text in ``value`` by its key (published names are not translated)."""
    found: dict[str, Plain] = {}
    map_texts(value, key, lambda text, text_key: found.setdefault(text_key, text) if isinstance(text, Plain) else text)
    return found


@dataclass
class Localizer:
    """Looks up translations for one page language, and keeps the texts that a page has shown, so that
    the page can say whether any of them is untranslated or stale."""

    page: Language
    source: Language
    catalog: dict[str, Translation]
    shown: list[LocalText] = field(default_factory=list)

    @property
    def untranslated_shown(self) -> bool:
        return any(text.untranslated for text in self.shown)

    @property
    def stale_shown(self) -> bool:
        return any(text.stale for text in self.shown)

    def text(self, value: str, key: str) -> LocalText:
        source = (self.source.code, self.source.direction, self.page.code)
        if isinstance(value, Name):
            return LocalText(str(value), *source, name=True, shown=self.shown)
        markdown = isinstance(value, Markdown)
        entry = self.catalog.get(key) if self.page.code != self.source.code else None
        if entry is None:
            return LocalText(str(value), *source, markdown, shown=self.shown)
        return LocalText(entry.text, self.page.code, self.page.direction, self.page.code, markdown,
                         stale=entry.stale_for(str(value)), shown=self.shown)

    def localize(self, value, key: str):
        """A copy of ``value`` with every text replaced by a LocalText in this language."""
        return map_texts(value, key, self.text)
