"""MkDocs hooks: the few build steps that macros cannot do from inside a page."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads this file by path

from macros import current_language, site_languages  # noqa: E402
from macros.handbook import load_handbook  # noqa: E402
from macros.navigation import arrange_nav  # noqa: E402
from macros.rendering import language_root  # noqa: E402
from macros.sitemap import write_sitemap  # noqa: E402


# --- Hooks ---


def on_nav(nav, config, files):
    """Sections in data order, with titles in the language being built."""
    book = load_handbook(site_languages(config))
    nav.items = arrange_nav(nav.items, book, current_language(config))
    return nav


_built_urls: list[str] = []


def on_pre_build(config):
    _built_urls.clear()


def on_post_page(output, page, config):
    _built_urls.append(page.canonical_url or page.url)
    return output


def on_post_build(config):
    """static-i18n writes no sitemap.xml for the other languages; Material asks for it on every page."""
    write_sitemap(Path(config.site_dir) / language_root(current_language(config)), _built_urls)
