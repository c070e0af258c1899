"""Collections, Plone-style: list content by query on any page.

Example in a page that opts in to macros:
    {{ lista(typ="berättelse", strategi="k2", strategigrupp="aldre", sortering="nyast") }}
"""

from macros.content.workflow import is_listed
from macros.model import vocabularies as v
from macros.model.schema import CONTENT_TYPES, TYPE_BY_NAME
from macros.views import paging
from macros.views.markdown import display_title, link_to, md_text

FILTERS = {  # query argument -> (front-matter field, is it a reference to another item?)
    "strategi": ("strategier", True),
    "persona": ("personas", True),
    "indikator": ("indikatorer", True),
    "princip": ("principer", True),
    "strategigrupp": ("strategigrupper", False),
    "kommun": ("kommuner", False),
    "plan": ("plan", False),
    "samling": ("samling", False),
    "slag": ("slag", False),
    "tagg": ("taggar", False),
}


class QueryError(ValueError):
    pass


def _values(item, name):
    value = item.data.get(name)
    return [str(x).lower() for x in (value if isinstance(value, list) else [value] if value else [])]


def query(catalog, preview: bool, typ: str, **filters) -> list:
    content_type = TYPE_BY_NAME.get(typ)
    if content_type is None:
        raise QueryError(f"lista(): okänd typ '{typ}'. Välj en av: {', '.join(t.name for t in CONTENT_TYPES)}.")
    found = [i for i in catalog.of_type(content_type.key) if is_listed(i, catalog.today, preview)]
    for argument, wanted in filters.items():
        if wanted is None:
            continue
        if argument not in FILTERS:
            raise QueryError(f"lista(): okänt filter '{argument}'. Tillåtna: {', '.join(FILTERS)}.")
        name, is_ref = FILTERS[argument]
        wanted = str(wanted).lower()
        if is_ref:
            target = catalog.items.get(wanted)
            if target is None:
                raise QueryError(f"lista(): {argument}='{wanted}' finns inte i katalogen.")
            linked = set(catalog.referrers(target)) | {i for i in found if wanted in _values(i, name)}
            found = [i for i in found if i in linked]
        else:
            found = [i for i in found if wanted in _values(i, name)]
    return found


def order(items, sortering: str) -> list:
    if sortering == "nyast":
        return sorted(items, key=lambda i: (str(i.data.get("skapad", "")), i.title), reverse=True)
    if sortering == "ordning":
        return sorted(items, key=lambda i: (str(i.data.get("plan", "")), i.data.get("ordning", 0), i.title))
    if sortering == "titel":
        return sorted(items, key=lambda i: display_title(i).lower())
    raise QueryError(f"lista(): okänd sortering '{sortering}'. Välj nyast, ordning eller titel.")


PAGE_SIZE = paging.MAX_LISTED  # above this a group shows its newest and links to its whole list
GROUPS = {  # gruppera= -> (field, vocabulary or None for referenced items, tag prefix of its facet)
    "strategigrupp": ("strategigrupper", v.STRATEGY_GROUPS, "Strategigrupp"),
    "kommun": ("kommuner", v.MUNICIPALITIES, "Kommun"),
    "slag": ("slag", v.STORY_KINDS, None),
    "strategi": ("strategier", None, "Strategi"),
}


def grouped(catalog, items, gruppera: str) -> list:
    """(heading, items, facet tag or None) triples in the vocabulary's order; items without a value come last."""
    if gruppera not in GROUPS:
        raise QueryError(f"lista(): okänd gruppering '{gruppera}'. Välj en av: {', '.join(GROUPS)}.")
    name, vocabulary, prefix = GROUPS[gruppera]
    buckets: dict = {}
    for item in items:
        values = _values(item, name) or ["(ingen)"]
        for value in values:
            buckets.setdefault(value, []).append(item)
    if vocabulary is not None:
        order = [
            (vocabulary[k] if isinstance(vocabulary[k], str) else vocabulary[k]["label"], k)
            for k in vocabulary
            if k in buckets
        ]
    else:
        targets = sorted((catalog.items[k] for k in buckets if k in catalog.items), key=display_title)
        order = [(display_title(t), t.id) for t in targets]
    tags = {key: f"{prefix}/{heading.replace('/', '–')}" if prefix else None for heading, key in order}
    order += [("Utan " + gruppera, "(ingen)")] if "(ingen)" in buckets else []
    return [(heading, buckets[key], tags.get(key)) for heading, key in order]


def render_grouped(groups, from_src: str, visning: str, whole_list=None) -> str:
    """One heading per group. A group longer than PAGE_SIZE shows its newest PAGE_SIZE and links to its
    whole list: `whole_list(tag)` gives that list's staged path (the tag's, or every story's)."""
    parts = []
    for title, items, tag in groups:
        heading = md_text(title)  # grouped by strategy, the heading is a contributed title
        if len(items) > PAGE_SIZE:
            shown = paging.newest(items)[:PAGE_SIZE]
            more = whole_list(tag) if whole_list else None
            parts.append(
                f"### {heading} ({len(items)})\n\n{render(shown, from_src, visning)}"
                + (f"\n\n{paging.more_line(len(items), more, from_src)}" if more else "")
            )
        else:
            parts.append(f"### {heading} ({len(items)})\n\n{render(items, from_src, visning)}")
    return "\n\n".join(parts) or "*Inget innehåll matchar ännu.*"


def render(items, from_src: str, visning: str) -> str:
    if not items:
        return "*Inget innehåll matchar ännu.*"
    if visning == "tabell":
        rows = ["| Titel | Beskrivning |", "| --- | --- |"]
        rows += [
            f"| [{md_text(display_title(i))}]({link_to(i, from_src)}) | {md_text(i.data.get('beskrivning', ''))} |"
            for i in items
        ]
        return "\n".join(rows)
    if visning == "lista":
        return "\n".join(f"- [{md_text(display_title(i))}]({link_to(i, from_src)})" for i in items)
    if visning == "kort":
        cards = []
        for i in items:
            kind = v.STORY_KINDS.get(i.data.get("slag"), "")
            meta = f"<br><small>{kind}</small>" if kind else ""
            cards.append(
                f"-   **[{md_text(display_title(i))}]({link_to(i, from_src)})**{meta}\n\n    "
                f"{md_text(i.data.get('beskrivning', ''))}"
            )
        return '<div class="grid cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"
    raise QueryError(f"lista(): okänd visning '{visning}'. Välj kort, tabell eller lista.")
