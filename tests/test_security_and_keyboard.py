"""In Chromium, behind the production server: the Content-Security-Policy is never violated, not even
when searching, switching language or printing; the keyboard reaches everything with a visible focus;
nothing scrolls sideways at 320 px or at 200% zoom."""
from __future__ import annotations

import pytest

from browsing import Visitor

pytestmark = pytest.mark.browser

LISTEN = """window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));"""
PAGE_TYPES = ["", "werkvormen/", "werkvormen/fotospel/", "checklists/doorvragen/", "checklists/",
              "sociaal-binden/aanbeveling-vertrouwd-netwerk/", "ar/", "ar/toolbox/focusgroep/", "woordenlijst/",
              "taalniveau/", "vertalingen/", "open-data/", "ar/open-data/", "bestaat-niet/", "en/bestaat-niet/",
              "werkvorm-kiezen/?group_size=klein&without_reading_writing=true", "ar/werkvorm-kiezen/?kind=method"]


@pytest.fixture()
def visitor(browser, production_site):
    visitor = Visitor(browser, production_site, 412)
    visitor.page.add_init_script(LISTEN)
    yield visitor
    visitor.context.close()


def violations(visitor) -> list[str]:
    return visitor.page.evaluate("window.cspViolations")


def test_no_page_type_violates_the_content_security_policy(visitor, production_site):
    found = {}
    for path in PAGE_TYPES:
        visitor.open(production_site + path)
        if violations(visitor):
            found[path] = violations(visitor)
    assert found == {}


def test_searching_switching_language_ticking_and_printing_keep_to_the_policy(visitor, production_site):
    page = visitor.page
    visitor.open(production_site + "zoeken/?q=focusgroep")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    assert violations(visitor) == []
    visitor.open(production_site + "checklists/doorvragen/")
    page.locator(".bb-checklist input").first.check()
    page.evaluate("window.print = () => {}")
    page.click("button[data-bb-print]")
    page.emulate_media(media="print")
    page.pdf(path="/dev/null")
    assert violations(visitor) == []
    page.emulate_media(media="screen")
    page.hover(".md-select")
    page.click("a.md-select__link[hreflang=ar]")
    page.wait_for_url("**/ar/checklists/doorvragen/")
    assert violations(visitor) == [] and visitor.problems == {}


def test_no_cookies_are_set(visitor, production_site):
    visitor.open(production_site + "checklists/doorvragen/")
    visitor.page.locator(".bb-checklist input").first.check()
    assert visitor.context.cookies() == []


def test_the_keyboard_reaches_skip_link_language_switcher_search_and_navigation(browser, production_site):
    visitor = Visitor(browser, production_site, 1280)
    page = visitor.page
    visitor.open(production_site + "werkvormen/fotospel/")
    reached, rings = [], []
    for _ in range(40):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
            return {cls: e.className || '', href: e.getAttribute('href') || '', text: (e.textContent || '').trim().slice(0, 40),
                    ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none',
                    body: e === document.body}; }""")
        if info["body"]:
            break  # past the last link: the menu holds only what this page shows
        reached.append(info)
        rings.append(info["ring"])
    visitor.context.close()
    classes = " ".join(r["cls"] for r in reached)
    assert "md-skip" in reached[0]["cls"]
    assert "md-select" in classes or "md-header__button" in classes  # the language switcher
    assert any("zoeken" in r["href"] for r in reached)  # search
    assert any("md-nav__link" in r["cls"] for r in reached)  # navigation
    assert all(rings), [r for r, ring in zip(reached, rings) if not ring][:3]


@pytest.mark.parametrize("width", [320, 640])  # 640 CSS px is a 1280 px screen at 200% zoom
def test_nothing_scrolls_sideways(browser, production_site, width):
    visitor = Visitor(browser, production_site, width)
    wide = {}
    for path in PAGE_TYPES + ["zoeken/", "en/checklists/van-tevoren-regelen/", "ar/checklists/"]:
        visitor.open(production_site + path)
        scroll = visitor.page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide[path] = scroll
    visitor.context.close()
    assert wide == {}
