"""Tell authors, before the build does, what the HTML allow-list would remove from their page.

The validator renders each contributed body with the site's Markdown extensions (no snippets:
they are refused anyway) and reports every tag and attribute the sanitizer would drop, with
the line where it stands, so nothing is removed silently.
"""

import markdown

from macros.content import guards, structure
from macros.model import developer_pages
from macros.model.problems import Problem
from macros.views import sanitize

# The Markdown extensions of mkdocs.yml that turn author text into HTML.
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
]


# Each removal is looked up in the source, a scan of the whole text when it is written another way;
# so a page reports at most this many, and how many more there are: the check stays linear in the
# text, and an author mends the first ones and runs it again.
MAX_LISTED = 25


class SourceText:
    """Lines of the source file for what the sanitizer removes: the body found once, each removal looked up."""

    def __init__(self, raw: str):
        self.raw, self.lowered = raw, raw.lower()
        self.body_start = max(raw.find("\n---", 3), 0) + 4
        # Written another way (an entity, Markdown syntax), a removal points at the body's first line of text.
        self.first_text = self.body_start + len(raw[self.body_start :]) - len(raw[self.body_start :].lstrip())

    def line_of(self, needle: str) -> int:
        """The first line of the body (after the front matter) that holds the needle."""
        at = self.lowered.find(needle.lower(), self.body_start)
        return self.raw.count("\n", 0, at if at >= 0 else self.first_text) + 1


class TooDeep(Exception):
    """The body nests deeper than Python-Markdown can follow."""


def render(item) -> str | None:
    """The body as the site's Markdown extensions render it, or None for a page this report does not read:
    a macro page (trusted) or one too heavy to render (refused by the catalog's guards). Raises TooDeep."""
    if (
        developer_pages.runs_macros(item.rel_path)
        or any(guards.heavy_markup(item.body, 1))
        or any(structure.structure(item.body, 1))
    ):
        return None  # a macro page is trusted; a page too heavy or too deep to render is refused by the catalog
    try:
        return markdown.Markdown(extensions=EXTENSIONS).convert(item.body)
    except RecursionError:
        raise TooDeep from None


def problems_for(item, raw: str, rendered: str | None = None) -> list[Problem]:
    """What the sanitizer would remove from the page, at its lines; `rendered` if render() was called already."""
    try:
        rendered = render(item) if rendered is None else rendered
    except TooDeep:
        return [
            Problem(
                item.rel_path,
                1,
                "Texten är nästlad i för många nivåer (citat, listor eller HTML) för att "
                "kunna visas. Gör strukturen plattare.",
            )
        ]
    if rendered is None:
        return []
    removed = list(dict.fromkeys(sanitize.removals(rendered)))
    source = SourceText(raw)
    found = []
    for needle, what in removed[:MAX_LISTED]:
        found.append(
            Problem(
                item.rel_path,
                source.line_of(needle),
                (
                    f"{what[0].upper() + what[1:]} tas bort när sidan publiceras, eftersom det inte är tillåtet i innehåll "
                    f"(det kan köra kod eller efterlikna webbplatsens egna delar). Ta bort det och skriv vanlig Markdown."
                ),
            )
        )
    if len(removed) > MAX_LISTED:
        found.append(
            Problem(
                item.rel_path,
                source.line_of(removed[MAX_LISTED][0]),
                (
                    f"Ytterligare {len(removed) - MAX_LISTED} taggar, attribut eller länkar tas bort när sidan publiceras, av "
                    f"samma skäl. Ta bort HTML-koden ur texten och skriv vanlig Markdown; när kontrollen körs igen visas "
                    f"resten."
                ),
            )
        )
    return found
