"""Kontrollera innehållet: front matter, fält, hänvisningar, personuppgifter och datum.

Skriver alla problem på en gång, ett per rad som sökväg:rad: meddelande.
Avslutas med 1 om något fel hittades, annars 0 (varningar stoppar inte).
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import sanitize_report, workflow  # noqa: E402
from macros.catalog import load_catalog  # noqa: E402
from macros.problems import errors, report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="filer att rapportera om (standard: allt innehåll)")
    parser.add_argument("--root", type=Path, default=ROOT, help="repots rotmapp")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        today = workflow.today()  # KB_TODAY, as the build reads it
    except ValueError as error:
        print(f"fel: {error}", file=sys.stderr)
        return 1
    paths = None
    if args.paths:
        paths = []
        for given in args.paths:
            path = Path(given).resolve()
            if not path.is_file():
                print(f"{given}: fel: filen finns inte.", file=sys.stderr)
                return 1
            paths.append(path.relative_to(root).as_posix())
    catalog = load_catalog(root, today, paths=paths)
    for item in catalog.items.values():
        if paths is None or item.rel_path in paths:
            raw = (root / item.rel_path).read_text(encoding="utf-8", errors="replace")
            catalog.problems.extend(sanitize_report.problems_for(item, raw))
    catalog.problems.sort()
    print(report(catalog.problems))
    return 1 if errors(catalog.problems) else 0


if __name__ == "__main__":
    sys.exit(main())
