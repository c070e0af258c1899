"""Sök i kunskapsbanken från kommandoraden, med samma sökning och samma ordning som webbplatsen.

Bra innan du skriver en ny berättelse: finns det redan en som handlar om samma sak?
Exempel: python scripts/search.py "trygg hemgång"
Skriptet bygger webbplatsen i en tillfällig mapp (några sekunder) och söker i dess sökindex,
precis som sökrutan gör. Med --webbplats söker det i en redan byggd webbplats i stället.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from macros.adapters.offline_search import BrowserSearch
from macros.adapters.properdocs import build
from macros.content.catalog import load_catalog
from macros.model.settings import Settings, from_environment
from macros.views.markdown import display_title

ROOT = Path(__file__).resolve().parent.parent


def build_site(root: Path, site_dir: Path, settings: Settings) -> None:
    result = build(root, site_dir, strict=False, settings=settings)
    if result.returncode != 0:
        sys.exit(f"Webbplatsen gick inte att bygga, så det finns inget sökindex:\n{result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fraga", help='det du söker efter, till exempel "hemtjänst"')
    parser.add_argument("-n", "--antal", type=int, default=5, help="antal träffar att visa (standard 5)")
    parser.add_argument("--rot", type=Path, default=ROOT, help="repots rotmapp")
    parser.add_argument("--webbplats", type=Path, help="en byggd webbplats (mapp med search/search_index.json)")
    args = parser.parse_args(argv)
    root = args.rot.resolve()
    settings = from_environment(os.environ)  # the one place the environment is read
    catalog = load_catalog(root, settings.day())
    by_url = {item.url: item for item in catalog.items.values()}
    with tempfile.TemporaryDirectory(prefix="kb-sok-") as tmp:
        site = args.webbplats
        if site is None:
            site = Path(tmp) / "site"
            build_site(root, site, settings)
        hits = BrowserSearch.from_site(site).search(args.fraga, args.antal)
    if not hits:
        print(f"Inga träffar för ”{args.fraga}”. Pröva ett annat ord eller en synonym.")
        return 0
    for rank, hit in enumerate(hits, start=1):
        item = by_url.get(hit.location)
        where = f"[{item.type.name}]  {item.rel_path}" if item else "[genererad sida]"
        print(f"{rank}. {display_title(item) if item else hit.title}  {where}  (/{hit.location})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
