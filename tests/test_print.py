"""Printing: every checklist is a one-page A4 PDF in every language, with its items and a QR code back
to the same page, tagged for screen readers (language, title, bookmarks, link descriptions, the PDF/UA
identifier, embedded fonts, a text alternative for the QR code); every card and checklist has a print button."""
from __future__ import annotations

import os
import re
import subprocess
import unicodedata
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES
from handbooks import build_site

A4_POINTS = (595, 842)
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")  # mkdocs.yml: site_url


def checklist_pages(book) -> list[tuple[str, str, str]]:
    """(language, page folder, checklist id) for every checklist in every language."""
    return [(lang, book.languages[lang].root + f"{book.section_of(i.id).id}/{i.id}", i.id)
            for lang in LANGUAGES for i in book.items.values() if i.kind == "checklist"]


def normalized(text: str, lang: str = "nl") -> str:
    """Text as PDF extraction and HTML can both give it: no spaces or punctuation, and for Arabic none of
    the letters, marks and numbers whose order pdftotext gives differently from the page."""
    text = unicodedata.normalize("NFKC", text)
    if lang == "ar":
        text = re.sub(r"[\d–]", "", text)
    return re.sub(r"[\s\u200e\u200f\u202a-\u202e\u0627\u0623\u0625\u0622\u0644\u0621\u061f\u064b-\u065f\u0670\u0640?.,!:;()'’\"“”-]", "", text)


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


@pytest.fixture(scope="module")
def checklists(book):
    return checklist_pages(book)


def test_every_checklist_pdf_is_one_a4_page_with_every_item(site, book, checklists):
    problems = []
    for lang, folder, item_id in checklists:
        pdf = site / folder / f"{item_id}.pdf"
        info = pdf_info(pdf)
        width, height = (round(float(v)) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
        if info["Pages"].strip() != "1" or (width, height) != A4_POINTS:
            problems.append(f"{folder}: {info['Pages'].strip()} pages of {width}x{height}")
        text = normalized(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout, lang)
        page = BeautifulSoup((site / folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        for label in page.select(".bb-checklist label"):
            item_text = next(label.strings)
            if normalized(item_text, lang) not in text:
                problems.append(f"{folder}: item missing in the PDF: {item_text!r}")
        if lang == "ar" and not re.search(r"[\u0600-\u06FF\uFB50-\uFEFF]", text):
            problems.append(f"{folder}: no Arabic text in the PDF")
    assert problems == []


def structure(node) -> list[pikepdf.Dictionary]:
    """Every element of a PDF's structure tree below ``node``."""
    found, todo = [], [node]
    while todo:
        element = todo.pop()
        if isinstance(element, pikepdf.Dictionary):
            if "/S" in element:
                found.append(element)
            kids = element.get("/K")
            todo += list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    return found


def fonts(resources) -> list[pikepdf.Dictionary]:
    """The fonts of a page's resources, and of the forms drawn on it."""
    found = list(resources.get("/Font", {}).values())
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            found += fonts(xobject.Resources)
    return found


def is_embedded(font) -> bool:
    """A Type 3 font draws its glyphs in the PDF itself; any other font carries its font file."""
    if font.get("/Subtype") == "/Type3":
        return True
    descriptor = (font.DescendantFonts[0] if "/DescendantFonts" in font else font).get("/FontDescriptor", {})
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def accessibility_problems(pdf_file: Path, page: BeautifulSoup) -> list[str]:
    """What a screen reader would miss in a PDF printed from ``page``."""
    lang, title, heading = page.html["lang"], page.title.get_text(strip=True), " ".join(page.h1.get_text().split())
    problems = []
    with pikepdf.open(pdf_file) as pdf:
        root = pdf.Root
        if root.get("/MarkInfo", {}).get("/Marked") is not True or "/StructTreeRoot" not in root:
            problems.append("not tagged")
        if str(root.get("/Lang")) != lang:
            problems.append(f"language {root.get('/Lang')} instead of {lang}")
        if root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
            problems.append("the window shows the file name, not the title")
        meta = pdf.open_metadata()
        if meta.get("dc:title") != title or str(pdf.docinfo.get("/Title")) != title:
            problems.append(f"title {meta.get('dc:title')!r} instead of {title!r}")
        if meta.get("pdfuaid:part") != "1":
            problems.append("no PDF/UA identifier")
        bookmarks = [item.title for item in pdf.open_outline().root]
        if not bookmarks or bookmarks[0] != heading:
            problems.append(f"bookmarks {bookmarks} do not start with the heading {heading!r}")
        links = [a for p in pdf.pages for a in p.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        if not links:
            problems.append("no links")
        for link in links:
            uri = str(link.A.get("/URI", ""))
            if not str(link.get("/Contents", "")).strip() or not uri.startswith(("http://", "https://")):
                problems.append(f"link {uri!r} without description or leading off the web")
        problems += [f"font {font.get('/BaseFont')} not embedded" for p in pdf.pages for font in fonts(p.Resources)
                     if not is_embedded(font)]
        figures = [e for e in structure(root.StructTreeRoot) if e.S == "/Figure"]
        if not figures or not all(str(f.get("/Alt", "")).strip() for f in figures):
            problems.append(f"{len(figures)} figures, not all with alternative text")
    return problems


def test_every_pdf_is_tagged_in_its_language_with_title_bookmarks_and_described_links_and_figures(site, book, checklists):
    pdfs = sorted(site.rglob("*.pdf"))
    assert len(pdfs) >= len(checklists)
    problems = {}
    for pdf_file in pdfs:
        page = BeautifulSoup((pdf_file.parent / "index.html").read_text(encoding="utf-8"), "html.parser")
        if found := accessibility_problems(pdf_file, page):
            problems[str(pdf_file.relative_to(site))] = found
    assert problems == {}


def test_every_download_pdf_link_resolves(site, checklists):
    for _, folder, _ in checklists:
        page = BeautifulSoup((site / folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        link = page.select_one("a[download]")
        assert link and (site / folder / link["href"]).is_file(), folder


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_qr_code_leads_back_to_the_same_page_in_the_same_language(site, book, checklists, lang, tmp_path):
    for page_lang, folder, item_id in checklists:
        if page_lang != lang:
            continue
        image = tmp_path / item_id
        subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(site / folder / f"{item_id}.pdf"), str(image)], check=True)
        decoded = subprocess.run(["zbarimg", "--raw", "-q", f"{image}.png"], capture_output=True, text=True).stdout.strip()
        assert decoded == f"{SITE_URL.rstrip('/')}/{folder}/"


def test_every_card_and_checklist_has_a_print_button(site, book):
    for item in book.items.values():
        page = BeautifulSoup((site / book.section_of(item.id).id / item.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.select_one("button[data-bb-print]"), item.id


def test_a_checklist_reads_and_prints_without_javascript(site):
    page = BeautifulSoup((site / "checklists" / "doorvragen" / "index.html").read_text(encoding="utf-8"), "html.parser")
    boxes = page.select(".bb-checklist input[type=checkbox]")
    assert boxes and all(page.select_one(f"label[for='{box['id']}']") for box in boxes)


def test_a_printed_card_shows_the_date_of_the_last_change_of_its_data_file(small_data, tmp_path):
    """The date comes from git: the small handbook, committed on a known day, shows that day."""
    env = dict(os.environ, GIT_AUTHOR_DATE="2024-03-05T12:00:00", GIT_COMMITTER_DATE="2024-03-05T12:00:00",
               GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org", GIT_COMMITTER_NAME="Test",
               GIT_COMMITTER_EMAIL="test@example.org")
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "data"]):
        subprocess.run(["git", *command], cwd=small_data, env=env, check=True)
    result = build_site(tmp_path / "site", small_data)
    assert result.returncode == 0, result.stderr
    for root, shown in (("", "5 maart 2024"), ("en/", "March 5, 2024")):
        date = BeautifulSoup((tmp_path / "site" / root / "werkvormen/volledig/index.html").read_text(encoding="utf-8"),
                             "html.parser").select_one(".bb-print-footer time")
        assert date["datetime"] == "2024-03-05" and date.get_text() == shown


@pytest.mark.browser
def test_a_card_loads_its_qr_code_only_to_print_it(browser, served_site):
    """The QR code is a file beside the page: a reader on a phone does not download it, a printout has it."""
    context = browser.new_context(viewport={"width": 412, "height": 900})
    tab = context.new_page()
    asked = []
    tab.on("request", lambda request: asked.append(request.url.removeprefix(served_site)))
    tab.goto(served_site + "ar/werkvormen/fotospel/", wait_until="networkidle")
    assert "ar/werkvormen/fotospel/qr.svg" not in asked
    tab.emulate_media(media="print")
    qr = tab.locator(".bb-print-footer img")
    qr.scroll_into_view_if_needed()
    tab.wait_for_function("document.querySelector('.bb-print-footer img').complete")
    assert "ar/werkvormen/fotospel/qr.svg" in asked
    assert qr.evaluate("image => image.naturalWidth") > 0 and qr.get_attribute("alt")
    context.close()
