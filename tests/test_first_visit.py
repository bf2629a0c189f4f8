"""A light first visit: every page links one stylesheet that holds only the rules some page uses (a page
with a diagram, and the finder, also link their own), yet the first screen looks the same as with the
theme's full stylesheets and the handbook's own, on a phone and a laptop, in Dutch and in Arabic (right to
left); the menu in a page holds only what that page shows."""
from __future__ import annotations

import functools
import http.server
import io
import re
import shutil
import threading
from pathlib import Path

import material
import pytest
from PIL import Image, ImageChops

from browsing import WIDTHS
from conftest import PROJECT_DIR
from handbooks import page

# The home page, a card, and a page with a diagram (whose own stylesheet uses colours the one stylesheet defines)
PAGES = ["", "werkvormen/fotospel/", "pu-werkwijzen/", "ar/", "ar/werkvormen/fotospel/", "ar/pu-werkwijzen/"]
MATERIAL_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
LINK = re.compile(r'<link rel="stylesheet" href="([^"]*)assets/stylesheets/site\.[0-9a-f]{8}\.min\.css">')


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def full_stylesheets(site, tmp_path_factory) -> Path:
    """A copy of the site whose pages link, instead of the site's one stylesheet, the three it was made of:
    Material's main stylesheet as Material ships it, and docs/stylesheets/handbook.css (no palette
    stylesheet: the handbook's colours are in its own)."""
    copy = tmp_path_factory.mktemp("full-stylesheets") / "site"
    shutil.copytree(site, copy)
    originals = [next(MATERIAL_STYLESHEETS.glob("main.*.min.css")), PROJECT_DIR / "docs" / "stylesheets" / "handbook.css"]
    for stylesheet in originals:
        shutil.copy(stylesheet, copy / "assets" / "stylesheets" / stylesheet.name)
    for path in PAGES:
        target = copy / path / "index.html"
        links = lambda m: "".join(f'<link rel="stylesheet" href="{m[1]}assets/stylesheets/{s.name}">' for s in originals)  # noqa: E731
        html, count = LINK.subn(links, target.read_text(encoding="utf-8"))
        assert count == 1
        target.write_text(html, encoding="utf-8")
    return copy


def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def first_screens(browser, base: str) -> dict[tuple[str, int], Image.Image]:
    screens = {}
    for width in WIDTHS.values():
        context = browser.new_context(viewport={"width": width, "height": 900})
        tab = context.new_page()
        for path in PAGES:
            tab.goto(base + path, wait_until="networkidle")
            screens[path, width] = Image.open(io.BytesIO(tab.screenshot())).convert("RGB")
        context.close()
    return screens


def test_the_first_screen_looks_the_same_as_with_the_full_stylesheets(browser, site, full_stylesheets):
    purged_server, purged = serve(site)
    full_server, full = serve(full_stylesheets)
    try:
        before, after = first_screens(browser, full), first_screens(browser, purged)
    finally:
        purged_server.shutdown()
        full_server.shutdown()
    differences = {}
    for key, image in before.items():
        changed = ImageChops.difference(image, after[key]).convert("L").point(lambda value: 255 if value else 0)
        share = changed.histogram()[255] / (image.width * image.height)
        if share > 0.001:  # one pixel in a thousand
            differences[key] = f"{share:.2%} of the pixels differ"
    assert differences == {}


def test_every_page_links_one_stylesheet_of_the_used_rules_only_and_a_diagram_page_its_own(site):
    stylesheets = list((site / "assets" / "stylesheets").iterdir())
    assert [path.name for path in stylesheets] == [next(site.glob("assets/stylesheets/site.*.min.css")).name]
    for path in PAGES:
        head, body = page(site, "", path).split("</head>")
        assert len(re.findall(r'rel="stylesheet"', head)) == 1
        own = re.findall(r'<link rel="stylesheet" href="[./]*(stylesheets/[a-z]+\.css)">', body)
        assert own == (["stylesheets/diagrams.css"] if "pu-werkwijzen" in path else []), path
    css = stylesheets[0].read_text(encoding="utf-8")
    assert "[dir=rtl]" in css and ".md-typeset mark" in css  # right-to-left rules, and the search results' marks
    assert re.search(r"(^|[{},]):focus-visible[,{]", css)  # the focus ring on every element
    assert ".md-search" not in css and "data-md-color-primary=pink" not in css  # a feature and a colour no page uses


def test_a_page_carries_only_the_menu_it_shows(site):
    card = page(site, "", "werkvormen/fotospel/")
    assert 'href="../../bouwstenen/"' in card and "../../bouwstenen/verkennen/" not in card  # another section: closed
    assert 'href="../photovoice/"' in card  # its own section: open


def test_the_scripts_a_reader_gets_are_minified_and_the_icons_hold_only_their_shape(site):
    """Comments, indentation and the attributes that every icon repeats (the stylesheet draws its lines)
    are bytes a reader on prepaid data pays for on every page."""
    for script in ("handbook.js", "finder.js", "offline.js"):
        built = (site / "javascripts" / script).read_text(encoding="utf-8")
        written = (PROJECT_DIR / "docs" / "javascripts" / script).read_text(encoding="utf-8")
        assert len(built) < 0.7 * len(written) and "\n  " not in built and "// " not in built, script
    icons = re.findall(r'<svg [^>]*class="bb-icon".*?</svg>', page(site, "", "werkvormen/fotospel/"), re.DOTALL)
    assert icons and not [svg for svg in icons if re.search(r'xmlns=|stroke-width=|fill="none"|M0 0h24v24H0z', svg)]
