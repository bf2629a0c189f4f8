"""The content is complete, faithful to the sources and written at B1 level."""
from __future__ import annotations

import os
import re
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
    # issue 11: the desk research of Sociaal binden, and the resources of the 4 bouwstenen infosheet
    "sociaal-binden/deskresearch/": ["Studio Corona", "jongeren", "bijwerkingen", "Wantrouwen", "eigen lichaam",
                                     "Veerkracht", "Kansengelijkheid", "Eigenaarschap", "Sociale samenhang",
                                     "Signaleren", "Volgen", "Organiseren", "WRR", "KNAW", "september 2021",
                                     "herstelopgave 1", "herstelopgave 2", "zes principes", "80 dialogen", "TNO"],
    "bouwstenen/": ["Inclusief onderzoek", "Inwoners in de hoofdrol", "16 handvatten", "Gezonde Toekomst Dichtbij"],
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


# --- Issue 11: one meaning per term, the desk research and videos, honest facets, the self-scan ---

ARTICLE = r"(?:[Ee]en|[Dd]e|[Hh]et|1|[ÉéEe]én)"
DEFINING_VERB = r"(?:staat voor|betekent|is een|is de|is het|is iemand|zijn (?:ook|mensen|inwoners|iemand))\b"


def glossary_sentences(entry) -> set[str]:
    return {s.strip() for s in re.split(r"(?<=[.!?])\s+", str(entry.explanation)) if s.strip()}


def text_sentences(text: str):
    """The sentences of a Dutch text from the data: Markdown links and emphasis removed, list items apart."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("**", "").replace("*", "")
    for paragraph in re.split(r"\n\s*\n", text):
        items, current = [], []
        for line in paragraph.splitlines():
            if re.match(r"^\s*(?:-|\d+\.)\s+", line) and current:
                items.append(" ".join(current))
                current = []
            current.append(re.sub(r"^\s*(?:-|\d+\.)\s+", "", line).strip())
        items.append(" ".join(current))
        for item in items:
            yield from (s.strip() for s in re.split(r"(?<=[.!?;])\s+", item) if s.strip())


def inline_definitions(book):
    """(glossary id, page key, sentence) for every sentence in the Dutch data that defines a glossary term."""
    patterns = []
    for entry in book.glossary.values():
        for form in (str(entry.term), *map(str, entry.forms)):
            flags = re.IGNORECASE if form[0].islower() else 0
            patterns.append((entry, re.compile(rf"^(?:{ARTICLE}\s+)?{re.escape(form)}(?:\s+werken)?\s+{DEFINING_VERB}", flags)))
    for file, texts in book.source_texts().items():
        if file == "glossary":
            continue
        for key, text in texts.items():
            page = ".".join(key.split(".")[:2])
            for sentence in text_sentences(text):
                for entry, pattern in patterns:
                    if pattern.match(sentence):
                        yield entry, page, sentence
                        break


def test_no_term_or_form_is_defined_by_two_glossary_entries(book):
    owner, clashes = {}, []
    for entry in book.glossary.values():
        for form in {str(f).casefold() for f in (entry.term, *entry.forms)}:
            if form in owner:
                clashes.append((form, owner[form], entry.id))
            owner[form] = entry.id
    assert clashes == []


def test_no_two_glossary_entries_give_the_same_explanation(book):
    explanations = [str(e.explanation).casefold() for e in book.glossary.values()]
    assert len(explanations) == len(set(explanations))


def test_inline_definitions_say_what_the_glossary_says(book):
    differ = [(entry.id, page, sentence) for entry, page, sentence in inline_definitions(book)
              if sentence not in glossary_sentences(entry)]
    assert differ == [], "write the glossary's own sentence, or leave the definition out (the site shows it)"


def test_a_term_is_defined_inline_on_one_page_at_most(book):
    pages: dict[str, set[str]] = {}
    for entry, page, _ in inline_definitions(book):
        pages.setdefault(entry.id, set()).add(page)
    assert {term: sorted(where) for term, where in pages.items() if len(where) > 1} == {}


def test_spelled_out_abbreviations_match_the_glossary(book):
    """Where a card writes 'words (ABBR)', the words are the glossary's 'ABBR staat voor words'."""
    wrong = []
    for entry in book.glossary.values():
        spelled = re.match(rf"{re.escape(str(entry.term))} staat voor (?:het ministerie van )?([^.]+)\.", str(entry.explanation))
        if not spelled:
            continue
        words = spelled.group(1).casefold()
        for texts in book.source_texts().values():
            for text in texts.values():
                for before in re.findall(rf"((?:[^\s\"'():]+ ){{2,6}})\({re.escape(str(entry.term))}\)", text):
                    if not before.strip().casefold().endswith(words):
                        wrong.append((entry.id, before.strip()))
    assert wrong == []


PILOTS = ["pilot-alblasserdam", "pilot-barneveld", "pilot-dantumadiel", "pilot-rotterdam-tarwewijk", "pilot-schiedam-nieuwland"]


@pytest.mark.parametrize("url", [f"sociaal-binden/{p}/" for p in PILOTS] + ["sociaal-binden/veldonderzoek/"])
def test_pilots_and_the_field_research_link_to_their_video(site, url):
    page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select('article a[href^="https://vimeo.com/"]'), url


@pytest.mark.parametrize("url", ["sociaal-binden/deskresearch/", "bouwstenen/", "sociaal-binden/veldonderzoek/",
                                 *(f"sociaal-binden/{p}/" for p in PILOTS)])
def test_the_new_links_are_https(site, url):
    page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in page.select("article a[href]") if a["href"].startswith("http")]
    assert [link for link in links if not link.startswith("https://") and "127.0.0.1" not in link] == []


def test_the_desk_research_is_linked_from_the_recommendations_it_supports(book):
    supported = ["aanbeveling-leefwereld", "aanbeveling-vertrouwd-netwerk", "aanbeveling-heldere-informatie",
                 "aanbeveling-gemeenschapsontwikkeling", "aanbeveling-sociale-infrastructuur"]
    assert [r for r in supported if "deskresearch" not in book.items[r].related] == []
    assert "deskresearch" in book.sections["sociaal-binden"].items


def test_facets_the_source_does_not_give_are_left_out(book):
    photovoice = book.items["photovoice"].facets
    assert photovoice.time_needed is None and photovoice.online_possible is None
    assert book.items["fotospel"].facets.time_needed is None
    assert [p for p in PILOTS if book.items[p].facets.group_size] == []


def test_group_sizes_are_those_the_sources_name(book):
    """A focus group of 6 to 10 (Pharos, under "Kleine groep") or 6 to 12 (Movisie) is a small group; the PU
    personal approach works "1 op 1 of in kleine groep"; a chat is "één op één"; a world café is "een grote
    groep". Every other item leaves the size out, as its source does not give it."""
    sizes = {item.id: item.facets.group_size for item in book.items.values() if item.facets.group_size}
    assert sizes == {
        "focusgroep-organiseren": ["klein"], "focusgroep-begeleiden": ["klein"], "fotospel": ["klein"],
        "photovoice": ["een-op-een"], "focusgroep": ["klein"],
        "pu-persoonlijke-aanpak": ["een-op-een", "klein"], "pu-participatief-werken": ["een-op-een", "klein"],
        "klantreis": ["een-op-een"], "dagboekmethode": ["een-op-een"], "mystery-guest": ["een-op-een"],
        "shadowing": ["een-op-een"], "meer-online-peilingen": ["een-op-een", "groot"],
        "wereldcafe": ["groot"], "flitspeiling": ["groot"], "online-vertelpunt": ["groot"],
    }


def test_the_self_scan_has_points_from_every_recommendation(book):
    scan = book.items["zelfscan-aanbevelingen"]
    recommendations = [i for i in book.items.values() if i.kind == "recommendation"]
    assert scan.kind == "checklist" and 14 <= len(scan.items) <= 15
    numbers = [int(re.match(r"Uit aanbeveling (\d)\b", str(point.detail)).group(1)) for point in scan.items]
    assert sorted(set(numbers)) == list(range(1, 8)) and numbers == sorted(numbers)
    assert [r.id for r in recommendations if "zelfscan-aanbevelingen" not in r.related] == []
    assert "zelfscan-aanbevelingen" in book.sections["checklists"].items
    assert max(len(str(point.text).split()) for point in scan.items) <= 16, "short points, so the list fits one A4"
