"""The journey page (numbered steps, checklist, print answers) and the "Ny här?" start page."""

from html import escape

from macros.views.journey_routes import (
    duration,
    listed_journeys,
    minutes_of,
    role_label,
    step_keys,
    step_pages,
    steps_of,
    total_minutes,
)
from macros.views.markdown import display_title, link_to, md_text

START_PAGE = "introduktion"


def _one_line(text) -> str:
    """A front-matter string as one line of plain text: it lands in generated Markdown, outside the sanitizer."""
    return md_text(" ".join(str(text).split()))


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
        f"data-kb-framsteg>0 av {count} klara</p>",
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
    return [f"- [{md_text(display_title(p))}]({link_to(p, from_src)}?spar={journey.id})" for p in pages]


def _check_title(question: str) -> str:
    return _one_line(str(question).replace('"', "”"))


def _indented(text) -> list[str]:
    return ["    " + md_text(line) if line.strip() else "" for line in str(text).strip().splitlines()]


def _step(journey, number: int, step: dict, key: str, catalog, last: bool) -> list[str]:
    src = journey.src_uri
    # The steps stay out of search: a reader looking for a body should land on its page, not on a step naming it.
    out = [
        f'<div class="kb-steg{" kb-steg--sist" if last else ""}" markdown="1">',
        "",
        f'## <span class="kb-steg__nummer"><span class="kb-sr-only">Steg </span>{number}'
        f'<span class="kb-sr-only">:</span></span> {_one_line(step.get("titel", ""))} '
        f"{{#steg-{number} data-search-exclude}}",
        "",
        _one_line(step.get("varfor", "")),
        "{: .kb-steg__varfor }",
        "",
        f"**Tid:** cirka {duration(minutes_of(step))}",
        "{: .kb-steg__tid }",
        "",
    ]
    pages = step_pages(step, catalog)
    if pages:
        out += ["**Läs:**", "{: .kb-steg__etikett }", ""] + _reading_list(pages, journey, src) + [""]
    questions = [q for q in (step.get("fragor") or []) if str(q).strip()]
    if questions:
        out += ["**Fundera på:**", "{: .kb-steg__etikett }", ""] + [f"- {_one_line(q)}" for q in questions] + [""]
    for check in _checks(step):
        out += [f'??? question "Kontrollfråga: {_check_title(check["fraga"])}"', ""] + _indented(check["svar"]) + [""]
    box = f"kb-klar-{journey.id}-{number}"
    out += [
        f'<p class="kb-steg__klar" data-search-exclude><input type="checkbox" id="{box}" data-kb-steg="{key}"> '
        f'<label for="{box}">Steg {number} är klart</label></p>',
        "",
        "</div>",
        "",
    ]
    return out


def _checks(step: dict) -> list:
    return [c for c in (step.get("kontroll") or []) if isinstance(c, dict) and c.get("fraga") and c.get("svar")]


def _answer_key(steps: list) -> list[str]:
    """The self-check answers gathered for print; on screen they stay behind each question."""
    entries = [(n, c) for n, s in enumerate(steps, start=1) for c in _checks(s)]
    if not entries:
        return []
    out = [
        '<div class="kb-spar__facit" data-search-exclude markdown="1">',
        "",
        '<p class="kb-spar__facit-rubrik"><strong>Svar på kontrollfrågorna</strong></p>',
        "",
    ]
    for number, check in entries:
        out += [f"- **Steg {number}. {_one_line(check['fraga'])}** {_one_line(check['svar'])}"]
    return out + ["", "</div>", ""]


def journey_page(journey, catalog) -> str:
    steps, keys = steps_of(journey), step_keys(journey)
    out = [f'<div class="kb-spar" data-kb-spar="{journey.id}" data-kb-antal="{len(steps)}" markdown="1">', ""]
    out += _summary(journey, len(steps))
    for number, (step, key) in enumerate(zip(steps, keys, strict=True), start=1):
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
        out += [
            '<div class="kb-spar-val__kort" markdown="1">',
            "",
            f"### [{md_text(journey.title)}]({link_to(journey, item.src_uri)}) {{ data-search-exclude }}",
            "",
        ]
        if role_label(journey):
            out += [f"**För:** {role_label(journey)}", "{: .kb-spar-val__roll }", ""]
        out += [f"{count} steg, cirka {duration(total_minutes(journey))}", "{: .kb-spar-val__meta }", ""]
        if journey.data.get("beskrivning"):
            out += [_one_line(journey.data["beskrivning"]), ""]
        out += [
            f'<p class="kb-spar-val__status" data-kb-spar-status="{journey.id}" data-kb-antal="{count}" hidden></p>',
            "",
            "</div>",
            "",
        ]
    out += ["</div>", ""]
    return "\n".join(out)


def journey_markdown(item, catalog, preview: bool) -> str:
    """The generated body of a journey page (its numbered steps), the role list on the start page, or ''."""
    if item.type.key == "journey":
        return journey_page(item, catalog)
    if item.id == START_PAGE:
        return start_page(item, catalog, preview)
    return ""
