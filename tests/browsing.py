"""Headless Chromium for the browser tests: Debian's chromium, driven by Playwright."""
from __future__ import annotations

from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
WIDTHS = {"phone": 412, "laptop": 1280}


def built_pages(site) -> list[str]:
    """Every HTML page of the site, as a path below the site root."""
    paths = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


class Visitor:
    """One browser tab that records what goes wrong while pages load."""

    def __init__(self, browser, base: str, width: int):
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.host = urlsplit(base).netloc
        self.problems: dict[str, list[str]] = {}
        self.page.on("request", lambda r: self._note("foreign request", r.url) if urlsplit(r.url).netloc not in (self.host, "") else None)
        self.page.on("console", lambda m: self._note("console error", m.text) if m.type == "error" else None)
        self.page.on("response", lambda r: self._note("failed response", f"{r.status} {r.url}") if r.status >= 400 else None)

    def _note(self, kind: str, text: str) -> None:
        self.problems.setdefault(kind, []).append(text)

    def open(self, url: str) -> dict[str, list[str]]:
        self.problems = {}
        self.page.goto(url, wait_until="load")
        return self.problems
