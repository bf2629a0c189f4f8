"""The site's one stylesheet: the rules of Material and of the handbook that some page uses, in one file.

Material ships one stylesheet for every feature it has (about 23 KB compressed); the handbook uses a small
part. Once every language is built, the stylesheets that the pages link (Material's main stylesheet and
docs/stylesheets/handbook.css) are joined, in their order, and purged with PurgeCSS, a
well-kept tool that reads which tags, classes, ids and attributes the pages use (``purgecss-from-html``).
It reads the HTML of every language, so right-to-left and Arabic-only rules stay, and the site's own
scripts and Pagefind's search interface (see purgecss.config.cjs), so that what a script adds at run time
stays too. Lightning CSS then minifies the result (handbook.css is written to be read, with comments).
One file instead of three saves a reader two requests on a first visit. Its name carries a hash of its
content (site.<hash>.min.css): the server caches hashed files for a year, so a changed stylesheet must
never keep a name.

A page's own stylesheets (``stylesheets/``: the diagrams', and the method finder's rules for no script)
are linked in that page's content, not in the head, so only the pages that need their rules load them;
they are minified with Lightning CSS. PurgeCSS and Lightning CSS run on Node (node_tools.py).
"""
from __future__ import annotations

import hashlib
import json
import posixpath
import re
import tempfile
from pathlib import Path

from .node_tools import run_node_tool

CONFIG = Path(__file__).with_name("purgecss.config.cjs")
FOLDER = "assets/stylesheets"  # the server caches hashed files here for a year (deploy/nginx/handbook.conf)
CONTENT = ("**/*.html", "javascripts/**/*.js", "pagefind/pagefind-ui.js")
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
PAGE_STYLESHEETS = "stylesheets"  # a page's own stylesheets, linked in its content
_VARIABLE = re.compile(r"var\((--[\w-]+)")
_URL = re.compile(r"""url\((["']?)(?![a-z]+:|/|#)([^"')]+)\1\)""")


def build_stylesheet(site_dir: Path) -> str:
    """Replace the stylesheets that the pages of ``site_dir`` link by one purged file; return its path below
    the site root."""
    head = (site_dir / "index.html").read_text(encoding="utf-8").split("</head>", 1)[0]
    linked = [posixpath.normpath(href) for href in _STYLESHEET.findall(head)]
    with tempfile.TemporaryDirectory() as tmp:
        joined = Path(tmp) / "site.css"
        joined.write_text("\n".join(_moved(site_dir, path) for path in linked), encoding="utf-8")
        config = Path(tmp) / "purgecss.config.cjs"
        config.write_text(_config_keeping(_page_stylesheet_variables(site_dir)), encoding="utf-8")
        run_node_tool("purgecss", "--config", str(config), "--css", str(joined), "--output", str(Path(tmp) / "out"),
                      "--content", *(str(site_dir / pattern) for pattern in CONTENT))
        run_node_tool("lightningcss", "--minify", str(Path(tmp) / "out" / "site.css"), "--output-file", str(joined))
        purged = joined.read_bytes()
    target = f"{FOLDER}/site.{hashlib.sha256(purged).hexdigest()[:8]}.min.css"
    (site_dir / target).write_bytes(purged)
    for path in linked:
        (site_dir / path).unlink()
        (site_dir / f"{path}.map").unlink(missing_ok=True)
        if not any((site_dir / path).parent.iterdir()):
            (site_dir / path).parent.rmdir()
    for path in (site_dir / FOLDER).iterdir():  # Material's other stylesheets (the palette): no page links them
        if path.name != Path(target).name:
            path.unlink()
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        relinked = _relink(html, linked, target)
        if relinked != html:
            page.write_text(relinked, encoding="utf-8")
    return target


def minify_page_stylesheets(site_dir: Path) -> None:
    """Minify each page's own stylesheet in ``site_dir``."""
    for path in sorted((site_dir / PAGE_STYLESHEETS).glob("*.css")):
        run_node_tool("lightningcss", "--minify", str(path), "--output-file", str(path))


def _page_stylesheet_variables(site_dir: Path) -> set[str]:
    """The custom properties that the pages' own stylesheets use: the one stylesheet defines them (the
    colours of the diagrams), so PurgeCSS must keep them although no rule of its own uses them."""
    return {name for path in (site_dir / PAGE_STYLESHEETS).glob("*.css")
            for name in _VARIABLE.findall(path.read_text(encoding="utf-8"))}


def _config_keeping(variables: set[str]) -> str:
    """purgecss.config.cjs, keeping ``variables`` as well."""
    return (f"const base = require({json.dumps(str(CONFIG))});\n"
            f"module.exports = {{ ...base, safelist: {{ ...base.safelist, variables: {json.dumps(sorted(variables))} }} }};\n")


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
