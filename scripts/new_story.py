"""Skapa en ny berättelse: stories/<namn>.md med alla fält och rubriker, redo att skriva i.

Utan flaggor frågar skriptet efter titel, beskrivning, personas, strategier, strategigrupper,
kommuner, slag och författare, och visar de giltiga valen med nummer. Med flaggor körs det
utan frågor, till exempel:

  .venv/bin/python scripts/new_story.py --titel "Trygg hemgång" --beskrivning "Invånaren kommer hem." \\
      --slag illustrativ --kommun <kommunens id> --strategi <strategins id> --forfattare "Kommunikatör, <kommunen>"

Saknas ett obligatoriskt fält frågar skriptet efter det när det körs i en terminal; annars listar det
alla fält som saknas. En befintlig fil skrivs aldrig över. Den nya filen kontrolleras direkt och skriptet visar nästa steg.
"""

import argparse
import datetime
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

VENV_HINT = (
    "Kör make new-story, eller .venv/bin/python scripts/new_story.py (make new-story installerar det som behövs)."
)
try:
    from macros.content import scaffold
    from macros.content.catalog import load_catalog
    from macros.model.names import slugify
    from macros.model.problems import errors, report
    from macros.model.schema import STORY
    from macros.model.settings import from_environment
    from macros.views import story_choices
    from macros.views.listings import FILTERS
except ModuleNotFoundError as missing:  # run with a Python outside the project's virtualenv, e.g. plain python3
    if (missing.name or "").partition(".")[0] == "macros":  # the project's own package is installed in .venv only
        sys.exit(f"fel: projektets kod (paketet macros) är inte installerad i {sys.executable}. {VENV_HINT}")
    sys.exit(f"fel: Python-paketet '{missing.name}' saknas i {sys.executable}. {VENV_HINT}")

SWEDISH = {  # argparse's own texts (gettext domain "argparse"), so that --help and its errors are Swedish
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "flaggan %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "okända flaggor: %s",
    "the following arguments are required: %s": "de här flaggorna krävs: %s",
    "expected one argument": "ett värde krävs efter flaggan",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s": "flaggan %(option)s är tvetydig: den kan vara %(matches)s",
    "ignored explicit argument %r": "flaggan tar inget värde: %r",
}


class SwedishParser(argparse.ArgumentParser):
    """An ArgumentParser whose own texts are Swedish; argparse looks them up through argparse._ when used."""

    def _swedish(self, method, *args, **kwargs):
        english = argparse._
        argparse._ = lambda text: SWEDISH.get(text, english(text))
        try:
            return method(*args, **kwargs)
        finally:
            argparse._ = english

    def __init__(self, *args, **kwargs):
        self._swedish(super().__init__, *args, **kwargs)

    def parse_args(self, *args, **kwargs):
        return self._swedish(super().parse_args, *args, **kwargs)

    def parse_known_args(self, *args, **kwargs):
        return self._swedish(super().parse_known_args, *args, **kwargs)

    def format_usage(self):
        return self._swedish(super().format_usage)

    def format_help(self):
        return self._swedish(super().format_help)

    def error(self, message):
        return self._swedish(super().error, message)


def iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' är inget datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2026-11-23."
        ) from None


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
            raise ValueError(
                f"'{word}' är inget av valen för '{field.name}'. Skriv ett nummer mellan 1 och {len(keys)}."
            )
        if key is None:
            valid = ", ".join(f"{k} ({x})" for k, x in options.items()) or "(inga ännu)"
            raise ValueError(f"'{word}' är inget giltigt värde för '{field.name}'. Giltiga värden: {valid}.")
        picked.append(key)
    if len(picked) > 1 and not scaffold.is_list(field):
        raise ValueError(f"'{field.name}' tar bara ett värde, men du angav {len(picked)}. Välj ett nummer.")
    return list(dict.fromkeys(picked))


def check_title(title: str, root: Path, catalog) -> str:
    """The new file's repository path, or ValueError if the title gives no name or the name is taken."""
    slug = slugify(title)
    if slug == "namnlos" and slug not in title.lower():
        raise ValueError(f"Titeln '{title}' behöver innehålla bokstäver eller siffror.")
    rel = f"{STORY.folder}/{slug}.md"
    if (root / rel).exists():
        raise ValueError(
            f"{rel} finns redan och skrivs inte över. Välj en annan titel eller öppna den befintliga filen."
        )
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


def from_flags(args, catalog, missing_allowed: bool = False) -> tuple[dict, list]:
    """The answers given as flags and the required fields left out; ValueError naming every flag that is
    wrong, and every one that is missing unless missing_allowed (then the caller asks for them)."""
    values, problems, missing = {}, [], []
    for field in FIELDS:
        given, options = getattr(args, flag(field)), story_choices.choices(field, catalog)
        if not given:
            if field.required:
                missing.append(field)
                if not missing_allowed:
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
        if missing and not missing_allowed:
            problems.append("Ange flaggorna som saknas, eller kör skriptet i en terminal så frågar det efter dem.")
        raise ValueError("\n".join(problems))
    return values, missing


def parser() -> argparse.ArgumentParser:
    result = SwedishParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for field in FIELDS:
        values = f" Värden: {', '.join(field.vocabulary)}." if field.vocabulary else ""
        ids = " Id från bidragsguiden." if field.ref_types else ""
        repeat = " Kan upprepas." if scaffold.is_list(field) else ""
        result.add_argument(
            f"--{flag(field)}",
            action="append" if scaffold.is_list(field) else "store",
            help=field.description + values + ids + repeat,
        )
    result.add_argument("--ansvarig", help="Vem som äger innehållet (standard: organisationen i --forfattare).")
    result.add_argument(
        "--rot", type=Path, default=ROOT, help="Repots rotmapp (standard: repot som skriptet ligger i)."
    )
    result.add_argument("--idag", type=iso_date, help="Dagens datum, ÅÅÅÅ-MM-DD (för tester).")
    return result


def next_steps(rel: str, slug: str) -> str:
    return "\n".join(
        [
            "",
            "Nästa steg:",
            f"  1. Öppna {rel} och skriv berättelsen under rubrikerna. Tipsen mellan <!-- och --> tar du bort.",
            f"  2. Förhandsgranska: kör make serve och öppna http://127.0.0.1:8000/{STORY.url_prefix}/{slug}/",
            "  3. Kontrollera igen med make validate när du har skrivit klart.",
            "  4. Lämna in berättelsen som en pull request på GitHub. En kommunikatör granskar och publicerar.",
            "Hela guiden: Bidra med en berättelse (docs/bidra/index.md, på webbplatsen under Bidra).",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        today = args.idag or from_environment(os.environ).day()  # KB_TODAY, as the build reads it
    except ValueError as error:
        print(f"fel: {error}", file=sys.stderr)
        return 1
    root = args.rot.resolve()
    catalog = load_catalog(root, today)

    def ask_for(fields) -> dict:
        return {
            f.name: ask(
                f,
                story_choices.choices(f, catalog),
                (lambda title: check_title(title, root, catalog)) if f.name == "titel" else None,
            )
            for f in fields
        }

    try:
        if any(getattr(args, flag(field)) for field in FIELDS):
            values, missing = from_flags(args, catalog, missing_allowed=sys.stdin.isatty())
            if "titel" in values:
                check_title(values["titel"], root, catalog)
            if missing:
                print("Några obligatoriska fält saknas bland flaggorna. Svara på frågorna; avbryt med Ctrl+C.")
                values |= ask_for(missing)
        else:
            print("Ny berättelse. Svara på frågorna; avbryt med Ctrl+C.")
            values = ask_for(FIELDS)
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
