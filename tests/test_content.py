"""The content is complete, faithful to the sources and written at B1 level."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_DIR
from macros.readability import MAX_WORDS_PER_SENTENCE, MIN_FLESCH_DOUMA, measure

SHARED = PROJECT_DIR.parent / "shared"

# Key figures and names of ../shared/content-inventory.md, each on the Dutch page that must show it.
KEY_FACTS = {
    "werkvormen/focusgroep-organiseren/": ["6 tot 10", "1,5 tot 2 uur", "10.00", "11.30", "5 tot 10", "2 tot 5", "WhatsApp"],
    "werkvormen/focusgroep-begeleiden/": ["10 tot 15 euro", "1,5 uur"],
    "werkvormen/photovoice/": ["Vaals", "Goes", "startfoto"],
    "checklists/van-tevoren-regelen/": ["10–12", "VVV"],
    "bouwstenen/verkennen/": ["waarstaatjegemeente.nl", "GGD", "Regionale Ondersteuningsstructuren"],
    "bouwstenen/contact-leggen/": ["Sleutelpersonen Gezondheid Statushouders"],
    "pu-werkwijzen/pu-doelgroep-leren-kennen/": ["Bullshit Free Generation", "105"],
    "pu-werkwijzen/pu-alle-subgroepen/": ["Goed-Gevoel-Stoel"],
    "pu-werkwijzen/pu-settings-en-kanalen/": ["Gezond op de werkvloer"],
    "pu-werkwijzen/pu-persoonlijke-aanpak/": ["Kleurrijk Gezond"],
    "pu-werkwijzen/pu-gezondheidsvaardigheden/": ["40%", "teach-back", "A2"],
    "pu-werkwijzen/pu-outreachend-werken/": ["Elk Gezin Gezond", "Huizen van het Kind"],
    "pu-werkwijzen/pu-participatief-werken/": ["geluksdriehoek", "70"],
    "pu-werkwijzen/pu-netwerk-intermediairen/": ["Rookvrije Start"],
    "pu-werkwijzen/pu-empowerende-basishouding/": ["Bewegen Op Verwijzing"],
    "pu-werkwijzen/pu-politiserend-werken/": ["Gezonde Publieke Ruimte"],
    "sociaal-binden/sociaal-binden-aanpak/": ["dertig gemeenten", "2021", "IZA", "GALA"],
    "sociaal-binden/aanbeveling-beeldtaal-moedertaal/": ["Fries"],
    "sociaal-binden/pilot-alblasserdam/": ["Vitaliteitscentrum", "Brughuis", "22", "350", "20"],
    "sociaal-binden/pilot-barneveld/": ["Praatlokaal", "Bronveld", "De Winkel", "WhatsApp"],
    "sociaal-binden/pilot-dantumadiel/": ["Sport Fryslân", "1 fte"],
    "sociaal-binden/pilot-rotterdam-tarwewijk/": ["MOE-landers", "37%", "Charlois", "minister-president"],
    "sociaal-binden/pilot-schiedam-nieuwland/": ["Maakplaats", "Kansenfabriek", "17", "50"],
    "sociaal-binden/veldonderzoek/": ["1.559", "11 focusgroepen", "1.642", "83", "Weert", "62%", "84,7%", "68%", "16%"],
    "sociaal-binden/sociale-basis/": ["1 miljoen", "2024", "2,5 miljoen", "1,1 miljoen", "9%", "6 jaar", "15 jaar", "1 op de 4"],
    "toolbox/ervaringskennis-in-beleid/": ["2021", "toegangsscan", "Wmo"],
}


def page_text(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return " ".join(BeautifulSoup(html, "html.parser").select_one("article.md-content__inner").get_text(" ").split())


@pytest.mark.parametrize("url", KEY_FACTS)
def test_key_facts_of_the_inventory_are_on_their_page(site, url):
    text = page_text(site, url)
    assert [fact for fact in KEY_FACTS[url] if fact not in text] == []


def test_every_inventory_section_is_on_the_site(book):
    kinds = {item.kind for item in book.items.values()}
    assert kinds == {"method", "checklist", "building-block", "pu-method", "recommendation", "pilot", "toolbox-tool", "page"}
    count = lambda kind: sum(item.kind == kind for item in book.items.values())  # noqa: E731
    assert (count("building-block"), count("pu-method"), count("recommendation"), count("pilot"), count("toolbox-tool")) == (4, 10, 7, 5, 27)


def test_pu_methods_keep_the_source_grouping_labels(book):
    groups = {str(item.group) for item in book.items.values() if item.kind == "pu-method"}
    assert groups == {"bereiken", "uitreiken en samenwerken", "versterken en bepleiten"}


def dutch_pages(site: Path) -> list[str]:
    others = ("fy/", "en/", "ar/", "assets/", "search/")
    return sorted(p.relative_to(site).parent.as_posix() + "/" for p in site.rglob("index.html")
                  if not p.relative_to(site).as_posix().startswith(others))


def test_every_dutch_page_is_at_b1_level(site, book):
    too_hard = {}
    for url in dutch_pages(site):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        content = str(BeautifulSoup(html, "html.parser").select_one("article.md-content__inner"))
        figures = measure(content, book.source)
        if url != "taalniveau/" and not figures.within_limits:
            too_hard[url] = figures
    assert too_hard == {}, f"limits: Flesch-Douma >= {MIN_FLESCH_DOUMA}, words per sentence <= {MAX_WORDS_PER_SENTENCE}"


def test_the_reading_level_page_shows_every_dutch_page(site):
    page = BeautifulSoup((site / "taalniveau" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(page.select("tbody tr")) == len(dutch_pages(site)) - 1


@pytest.mark.skipif(not (SHARED / "tools" / "copycheck.py").exists() and not os.environ.get("CI"),
                    reason="../shared is not beside this checkout (in CI it always is: there the test runs)")
def test_no_sentence_is_copied_from_the_sources():
    result = subprocess.run([sys.executable, str(SHARED / "tools" / "copycheck.py"), "data", "docs"],
                            cwd=PROJECT_DIR, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_glossary_terms_are_explained_where_they_are_used(site, book):
    for url in ["sociaal-binden/pilot-rotterdam-tarwewijk/", "werkvormen/focusgroep-organiseren/"]:
        page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        marked = {abbr.get_text() for abbr in page.select("article abbr[title]")}
        assert marked, url
    rotterdam = BeautifulSoup((site / "sociaal-binden/pilot-rotterdam-tarwewijk/index.html").read_text(encoding="utf-8"), "html.parser")
    assert {"MOE-landers", "LVB"} <= {a.get_text() for a in rotterdam.select("article abbr[title]")}


def test_links_to_other_sites_are_marked(site):
    html = (site / "bouwstenen" / "verkennen" / "index.html").read_text(encoding="utf-8")
    link = BeautifulSoup(html, "html.parser").select_one('article a[href^="https://www.waarstaatjegemeente.nl"]')
    assert link["rel"] == ["noopener", "noreferrer"]
    assert "andere website" in link.find_next_sibling("span").get_text()
