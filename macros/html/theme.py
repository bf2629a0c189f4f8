"""Theme markup that does nothing on this site, taken out of every built page: a reader on prepaid data
pays for every byte of every page.

Material writes a search toggle into every page from base.html, outside any block a theme override can
replace. Search is a page of its own here (Pagefind), so the toggle is dead markup. So are the hooks for
Material's own script, which the site does not load (overrides/main.html): the data-md-component,
data-md-type and data-md-scrollfix attributes (no style uses them), the empty dialog and skip boxes, and
the header's second title (the page's), which only that script shows when the page scrolls.
Its templates also indent every line: about a tenth of a page's compressed weight. And the header's
icons, which Material inlines from their files (mkdocs.yml ``theme.icon``), get the same slimming as the
handbook's own (macros/render/icons.py).
"""
from __future__ import annotations

import re

from ..render.icons import slim

UNUSED_MARKUP = (
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
    '<div class="md-dialog" data-md-component="dialog">\n<div class="md-dialog__inner md-typeset"></div>\n</div>',
    '<div data-md-component="skip">\n</div>',
)
_SCROLLED_TITLE = re.compile(r'<div class="md-header__topic" data-md-component="header-topic">.*?</div>', re.DOTALL)
_SCRIPT_HOOKS = re.compile(r' data-md-(?:component|type)="[^"]*"| data-md-scrollfix\b')
# A line break with the spaces around it: shown as one space, like a line break alone, except in
# <pre>, <textarea> and <code> (which Material shows with its white space), matched first and kept.
_INDENTATION = re.compile(r"<(pre|textarea|code)\b.*?</\1>|\s*\n\s*", re.DOTALL | re.IGNORECASE)
_ICON = re.compile(r'<svg [^>]*class="bb-icon".*?</svg>', re.DOTALL)


def remove_unused_theme_markup(html: str) -> str:
    html = _INDENTATION.sub(lambda match: match[0] if match[1] else "\n", html)
    for markup in UNUSED_MARKUP:
        html = html.replace(markup, "")
    html = _ICON.sub(lambda match: slim(match[0]), _SCROLLED_TITLE.sub("", html))
    return _SCRIPT_HOOKS.sub("", html)
