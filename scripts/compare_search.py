"""Zensical's search against ours, with the same query file (tests/search_queries.yml), in Chromium.

    python scripts/compare_search.py [--var SITE] [--zensical SITE]

Without folders, builds both: ours with `mkdocs build` (the hook build), Zensical's from the
staging tree (macros/adapters/zensical.py). Prints top-1 and top-3 hit rates and Zensical's misses;
asserts nothing (like `make bench`).
"""

import argparse
import sys
import tempfile
from pathlib import Path

from browser_search import open_search, search, site_path  # scripts/, beside this script
from engine import build, serve
from search_quality import load_queries, score

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"

# Zensical 0.0.73's search dialog lives in an open shadow root, which Playwright's CSS selectors enter.
Z_INPUT = "dialog input[role=combobox]"
Z_RESULTS = "ol[role=listbox] > li > a[role=option]"
Z_STATUS = "dialog [role=status]"


def zensical_search(page, site_url: str, query: str, limit: int = 3) -> list[str]:
    box = page.locator(Z_INPUT)
    box.fill(query)
    page.wait_for_timeout(150)
    previous = None
    for _ in range(30):  # until two reads agree
        current = (
            page.eval_on_selector_all(Z_RESULTS, "els => els.map(e => e.href).join(' ')")
            if page.locator(Z_RESULTS).count()
            else ""
        )
        if current == previous and (current or page.locator(Z_STATUS).count()):
            break
        previous = current
        page.wait_for_timeout(80)
    hrefs = (
        page.eval_on_selector_all(Z_RESULTS, "els => els.map(e => e.href)") if page.locator(Z_RESULTS).count() else []
    )
    paths = []
    for href in hrefs:
        rel = site_path(site_url, href.split("?")[0])
        if rel not in paths:
            paths.append(rel)
    return paths[:limit]


def run(ours: Path, zensical: Path) -> dict:
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    found: dict = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        for name, folder in (("vår", ours), ("zensical", zensical)):
            url, stop = serve(folder)
            page = browser.new_context(locale="sv-SE").new_page()
            results = {}
            if name == "vår":
                open_search(page, url)
                for q in queries:
                    results[q["fraga"]] = search(page, url, q["fraga"])
            else:
                page.goto(url, wait_until="load")
                page.click(".md-search__button")
                page.locator(Z_INPUT).wait_for(timeout=10000)
                page.locator(Z_INPUT).fill(queries[0]["fraga"])  # the index is built in the browser: wait for it once
                page.locator(Z_RESULTS).first.wait_for(timeout=30000)
                for q in queries:
                    results[q["fraga"]] = zensical_search(page, url, q["fraga"])
            found[name] = score(queries, results)
            stop()
        browser.close()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", type=Path, help="en byggd webbplats (krokbygget)")
    parser.add_argument("--zensical", type=Path, help="en webbplats byggd av Zensical")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kb-sok-"))
    ours = args.var
    if ours is None:
        ours = tmp / "site"
        result = build(ROOT, ours)
        if result.returncode:
            print(result.stdout + result.stderr)
            return 1
    zensical = args.zensical
    if zensical is None:
        from macros.adapters.zensical import build_staged

        staged = build_staged(ROOT, tmp / "staging")
        if staged.returncode:
            print("\n".join(staged.problems))
            return 1
        zensical = staged.site_dir
    found = run(ours, zensical)
    n = len(load_queries())
    for name, s in found.items():
        print(f"{name:9} topp 1: {s['top1']:.0%}  topp 3: {s['top3']:.0%}  ({n} frågor, {len(s['misses'])} missar)")
    for miss in found["zensical"]["misses"]:
        print("  zensical:", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
