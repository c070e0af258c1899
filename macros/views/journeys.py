"""Guided onboarding journeys (introduktionsspår): the journey page and the step box on member pages.

A journey (docs/introduktion/<roll>.md) names, step by step, the pages a new manager
should read. The build turns it into three things:

- on the journey page: numbered steps (why, what to read, time, reflection questions,
  self-check answers on request), a checklist whose ticks stay in the reader's own
  browser, and a print version with the answers gathered at the end;
- on the start page "Ny här?" (id ``introduktion``): every journey, by role, with its
  number of steps and total time;
- on every page a step names, after the text: a box "Steg 3 av 7 i …" per journey, with the way
  back and forward, a tick for the step and "Lämna spåret". Every box is hidden: only a reader
  on that journey sees it (see below), so nobody else meets a checkbox for a step they never took.

Which journeys name which page is worked out once per build (``routes``), not once per page.
The browser side (ticks, reset, print, which journey the reader follows) lives in
assets/javascripts/introduktion.js. Without script no box shows; the journey page is the way,
it lists every step with its links.
"""

from html import escape

from macros.views.journey_page import START_PAGE, journey_markdown  # noqa: F401  (site.py reads it here)
from macros.views.journey_routes import Route, Stop, routes, step_keys
from macros.views.markdown import display_title, link_to, md_text


def _stop_link(stop: Stop, way: Route, from_src: str, direction: str) -> str:
    arrow_before, arrow_after = (
        ('<span aria-hidden="true">←</span> ', "")
        if direction == "prev"
        else ("", ' <span aria-hidden="true">→</span>')
    )
    label = "Föregående" if direction == "prev" else "Nästa"
    where = f"steg {stop.step}" + (
        f", sida {stop.index_in_step} av {stop.pages_in_step}" if stop.pages_in_step > 1 else ""
    )
    return (
        f"[{arrow_before}{label}: {md_text(display_title(stop.page))} ({where}){arrow_after}]"
        f'({link_to(stop.page, from_src)}?spar={way.journey.id}){{ rel="{direction}" }}'
    )


def _box(way: Route, position: int, item) -> str:
    stop, journey, src = way.stops[position], way.journey, item.src_uri
    to_journey = link_to(journey, src)
    part = f" (sida {stop.index_in_step} av {stop.pages_in_step})" if stop.pages_in_step > 1 else ""
    if position > 0:
        back = _stop_link(way.stops[position - 1], way, src, "prev")
    else:
        back = f'[<span aria-hidden="true">←</span> Till spårets början]({to_journey}){{ rel="prev" }}'
    if position + 1 < len(way.stops):
        forward = _stop_link(way.stops[position + 1], way, src, "next")
    else:
        forward = (
            f'[Sista steget: tillbaka till spåret <span aria-hidden="true">→</span>]({to_journey}#steg-{stop.step})'
        )
    box_id = f"kb-ruta-{journey.id}-{stop.step}"
    # Hidden until introduktion.js knows the reader follows this journey: a reader who did not come
    # through it sees no box and no checkbox (the journey page itself lists every step without script).
    return "\n".join(
        [
            f'<nav class="kb-stegruta" data-kb-stegruta="{journey.id}" aria-label="Introduktionsspår: '
            f'{escape(journey.title)}" data-search-exclude hidden markdown="1">',
            "",
            f"**Steg {stop.step} av {way.steps}**{part} i [{md_text(journey.title)}]({to_journey}#steg-{stop.step})",
            "{: .kb-stegruta__var }",
            "",
            '<div class="kb-stegruta__lankar" markdown="1">',
            "",
            back,
            "",
            forward,
            "",
            "</div>",
            "",
            '<div class="kb-stegruta__verktyg">'
            f'<p class="kb-stegruta__klar"><input type="checkbox" id="{box_id}" '
            f'data-kb-steg="{step_keys(journey)[stop.step - 1]}"> <label for="{box_id}">Steg {stop.step} är klart</label></p>'
            '<p class="kb-stegruta__lamna"><button type="button" class="md-button" data-kb-lamna>Lämna spåret</button></p>'
            "</div>",
            "",
            "</nav>",
            "",
            "",
        ]
    )


def _left_note(item, catalog) -> str:
    """What a reader who pressed "Lämna spåret" sees instead of the box: where to find the journeys again."""
    start = catalog.items.get(START_PAGE)
    where = (
        f" Alla spår finns på [{md_text(display_title(start))}]({link_to(start, item.src_uri)})."
        if start is not None
        else ""
    )
    return f"Du har lämnat introduktionsspåret.{where}\n{{: .kb-stegruta-lamnad data-kb-lamnad data-search-exclude hidden }}\n\n"


def step_box_markdown(item, build) -> str:
    """One hidden "Steg 3 av 7 i …" box per journey that names this page, or ''.

    introduktion.js shows at most one: the journey the reader follows (the ?spar= of the link they came
    by, or the journey they last opened), and only if it names this page.
    """
    ways = routes(build).get(item.id, [])
    if not ways:
        return ""
    return "".join(_box(way, position, item) for way, position in ways) + _left_note(item, build.catalog)
