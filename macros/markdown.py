"""Safe Markdown for data texts: HTML in the text is escaped, never passed through."""
from __future__ import annotations

import markdown as md
from markupsafe import Markup, escape

_converter = md.Markdown(extensions=["sane_lists"], output_format="html")


def render_markdown(text: str) -> Markup:
    """Markdown to HTML; any ``<`` or ``&`` in the source is shown as text, not markup."""
    _converter.reset()
    return Markup(_converter.convert(str(escape(text))))
