"""The data describes the handbook, and every page of the site follows from it."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import PROJECT_DIR
from handbooks import build_site

PHAROS_CARDS = ["focusgroep-organiseren", "focusgroep-begeleiden", "fotospel", "photovoice"]
PHAROS_CHECKLISTS = ["van-tevoren-regelen", "de-introductie", "doorvragen", "voorbeeldvragen-gezondheid", "afsluiten-en-verslag"]


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


def test_related_links_work_both_ways(small_site):
    """In the small handbook only 'volledig' lists 'half'; the page of 'half' links back all the same."""
    def related(url: str) -> list[str]:
        html = (small_site / url / "index.html").read_text(encoding="utf-8")
        return [a["href"] for a in BeautifulSoup(html, "html.parser").select(".bb-related a")]

    assert related("werkvormen/volledig/") == ["../half/"]
    assert related("werkvormen/half/") == ["../volledig/"]


def test_a_card_added_to_the_data_gets_a_page_in_every_language(small_data, tmp_path):
    methods = small_data / "methods.yml"
    methods.write_text(methods.read_text(encoding="utf-8") + """- id: nieuw
  title: Een nieuwe kaart
  summary: Alleen in de data toegevoegd.
  source: {publication: bron, section: Deel 5}
  sections:
    - heading: Wat is het?
      body: Een kaart zonder eigen paginabestand.
""", encoding="utf-8")
    sections = small_data / "sections.yml"
    sections.write_text(sections.read_text(encoding="utf-8").replace("items: [volledig, half]", "items: [volledig, half, nieuw]"), encoding="utf-8")
    result = build_site(tmp_path / "site", small_data)
    assert result.returncode == 0, result.stderr
    for root in ("", "fy/", "en/"):
        page = BeautifulSoup((tmp_path / "site" / root / "werkvormen" / "nieuw" / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert " ".join(page.h1.get_text().split()) == "Een nieuwe kaart"
        section = (tmp_path / "site" / root / "werkvormen" / "index.html").read_text(encoding="utf-8")
        assert 'href="nieuw/"' in section


def test_a_page_file_in_docs_stops_the_build(tmp_path):
    stray = PROJECT_DIR / "docs" / "losse-pagina.md"
    stray.write_text("# Los\n", encoding="utf-8")
    try:
        result = build_site(tmp_path / "site")
    finally:
        stray.unlink()
    assert result.returncode != 0
    assert "docs/ holds page files, but pages come from data/: remove losse-pagina.md" in result.stderr


def test_the_menu_follows_the_order_of_the_data(small_data, tmp_path):
    def menu(site: Path) -> list[str]:
        page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
        return [" ".join(item.get_text().split()) for item in page.select("nav.md-nav--primary > ul > li")]

    sections = small_data / "sections.yml"
    text = sections.read_text(encoding="utf-8")
    first, second = text.split("- id: checklists")
    sections.write_text("- id: checklists" + second.rstrip("\n") + "\n" + first, encoding="utf-8")
    result = build_site(tmp_path / "site", small_data)
    assert result.returncode == 0, result.stderr
    order = menu(tmp_path / "site")
    assert [entry.split()[0] for entry in order] == ["Klein", "Checklists", "Werkvormen", "Toegankelijkheid", "Bronnen",
                                                     "Woordenlijst", "Zoeken", "Over", "Vertalingen"]


def test_every_facet_value_has_a_label(book, languages):
    from macros.content.models import Facets

    for name, values in Facets.allowed_values().items():
        for lang in languages:
            assert f"facet.{name}" in book.ui[lang]
            for value in values:
                if isinstance(value, str):
                    assert f"facet.{name}.{value}" in book.ui[lang], (lang, name, value)
