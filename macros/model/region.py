"""The region: everything that belongs to one region and its municipalities, read from region.yml.

The code is the same for every region that runs a knowledge base; what differs (names, municipalities,
plans and their owners, strategy groups, principle sets, journeys' roles, subject tags, source
documents, the repository, colours, the examples authors see) is data in the repository's region.yml,
reviewed by developers (CODEOWNERS), read and checked by macros/model/region_file.py.

The region file is part of the repository like the schema is part of the code: `repository_region()`
reads the one next to the running code, once per process, or the file KB_REGION names (the tests' own
region, tests/fixtures/region.yml, so the code's tests pass in every region's repository). A second region
is a second repository with its own region.yml.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.model.names import valid_slug
from macros.model.problems import Problem, report

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
    "docs/om/andra-regioner.md",
)


def belongs_to_region(rel_path: str) -> bool:
    """Whether a repository path is the region's own (content, configuration) rather than shared code."""
    return rel_path.startswith(REGION_PATHS) and not rel_path.startswith(SHARED_PAGES)


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
    logo: str = ""  # a raster image in the repository, shown in the header ("" for the theme's icon)

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
