"""Skriv förkomprimerade .gz-filer bredvid webbplatsens textfiler (HTML, CSS, JavaScript, JSON, SVG).

En webbserver som nginx (gzip_static) eller Apache skickar då den komprimerade filen direkt, utan att
komprimera vid varje anrop. Originalfilerna ligger kvar för klienter som inte tar emot gzip.
Exempel: python scripts/precompress.py site
"""

import argparse
import gzip
import sys
from pathlib import Path

SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}
MIN_BYTES = 1024  # below this the header costs more than compression saves


def precompress(site: Path) -> tuple[int, int, int]:
    """Write file.gz beside every text file worth compressing; returns (files, bytes before, bytes after)."""
    files = before = after = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in SUFFIXES or not path.is_file() or path.stat().st_size < MIN_BYTES:
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)  # mtime 0: the same site gives the same bytes
        path.with_name(path.name + ".gz").write_bytes(packed)
        files, before, after = files + 1, before + len(data), after + len(packed)
    return files, before, after


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("webbplats", type=Path, help="mappen med den byggda webbplatsen, till exempel site")
    args = parser.parse_args(argv)
    if not args.webbplats.is_dir():
        print(f"Mappen {args.webbplats} finns inte. Bygg webbplatsen först med make build.", file=sys.stderr)
        return 1
    files, before, after = precompress(args.webbplats)
    print(f"{files} filer komprimerade: {before / 1024:.0f} KiB blev {after / 1024:.0f} KiB.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
