"""Handbooks to test: the real one in data/, and a small fixture handbook with incomplete translations."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib

PROJECT_DIR = Path(__file__).resolve().parent.parent
SMALL_HANDBOOK = PROJECT_DIR / "tests" / "fixtures" / "small-handbook"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build_site(site_dir: Path, data_dir: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of all languages into ``site_dir``; from another data folder, without PDFs.
    Without the compressed copies of the text files, which take long (test_server.py tests them)."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_PRECOMPRESS="0", **env)
    if data_dir is not None:
        environment.update(HANDBOOK_DATA_DIR=str(data_dir), HANDBOOK_PDFS="0")
    return subprocess.run([*MKDOCS, "build", "--strict", "--clean", "--site-dir", str(site_dir)],
                          cwd=PROJECT_DIR, env=environment, capture_output=True, text=True)


def copy_small_handbook(target: Path) -> Path:
    """The small handbook in ``target``, with the real interface strings and their translations."""
    shutil.copytree(SMALL_HANDBOOK, target)
    shutil.copy(PROJECT_DIR / "data" / "ui.yml", target)
    for path in (target / "translations").glob("*.po"):
        po = polib.pofile(str(path), wrapwidth=0)
        real = polib.pofile(str(PROJECT_DIR / "data" / "translations" / path.name))
        for entry in real:
            if entry.occurrences and entry.occurrences[0][0] == "data/ui.yml":
                po.append(entry)
        po.save(str(path))
    return target


def page(site: Path, root: str, url: str) -> str:
    return (site / root / url / "index.html").read_text(encoding="utf-8")
