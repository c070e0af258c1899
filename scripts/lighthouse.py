"""Mät webbplatsens viktigaste sidor med Lighthouse (mobil), serverade komprimerade som av en riktig webbserver.

Bygger webbplatsen strikt, skriver .gz-filer (scripts/precompress.py), visar den på 127.0.0.1 och
kör Lighthouse (versionen i npm/lighthouse/package.json, som Node 20 kan köra) mot Chromium. Skriver
poängen för prestanda, tillgänglighet, bästa praxis och SEO per sida. Siffrorna påstår inget i
testerna: de är till för granskare och för att jämföra före och efter en ändring.
Exempel: python scripts/lighthouse.py --lighthouse .cache/lighthouse/node_modules/.bin/lighthouse
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from engine import build, serve  # scripts/engine.py, beside this script
from precompress import precompress

from macros.content.catalog import load_catalog
from macros.model.settings import from_environment
from macros.views.github_preview import key_pages

ROOT = Path(__file__).resolve().parent.parent

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("startsida", "strategi", "berattelse", "karta", "introduktion", "indikator")  # of the key pages


def run_lighthouse(binary: str, url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    subprocess.run(
        [
            binary,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--form-factor=mobile",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env=env,
        check=True,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = [
        a["id"]
        for a in report["audits"].values()
        if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") in ("binary", "numeric")
    ]
    scores["bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
    scores["failing"] = failing
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--lighthouse", default="lighthouse", help="sökväg till lighthouse (standard: lighthouse i PATH)"
    )
    parser.add_argument("--rapporter", type=Path, help="mapp där hela JSON-rapporterna sparas")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        result = build(ROOT, site)
        if result.returncode != 0:
            print("Webbplatsen gick inte att bygga:\n" + result.stdout + result.stderr, file=sys.stderr)
            return 1
        precompress(site)
        url, shutdown = serve(site, compressed=True)
        reports = args.rapporter or Path(tmp)
        reports.mkdir(parents=True, exist_ok=True)
        try:
            print("| sida | prestanda | tillgänglighet | bästa praxis | SEO | KiB | under 90 |")
            print("| --- | --- | --- | --- | --- | --- | --- |")
            pages = key_pages(load_catalog(ROOT, from_environment(os.environ).day()))
            for name, path in ((name, pages[name]) for name in PAGES if name in pages):
                s = run_lighthouse(args.lighthouse, url + path, reports / f"{name}.json")
                print(
                    f"| {name} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} | "
                    f"{s['bytes'] / 1024:.0f} | {', '.join(s['failing']) or '–'} |",
                    flush=True,
                )
        finally:
            shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
