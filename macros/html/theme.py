"""Theme markup that does nothing on this site, taken out of every built page.

Material writes a search toggle into every page from base.html, outside any block a theme override can
replace. Search is a page of its own here (Pagefind), so the toggle is dead markup.
"""
from __future__ import annotations

UNUSED_MARKUP = (
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
)


def remove_unused_theme_markup(html: str) -> str:
    for markup in UNUSED_MARKUP:
        html = html.replace(markup, "")
    return html
