"""Render pages from the handbook: one function per page kind, one Jinja template per kind.

The Jinja environment escapes everything by default; text from the data arrives as ``LocalText``,
which escapes itself and marks untranslated text with ``lang="nl"``.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .glossary import Term, mark_terms
from .handbook import Handbook, text_key
from .i18n import SOURCE_LANGUAGE, Localizer, direction
from .links import mark_external_links
from .printing import last_changed, qr_svg
from .readability import Figures

TEMPLATES_DIR = Path(__file__).parent / "templates"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class RenderedPage:
    """A page's HTML and its title as safe HTML (marked ``lang="nl"`` when not translated yet)."""

    title: Markup
    html: str


def language_root(lang: str) -> str:
    """Where a language's pages live, relative to the site root."""
    return "" if lang == SOURCE_LANGUAGE else f"{lang}/"


def relative_url(target: str, current: str) -> str:
    """A link from the page at ``current`` to ``target`` (both site-relative directory URLs)."""
    link = posixpath.relpath("/" + target, "/" + current if current.endswith("/") else posixpath.dirname("/" + current))
    return "./" if link == "." else link + "/"


class PageRenderer:
    """Renders the pages of one language; ``page_url`` is the URL of the page being built."""

    def __init__(self, book: Handbook, lang: str, page_url: str, site_url: str = "/"):
        self.book = book
        self.lang = lang
        self.page_url = page_url
        self.address = site_url.rstrip("/") + "/" + page_url  # the page's full web address
        self.localizer = Localizer(lang, book.translations.get(lang, {}))

    def local(self, model):
        """A model with its texts in this page's language."""
        return self.localizer.localize(model, text_key(model))

    def url_of_item(self, item_id: str) -> str:
        section = self.book.section_of(item_id)
        return relative_url(f"{language_root(self.lang)}{section.id}/{item_id}/", self.page_url)

    def url_of_section(self, section_id: str) -> str:
        return relative_url(f"{language_root(self.lang)}{section_id}/", self.page_url)

    def terms(self) -> list[Term]:
        """The glossary in this language, for marking terms on the page."""
        localizer = Localizer(self.lang, self.localizer.catalog)
        entries = [localizer.localize(e, text_key(e)) for e in self.book.glossary.values()]
        return [Term(e.id, (str(e.term), *map(str, e.forms)), str(e.explanation)) for e in entries]

    def url_of(self, target: str) -> str:
        """The address of an item or a section."""
        return self.url_of_section(target) if target in self.book.sections else self.url_of_item(target)

    def _render(self, template: str | list[str], title, mark_glossary_terms: bool = True, **context) -> RenderedPage:
        html = _env.select_template([template] if isinstance(template, str) else template).render(
            ui=self.book.ui[self.lang],
            lang=self.lang,
            dir=direction(self.lang),
            url_of_item=self.url_of_item,
            url_of_section=self.url_of_section,
            url_of=self.url_of,
            untranslated=self.localizer.missing > 0,
            stale=self.localizer.stale > 0,
            **context,
        )
        # Blank lines would end the HTML block in the surrounding Markdown page.
        html = "\n".join(line for line in html.splitlines() if line.strip())
        if mark_glossary_terms:
            html = mark_terms(html, self.terms())
        html = mark_external_links(html, self.book.ui[self.lang]["label.external_link"])
        return RenderedPage(title=escape(title), html=html)

    def item_page(self, item_id: str) -> RenderedPage:
        item = self.book.items[item_id]
        local = self.local(item)
        related = [self.local(other) for other in self.book.related(item_id)]
        publication = self.local(self.book.publications[item.source.publication])
        section = self.book.section_of(item_id)
        return self._render(
            [f"{item.kind}.html", "page.html"],  # kinds with just sections share page.html
            local.title,
            item=local,
            related=related,
            publication=publication,
            section=self.local(section),
            address=self.address,
            qr=qr_svg(self.address),
            text_date=last_changed(self.book.item_files[item_id]),
        )

    def section_page(self, section_id: str) -> RenderedPage:
        section = self.book.sections[section_id]
        local = self.local(section)
        items = [self.local(self.book.items[i]) for i in section.items]
        publication = (
            self.local(self.book.publications[section.publication])
            if section.publication
            else None
        )
        booklet = [(self.local(s), [self.local(self.book.items[i]) for i in s.items])
                   for s in self.book.sections.values()] if section.booklet else []
        return self._render("section.html", local.title, section=local, items=items, publication=publication, booklet=booklet)

    def home_page(self) -> RenderedPage:
        home = self.local(self.book.home)
        sections = [self.local(s) for s in self.book.sections.values()]
        return self._render("home.html", home.title, home=home, sections=sections)

    def glossary_page(self) -> RenderedPage:
        entries = [self.local(e) for e in self.book.glossary.values()]
        entries.sort(key=lambda e: str(e.term).casefold())
        return self._render("glossary.html", self.book.ui[self.lang]["page.glossary.title"],
                            mark_glossary_terms=False, entries=entries)

    def sources_page(self) -> RenderedPage:
        publications = [self.local(p) for p in self.book.publications.values()]
        sections = {s.publication: self.local(s) for s in self.book.sections.values() if s.publication}
        return self._render("sources.html", self.book.ui[self.lang]["page.sources.title"],
                            publications=publications, sections=sections)

    def reading_level_page(self, figures: list[tuple[str, str, Figures]]) -> RenderedPage:
        """The reading level of every page: (url, title, figures) rows, measured at build time."""
        rows = [(relative_url(url, self.page_url), title, f) for url, title, f in figures]
        return self._render("reading-level.html", self.book.ui[self.lang]["page.reading_level.title"],
                            mark_glossary_terms=False, rows=rows)

    def search_page(self) -> RenderedPage:
        return self._render("search.html", self.book.ui[self.lang]["page.search.title"], mark_glossary_terms=False,
                            pagefind=relative_url("pagefind/", self.page_url))

    def translation_status_page(self, statuses: dict) -> RenderedPage:
        """How complete each translation is: {lang: {file: Status}}, with who made it and whether it is reviewed."""
        languages = [self.local(info) for info in self.book.languages.values()
                     if self.lang == SOURCE_LANGUAGE or info.locale == self.lang]
        return self._render("translation-status.html", self.book.ui[self.lang]["page.translations.title"],
                            mark_glossary_terms=False, languages=languages, statuses=statuses)

    def about_page(self, page_id: str) -> RenderedPage:
        page = self.local(self.book.about[page_id])
        return self._render("about.html", page.title, page=page)
