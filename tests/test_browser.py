"""Every built page in headless Chromium, on a phone (412 px) and a laptop (1280 px): no axe violations
of WCAG 2.0/2.1/2.2 A and AA, no request to another host, no console error, no failed request."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
WIDTHS = {"phone": 412, "laptop": 1280}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


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


@pytest.mark.parametrize("device", WIDTHS)
def test_every_page_passes_axe_and_stays_on_this_site(browser, served_site, site, device):
    axe = Axe()
    visitor = Visitor(browser, served_site, WIDTHS[device])
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    failures = {}
    for path in built_pages(site):
        problems = visitor.open(served_site + path)
        results = axe.run(visitor.page, options=options)
        for v in results.response["violations"]:
            problems.setdefault("axe", []).append(f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})")
        if problems:
            failures[path] = dict(problems)
    visitor.context.close()
    assert not failures, "\n".join(f"{path}: {found}" for path, found in failures.items())
