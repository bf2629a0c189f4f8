"""The handbook as open data in the built site, at data/v1/: for programs, databases and spreadsheets.

- ``handbook.json`` (every item) and ``<kind>.json`` (the items of one kind): each item with its texts in
  every language, flagged where the Dutch text stands in for a missing translation (``fallback``) or
  where a translation was made from an older Dutch text (``stale``), its page address in each language,
  its source and an attribution to copy;
- ``schema/<file>.jsonschema.json``: the JSON Schema of each of these files, written by pydantic from the
  export models (``open_data_model.py``);
- ``csv/<kind>.<language>.csv``: one table per kind and language, UTF-8 with a byte-order mark so that
  spreadsheet programs read accents and Arabic; nested fields get dotted column names and lists are
  joined with `` | `` (LIST_SEPARATOR), entry by entry, so ``sections.heading`` and ``sections.body``
  line up;
- ``datapackage.json``: a Frictionless Data Package (v2) that describes every file, with its size and
  SHA-256 hash, and the columns of every table.
"""
from __future__ import annotations

import csv
import hashlib
import json
import types
from pathlib import Path
from typing import Union, get_args, get_origin

from pydantic import BaseModel

from ..content.handbook import Handbook
from ..content.kinds import ITEM_KINDS, text_key
from ..content.models import Facets, Item, Name
from ..render.urls import address
from ..translation.catalog import Localizer, map_texts
from .open_data_model import ALL_KINDS, Export, PerLanguage, export_models

VERSION = "1"  # of the format: a change that breaks a reuser's program gets a new version, in a new folder
DATA_FOLDER = f"data/v{VERSION}"  # below the site root
LIST_SEPARATOR = " | "
DATA_PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
OPEN_DATA_PAGE = "open-data"  # the `shows` value of the standalone page that explains the data


def json_file(name: str) -> str:
    """Where a data file lives below DATA_FOLDER: 'handbook.json', 'method.json'."""
    return f"{name}.json"


def schema_file(name: str) -> str:
    """'schema/method.jsonschema.json': Frictionless tools read a name ending in 'schema.json' as a Table
    Schema, and one ending in 'jsonschema.json' as what it is."""
    return f"schema/{name}.jsonschema.json"


def csv_file(name: str, code: str) -> str:
    return f"csv/{name}.{code}.csv"


def write_open_data(site_dir: Path, book: Handbook, site_url: str, site_name: str, licence: dict) -> Path:
    """Write data/v1/ below ``site_dir``; return the path of its datapackage.json."""
    folder = site_dir / DATA_FOLDER
    export = OpenDataExport(book, site_url.rstrip("/") + "/", site_name, licence)
    written: list[tuple[str, str, dict]] = []  # (resource name, file below the folder, its properties)
    for name, items in export.files().items():
        title, schema_address = export.title(name), export.address(schema_file(name))
        _write_json(folder / json_file(name), export.data_file(name, schema_address, items))
        _write_json(folder / schema_file(name), export.models.json_schema(name, schema_address))
        written += [(name, json_file(name), {"title": title, "format": "json", "mediatype": "application/json",
                                             "description": f"JSON Schema: {schema_file(name)}"}),
                    (f"{name}-schema", schema_file(name), {"title": f"JSON Schema: {title}", "format": "json",
                                                           "mediatype": "application/schema+json"})]
        if name == ALL_KINDS:
            continue
        for code, language in book.languages.items():
            fields = _write_csv(folder / csv_file(name, code), export.models.records[name], items, code)
            written.append((f"{name}-{code}", csv_file(name, code), {
                "title": f"{title} ({language.name})", "type": "table", "format": "csv", "mediatype": "text/csv",
                "schema": {"fields": fields, "primaryKey": ["id"]},
                "description": f"One row per item. Lists are joined with '{LIST_SEPARATOR}'. UTF-8 with a byte-order mark."}))
    package = folder / "datapackage.json"
    _write_json(package, export.data_package(folder, written))
    return package


class OpenDataExport:
    """Turns the handbook's items into export records and files."""

    def __init__(self, book: Handbook, site_url: str, site_name: str, licence: dict):
        self.book, self.site_url, self.site_name, self.licence = book, site_url, site_name, licence
        self.models = export_models(tuple(book.languages))
        self.localizers = {code: Localizer(lang, book.source, book.translations.get(code, {}))
                           for code, lang in book.languages.items()}
        self.ui = book.ui[book.source.code]

    def address(self, file: str) -> str:
        return f"{self.site_url}{DATA_FOLDER}/{file}"

    def title(self, name: str) -> str:
        return self.site_name if name == ALL_KINDS else f"{self.site_name}: {self.ui['kind.' + name]}"

    def files(self) -> dict[str, list[Export]]:
        """The records of every data file: all items, then one file per kind (in registry order)."""
        records = [self.record(item) for item in self.book.items.values()]
        by_kind = {kind.name: [r for r in records if r.kind == kind.name] for kind in ITEM_KINDS}
        return {ALL_KINDS: records, **by_kind}

    def record(self, item: Item) -> Export:
        """One item in every language, with its addresses, source and attribution."""
        publication = self.book.publications[item.source.publication]
        urls = {code: self.site_url + lang.root + address(self.book, item.id) for code, lang in self.book.languages.items()}
        localized = map_texts(item, text_key(item), self._in_languages)
        own = {name: getattr(localized, name) for name in type(item).model_fields if name not in ("id", "source")}
        source = {"publication": publication.id, "title": publication.title, "subtitle": publication.subtitle,
                  "publisher": publication.publisher, "year": publication.year, "section": item.source.section}
        return self.models.records[item.kind].model_validate({
            "id": item.id, "kind": item.kind, "url": urls, "source": source,
            "attribution": {code: self._attribution(code, source, urls[code]) for code in self.book.languages},
            **own,
        })

    def _in_languages(self, text, key: str):
        """A text in every language: the translation, or the Dutch text flagged as a fallback."""
        if isinstance(text, Name):
            return text
        shown = {code: localizer.text(text, key) for code, localizer in self.localizers.items()}
        return {code: {"text": local.text, "fallback": local.untranslated, "stale": local.stale} for code, local in shown.items()}

    def _attribution(self, code: str, source: dict, url: str) -> str:
        ui = self.book.ui[code]
        publication = f"{source['publisher']}, {source['title']}" + (f". {source['subtitle']}" if source["subtitle"] else "")
        return (f"{self.site_name}, {url} ({self.licence['title']}). {ui['label.source']}: {publication}. "
                f"{ui['label.source_section']}: {source['section']}.")

    def data_file(self, name: str, schema_address: str, items: list[Export]) -> dict:
        languages = [{"code": lang.code, "name": lang.name, "direction": lang.direction} for lang in self.book.languages.values()]
        publications = [p.model_dump(include={"id", "title", "subtitle", "publisher", "year"}) for p in self.book.publications.values()]
        data = {"$schema": schema_address, "title": self.title(name), "licence": self.licence, "languages": languages,
                "publications": publications, "facets": self._facets(), "items": items}
        return self.models.files[name].model_validate(data).model_dump(mode="json", by_alias=True)

    def _facets(self) -> dict:
        """Every facet and its values, named in every language (the interface strings of the cards)."""
        def names(key: str) -> dict[str, str]:
            return {code: ui[key] for code, ui in self.book.ui.items()}

        def value_key(name: str, value) -> str:
            return ("label.yes" if value else "label.no") if isinstance(value, bool) else f"facet.{name}.{value}"

        return {name: {"label": names(f"facet.{name}"),
                       "values": {json.dumps(v) if isinstance(v, bool) else v: names(value_key(name, v)) for v in values}}
                for name, values in Facets.allowed_values().items()}

    def data_package(self, folder: Path, written: list[tuple[str, str, dict]]) -> dict:
        resources = []
        for name, file, properties in written:
            content = (folder / file).read_bytes()
            resources.append({"name": name, "path": file, **properties, "encoding": "utf-8",
                              "bytes": len(content), "hash": "sha256:" + hashlib.sha256(content).hexdigest()})
        page = next((page_id for page_id, page in self.book.standalone.items() if page.shows == OPEN_DATA_PAGE), None)
        return {
            "$schema": DATA_PACKAGE_PROFILE,
            "name": "bereiken-en-betrekken",
            "title": self.site_name,
            "description": self.ui["page.open_data.intro"],
            "homepage": self.site_url + (address(self.book, page) if page else ""),
            "version": VERSION,
            "licenses": [self.licence],
            "sources": [{"title": f"{p.publisher}, {p.title}" + (f". {p.subtitle}" if p.subtitle else "")}
                        for p in self.book.publications.values()],
            "resources": resources,
        }


# --- CSV ---


def _write_csv(path: Path, model: type[Export], records: list[Export], code: str) -> list[dict]:
    """One row per record in language ``code``; returns the Table Schema fields of the columns."""
    columns = _cells(model, None, code)
    rows = [_cells(model, record, code) for record in records]
    flags = [_flags(record.model_dump(), code) for record in records]
    names = ["id", "kind", "url", "fallback", "stale", *(c for c in columns if c not in ("id", "kind", "url"))]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(names)
        for row, (fallback, stale) in zip(rows, flags):
            row |= {"fallback": ("boolean", json.dumps(fallback)), "stale": ("boolean", json.dumps(stale))}
            writer.writerow([row[name][1] for name in names])
    columns |= {"fallback": ("boolean", ""), "stale": ("boolean", "")}
    return [{"name": name, "type": columns[name][0]} for name in names]


def _cells(model: type[BaseModel], value, code: str, prefix: str = "") -> dict[str, tuple[str, str]]:
    """A record (or part of it) as columns: name → (Table Schema type, text in language ``code``).
    With ``value`` None, the columns with empty texts."""
    cells: dict[str, tuple[str, str]] = {}
    for name, field in model.model_fields.items():
        cells |= _cell(field.annotation, getattr(value, name) if value is not None else None, code, prefix + name)
    return cells


def _cell(annotation, value, code: str, column: str) -> dict[str, tuple[str, str]]:
    if get_origin(annotation) in (Union, types.UnionType):  # an optional value: its type
        annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
    if get_origin(annotation) is list:
        entry_type = get_args(annotation)[0]
        entries = [_cell(entry_type, entry, code, column) for entry in value or []]
        return {name: ("string", LIST_SEPARATOR.join(entry[name][1] for entry in entries))
                for name in _cell(entry_type, None, code, column)}
    if isinstance(annotation, type) and issubclass(annotation, PerLanguage):
        local = getattr(value, code) if value is not None else ""
        return {column: ("string", getattr(local, "text", local))}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _cells(annotation, value, code, column + ".")
    kind = "boolean" if annotation is bool else "integer" if annotation is int else "string"
    return {column: (kind, "" if value is None else json.dumps(value) if isinstance(value, bool) else str(value))}


def _flags(value, code: str) -> tuple[bool, bool]:
    """Whether any text of a dumped record is, in language ``code``, a Dutch fallback or stale."""
    fallback = stale = False
    if isinstance(value, dict):
        local = value.get(code)
        if isinstance(local, dict) and "fallback" in local:
            return local["fallback"], local["stale"]
        parts = value.values()
    else:
        parts = value if isinstance(value, list) else []
    for part in parts:
        f, s = _flags(part, code)
        fallback, stale = fallback or f, stale or s
    return fallback, stale


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
