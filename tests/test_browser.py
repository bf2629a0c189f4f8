"""Every built page in headless Chromium, on a phone (412 px) and a laptop (1280 px): no axe violations
of WCAG 2.0/2.1/2.2 A and AA, no request to another host, no console error, no failed request."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browsing import WIDTHS, Visitor, built_pages

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


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


SEARCHES = {"nl": "focusgroep", "fy": "fokusgroep", "en": "focus group", "ar": "مجموعة"}


@pytest.mark.parametrize("lang", SEARCHES)
def test_search_finds_pages_in_the_readers_language_only(browser, served_site, lang):
    root = "" if lang == "nl" else f"{lang}/"
    visitor = Visitor(browser, served_site, WIDTHS["phone"])
    problems = visitor.open(f"{served_site}{root}zoeken/?q={SEARCHES[lang]}")
    visitor.page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    links = visitor.page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => a.pathname)")
    visitor.context.close()
    assert links and problems == {}
    others = [f"/{other}/" for other in SEARCHES if other not in ("nl", lang)]
    assert all(link.startswith(f"/{root}") and not link.startswith(tuple(others)) for link in links), links


def test_the_search_index_is_not_fetched_before_searching(browser, served_site):
    visitor = Visitor(browser, served_site, WIDTHS["phone"])
    fetched = []
    visitor.page.on("request", lambda r: fetched.append(r.url))
    visitor.open(served_site + "werkvormen/fotospel/")
    visitor.context.close()
    assert not [url for url in fetched if "pagefind" in url]


def test_checklist_ticks_stay_on_the_device_clear_and_print(browser, served_site):
    visitor = Visitor(browser, served_site, WIDTHS["phone"])
    page = visitor.page
    visitor.open(served_site + "en/checklists/doorvragen/")
    boxes = page.locator(".bb-checklist input[type=checkbox]")
    boxes.nth(1).check()
    visitor.open(served_site + "en/checklists/doorvragen/")
    assert boxes.nth(1).is_checked() and not boxes.nth(0).is_checked()
    assert not page.evaluate("document.cookie")
    page.emulate_media(media="print")
    assert page.locator(".bb-checklist").is_visible() and boxes.nth(1).is_checked()
    assert page.locator(".md-header").is_hidden() and page.locator("button[data-bb-print]").is_hidden()
    page.emulate_media(media="screen")
    page.click("[data-bb-clear]")
    visitor.open(served_site + "en/checklists/doorvragen/")
    assert not boxes.nth(1).is_checked()
    visitor.context.close()


def test_a_booklet_prints_the_chosen_cards_each_on_a_new_page(browser, served_site):
    visitor = Visitor(browser, served_site, WIDTHS["laptop"])
    page = visitor.page
    problems = visitor.open(served_site + "checklists/")
    page.evaluate("window.print = () => { window.printed = document.querySelectorAll('.bb-booklet > .bb-card').length; }")
    page.click("details:has(#booklet-fotospel) summary")
    for card in ("doorvragen", "fotospel", "van-tevoren-regelen"):
        page.check(f"#booklet-{card}")
    page.click("form[data-bb-booklet] button[type=submit]")
    page.wait_for_function("window.printed !== undefined")
    assert page.evaluate("window.printed") == 3 and problems == {}
    visitor.context.close()


def test_without_javascript_pages_and_checklists_still_work(browser, served_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(served_site + "ar/checklists/doorvragen/")
    assert page.locator(".bb-checklist label").count() == 6
    assert page.locator("button[data-bb-print]").is_hidden()
    page.locator(".bb-checklist input").first.check()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.focus(".md-select button")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/ar/" not in url and url.endswith("/checklists/doorvragen/"))
    assert page.evaluate("document.documentElement.lang") == "nl"
    page.goto(served_site + "werkvormen/")
    page.locator(".md-header label[for=__drawer]").click()
    page.locator(".md-nav--primary a.md-nav__link[href$='photovoice/']").click()
    assert page.url.endswith("werkvormen/photovoice/")
    context.close()
