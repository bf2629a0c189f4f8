"""The handbook's macros: YAML data → validated models → rendered pages.

mkdocs-macros calls ``define_env`` once per language build. The page files in ``docs/`` are one line
each, such as ``{{ card("fotospel") }}``; everything else comes from ``data/``.
"""
from __future__ import annotations

from markupsafe import escape
from mkdocs.exceptions import PluginError

from .handbook import load_handbook
from .loading import DataError
from .rendering import PageRenderer, RenderedPage

READING_LEVEL_PLACEHOLDER = "<!-- reading level table, filled in by hooks.on_page_context -->"


def read_mkdocs_config() -> dict:
    """mkdocs.yml as plain data, for use outside a build (!ENV values read as None)."""
    import yaml

    from .handbook import PROJECT_DIR

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def read_site_languages() -> list[str]:
    """The site's languages as mkdocs.yml lists them, for use outside a build."""
    config = read_mkdocs_config()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return [lang["locale"] for lang in sorted(i18n["languages"], key=lambda lang: not lang.get("default"))]


def site_languages(config) -> list[str]:
    """The site's languages from the i18n plugin, the default (source) language first."""
    languages = config.plugins["i18n"].config.languages
    return [lang.locale for lang in sorted(languages, key=lambda lang: not lang.default)]


def current_language(config) -> str:
    return config.plugins["i18n"].current_language


def define_env(env) -> None:
    try:
        book = load_handbook(site_languages(env.conf))
    except DataError as err:
        raise PluginError(str(err)) from None

    def renderer() -> PageRenderer:
        return PageRenderer(book, current_language(env.conf), env.page.url, env.conf.site_url or "/")

    def show(page: RenderedPage) -> str:
        env.page.meta["title"] = page.title
        return page.html

    @env.macro
    def card(item_id: str) -> str:
        """The page of one card or checklist."""
        if item_id not in book.items:
            raise PluginError(f"{env.page.file.src_uri}: card('{item_id}'): no item has this id in data/")
        return show(renderer().item_page(item_id))

    @env.macro
    def section(section_id: str) -> str:
        """The landing page of one section of the handbook."""
        if section_id not in book.sections:
            raise PluginError(f"{env.page.file.src_uri}: section('{section_id}'): no such section in data/sections.yml")
        return show(renderer().section_page(section_id))

    @env.macro
    def home() -> str:
        """The home page."""
        return show(renderer().home_page())

    @env.macro
    def glossary() -> str:
        """The glossary page."""
        return show(renderer().glossary_page())

    @env.macro
    def sources() -> str:
        """The page that names the five publications."""
        return show(renderer().sources_page())

    @env.macro
    def reading_level() -> str:
        """The reading-level page; its table needs every page, so a hook fills it in after they are built."""
        env.page.meta["title"] = escape(book.ui[current_language(env.conf)]["page.reading_level.title"])
        return READING_LEVEL_PLACEHOLDER

    @env.macro
    def search_page() -> str:
        """The search page: Pagefind searches the pages of the reader's language only."""
        return show(renderer().search_page())

    @env.macro
    def translation_status() -> str:
        """How complete, current and reviewed the translations are."""
        from .translations import status  # imported here: the module also runs as a command

        return show(renderer().translation_status_page({lang: status(book, lang) for lang in book.languages}))

    @env.macro
    def about_page(page_id: str) -> str:
        """A page about the handbook itself, such as the accessibility statement."""
        if page_id not in book.about:
            raise PluginError(f"{env.page.file.src_uri}: about_page('{page_id}'): no such page in data/about.yml")
        return show(renderer().about_page(page_id))
