"""The method finder ("Welke werkvorm past?", werkvorm-kiezen/): it lists what a reader can do with residents,
filters them by situation (OR within a group, AND across groups, an unknown value never matches), keeps the
choice in the address, works without JavaScript, prints the current list, and is reached from the home page,
the section pages and every facet on every card. In Chromium, the list it shows is the one macros/finder.py
computes from the data."""
from __future__ import annotations

import subprocess
from itertools import combinations
from urllib.parse import parse_qsl, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from browsing import WIDTHS
from conftest import LANGUAGES
from macros import finder
from macros.content.handbook import load_handbook
from macros.content.yaml_files import DataError
from test_browser import WCAG_TAGS

FIRST = [("group_size", "klein"), ("without_reading_writing", "true")]  # "a small group, without reading and writing"


def ids(book, choice) -> list[str]:
    return [item.id for item in finder.matching(book, choice)]


def grouped(pairs) -> dict[str, list[str]]:
    choice: dict[str, list[str]] = {}
    for group, value in pairs:
        choice.setdefault(group, []).append(value)
    return choice


def finder_path(book, lang: str) -> str:
    return book.languages[lang].root + finder.page_id(book) + "/"


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


# --- What the finder lists and how it filters (macros/finder.py) ---


def test_the_finder_lists_the_work_forms_the_pu_methods_and_the_toolbox_tools(book):
    kinds = [item.kind for item in finder.items(book)]
    assert set(kinds) == set(finder.KINDS) and kinds.count("toolbox-tool") == 27 and kinds.count("method") == 4
    assert "checklist" not in kinds
    assert [item.id for item in finder.items(book)] == [i for s in book.sections.values() for i in s.items
                                                        if book.items[i].kind in finder.KINDS]


def test_a_choice_keeps_any_value_within_a_group_and_every_group(book):
    klein, een = ids(book, {"group_size": ["klein"]}), ids(book, {"group_size": ["een-op-een"]})
    both = ids(book, {"group_size": ["klein", "een-op-een"]})
    assert set(both) == set(klein) | set(een) and len(both) == len(set(both)) > len(klein)  # each item once
    online = ids(book, {"online_possible": ["true"]})
    across = ids(book, {"group_size": ["klein"], "online_possible": ["true"]})
    assert set(across) == set(klein) & set(online) and 0 < len(across) < min(len(klein), len(online))


def test_an_item_that_works_at_two_group_sizes_is_found_under_each(book):
    """'1 op 1 of in kleine groep' (the PU personal approach): one card, found by either size, listed once."""
    two = [item for item in finder.items(book) if len(item.facets.group_size) > 1]
    assert "pu-persoonlijke-aanpak" in [item.id for item in two]
    for item in two:
        assert [size for size in item.facets.group_size if item.id not in ids(book, {"group_size": [size]})] == []
        assert ids(book, {"group_size": list(item.facets.group_size)}).count(item.id) == 1


def test_a_small_group_without_reading_and_writing_finds_methods(book):
    """The situation the finder was made for: a small group (up to 12, as Pharos calls a focus group of 6
    to 10 a small group) of people who do not read or write."""
    assert ids(book, grouped(FIRST)) and "focusgroep-organiseren" in ids(book, grouped(FIRST))


def test_a_value_the_source_does_not_give_never_matches(book):
    unknown = [item.id for item in finder.items(book) if not item.facets.group_size]
    every_size = ids(book, {"group_size": finder.options()["group_size"]})
    assert unknown and not set(unknown) & set(every_size)
    assert len(every_size) + len(unknown) == len(finder.items(book))


def test_an_option_counts_the_items_that_fit_the_other_groups(book):
    counts = finder.option_counts(book, {"group_size": ["klein"], "online_possible": ["false"]})
    for size in finder.options()["group_size"]:
        assert counts["group_size"][size] == len(ids(book, {"group_size": [size], "online_possible": ["false"]}))
    assert counts["online_possible"]["true"] == len(ids(book, {"group_size": ["klein"], "online_possible": ["true"]}))


def test_a_choice_is_written_in_the_address_in_the_order_it_was_made():
    assert finder.query(FIRST) == "?group_size=klein&without_reading_writing=true"
    assert finder.query([("kind", "method"), ("group_size", "klein")]) == "?kind=method&group_size=klein"
    assert finder.query([]) == ""


def test_a_home_task_leads_to_an_item_a_section_or_a_standalone_page(data_copy):
    home = data_copy / "home.yml"
    home.write_text(home.read_text(encoding="utf-8").replace("target: werkvorm-kiezen", "target: nergens"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_handbook(data_copy)
    assert "data/home.yml: field 'tasks.5.target': 'nergens' is not an item, a section or a standalone page" in str(caught.value)


# --- The built pages ---


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_finder_page_has_a_fieldset_per_group_and_every_result_with_its_values(site, book, lang):
    page = soup(site, finder_path(book, lang))
    form = page.select_one("form.bb-finder__form")
    assert form["method"] == "get"
    legends = [fieldset.legend.get_text(strip=True) for fieldset in form.select("fieldset")]
    assert legends == [book.ui[lang][f"facet.{group}"] for group in finder.GROUPS]
    boxes = [(box["name"], box["value"]) for box in form.select("input[type=checkbox]")]
    assert boxes == [(group, value) for group, values in finder.options().items() for value in values]
    results = page.select(".bb-result")
    assert len(results) == len(finder.items(book))
    for result, item in zip(results, finder.items(book)):
        assert {group: tuple(result[f"data-{group}"].split()) for group in finder.GROUPS} == finder.values(item)
        assert result.a["href"].rstrip("/").endswith(f"/{item.id}")
    scripts = [script["src"] for script in page.select("script[src]")]
    assert any(src.endswith("javascripts/finder.js") for src in scripts)


def test_only_the_finder_page_loads_the_finder_script(site, book):
    assert "finder.js" not in (site / "werkvormen" / "fotospel" / "index.html").read_text(encoding="utf-8")
    assert "finder.js" not in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_home_and_every_section_that_lists_methods_link_to_the_finder(site, book, lang):
    root = book.languages[lang].root
    home = soup(site, root)
    task = next(a for a in home.select(".bb-tiles--tasks a") if a["href"].rstrip("/").endswith(finder.page_id(book)))
    assert task
    for section in book.sections.values():
        links = [a["href"] for a in soup(site, root + section.id).select(".bb-finder-link a")]
        lists_methods = any(finder.listed(book.items[i]) for i in section.items)
        assert links == ([f"../{finder.page_id(book)}/"] if lists_methods else []), section.id


def test_every_facet_on_every_card_links_to_the_finder_filtered_on_it(site, book):
    for item in book.items.values():
        card = soup(site, f"{book.section_of(item.id).id}/{item.id}")
        links = [a["href"] for a in card.select(".bb-facets a")]
        expected = [f"../../{finder.page_id(book)}/" + finder.query([(group, value)])
                    for group, values in finder.facet_values(item.facets).items() for value in values]
        if item.kind != "checklist":
            assert links == expected, item.id
        kind_links = [a["href"] for a in card.select(".bb-eyebrow a")][1:]
        assert kind_links == ([f"../../{finder.page_id(book)}/?kind={item.kind}"] if finder.listed(item) else []), item.id


def test_a_facet_the_source_does_not_give_shows_as_not_known_never_as_no(site, book):
    for lang in LANGUAGES:
        card = soup(site, book.languages[lang].root + "toolbox/schouw")  # no group size, no target group in the source
        rows = {row.dt.get_text(strip=True): row.dd.get_text(strip=True) for row in card.select(".bb-facets > div")}
        ui = book.ui[lang]
        assert rows[ui["facet.group_size"]] == rows[ui["facet.target_groups"]] == ui["label.not_known"]
        assert rows[ui["facet.without_reading_writing"]] == ui["label.yes"]
    unknown_online = soup(site, "toolbox/pizza-meeting")
    rows = {row.dt.get_text(strip=True): row.dd.get_text(strip=True) for row in unknown_online.select(".bb-facets > div")}
    assert rows["Kan ook online"] == "niet bekend"


# --- In the browser ---

VISIBLE = "els => els.map(e => e.querySelector('a')).filter(a => a.checkVisibility()).map(a => a.getAttribute('href'))"
OPTION_COUNTS = "els => els.map(e => [e.querySelector('input').name, e.querySelector('input').value, e.querySelector('.bb-finder__n').textContent])"


def visible(page) -> list[str]:
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in page.eval_on_selector_all(".bb-result", VISIBLE)]


def box(group: str, value: str) -> str:
    return f'input[name="{group}"][value="{value}"]'


def ticked(page) -> list[tuple[str, str]]:
    return [tuple(pair) for pair in page.eval_on_selector_all("form input:checked", "els => els.map(e => [e.name, e.value])")]


@pytest.fixture()
def finder_tab(browser, served_site, book):
    context = browser.new_context(viewport={"width": WIDTHS["phone"], "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_site + finder_path(book, "nl"))
    yield page
    context.close()
    assert errors == []


@pytest.mark.browser
def test_for_every_option_the_browser_shows_the_results_and_counts_computed_from_the_data(finder_tab, book):
    page = finder_tab
    for group, values in finder.options().items():
        for value in values:
            page.check(box(group, value))
            choice = {group: [value]}
            assert visible(page) == ids(book, choice), (group, value)
            count = len(ids(book, choice))
            text = book.ui["nl"]["finder.count_one"] if count == 1 else book.ui["nl"]["finder.count"].replace("{count}", str(count))
            assert page.text_content("[data-bb-count]") == text
            counts = finder.option_counts(book, choice)
            shown = page.eval_on_selector_all(".bb-finder__option", OPTION_COUNTS)
            assert shown == [[g, v, f"({counts[g][v]})"] for g, vs in finder.options().items() for v in vs], (group, value)
            page.uncheck(box(group, value))
    assert len(visible(page)) == len(finder.items(book))


@pytest.mark.browser
def test_two_options_in_a_group_give_the_union_and_two_groups_the_intersection(finder_tab, book):
    page = finder_tab
    page.check(box("group_size", "klein"))
    page.check(box("group_size", "een-op-een"))
    union = visible(page)
    assert set(union) == set(ids(book, {"group_size": ["klein"]})) | set(ids(book, {"group_size": ["een-op-een"]}))
    assert len(union) == len(set(union))  # an item of both sizes is shown once
    page.uncheck(box("group_size", "een-op-een"))
    page.check(box("online_possible", "false"))
    assert set(visible(page)) == set(ids(book, {"group_size": ["klein"]})) & set(ids(book, {"online_possible": ["false"]}))


@pytest.mark.browser
def test_the_address_holds_the_choice_and_the_back_button_undoes_the_last_one(finder_tab, book, browser):
    page = finder_tab
    for group, value in FIRST:
        page.check(box(group, value))
    assert parse_qsl(urlsplit(page.url).query) == FIRST
    shared = browser.new_page()
    shared.goto(page.url)
    assert ticked(shared) == FIRST and visible(shared) == ids(book, grouped(FIRST)) == visible(page)
    shared.close()
    page.go_back()
    assert parse_qsl(urlsplit(page.url).query) == FIRST[:1]
    assert ticked(page) == FIRST[:1] and visible(page) == ids(book, grouped(FIRST[:1]))
    page.go_forward()
    assert ticked(page) == FIRST and visible(page) == ids(book, grouped(FIRST))


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_a_reader_taps_small_group_and_no_reading_or_writing_and_can_share_the_list(browser, served_site, book, lang):
    """What the finder is for: at 412 px, in every language, a reader taps the words "small group" and, under
    "without reading and writing", "yes"; the list shows the methods for that, and the address it ends on,
    opened fresh on another phone, shows the same list."""
    ui = book.ui[lang]
    phone = {"viewport": {"width": WIDTHS["phone"], "height": 900}}
    context = browser.new_context(**phone)
    page = context.new_page()
    page.goto(served_site + finder_path(book, lang))
    for group, value in FIRST:
        page.get_by_role("group", name=ui[f"facet.{group}"]).get_by_text(ui[finder.label_key(group, value)], exact=True).click()
    found = ids(book, grouped(FIRST))
    assert ticked(page) == FIRST and visible(page) == found and len(found) > 0
    assert page.text_content("[data-bb-count]") == ui["finder.count_one" if len(found) == 1 else "finder.count"].replace("{count}", str(len(found)))
    shared = page.url
    context.close()
    other = browser.new_context(**phone)
    opened = other.new_page()
    opened.goto(shared)
    assert ticked(opened) == FIRST and visible(opened) == found
    other.close()


def empty_pair(book) -> list[tuple[str, str]]:
    """Two options that each keep items but together keep none."""
    options = [(g, v) for g, vs in finder.options().items() for v in vs if ids(book, {g: [v]})]
    return next([a, b] for a, b in combinations(options, 2) if a[0] != b[0] and not ids(book, grouped([a, b])))


@pytest.mark.browser
def test_when_nothing_fits_the_page_says_so_and_offers_to_remove_the_last_choice(finder_tab, book):
    page = finder_tab
    first, last = empty_pair(book)
    page.check(box(*first))
    assert page.is_hidden("[data-bb-empty]")
    page.check(box(*last))
    assert visible(page) == [] and page.is_visible("[data-bb-empty]")
    assert page.is_visible(f".bb-finder__option:has({box(*last)})")  # an option that gives nothing stays usable
    assert book.ui["nl"][finder.label_key(*last)] in page.text_content("[data-bb-remove-last]")
    page.click("[data-bb-remove-last]")
    assert ticked(page) == [first] and visible(page) == ids(book, grouped([first]))
    assert parse_qsl(urlsplit(page.url).query) == [first]
    page.click("[data-bb-reset]")
    assert ticked(page) == [] and len(visible(page)) == len(finder.items(book)) and urlsplit(page.url).query == ""


@pytest.mark.browser
def test_the_keyboard_goes_through_the_options_in_the_order_of_the_form(finder_tab):
    page = finder_tab
    order = page.eval_on_selector_all("form input", "els => els.map(e => e.name + '=' + e.value)")
    page.focus("form input")
    reached = [page.evaluate("document.activeElement.name + '=' + document.activeElement.value")]
    for _ in order[1:]:
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.name + '=' + document.activeElement.value"))
    assert reached == order


@pytest.mark.browser
def test_without_javascript_ticking_boxes_narrows_the_list(browser, served_site, book):
    context = browser.new_context(java_script_enabled=False, viewport={"width": WIDTHS["phone"], "height": 900})
    page = context.new_page()
    page.goto(served_site + finder_path(book, "nl"))
    assert len(visible(page)) == len(finder.items(book))
    page.check(box("group_size", "klein"))
    assert visible(page) == ids(book, {"group_size": ["klein"]})
    page.check(box("group_size", "een-op-een"))
    assert visible(page) == ids(book, {"group_size": ["klein", "een-op-een"]})
    page.check(box("online_possible", "false"))
    assert visible(page) == ids(book, {"group_size": ["klein", "een-op-een"], "online_possible": ["false"]})
    assert page.is_hidden("[data-bb-count]")  # the count of the whole list would be wrong now
    for group, values in finder.options().items():  # every group filters
        page.click("[data-bb-reset]")
        page.check(box(group, values[0]))
        assert visible(page) == ids(book, {group: [values[0]]}), group
    context.close()


@pytest.mark.browser
def test_the_current_list_prints_with_the_choice_and_each_address(finder_tab, book, tmp_path):
    page = finder_tab
    for group, value in FIRST:
        page.check(box(group, value))
    page.emulate_media(media="print")
    assert page.is_hidden("form.bb-finder__form") and page.is_visible("[data-bb-chosen]")
    addresses = page.eval_on_selector_all(".bb-result__address", "els => els.filter(e => e.checkVisibility()).map(e => e.textContent)")
    assert [a.rstrip("/").rsplit("/", 1)[-1] for a in addresses] == ids(book, grouped(FIRST))
    pdf = tmp_path / "list.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert all(book.items[i].title in text for i in ids(book, grouped(FIRST)))
    left_out = next(item for item in finder.items(book) if item.id not in ids(book, grouped(FIRST)))
    assert left_out.title not in text


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_in_every_language_the_finder_speaks_it_and_passes_axe_with_and_without_results(browser, served_site, book, lang):
    """With a choice and with a choice that leaves nothing, at 412 and 1280 px (without a choice, every page
    passes axe in test_browser.py)."""
    ui = book.ui[lang]
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    context = browser.new_context(viewport={"width": WIDTHS["phone"], "height": 900})
    page = context.new_page()
    page.goto(served_site + finder_path(book, lang) + finder.query(FIRST))
    assert page.evaluate("document.documentElement.lang") == lang
    # nothing shown in another language, apart from Dutch names (data/dutch-names.yml), which are Dutch
    assert set(page.locator(".bb-finder [lang]").all_text_contents()) <= set(book.dutch_names)
    assert page.text_content("h1") == ui["page.finder.title"]
    assert page.eval_on_selector_all("legend", "els => els.map(e => e.textContent)") == [ui[f"facet.{g}"] for g in finder.GROUPS]
    labels = page.eval_on_selector_all(".bb-finder__option > span:first-of-type", "els => els.map(e => e.textContent)")
    assert labels == [ui[finder.label_key(g, v)] for g, vs in finder.options().items() for v in vs]
    count = len(ids(book, grouped(FIRST)))
    assert page.text_content("[data-bb-count]") == ui["finder.count"].replace("{count}", str(count))
    assert page.text_content("[data-bb-reset]") == ui["finder.reset"]
    assert page.text_content("[data-bb-chosen]").startswith(ui["finder.chosen"].split("{filters}")[0])
    if lang != book.source.code:  # every interface string of the page is translated, none falls back to another language
        keys = ["page.finder.title", "page.finder.intro", "finder.count", "finder.reset", "finder.chosen", "finder.no_results",
                "finder.remove_last", "finder.results", "label.not_known"]
        keys += [f"facet.{g}" for g in finder.GROUPS] + [finder.label_key(g, v) for g, vs in finder.options().items() for v in vs]
        assert [key for key in keys if key not in book.translations[lang]] == []
    violations = {}
    for state in ("a choice", "nothing fits"):
        if state == "nothing fits":
            page.goto(served_site + finder_path(book, lang) + finder.query(empty_pair(book)))
            assert page.is_visible("[data-bb-empty]")
            assert page.text_content("[data-bb-empty] p").strip() == ui["finder.no_results"]
            assert page.text_content("[data-bb-remove-last]").startswith(ui["finder.remove_last"].split("{filter}")[0])
        for device, width in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": 900})
            found = axe.run(page, options=options).response["violations"]
            if found:
                violations[(state, device)] = [f"{v['id']}: {v['nodes'][0]['target']}" for v in found]
    context.close()
    assert violations == {}
