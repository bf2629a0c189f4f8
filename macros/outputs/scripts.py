"""The site's own scripts (docs/javascripts/), minified in the built site with esbuild.

The files in docs/ stay written to be read, with comments; a reader on prepaid data gets them without
comments, indentation and long local names (handbook.js: about 1.5 KB compressed instead of 2.4 KB).
esbuild is a well-kept, fast minifier; it leaves the syntax as it is (no transform for old browsers).
"""
from __future__ import annotations

from pathlib import Path

from .node_tools import run_node_tool

FOLDER = "javascripts"


def minify_scripts(site_dir: Path) -> None:
    """Minify every script of FOLDER in ``site_dir`` in place."""
    scripts = sorted(str(path) for path in (site_dir / FOLDER).glob("*.js"))
    if scripts:
        run_node_tool("esbuild", "--minify", "--log-level=warning", "--allow-overwrite",
                      f"--outdir={site_dir / FOLDER}", *scripts)
