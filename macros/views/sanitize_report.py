"""Tell authors, before the build does, what the HTML allow-list would remove from their page.

The validator renders each contributed body with the site's Markdown extensions (no snippets:
they are refused anyway) and reports every tag and attribute the sanitizer would drop, with
the line where it stands, so nothing is removed silently.
"""

import markdown

from macros.model import developer_pages
from macros.views import sanitize
from macros.model.problems import Problem

# The Markdown extensions of mkdocs.yml that turn author text into HTML.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
              "pymdownx.details", "pymdownx.superfences"]


# Each removal is looked up in the source, a scan of the whole text when it is written another way;
# so a page reports at most this many, and how many more there are: the check stays linear in the
# text, and an author mends the first ones and runs it again.
MAX_LISTED = 25


def _body_start(raw: str) -> int:
    return max(raw.find("\n---", 3), 0) + 4


def _line_of(raw: str, lowered: str, needle: str) -> int:
    """The first line of the body (after the front matter) that holds the needle."""
    body_start = _body_start(raw)
    at = lowered.find(needle.lower(), body_start)
    if at < 0:  # written another way (an entity, Markdown syntax): point at the body's first line of text
        at = body_start + len(raw[body_start:]) - len(raw[body_start:].lstrip())
    return raw.count("\n", 0, at) + 1


def problems_for(item, raw: str) -> list[Problem]:
    if developer_pages.runs_macros(item.rel_path):
        return []
    try:
        rendered = markdown.Markdown(extensions=EXTENSIONS).convert(item.body)
    except RecursionError:
        return [Problem(item.rel_path, 1, "Texten är nästlad i för många nivåer (citat, listor eller HTML) för att "
                                          "kunna visas. Gör strukturen plattare.")]
    removed = list(dict.fromkeys(sanitize.removals(rendered)))
    lowered = raw.lower()
    found = []
    for needle, what in removed[:MAX_LISTED]:
        found.append(Problem(item.rel_path, _line_of(raw, lowered, needle), (
            f"{what[0].upper() + what[1:]} tas bort när sidan publiceras, eftersom det inte är tillåtet i innehåll "
            f"(det kan köra kod eller efterlikna webbplatsens egna delar). Ta bort det och skriv vanlig Markdown.")))
    if len(removed) > MAX_LISTED:
        found.append(Problem(item.rel_path, _line_of(raw, lowered, removed[MAX_LISTED][0]), (
            f"Ytterligare {len(removed) - MAX_LISTED} taggar eller attribut tas bort när sidan publiceras, av "
            f"samma skäl. Ta bort HTML-koden ur texten och skriv vanlig Markdown; kör sedan kontrollen igen.")))
    return found
