"""Skapa en ny berättelse: stories/<namn>.md med alla fält och rubriker, redo att skriva i.

Utan flaggor frågar skriptet efter titel, beskrivning, personas, strategier, strategigrupper,
kommuner, slag och författare, och visar de giltiga valen med nummer. Med flaggor körs det
utan frågor, till exempel:

  python scripts/new_story.py --titel "Trygg hemgång" --slag illustrativ --kommun vetlanda \\
      --strategi k2 --forfattare "Kommunikatör, Vetlanda kommun"

En befintlig fil skrivs aldrig över. Den nya filen kontrolleras direkt och skriptet visar nästa steg.
"""

import argparse
import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import scaffold, workflow  # noqa: E402
from macros.catalog import load_catalog  # noqa: E402
from macros.listings import FILTERS  # noqa: E402
from macros.problems import errors, report  # noqa: E402
from macros.schema import STORY  # noqa: E402

FLAGS = {name: argument for argument, (name, _) in FILTERS.items()}  # strategier -> --strategi, as in lista()
FIELDS = [STORY.field(name) for name in scaffold.ASKED]


def flag(field) -> str:
    return FLAGS.get(field.name, field.name)


def pick(words, field, options: dict, numbered: bool = False) -> list:
    """Numbers or ids (or labels), any case -> ids; ValueError with a Swedish message naming the value."""
    keys, by_name = list(options), {k.lower(): k for k in options} | {x.lower(): k for k, x in options.items()}
    picked = []
    for word in words:
        key = keys[int(word) - 1] if word.isdigit() and 1 <= int(word) <= len(keys) else by_name.get(word.lower())
        if key is None and numbered:
            raise ValueError(f"'{word}' är inget av valen för '{field.name}'. Skriv ett nummer mellan 1 och {len(keys)}.")
        if key is None:
            valid = ", ".join(f"{k} ({x})" for k, x in options.items()) or "(inga ännu)"
            raise ValueError(f"'{word}' är inget giltigt värde för '{field.name}'. Giltiga värden: {valid}.")
        picked.append(key)
    if len(picked) > 1 and not scaffold.is_list(field):
        raise ValueError(f"'{field.name}' tar bara ett värde, men du angav {len(picked)}. Välj ett nummer.")
    return list(dict.fromkeys(picked))


def check_title(title: str, root: Path, catalog) -> str:
    """The new file's repository path, or ValueError if the title gives no name or the name is taken."""
    slug = workflow.slugify(title)
    if slug == "namnlos" and slug not in title.lower():
        raise ValueError(f"Titeln '{title}' behöver innehålla bokstäver eller siffror.")
    rel = f"{STORY.folder}/{slug}.md"
    if (root / rel).exists():
        raise ValueError(f"{rel} finns redan och skrivs inte över. Välj en annan titel eller öppna den befintliga filen.")
    if slug in catalog.items:
        raise ValueError(f"Namnet '{slug}' används redan av {catalog.items[slug].rel_path}. Välj en annan titel.")
    return rel


def ask(field, options, check=None):
    """Ask until the answer is valid; Enter skips an optional field. options None: free text."""
    many = scaffold.is_list(field)
    example = f" Till exempel: {field.example}." if isinstance(field.example, str) and options is None else ""
    print(f"\n{field.name}: {field.description}{example}")
    if options == {}:
        print("  Det finns inget att välja ännu, så fältet lämnas tomt.")
        return []
    for number, (key, label) in enumerate((options or {}).items(), 1):
        print(f"  {number:>2}. {label} ({key})")
    how = "" if options is None else " (nummer, flera åtskilda med komma eller mellanslag)" if many else " (ett nummer)"
    while True:
        answer = input(f"{field.name}{how}{'' if field.required else ', Enter för inget'}: ").strip()
        if not answer and not field.required:
            return [] if many else ""
        try:
            if not answer:
                raise ValueError(f"'{field.name}' krävs.")
            if options is None:
                if check:
                    check(answer)
                return answer
            picked = pick(answer.replace(",", " ").split(), field, options, numbered=True)
            return picked if many else picked[0]
        except ValueError as problem:
            print(f"  Ogiltigt svar: {problem} Försök igen.")


def from_flags(args, catalog) -> dict:
    """The answers given as flags; ValueError naming every flag that is missing or wrong."""
    values, problems = {}, []
    for field in FIELDS:
        given, options = getattr(args, flag(field)), scaffold.choices(field, catalog)
        if not given:
            if field.required:
                problems.append(f"--{flag(field)} saknas: {field.description}")
            continue
        if options is None:
            values[field.name] = given
            continue
        try:
            words = [w.strip() for value in (given if isinstance(given, list) else [given]) for w in value.split(",")]
            picked = pick([w for w in words if w], field, options)
            values[field.name] = picked if scaffold.is_list(field) else picked[0]
        except ValueError as problem:
            problems.append(f"--{flag(field)}: {problem}")
    if problems:
        raise ValueError("\n".join(problems))
    return values


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for field in FIELDS:
        values = f" Värden: {', '.join(field.vocabulary)}." if field.vocabulary else ""
        ids = " Id från bidragsguiden." if field.ref_types else ""
        repeat = " Kan upprepas." if scaffold.is_list(field) else ""
        result.add_argument(f"--{flag(field)}", action="append" if scaffold.is_list(field) else "store",
                            help=field.description + values + ids + repeat)
    result.add_argument("--ansvarig", help="Vem som äger innehållet (standard: organisationen i --forfattare).")
    result.add_argument("--root", type=Path, default=ROOT, help="repots rotmapp")
    result.add_argument("--idag", type=datetime.date.fromisoformat, help="dagens datum, ÅÅÅÅ-MM-DD (för tester)")
    return result


def next_steps(rel: str, slug: str) -> str:
    return "\n".join([
        "", "Nästa steg:",
        f"  1. Öppna {rel} och skriv berättelsen under rubrikerna. Tipsen mellan <!-- och --> tar du bort.",
        f"  2. Förhandsgranska: kör make serve och öppna http://127.0.0.1:8000/{STORY.url_prefix}/{slug}/",
        "  3. Kontrollera igen med make validate när du har skrivit klart.",
        "  4. Lämna in berättelsen som en pull request på GitHub. En kommunikatör granskar och publicerar.",
        "Hela guiden: Bidra med en berättelse (docs/bidra/index.md, på webbplatsen under Bidra).",
    ])


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    root, today = args.root.resolve(), args.idag or workflow.today()
    catalog = load_catalog(root, today)
    try:
        if any(getattr(args, flag(field)) for field in FIELDS):
            values = from_flags(args, catalog)
            rel = check_title(values["titel"], root, catalog)
        else:
            print("Ny berättelse. Svara på frågorna; avbryt med Ctrl+C.")
            values = {f.name: ask(f, scaffold.choices(f, catalog),
                                  (lambda title: check_title(title, root, catalog)) if f.name == "titel" else None)
                      for f in FIELDS}
            rel = check_title(values["titel"], root, catalog)
    except ValueError as problem:
        print("\n".join(f"fel: {line}" for line in str(problem).splitlines()), file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nAvbrutet innan alla frågor var besvarade. Ingen fil skrevs.", file=sys.stderr)
        return 1
    values["ansvarig"] = args.ansvarig
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    with open(root / rel, "x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(scaffold.story_text(values, today))
    print(f"\nSkrev {rel}.\nKontroll av den nya filen:")
    problems = load_catalog(root, today, paths=[rel]).problems
    print(report(problems))
    print(next_steps(rel, Path(rel).stem))
    return 1 if errors(problems) else 0


if __name__ == "__main__":
    sys.exit(main())
