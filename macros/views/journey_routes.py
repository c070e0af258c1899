"""Journeys as data: their steps, times and the way through the pages they name.

Which journeys name which page is worked out once per build (``routes``, kept on the Build:
``build.table``), so a page's step box costs the same however many journeys there are.
"""

from dataclasses import dataclass

from macros.content.catalog import normalise_id
from macros.content.workflow import is_listed
from macros.model import vocabularies as v
from macros.model.names import slugify


@dataclass(frozen=True)
class Stop:
    """One page on a journey's way: which step it belongs to and where in that step it is."""

    step: int  # 1-based step number
    page: object  # catalog Item
    index_in_step: int  # 1-based
    pages_in_step: int


@dataclass(frozen=True)
class Route:
    journey: object  # catalog Item of type journey
    steps: int
    stops: tuple  # of Stop, each page once, in reading order


# ---------------------------------------------------------------------------------------------
# Reading a journey's front matter


def steps_of(journey) -> list:
    return [s for s in (journey.data.get("steg") or []) if isinstance(s, dict)]


def step_pages(step: dict, catalog) -> list:
    ids = step.get("sidor") or []
    ids = ids if isinstance(ids, list) else [ids]
    return [catalog.items[normalise_id(i)] for i in ids if normalise_id(i) in catalog.items]


def minutes_of(step: dict) -> int:
    value = step.get("minuter")
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def total_minutes(journey) -> int:
    return sum(minutes_of(s) for s in steps_of(journey))


def duration(minutes: int) -> str:
    """95 -> '1 timme 35 minuter'."""
    hours, rest = divmod(minutes, 60)
    parts = ["1 timme" if hours == 1 else f"{hours} timmar"] if hours else []
    if rest or not hours:
        parts.append("1 minut" if rest == 1 else f"{rest} minuter")
    return " ".join(parts)


def step_keys(journey) -> list[str]:
    """A stable key per step for the reader's ticks: the slug of its title, made unique."""
    keys: list[str] = []
    for step in steps_of(journey):
        base = slugify(str(step.get("titel") or "steg"))
        key, n = base, 2
        while key in keys:
            key, n = f"{base}-{n}", n + 1
        keys.append(key)
    return keys


def role_label(journey) -> str:
    role = journey.data.get("roll")
    return v.label(v.ROLES, role) if role in v.ROLES else ""


# ---------------------------------------------------------------------------------------------
# Membership: which journeys name which page, computed once per catalog


def route(journey, catalog) -> Route:
    stops, seen = [], set()
    steps = steps_of(journey)
    for number, step in enumerate(steps, start=1):
        pages = [p for p in step_pages(step, catalog) if p is not journey]
        for index, page in enumerate(pages, start=1):
            if page.id not in seen:  # a page named twice keeps its first place: the way never loops
                seen.add(page.id)
                stops.append(Stop(number, page, index, len(pages)))
    return Route(journey, len(steps), tuple(stops))


def listed_journeys(catalog, preview: bool) -> list:
    found = [i for i in catalog.of_type("journey") if is_listed(i, catalog.today, preview)]
    role_order = list(v.ROLES)
    return sorted(
        found,
        key=lambda j: (
            role_order.index(j.data["roll"]) if j.data.get("roll") in v.ROLES else len(role_order),
            j.title.lower(),
        ),
    )


def _members(build) -> dict:
    members: dict = {}
    for journey in listed_journeys(build.catalog, build.preview):
        way = route(journey, build.catalog)
        for position, stop in enumerate(way.stops):
            members.setdefault(stop.page.id, []).append((way, position))
    return members


def routes(build) -> dict:
    """Page id -> [(route, position)] for every listed journey; computed once per build."""
    return build.table("journey_routes", _members)
