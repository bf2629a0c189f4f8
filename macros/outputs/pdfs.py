"""Ready-made PDFs of the checklists, one per language, printed by headless Chromium from the built pages:
tagged, with bookmarks from the headings, and made accessible with pdf_accessibility."""
from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .pdf_accessibility import PrintedPage, make_accessible

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-pdf-header-footer", "--generate-pdf-document-outline"]


def print_to_pdf(page: Path, pdf: Path) -> Path:
    """Print a built page (its index.html) to ``pdf`` with the site's print stylesheet (A4), as an
    accessible PDF."""
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={pdf.parent / '.chromium'}", f"--print-to-pdf={pdf}",
                    page.as_uri()], check=True, capture_output=True, timeout=120)
    subprocess.run(["rm", "-rf", str(pdf.parent / ".chromium")], check=True)
    make_accessible(pdf, PrintedPage.read(page))
    return pdf


def pdf_name(item_id: str) -> str:
    return f"{item_id}.pdf"


def build_checklist_pdfs(site_dir: Path, pages: list[tuple[str, str]]) -> list[Path]:
    """Print every checklist page to a PDF beside it; ``pages`` are (page folder below site_dir, item id)."""
    jobs = [(site_dir / folder / "index.html", site_dir / folder / pdf_name(item_id)) for folder, item_id in pages]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda job: print_to_pdf(*job), jobs))
