"""What a printed page needs besides its text: a QR code back to the page, and the date of the text.

The QR code is a file beside the page (QR_CODE_FILE, written by macros/outputs/qr_codes.py), shown only
on paper: the page loads it lazily and hides it on screen, so a reader on a phone does not download it,
while a browser loads it when printing. Inline in every page it cost about 0.45 KB of each visit."""
from __future__ import annotations

import datetime
import io
import subprocess
from functools import lru_cache
from pathlib import Path

import segno

QR_CODE_FILE = "qr.svg"
QR_SCALE = 2  # pixels per module: 74 to 90 px wide, about 2 cm on paper


def qr_svg(address: str) -> bytes:
    """The QR code for ``address`` as an SVG file, made at build time (no outside service)."""
    svg = io.BytesIO()
    _qr_code(address).save(svg, kind="svg", scale=QR_SCALE, dark="#000", xmldecl=False, svgclass=None, lineclass=None)
    return svg.getvalue()


def qr_size(address: str) -> int:
    """The width (and height) of the QR code for ``address``, in CSS pixels."""
    return _qr_code(address).symbol_size(scale=QR_SCALE)[0]


def _qr_code(address: str) -> segno.QRCode:
    return segno.make(address, error="m")


@lru_cache(maxsize=None)
def last_changed(path: Path) -> datetime.date:
    """The date of the last commit that changed ``path``; today when git does not know the file."""
    result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent,
                            capture_output=True, text=True)
    text = result.stdout.strip()
    return datetime.date.fromisoformat(text) if result.returncode == 0 and text else datetime.date.today()
