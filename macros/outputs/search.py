"""The search index: Pagefind indexes the built site, one index per language, fetched only when searching."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def build_search_index(site_dir: Path) -> None:
    """Run Pagefind over the built site; it writes site_dir/pagefind/ with an index per page language."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed:\n{result.stdout}\n{result.stderr}")
