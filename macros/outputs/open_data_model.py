"""The shape of the open data (data/v1/): pydantic models derived from the content models.

A record is an item as its data file holds it, with every translatable text replaced by that text in each
language of the site (``{"nl": {"text": ..., "fallback": false, "stale": false}, "fy": ...}``), and with
its id, kind, page address in each language, source and attribution. The models are made from the content
models (``macros/content/models.py``) and the languages of the data, so the JSON Schemas that pydantic
writes from them follow every change of the data's shape: there is no second description to keep in step.
"""
from __future__ import annotations

import types
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..content.kinds import ITEM_KINDS
from ..content.models import ID_PATTERN, Markdown, Name, Plain

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class Export(BaseModel):
    """Base of every export model: no other fields; read from content models by attribute."""

    model_config = ConfigDict(extra="forbid", frozen=True, from_attributes=True, populate_by_name=True)


class PerLanguage(Export):
    """Base of the models with one field per language code (made by ``_per_language``)."""


class PlainText(Export):
    """A plain text in one language."""

    text: str = Field(json_schema_extra={"contentMediaType": "text/plain"})
    fallback: bool = Field(description="No translation yet: the text is the Dutch text.")
    stale: bool = Field(description="Translated from an older Dutch text: the Dutch text has changed since.")


class MarkdownText(PlainText):
    """A Markdown text in one language (paragraphs, lists, emphasis, links)."""

    text: str = Field(json_schema_extra={"contentMediaType": "text/markdown"})


class Licence(Export):
    """A licence as the Data Package standard writes it: SPDX id, address and title."""

    name: str
    path: str
    title: str


class LanguageInfo(Export):
    code: str
    name: str
    direction: Literal["ltr", "rtl"]


class PublicationInfo(Export):
    """One of the five source publications."""

    id: str
    title: Name
    subtitle: Name | None
    publisher: Name
    year: int | None


class Source(Export):
    """Where an item comes from: its publication (one of the five) and the section of it (the source's
    own heading)."""

    publication: str
    title: Name
    subtitle: Name | None
    publisher: Name
    year: int | None
    section: Name


@dataclass(frozen=True)
class ExportModels:
    """The models for one set of language codes: a record model per item kind and a file model per
    data file ('handbook' holds every kind)."""

    records: dict[str, type[Export]]
    files: dict[str, type[Export]]

    def json_schema(self, file: str, schema_id: str) -> dict[str, Any]:
        """The JSON Schema of a data file, with its dialect and its own address first."""
        schema = self.files[file].model_json_schema(by_alias=True)
        return {"$schema": JSON_SCHEMA_DIALECT, "$id": schema_id, **schema}


ALL_KINDS = "handbook"


@lru_cache(maxsize=None)
def export_models(codes: tuple[str, ...]) -> ExportModels:
    """The export models for the languages ``codes`` (the source language first)."""
    texts = {Plain: _per_language("PlainTextInLanguages", PlainText, codes),
             Markdown: _per_language("MarkdownTextInLanguages", MarkdownText, codes)}
    strings = _per_language("StringInLanguages", str, codes)
    records = {kind.name: _record_model(kind, texts, strings) for kind in ITEM_KINDS}
    union = Annotated[Union[tuple(records.values())], Field(discriminator="kind")]
    facet = create_model("Facet", __base__=Export, __doc__="A facet and its values, named in every language.",
                         label=(strings, ...), values=(dict[str, strings], ...))
    files = {name: _file_model(name, item_type, strings, facet)
             for name, item_type in ((ALL_KINDS, union), *records.items())}
    return ExportModels(records, files)


def _per_language(name: str, value_type, codes: tuple[str, ...]) -> type[PerLanguage]:
    return create_model(name, __base__=PerLanguage, __doc__="One value per language code.",
                        **{code: (value_type, ...) for code in codes})


def _record_model(kind, texts: dict, strings: type) -> type[Export]:
    """The record of one item kind: the item's own fields, texts in every language, and what a reuser
    needs besides: kind, addresses, source and attribution."""
    own = {name: _exported_field(field, texts) for name, field in kind.model.model_fields.items()
           if name not in ("id", "source")}
    return create_model(
        f"{kind.model.__name__}Record", __base__=Export, __doc__=kind.model.__doc__,
        id=(str, Field(pattern=ID_PATTERN, description="Stable id; also the last part of the page address.")),
        kind=(Literal[kind.name], ...),
        url=(strings, Field(description="The address of the item's page in each language.")),
        source=(Source, ...),
        attribution=(strings, Field(description="Text to copy when reusing the item, in each language.")),
        **own,
    )


def _exported_field(field, texts: dict) -> tuple:
    """A required export field with the content field's constraints (pattern, number range, list length)."""
    exported = _exported(field.annotation, texts)
    return (Annotated[exported, *field.metadata] if field.metadata else exported), ...


def _exported(annotation, texts: dict):
    """The type of a content field in the export: texts become texts in every language, models become
    their exported models; published names, ids, numbers and facet values stay as they are."""
    if isinstance(annotation, type) and issubclass(annotation, Name):
        return annotation
    if isinstance(annotation, type) and issubclass(annotation, Plain):
        return texts[Markdown if issubclass(annotation, Markdown) else Plain]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _exported_model(annotation, texts[Plain], texts[Markdown])
    origin = get_origin(annotation)
    if origin is list:
        return list[_exported(get_args(annotation)[0], texts)]
    if origin in (Union, types.UnionType):
        return Union[tuple(_exported(arg, texts) for arg in get_args(annotation))]
    return annotation


@lru_cache(maxsize=None)
def _exported_model(model: type[BaseModel], plain: type, markdown: type) -> type[Export]:
    texts = {Plain: plain, Markdown: markdown}
    fields = {name: _exported_field(field, texts) for name, field in model.model_fields.items()}
    return create_model(model.__name__, __base__=Export, __doc__=model.__doc__, **fields)


def _file_model(name: str, item_type, strings: type, facet: type) -> type[Export]:
    return create_model(
        "HandbookData" if name == ALL_KINDS else f"{name.title().replace('-', '')}Data", __base__=Export,
        __doc__="Open data of the handbook 'Bereiken en betrekken'" + ("" if name == ALL_KINDS else f": items of kind '{name}'."),
        schema_=(str, Field(alias="$schema", description="The address of this file's JSON Schema.")),
        title=(str, ...),
        licence=(Licence, Field(description="The licence of the handbook's texts; give the attribution of each item.")),
        languages=(list[LanguageInfo], Field(description="The languages of the texts; the source language first.")),
        publications=(list[PublicationInfo], Field(description="The five publications the handbook is based on.")),
        facets=(dict[str, facet], Field(description="Facets to filter items on, with their values, named in every language.")),
        items=(list[item_type], ...),
    )
