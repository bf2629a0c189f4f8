"""Safe Markdown for data texts, Dutch and translated alike.

HTML in a text is escaped before Markdown sees it, so a text can never carry raw HTML. The rendered HTML
then goes through nh3 (the Rust ``ammonia`` sanitizer), which keeps only the tags a text needs and only
links to https and mailto addresses or to pages of this site, and images that are files of this site.
``unsafe_parts`` reports what the sanitizer would remove, so bad data stops the build with a message
instead of quietly losing a link.
"""
from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown as md
import nh3
from markupsafe import Markup, escape

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br", "img", "code", "blockquote", "h3", "h4", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}
LINK_SCHEMES = {"https", "mailto"}

_converter = md.Markdown(extensions=["sane_lists"], output_format="html")


def _problem(tag: str, attribute: str, value: str) -> str | None:
    """Why a link or image address may not stay, or None when it may."""
    if (tag, attribute) not in {("a", "href"), ("img", "src")}:
        return None
    parts = urlsplit(value.strip())
    if tag == "img" and (parts.scheme or parts.netloc):
        return f"image {value!r} is not allowed (only images that are files of this site)"
    if parts.scheme and parts.scheme.lower() not in LINK_SCHEMES or (not parts.scheme and parts.netloc):
        return f"link target {value!r} is not allowed (use an https:// or mailto: address, or a page of this site)"
    return None


class _Addresses(HTMLParser):
    """Collects (tag, attribute, value) of every link and image address in a piece of HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.found += [(tag, name, value or "") for name, value in attrs if name in ("href", "src")]


def _sanitize(html: str) -> str:
    """nh3 keeps the allowed tags, and drops any address that ``_problem`` refuses."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=LINK_SCHEMES,
                     attribute_filter=lambda tag, name, value: None if _problem(tag, name, value) else value,
                     link_rel=None)


def _markdown_html(text: str) -> str:
    _converter.reset()
    return _converter.convert(str(escape(text)))


def render_markdown(text: str) -> Markup:
    """Markdown to sanitized HTML; any ``<`` or ``&`` in the source is shown as text, not markup."""
    return Markup(_sanitize(_markdown_html(text)))


def unsafe_parts(text: str) -> list[str]:
    """Every link or image address in the rendered text that may not stay, in words."""
    addresses = _Addresses()
    addresses.feed(_markdown_html(text))
    return [problem for found in addresses.found if (problem := _problem(*found))]
