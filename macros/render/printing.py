"""What a printed page needs besides its text: a QR code back to the page, and the date of the text."""
from __future__ import annotations

import datetime
import subprocess
from functools import lru_cache
from pathlib import Path

import segno
from markupsafe import Markup


def qr_svg(address: str, label: str) -> Markup:
    """An inline SVG QR code for ``address``, made at build time (no outside service). ``label`` is its
    text alternative: an image with a name, which a tagged PDF keeps as the figure's alternative text."""
    svg = segno.make(address, error="m").svg_inline(scale=2, dark="#000", omitsize=False, title=label)
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))


@lru_cache(maxsize=None)
def last_changed(path: Path) -> datetime.date:
    """The date of the last commit that changed ``path``; today when git does not know the file."""
    result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent,
                            capture_output=True, text=True)
    text = result.stdout.strip()
    return datetime.date.fromisoformat(text) if result.returncode == 0 and text else datetime.date.today()
