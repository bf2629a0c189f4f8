"""make screenshots: the README's pictures of the built site on a phone (412 px wide), in Dutch and Arabic.

Serves site/ on 127.0.0.1 (a free port) and photographs the top of the home page and of a card with
Playwright in Debian's Chromium, one PNG per page and language in this folder.
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

from browsing import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from macros.content.handbook import load_languages  # noqa: E402

SITE = PROJECT / "site"
PAGES = {"home": "", "card": "werkvormen/fotospel/"}
LANGUAGES = ("nl", "ar")
VIEWPORT = {"width": 412, "height": 860}
MAX_BYTES = 150_000


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    if not (SITE / "index.html").exists():
        sys.exit("site/ is not built: run make build first")
    roots = {language.code: language.root for language in load_languages()}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            for lang in LANGUAGES:
                for name, path in PAGES.items():
                    context = browser.new_context(viewport=VIEWPORT)
                    page = context.new_page()
                    page.goto(base + roots[lang] + path, wait_until="load")
                    target = HERE / f"{name}-{lang}-412.png"
                    page.screenshot(path=str(target))
                    context.close()
                    size = target.stat().st_size
                    print(f"{target.relative_to(PROJECT)}: {size // 1024} KB")
                    if size > MAX_BYTES:
                        sys.exit(f"{target.name} is over {MAX_BYTES // 1000} KB")
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
