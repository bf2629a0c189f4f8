"""The QR code of every card in every built language, beside its page (macros/render/printing.py): on
paper, it leads back to the page in the same language."""
from __future__ import annotations

from pathlib import Path

from ..render.printing import QR_CODE_FILE, qr_svg
from ..render.urls import address


def write_qr_codes(site_dir: Path, book, site_url: str) -> None:
    """Write QR_CODE_FILE beside the page of every item, in every language that was built."""
    for language in book.languages.values():
        if not (site_dir / language.root / "index.html").exists():
            continue  # not built (make serve-nl builds the source language only)
        for item_id in book.items:
            folder = language.root + address(book, item_id)
            (site_dir / folder / QR_CODE_FILE).write_bytes(qr_svg(site_url.rstrip("/") + "/" + folder))
