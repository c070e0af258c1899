"""The region: everything that belongs to one region and its municipalities, read from region.yml.

The code is the same for every region that runs a knowledge base; what differs (names, municipalities,
plans and their owners, strategy groups, principle sets, journeys' roles, subject tags, source
documents, the repository, colours, the examples authors see) is data in the repository's region.yml,
reviewed by developers (CODEOWNERS). `load_region` checks the whole file and raises one RegionError with
every problem, in Swedish, at its line, the same way content problems are reported.

The region file is part of the repository like the schema is part of the code: `repository_region()`
reads the one next to the running code, once per process, or the file KB_REGION names (the tests' own
region, tests/fixtures/region.yml, so the code's tests pass in every region's repository). A second region
is a second repository with its own region.yml.
"""

import difflib
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from macros.model.names import valid_slug
from macros.model.problems import Problem, report
from macros.model.strict_yaml import FieldPath, YamlError, parse_yaml

REGION_FILE = "region.yml"
REPOSITORY = Path(__file__).resolve().parents[2]
TEST_REGION = "tests/fixtures/region.yml"  # the region the code's tests run on (a link to region.yml here)

# What belongs to one region in its repository: written by make ny-region, never in the code branch
# (scripts/code_branch.py), so taking a new version of the code never touches it. Everything else is the
# code, the same in every region's repository; the pages in SHARED_PAGES too (their text takes the region's
# name and examples from region.yml).
REGION_PATHS = (
    REGION_FILE,
    "docs/",
    "stories/",
    "strategies/",
    "tests/facts/",
    "tests/search_queries.yml",
    "tests/search_ranking.yml",
    ".github/ISSUE_TEMPLATE/berattelse.yml",  # written from the region's model (scripts/issue_form.py)
)
SHARED_PAGES = (
    "docs/amnen/",
    "docs/berattelser/index.md",
    "docs/bidra/",
    "docs/kartor/index.md",
    "docs/kartor/karta.md",
    "docs/kartor/matris.md",
    "docs/kartor/styrning.md",
    "docs/kartor/tackning.md",
    "docs/om/tillganglighet.md",
)


def belongs_to_region(rel_path: str) -> bool:
    """Whether a repository path is the region's own (content, configuration) rather than shared code."""
    return rel_path.startswith(REGION_PATHS) and not rel_path.startswith(SHARED_PAGES)


MAX_LABEL = 200
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[a-zA-Z]{2,}$")
MIN_CONTRAST = 4.5  # WCAG 2.1 AA, normal text

# The colours a region may set, the CSS variable each becomes, and what it must be readable against.
COLOURS = {
    "primar": ("--md-primary-fg-color", "white"),  # the header and the buttons: white text on it
    "primar_ljus": ("--md-primary-fg-color--light", ""),  # hover shades, no text of their own
    "primar_mork": ("--md-primary-fg-color--dark", "white"),
    "accent": ("--md-accent-fg-color", "on-white"),  # links under the pointer: on a white page
    "lank": ("--md-typeset-a-color", "on-white"),  # links in the text
}
DEFAULT_COLOURS = {
    "primar": "#00566b",
    "primar_ljus": "#00748f",
    "primar_mork": "#003d4d",
    "accent": "#8a2c00",
    "lank": "#005a70",
}

# The examples a region may give authors, by the field they illustrate; an example not given is the first
# value of the field's list where it has one, else the field shows none.
EXAMPLE_KEYS = {
    "titel": "en berättelses titel",
    "beskrivning": "en berättelses beskrivning",
    "ansvarig": "vem som äger en sida",
    "forfattare": 'en berättelses författare, "funktion, organisation"',
    "url": "en offentlig webbkälla",
    "avsnitt": "ett avsnitt i ett källdokument",
    "dokument": "ett källdokuments id",
    "personas": "personas som en berättelse handlar om (id)",
    "strategier": "strategier som en berättelse visar (id)",
    "principer": "principer som en berättelse visar (id)",
    "indikatorer": "indikatorer som en berättelse belyser (id)",
    "strategigrupper": "strategigrupper som en berättelse hör till (id)",
    "kommuner": "kommuner där en berättelse utspelar sig (id)",
    "overordnad": "ett styrorgan som ett annat rapporterar till (id)",
    "kod": "en strategis kod",
    "kortnamn": "en strategis kortnamn",
    "fragan": "frågan som en persona påminner om",
    "omfattning": "vad ett mätvärde gäller",
}


class RegionError(Exception):
    """Every problem in the region file at once, as the validator prints content problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__(report(problems))
        self.problems = problems


@dataclass(frozen=True)
class Region:
    name: str  # "Region <namn>"
    county: str  # "<namn> län": in running text, "i <namn> län"
    site_name: str
    site_description: str
    copyright: str
    repository: str  # the repository's address on GitHub ("" when not given)
    feedback_email: str  # where readers report accessibility shortcomings ("" until set)
    search_examples: str  # the start page's search field: "Till exempel …"
    colours: Mapping[str, str]
    municipalities: Mapping[str, str]
    strategy_groups: Mapping[str, str]
    plan_owners: Mapping[str, str]
    plans: Mapping[str, dict[str, str]]  # id -> {"label", "owner", "period"}
    principle_sets: Mapping[str, str]
    roles: Mapping[str, str]
    tags: Mapping[str, str]
    source_documents: Mapping[str, dict[str, str]]  # id -> {"label", "detail"}
    examples: Mapping[str, Any] = field(default_factory=dict)

    def example(self, key: str, default: object = None) -> object:
        return self.examples.get(key, default)

    def example_ids(self, key: str) -> list[str]:
        """The ids in a list example ("strategier": ["k2", "r2"]), each a valid id or left out."""
        value = self.examples.get(key) or []
        return [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and valid_slug(v)]

    def example_text(self, key: str) -> str:
        """One example of `key` as text: the first of a list, else the first value of the field's own list."""
        value = self.examples.get(key)
        if value is None:
            lists = {"kommuner": self.municipalities, "strategigrupper": self.strategy_groups}
            value = next(iter(lists.get(key, {})), "")
        if key not in EXAMPLE_KEYS:
            raise KeyError(f"no example {key!r}; one of {', '.join(EXAMPLE_KEYS)}")
        return str(value[0] if isinstance(value, list) and value else value or "")

    def colour_css(self) -> str:
        """The theme's colours as CSS custom properties, for the site's stylesheet of the region."""
        lines = [f"  {COLOURS[key][0]}: {value};" for key, value in self.colours.items()]
        return (
            "/* The region's colours (region.yml `farger`), written by the build. */\n:root {\n"
            + "\n".join(lines)
            + "\n}\n"
        )


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
        if required and not text:
            self.add(at + (key,), f"'{name}' är tomt. Skriv en text efter {key}:.")
        if len(text) > MAX_LABEL * 2:
            self.add(at + (key,), f"'{name}' är {len(text)} tecken. Korta det till högst {MAX_LABEL * 2}.")
        return text

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


def _luminance(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


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
}


def check_region(data: object, lines: dict[FieldPath, int], path: str) -> tuple[Region | None, list[Problem]]:
    """The region a parsed region.yml describes, and every problem with it."""
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
    colours = _colours(check, data.get("farger"))
    examples = check.mapping(data.get("exempel", {}), ("exempel",), "fält med namn och värde")
    check.known_keys(examples, EXAMPLE_KEYS, ("exempel",))
    for key, value in examples.items():
        if not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
            check.add(("exempel", key), f"Exemplet '{key}' ska vara en text eller en lista med texter.")
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
    )
    return (None if check.problems else region), check.problems


def _colours(check: _Checker, value: object) -> dict[str, str]:
    if value is None:
        return dict(DEFAULT_COLOURS)
    given = check.mapping(value, ("farger",), "fält med namn och värde")
    check.known_keys(given, COLOURS, ("farger",))
    colours = dict(DEFAULT_COLOURS)
    for key, (_, against) in COLOURS.items():
        colour = check.text(given, key, ("farger",), False) or DEFAULT_COLOURS[key]
        if not HEX_COLOUR.match(colour):
            check.add(("farger", key), f"Färgen '{colour}' i 'farger.{key}' ska skrivas #rrggbb, till exempel #00566b.")
            continue
        ratio = contrast(colour, "#ffffff") if against else MIN_CONTRAST
        if ratio < MIN_CONTRAST:
            text = "vit text på färgen" if against == "white" else "färgen på vit bakgrund"
            check.add(
                ("farger", key),
                f"Färgen '{colour}' i 'farger.{key}' ger kontrasten {ratio:.1f}:1 för {text}, under kravet "
                f"{MIN_CONTRAST}:1 (WCAG 2.1 AA). Välj en mörkare färg.",
            )
        colours[key] = colour
    return colours


def load_region(path: Path, shown_as: str = REGION_FILE) -> Region:
    """The region in `path`, checked; a RegionError with every problem otherwise."""
    try:
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
    region, problems = check_region(data, lines, shown_as)
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
