"""The handbook's look: cards with one link each, one pictogram per kind from openly licensed icon sets
(every file in the licences file), pictures that screen readers can follow, and a palette with enough
contrast."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, PROJECT_DIR
from macros.content.kinds import ITEM_KINDS
from macros.render.icons import ICONS_DIR, icon, licences
from test_site import page_path, soup

# Licences that let anyone reuse the icons, also for paid work (no NC clause).
OPEN_LICENCES = {"MIT", "Apache-2.0", "CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0"}


def unlisted_icon_files(folder: Path, listed: set[str]) -> list[str]:
    return sorted(path.name for path in folder.glob("*.svg") if path.name not in listed)


# --- Icons and their licences ---


def test_every_icon_file_is_in_the_licences_file_with_an_open_licence_and_a_source():
    known = licences()
    listed = {entry.file for entry in known.icons}
    assert not unlisted_icon_files(ICONS_DIR, listed), "icon files missing from LICENSES.yml"
    assert all((ICONS_DIR / name).exists() for name in listed), "LICENSES.yml lists a file that is not there"
    for entry in known.icons:
        icon_set = known.sets[entry.set]
        assert entry.licence == icon_set.licence and entry.licence in OPEN_LICENCES, entry
        assert entry.source.startswith("https://"), entry
    for icon_set in known.sets.values():
        assert (ICONS_DIR / icon_set.licence_file).read_text(encoding="utf-8").strip()


def test_an_icon_file_that_the_licences_file_does_not_list_is_found(tmp_path):
    (tmp_path / "listed.svg").write_text("<svg/>")
    (tmp_path / "unknown.svg").write_text("<svg/>")
    assert unlisted_icon_files(tmp_path, {"listed.svg"}) == ["unknown.svg"]


def test_every_icon_is_decorative_and_has_no_style_script_or_outside_link():
    for path in ICONS_DIR.glob("*.svg"):
        svg = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").svg
        assert svg["aria-hidden"] == "true" and "bb-icon" in svg["class"], path.name
        assert not svg.find_all("style") and not svg.find_all("script"), path.name
        assert not [tag for tag in [svg, *svg.find_all(True)] if tag.get("style") or tag.get("href") or tag.get("xlink:href")], path.name


def test_each_kind_has_its_own_pictogram():
    icons = [kind.icon for kind in ITEM_KINDS]
    assert len(set(icons)) == len(icons) and all((ICONS_DIR / f"{name}.svg").exists() for name in icons)


# --- Cards ---


def _cards(page: BeautifulSoup, index: int = 0) -> list:
    return page.select("ul.bb-tiles")[index].find_all("li", recursive=False)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_shows_its_tasks_first_then_the_sections_as_cards_of_one_link(site, book, lang):
    page = soup(page_path(site, lang, ""))
    tasks, sections = _cards(page, 0), _cards(page, 1)
    assert len(tasks) == len(book.home.tasks) and len(sections) == len(book.sections)
    assert "bb-tiles--tasks" in page.select("ul.bb-tiles")[0]["class"]
    for card in tasks + sections:
        links = card.find_all("a")
        assert len(links) == 1 and links[0].get_text(strip=True), card
        assert card.h3 and card.h3.a is links[0]  # the card's one name is its title
        assert card.svg["aria-hidden"] == "true"


def test_a_section_page_shows_a_card_per_item_with_the_pictogram_of_its_kind(site, book):
    section = book.sections["sociaal-binden"]
    cards = _cards(soup(page_path(site, "nl", "sociaal-binden/")))
    assert len(cards) == len(section.items)
    kinds = {kind.name: kind for kind in ITEM_KINDS}
    for card, item_id in zip(cards, section.items):
        kind = kinds[book.items[item_id].kind]
        assert card.svg == BeautifulSoup(icon(kind.icon), "html.parser").svg, item_id
        assert card.select_one(".bb-tile__kind").get_text(strip=True) == book.ui["nl"][f"kind.{kind.name}"]


def _facet_labels(card) -> list[str]:
    return [" ".join(dd.get_text().split()) for dd in card.select(".bb-tile__facets dd")]


def _named(ui: dict, facet: str, values: list[str]) -> str:
    return " ".join(ui["label.list_separator"].join(ui[f"facet.{facet}.{value}"] for value in values).split())


def test_a_method_card_shows_its_group_size_and_time(site, book):
    card = _cards(soup(page_path(site, "en", "werkvormen/")))[0]
    facets = book.items["focusgroep-organiseren"].facets
    ui = book.ui["en"]
    assert _facet_labels(card) == [_named(ui, "group_size", facets.group_size), _named(ui, "time_needed", [facets.time_needed])]


def test_a_card_that_works_at_two_group_sizes_shows_both(site, book):
    section = book.section_of("pu-persoonlijke-aanpak")
    card = _cards(soup(page_path(site, "ar", f"{section.id}/")))[section.items.index("pu-persoonlijke-aanpak")]
    assert _facet_labels(card) == [_named(book.ui["ar"], "group_size", ["een-op-een", "klein"])]


def test_a_cards_kind_is_shown_with_its_pictogram_on_the_card_page_and_in_related_links(site):
    page = soup(page_path(site, "nl", "werkvormen/fotospel/"))
    assert page.select_one(".bb-eyebrow .bb-kind svg") == BeautifulSoup(icon("messages"), "html.parser").svg
    assert all(kind.svg for kind in page.select(".bb-related .bb-kind"))


# --- Pictures that everyone can follow ---


def _hidden(tag) -> bool:
    return any(t.get("aria-hidden") == "true" for t in [tag, *tag.parents] if t.name)


def _named_image(svg) -> bool:
    return svg.get("role") == "img" and bool(svg.get("aria-label") or svg.get("aria-labelledby") or svg.find("title"))


def test_every_svg_on_every_page_has_a_name_or_is_hidden_beside_a_text(site):
    """A hidden picture in a link or button leaves the link its own text or label; none has a style."""
    problems = []
    for path in site.rglob("*.html"):
        for svg in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("svg"):
            where = f"{path.relative_to(site)}: {str(svg)[:80]}"
            if svg.find_all("style") or [t for t in [svg, *svg.find_all(True)] if t.get("style")]:
                problems.append(f"style in {where}")
            if _named_image(svg):
                continue
            if not _hidden(svg):
                problems.append(f"neither named nor hidden: {where}")
                continue
            control = svg.find_parent(["a", "button"])
            if control and not (control.get_text(strip=True) or control.get("aria-label")):
                problems.append(f"a link or button with only a hidden picture: {where}")
    assert not problems, "\n".join(problems[:20])


# --- Credits ---


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_credits_page_names_every_icon_file_with_its_set_licence_and_source(site, book, lang):
    page = soup(page_path(site, lang, "pictogrammen/"))
    assert page.h1.get_text(strip=True) == book.ui[lang]["page.credits.title"]
    rows = {row.select_one("td a bdi").get_text(strip=True): row for row in page.select("tbody tr")}
    known = licences()
    assert set(rows) == {entry.file for entry in known.icons}
    for entry in known.icons:
        cells = [td.get_text(strip=True) for td in rows[entry.file].select("td")]
        assert cells[2:] == [known.sets[entry.set].name, entry.licence]
        assert rows[entry.file].select_one("td a")["href"] == entry.source
    assert all(icon_set.copyright in page.get_text() for icon_set in known.sets.values())


# --- Colours ---


def _contrast(one: str, other: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


TEXT_ON = ["bb-link", "bb-ink", "bb-muted", "bb-primary", "bb-accent"]  # text colours, ≥ 4.5:1
PARTS = ["bb-border", "bb-primary", "bb-accent", "bb-focus", "bb-group-1", "bb-group-2", "bb-group-3"]  # ≥ 3:1


def test_the_palette_has_enough_contrast_for_text_and_for_other_parts():
    css = (PROJECT_DIR / "docs" / "stylesheets" / "handbook.css").read_text(encoding="utf-8")
    palette = dict(re.findall(r"--(bb-[a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\b", css))
    for background in ("bb-bg", "bb-surface", "bb-tint"):
        for text in TEXT_ON:
            assert _contrast(palette[text], palette[background]) >= 4.5, (text, background)
        for part in PARTS:
            assert _contrast(palette[part], palette[background]) >= 3, (part, background)
    assert _contrast("#ffffff", palette["bb-primary"]) >= 4.5  # header text
    for group in ("bb-group-1", "bb-group-2", "bb-group-3"):
        assert _contrast("#ffffff", palette[group]) >= 3  # the white pattern marks on each group's colour
