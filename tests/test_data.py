"""The data describes the whole first section, and every item has exactly one page."""
from __future__ import annotations

import re

from conftest import PROJECT_DIR

PHAROS_CARDS = ["focusgroep-organiseren", "focusgroep-begeleiden", "fotospel", "photovoice"]
PHAROS_CHECKLISTS = ["van-tevoren-regelen", "de-introductie", "doorvragen", "voorbeeldvragen-gezondheid", "afsluiten-en-verslag"]
PAGE_CALL = re.compile(r'^\{\{ ([a-z_]+)\((?:"([a-z0-9-]+)")?\) \}\}$')


def test_the_pharos_work_forms_and_checklists_are_all_there(book):
    assert [i.id for i in book.items.values() if i.kind == "method"] == PHAROS_CARDS
    pharos = [i.id for i in book.items.values() if i.kind == "checklist" and i.source.publication == "pharos-werkvormen"]
    assert pharos == PHAROS_CHECKLISTS


def test_every_item_names_its_publication_and_section(book):
    for item in book.items.values():
        assert item.source.publication in book.publications
        assert item.source.section.strip()


def test_checklist_counts_match_the_source(book):
    assert len(book.items["de-introductie"].items) == 4
    assert len(book.items["doorvragen"].items) == 6
    assert len(book.items["voorbeeldvragen-gezondheid"].items) == 8


def test_related_links_work_both_ways(book):
    for item in book.items.values():
        for other in book.related(item.id):
            assert item.id in [back.id for back in book.related(other.id)]


def test_every_page_file_is_one_macro_call_for_an_existing_item(book):
    for page in PROJECT_DIR.joinpath("docs").rglob("*.md"):
        match = PAGE_CALL.match(page.read_text(encoding="utf-8").strip())
        assert match, f"{page} must hold just one macro call"
        kind, ident = match.groups()
        relative = page.relative_to(PROJECT_DIR / "docs").as_posix()
        if kind == "card":
            assert relative == f"{book.section_of(ident).id}/{ident}.md"
        elif kind == "section":
            assert relative == f"{ident}/index.md" and ident in book.sections


def test_every_item_and_section_has_its_page(book):
    docs = PROJECT_DIR / "docs"
    for section in book.sections.values():
        assert (docs / section.id / "index.md").exists()
        for item_id in section.items:
            assert (docs / section.id / f"{item_id}.md").exists(), f"add docs/{section.id}/{item_id}.md"


def test_every_facet_value_has_a_label(book, languages):
    from macros.models import Facets

    for name, values in Facets.allowed_values().items():
        for lang in languages:
            assert f"facet.{name}" in book.ui[lang]
            for value in values:
                if isinstance(value, str):
                    assert f"facet.{name}.{value}" in book.ui[lang], (lang, name, value)
