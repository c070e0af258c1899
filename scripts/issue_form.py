"""Skriv GitHub-formuläret Föreslå en berättelse (.github/ISSUE_TEMPLATE/berattelse.yml) från innehållsmodellen.

Formulärets frågor är berättelsens fält, med namn, beskrivning, exempel och tillåtna värden ur
macros/model/schema.py och macros/model/vocabularies.py. Kör skriptet efter en ändring i modellen; med --kontrollera
skriver det ingenting och avslutas med 1 om filen i repot inte är den som modellen ger.
"""

import argparse
import sys
from pathlib import Path

from macros.views.github_issue_form import FILE, form_yaml

ROOT = Path(__file__).resolve().parent.parent

FORM_FILE = Path(FILE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rot", type=Path, default=ROOT, help="repots rotmapp")
    parser.add_argument("--kontrollera", action="store_true", help="skriv inget, avsluta med 1 om filen är inaktuell")
    args = parser.parse_args(argv)
    target = args.rot / FORM_FILE
    wanted = form_yaml()
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if args.kontrollera:
        if current == wanted:
            print(f"{FORM_FILE.as_posix()} stämmer med innehållsmodellen.")
            return 0
        print(
            f"{FORM_FILE.as_posix()}: fel: formuläret stämmer inte med innehållsmodellen. "
            f"Kör .venv/bin/python scripts/issue_form.py och lägg till ändringen.",
            file=sys.stderr,
        )
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        out.write(wanted)
    print(f"{FORM_FILE.as_posix()} {'är oförändrad' if current == wanted else 'är skriven'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
