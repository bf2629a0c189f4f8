"""Text files compressed once, at build time, at the strongest settings: page.html.br and page.html.gz beside
page.html. nginx sends them as they are (brotli_static and gzip_static in deploy/nginx/), instead of
compressing every response again at the lighter level it can afford on the fly. Brotli at quality 10 makes
a page about a tenth smaller than level 6 (quality 11 takes twice as long for another 1%); a reader on
prepaid data pays for every byte, of every page and of a saved language. Brotli is Google's own library;
gzip is Python's.
"""
from __future__ import annotations

import gzip
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

# The types deploy/nginx/ compresses (gzip_types, brotli_types, and HTML always).
COMPRESSED_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".wasm"}
SKIPPED = ("assets/javascripts/",)  # Material's own scripts: the pages do not load them (overrides/main.html)


def precompress(site_dir: Path) -> int:
    """Write a .br and a .gz file beside every text file of ``site_dir``; return how many files."""
    files = [path for path in site_dir.rglob("*") if path.suffix in COMPRESSED_SUFFIXES and path.is_file()
             and not path.relative_to(site_dir).as_posix().startswith(SKIPPED)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(_compress, files))
    return len(files)


def _compress(path: Path) -> None:
    data = path.read_bytes()
    path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=10))
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
