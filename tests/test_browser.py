"""Every built page in headless Chromium, on a phone (412 px) and a laptop (1280 px): no axe violations
of WCAG 2.0/2.1/2.2 A and AA, no request to another host, no console error."""
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
    return sorted(str(p.relative_to(site).parent.as_posix()) + "/" if p.name == "index.html" else p.relative_to(site).as_posix()
                  for p in site.rglob("*.html"))


def visit(browser, url: str, width: int):
    """Open ``url``; return the page and what went wrong while loading it."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = {"foreign requests": [], "console errors": [], "failed responses": []}
    host = urlsplit(url).netloc
    page.on("request", lambda r: urlsplit(r.url).netloc not in (host, "") and problems["foreign requests"].append(r.url))
    page.on("console", lambda m: m.type == "error" and problems["console errors"].append(m.text))
    page.on("response", lambda r: r.status >= 400 and problems["failed responses"].append(f"{r.status} {r.url}"))
    page.goto(url, wait_until="networkidle")
    return context, page, problems


@pytest.mark.parametrize("device", WIDTHS)
def test_every_page_passes_axe_and_stays_on_this_site(browser, served_site, site, device):
    axe = Axe()
    failures = {}
    for path in built_pages(site):
        url = served_site + ("" if path == "./" else path)
        context, page, problems = visit(browser, url, WIDTHS[device])
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
        violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})" for v in results.response["violations"]]
        found = {k: v for k, v in problems.items() if v}
        if violations:
            found["axe"] = violations
        if found:
            failures[path] = found
        context.close()
    assert not failures, "\n".join(f"{path}: {found}" for path, found in failures.items())
