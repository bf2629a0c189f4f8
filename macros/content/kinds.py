"""The one registry of content kinds: for each kind, its data file, model, translation keys, address
and template. Loading, translations, rendering and the page list all read it; adding a kind means one
line here, one model and one template."""
from __future__ import annotations

from dataclasses import dataclass

from .models import (
    AboutPage, Article, BuildingBlock, Checklist, GlossaryEntry, HomePage, Language, MethodCard,
    Pilot, Publication, PUMethod, Recommendation, SiteSection, StandalonePage, ToolboxTool,
)


@dataclass(frozen=True)
class Kind:
    """One kind of content.

    ``key_prefix`` starts the translation keys of its texts (``item.fotospel.title``); ``url`` is the
    address of its pages below a language's root (None: no page of its own); ``template`` renders them;
    ``icon`` is its pictogram, a file in overrides/.icons/handbook/ (macros/render/icons.py). The name of an item kind (``method``) is ``model.kind``; the reader's word for it is the interface
    string ``kind.<name>``.
    """

    model: type
    data_file: str
    key_prefix: str
    url: str | None = None
    template: str | None = None
    icon: str | None = None

    @property
    def name(self) -> str:
        return getattr(self.model, "kind", self.key_prefix)

    @property
    def text_file(self) -> str:
        """The name under which its texts are translated: the data file without .yml."""
        return self.data_file.removesuffix(".yml")


ITEM_URL = "{section}/{id}/"

# Cards, in the order their files are read. Kinds with just a list of sections share page.html.
ITEM_KINDS: tuple[Kind, ...] = (
    Kind(MethodCard, "methods.yml", "item", ITEM_URL, "page.html", icon="messages"),
    Kind(Checklist, "checklists.yml", "item", ITEM_URL, "checklist.html", icon="clipboard-check"),
    Kind(BuildingBlock, "building-blocks.yml", "item", ITEM_URL, "page.html", icon="wall"),
    Kind(PUMethod, "pu-methods.yml", "item", ITEM_URL, "pu-method.html", icon="chart-pie"),
    Kind(Recommendation, "recommendations.yml", "item", ITEM_URL, "recommendation.html", icon="bulb"),
    Kind(Pilot, "pilots.yml", "item", ITEM_URL, "pilot.html", icon="map-pin"),
    Kind(ToolboxTool, "toolbox.yml", "item", ITEM_URL, "toolbox-tool.html", icon="tool"),
    Kind(Article, "pages.yml", "item", ITEM_URL, "page.html", icon="file-text"),
)

# Everything else in data/: lists of models with an id, and the home page (a single model).
SECTIONS = Kind(SiteSection, "sections.yml", "section", "{id}/", "section.html")
PUBLICATIONS = Kind(Publication, "publications.yml", "publication")
GLOSSARY = Kind(GlossaryEntry, "glossary.yml", "glossary")
LANGUAGES = Kind(Language, "languages.yml", "language")
ABOUT = Kind(AboutPage, "about.yml", "about", "{id}/", "about.html")
STANDALONE = Kind(StandalonePage, "standalone-pages.yml", "standalone", "{id}/")
HOME = Kind(HomePage, "home.yml", "home", "", "home.html")

KEYED_KINDS: tuple[Kind, ...] = (SECTIONS, PUBLICATIONS, GLOSSARY, LANGUAGES, ABOUT, STANDALONE)

BY_MODEL = {kind.model: kind for kind in (*ITEM_KINDS, *KEYED_KINDS, HOME)}


def kind_of(model) -> Kind:
    """The kind of a model instance (a subclass counts as its own kind when it is registered)."""
    return BY_MODEL[type(model)]


def item_kind(name: str) -> Kind:
    """The kind of item called ``name`` (e.g. 'method')."""
    return next(kind for kind in ITEM_KINDS if kind.name == name)


def text_key(model) -> str:
    """Where a model's texts live in the translation files: 'item.fotospel', 'section.werkvormen', 'home'."""
    kind = kind_of(model)
    return kind.key_prefix if isinstance(model, HomePage) else f"{kind.key_prefix}.{model.id}"
