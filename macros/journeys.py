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

from html import escape

from .catalog import md_text
from .journey_page import journey_markdown  # noqa: F401  (site.decorate calls both through here)
from .journey_routes import Route, Stop, routes, step_keys
from .relations import display_title


def _stop_link(stop: Stop, way: Route, from_src: str, direction: str) -> str:
    arrow_before, arrow_after = ('<span aria-hidden="true">←</span> ', "") if direction == "prev" \
        else ("", ' <span aria-hidden="true">→</span>')
    label = "Föregående" if direction == "prev" else "Nästa"
    where = f"steg {stop.step}" + (f", sida {stop.index_in_step} av {stop.pages_in_step}"
                                   if stop.pages_in_step > 1 else "")
    return (f"[{arrow_before}{label}: {md_text(display_title(stop.page))} ({where}){arrow_after}]"
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
        f"**Steg {stop.step} av {way.steps}**{part} i [{md_text(journey.title)}]({to_journey}#steg-{stop.step})",
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
