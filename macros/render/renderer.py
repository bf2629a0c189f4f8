"""Render pages from the handbook: one method per page kind, one Jinja template per kind.

The Jinja environment escapes everything by default; text from the data arrives as ``LocalText``,
which escapes itself, renders safe Markdown and marks untranslated text with ``lang="nl"``.
"""
from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .. import finder
from ..content.handbook import Handbook
from ..content.kinds import ITEM_KINDS, item_kind, text_key
from ..html.glossary import Term, mark_terms
from ..html.links import mark_external_links
from ..html.names import mark_dutch_names
from ..outputs.open_data import ALL_KINDS, DATA_FOLDER, VERSION, csv_file, json_file, schema_file
from ..readability import Figures
from ..translation.catalog import Localizer
from .numbers import format_long_date, format_number
from . import diagrams
from .icons import icon, licence_texts, licences
from .printing import QR_CODE_FILE, last_changed, qr_size
from .structured_data import dataset, json_ld, learning_resource
from .urls import address, relative_url

TEMPLATES_DIR = Path(__file__).parent / "templates"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
# What the templates need of the finder to show and link facets (macros/finder.py).
_env.globals.update(facet_values=finder.facet_values, facet_label=finder.label_key, filter_query=finder.query,
                    listed_in_finder=finder.listed)


@dataclass(frozen=True)
class RenderedPage:
    """A page's HTML, its title as safe HTML (marked ``lang="nl"`` when not translated yet), and for the
    page head its structured data (a JSON-LD block, or nothing) and its description in the page's language."""

    title: Markup
    html: str
    json_ld: Markup = Markup("")
    description: str = ""


class PageRenderer:
    """Renders the pages of one language; ``page_url`` is the site-relative URL of the page being built;
    ``licence`` is the licence of the handbook's texts (mkdocs.yml, extra.data_licence)."""

    def __init__(self, book: Handbook, lang: str, page_url: str, site_url: str = "/", licence: dict | None = None):
        self.book = book
        self.language = book.languages[lang]
        self.page_url = page_url
        self.site_url = site_url.rstrip("/") + "/"
        self.address = self.site_url + page_url  # the page's full web address
        self.licence = licence
        self.localizer = Localizer(self.language, book.source, book.translations.get(lang, {}))

    @property
    def ui(self) -> dict[str, str]:
        return self.book.ui[self.language.code]

    def local(self, model):
        """A model with its texts in this page's language."""
        return self.localizer.localize(model, text_key(model))

    def url_of(self, target: str = "") -> str:
        """A link from this page to an item, section, about page or standalone page ('' is home)."""
        return relative_url(self.language.root + address(self.book, target), self.page_url)

    def number(self, number: float, unit: str | None = None) -> str:
        return format_number(number, unit, self.language.code)

    def long_date(self, date) -> str:
        return format_long_date(date, self.language.code)

    def kind_of_target(self, target: str) -> str | None:
        """The kind of an item, the kind that most of a section's items are, or for the method finder the
        first kind it lists; None for other pages."""
        if target in self.book.items:
            return self.book.items[target].kind
        if target in self.book.sections:
            kinds = Counter(self.book.items[i].kind for i in self.book.sections[target].items)
            return kinds.most_common(1)[0][0]
        if target == finder.page_id(self.book):
            return finder.KINDS[0]
        return None

    def pictogram(self, target: str) -> Markup:
        """The pictogram of what a link leads to (see ``kind_of_target``), or nothing."""
        kind = self.kind_of_target(target)
        return icon(item_kind(kind).icon) if kind else Markup("")

    def diagram(self, name: str | None) -> dict:
        """What a diagram's template needs: its drawing (mirrored for a right-to-left language) and the
        items it links to, in this page's language. No name: no diagram."""
        if not name:
            return {"diagram": None}
        drawing = diagrams.draw(name, self.book.items.values(), mirrored=self.language.direction == "rtl")
        return {"diagram": name, "drawing": drawing, "diagram_stylesheet": self.asset_url(diagrams.STYLESHEET),
                "linked": {item_id: self.local(self.book.items[item_id]) for item_id in drawing.linked}}

    def asset_url(self, path: str) -> str:
        """A link from this page to a file of the site, such as 'javascripts/finder.js'."""
        folder, name = posixpath.split(path)
        return relative_url(folder + "/", self.page_url) + name

    def finder_url(self) -> str | None:
        """A link from this page to the method finder; None when the handbook has no finder page."""
        page_id = finder.page_id(self.book)
        return self.url_of(page_id) if page_id else None

    def terms(self) -> list[Term]:
        """The glossary in this language, for marking terms on the page."""
        localizer = Localizer(self.language, self.book.source, self.localizer.catalog)
        entries = [localizer.localize(e, text_key(e)) for e in self.book.glossary.values()]
        return [Term(e.id, (str(e.term), *map(str, e.forms)), str(e.explanation)) for e in entries]

    def page(self, kind: str, page_id: str = "") -> RenderedPage:
        """The page that ``macros.pages.SitePage`` names: one method per kind of page."""
        if kind == "standalone":
            return getattr(self, self.book.standalone[page_id].shows.replace("-", "_") + "_page")()
        return getattr(self, f"{kind}_page")(*([page_id] if page_id else []))

    def _render(self, template: str, title, mark_glossary_terms: bool = True, structured_data: dict | None = None,
                description: str = "", **context) -> RenderedPage:
        def render(untranslated: bool, stale: bool) -> str:
            return _env.get_template(template).render(ui=self.ui, lang=self.language.code, dir=self.language.direction,
                                                      url_of=self.url_of, number=self.number, long_date=self.long_date,
                                                      pictogram=self.pictogram, untranslated=untranslated, stale=stale, **context)

        html = render(False, False)
        if self.localizer.untranslated_shown or self.localizer.stale_shown:  # the notice goes on top: render again
            html = render(self.localizer.untranslated_shown, self.localizer.stale_shown)
        # Blank lines would end the HTML block in the surrounding Markdown page.
        html = "\n".join(line for line in html.splitlines() if line.strip())
        if mark_glossary_terms:
            html = mark_terms(html, self.terms())
        if not self.language.source:
            source = self.book.source
            html = mark_dutch_names(html, self.book.dutch_names_pattern, source.code, self.language.direction)
        html = mark_external_links(html, self.ui["label.external_link"])
        # A card's or section's summary; other pages are described by the home page's introduction.
        description = " ".join((description or str(self.local(self.book.home).intro)).split())
        return RenderedPage(escape(title), html, json_ld(structured_data) if structured_data else Markup(""), description)

    def item_page(self, item_id: str) -> RenderedPage:
        item = self.book.items[item_id]
        local = self.local(item)
        publication = self.book.publications[item.source.publication]
        text_date = last_changed(self.book.item_files[item_id])
        structured_data = learning_resource(
            name=str(local.title), description=str(local.summary), url=self.address, lang=self.language.code,
            kind=self.ui["kind." + item.kind], licence=self.licence, publication=publication, modified=text_date,
            site_name=self.book.home.title, site_url=self.site_url + self.language.root,
        ) if self.licence else None
        return self._render(
            item_kind(item.kind).template,
            local.title,
            structured_data=structured_data,
            description=str(local.summary),
            item=local,
            related=[self.local(other) for other in self.book.related(item_id)],
            publication=self.local(publication),
            section=self.local(self.book.section_of(item_id)),
            address=self.address,
            qr_code={"src": QR_CODE_FILE, "size": qr_size(self.address)},
            text_date=text_date,
            **self.diagram(getattr(item, "diagram", None)),
            finder=self.finder_url(),
        )

    def section_page(self, section_id: str) -> RenderedPage:
        section = self.book.sections[section_id]
        local = self.local(section)
        items = [self.local(self.book.items[i]) for i in section.items]
        publication = self.local(self.book.publications[section.publication]) if section.publication else None
        booklet = [(self.local(s), [self.local(self.book.items[i]) for i in s.items])
                   for s in self.book.sections.values()] if section.booklet else []
        lists_methods = any(finder.listed(self.book.items[i]) for i in section.items)
        return self._render("section.html", local.title, description=str(local.summary), section=local, items=items,
                            publication=publication, booklet=booklet, finder=self.finder_url() if lists_methods else None,
                            **self.diagram(section.diagram))

    def home_page(self) -> RenderedPage:
        home = self.local(self.book.home)
        sections = [self.local(s) for s in self.book.sections.values()]
        return self._render("home.html", home.title, home=home, sections=sections)

    def glossary_page(self) -> RenderedPage:
        entries = [self.local(e) for e in self.book.glossary.values()]
        entries.sort(key=lambda e: str(e.term).casefold())
        return self._render("glossary.html", self.ui["page.glossary.title"], mark_glossary_terms=False, entries=entries)

    def sources_page(self) -> RenderedPage:
        publications = [self.local(p) for p in self.book.publications.values()]
        sections = {s.publication: self.local(s) for s in self.book.sections.values() if s.publication}
        return self._render("sources.html", self.ui["page.sources.title"], publications=publications, sections=sections)

    def reading_level_page(self, figures: list[tuple[str, str, Figures]] | None = None) -> RenderedPage:
        """The reading level of every page: (url, title, figures) rows, measured at build time. Without
        rows, the page holds a placeholder that the hooks fill in once every page is built."""
        if figures is None:
            return RenderedPage(escape(self.ui["page.reading_level.title"]), READING_LEVEL_PLACEHOLDER)
        rows = [(relative_url(url, self.page_url), title, f) for url, title, f in figures]
        return self._render("reading-level.html", self.ui["page.reading_level.title"], mark_glossary_terms=False, rows=rows)

    def search_page(self) -> RenderedPage:
        return self._render("search.html", self.ui["page.search.title"], mark_glossary_terms=False,
                            pagefind=relative_url("pagefind/", self.page_url))

    def translation_status_page(self) -> RenderedPage:
        """How complete each translation is, who made it and whether it is reviewed."""
        from ..translation.status import status  # the status module also runs as a command

        languages = [self.local(lang) for lang in list(self.book.languages.values())[1:]
                     if self.language.source or lang.code == self.language.code]
        statuses = {lang.code: status(self.book, lang.code) for lang in languages}
        return self._render("translation-status.html", self.ui["page.translations.title"], mark_glossary_terms=False,
                            languages=languages, statuses=statuses)

    def open_data_page(self) -> RenderedPage:
        """What the open data holds, its files, fields and licence, and how to cite it."""
        data = relative_url(DATA_FOLDER, self.page_url)
        absolute = self.site_url + DATA_FOLDER + "/"
        kinds = [(kind.name, sum(item.kind == kind.name for item in self.book.items.values())) for kind in ITEM_KINDS]
        downloads = [(absolute + json_file(name), "application/json") for name in (ALL_KINDS, *(name for name, _ in kinds))]
        downloads += [(absolute + csv_file(name, self.language.code), "text/csv") for name, _ in kinds]
        structured_data = dataset(
            name=f"{self.book.home.title}: {self.ui['page.open_data.title']}", description=self.ui["page.open_data.intro"],
            url=self.address, languages=list(self.book.languages), licence=self.licence,
            publications=list(self.book.publications.values()), downloads=downloads,
        )
        return self._render("open-data.html", self.ui["page.open_data.title"], mark_glossary_terms=False,
                            structured_data=structured_data, data=data, kinds=kinds, all_kinds=ALL_KINDS,
                            count=len(self.book.items), languages=list(self.book.languages.values()),
                            json_file=json_file, schema_file=schema_file, csv_file=csv_file, licence=self.licence,
                            handbook=self.book.home.title, version=VERSION, address=self.address)

    def credits_page(self) -> RenderedPage:
        """Where the icons come from: every icon file with its set, licence and source."""
        used_for = {kind.icon: kind.name for kind in ITEM_KINDS}
        return self._render("credits.html", self.ui["page.credits.title"], mark_glossary_terms=False,
                            licences=licences(), licence_texts=licence_texts(), icon=icon, used_for=used_for)

    def finder_page(self) -> RenderedPage:
        """The method finder: a form of checkboxes per filter group and every listed item, filtered by
        finder.js (or, without JavaScript, by the stylesheet finder-no-script.css)."""
        listed = finder.items(self.book)
        counts = finder.option_counts(self.book, {})
        groups = {group: [(value, counts[group][value]) for value in values] for group, values in finder.options().items()}
        results = [(self.local(item), finder.values(item), self.site_url + self.language.root + address(self.book, item.id))
                   for item in listed]
        return self._render("finder.html", self.ui["page.finder.title"], mark_glossary_terms=False, groups=groups,
                            results=results, address=self.address, script=self.asset_url("javascripts/finder.js"),
                            stylesheet=self.asset_url(finder.NO_SCRIPT_STYLESHEET))

    def about_page(self, page_id: str) -> RenderedPage:
        page = self.local(self.book.about[page_id])
        return self._render("about.html", page.title, page=page)


READING_LEVEL_PLACEHOLDER = "<!-- reading level table, filled in by hooks.on_page_context -->"
