"""The handbook's icons: SVG files vendored from openly licensed sets, inlined into pages at build time.

They live in ``overrides/.icons/handbook/``, where Material finds them too (``theme.icon`` in mkdocs.yml
points the header's logo, menu, search and language icons there), so every icon on the site comes from
one folder. ``LICENSES.yml`` beside them names each file's set, licence (SPDX id) and source; it is read
with pydantic so that a missing field stops the build. Each file is already marked decorative
(``aria-hidden="true"``): an icon always stands beside a text that says the same. Inlined, an icon loses
what the stylesheet already says for every icon (``svg.bb-icon`` in handbook.css: no fill, a round line of
width 2 in the text's colour), the namespace (HTML knows it) and the set's empty bounding box: a reader
on prepaid data pays for every byte of every page.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

# What every icon file of the set repeats, and the stylesheet or HTML already gives.
_REDUNDANT = re.compile(r' xmlns="[^"]*"| (?:fill|stroke|stroke-width|stroke-linecap|stroke-linejoin)="[^"]*"'
                        r'|<path stroke="none" d="M0 0h24v24H0z" fill="none"/>')
_BETWEEN_TAGS = re.compile(r">\s+<")

ICONS_DIR = Path(__file__).resolve().parents[2] / "overrides" / ".icons" / "handbook"
LICENCES_FILE = ICONS_DIR / "LICENSES.yml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IconSet(_Strict):
    """An icon set, with the notice its licence asks to keep."""

    name: str
    version: str
    copyright: str
    licence: str  # SPDX id
    licence_file: str  # the licence text, beside the icons
    url: str


class IconFile(_Strict):
    file: str
    set: str
    licence: str  # SPDX id
    source: str  # the file's address in its set

    @property
    def name(self) -> str:
        return self.file.removesuffix(".svg")


class IconLicences(_Strict):
    sets: dict[str, IconSet]
    icons: list[IconFile]


@cache
def licences() -> IconLicences:
    """The licences file, read once."""
    return IconLicences.model_validate(yaml.safe_load(LICENCES_FILE.read_text(encoding="utf-8")))


@cache
def icon(name: str) -> Markup:
    """The SVG of icon ``name`` (a file name without .svg), to inline in a page."""
    return Markup(slim((ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8").strip()))


def slim(svg: str) -> str:
    """An icon's SVG without what the stylesheet and HTML already say."""
    return _BETWEEN_TAGS.sub("><", _REDUNDANT.sub("", svg))


def licence_texts() -> dict[str, str]:
    """The licence text of each set, as its file beside the icons holds it."""
    return {key: (ICONS_DIR / icon_set.licence_file).read_text(encoding="utf-8").strip()
            for key, icon_set in licences().sets.items()}
