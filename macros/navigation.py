"""Order and name the site navigation from the data, in the language being built."""
from __future__ import annotations

from markupsafe import Markup

from .handbook import Handbook, text_key
from .i18n import Localizer


def arrange_nav(nav_items: list, book: Handbook, lang: str) -> list:
    """Sort sections and their pages as in data/sections.yml and title each section in ``lang``.

    ``nav_items`` are MkDocs navigation objects: a Section has ``title`` and ``children``; a Page has
    ``file.src_uri``. Sections are matched by folder name, which is the section id.
    """
    localizer = Localizer(lang, book.translations.get(lang, {}))
    order = list(book.sections)

    def folder(entry) -> str:
        pages = [child for child in getattr(entry, "children", None) or [] if hasattr(child, "file")]
        return pages[0].file.src_uri.split("/")[0] if pages else ""

    def position(entry) -> int:
        """The home page first, then the sections in data order, then the other pages."""
        if getattr(entry, "is_homepage", False):
            return 0
        name = folder(entry) if hasattr(entry, "children") else ""
        return order.index(name) + 1 if name in order else len(order) + 1

    for entry in nav_items:
        section_id = folder(entry) if hasattr(entry, "children") else None
        if section_id in book.sections:
            section = book.sections[section_id]
            entry.title = Markup(localizer.text(section.title, f"{text_key(section)}.title").__html__())
            entry.children.sort(key=lambda page: _page_position(page, section.items))
    return sorted(nav_items, key=position)


def _page_position(page, item_ids: list[str]) -> int:
    stem = page.file.src_uri.rsplit("/", 1)[-1].removesuffix(".md")
    return item_ids.index(stem) + 1 if stem in item_ids else 0
