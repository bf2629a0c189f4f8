"""The shape of the handbook's data: one pydantic model per kind of item.

Text fields use three types so that the renderer knows how to treat them: ``Plain`` (escaped, no
markup), ``Markdown`` (a small Markdown subset whose rendered HTML is checked for unsafe links) and
``Name`` (a published Dutch name, never translated). The models hold no HTML.
"""
from __future__ import annotations

from typing import ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, ValidationInfo, field_validator, model_validator
from pydantic_core import core_schema

from ..html.markdown import unsafe_parts

# --- Text types ---


class Plain(str):
    """Plain text: shown as it is, every character escaped."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler: GetCoreSchemaHandler):
        return core_schema.no_info_after_validator_function(cls._check, core_schema.str_schema(strict=True))

    @classmethod
    def _check(cls, value: str):
        if not value.strip():
            raise ValueError("text is empty")
        return cls(value.strip())

    @classmethod
    def __get_pydantic_json_schema__(cls, schema, handler):
        return {"type": "string", "contentMediaType": "text/plain"}


class Markdown(Plain):
    """Markdown text: paragraphs, lists, emphasis, links to https or mailto addresses or to pages of the
    site; images only from the site itself. The check looks at the rendered HTML, so every kind of link
    (inline, reference, automatic) is seen."""

    @classmethod
    def _check(cls, value: str):
        problems = unsafe_parts(value)
        if problems:
            raise ValueError("; ".join(problems))
        return super()._check(value)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema, handler):
        return {"type": "string", "contentMediaType": "text/markdown"}


class Name(str):
    """A name as published, such as a Dutch publication title: never translated, always marked as Dutch."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler: GetCoreSchemaHandler):
        return core_schema.no_info_after_validator_function(cls, core_schema.str_schema(strict=True, min_length=1))


Id = str  # checked by ID_PATTERN below
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# --- Facets a reader can filter on ---

BuildingBlockId = Literal["verkennen", "contact-leggen", "betrekken", "aansluiten"]
LemniscatePhase = Literal["ervaringen-verzamelen", "collectief-verhaal", "beleid-aanpassen", "terugkoppelen"]
# reading: the scale of group sizes follows the sources, not a scale of our own. Pharos (pharos-werkvormen,
#   under the heading "Kleine groep") calls a focus group of 6 to 10 people a small group: with fewer than 6
#   the talk may not get going, with more than 12 it gets hard to let everyone speak. So 'klein' is a small
#   group of up to 12 people and 'groot' is more than 12; 'een-op-een' is one person at a time. A method
#   can work at more than one size ("1 op 1 of in kleine groep"), so a card lists every size its source
#   names. The value names are part of shared addresses (?group_size=klein): keep them.
GroupSize = Literal["een-op-een", "klein", "groot"]
TimeNeeded = Literal["uur", "dagdeel", "meerdere-keren", "weken"]
# The pictures drawn from the data (macros/render/diagrams.py), shown on a section's landing page or a page.
DiagramName = Literal["building-blocks", "pu-taart", "lemniscate"]
TargetGroup = Literal[
    "lage-ses", "migrantenachtergrond", "laaggeletterd", "kinderen-jongeren", "statushouders", "lvb", "ouderen"
]


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, values are not silently converted."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Facets(Strict):
    building_blocks: list[BuildingBlockId] = []
    lemniscate_phases: list[LemniscatePhase] = []
    group_size: list[GroupSize] = []
    time_needed: TimeNeeded | None = None
    without_reading_writing: bool | None = None  # None: the source does not say ("niet bekend")
    online_possible: bool | None = None
    target_groups: list[TargetGroup] = []

    @classmethod
    def allowed_values(cls) -> dict[str, tuple]:
        """Each facet's possible values, e.g. {'group_size': ('een-op-een', ...), 'online_possible': (True, False)}."""

        def values(annotation) -> tuple:
            if annotation is bool:
                return (True, False)
            args = get_args(annotation)
            if args and all(isinstance(a, str) for a in args):
                return args
            return tuple(v for a in args if a is not type(None) for v in values(a))

        return {name: values(field.annotation) for name, field in cls.model_fields.items()}


# --- Parts shared by several kinds ---


class SourceRef(Strict):
    """Where in which publication an item comes from."""

    publication: Id
    section: Name  # the source's own heading


class Section(Strict):
    heading: Plain
    body: Markdown


class Link(Strict):
    """A link to a page outside the handbook."""

    title: Plain
    url: str = Field(pattern=r"^https?://")


class Example(Strict):
    """A practice example: a project and the organisation behind it."""

    project: Plain
    organisation: Plain | None = None
    body: Markdown


class Figure(Strict):
    """A figure of a pilot: a number, shown in the reader's locale, or where the source gives it in words,
    a text. ``national`` is the same figure for the whole of the Netherlands, where the source gives it."""

    label: Plain
    number: float | None = None
    unit: Literal["euro", "percent", "square-kilometer"] | None = None
    national: float | None = None
    value: Plain | None = None

    @model_validator(mode="after")
    def _number_or_words(self):
        if (self.number is None) == (self.value is None):
            raise ValueError("give either 'number' (with an optional 'unit') or 'value' (a figure in words)")
        if self.number is None and (self.unit or self.national is not None):
            raise ValueError("'unit' and 'national' go with 'number'")
        return self


class ChecklistItem(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    text: Plain
    detail: Plain | None = None


# --- Items: one model per kind ---


class Item(Strict):
    """What every card has: a stable id, a title, a source, links to other items and facets."""

    id: Id = Field(pattern=ID_PATTERN)
    title: Plain
    summary: Plain
    source: SourceRef
    related: list[Id] = []
    facets: Facets = Facets()

    @field_validator("related")
    @classmethod
    def _each_other_item_once(cls, value: list[str], info: ValidationInfo):
        if len(set(value)) != len(value):
            raise ValueError("an id is listed twice")
        if info.data.get("id") in value:
            raise ValueError("the item lists itself")
        return value


class Article(Item):
    """A page of text in sections, such as the field research figures."""

    kind: ClassVar[str] = "page"
    sections: list[Section] = Field(min_length=1)
    diagram: DiagramName | None = None  # shown after the sections


class MethodCard(Article):
    """A work form, such as a focus group or photovoice."""

    kind: ClassVar[str] = "method"


class Checklist(Item):
    """A list a team ticks off, printable on one A4 page."""

    kind: ClassVar[str] = "checklist"
    items: list[ChecklistItem] = Field(min_length=1)


class BuildingBlock(Article):
    """One of the four Pharos building blocks; usable in any order."""

    kind: ClassVar[str] = "building-block"


class PUMethod(Item):
    """One of the ten work methods of proportionate universalism."""

    kind: ClassVar[str] = "pu-method"
    number: int = Field(ge=1, le=10)
    group: Plain
    what: Markdown
    why: Markdown
    must_dos: list[Plain] = Field(min_length=1)
    example: Example
    get_started: list[Link] = []


class Recommendation(Item):
    """One of the seven Sociaal Binden recommendations, with the evidence behind it."""

    kind: ClassVar[str] = "recommendation"
    number: int = Field(ge=1, le=7)
    explanation: Markdown
    evidence: list[Section] = []


class Pilot(Item):
    """One of the five Sociaal Binden pilots, with its figures and lessons."""

    kind: ClassVar[str] = "pilot"
    place: Plain
    body: Markdown
    figures: list[Figure] = []
    lessons: list[Plain] = Field(min_length=1)


class ToolboxTool(Item):
    """A tool from the Movisie toolbox."""

    kind: ClassVar[str] = "toolbox-tool"
    number: str = Field(pattern=r"^[1-6]\.\d+$")
    tool_type: Plain
    when: Markdown
    with_whom: Markdown
    description: Markdown
    source_text: Plain
    more_reading: list[Link] = []


# --- Publications, sections and pages ---


class Publication(Strict):
    """One of the five source publications."""

    id: Id = Field(pattern=ID_PATTERN)
    title: Name
    subtitle: Name | None = None
    publisher: Name
    year: int | None = None
    used_for: Plain


class SiteSection(Strict):
    """A section of the site: a landing page and the cards in it, in reading order."""

    id: Id = Field(pattern=ID_PATTERN)
    title: Plain
    summary: Plain
    intro: Markdown
    publication: Id | None = None
    items: list[Id] = Field(min_length=1)
    booklet: bool = False  # the landing page offers to print chosen cards as one booklet
    diagram: DiagramName | None = None  # the landing page shows this picture after the introduction


class AboutPage(Strict):
    """A page about the handbook itself (data/about.yml), such as the accessibility statement."""

    id: Id = Field(pattern=ID_PATTERN)
    title: Plain
    summary: Plain
    sections: list[Section] = Field(min_length=1)


class StandalonePage(Strict):
    """A page of the site that shows something other than data items (data/standalone-pages.yml)."""

    id: Id = Field(pattern=ID_PATTERN)  # its address, e.g. 'woordenlijst'
    shows: Literal["sources", "glossary", "search", "reading-level", "translation-status", "open-data", "credits", "finder"]


class Task(Strict):
    """Something a reader comes to do, on the home page: a short text and where to go."""

    title: Plain
    text: Plain
    target: Id  # an item, a section or a standalone page (such as the method finder)


class HomePage(Strict):
    title: Plain
    intro: Markdown
    tasks: list[Task] = []


class GlossaryEntry(Strict):
    """A specialist word or abbreviation, explained at B1 where it is used and on the glossary page."""

    id: Id = Field(pattern=ID_PATTERN)
    term: Plain
    forms: list[Plain] = []  # other spellings and inflections that are marked as well
    explanation: Plain


class ReadingEase(Strict):
    """A Flesch reading-ease formula: base - per_word × words per sentence - per_syllable × syllables per word."""

    name: str  # e.g. Flesch-Douma
    base: float
    per_word: float
    per_syllable: float


class Language(Strict):
    """One language of the site (data/languages.yml): the one place that says how it is written, where
    its pages live, how it is searched and measured, and who translated it."""

    code: str = Field(pattern=r"^[a-z]{2,3}$")  # also Pagefind's search language (stemming where it has one)
    name: str = Field(min_length=1)  # in the language itself, e.g. "Frysk"
    source: bool = False  # the language the texts are written in; its pages live at the site root
    direction: Literal["ltr", "rtl"] = "ltr"
    hyphenation: str | None = None  # pyphen dictionary that counts syllables, e.g. nl_NL
    reading_ease: ReadingEase | None = None  # the Flesch formula for this language, where there is one
    translated_by: Plain | None = None  # who made the translation; not for the source language
    reviewed_by_native_speaker: bool = False
    plural_forms: str | None = None  # the gettext Plural-Forms header of its PO file

    @property
    def id(self) -> str:
        return self.code

    @property
    def root(self) -> str:
        """Where the language's pages live below the site root: '' for the source language, 'fy/' else."""
        return "" if self.source else f"{self.code}/"
