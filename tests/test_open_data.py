"""Open data: every card as JSON (all in one file and one file per kind), CSV per kind and language, a JSON
Schema per JSON file and a Frictionless Data Package at data/v1/; each text in every language, flagged where
the Dutch text stands in for a translation or a translation is stale; the licence from one setting; an
"Open data" page in every language; schema.org structured data on that page and on every card."""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from frictionless import validate
from jsonschema import Draft202012Validator

from conftest import LANGUAGES, PROJECT_DIR
from macros.content.kinds import ITEM_KINDS
from macros.outputs.open_data import ALL_KINDS, DATA_FOLDER, LIST_SEPARATOR, csv_file, json_file
from macros.render.urls import address

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")  # mkdocs.yml: site_url
JSON_LD = "application/ld+json"


def licence_setting() -> dict:
    """extra.data_licence in mkdocs.yml: the one place that names the licence."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["extra"]["data_licence"]


def local_file(site: Path, url: str) -> Path:
    """The built file behind an address of the site."""
    assert url.startswith(SITE_URL), url
    path = site / url.removeprefix(SITE_URL)
    return path / "index.html" if url.endswith("/") else path


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def structured_data(page: Path) -> list[dict]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [json.loads(block.string) for block in soup.find_all("script", type=JSON_LD)]


@pytest.fixture(scope="module")
def data(site) -> Path:
    return site / DATA_FOLDER


@pytest.fixture(scope="module")
def everything(data) -> dict:
    return read_json(data / json_file(ALL_KINDS))


def test_the_data_package_is_valid_and_describes_every_data_file(data):
    report = validate(str(data / "datapackage.json"))
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])
    package = read_json(data / "datapackage.json")
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    described = {resource["path"] for resource in package["resources"]}
    files = {path.relative_to(data).as_posix() for path in data.rglob("*") if path.is_file()}
    assert described == files - {"datapackage.json"}


def test_every_json_file_matches_its_json_schema(data, site):
    """Each file names its schema; the schema has a dialect and its own address, and it rejects a record
    without an address."""
    files = [data / json_file(name) for name in (ALL_KINDS, *(kind.name for kind in ITEM_KINDS))]
    for path in files:
        document = read_json(path)
        schema = read_json(local_file(site, document["$schema"]))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == document["$schema"]
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
        assert errors == [], path.name
        del document["items"][0]["url"]
        assert not validator.is_valid(document)


def test_every_card_is_in_the_data_with_its_texts_addresses_and_source(everything, site, book):
    records = {record["id"]: record for record in everything["items"]}
    assert list(records) == list(book.items)
    for item_id, item in book.items.items():
        record = records[item_id]
        assert record["kind"] == item.kind
        assert record["title"]["nl"] == {"text": item.title, "fallback": False, "stale": False}
        for code in LANGUAGES[1:]:
            translation = book.translations[code].get(f"item.{item_id}.title")
            assert record["title"][code]["text"] == (translation.text if translation else item.title)
        for code in LANGUAGES:
            assert record["url"][code] == SITE_URL + book.languages[code].root + address(book, item_id)
            assert local_file(site, record["url"][code]).is_file()
        publication = book.publications[item.source.publication]
        assert record["source"]["publication"] == publication.id and record["source"]["title"] == publication.title
        assert record["source"]["section"] == item.source.section
        assert {p["id"] for p in everything["publications"]} == set(book.publications)


def test_each_kind_has_its_own_file_with_only_its_cards(data, book):
    for kind in ITEM_KINDS:
        records = read_json(data / json_file(kind.name))["items"]
        assert [r["id"] for r in records] == [i.id for i in book.items.values() if i.kind == kind.name]


def test_facets_are_data_with_their_names_in_every_language(everything, book):
    group_size = everything["facets"]["group_size"]
    assert group_size["label"] == {code: book.ui[code]["facet.group_size"] for code in LANGUAGES}
    assert group_size["values"]["klein"]["ar"] == book.ui["ar"]["facet.group_size.klein"]
    assert set(everything["facets"]["online_possible"]["values"]) == {"true", "false"}
    record = next(r for r in everything["items"] if r["id"] == "fotospel")
    assert record["facets"] == book.items["fotospel"].facets.model_dump()


def test_a_card_of_two_group_sizes_lists_both_in_json_and_csv(data, book):
    sizes = book.items["pu-persoonlijke-aanpak"].facets.group_size
    assert len(sizes) == 2
    record = next(r for r in read_json(data / json_file("pu-method"))["items"] if r["id"] == "pu-persoonlijke-aanpak")
    assert record["facets"]["group_size"] == sizes
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO((data / csv_file("pu-method", "nl")).read_text("utf-8-sig")))}
    assert rows["pu-persoonlijke-aanpak"]["facets.group_size"] == LIST_SEPARATOR.join(sizes)
    assert rows["pu-alle-subgroepen"]["facets.group_size"] == ""  # the source does not say


def test_a_csv_opens_with_its_byte_order_mark_and_arabic_intact(data, book):
    raw = (data / csv_file("method", "ar")).read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    methods = [item for item in book.items.values() if item.kind == "method"]
    assert [row["id"] for row in rows] == [item.id for item in methods]
    first = methods[0]
    assert rows[0]["title"] == book.translations["ar"][f"item.{first.id}.title"].text
    assert re.search(r"[\u0600-\u06FF]", rows[0]["title"])
    assert rows[0]["related"] == LIST_SEPARATOR.join(first.related)
    assert rows[0]["sections.heading"].count(LIST_SEPARATOR) == len(first.sections) - 1
    assert rows[0]["url"] == SITE_URL + "ar/" + address(book, first.id)


def test_untranslated_and_stale_texts_are_flagged_in_json_and_csv(small_site):
    data = small_site / DATA_FOLDER
    records = {r["id"]: r for r in read_json(data / json_file(ALL_KINDS))["items"]}
    body = records["half"]["sections"][0]["body"]
    assert body["en"] == {"text": "Deze tekst is nog niet vertaald.", "fallback": True, "stale": False}
    assert records["oud"]["summary"]["en"] == {"text": "The Dutch text changed after the translation.",
                                                "fallback": False, "stale": True}
    assert records["volledig"]["title"]["en"]["fallback"] is False
    methods = {row["id"]: row for row in csv.DictReader(io.StringIO((data / csv_file("method", "en")).read_text("utf-8-sig")))}
    assert (methods["half"]["fallback"], methods["volledig"]["fallback"]) == ("true", "false")
    checklists = {row["id"]: row for row in csv.DictReader(io.StringIO((data / csv_file("checklist", "en")).read_text("utf-8-sig")))}
    assert checklists["oud"]["stale"] == "true"


def test_the_licence_comes_from_one_setting_and_every_card_names_its_source(data, everything, book, site):
    licence = licence_setting()
    assert read_json(data / "datapackage.json")["licenses"] == [licence]
    assert everything["licence"] == licence
    for record in everything["items"]:
        publication = book.publications[record["source"]["publication"]]
        for code in LANGUAGES:
            assert licence["title"] in record["attribution"][code] and publication.title in record["attribution"][code]
    card = structured_data(site / "werkvormen" / "fotospel" / "index.html")
    assert card[0]["license"] == licence["path"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_open_data_page_explains_the_data_and_links_every_file_in_every_language(site, book, lang):
    page_id = next(page_id for page_id, page in book.standalone.items() if page.shows == "open-data")
    path = site / book.languages[lang].root / address(book, page_id) / "index.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one(".bb-open-data")
    assert soup.h1.get_text(strip=True) == book.ui[lang]["page.open_data.title"]
    assert book.ui[lang]["open_data.licence.text"] in article.get_text()
    assert article.select_one(f"a[href='{licence_setting()['path']}']")
    linked = {(path.parent / a["href"]).resolve() for a in article.select("a[href]") if "/data/" in a["href"] or a["href"].startswith("../data")}
    data = site / DATA_FOLDER
    assert linked == {p.resolve() for p in data.glob("*.json")} | {p.resolve() for p in data.glob("*/*")}
    [dataset] = structured_data(path)
    assert dataset["@type"] == "Dataset" and dataset["license"] == licence_setting()["path"]
    assert dataset["distribution"] and all(local_file(site, d["contentUrl"]).is_file() for d in dataset["distribution"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_card_describes_itself_as_a_learning_resource(site, book, lang):
    for item_id, item in book.items.items():
        url = book.languages[lang].root + address(book, item_id)
        soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        [card] = [json.loads(block.string) for block in soup.find_all("script", type=JSON_LD)]
        assert card["@type"] == "LearningResource" and card["inLanguage"] == lang
        assert card["name"] == " ".join(soup.h1.get_text().split()) and card["url"] == SITE_URL + url
        assert card["isBasedOn"]["publisher"]["name"] == book.publications[item.source.publication].publisher
