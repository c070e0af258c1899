"""Sök i kunskapsbanken från kommandoraden, med samma svenska sökning som webbplatsen.

Bra innan du skriver en ny berättelse: finns det redan en som handlar om samma sak?
Exempel: python scripts/search.py "trygg hemgång"
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.catalog import load_catalog  # noqa: E402
from macros.offline_search import build_index, search  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fraga", help="det du söker efter, till exempel \"utskrivningsklara\"")
    parser.add_argument("-n", "--antal", type=int, default=5, help="antal träffar att visa (standard 5)")
    parser.add_argument("--root", type=Path, default=ROOT, help="repots rotmapp")
    args = parser.parse_args(argv)
    catalog = load_catalog(args.root.resolve())
    hits = search(build_index(catalog), catalog, args.fraga, args.antal)
    if not hits:
        print(f"Inga träffar för ”{args.fraga}”. Pröva ett annat ord eller en synonym.")
        return 0
    for rank, (item, score) in enumerate(hits, start=1):
        print(f"{rank}. {item.title}  [{item.type.name}]  {item.rel_path}  (/{item.url})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
