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


def _line_of(raw: str, needle: str) -> int:
    """The first line of the body (after the front matter) that holds the needle."""
    body_start = max(raw.find("\n---", 3), 0) + 4
    at = raw.lower().find(needle.lower(), body_start)
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
    found = []
    for needle, what in dict.fromkeys(sanitize.removals(rendered)):
        found.append(Problem(item.rel_path, _line_of(raw, needle), (
            f"{what[0].upper() + what[1:]} tas bort när sidan publiceras, eftersom det inte är tillåtet i innehåll "
            f"(det kan köra kod eller efterlikna webbplatsens egna delar). Ta bort det och skriv vanlig Markdown.")))
    return found
