"""The pages of the site, all following from the data: the home page, every section and its items, the
about pages and the standalone pages. Each is a Markdown page whose whole content is one macro call,
made in memory at build time, so the macros stay the renderer and ``docs/`` holds no page files."""
from __future__ import annotations

from dataclasses import dataclass

from .content.handbook import Handbook
from .render.urls import address


@dataclass(frozen=True)
class SitePage:
    src_uri: str  # where MkDocs thinks the page's file is, e.g. 'werkvormen/fotospel.md'
    kind: str  # what the page shows: 'home', 'section', 'item', 'about' or 'standalone'
    id: str = ""

    @property
    def markdown(self) -> str:
        return f'{{{{ handbook_page("{self.kind}", "{self.id}") }}}}\n'


def site_pages(book: Handbook) -> list[SitePage]:
    """Every page, in menu order."""
    pages = [SitePage("index.md", "home")]
    for section in book.sections.values():
        pages.append(SitePage(f"{section.id}/index.md", "section", section.id))
        pages += [SitePage(_src_uri(book, item_id), "item", item_id) for item_id in section.items]
    pages += [SitePage(_src_uri(book, page_id), "about", page_id) for page_id in book.about]
    pages += [SitePage(_src_uri(book, page_id), "standalone", page_id) for page_id in book.standalone]
    return pages


def _src_uri(book: Handbook, target: str) -> str:
    """'werkvormen/fotospel/' → 'werkvormen/fotospel.md' (MkDocs turns it back into that address)."""
    return address(book, target).rstrip("/") + ".md"
