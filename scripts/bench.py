"""Mät bygget: tid, storlek och minne, för vår webbplats och för samma Markdown i ren ProperDocs.

Skapar en syntetisk samling berättelser (N och 2N) i tillfälliga kopior av repot och bygger dem
växelvis i omgångar: vår N, ren N, vår 2N, vår N, ren N, vår 2N … Kvoterna räknas per omgång
(vår/ren och tid(2N)/tid(N) från byggen som gick tätt efter varandra) och medianen av dem skrivs,
så att en annan last på datorn slår lika på båda sidor av en kvot.

- "Vår" är hela vägen i `make build` (macros.adapters.properdocs.build): generatorn läser och
  kontrollerar allt innehåll och skriver staging-trädet, ProperDocs bygger det strikt med de
  insticksprogram och krokar den genererade konfigurationen anger, och steget efter bygget rensar
  varje sida och formar sökindexet. Komprimeringen (scripts/precompress.py) ingår inte.
- "Ren" är motorn ensam på samma genererade Markdown: samma staging-träd (skrivet en gång, före
  mätningen), samma tema, meny, Markdown-tillägg och sökning, men utan våra krokar och utan andra
  insticksprogram än sökningen (inga makron, ingen rensning, ingen formning av sökindexet).

Varje bygge körs i en ny process, med motorn i samma process (tiden räknas utan importerna).
Topp-MB är processens största minne (ru_maxrss): för vår är det generator och motor tillsammans.
Påstår ingenting: siffrorna är till för människor och för avslutningsanteckningar. Mål på en dator
med 2 kärnor: vår/ren <= 1,15, vår/bar <= 1,5, tid(2N)/tid(N) <= 2,1, berättelsesidans storlek oberoende
av N. "Bar" är Material ensam med sin sökning på samma Markdown som den ligger i repot, utan generatorn.
"""

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from engine import serve  # scripts/engine.py, beside this script

from macros.adapters.properdocs import build, engine_env
from macros.content.catalog import load_catalog
from macros.generate import staging
from macros.model import vocabularies as v
from macros.views.github_preview import key_pages as repository_key_pages

ROOT = Path(__file__).resolve().parent.parent
PLAIN_STAGING = ".plain-staging"  # in a corpus: the tree the plain engine builds, generated once
BARE = ".bare"  # in a corpus: the raw Markdown (docs/, stories/, strategies/) for bare Material and its search
OURS_STAGING = ".staging"

# One build in a fresh process, timed without the imports; prints wall-clock seconds, CPU
# seconds (what the build itself used, whatever else the machine runs) and peak memory (kB).
# argv: ours|plain, the project, the site folder.
BUILD_AND_MEASURE = """
import resource, sys, time
from pathlib import Path
from macros.adapters.engine_in_process import import_engine, run_engine_in_process
from macros.adapters.properdocs import build
mode, project, site = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
import_engine()
start, cpu = time.perf_counter(), time.process_time()
if mode == "ours":
    result = build(project, site, staging_dir=project / ".staging")
    assert result.returncode == 0, result.stdout + result.stderr
else:
    tree = project / (".plain-staging" if mode == "plain" else ".bare")
    code, out, err = run_engine_in_process(tree / "mkdocs.yml", site, False, tree)
    assert code == 0, out + err
print(time.perf_counter() - start, time.process_time() - cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def bare_tree(project: Path) -> None:
    """The corpus's own Markdown as bare Material builds it: docs/ with the stories and strategies where the
    site publishes them, Material with its search and our Markdown extensions, nothing of ours."""
    tree = project / BARE
    shutil.copytree(project / "docs", tree / "docs")
    for folder, address in (("stories", "berattelser"), ("strategies", "strategier")):
        shutil.copytree(project / folder, tree / "docs" / address, dirs_exist_ok=True)
    ours = staging.read_config(project)
    extensions = [e for e in ours["markdown_extensions"] if not (isinstance(e, dict) and "pymdownx.snippets" in e)]
    config = {
        "site_name": ours["site_name"],
        "theme": {"name": "material", "language": "sv", "font": False},
        "plugins": ["search"],
        "markdown_extensions": extensions,
    }
    (tree / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def plain_config(staged: Path) -> None:
    """The generated config of a staging tree as the engine alone builds it: no hooks of ours, no
    plugin but the search; theme, menu, Markdown extensions and search settings unchanged."""
    path = staged / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config["plugins"] = [p for p in config["plugins"] if isinstance(p, dict) and "search" in p]
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


SENTENCES = (
    "Invånaren kom hem från sjukhuset en tisdag och undrade vem hon skulle ringa.",
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
        "---",
        f"titel: Syntetisk berättelse {index}",
        f"beskrivning: Berättelse nummer {index} för mätning.",
        "slag: illustrativ",
        f"strategier: {rng.sample(ids['strategy'], min(2, len(ids['strategy'])))}",
        f"personas: {rng.sample(ids['persona'], min(1, len(ids['persona'])))}",
        f"indikatorer: {rng.sample(ids['indicator'], min(1, len(ids['indicator'])))}",
        f"strategigrupper: [{rng.choice(list(v.STRATEGY_GROUPS))}]",
        f"kommuner: [{rng.choice(list(v.MUNICIPALITIES))}]",
        "forfattare: Mätskript",
        "status: publicerad",
        "ansvarig: Mätskript",
        "skapad: 2026-01-01",
        "kallor:",
        "  - text: Syntetisk text för mätning",
        "---",
        "",
        "## Vad hände?",
        "",
        body,
        "",
    ]
    return "\n".join(lines).replace("'", "")


def make_corpus(dest: Path, count: int, plain: bool = False, source: Path = ROOT) -> Path:
    """A copy of the repo (or of `source`, another checkout) with `count` synthetic stories; with
    `plain`, also the staging tree the plain engine builds (generated here, outside every measurement)."""
    project = dest / f"corpus-{count}" if source == ROOT else dest / f"corpus-{count}-{source.name}"
    shutil.copytree(
        source,
        project,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", ".cache", "site", "skarmbilder", "__pycache__", "tests", ".*-staging"
        ),
    )
    if (ROOT / ".cache" / "cms").is_dir():  # the form editor's bundle (make cms), which every build publishes
        (project / ".cache").mkdir()
        (project / ".cache" / "cms").symlink_to((ROOT / ".cache" / "cms").resolve())
    catalog = load_catalog(ROOT)
    ids = {
        key: [i.id for i in catalog.of_type(key) if i.status == "publicerad"] or ["saknas"]
        for key in ("strategy", "persona", "indicator")
    }
    rng = random.Random(20261123)
    stories = project / "stories"
    for index in range(count):
        (stories / f"syntetisk-{index:05d}.md").write_text(synthetic_story(index, ids, rng), encoding="utf-8")
    if plain:
        staging.write_staging(project, project / PLAIN_STAGING)
        plain_config(project / PLAIN_STAGING)
        bare_tree(project)
    return project


def build_once(mode: str, project: Path, code: Path = ROOT) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak kilobytes of one build (ours or plain) of `project`, in
    its own process, with the generator of `code` (this checkout, or another one for comparison)."""
    site = project / f"site-{mode}"
    shutil.rmtree(site, ignore_errors=True)
    out = subprocess.run(
        [sys.executable, "-c", BUILD_AND_MEASURE, mode, str(project), str(site)],
        cwd=code,
        env=engine_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if out.returncode != 0:
        sys.exit(f"Bygget ({mode}) av {project.name} misslyckades:\n{out.stderr[-3000:]}")
    seconds, cpu, kilobytes = out.stdout.split()[-3:]
    return float(seconds), float(cpu), int(kilobytes)


def search_index_size(site: Path) -> tuple[int, int, int]:
    """The whole search index of a built site: bytes, bytes with each file compressed, entries. Ours is
    split in many files (macros/generate/search_shards.py), of which a search fetches a few; the plain
    engine's is Material's one search_index.json."""
    files = sorted((site / "search").rglob("*.json"))
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes())) for p in files)
    stub = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = len(stub["docs"])
    if "kb" in stub["config"]:
        entries = sum(
            len(json.loads(p.read_text(encoding="utf-8"))) for p in (site / "search" / "kb" / "s").glob("*.json")
        )
    return raw, packed, entries


def site_figures(mode: str, project: Path) -> dict:
    """Size figures of the last build of `project`."""
    site = project / f"site-{mode}"
    story_pages = sorted((site / "berattelser").glob("syntetisk-*/index.html"))
    _, packed, entries = search_index_size(site)
    return {
        "pages": len(list(site.rglob("index.html"))),
        "story_html_bytes": statistics.median(p.stat().st_size for p in story_pages) if story_pages else 0,
        "index_gzip_per_page": packed / max(1, entries),
    }


def interleaved(builds: dict, rounds: int) -> dict:
    """Runs every build (label -> (mode, project)) once per round, in the same order each round."""
    runs = {label: [] for label in builds}
    for number in range(1, rounds + 1):
        for label, (mode, project) in builds.items():
            runs[label].append(build_once(mode, project))
            wall, cpu, kilobytes = runs[label][-1]
            print(
                f"  omgång {number}/{rounds}, {label}: {wall:.1f} s ({cpu:.1f} s CPU, {kilobytes / 1024:.0f} MB)",
                file=sys.stderr,
                flush=True,
            )
    return runs


def pair_ratios(numerators: list, denominators: list, column: int = 0) -> list[float]:
    """Ratio per round; column 0 is wall-clock seconds, 1 CPU seconds."""
    return [a[column] / b[column] for a, b in zip(numerators, denominators, strict=True)]


def search_figures(runs: int) -> dict:
    """Search quality and speed on the real site: hit rates (browser and CLI), index size, first result."""
    from browser_search import open_search, search
    from playwright.sync_api import sync_playwright
    from search_quality import load_queries, score

    from macros.adapters.offline_search import BrowserSearch

    with tempfile.TemporaryDirectory(prefix="kb-sok-") as tmp:
        site = Path(tmp) / "site"
        result = build(ROOT, site)
        if result.returncode != 0:
            sys.exit("Webbplatsen gick inte att bygga:\n" + result.stdout + result.stderr)
        _, index_gzip, index_docs = search_index_size(site)
        offline = BrowserSearch.from_site(site)  # reads the index's files as it needs them: here, while they exist
        queries = load_queries()
        cli_results = {q["fraga"]: [hit.location for hit in offline.search(q["fraga"], 3)] for q in queries}
        url, stop = serve(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium",
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"],
                )
                first = []
                for _ in range(runs):
                    page = browser.new_context().new_page()
                    start = time.perf_counter()
                    page.goto(url)
                    page.click("input.md-search__input")
                    page.keyboard.type("hemsjukvården")
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
    cli = score(queries, cli_results)
    same_top = sum(1 for q in queries if cli_results[q["fraga"]][:1] == browser_results[q["fraga"]][:1])
    return {
        "queries": len(queries),
        "browser": in_browser,
        "cli": cli,
        "same_top": same_top / len(queries),
        "index_gzip": index_gzip,
        "index_docs": index_docs,
        "first_result_s": statistics.median(first),
    }


def print_search(figures: dict) -> None:
    b, c = figures["browser"], figures["cli"]
    print(f"Sökning, {figures['queries']} frågor (tests/search_queries.yml):\n")
    print("| mått | värde | mål |")
    print("| --- | --- | --- |")
    print(f"| webbläsaren topp-1 / topp-3 | {b['top1']:.1%} / {b['top3']:.1%} | topp-3 >= 95 % |")
    print(f"| kommandoraden topp-1 / topp-3 | {c['top1']:.1%} / {c['top3']:.1%} | |")
    print(f"| samma bästa träff som webbläsaren | {figures['same_top']:.1%} | |")
    print(
        f"| sökindex, alla filer (en sökning hämtar några) | {figures['index_gzip'] / 1024:.0f} kB gzip, "
        f"{figures['index_docs']} avsnitt | |"
    )
    print(
        f"| sidladdning till första träff (Chromium, kall cache, median) | "
        f"{figures['first_result_s'] * 1000:.0f} ms | |"
    )
    for miss in b["misses"]:
        print(f"\nmiss i webbläsaren: {miss}")
    print()


def print_builds(n: int, rounds: int, runs: dict, sizes: dict, load: tuple) -> None:
    ours, plain, bare, double = runs["vår N"], runs["ren N"], runs["bar N"], runs["vår 2N"]
    print(
        f"Byggen, N = {n} syntetiska berättelser, {rounds} omgångar (vår N, ren N, vår 2N), "
        f"belastning före/efter (1 min): {load[0]:.1f} / {load[1]:.1f} på {os.cpu_count()} kärnor.\n"
        f"Vår = hela make build (generera, ProperDocs med våra insticksprogram och krokar, rensning och "
        f"sökindex); ren = ProperDocs ensam på samma genererade Markdown (samma tema, meny, tillägg och "
        f"sökning, utan våra krokar och makron); bar = Material ensam med sin sökning på samma Markdown som "
        f"den ligger i repot (docs/, stories/, strategies/), utan generatorn.\n"
    )
    print(
        "| bygge | sidor | sekunder (median) | min–max | CPU-sekunder (median) | topp-MB | bytes/berättelsesida "
        "| index gzip/avsnitt |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, times in runs.items():
        seconds = [t[0] for t in times]
        row = sizes[label]
        print(
            f"| {label} | {row['pages']} | {statistics.median(seconds):.2f} | {min(seconds):.1f}–{max(seconds):.1f} | "
            f"{statistics.median(t[1] for t in times):.2f} | {max(t[2] for t in times) / 1024:.0f} | "
            f"{row['story_html_bytes']:.0f} | {row['index_gzip_per_page']:.0f} |"
        )
    story_bytes = sizes["vår 2N"]["story_html_bytes"] / max(1, sizes["vår N"]["story_html_bytes"])
    print("\n| kvot | median av omgångarnas kvoter | per omgång | samma i CPU-tid (median) | mål |")
    print("| --- | ---: | --- | ---: | --- |")
    for name, numerators, denominators, goal in (
        ("vår/ren (N)", ours, plain, "<= 1,15"),
        ("vår/bar (N)", ours, bare, "<= 1,5"),
        ("tid(2N)/tid(N)", double, ours, "<= 2,1"),
    ):
        wall, cpu = pair_ratios(numerators, denominators), pair_ratios(numerators, denominators, column=1)
        print(
            f"| {name} | {statistics.median(wall):.2f} | {', '.join(f'{r:.2f}' for r in wall)} | "
            f"{statistics.median(cpu):.2f} | {goal} |"
        )
    print(f"| berättelsesida 2N/N (bytes) | {story_bytes:.3f} | | | 1,00: oberoende av N |")


ASSET_REF = re.compile(
    r"<(?:script|img)\b[^>]*?\bsrc=\"([^\"]+)\"|<link\b[^>]*?\brel=\"(?:stylesheet|icon|preload|modulepreload)\"[^>]*?\bhref=\"([^\"]+)\""
)


def first_visit_bytes(site: Path, page: Path, compressed: bool = False) -> int:
    """The page's HTML plus the files it lists itself (scripts, stylesheets, images, icon), each once;
    what a first visit downloads when the reader never searches (no search index). `compressed`: as
    gzip, as a web server sends them (scripts/precompress.py)."""
    size = (lambda path: len(gzip.compress(path.read_bytes()))) if compressed else (lambda path: path.stat().st_size)
    html = page.read_text(encoding="utf-8")
    total, seen = size(page), set()
    for match in ASSET_REF.finditer(html):
        ref = (match.group(1) or match.group(2)).split("#")[0].split("?")[0]
        if not ref or "://" in ref or ref.startswith(("data:", "//")):
            continue
        target = (site / ref.lstrip("/")) if ref.startswith("/") else (page.parent / ref)
        target = target.resolve()
        if target not in seen and target.is_file():
            seen.add(target)
            total += size(target)
    return total


def key_pages(site: Path) -> dict:
    """Label -> built page: the pages a reader meets first, and the biggest ones."""
    pages = sorted(site.rglob("index.html"))
    biggest = lambda found: max(found, key=lambda p: p.stat().st_size) if found else None  # noqa: E731
    stories = sorted((site / "berattelser").glob("*/index.html"))
    story = next((p for p in stories if p.parent.name.startswith("syntetisk-")), stories[0] if stories else None)
    chosen = {
        "startsidan": site / "index.html",
        "kartan": site / "kartor" / "karta" / "index.html",
        "största strategisidan": biggest(list((site / "strategier").glob("*/index.html"))),
        "en berättelse": story,
        "berättelser (index)": site / "berattelser" / "index.html",
        "största ämnessidan": biggest([p for p in (site / "amnen").rglob("index.html")]),
        "största sidan": biggest(pages),
    }
    return {label: page for label, page in chosen.items() if page is not None and page.is_file()}


def print_page_sizes(n: int, site: Path) -> None:
    raw, packed, _ = search_index_size(site)
    print(
        f"Sidstorlek, N = {n} syntetiska berättelser ({len(list(site.rglob('index.html')))} sidor; "
        f"sökindexets filer {raw / 1000:.0f} kB, gzip {packed / 1000:.0f} kB, varav en sökning hämtar några):\n"
    )
    print("| sida | adress | HTML kB | första besöket utan sökning kB | samma gzip kB |")
    print("| --- | --- | ---: | ---: | ---: |")
    for label, page in key_pages(site).items():
        address = "/" + page.parent.relative_to(site).as_posix().strip(".") + "/"
        print(
            f"| {label} | {address.replace('//', '/')} | {page.stat().st_size / 1000:.1f} | "
            f"{first_visit_bytes(site, page) / 1000:.1f} | {first_visit_bytes(site, page, True) / 1000:.1f} |"
        )
    print()


def page_sizes(n: int) -> None:
    """Build the synthetic corpus of N stories once and print the key pages' sizes."""
    with tempfile.TemporaryDirectory(prefix="kb-sidor-") as tmp:
        project = make_corpus(Path(tmp), n)
        wall, _, _ = build_once("ours", project)
        print(f"(bygget tog {wall:.0f} s)", file=sys.stderr)
        print_page_sizes(n, project / "site-ours")


# --- The first search on a phone, cold: ours against Pagefind on the same built site ----------------

# A mid-range phone as Lighthouse's mobile preset: CPU 4x slower, 150 ms round trip, 1.6 Mbit/s down.
PHONE_CPU = 4
PHONE_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
COLD_QUERIES = ("utskrivning", "hemgång", "samordnad individuell plan", "SKR", "vårdcentralen")


def cold_page() -> str:
    """A reader on a story reaches for search: the repository's own first story (its key page)."""
    return repository_key_pages(load_catalog(ROOT))["berattelse"]


PAGEFIND_UI = """async () => {
  const box = document.createElement("div");
  box.id = "pagefind-matning";
  document.body.prepend(box);
  new PagefindUI({ element: "#pagefind-matning", showSubResults: true, showImages: false });
}"""


def with_pagefind(site: Path) -> Path:
    """A copy of `site` with Pagefind's index and UI (pagefind_bin), as Pagefind indexes a built site
    (Swedish stemming from <html lang="sv">)."""
    target = site.with_name(site.name + "-pagefind")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(site, target)
    out = subprocess.run(
        [sys.executable, "-m", "pagefind_bin", "--site", str(target), "--silent"], capture_output=True, text=True
    )
    if out.returncode != 0:
        sys.exit("Pagefind gick inte att köra (pip install -r requirements-test.txt):\n" + out.stderr[-2000:])
    return target


def cold_search_once(browser, url: str, query: str, engine: str) -> tuple[float, int]:
    """Seconds from reaching for search to the first result on screen, and the bytes transferred in that
    time (as sent: compressed), in a fresh context (cold cache) on a throttled phone."""
    context = browser.new_context(
        locale="sv-SE", viewport={"width": 390, "height": 844}, bypass_csp=engine == "pagefind"
    )
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU})
    page.goto(url + cold_page(), wait_until="networkidle")
    if engine == "pagefind":  # Pagefind's UI on the page, as if the theme carried it; its index comes on search
        page.add_style_tag(url=url + "pagefind/pagefind-ui.css")
        page.add_script_tag(url=url + "pagefind/pagefind-ui.js")
        page.evaluate(PAGEFIND_UI)
        page.wait_for_load_state("networkidle")
    sizes: list[int] = []
    page.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
    start = time.perf_counter()
    if engine == "pagefind":
        page.fill(".pagefind-ui__search-input", query)
        page.wait_for_selector(".pagefind-ui__result .pagefind-ui__result-excerpt", timeout=120_000)
    else:
        page.click("label[for=__search]")  # the magnifier: a phone shows no search field until then
        page.fill("input.md-search__input", query)
        page.press("input.md-search__input", "End")
        page.wait_for_selector(".md-search-result__item", timeout=120_000)
    seconds = time.perf_counter() - start
    page.wait_for_timeout(300)  # requests already under way when the result showed
    context.close()
    return seconds, sum(sizes)


def cold_search(sizes: list[int], runs: int, base: str | None) -> None:
    """Build N synthetic stories for each size, index the same site with Pagefind, and measure the cold
    first search of each (and of `base`, another revision of this repo, if given), interleaved."""
    from playwright.sync_api import sync_playwright
    from precompress import precompress

    with tempfile.TemporaryDirectory(prefix="kb-kallsok-") as tmp:
        old = None
        if base:
            old = Path(tmp) / "jamforelse"
            old.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", base], capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
            if (ROOT / ".cache" / "cms").is_dir():
                (old / ".cache").mkdir()
                (old / ".cache" / "cms").symlink_to((ROOT / ".cache" / "cms").resolve())
        rows = []
        for n in sizes:
            sites = {}
            project = make_corpus(Path(tmp), n)
            build_once("ours", project)
            sites["vår"] = project / "site-ours"
            sites["Pagefind 1.5"] = with_pagefind(sites["vår"])
            if old is not None:
                previous = make_corpus(Path(tmp), n, source=old)
                build_once("ours", previous, code=old)
                sites[f"före ({base})"] = previous / "site-ours"
            for site in sites.values():
                precompress(site)
            served = {label: serve(site, compressed=True) for label, site in sites.items()}
            figures: dict[str, list[tuple[float, int]]] = {label: [] for label in sites}
            try:
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(
                        executable_path="/usr/bin/chromium",
                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"],
                    )
                    for _ in range(runs):
                        for query in COLD_QUERIES:
                            for label, (url, _) in served.items():
                                engine = "pagefind" if label.startswith("Pagefind") else "material"
                                figures[label].append(cold_search_once(browser, url, query, engine))
                                seconds, size = figures[label][-1]
                                print(
                                    f"  {n}, {label}, {query!r}: {seconds:.2f} s, {size / 1024:.0f} KiB",
                                    file=sys.stderr,
                                )
                    browser.close()
            finally:
                for _, stop in served.values():
                    stop()
            for label, values in figures.items():
                rows.append(
                    (n, label, statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
                )
    print(
        f"Första sökningen, kall, på en telefon (Chromium, {PHONE_CPU}× CPU, 150 ms, 1,6 Mbit/s), median av "
        f"{len(COLD_QUERIES)} frågor × {runs} omgångar, växelvis; belastning {os.getloadavg()[0]:.1f} på {os.cpu_count()} kärnor.\n"
        "Tid från att läsaren går till sökningen till första träffen; bytes som hämtades under tiden (komprimerat).\n"
    )
    print("| berättelser | sökning | första träff (s) | hämtat (KiB) | tid / Pagefind | bytes / Pagefind |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    anchors = {n: (s, b) for n, label, s, b in rows if label.startswith("Pagefind")}
    for n, label, seconds, size in rows:
        anchor = anchors[n]
        print(
            f"| {n} | {label} | {seconds:.2f} | {size / 1024:.0f} | {seconds / anchor[0]:.2f} | {size / max(1, anchor[1]):.2f} |"
        )
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--berattelser", type=int, default=1000, help="N, antal syntetiska berättelser (standard 1000)")
    parser.add_argument(
        "--omgangar",
        type=int,
        default=5,
        help="omgångar (vår N, ren N, vår 2N); medianen av kvoterna rapporteras (standard 5)",
    )
    parser.add_argument("--bara-sok", action="store_true", help="mät bara sökningen, inte bygget")
    parser.add_argument("--utan-sok", action="store_true", help="mät bara bygget, inte sökningen")
    parser.add_argument(
        "--sidstorlek",
        action="store_true",
        help="bygg bara N berättelser en gång och skriv nyckelsidornas storlek (HTML och första besöket)",
    )
    parser.add_argument(
        "--kall-sokning",
        metavar="STORLEKAR",
        help="mät bara första sökningen (kall, telefon) mot Pagefind vid dessa antal berättelser, "
        "till exempel 0,1000,3000 (make bench gör det)",
    )
    parser.add_argument(
        "--redigering",
        metavar="STORLEKAR",
        help="mät bara redigeringen i make serve (sparad berättelse till ny text på sidan, mot motorn ensam) vid "
        "dessa antal berättelser, till exempel 0,1000 (make bench gör det)",
    )
    parser.add_argument("--sparningar", type=int, default=4, help="med --redigering: sparningar per storlek (4)")
    parser.add_argument(
        "--jamfor-med", metavar="REVISION", help="med --kall-sokning: mät också en annan revision, till exempel main"
    )
    args = parser.parse_args(argv)
    if args.redigering is not None:
        from bench_edit_loop import edit_loop

        edit_loop([int(s) for s in args.redigering.split(",") if s.strip()], args.sparningar)
        return 0
    if args.kall_sokning is not None:
        sizes = [int(s) for s in args.kall_sokning.split(",") if s.strip()]
        cold_search(sizes, max(1, args.omgangar // 5 or 1), args.jamfor_med)
        return 0
    if args.sidstorlek:
        page_sizes(args.berattelser)
        return 0
    if not args.utan_sok:
        print_search(search_figures(args.omgangar))
    if args.bara_sok:
        return 0
    n = args.berattelser
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        corpus_n = make_corpus(Path(tmp), n, plain=True)
        builds = {
            "vår N": ("ours", corpus_n),
            "ren N": ("plain", corpus_n),
            "bar N": ("bare", corpus_n),
            "vår 2N": ("ours", make_corpus(Path(tmp), 2 * n)),
        }
        before = os.getloadavg()[0]
        runs = interleaved(builds, args.omgangar)
        after = os.getloadavg()[0]
        sizes = {label: site_figures(mode, project) for label, (mode, project) in builds.items()}
    print_builds(n, args.omgangar, runs, sizes, (before, after))
    return 0


if __name__ == "__main__":
    sys.exit(main())
