"""Guided onboarding journeys (introduktionsspår): the journey page and the step box on member pages.

A journey (docs/introduktion/<roll>.md) names, step by step, the pages a new manager
should read. The build turns it into three things:

- on the journey page: numbered steps (why, what to read, time, reflection questions,
  self-check answers on request), a checklist whose ticks stay in the reader's own
  browser, and a print version with the answers gathered at the end;
- on the start page "Ny här?" (id ``introduktion``): every journey, by role, with its
  number of steps and total time;
- on every page a step names: a box "Steg 3 av 7 i …" with the way back and forward.

Which journeys name which page is worked out once per catalog (``routes``), not once per page.
The browser side (ticks, reset, print, picking the box the reader came from) lives in
assets/javascripts/introduktion.js; every element here works without it.
"""

from dataclasses import dataclass
from html import escape

from . import vocabularies as v
from .catalog import normalise_id
from .relations import display_title
from .workflow import is_listed, slugify

START_PAGE = "introduktion"


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


def _one_line(text) -> str:
    return " ".join(str(text).split())


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
    return sorted(found, key=lambda j: (role_order.index(j.data["roll"]) if j.data.get("roll") in v.ROLES
                                        else len(role_order), j.title.lower()))


_memo: tuple | None = None  # (catalog, preview, {page id: [(Route, position)]})


def routes(catalog, preview: bool) -> dict:
    """Page id -> [(route, position)] for every listed journey; built once per catalog and mode."""
    global _memo
    if _memo is None or _memo[0] is not catalog or _memo[1] != preview:
        members: dict = {}
        for journey in listed_journeys(catalog, preview):
            way = route(journey, catalog)
            for position, stop in enumerate(way.stops):
                members.setdefault(stop.page.id, []).append((way, position))
        _memo = (catalog, preview, members)
    return _memo[2]


# ---------------------------------------------------------------------------------------------
# The journey page


def _summary(journey, count: int) -> list[str]:
    jid = journey.id
    role = role_label(journey)
    who = f'<p class="kb-spar__for"><strong>För:</strong> {escape(role)}</p>' if role else ""
    return [
        '<div class="kb-spar__sammanfattning">',
        f'{who}<p class="kb-spar__omfang"><strong>{count} steg</strong>, cirka '
        f"<strong>{duration(total_minutes(journey))}</strong> sammanlagt. Du behöver inte ta allt på en gång.</p>",
        '<div class="kb-spar__verktyg" data-kb-verktyg data-search-exclude hidden>',
        f'<p class="kb-spar__framsteg" id="kb-framsteg-{jid}" role="status" aria-live="polite" '
        f'data-kb-framsteg>0 av {count} klara</p>',
        f'<progress class="kb-spar__matare" max="{count}" value="0" aria-labelledby="kb-framsteg-{jid}"></progress>',
        '<p class="kb-spar__knappar">'
        '<button type="button" class="md-button" data-kb-borja-om>Börja om</button> '
        '<button type="button" class="md-button" data-kb-skriv-ut>Skriv ut</button></p>',
        '<p class="kb-spar__integritet">Dina bockar sparas bara i den här webbläsaren. Inga kakor, '
        "och ingenting skickas någonstans.</p>",
        "</div>",
        "</div>",
        "",
    ]


def _reading_list(pages, journey, from_src: str) -> list[str]:
    return [f"- [{display_title(p)}]({p.link_from(from_src)}?spar={journey.id})" for p in pages]


def _check_title(question: str) -> str:
    return _one_line(question).replace('"', "”")


def _indented(text) -> list[str]:
    return ["    " + line if line.strip() else "" for line in str(text).strip().splitlines()]


def _step(journey, number: int, step: dict, key: str, catalog, last: bool) -> list[str]:
    src = journey.src_uri
    # The steps stay out of search: a reader looking for "ReKo" should land on ReKo, not on a step naming it.
    out = [f'<div class="kb-steg{" kb-steg--sist" if last else ""}" markdown="1">', "",
           f'## <span class="kb-steg__nummer"><span class="kb-sr-only">Steg </span>{number}'
           f'<span class="kb-sr-only">:</span></span> {_one_line(step.get("titel", ""))} '
           f"{{#steg-{number} data-search-exclude}}", "",
           _one_line(step.get("varfor", "")), "{: .kb-steg__varfor }", "",
           f"**Tid:** cirka {duration(minutes_of(step))}", "{: .kb-steg__tid }", ""]
    pages = step_pages(step, catalog)
    if pages:
        out += ["**Läs:**", "{: .kb-steg__etikett }", ""] + _reading_list(pages, journey, src) + [""]
    questions = [q for q in (step.get("fragor") or []) if str(q).strip()]
    if questions:
        out += ["**Fundera på:**", "{: .kb-steg__etikett }", ""] + [f"- {_one_line(q)}" for q in questions] + [""]
    for check in _checks(step):
        out += [f'??? question "Kontrollfråga: {_check_title(check["fraga"])}"', ""] + _indented(check["svar"]) + [""]
    box = f"kb-klar-{journey.id}-{number}"
    out += [f'<p class="kb-steg__klar" data-search-exclude><input type="checkbox" id="{box}" data-kb-steg="{key}"> '
            f'<label for="{box}">Steg {number} är klart</label></p>', "", "</div>", ""]
    return out


def _checks(step: dict) -> list:
    return [c for c in (step.get("kontroll") or []) if isinstance(c, dict) and c.get("fraga") and c.get("svar")]


def _answer_key(steps: list) -> list[str]:
    """The self-check answers gathered for print; on screen they stay behind each question."""
    entries = [(n, c) for n, s in enumerate(steps, start=1) for c in _checks(s)]
    if not entries:
        return []
    out = ['<div class="kb-spar__facit" data-search-exclude markdown="1">', "",
           '<p class="kb-spar__facit-rubrik"><strong>Svar på kontrollfrågorna</strong></p>', ""]
    for number, check in entries:
        out += [f"- **Steg {number}. {_one_line(check['fraga'])}** {_one_line(check['svar'])}"]
    return out + ["", "</div>", ""]


def journey_page(journey, catalog) -> str:
    steps, keys = steps_of(journey), step_keys(journey)
    out = [f'<div class="kb-spar" data-kb-spar="{journey.id}" data-kb-antal="{len(steps)}" markdown="1">', ""]
    out += _summary(journey, len(steps))
    for number, (step, key) in enumerate(zip(steps, keys), start=1):
        out += _step(journey, number, step, key, catalog, last=number == len(steps))
    out += _answer_key(steps)
    out += ["</div>", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# The start page: every journey by role


def start_page(item, catalog, preview: bool) -> str:
    journeys = listed_journeys(catalog, preview)
    if not journeys:
        return ""
    # The cards only repeat the journeys' titles: the journeys are found by their own pages.
    out = ["## Välj din roll {#valj-roll data-search-exclude}", "", '<div class="kb-spar-val" markdown="1">', ""]
    for journey in journeys:
        count = len(steps_of(journey))
        out += ['<div class="kb-spar-val__kort" markdown="1">', "",
                f"### [{journey.title}]({journey.link_from(item.src_uri)}) {{ data-search-exclude }}", ""]
        if role_label(journey):
            out += [f"**För:** {role_label(journey)}", "{: .kb-spar-val__roll }", ""]
        out += [f"{count} steg, cirka {duration(total_minutes(journey))}", "{: .kb-spar-val__meta }", ""]
        if journey.data.get("beskrivning"):
            out += [_one_line(journey.data["beskrivning"]), ""]
        out += [f'<p class="kb-spar-val__status" data-kb-spar-status="{journey.id}" data-kb-antal="{count}" '
                "hidden></p>", "", "</div>", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def journey_markdown(item, catalog, preview: bool) -> str:
    """The generated body of a journey page (its numbered steps), the role list on the start page, or ''."""
    if item.type.key == "journey":
        return journey_page(item, catalog)
    if item.id == START_PAGE:
        return start_page(item, catalog, preview)
    return ""


# ---------------------------------------------------------------------------------------------
# The step box on member pages


def _stop_link(stop: Stop, way: Route, from_src: str, direction: str) -> str:
    arrow_before, arrow_after = ('<span aria-hidden="true">←</span> ', "") if direction == "prev" \
        else ("", ' <span aria-hidden="true">→</span>')
    label = "Föregående" if direction == "prev" else "Nästa"
    where = f"steg {stop.step}" + (f", sida {stop.index_in_step} av {stop.pages_in_step}"
                                   if stop.pages_in_step > 1 else "")
    return (f"[{arrow_before}{label}: {display_title(stop.page)} ({where}){arrow_after}]"
            f"({stop.page.link_from(from_src)}?spar={way.journey.id}){{ rel=\"{direction}\" }}")


def _box(way: Route, position: int, item) -> str:
    stop, journey, src = way.stops[position], way.journey, item.src_uri
    to_journey = journey.link_from(src)
    part = f" (sida {stop.index_in_step} av {stop.pages_in_step})" if stop.pages_in_step > 1 else ""
    if position > 0:
        back = _stop_link(way.stops[position - 1], way, src, "prev")
    else:
        back = f'[<span aria-hidden="true">←</span> Till spårets början]({to_journey}){{ rel="prev" }}'
    if position + 1 < len(way.stops):
        forward = _stop_link(way.stops[position + 1], way, src, "next")
    else:
        forward = f'[Sista steget: tillbaka till spåret <span aria-hidden="true">→</span>]({to_journey}#steg-{stop.step})'
    return "\n".join([
        f'<nav class="kb-stegruta" data-kb-stegruta="{journey.id}" aria-label="Introduktionsspår: '
        f'{escape(journey.title)}" data-search-exclude markdown="1">', "",
        f"**Steg {stop.step} av {way.steps}**{part} i [{journey.title}]({to_journey}#steg-{stop.step})",
        "{: .kb-stegruta__var }", "",
        f'<p class="kb-stegruta__klar" hidden><input type="checkbox" '
        f'id="kb-ruta-{journey.id}-{stop.step}" data-kb-steg="{step_keys(journey)[stop.step - 1]}"> '
        f'<label for="kb-ruta-{journey.id}-{stop.step}">Steg {stop.step} är klart</label></p>', "",
        '<div class="kb-stegruta__lankar" markdown="1">', "", back, "", forward, "", "</div>", "",
        "</nav>", "", ""])


def step_box_markdown(item, catalog, preview: bool) -> str:
    """The "Steg 3 av 7 i …" box for a page that belongs to one or more journeys, or ''."""
    boxes = [_box(way, position, item) for way, position in routes(catalog, preview).get(item.id, [])]
    if len(boxes) < 2:
        return "".join(boxes)
    # Several journeys: one line each until script knows which one the reader follows (introduktion.js).
    return "".join([f'<div class="kb-stegrutor" data-search-exclude markdown="1">\n\n'
                    f'<p class="kb-stegrutor__rubrik">Sidan ingår i {len(boxes)} introduktionsspår:</p>\n\n']
                   + boxes + ["</div>\n\n"])
