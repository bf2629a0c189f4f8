"""Order and name the site navigation from the data, in the language being built."""
from __future__ import annotations

from markupsafe import Markup

from ..content.handbook import Handbook
from ..content.kinds import text_key
from ..pages import site_pages
from ..translation.catalog import Localizer


def arrange_nav(nav_items: list, book: Handbook, lang: str) -> list:
    """Sort the menu as the data lists the pages (macros/pages.py) and title each section in ``lang``.

    ``nav_items`` are MkDocs navigation objects: a Section has ``title`` and ``children``; a Page has
    ``file.src_uri``. A section's folder name is its id.
    """
    localizer = Localizer(book.languages[lang], book.source, book.translations.get(lang, {}))
    order = {page.src_uri: number for number, page in enumerate(site_pages(book))}

    def position(entry) -> int:
        pages = [child for child in getattr(entry, "children", None) or [entry] if hasattr(child, "file")]
        return min((order.get(page.file.src_uri, len(order)) for page in pages), default=len(order))

    for entry in nav_items:
        if getattr(entry, "children", None):
            entry.children.sort(key=position)
            section = book.sections.get(entry.children[0].file.src_uri.split("/")[0])
            if section:
                entry.title = Markup(localizer.text(section.title, f"{text_key(section)}.title").__html__())
    return sorted(nav_items, key=position)
