"""Reading without a connection, in Chromium behind the production server (nginx with its headers): a
reader on a phone saves a language with one button and then reads and searches it with the network gone
(the browser offline and the server stopped); nothing is saved before the reader asks; another language
stays unsaved; a new build waits until the reader agrees, and then its pages and its search index come
together. The Content-Security-Policy is never violated."""
from __future__ import annotations

import contextlib
import html
import re
import shutil
import sys
from dataclasses import dataclass, field

import polib
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

from browsing import built_pages
from conftest import PROJECT_DIR
from handbooks import build_site, copy_small_handbook, page

sys.path.insert(0, str(PROJECT_DIR / "deploy"))
import local_nginx  # noqa: E402  (deploy/ is not a package)

pytestmark = pytest.mark.browser

LISTEN = """window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));"""
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
CHECKLIST = "en/checklists/doorvragen/"  # opened after saving, with its PDF
SAVED_PDFS = """caches.keys().then(async (names) => (await Promise.all(names.map(async (name) =>
    (await (await caches.open(name)).keys()).map((request) => request.url)))).flat().filter((url) => url.endsWith('.pdf')))"""


@dataclass
class Reader:
    """One phone (412 px) with service workers, noting every request and every CSP violation."""

    context: object
    base: str
    requests: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.context.add_init_script(LISTEN)
        self.context.on("request", lambda request: self.requests.append(request.url.removeprefix(self.base)))
        self.page = self.context.new_page()

    def open(self, path: str) -> None:
        self.page.goto(self.base + path, wait_until="load")
        self.note_violations()

    def note_violations(self) -> None:
        self.violations += self.page.evaluate("window.cspViolations || []")

    def save(self, button: str, saved: str) -> None:
        """Scroll to the save box at the end of the page, press the button and wait until it is saved."""
        self.page.locator(".md-footer").scroll_into_view_if_needed()
        self.page.get_by_role("button", name=button).click()
        self.page.get_by_text(saved).wait_for(timeout=90_000)
        self.note_violations()

    def axe(self) -> list[str]:
        """axe's WCAG violations in the page at rest (the pointer away from the buttons it pressed)."""
        self.page.mouse.move(0, 0)
        self.page.wait_for_timeout(400)  # the theme's buttons fade back from their hover colours
        results = Axe().run(self.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
        return [f"{v['id']}: {v['nodes'][0]['target']}" for v in results.response["violations"]]

    def styled(self) -> bool:
        """The page has its stylesheet: some rules, and a header laid out by them."""
        return self.page.evaluate("""[...document.styleSheets].some((sheet) => sheet.cssRules.length > 100)
            && getComputedStyle(document.querySelector('.md-header')).position !== 'static'""")


def phone(browser, base: str) -> Reader:
    return Reader(browser.new_context(viewport={"width": 412, "height": 900}, service_workers="allow"), base)


@pytest.fixture(scope="module")
def english_saved(browser, site):
    """A reader opens the English home page, saves English, and then loses the network: the browser goes
    offline and the server stops. Yields the reader and what was true just before the button was pressed."""
    with local_nginx.serve(site) as base:
        reader = phone(browser, base)
        reader.open("en/")
        reader.page.locator(".md-footer").scroll_into_view_if_needed()
        reader.page.get_by_role("button", name=re.compile("Save for offline reading")).wait_for()
        before = {"requests": list(reader.requests), "axe": reader.axe(),
                  "workers": reader.page.evaluate("navigator.serviceWorker.getRegistrations().then((found) => found.length)"),
                  "caches": reader.page.evaluate("caches.keys()")}
        reader.save(re.compile("Save for offline reading"), "is saved on this device")
        after_saving = reader.axe()
        reader.open(CHECKLIST)
        before["pdfs"] = reader.page.evaluate(SAVED_PDFS)
        reader.page.evaluate("fetch('doorvragen.pdf').then((response) => response.blob())")  # the reader opens the PDF
    reader.context.set_offline(True)
    yield reader, before, after_saving
    reader.context.close()


def test_nothing_is_saved_or_registered_before_the_reader_presses_the_button(english_saved, site):
    reader, before, _ = english_saved
    assert before["workers"] == 0 and before["caches"] == []
    page_files = {"en/", "javascripts/handbook.js", "icons/icon.svg", "javascripts/offline.js", "en/offline.json"}
    stylesheet = {f"assets/stylesheets/{path.name}" for path in (site / "assets" / "stylesheets").glob("site.*.min.css")}
    assert set(before["requests"]) <= page_files | stylesheet, before["requests"]


def test_ten_english_pages_never_opened_read_with_their_stylesheet_offline(english_saved, site):
    reader, _, _ = english_saved
    unopened = [path for path in built_pages(site) if path.startswith("en/") and path.endswith("/") and path not in ("en/", CHECKLIST)]
    failures = {}
    for path in unopened[::len(unopened) // 10][:10]:
        reader.open(path)
        title = html.unescape(re.search(r"<title>(.*?)</title>", page(site, "", path))[1])
        if not (reader.page.title() == title and reader.styled()):
            failures[path] = reader.page.title()
    assert failures == {} and reader.violations == []


def test_search_finds_a_word_offline(english_saved):
    reader, _, _ = english_saved
    reader.open("en/zoeken/?q=focus%20group")
    reader.page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    links = reader.page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => a.pathname)")
    reader.note_violations()
    assert links and all(link.startswith("/en/") for link in links) and reader.violations == []


def test_an_address_that_does_not_exist_shows_the_offline_page_in_english(english_saved):
    reader, _, _ = english_saved
    reader.open("en/bestaat-niet/")
    assert reader.page.locator("h1").inner_text() == "No internet" and reader.styled()
    assert reader.axe() == [] and reader.violations == []


def test_the_save_control_passes_axe_before_and_after_saving(english_saved):
    _, before, after_saving = english_saved
    assert before["axe"] == [] and after_saving == []


def test_a_pdf_is_saved_only_once_the_reader_opens_it(english_saved):
    reader, before, _ = english_saved
    reader.open(CHECKLIST)
    kind = reader.page.evaluate("fetch('doorvragen.pdf').then((response) => response.headers.get('Content-Type'))")
    assert before["pdfs"] == [] and kind == "application/pdf"


def test_arabic_is_not_available_offline_when_only_english_was_saved(english_saved):
    reader, _, _ = english_saved
    for path in ("ar/", "ar/werkvormen/fotospel/"):
        with pytest.raises(PlaywrightError, match="ERR_INTERNET_DISCONNECTED"):
            reader.page.goto(reader.base + path)


def test_the_dutch_copy_at_the_site_root_leaves_the_other_languages_alone(browser, small_site):
    """The Dutch worker's scope (/) holds the other languages' folders: it must not answer for them, not
    even with its offline page, and each language saves on its own."""
    with local_nginx.serve(small_site) as base:
        reader = phone(browser, base)
        reader.open("")
        reader.save(re.compile("Bewaar voor offline lezen"), "is bewaard op dit apparaat")
        reader.open("en/werkvormen/volledig/")
        reader.page.locator(".md-footer").scroll_into_view_if_needed()
        english_offers_to_save = reader.page.get_by_role("button", name=re.compile("Save for offline reading"))
        english_offers_to_save.wait_for()
    reader.context.set_offline(True)
    reader.open("werkvormen/volledig/")
    assert reader.styled()
    for path in ("en/", "en/werkvormen/", "fy/werkvormen/volledig/"):  # pages not opened before (no HTTP cache)
        with contextlib.suppress(PlaywrightError):  # the browser's own "no internet" page
            reader.page.goto(reader.base + path)
        reader.page.wait_for_load_state()
        assert reader.page.locator(".md-header").count() == 0, f"{path} came from the Dutch copy"
    assert reader.violations == []
    reader.context.close()


def test_without_javascript_there_is_no_save_button_and_the_page_reads(browser, served_site):
    context = browser.new_context(viewport={"width": 412, "height": 900}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served_site + "en/werkvormen/fotospel/")
    shown = tab.get_by_role("button", name=re.compile("Save for offline reading")).count()
    footer = tab.locator(".md-footer").is_visible()
    context.close()
    assert shown == 0 and footer


def new_build(tmp_path, word: str):
    """The small handbook built again with one English text changed: ``word`` added to a card."""
    data = copy_small_handbook(tmp_path / "data")
    catalog = polib.pofile(str(data / "translations" / "en.po"), wrapwidth=0)
    entry = catalog.find("item.volledig.sections.0.body", by="msgctxt")
    entry.msgstr += f" {word}."
    catalog.save()
    result = build_site(tmp_path / "new-site", data)
    assert result.returncode == 0, result.stderr
    return tmp_path / "new-site"


def test_a_new_build_waits_for_the_reader_and_then_brings_its_pages_and_search_index(browser, small_site, tmp_path):
    served = tmp_path / "served"
    shutil.copytree(small_site, served)
    built = new_build(tmp_path, "Kingfisher")
    port = local_nginx.free_port()
    with local_nginx.serve(served, port) as base:
        reader = phone(browser, base)
        reader.open("en/werkvormen/volledig/")
        reader.save(re.compile("Save for offline reading"), "is saved on this device")
        served.rename(tmp_path / "old-site")
        built.rename(served)  # the new build goes online
        reader.open("en/werkvormen/volledig/")
        refresh = reader.page.get_by_role("button", name="New version: refresh")
        refresh.wait_for(timeout=30_000)
        assert "Kingfisher" not in reader.page.inner_text("article"), "the new build came before the reader agreed"
        assert reader.axe() == []
        refresh.click()
        reader.page.get_by_text("Kingfisher").first.wait_for(timeout=90_000)
        reader.note_violations()
    reader.context.set_offline(True)
    reader.open("en/zoeken/?q=kingfisher")
    reader.page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    found = reader.page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => a.pathname)")
    reader.open("en/werkvormen/volledig/")
    page_text = reader.page.inner_text("article")
    caches = reader.page.evaluate("caches.keys()")
    reader.context.close()
    assert found == ["/en/werkvormen/volledig/"] and "Kingfisher" in page_text
    assert len([name for name in caches if f"{base}en/" in name]) == 1, caches  # the old build's copy is gone
    assert reader.violations == []
