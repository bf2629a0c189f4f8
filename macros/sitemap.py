"""A sitemap.xml for each language folder: Material asks for one beside every language's home page."""
from __future__ import annotations

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
