"""The site's one stylesheet: the rules of Material and of the handbook that some page uses, in one file.

Material ships one stylesheet for every feature it has (about 23 KB compressed); the handbook uses a small
part. Once every language is built, the stylesheets that the pages link (Material's main and palette
stylesheets and docs/stylesheets/handbook.css) are joined, in their order, and purged with PurgeCSS, a
well-kept tool that reads which tags, classes, ids and attributes the pages use (``purgecss-from-html``).
It reads the HTML of every language, so right-to-left and Arabic-only rules stay, and the site's own
scripts and Pagefind's search interface (see purgecss.config.cjs), so that what a script adds at run time
stays too. Lightning CSS then minifies the result (handbook.css is written to be read, with comments).
One file instead of three saves a reader two requests on a first visit. Its name carries a hash of its
content (site.<hash>.min.css): the server caches hashed files for a year, so a changed stylesheet must
never keep a name.

PurgeCSS and Lightning CSS run on Node, from tests/node_modules (``make build``, ``make serve`` and
``make test`` install them).
"""
from __future__ import annotations

import hashlib
import os
import posixpath
import re
import subprocess
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent.parent
NODE_MODULES = PROJECT / "tests" / "node_modules"
PURGECSS = NODE_MODULES / ".bin" / "purgecss"
LIGHTNINGCSS = NODE_MODULES / ".bin" / "lightningcss"
CONFIG = Path(__file__).with_name("purgecss.config.cjs")
FOLDER = "assets/stylesheets"  # the server caches hashed files here for a year (deploy/nginx/handbook.conf)
CONTENT = ("**/*.html", "javascripts/**/*.js", "pagefind/pagefind-ui.js")
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
_URL = re.compile(r"""url\((["']?)(?![a-z]+:|/|#)([^"')]+)\1\)""")


def build_stylesheet(site_dir: Path) -> str:
    """Replace the stylesheets that the pages of ``site_dir`` link by one purged file; return its path below
    the site root."""
    if not (PURGECSS.exists() and LIGHTNINGCSS.exists()):
        raise RuntimeError("PurgeCSS or Lightning CSS is missing: run `make build` or `make serve` (they install "
                           "them), or `cd tests && npm ci`")
    linked = [posixpath.normpath(href) for href in _STYLESHEET.findall((site_dir / "index.html").read_text(encoding="utf-8"))]
    with tempfile.TemporaryDirectory() as tmp:
        joined = Path(tmp) / "site.css"
        joined.write_text("\n".join(_moved(site_dir, path) for path in linked), encoding="utf-8")
        _run([str(PURGECSS), "--config", str(CONFIG), "--css", str(joined), "--output", str(Path(tmp) / "out"),
              "--content", *(str(site_dir / pattern) for pattern in CONTENT)])
        _run([str(LIGHTNINGCSS), "--minify", str(Path(tmp) / "out" / "site.css"), "--output-file", str(joined)])
        purged = joined.read_bytes()
    target = f"{FOLDER}/site.{hashlib.sha256(purged).hexdigest()[:8]}.min.css"
    (site_dir / target).write_bytes(purged)
    for path in linked:
        (site_dir / path).unlink()
        (site_dir / f"{path}.map").unlink(missing_ok=True)
        if not any((site_dir / path).parent.iterdir()):
            (site_dir / path).parent.rmdir()
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        relinked = _relink(html, linked, target)
        if relinked != html:
            page.write_text(relinked, encoding="utf-8")
    return target


def _run(command: list[str]) -> None:
    result = subprocess.run(command, env=dict(os.environ, NODE_PATH=str(NODE_MODULES)), capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"{Path(command[0]).name} failed:\n{result.stdout}\n{result.stderr}")


def _moved(site_dir: Path, path: str) -> str:
    """A stylesheet's text with its relative url()s pointing to the same files from FOLDER."""
    folder = posixpath.dirname(path)
    return _URL.sub(lambda m: f"url({m[1]}{posixpath.relpath(posixpath.join(folder, m[2]), FOLDER)}{m[1]})",
                    (site_dir / path).read_text(encoding="utf-8"))


def _relink(html: str, linked: list[str], target: str) -> str:
    """The page with one link to ``target`` where it linked the first of the joined stylesheets, and none
    to the others. Links are relative to the page, or absolute from the site root (404 and offline pages)."""
    first = True

    def replace(match) -> str:
        nonlocal first
        href = match[1]
        path = next((path for path in linked if href == path or href.endswith("/" + path)), None)
        if path is None:
            return match[0]
        if not first:
            return ""
        first = False
        return f'<link rel="stylesheet" href="{href[:len(href) - len(path)]}{target}">'

    return _STYLESHEET.sub(replace, html)
