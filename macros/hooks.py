"""MkDocs hooks: the few build steps that macros cannot do from inside a page."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads this file by path

from macros import READING_LEVEL_PLACEHOLDER, current_language, site_languages  # noqa: E402
from macros.handbook import load_handbook  # noqa: E402
from macros.navigation import arrange_nav  # noqa: E402
from macros.pdfs import build_checklist_pdfs  # noqa: E402
from macros.readability import measure  # noqa: E402
from macros.rendering import PageRenderer, language_root  # noqa: E402
from macros.search import build_search_index  # noqa: E402
from macros.sitemap import add_x_default, write_sitemap  # noqa: E402
from macros.translations import status  # noqa: E402
from macros.wellknown import write_security_txt  # noqa: E402


# --- Hooks ---


def on_startup(command, dirty):
    """Remember whether this is a build or a live preview: only a build prints the checklist PDFs."""
    _run["command"] = command


def on_nav(nav, config, files):
    """Sections in data order, with titles in the language being built."""
    book = load_handbook(site_languages(config))
    nav.items = arrange_nav(nav.items, book, current_language(config))
    return nav


def on_pre_build(config):
    """Interface strings of the language being built, for theme templates such as 404.html; a note on
    every page while no native speaker has reviewed the language; a warning for stale translations."""
    book = load_handbook(site_languages(config))
    lang = current_language(config)
    config.extra["ui"] = book.ui[lang]
    info = book.languages.get(lang)
    config.extra["review_notice"] = book.ui[lang]["notice.not_reviewed"] if info and not info.reviewed_by_native_speaker else ""
    stale = sum(s.stale for s in status(book, lang).values()) if info else 0
    if stale:
        _log.warning("%s: %d translated texts are stale (the Dutch changed); see python -m macros.translations todo", lang, stale)
    _built_urls.clear()
    if current_language(config) == site_languages(config)[0]:
        _reading_levels.clear()


def on_page_content(html, page, config, files):
    """Measure the reading level of every Dutch page (the other languages show the Dutch figures)."""
    if current_language(config) == site_languages(config)[0] and READING_LEVEL_PLACEHOLDER not in html:
        _reading_levels.append((page.url, page.title, measure(html)))
    return html


def on_page_context(context, page, config, nav):
    """Fill in the reading-level table once every page has its content."""
    if READING_LEVEL_PLACEHOLDER in (page.content or ""):
        book = load_handbook(site_languages(config))
        rows = sorted(_reading_levels, key=lambda row: row[0])
        table = PageRenderer(book, current_language(config), page.url).reading_level_page(rows).html
        page.content = page.content.replace(READING_LEVEL_PLACEHOLDER, table)
    return context


def on_post_page(output, page, config):
    _built_urls.append(page.canonical_url or page.url)
    return output


def on_post_template(output, template_name, config):
    """A 404 page per language: static-i18n lets every language write the same site/404.html."""
    lang = current_language(config)
    if template_name != "404.html" or lang == site_languages(config)[0]:
        return output
    target = Path(config.site_dir) / language_root(lang) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # MkDocs skips an empty template, so the Dutch site/404.html stays


@event_priority(-110)  # after static-i18n (-100), which builds the other languages from its own on_post_build
def on_post_build(config):
    """A sitemap.xml per language folder; once every language is built: security.txt, x-default links
    in the main sitemap, the search index and (for `mkdocs build`) the checklist PDFs."""
    write_sitemap(Path(config.site_dir) / language_root(current_language(config)), _built_urls)
    if not config.plugins["i18n"].building:
        write_security_txt(Path(config.site_dir), config.extra["security_contact"], site_languages(config))
        add_x_default(Path(config.site_dir), site_languages(config)[0])
        build_search_index(Path(config.site_dir))
        if _run.get("command") == "build" and os.environ.get("HANDBOOK_PDFS", "1") != "0":
            book = load_handbook(site_languages(config))
            checklists = [(f"{language_root(lang)}{book.section_of(item.id).id}/{item.id}", item.id)
                          for lang in site_languages(config) for item in book.items.values() if item.kind == "checklist"]
            build_checklist_pdfs(Path(config.site_dir), checklists)


# --- Data ---

_run: dict[str, str] = {}  # the MkDocs command: build or serve
_log = logging.getLogger("handbook")  # outside "mkdocs": a stale translation warns without failing --strict
_log.addHandler(logging.StreamHandler())
_built_urls: list[str] = []  # pages of the language being built, for its sitemap
_reading_levels: list = []  # (url, title, Figures) of every Dutch page
