"""make bench: the handbook's weight and speed against its budgets, printed as a table (not a test).

Serves the built site/ with the production nginx configuration on 127.0.0.1, measures first and second
page visits in Chromium and what saving each language for offline reading downloads, runs Lighthouse
(mobile), times a full build and one of ten times the data, times applying a filter on the method finder with
the real data and with ten times the data on a CPU slowed down 4 times, and times a rebuild under
`mkdocs serve` in Dutch only. A figure in KB counts every byte received, headers too.
"""
from __future__ import annotations

import copy
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "deploy"), str(PROJECT / "tests")]

import local_nginx  # noqa: E402
from browsing import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

SITE = PROJECT / "site"
PYTHON = sys.executable
FINDER = "werkvorm-kiezen/"
PAGES = {"home": "", "card": "werkvormen/fotospel/", "checklist": "checklists/van-tevoren-regelen/",
         "recommendation": "sociaal-binden/aanbeveling-vertrouwd-netwerk/", "finder": FINDER}
SECOND_PAGE = "werkvormen/photovoice/"
# Lighthouse runs on the source language and the right-to-left one; the weights are measured in every language.
LIGHTHOUSE_LANGUAGES = {"nl": "", "ar": "ar/"}
BUDGET = {"first_card_kb": 16, "first_home_kb": 20, "second_page_kb": 5, "saved_language_kb": 1536,
          "performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0, "finder_filter_ms": 50}
FIRST_VISIT_BUDGETS = {"card": "first_card_kb", "home": "first_home_kb", "finder": "first_card_kb"}
CPU_SLOWDOWN = 4

rows: list[tuple[str, str, str, str]] = []  # what, figure, budget, verdict


def report(what: str, figure, budget: str = "", ok: bool | None = None) -> None:
    rows.append((what, str(figure), budget, "" if ok is None else ("met" if ok else "NOT MET")))


# --- Weight in the browser ---


def transfers(base: str) -> None:
    from playwright.sync_api import sync_playwright

    from macros.content.handbook import load_languages

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for lang, root in ((language.code, language.root) for language in load_languages()):
            for kind, path in PAGES.items():
                context = browser.new_context(viewport={"width": 412, "height": 900})
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                sizes: list[int] = []
                urls: list[str] = []
                cdp.on("Network.loadingFinished", lambda e: sizes.append(e["encodedDataLength"]))
                cdp.on("Network.requestWillBeSent", lambda e: urls.append(e["request"]["url"]))
                page.goto(base + root + path, wait_until="networkidle")
                first = sum(sizes) / 1024
                searched = any("pagefind" in url for url in urls)
                sizes.clear()
                page.goto(base + root + SECOND_PAGE, wait_until="networkidle")
                second = sum(sizes) / 1024
                context.close()
                # The finder has the card's first-visit budget plus its result list.
                budget_first = BUDGET.get(FIRST_VISIT_BUDGETS.get(kind, ""))
                if budget_first and kind == "finder":
                    budget_first += result_list_kb(SITE / root)
                report(f"first visit, {kind} ({lang})", f"{first:.1f} KB", f"<= {budget_first:.1f} KB" if budget_first else "",
                       first <= budget_first if budget_first else None)
                report(f"second page after {kind} ({lang})", f"{second:.1f} KB", f"<= {BUDGET['second_page_kb']} KB",
                       second <= BUDGET["second_page_kb"])
                report(f"search index fetched on {kind} ({lang})", "yes" if searched else "no", "no", not searched)
        browser.close()


def result_list_kb(site: Path) -> float:
    """The finder's result list as the server sends it (gzip), in KB."""
    html = (site / FINDER / "index.html").read_text(encoding="utf-8")
    start = html.index('<ul class="bb-finder__results"')
    return len(gzip.compress(html[start:html.index('<div class="bb-print-footer"', start)].encode(), 6)) / 1024


# Tick and untick every box of the finder; each time, the milliseconds from the click to the next frame. A
# reader looks at the list before the next tick: each tick starts from a page at rest (100 ms after the last
# frame), so that it is not charged with what the browser still had to do for the tick before.
TIME_FILTERS = """async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const rest = () => new Promise((resolve) => setTimeout(resolve, 100));
  const times = [];
  for (const box of document.querySelectorAll(".bb-finder__form input")) {
    for (let round = 0; round < 2; round++) {
      await rest();
      const start = performance.now();
      box.click();
      await frame();
      times.push(performance.now() - start);
    }
  }
  return times;
}"""


def finder_speed(site: Path, data: str) -> None:
    """How long applying a filter takes on the finder, with the CPU slowed down (Chrome DevTools Protocol)."""
    from playwright.sync_api import sync_playwright

    with local_nginx.serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 412, "height": 900})
        page.goto(base + FINDER, wait_until="networkidle")
        results = page.locator(".bb-result").count()
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        times = page.evaluate(TIME_FILTERS)
        browser.close()
    median, budget = statistics.median(times), BUDGET["finder_filter_ms"]
    report(f"apply a filter on the finder, {data}, {results} results, CPU {CPU_SLOWDOWN}x slower",
           f"median {median:.0f} ms, max {max(times):.0f} ms", f"<= {budget} ms", median <= budget)


def saved_languages(base: str) -> None:
    """Every language saved for offline reading by a reader on a phone: every byte its service worker
    downloads, and the size the save button announces."""
    from playwright.sync_api import sync_playwright

    from macros.content.handbook import load_languages

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for language in load_languages():
            context = browser.new_context(viewport={"width": 412, "height": 900}, service_workers="allow")
            page = context.new_page()
            page.goto(base + language.root, wait_until="networkidle")
            page.locator(".md-footer").scroll_into_view_if_needed()
            button = page.locator(".bb-offline .md-button--primary")
            announced = button.inner_text()
            finished = []
            context.on("requestfinished", lambda request: finished.append(request))
            button.click()
            page.locator(".bb-offline .md-button:not(.md-button--primary)").wait_for(timeout=300_000)  # "remove": saved
            received = sum(sizes["responseBodySize"] + sizes["responseHeadersSize"]
                           for sizes in (request.sizes() for request in finished if request.service_worker))
            context.close()
            kb = received / 1024
            report(f"saved language, download ({language.code})", f"{kb:.0f} KB, {len(finished)} files",
                   f"<= {BUDGET['saved_language_kb']} KB", kb <= BUDGET["saved_language_kb"])
            report(f"saved language, size on the button ({language.code})", announced.rsplit("(", 1)[-1].rstrip(")"))
        browser.close()


def lighthouse(base: str) -> None:
    binary = PROJECT / "bench" / "node_modules" / ".bin" / "lighthouse"
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    for lang, root in LIGHTHOUSE_LANGUAGES.items():
        for kind, path in PAGES.items():
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                subprocess.run([str(binary), base + root + path, "--quiet", "--output=json", f"--output-path={out.name}",
                                f"--chrome-flags={flags}", "--only-categories=performance,accessibility,best-practices,seo"],
                               env=dict(os.environ, CHROME_PATH=CHROMIUM), check=True, timeout=300)
                categories = json.load(open(out.name))["categories"]
            for name, data in categories.items():
                score = data["score"]
                report(f"Lighthouse {name}, {kind} ({lang})", f"{score:.2f}", f">= {BUDGET[name]}", score >= BUDGET[name])


# --- Build time, memory and growth ---


def timed_build(project: Path, env: dict) -> tuple[float, int]:
    """Seconds and peak memory (MB) of a strict build in ``project``."""
    script = ("import resource, subprocess, sys, time; t = time.time(); "
              "r = subprocess.run(sys.argv[1:]); "
              "print(time.time() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
    result = subprocess.run([PYTHON, "-c", script, PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(project / "site")],
                            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(result.stderr[-2000:])
    seconds, kilobytes = result.stdout.split()[-2:]
    return float(seconds), int(kilobytes) // 1024


def index_sizes(site: Path) -> dict[str, float]:
    sizes: dict[str, float] = {}
    for path in (site / "pagefind").rglob("*"):
        match = re.match(r"(?:pagefind\.)?([a-z]{2})[_-]", path.name)
        if path.is_file() and match:
            sizes[match.group(1)] = sizes.get(match.group(1), 0) + path.stat().st_size / 1024
    return sizes


def copy_project(target: Path) -> Path:
    for name in ("mkdocs.yml", "docs", "data", "macros", "overrides"):
        (shutil.copytree if (PROJECT / name).is_dir() else shutil.copy)(PROJECT / name, target / name)
    (target / "tests").mkdir()
    (target / "tests" / "node_modules").symlink_to(PROJECT / "tests" / "node_modules")  # the build's CSS tools
    return target


def multiply_data(project: Path, times: int) -> None:
    """Make the data ``times`` as large: every item again with ids ending in -2, -3, ... (a deep copy: shared
    objects would be written as YAML aliases, which data files refuse). The copies are not translated: PO
    files ten times as large are over the size limit of a data file, so other languages show them in Dutch.
    The building blocks and the PU work methods stay as they are: the sources' models have four and ten."""
    from macros.content.kinds import ITEM_KINDS
    from macros.render.diagrams import FIXED_KINDS

    data = project / "data"
    sections = yaml.safe_load((data / "sections.yml").read_text())
    fixed = {item["id"] for kind in ITEM_KINDS if kind.name in FIXED_KINDS
             for item in yaml.safe_load((data / kind.data_file).read_text())}
    for kind in ITEM_KINDS:
        path = data / kind.data_file
        if not path.exists() or kind.name in FIXED_KINDS:
            continue
        items = yaml.safe_load(path.read_text())
        copies = [dict(copy.deepcopy(item), id=f"{item['id']}-{n}",
                       related=[r if r in fixed else f"{r}-{n}" for r in item.get("related", [])])
                  for n in range(2, times + 1) for item in items]
        path.write_text(yaml.safe_dump(items + copies, allow_unicode=True, sort_keys=False))
        for item in copies:
            section = next(s for s in sections if item["id"].rsplit("-", 1)[0] in s["items"])
            section["items"].append(item["id"])
    (data / "sections.yml").write_text(yaml.safe_dump(sections, allow_unicode=True, sort_keys=False))


def builds() -> None:
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as ten:
        real = copy_project(Path(one))
        seconds, memory = timed_build(real, {"HANDBOOK_PDFS": "0"})
        report("full build, 4 languages, real data", f"{seconds:.1f} s, peak {memory} MB")
        for lang, kb in sorted(index_sizes(real / "site").items()):
            report(f"search index, real data ({lang})", f"{kb:.0f} KB")
        big = copy_project(Path(ten))
        multiply_data(big, 10)
        seconds, memory = timed_build(big, {"HANDBOOK_PDFS": "0", "HANDBOOK_DATA_DIR": str(big / "data")})
        report("full build, 4 languages, data x10", f"{seconds:.1f} s, peak {memory} MB")
        for lang, kb in sorted(index_sizes(big / "site").items()):
            report(f"search index, data x10 ({lang})", f"{kb:.0f} KB")
        finder_speed(big / "site", "data x10")


def edit_latency() -> None:
    """Seconds from saving a data file to the rebuilt page, under `mkdocs serve` in Dutch only."""
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        port = local_nginx.free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_ALL_LANGUAGES": "false", "HANDBOOK_DATA_DIR": str(project / "data")}
        server = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/werkvormen/fotospel/"
        try:
            for _ in range(600):
                try:
                    urllib.request.urlopen(url).read()
                    break
                except OSError:
                    time.sleep(0.1)
            methods = project / "data" / "methods.yml"
            methods.write_text(methods.read_text().replace("  title: Fotospel\n", "  title: Fotospel bewerkt\n", 1))
            saved = time.time()
            while time.time() - saved < 120:
                if "Fotospel bewerkt" in urllib.request.urlopen(url).read().decode():
                    break
                time.sleep(0.05)
            report("edit a data file to rebuilt page (make serve-nl)", f"{time.time() - saved:.1f} s")
        finally:
            server.terminate()
            server.wait(timeout=10)


def main() -> int:
    with local_nginx.serve(SITE) as base:
        transfers(base)
        saved_languages(base)
        lighthouse(base)
    finder_speed(SITE, "real data")
    builds()
    edit_latency()
    width = max(len(r[0]) for r in rows)
    print(f"\n{'measure':{width}}  {'figure':>22}  {'budget':>10}  verdict")
    for what, figure, budget, verdict in rows:
        print(f"{what:{width}}  {figure:>22}  {budget:>10}  {verdict}")
    missed = [r for r in rows if r[3] == "NOT MET"]
    print(f"\n{len(rows)} figures; budgets not met: {len(missed) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
