"""Mät bygget: tid, storlek och minne, för vår webbplats och för samma Markdown i ren Material.

Skapar en syntetisk samling berättelser (N och 2N) i en tillfällig kopia av repot, bygger den
flera gånger och skriver medianer och kvoter. "Ren" är samma Markdown, tema och tillägg utan
vår kod (inga krokar, makron, taggar, kartor eller kopplingar). Påstår ingenting: siffrorna är till för människor
och för avslutningsanteckningar. Mål på en dator med 2 kärnor: vår/ren <= 1,15,
tid(2N)/tid(N) <= 2,2, berättelsesidans storlek oberoende av N, 1 000 berättelser <= 30 s.
"""

import argparse
import gzip
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.catalog import load_catalog  # noqa: E402
from macros import vocabularies as v  # noqa: E402

BUILD_AND_MEASURE = """
import resource, sys, time, os
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.config import load_config
from mkdocs.commands.build import build
start = time.perf_counter()
build(load_config(sys.argv[1], site_dir=sys.argv[2]))
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with its !ENV and !relative tags as plain values."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: (
    loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else loader.construct_scalar(node)))


def plain_config(project: Path) -> str:
    """Our mkdocs.yml without our code: no hooks, no macros, no tags; same theme and Markdown.

    The difference between the two builds is then the cost of what we add (catalog,
    validation, generated relations, maps, facets), not of Material features we chose.
    """
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    config.pop("hooks", None)
    config["site_url"], config["repo_url"] = "http://127.0.0.1:8000/", "https://example.org/repo"
    config["plugins"] = [p for p in config["plugins"] if isinstance(p, dict) and "search" in p]
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            extension["pymdownx.snippets"]["base_path"] = [str(project)]
    config["not_in_nav"] = "/berattelser/*.md"
    config["validation"] = {"nav": {"omitted_files": "info"}}
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


SENTENCES = (
    "Esther kom hem från sjukhuset en tisdag och undrade vem hon skulle ringa.",
    "Vårdcentralen och hemsjukvården hade planerat hemgången tillsammans i en samordnad individuell plan.",
    "Undersköterskan frågade vad som var viktigast för henne just den veckan.",
    "Dottern fick veta vem som var fast vårdkontakt och hur hon nådde teamet.",
    "Efter två veckor följde teamet upp planen och justerade insatserna.",
    "Skolan, elevhälsan och socialtjänsten möttes i ett gemensamt team runt eleven.",
    "Medarbetarna tränade tillsammans på att ge stöd i hemmet med digital konsultation.",
)


def synthetic_story(index: int, ids: dict, rng: random.Random) -> str:
    body = "\n\n".join(" ".join(rng.choice(SENTENCES) for _ in range(5)) for _ in range(6))
    lines = [
        "---", f"titel: Syntetisk berättelse {index}", f"beskrivning: Berättelse nummer {index} för mätning.",
        "slag: illustrativ", f"strategier: {rng.sample(ids['strategy'], min(2, len(ids['strategy'])))}",
        f"personas: {rng.sample(ids['persona'], min(1, len(ids['persona'])))}",
        f"indikatorer: {rng.sample(ids['indicator'], min(1, len(ids['indicator'])))}",
        f"strategigrupper: [{rng.choice(list(v.STRATEGY_GROUPS))}]",
        f"kommuner: [{rng.choice(list(v.MUNICIPALITIES))}]", "forfattare: Mätskript", "status: publicerad",
        "ansvarig: Mätskript", "skapad: 2026-01-01", "kallor:", "  - text: Syntetisk text för mätning", "---",
        "", "## Vad hände?", "", body, "",
    ]
    return "\n".join(lines).replace("'", "")


def make_corpus(dest: Path, count: int, plain: bool) -> Path:
    """A copy of the repo with `count` synthetic stories (ours) or the same Markdown in docs/ (plain)."""
    project = dest / ("plain" if plain else "ours")
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", "tests"))
    catalog = load_catalog(ROOT)
    ids = {key: [i.id for i in catalog.of_type(key) if i.status == "publicerad"] or ["saknas"]
           for key in ("strategy", "persona", "indicator")}
    rng = random.Random(20261123)
    stories = project / ("docs/berattelser" if plain else "stories")
    stories.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (stories / f"syntetisk-{index:05d}.md").write_text(synthetic_story(index, ids, rng), encoding="utf-8")
    if plain:
        for path in (project / "stories").glob("*.md"):
            shutil.copy(path, stories / path.name)
        (project / "mkdocs.yml").write_text(plain_config(project), encoding="utf-8")
    return project


def build_once(project: Path) -> tuple[float, int]:
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    out = subprocess.run([sys.executable, "-c", BUILD_AND_MEASURE, str(project / "mkdocs.yml"), str(site)],
                         capture_output=True, text=True, encoding="utf-8", check=True)
    seconds, kilobytes = out.stdout.split()[-2:]
    return float(seconds), int(kilobytes)


def measure(project: Path, runs: int) -> dict:
    results = [build_once(project) for _ in range(runs)]
    site = project / "site"
    story_pages = sorted((site / "berattelser").glob("syntetisk-*/index.html"))
    index = (site / "search" / "search_index.json").read_bytes()
    pages = len(list(site.rglob("index.html")))
    return {
        "seconds": statistics.median(r[0] for r in results),
        "peak_mb": max(r[1] for r in results) / 1024,
        "pages": pages,
        "story_html_bytes": statistics.median(p.stat().st_size for p in story_pages) if story_pages else 0,
        "index_gzip_per_page": len(gzip.compress(index)) / max(1, len(json.loads(index)["docs"])),
    }


def search_figures(runs: int) -> dict:
    """Search quality and speed on the real site: hit rates (browser and CLI), index size, first result."""
    sys.path.insert(0, str(ROOT / "tests"))
    import time

    from browser_search import open_search, search
    from playwright.sync_api import sync_playwright
    from search_quality import load_queries, score
    from sitebuild import build, serve

    from macros.offline_search import BrowserSearch

    with tempfile.TemporaryDirectory(prefix="kb-sok-") as tmp:
        site = Path(tmp) / "site"
        build(ROOT, site)
        index = (site / "search" / "search_index.json").read_bytes()
        offline = BrowserSearch.from_site(site)
        queries = load_queries()
        url, stop = serve(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"])
                first = []
                for _ in range(runs):
                    page = browser.new_context().new_page()
                    start = time.perf_counter()
                    page.goto(url)
                    page.click("input.md-search__input")
                    page.keyboard.type("utskrivningsklara")
                    page.wait_for_selector(".md-search-result__item")
                    first.append(time.perf_counter() - start)
                    page.context.close()
                page = browser.new_page()
                open_search(page, url)
                browser_results = {q["fraga"]: search(page, url, q["fraga"]) for q in queries}
                in_browser = score(queries, browser_results)
                browser.close()
        finally:
            stop()
    cli_results = {q["fraga"]: [hit.location for hit in offline.search(q["fraga"], 3)] for q in queries}
    cli = score(queries, cli_results)
    same_top = sum(1 for q in queries if cli_results[q["fraga"]][:1] == browser_results[q["fraga"]][:1])
    return {"queries": len(queries), "browser": in_browser, "cli": cli, "same_top": same_top / len(queries),
            "index_gzip": len(gzip.compress(index)),
            "index_docs": len(json.loads(index)["docs"]), "first_result_s": statistics.median(first)}


def print_search(figures: dict) -> None:
    b, c = figures["browser"], figures["cli"]
    print(f"Sökning, {figures['queries']} frågor (tests/search_queries.yml):")
    print(f"  webbläsaren: topp-1 {b['top1']:.1%}, topp-3 {b['top3']:.1%}  (mål topp-3 >= 95 %)")
    print(f"  kommandoraden: topp-1 {c['top1']:.1%}, topp-3 {c['top3']:.1%}; samma bästa träff som "
          f"webbläsaren: {figures['same_top']:.1%}")
    print(f"  sökindex: {figures['index_gzip'] / 1024:.0f} kB gzip, {figures['index_docs']} avsnitt")
    print(f"  tid från sidladdning till första träff (Chromium, kall cache, median): "
          f"{figures['first_result_s'] * 1000:.0f} ms")
    for miss in b["misses"]:
        print(f"  miss i webbläsaren: {miss}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=1000, help="N, antal syntetiska berättelser (standard 1000)")
    parser.add_argument("--runs", type=int, default=3, help="byggen per mätning; medianen rapporteras")
    parser.add_argument("--bara-sok", action="store_true", help="mät bara sökningen, inte bygget")
    args = parser.parse_args(argv)
    print_search(search_figures(args.runs))
    if args.bara_sok:
        return 0
    n = args.stories
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        tmp_path = Path(tmp)
        rows = {}
        for label, count, plain in (("vår N", n, False), ("ren N", n, True), ("vår 2N", 2 * n, False)):
            folder = tmp_path / label.replace(" ", "-")
            folder.mkdir()
            rows[label] = measure(make_corpus(folder, count, plain), args.runs)
            shutil.rmtree(folder)
    print(f"Mätning med N = {n} syntetiska berättelser, {args.runs} byggen per rad (median):")
    print(f"{'':8} {'sidor':>7} {'sekunder':>9} {'topp-MB':>8} {'bytes/berättelsesida':>21} {'index gzip/sida':>16}")
    for label, row in rows.items():
        print(f"{label:8} {row['pages']:>7} {row['seconds']:>9.2f} {row['peak_mb']:>8.0f} "
              f"{row['story_html_bytes']:>21.0f} {row['index_gzip_per_page']:>16.0f}")
    ours, plain, double = rows["vår N"], rows["ren N"], rows["vår 2N"]
    print(f"kvot vår/ren (N): {ours['seconds'] / plain['seconds']:.2f}  (mål <= 1,15)")
    print(f"kvot tid(2N)/tid(N): {double['seconds'] / ours['seconds']:.2f}  (mål <= 2,2)")
    print(f"berättelsesida 2N/N: {double['story_html_bytes'] / max(1, ours['story_html_bytes']):.3f}  "
          "(mål 1,00: oberoende av N)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
