"""The method finder ("Welke werkvorm past?"): which items it lists, each item's value for each filter,
which items a choice of filters keeps, how many each option would keep, and the address of a choice.

The finder page, the facet links on the cards, the stylesheet that filters without JavaScript and the
tests all follow this module; ``docs/javascripts/finder.js`` repeats only ``keeps`` and ``option_counts``
in the browser. A value is written as it is in the address: ``?group_size=klein&without_reading_writing=true``.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlencode

from .content.handbook import Handbook
from .content.models import Facets, Item

# The items a reader can do with residents: the Pharos work forms, the PU work methods and the toolbox
# tools. Checklists are left out: their source gives them no facet values, and the focus group cards
# link to them.
KINDS = ("method", "pu-method", "toolbox-tool")

# The filter groups, in the order of the form: the reader's most asked questions first. 'kind' is the
# item's kind; every other group is a field of Facets.
GROUPS = ("group_size", "without_reading_writing", "time_needed", "online_possible", "target_groups",
          "building_blocks", "lemniscate_phases", "kind")
FACET_GROUPS = tuple(group for group in GROUPS if group != "kind")

# The rules that filter the list without JavaScript, written by the build (no_script_css) and linked by the
# finder page in a noscript element: a browser that runs scripts does not download them.
NO_SCRIPT_STYLESHEET = "stylesheets/finder-no-script.css"

Choice = Mapping[str, Iterable[str]]  # filter group → chosen values


def page_id(book: Handbook) -> str | None:
    """The address of the finder page (data/standalone-pages.yml), or None when the handbook has none."""
    return next((page.id for page in book.standalone.values() if page.shows == "finder"), None)


def listed(item: Item) -> bool:
    return item.kind in KINDS


def items(book: Handbook) -> list[Item]:
    """The items the finder lists, in the order of the sections."""
    return [book.items[item_id] for section in book.sections.values() for item_id in section.items
            if listed(book.items[item_id])]


def address_value(value: bool | str) -> str:
    """A facet value as it is written in the address and in the data- attributes: 'klein', 'true'."""
    return str(value).lower() if isinstance(value, bool) else value


def facet_values(facets: Facets) -> dict[str, tuple[str, ...]]:
    """Each facet's values in the finder's order; an empty tuple when the source does not say."""
    values = {}
    for group in FACET_GROUPS:
        value = getattr(facets, group)
        values[group] = tuple(value) if isinstance(value, list) else () if value is None else (address_value(value),)
    return values


def values(item: Item) -> dict[str, tuple[str, ...]]:
    """An item's values for every filter group, its kind included."""
    return {**facet_values(item.facets), "kind": (item.kind,)}


def options() -> dict[str, tuple[str, ...]]:
    """Every filter group and the values a reader can choose, in the form's order."""
    allowed = Facets.allowed_values()
    return {group: KINDS if group == "kind" else tuple(address_value(v) for v in allowed[group]) for group in GROUPS}


def label_key(group: str, value: str) -> str:
    """The interface string that names a value: 'facet.group_size.klein', 'kind.method', 'label.yes'."""
    if group == "kind":
        return f"kind.{value}"
    if value in ("true", "false"):
        return "label.yes" if value == "true" else "label.no"
    return f"facet.{group}.{value}"


def keeps(item_values: Mapping[str, Iterable[str]], choice: Choice) -> bool:
    """OR within a group, AND across groups; an unknown value never matches."""
    return all(set(item_values[group]) & set(chosen) for group, chosen in choice.items() if chosen)


def matching(book: Handbook, choice: Choice) -> list[Item]:
    return [item for item in items(book) if keeps(values(item), choice)]


def option_counts(book: Handbook, choice: Choice) -> dict[str, dict[str, int]]:
    """For every option, how many items have that value and fit the choices in the other groups: the
    number a reader sees beside a checkbox (0: marked, but still usable)."""
    counts = {group: dict.fromkeys(values_, 0) for group, values_ in options().items()}
    for item in items(book):
        item_values = values(item)
        for group in GROUPS:
            if keeps(item_values, {other: chosen for other, chosen in choice.items() if other != group}):
                for value in item_values[group]:
                    counts[group][value] += 1
    return counts


def query(choice: Iterable[tuple[str, str]]) -> str:
    """The address part of a choice, in the order given: '?group_size=klein&kind=method' ('' for none)."""
    pairs = list(choice)
    return "?" + urlencode(pairs) if pairs else ""


def no_script_css() -> str:
    """The stylesheet that filters the list when no script runs (with finder.js, the browser neither loads
    it nor checks its :has() rules when a box is ticked). Per group, a result is hidden when a box of the group
    is ticked and the result has none of the ticked values; CSS cannot compare an attribute with a box's
    value, so there is one selector per value, written from the values of the models. The counts, made for
    the whole list, are hidden once a box is ticked."""
    rules = ["/* Made by macros/finder.py (no_script_css): the method finder without JavaScript. */"]
    for group, group_values in options().items():
        ticked = ",\n    ".join(f'.bb-finder:has([name="{group}"][value="{value}"]:checked) [data-{group}~="{value}"]'
                                for value in group_values)
        rules.append(f'.bb-finder:has([name="{group}"]:checked) .bb-result:not(\n    {ticked}) {{\n  display: none;\n}}')
    rules.append(".bb-finder:has(.bb-finder__form :checked) .bb-finder__n {\n  visibility: hidden;\n}")
    rules.append(".bb-finder:has(.bb-finder__form :checked) [data-bb-count] {\n  display: none;\n}")
    rules.append(".bb-finder:has(.bb-finder__form :checked) .bb-finder__option--none {\n  color: inherit;\n}")
    return "\n".join(rules) + "\n"
