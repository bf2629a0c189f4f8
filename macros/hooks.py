"""MkDocs hooks: the build steps that macros cannot do from inside a page, one small call each.

The flow: ``on_config`` gives static-i18n the languages of data/languages.yml; ``on_files`` adds one page
per item, section and standalone page of the data; the macros (macros/__init__.py) render each page; the
later hooks order the menu, measure the reading level, and write what the whole site needs once every
language is built: sitemaps, security.txt, the cards' QR codes, the search index, the open data,
one purged stylesheet, minified scripts, what each language needs to be read offline, and the checklist PDFs.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads this file by path

from macros import finder, site_i18n  # noqa: E402
from macros.build_log import BuildTimer, log, quiet_build_logs  # noqa: E402
from macros.content.handbook import load_handbook, load_languages  # noqa: E402
from macros.content.yaml_files import DataError  # noqa: E402
from macros.html.theme import remove_unused_theme_markup  # noqa: E402
from macros.outputs.offline import write_offline_files  # noqa: E402
from macros.outputs.open_data import write_open_data  # noqa: E402
from macros.outputs.pdfs import build_checklist_pdfs  # noqa: E402
from macros.outputs.precompress import precompress  # noqa: E402
from macros.outputs.qr_codes import write_qr_codes  # noqa: E402
from macros.outputs.scripts import minify_scripts  # noqa: E402
from macros.outputs.search import build_search_index  # noqa: E402
from macros.outputs.sitemap import add_x_default, write_sitemap  # noqa: E402
from macros.outputs.stylesheet import build_stylesheet, minify_page_stylesheets  # noqa: E402
from macros.outputs.wellknown import write_security_txt  # noqa: E402
from macros.pages import site_pages  # noqa: E402
from macros.publishing import check_publish_settings  # noqa: E402
from macros.readability import measure  # noqa: E402
from macros.render.navigation import arrange_nav  # noqa: E402
from macros.render.renderer import READING_LEVEL_PLACEHOLDER, PageRenderer  # noqa: E402
from macros.render.urls import address  # noqa: E402
from macros.translation.status import status  # noqa: E402


# --- Hooks ---


def on_startup(command, dirty):
    """Remember whether this is a build or a live preview (only a build prints the checklist PDFs); print
    only warnings, errors and a summary line."""
    _build.command = command
    quiet_build_logs()


@event_priority(100)  # before static-i18n (-100) reads its language list
def on_config(config):
    """The languages from data/languages.yml; a publishing build refuses local addresses."""
    try:
        languages = load_languages()
    except DataError as err:
        raise PluginError(str(err)) from None
    if site_i18n.starting(config):
        _build.start()
    site_i18n.configure_languages(config, languages, os.environ.get("HANDBOOK_ALL_LANGUAGES", "true") != "false")
    check_publish_settings(config, os.environ.get("HANDBOOK_PUBLISH") == "true")
    return config


def on_files(files, config):
    """One page per item, section, about page and standalone page of the data; docs/ holds no pages."""
    stray = [f.src_uri for f in files if f.is_documentation_page()]
    if stray:
        raise PluginError(f"docs/ holds page files, but pages come from data/: remove {', '.join(sorted(stray))}")
    site_i18n.add_pages(files, config, _page_files())
    return files


def on_nav(nav, config, files):
    """The pages made in memory get their content back (static-i18n's on_files drops it); sections in
    data order, with titles in the language being built."""
    site_i18n.restore_page_content(files, _page_files())
    nav.items = arrange_nav(nav.items, _book(), site_i18n.current_language(config))
    return nav


def on_pre_build(config):
    """Interface strings of the language being built, for theme templates such as 404.html; a note on
    every page while no native speaker has reviewed the language; a warning for stale translations."""
    book, lang = _book(), site_i18n.current_language(config)
    language = book.languages[lang]
    config.extra["ui"] = book.ui[lang]
    config.extra["review_notice"] = "" if language.source or language.reviewed_by_native_speaker else book.ui[lang]["notice.not_reviewed"]
    stale = 0 if language.source else sum(s.stale for s in status(book, lang).values())
    if stale:
        log.warning("%s: %d translated texts are stale (the Dutch changed); see python -m macros.translation todo", lang, stale)
    _build.urls.clear()


def on_page_content(html, page, config, files):
    """Measure the reading level of every Dutch page (the other languages show the Dutch figures)."""
    if site_i18n.is_source_language(config) and READING_LEVEL_PLACEHOLDER not in html:
        _build.reading_levels.append((page.url, page.title, measure(html, _book().source)))
    return html


def on_page_context(context, page, config, nav):
    """Fill in the reading-level table once every page has its content."""
    if READING_LEVEL_PLACEHOLDER in (page.content or ""):
        rows = sorted(_build.reading_levels, key=lambda row: row[0])
        table = PageRenderer(_book(), site_i18n.current_language(config), page.url).reading_level_page(rows).html
        page.content = page.content.replace(READING_LEVEL_PLACEHOLDER, table)
    return context


def on_template_context(context, template_name, config):
    """The offline page is shown at any address the reader asks for, like a 404 page: its links start at
    the site root (MkDocs does this for 404.html only)."""
    if template_name == "offline.html":
        context["base_url"] = urlsplit(config.site_url).path
    return context


def on_post_page(output, page, config):
    """Count the page for the sitemap and the summary, and drop the theme's dead search toggle."""
    _build.urls.append(page.canonical_url or page.url)
    _build.pages += 1
    return remove_unused_theme_markup(output)


def on_post_template(output, template_name, config):
    """A 404 page and an offline page per language: static-i18n lets every language write the same
    site/404.html and site/offline.html."""
    if template_name not in LANGUAGE_TEMPLATES:
        return output
    language = _book().languages[site_i18n.current_language(config)]
    output = remove_unused_theme_markup(output)
    if language.source:
        return output
    target = Path(config.site_dir) / language.root / template_name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # MkDocs skips an empty template, so the Dutch page at the site root stays


@event_priority(-110)  # after static-i18n (-100), which builds the other languages from its own on_post_build
def on_post_build(config):
    """A sitemap.xml per language folder; once every language is built: security.txt, x-default links
    in the main sitemap, the cards' QR codes, the search index, the open data, the site's one
    purged stylesheet, its minified scripts, the offline files of every language and, for `mkdocs build`,
    the checklist PDFs and the compressed text files."""
    book, site_dir = _book(), Path(config.site_dir)
    write_sitemap(site_dir / book.languages[site_i18n.current_language(config)].root, _build.urls)
    if not site_i18n.all_languages_built(config):
        return
    codes = list(book.languages)
    write_security_txt(site_dir, config.extra["security_contact"], codes)
    add_x_default(site_dir, book.source.code)
    write_qr_codes(site_dir, book, config.site_url)
    build_search_index(site_dir)
    write_open_data(site_dir, book, config.site_url, config.site_name, config.extra["data_licence"])
    build_stylesheet(site_dir)
    (site_dir / finder.NO_SCRIPT_STYLESHEET).write_text(finder.no_script_css(), encoding="utf-8")
    minify_page_stylesheets(site_dir)
    minify_scripts(site_dir)
    write_offline_files(site_dir, book, config.site_name, config.site_url)
    if _build.command == "build" and os.environ.get("HANDBOOK_PDFS", "1") != "0":
        checklists = [(language.root + address(book, item.id), item.id) for language in book.languages.values()
                      for item in book.items.values() if item.kind == "checklist"]
        build_checklist_pdfs(site_dir, checklists)
    if _build.command == "build" and os.environ.get("HANDBOOK_PRECOMPRESS", "1") != "0":
        precompress(site_dir)  # last: it compresses the files as they are
    _build.timer.summary(len(book.languages), _build.pages)


# --- Data ---


def _book():
    return load_handbook()


def _page_files() -> dict[str, str]:
    return {page.src_uri: page.markdown for page in site_pages(_book())}


LANGUAGE_TEMPLATES = ("404.html", "offline.html")  # theme pages that every language has in its own folder


@dataclass
class BuildState:
    """What one build (every language) keeps between hooks; `make serve` starts a new one per rebuild."""

    command: str = "build"  # or serve: only a build prints the checklist PDFs
    timer: BuildTimer = field(default_factory=BuildTimer)
    pages: int = 0  # pages built in every language, for the summary line
    urls: list[str] = field(default_factory=list)  # pages of the language being built, for its sitemap
    reading_levels: list = field(default_factory=list)  # (url, title, Figures) of every Dutch page

    def start(self) -> None:
        self.timer, self.pages, self.urls, self.reading_levels = BuildTimer(), 0, [], []


_build = BuildState()
