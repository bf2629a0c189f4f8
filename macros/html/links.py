"""Links that leave the site: marked in words and opened without passing on where the reader came from."""
from __future__ import annotations

import re

from markupsafe import escape

_EXTERNAL = re.compile(r'<a href="(https?://[^"]+)"([^>]*)>(.*?)</a>', re.S)


def mark_external_links(html: str, note: str) -> str:
    """Give every link to another site rel="noopener noreferrer" and a short note such as "(andere website)"."""

    def mark(match: re.Match) -> str:
        href, attributes, text = match.groups()
        return (f'<a href="{href}" rel="noopener noreferrer" class="bb-external"{attributes}>{text}</a>'
                f' <span class="bb-external__note bb-meta">{escape(note)}</span>')

    return _EXTERNAL.sub(mark, html)
