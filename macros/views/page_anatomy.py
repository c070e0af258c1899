"""One page anatomy for every content type: answer first, then context.

    H1 (template) → status banner → lead (beskrivning) → body → journey box → chart →
    Kopplingar (relations, then subject tags) → Om källorna (sources and every source caveat,
    in one collapsible section) → Historik (the latest commits, macros/views/page_history.py) →
    review dates, and "Föreslå en ändring" (template).

Source caveats are the author's `!!! kalla "…"` boxes. They are lifted out of the body here,
at the Markdown level, and printed under Om källorna, still fenced as the author's text so the
stricter sanitizer keeps treating them as contributed.
"""

import datetime
import re

from macros.content import workflow
from macros.content.items import Item
from macros.views.markdown import md_text

SOURCE_NOTE = re.compile(r"!!! kalla(?:\s|$)")  # only at the start of a line: nested boxes stay put
FENCE = re.compile(r"(`{3,}|~{3,})")


def banner(item: Item, today: datetime.date) -> str:
    """A Markdown admonition telling the reader where the page is in the workflow, or ''."""
    if workflow.is_draft(item):
        return (
            '!!! warning "Utkast"\n    Den här sidan är ett utkast och syns bara i förhandsvisningen. '
            "Den publiceras när status ändras till granskning eller publicerad.\n\n"
        )
    if item.status == "granskning":
        return '!!! info "Under granskning"\n    Innehållet granskas och kan ändras.\n\n'
    if item.status == "arkiverad":
        return (
            '!!! note "Arkiverad"\n    Sidan är arkiverad och gäller inte längre. Den finns kvar som '
            "historik men visas inte i listor, kartor eller sökningen.\n\n"
        )
    if workflow.is_expired(item, today):
        return (
            f'!!! note "Har upphört"\n    Sidan gällde till och med {item.data["upphor"]}. Den finns kvar som '
            "historik men visas inte i listor, kartor eller sökningen.\n\n"
        )
    return ""


def lead_markdown(item) -> str:
    """The page's beskrivning as its lead paragraph, right under the title.

    A strategy's title is its short name ("K1 · Kortnamn" (code and short name)), so its full name
    in the plan comes first, as the plan writes it.
    """
    text = " ".join(str(item.data.get("beskrivning") or "").split())
    lead = f"{md_text(text)}\n{{: .kb-ingress }}\n\n" if text else ""
    if item.type.key == "strategy" and item.data.get("kortnamn"):
        lead = f"Strategins namn i planen: *{md_text(item.title)}*\n{{: .kb-fulltitel }}\n\n" + lead
    return lead


def split_own_title(markdown: str) -> tuple[str, str]:
    """A page that writes its own H1 (the start page) keeps it first, above the lead."""
    stripped = markdown.lstrip("\n")
    if stripped.startswith("# "):
        first, _, rest = stripped.partition("\n")
        return first + "\n\n", rest
    return "", markdown


def split_source_notes(markdown: str) -> tuple[str, list[str]]:
    """The body without its top-level `!!! kalla` boxes, and those boxes in order.

    A box is its opening line and every following line that is blank or indented; fenced code
    is skipped, so a box shown as an example in a code block stays where it is. One pass.
    """
    body: list[str] = []
    notes: list[list[str]] = []
    fence = None
    in_note = False
    for line in markdown.split("\n"):
        if fence is None and in_note and (not line.strip() or line.startswith((" ", "\t"))):
            notes[-1].append(line)
            continue
        in_note = False
        marker = FENCE.match(line.lstrip())
        if fence is not None:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
        elif marker:
            fence = marker.group(1)
        elif SOURCE_NOTE.match(line):
            notes.append([line])
            in_note = True
            continue
        body.append(line)
    return "\n".join(body), ["\n".join(lines).rstrip() for lines in notes]


def sources_section(source_lines: list[str], notes: list[str], author_fence: tuple[str, str]) -> str:
    """Om källorna: one collapsible section with the page's sources and its source caveats."""
    if not source_lines and not notes:
        return ""
    counts = []
    if source_lines:
        counts.append(f"{len(source_lines)} {'källa' if len(source_lines) == 1 else 'källor'}")
    if notes:
        counts.append(f"{len(notes)} förbehåll")
    # md_in_html renders the Markdown inside <details> (pymdownx.details would end the block at
    # the author markers). The whole section is fenced as the author's: the caveats are theirs,
    # and the sanitizer works on whole elements, so the fence cannot start inside <details>.
    start, end = author_fence
    lines = [
        "",
        "## Om källorna {#om-kallorna data-search-exclude}",
        "",
        start,
        "",
        '<details class="kb-kallor" markdown="1">',
        f"<summary>Visa {' och '.join(counts)}</summary>",
        "",
    ]
    lines += [f"- {line}" for line in source_lines] + [""]
    lines += ["\n\n".join(notes), ""] if notes else []
    return "\n".join(lines + ["</details>", "", end, ""])
