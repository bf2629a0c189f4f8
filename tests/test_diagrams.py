"""The pictures drawn from the data: the four building blocks, the PU-taart and the lemniscate, in every
language, mirrored in a right-to-left language, with every word as HTML text and every piece a link."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from conftest import LANGUAGES
from macros.render import diagrams
from test_site import page_path, soup

def _method(number: int, group: str) -> SimpleNamespace:
    return SimpleNamespace(id=f"m{number}", number=number, group=group)


TEN = [_method(n, "a" if n <= 5 else "b" if n <= 8 else "c") for n in range(1, 11)]


def _mirror(path: str, width: float) -> list:
    """An SVG path of absolute M/L/A/Z commands reflected in the middle of a drawing ``width`` wide:
    every x reflected and every arc turning the other way; as a list of commands and numbers."""
    tokens = re.findall(r"[MLAZ]|-?\d+(?:\.\d+)?", path)
    out, i = [], 0
    while i < len(tokens):
        command = tokens[i]
        out.append(command)
        if command in "ML":
            out += [width - float(tokens[i + 1]), float(tokens[i + 2])]
            i += 3
        elif command == "A":
            rx, ry, rotation, large, sweep, x, y = map(float, tokens[i + 1:i + 8])
            out += [rx, ry, rotation, large, 1 - sweep, width - x, y]
            i += 8
        else:
            i += 1
    return out


def _numbers(path: str) -> list:
    return [t if t.isalpha() else float(t) for t in re.findall(r"[MLAZ]|-?\d+(?:\.\d+)?", path)]


def _corners(path: list) -> list[float]:
    """The points of a path of straight lines, sorted, as one flat list."""
    numbers = [n for n in path if not isinstance(n, str)]
    return [n for point in sorted(zip(numbers[::2], numbers[1::2])) for n in point]


def _same_path(mirrored: str, original: str, width: float) -> bool:
    expected, found = _mirror(original, width), _numbers(mirrored)
    return len(expected) == len(found) and all(
        a == b if isinstance(a, str) else isinstance(b, float) and abs(a - b) <= 0.15 for a, b in zip(expected, found))


# --- Geometry ---


def test_the_pu_taart_has_one_equal_piece_per_method_in_its_group_in_number_order():
    groups = diagrams.pu_taart(reversed(TEN)).groups
    assert [[p.number for p in g.pieces] for g in groups] == [[1, 2, 3, 4, 5], [6, 7, 8], [9, 10]]
    assert [g.first for g in groups] == ["m1", "m6", "m9"]
    first = groups[0].pieces[0]
    assert first.x > 100 and first.y < 100  # starts at the top, going clockwise


def test_the_pu_taart_groups_stand_apart_from_the_centre():
    centres = {tuple(map(float, re.search(r"L(\S+) (\S+) Z", g.pieces[0].path).groups())) for g in diagrams.pu_taart(TEN).groups}
    assert len(centres) == 3 and (100.0, 100.0) not in centres


def test_a_group_whose_methods_do_not_follow_each_other_is_refused():
    mixed = [_method(1, "a"), _method(2, "b"), _method(3, "a")]
    with pytest.raises(ValueError, match="do not follow each other"):
        diagrams.pu_taart(mixed)


def test_mirrored_drawings_reflect_every_x_and_keep_every_y():
    for left, right in zip(diagrams.pu_taart(TEN).groups, diagrams.pu_taart(TEN, mirrored=True).groups):
        for a, b in zip(left.pieces, right.pieces):
            assert (a.number, a.y) == (b.number, b.y) and a.x == pytest.approx(200 - b.x, abs=0.1)
            assert _same_path(b.path, a.path, 200)
    ltr, rtl = diagrams.lemniscate(), diagrams.lemniscate(mirrored=True)
    assert [(m.phase, m.position, m.y) for m in ltr.markers] == [(m.phase, m.position, m.y) for m in rtl.markers]
    assert [m.x for m in ltr.markers] == pytest.approx([400 - m.x for m in rtl.markers], abs=0.1)
    assert _same_path(rtl.path, ltr.path, 400)
    for a, b in zip(ltr.arrows, rtl.arrows):  # the same triangle, its corners in another order
        assert _corners(_mirror(a, 400)) == pytest.approx(_corners(_numbers(b)), abs=0.15)
    for a, b in zip(diagrams.building_blocks(list("abcd")).pieces, diagrams.building_blocks(list("abcd"), mirrored=True).pieces):
        assert _same_path(b.path, a.path, 100)


def test_the_building_blocks_ring_has_four_pieces_round_the_centre():
    pieces = diagrams.building_blocks(["verkennen", "contact-leggen", "betrekken", "aansluiten"]).pieces
    assert [p.position for p in pieces] == [1, 2, 3, 4]
    with pytest.raises(ValueError):
        diagrams.building_blocks(["a", "b", "c"])


def test_the_lemniscate_has_the_four_phases_in_order_round_its_two_loops():
    drawing = diagrams.lemniscate()
    assert [m.phase for m in drawing.markers] == list(diagrams.PHASES)
    assert [m.position for m in drawing.markers] == ["top-start", "bottom-start", "top-end", "bottom-end"]
    one, two, three, four = drawing.markers
    assert one.x == two.x < 200 < three.x == four.x and one.y < 100 < two.y
    # The arrows at the outer ends of the loops point down: from 1 to 2 and from 3 to 4.
    for arrow in drawing.arrows:
        tip, *base = [tuple(map(float, p.split())) for p in re.findall(r"[ML](\S+ \S+)", arrow)]
        assert tip[1] > max(y for _, y in base)


def test_tools_go_under_each_of_their_phases_in_handbook_order():
    tools = [SimpleNamespace(id=i, kind=k, facets=SimpleNamespace(lemniscate_phases=p)) for i, k, p in (
        ("a", "toolbox-tool", ["terugkoppelen"]), ("page", "page", ["terugkoppelen"]),
        ("b", "toolbox-tool", ["ervaringen-verzamelen", "terugkoppelen"]))]
    per_phase = diagrams.tools_per_phase(tools)
    assert per_phase["terugkoppelen"] == ["a", "b"] and per_phase["ervaringen-verzamelen"] == ["b"]
    assert per_phase["collectief-verhaal"] == []


# --- On the site, in every language ---


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_building_blocks_page_draws_the_four_blocks_each_a_link_with_its_name(site, book, lang):
    page = soup(page_path(site, lang, "bouwstenen/"))
    links = page.select(".bb-blocks a.bb-blocks__link")
    expected = book.sections["bouwstenen"].items
    assert [a["href"] for a in links] == [f"{block}/" for block in expected]
    for link in links:
        assert link.svg["aria-hidden"] == "true" and link.get_text(strip=True)
    assert page.select_one(".bb-blocks figcaption").get_text(strip=True) == book.ui[lang]["diagram.building-blocks.caption"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pu_taart_links_each_piece_and_lists_the_groups_by_name_and_pattern(site, book, lang):
    page = soup(page_path(site, lang, "pu-werkwijzen/"))
    pie = page.select_one(".bb-pu svg.bb-pu__pie")
    assert pie["aria-hidden"] == "true"
    pieces = pie.select("a.bb-pu__piece")
    assert len(pieces) == 10 and all(a["tabindex"] == "-1" for a in pieces)  # the list below is for keyboards
    listed = page.select(".bb-pu__methods a")
    assert [a["href"] for a in listed] == [a["href"] for a in pieces]
    assert all(a.get_text(strip=True) for a in listed)
    groups = page.select(".bb-pu__group")
    names = [g.select_one(".bb-pu__name").get_text(strip=True) for g in groups]
    assert len(set(names)) == 3 and all(names)
    patterns = [g.select_one(".bb-pu__swatch rect")["fill"] for g in groups]
    assert len(set(patterns)) == 3 and all(pie.select_one(p[4:-1]) for p in patterns)  # url(#id)
    assert [len(g.select(".bb-pu__methods li")) for g in groups] == [5, 3, 2]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", ["toolbox/", "toolbox/ervaringskennis-in-beleid/"])
def test_the_lemniscate_names_its_four_phases_and_lists_the_tools_of_each(site, book, lang, url):
    page = soup(page_path(site, lang, url))
    phases = [li.get_text(" ", strip=True) for li in page.select(".bb-lemniscate__phase")]
    assert phases == [f"{n} {book.ui[lang]['facet.lemniscate_phases.' + p]}" for n, p in enumerate(diagrams.PHASES, 1)]
    assert page.select_one(".bb-lemniscate svg")["aria-hidden"] == "true"
    lists = page.select(".bb-phase-tools")
    for phase, listed in zip(diagrams.PHASES, lists):
        tools = [i.id for i in book.items.values() if i.kind == "toolbox-tool" and phase in i.facets.lemniscate_phases]
        assert [a["href"].rstrip("/").split("/")[-1] for a in listed.select("a")] == tools


def test_in_a_right_to_left_language_the_drawings_are_mirrored(site, book):
    def markers(lang):
        page = soup(page_path(site, lang, "toolbox/"))
        return [float(c["cx"]) for c in page.select(".bb-lemniscate__marker")]

    right_to_left = [code for code, language in book.languages.items() if language.direction == "rtl"]
    assert right_to_left
    for lang in right_to_left:
        assert markers(lang) == pytest.approx([400 - x for x in markers(book.source.code)], abs=0.1)
