"""Swedish search, measured: the real search box in Chromium and scripts/search.py, same queries."""

import subprocess
import sys

from browser_search import open_search, search
from search_quality import load_queries, score
from sitebuild import ROOT

TARGET_BROWSER_TOP3 = 0.95
TARGET_CLI_TOP3 = 0.90


def test_query_file_is_big_enough_and_points_at_real_pages(pages):
    queries = load_queries()
    assert len(queries) >= 40
    unknown = [p for q in queries for p in q["topp3"] if p not in pages]
    assert unknown == [], unknown


def test_browser_search_finds_the_right_pages(page, site_url):
    queries = load_queries()
    open_search(page, site_url)
    results = {q["fraga"]: search(page, site_url, q["fraga"]) for q in queries}
    rates = score(queries, results)
    assert rates["top3"] >= TARGET_BROWSER_TOP3, "\n".join(rates["misses"])


def test_command_line_search_finds_the_right_pages():
    from macros.catalog import load_catalog
    from macros.offline_search import build_index, search as offline

    catalog = load_catalog(ROOT)
    index = build_index(catalog)
    queries = load_queries()
    results = {q["fraga"]: [hit.url for hit, _ in offline(index, catalog, q["fraga"], 3)] for q in queries}
    rates = score(queries, results)
    assert rates["top3"] >= TARGET_CLI_TOP3, "\n".join(rates["misses"])


def test_command_line_prints_title_type_and_path():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "search.py"), "utskrivningsklara"],
                         capture_output=True, text=True, encoding="utf-8", check=True).stdout
    first = out.splitlines()[0]
    assert first.startswith("1. ") and "[indikator]" in first and "docs/indikatorer/utskrivningsklara.md" in first
