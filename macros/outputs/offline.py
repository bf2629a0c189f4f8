"""Reading without a connection: what each language needs to be saved on the reader's device.

Once every language is built, this writes into each language's folder (data/languages.yml):

- ``manifest.json``: the web app manifest (name, language, direction, icons, start page, scope), so that
  the handbook can be added to a phone's home screen;
- ``offline.json``: the texts of the save box (the ``offline.*`` interface strings), with the download
  size in the save button; docs/javascripts/offline.js shows them;
- ``sw.js``: the language's service worker (offline_worker.js, with the files to save above it). Its scope
  is the language's folder; the worker at the site root leaves the folders of the other languages alone.

The files to save are every page of the language and its offline page (overrides/offline.html), the two
files above, the stylesheets, scripts and icons the pages load, and the language's search index
(Pagefind), each with a hash of its content. The build id is a hash of them all: a new build gives a new
worker, which the browser finds by itself, and a new cache, so that a saved copy never mixes two builds.
"""
from __future__ import annotations

import hashlib
import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import brotli

from ..content.models import Language
from ..render.numbers import format_megabytes
from .precompress import COMPRESSED_SUFFIXES

WORKER = Path(__file__).with_name("offline_worker.js")
SCRIPT = "javascripts/offline.js"  # loaded by docs/javascripts/handbook.js, not linked from the pages
THEME_COLOR = "#0e4f55"  # the deep teal of the header (--bb-primary in handbook.css) and of docs/icons/icon.svg
ICONS = {"icons/icon.svg": ("any", "image/svg+xml"), "icons/icon-192.png": ("192x192", "image/png"),
         "icons/icon-512.png": ("512x512", "image/png")}
HEADERS = 650  # bytes of response headers with every file (the security headers of deploy/nginx/ are most of it)
TEXTS = ("offline.title", "offline.intro", "offline.save", "offline.saving", "offline.saved", "offline.failed",
         "offline.remove", "offline.update")  # the interface strings of docs/javascripts/offline.js
SEARCH_FILES = ("pagefind-entry.json", "pagefind.js", "pagefind-ui.js", "pagefind-ui.css")  # docs/javascripts/handbook.js


def write_offline_files(site_dir: Path, book, site_name: str, site_url: str) -> dict[str, int]:
    """Write the manifest, the texts and the service worker of every built language; return the download
    size in bytes per language code."""
    base_path = urlsplit(site_url).path or "/"
    languages = list(book.languages.values())
    sizes = {}
    for language in languages:
        folder = site_dir / language.root
        if not (folder / "index.html").exists():
            continue  # not built (make serve-nl builds the source language only)
        others = [other.root for other in languages if other is not language and other.root.startswith(language.root)]
        write_manifest(folder / "manifest.json", language, site_name, site_dir)
        texts = {key.removeprefix("offline."): book.ui[language.code][key] for key in TEXTS}
        (folder / "offline.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        pages = language_pages(site_dir, language, others)
        icons = [path for path in ICONS if (site_dir / path).exists()]
        files = sorted({*pages, f"{language.root}manifest.json", f"{language.root}offline.json", SCRIPT, *icons,
                        *linked_files(site_dir, pages, base_path), *search_files(site_dir, language.code)})
        sizes[language.code] = sum(transfer_size(site_dir / path) for path in files)
        texts["save"] = texts["save"].replace("{size}", format_megabytes(sizes[language.code], language.code))
        (folder / "offline.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        revisions = {_address(path, language.root): _hash((site_dir / path).read_bytes()) for path in files}
        settings = {
            "build": _hash(json.dumps(revisions, sort_keys=True).encode()),
            "files": revisions,
            "offline": "offline.html",
            "others": [posixpath.relpath(root, language.root or ".") + "/" for root in others],
        }
        (folder / "sw.js").write_text(f"const OFFLINE = {json.dumps(settings, ensure_ascii=False)};\n\n"
                                      + WORKER.read_text(encoding="utf-8"), encoding="utf-8")
    return sizes


def write_manifest(target: Path, language: Language, site_name: str, site_dir: Path) -> None:
    """The web app manifest of one language; addresses are relative to the manifest, i.e. the language's folder."""
    manifest = {
        "name": site_name,
        "lang": language.code,
        "dir": language.direction,
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#f7f5f0",
        "theme_color": THEME_COLOR,
        "icons": [{"src": posixpath.relpath(path, language.root or "."), "sizes": sizes, "type": kind}
                  for path, (sizes, kind) in ICONS.items() if (site_dir / path).exists()],
    }
    target.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def language_pages(site_dir: Path, language: Language, others: list[str]) -> list[str]:
    """Every HTML file of the language (paths below site_dir), without the folders of other languages and
    without the 404 page (offline, the offline page stands in for it)."""
    pages = []
    for path in (site_dir / language.root).rglob("*.html"):
        relative = path.relative_to(site_dir).as_posix()
        if not relative.startswith(tuple(others)) and relative != f"{language.root}404.html":
            pages.append(relative)
    return sorted(pages)


def linked_files(site_dir: Path, pages: list[str], base_path: str) -> set[str]:
    """The files of this site that the pages load: stylesheets, scripts, icons, images (not other pages)."""
    found = set()
    for page in pages:
        collector = _Links()
        collector.feed((site_dir / page).read_text(encoding="utf-8"))
        for link in collector.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(base_path):
                    continue
                path = parts.path[len(base_path):]
            else:
                path = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
            if (site_dir / path).is_file():
                found.add(path)
    return found


def search_files(site_dir: Path, code: str) -> list[str]:
    """The language's Pagefind files: the search interface, the language's index, its fragments and its
    WebAssembly (Pagefind names them by the language of the pages)."""
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    index = entry["languages"].get(code)
    if index is None:
        return []
    chunks = [path.relative_to(site_dir).as_posix() for folder in ("index", "fragment")
              for path in (site_dir / "pagefind" / folder).glob(f"{code}_*")]
    return [*(f"pagefind/{name}" for name in SEARCH_FILES), f"pagefind/pagefind.{index['hash']}.pf_meta",
            f"pagefind/wasm.{index['wasm'] or 'unknown'}.pagefind", *chunks]


def transfer_size(path: Path) -> int:
    """Bytes on the wire for one file: its headers, and the file compressed as the server compresses on the
    fly (brotli quality 6, deploy/nginx/brotli.conf; the build's precompressed copies are a little smaller)."""
    data = path.read_bytes()
    return HEADERS + (len(brotli.compress(data, quality=6)) if path.suffix in COMPRESSED_SUFFIXES else len(data))


def _address(path: str, root: str) -> str:
    """The address of a saved file relative to the language's folder, as the worker and the pages ask it."""
    relative = posixpath.relpath(path, root or ".")
    return "./" if relative == "index.html" else relative.removesuffix("index.html")


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


class _Links(HTMLParser):
    """The addresses a page loads: <link href>, <script src>, <img src>."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        address = attributes.get("href") if tag == "link" else attributes.get("src") if tag in ("script", "img") else None
        if address:
            self.links.append(address)
