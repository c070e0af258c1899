"""Reading and checking region.yml (macros/model/region.py says what a region is).

`load_region` checks the whole file and raises one RegionError with every problem, in Swedish, at its line,
the same way content problems are reported: unknown fields with a suggestion, ids that are not a–z, 0–9 and
hyphens, a plan whose owner is not listed, colours without the contrast WCAG 2.1 AA asks for.
`repository_region()` reads the region of the repository the code runs in, once per process.
"""

import difflib
import os
import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from macros.model.names import printable, valid_slug
from macros.model.problems import Problem
from macros.model.region import (
    EXAMPLE_KEYS,
    REGION_FILE,
    REPOSITORY,
    Region,
    RegionError,
)
from macros.model.region_theme import colours_of, logo_of
from macros.model.strict_yaml import FieldPath, YamlError, parse_yaml

MAX_LABEL = 200
MAX_BYTES = 200_000  # a region.yml this large is a mistake (a whole county fits in about 6 kB)
MARKUP = re.compile("[<>{}\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[a-zA-Z]{2,}$")


# --- reading and checking the file -----------------------------------------------------------------


class _Checker:
    def __init__(self, path: str, lines: dict[FieldPath, int]):
        self.path, self.lines, self.problems = path, lines, list[Problem]()

    def line(self, at: FieldPath) -> int:
        while at and at not in self.lines:
            at = at[:-1]
        return self.lines.get(at, 1)

    def add(self, at: FieldPath, message: str) -> None:
        self.problems.append(Problem(self.path, self.line(at), message))

    def text(self, data: Mapping[str, Any], key: str, at: FieldPath, required: bool = True) -> str:
        value = data.get(key)
        name = ".".join(str(p) for p in at + (key,))
        if value is None:
            if required:
                self.add(at, f"Fältet '{name}' saknas. Skriv det som {key}: text.")
            return ""
        if not isinstance(value, str) and not (isinstance(value, (int, float)) and not isinstance(value, bool)):
            self.add(at + (key,), f"'{name}' ska vara en text, inte {_shape(value)}. Skriv det som {key}: text.")
            return ""
        text = str(value).strip()
        self.plain(text, at + (key,), name)
        if required and not text:
            self.add(at + (key,), f"'{name}' är tomt. Skriv en text efter {key}:.")
        if len(text) > MAX_LABEL * 2:
            self.add(at + (key,), f"'{name}' är {len(text)} tecken. Korta det till högst {MAX_LABEL * 2}.")
        return text

    def plain(self, text: str, at: FieldPath, name: str) -> None:
        """The region's texts are printed in every page's head and footer by the theme, which does not escape
        them all: no markup, no template code, no control characters."""
        found = MARKUP.search(text)
        if found:
            shown = printable(found.group())
            self.add(at, f"'{name}' innehåller tecknet '{shown}', som inte får stå i regionens texter. Ta bort det.")

    def mapping(self, value: object, at: FieldPath, form: str) -> Mapping[str, Any]:
        if isinstance(value, Mapping):
            return value
        name = ".".join(str(p) for p in at)
        self.add(at, f"'{name}' ska vara {form}, inte {_shape(value)}.")
        return {}

    def known_keys(self, data: Mapping[str, Any], allowed: Mapping[str, object], at: FieldPath) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), list(allowed), n=1, cutoff=0.6)
                hint = f" Menade du '{close[0]}'?" if close else ""
                where = f" i '{'.'.join(str(p) for p in at)}'" if at else ""
                self.add(at + (key,), f"Okänt fält '{key}'{where}.{hint} Fälten är: {', '.join(allowed)}.")

    def id_list(
        self, data: Mapping[str, Any], key: str, record: Callable[..., dict[str, str]] | None = None
    ) -> dict[str, Any]:
        """An allow-list `id: label` (or `id: {…}` with `record`), checked id by id."""
        at: FieldPath = (key,)
        if key not in data:
            self.add((), f"Fältet '{key}' saknas: {SECTIONS[key]}. Skriv det som {key}: och ett id: etikett per rad.")
            return {}
        entries = self.mapping(data.get(key), at, "en lista med id: etikett, en per rad")
        if key in data and not entries and isinstance(data.get(key), Mapping):
            self.add(at, f"'{key}' är tom. Skriv minst ett värde, id: etikett.")
        out: dict[str, Any] = {}
        for ident, value in entries.items():
            if not isinstance(ident, str) or not valid_slug(ident):
                self.add(
                    at + (ident,),
                    f"Id '{ident}' i '{key}' går inte att använda. Skriv id med små bokstäver a–z, siffror och "
                    "bindestreck, till exempel hela-lanet.",
                )
                continue
            if record is not None:
                out[ident] = record(self.mapping(value, at + (ident,), "fält med namn och värde"), at + (ident,))
            else:
                out[ident] = self.text({ident: value}, ident, at)
        return out


def _shape(value: object) -> str:
    if isinstance(value, Mapping):
        return "fält med namn och värde"
    if isinstance(value, list):
        return "en lista"
    if value is None:
        return "tomt"
    return f"'{value}'"


SECTIONS = {
    "namn": "regionens namn",
    "lan": "länets namn",
    "webbplats": "webbplatsens namn, beskrivning och adresser",
    "farger": "temats färger",
    "kommuner": "regionens kommuner",
    "strategigrupper": "strategigrupperna",
    "planagare": "vem som äger en plan",
    "planer": "de styrande planerna",
    "principsamlingar": "uppsättningarna av principer",
    "roller": "rollerna för introduktionsspåren",
    "amnesord": "ämnesorden",
    "kalldokument": "källdokumenten",
    "exempel": "exempel som visas för den som skriver",
}
SITE_KEYS = {
    "namn": True,
    "beskrivning": True,
    "upphovsratt": False,
    "kallkod": False,
    "synpunkter_epost": False,
    "sokexempel": False,
    "logotyp": False,
}


def check_region(
    data: object, lines: dict[FieldPath, int], path: str, root: Path | None = None
) -> tuple[Region | None, list[Problem]]:
    """The region a parsed region.yml describes, and every problem with it; `root` is the repository the
    file is in, where its logo must be."""
    check = _Checker(path, lines)
    if not isinstance(data, Mapping):
        check.add((), "Filen ska bestå av fält med namn och värde (namn: …, kommuner: …), inte " + _shape(data) + ".")
        return None, check.problems
    check.known_keys(data, SECTIONS, ())
    site = check.mapping(data.get("webbplats", {}), ("webbplats",), "fält med namn och värde")
    check.known_keys(site, SITE_KEYS, ("webbplats",))
    site_text = {key: check.text(site, key, ("webbplats",), required) for key, required in SITE_KEYS.items()}
    if site_text["kallkod"] and not site_text["kallkod"].startswith("https://"):
        check.add(("webbplats", "kallkod"), "'webbplats.kallkod' ska vara en adress som börjar med https://.")
    if site_text["synpunkter_epost"] and not EMAIL.match(site_text["synpunkter_epost"]):
        check.add(
            ("webbplats", "synpunkter_epost"),
            f"'webbplats.synpunkter_epost' är inte en e-postadress: '{site_text['synpunkter_epost']}'. "
            'Skriv till exempel tillganglighet@example.se, eller "" tills ni har en.',
        )
    owners = check.id_list(data, "planagare")

    def plan(value: Mapping[str, Any], at: FieldPath) -> dict[str, str]:
        check.known_keys(value, {"namn": 1, "agare": 1, "period": 1}, at)
        owner = check.text(value, "agare", at)
        if owner and owners and owner not in owners:
            check.add(
                at + ("agare",), f"Planens ägare '{owner}' finns inte i 'planagare'. Välj ett av: {', '.join(owners)}."
            )
        return {
            "label": check.text(value, "namn", at),
            "owner": owner,
            "period": check.text(value, "period", at, False),
        }

    def document(value: Mapping[str, Any], at: FieldPath) -> dict[str, str]:
        check.known_keys(value, {"namn": 1, "detalj": 1}, at)
        return {"label": check.text(value, "namn", at), "detail": check.text(value, "detalj", at, False)}

    lists = {
        key: check.id_list(data, key)
        for key in ("kommuner", "strategigrupper", "principsamlingar", "roller", "amnesord")
    }
    plans = check.id_list(data, "planer", plan)
    documents = check.id_list(data, "kalldokument", document)
    colours = colours_of(check, data.get("farger"))
    examples = check.mapping(data.get("exempel", {}), ("exempel",), "fält med namn och värde")
    check.known_keys(examples, EXAMPLE_KEYS, ("exempel",))
    for key, value in examples.items():
        if not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
            check.add(("exempel", key), f"Exemplet '{key}' ska vara en text eller en lista med texter.")
            continue
        for text in value if isinstance(value, list) else [value]:
            check.plain(text, ("exempel", key), f"exempel.{key}")
    region = Region(
        name=check.text(data, "namn", ()),
        county=check.text(data, "lan", ()),
        site_name=site_text["namn"],
        site_description=site_text["beskrivning"],
        copyright=site_text["upphovsratt"],
        repository=site_text["kallkod"],
        feedback_email=site_text["synpunkter_epost"],
        search_examples=site_text["sokexempel"],
        colours=colours,
        municipalities=lists["kommuner"],
        strategy_groups=lists["strategigrupper"],
        plan_owners=owners,
        plans=plans,
        principle_sets=lists["principsamlingar"],
        roles=lists["roller"],
        tags=lists["amnesord"],
        source_documents=documents,
        examples=dict(examples),
        logo=logo_of(check, site_text["logotyp"], root),
    )
    return (None if check.problems else region), check.problems


def load_region(path: Path, shown_as: str = REGION_FILE) -> Region:
    """The region in `path`, checked; a RegionError with every problem otherwise."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise RegionError(
                [
                    Problem(
                        shown_as, 1, f"{shown_as} är större än {MAX_BYTES // 1000} kB. Regionens listor ryms på mindre."
                    )
                ]
            )
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RegionError(
            [Problem(shown_as, 1, f"Filen {shown_as} saknas. Den beskriver regionen; kopiera en annan regions fil.")]
        ) from None
    except UnicodeDecodeError:
        raise RegionError([Problem(shown_as, 1, f"{shown_as} är inte sparad som UTF-8. Spara om den.")]) from None
    try:
        data, lines = parse_yaml(raw.removeprefix("\ufeff"), 0, "Regionens inställningar")
    except YamlError as error:
        raise RegionError([Problem(shown_as, error.line, error.message)]) from None
    region, problems = check_region(data, lines, shown_as, path.resolve().parent)
    if region is None:
        raise RegionError(problems)
    return region


@cache
def repository_region() -> Region:
    """The region of the repository the code runs in (its region.yml, or KB_REGION's file), read once."""
    chosen = os.environ.get("KB_REGION", "").strip()
    if chosen:
        path = Path(chosen).resolve()
        shown = path.relative_to(REPOSITORY).as_posix() if path.is_relative_to(REPOSITORY) else str(path)
        return load_region(path, shown)
    return load_region(REPOSITORY / REGION_FILE)
