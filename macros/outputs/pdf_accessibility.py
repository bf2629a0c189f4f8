"""What a printed PDF needs for screen readers beyond what Chromium writes, added with pikepdf.

Chromium (156) prints a tagged PDF: a structure tree (headings, lists, links, figures with their
alternative text), ``/MarkInfo``, ``/Lang`` and ``/ViewerPreferences /DisplayDocTitle``; with
``--generate-pdf-document-outline`` it adds bookmarks from the headings. It writes no XMP metadata (the
title, the language and the PDF/UA identifier live there) and no descriptions of links (``/Contents``,
which PDF/UA asks for), and it writes the bookmark of a right-to-left heading in visual order (the words
of an Arabic heading reversed). pikepdf, a well-kept binding of qpdf, adds what is missing, takes each
bookmark's text from the heading on the page, and sets the rest again from the page itself, so that nothing
depends on what one Chromium version happens to write.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pikepdf

PDF_UA_PART = "1"  # PDF/UA-1 (ISO 14289-1)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass
class PrintedPage:
    """What the PDF takes from the printed page: its language, its title, its headings and the text of
    each link."""

    lang: str = ""
    title: str = ""
    headings: list[str] = field(default_factory=list)
    link_texts: dict[str, str] = field(default_factory=dict)  # href → the link's text

    def heading_for(self, bookmark: str) -> str:
        """The heading that a bookmark stands for: the one with the same words, in any order (visual order
        also moves punctuation such as a colon to another word, so words are compared without it)."""
        return next((heading for heading in self.headings if _words(heading) == _words(bookmark)), bookmark)

    @classmethod
    def read(cls, html_file: Path) -> "PrintedPage":
        parser = _PageParser()
        parser.feed(html_file.read_text(encoding="utf-8"))
        return parser.page


def _words(text: str) -> list[str]:
    return sorted(re.sub(r"[^\w\s]", "", text).split())


def make_accessible(pdf_file: Path, page: PrintedPage) -> None:
    """Give ``pdf_file`` its language, its title (shown as the window title), the PDF/UA identifier and
    a description of every link."""
    with pikepdf.open(pdf_file, allow_overwriting_input=True) as pdf:
        pdf.Root.Lang = pikepdf.String(page.lang)
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        for pdf_page in pdf.pages:
            for annotation in pdf_page.obj.get("/Annots", []):
                if annotation.get("/Subtype") == "/Link" and "/Contents" not in annotation:
                    uri = str(annotation.get("/A", {}).get("/URI", ""))
                    annotation.Contents = pikepdf.String(page.link_texts.get(uri) or uri)
        with pdf.open_outline() as outline:
            items = list(outline.root)
            while items:
                item = items.pop()
                item.title = page.heading_for(item.title)
                items += item.children
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:  # also sets /Info /Title
            meta.load_from_docinfo(pdf.docinfo)  # keep Chromium's dates and producer
            meta["dc:title"] = page.title
            meta["dc:language"] = [page.lang]
            meta["pdfuaid:part"] = PDF_UA_PART
        pdf.save(pdf_file, min_version="1.7")  # PDF/UA-1 is built on PDF 1.7


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.page = PrintedPage()
        self._in_head = self._in_title = False
        self._href: str | None = None
        self._text: list[str] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.page.lang = attributes.get("lang") or ""
        elif tag == "head":
            self._in_head = True
        elif tag == "title" and self._in_head:  # not the title of an SVG image
            self._in_title = True
        elif tag in HEADINGS:
            self._heading = []
        elif tag == "a" and attributes.get("href"):
            self._href, self._text = attributes["href"], []

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "head":
            self._in_head = False
        elif tag in HEADINGS and self._heading is not None:
            self.page.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None
        elif tag == "a" and self._href is not None:
            self.page.link_texts.setdefault(self._href, " ".join("".join(self._text).split()))
            self._href = None

    def handle_data(self, data):
        if self._in_title:
            self.page.title += data.strip()
        if self._href is not None:
            self._text.append(data)
        if self._heading is not None:
            self._heading.append(data)
