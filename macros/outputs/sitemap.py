"""Sitemaps: one for each language folder (static-i18n writes only the main one), and x-default links."""
from __future__ import annotations

import gzip
import re
from pathlib import Path
from xml.sax.saxutils import escape


def sitemap_xml(urls: list[str]) -> str:
    """A minimal sitemap listing ``urls`` (absolute addresses)."""
    entries = "".join(f"  <url><loc>{escape(url)}</loc></url>\n" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    )


def write_sitemap(site_dir: Path, urls: list[str]) -> None:
    """Write site_dir/sitemap.xml unless the build already wrote one."""
    target = site_dir / "sitemap.xml"
    if not target.exists():
        target.write_text(sitemap_xml(urls), encoding="utf-8")


def add_x_default(site_dir: Path, default_language: str) -> None:
    """Give every page in the site's main sitemap an x-default alternate: the page in the default language."""
    target = site_dir / "sitemap.xml"
    if not target.exists():
        return
    link = re.compile(rf'(\s*)<xhtml:link rel="alternate" hreflang="{default_language}" href="([^"]*)"/>')
    text = link.sub(lambda m: f'{m.group(0)}{m.group(1)}<xhtml:link rel="alternate" hreflang="x-default" href="{m.group(2)}"/>',
                    target.read_text(encoding="utf-8"))
    target.write_text(text, encoding="utf-8")
    with gzip.open(site_dir / "sitemap.xml.gz", "wt", encoding="utf-8") as packed:
        packed.write(text)
