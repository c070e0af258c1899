"""Every value our theme templates print is escaped for where it stands.

ProperDocs, MkDocs and Zensical render theme templates with autoescape off: a `{{ … }}` prints its
value as HTML. A file name once reached an edit link that way (`docs/"><img src=x onerror=…>.md`).
So every expression in macros/templates and macros/templates_zensical ends in a filter that escapes
for its place (`e` in text and attributes, `urlencode` inside a URL, `tojson` in a script), unless
it is on the short allow-list below, each with the reason it is safe.
"""

import jinja2
import pytest
from sitebuild import ROOT

TEMPLATE_FOLDERS = (ROOT / "macros" / "templates", ROOT / "macros" / "templates_zensical")
ESCAPING_FILTERS = {"e", "escape", "urlencode", "tojson"}
# Expression (as written, whitespace folded) -> why it may print raw.
ALLOWED_RAW = {
    # The generator writes each title HTML-escaped into the front matter (macros/generate/staging.py),
    # because Material prints page.title as HTML in <title>, the menu and here alike.
    "page.title | d(config.site_name, true)": "escaped by the generator",
    # The page's HTML, which the allow-list sanitizer cleans after the engine (macros/generate/postbuild.py).
    "page.content": "sanitized after the build",
    # The parent block itself (main.html, block scripts): Material's script tags, as its template writes them.
    "super()": "the theme's own block",
}


def expressions(source: str):
    """(line, expression text) for every {{ … }} in a template, read with Jinja's own lexer."""
    env = jinja2.Environment()
    current, line = None, 0
    for lineno, kind, value in env.lex(source):
        if kind == "variable_begin":
            current, line = [], lineno
        elif kind == "variable_end":
            yield line, " ".join("".join(current).split())
            current = None
        elif current is not None:
            current.append(value if kind != "whitespace" else " ")


def unescaped(source: str) -> list:
    """(line, expression) for each printed expression that neither escapes nor is allowed raw."""
    env = jinja2.Environment()
    found = []
    for line, expression in expressions(source):
        node = env.parse("{{ " + expression + " }}").body[0].nodes[0]
        if isinstance(node, jinja2.nodes.Filter) and node.name in ESCAPING_FILTERS:
            continue
        if expression.replace(" | ", "|").replace("|", " | ") in ALLOWED_RAW:
            continue
        found.append((line, expression))
    return found


TEMPLATES = sorted(p for folder in TEMPLATE_FOLDERS for p in folder.rglob("*.html"))


def test_the_theme_has_templates_to_check():
    names = {p.relative_to(ROOT).as_posix() for p in TEMPLATES}
    assert {"macros/templates/partials/actions.html", "macros/templates/main.html"} <= names


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_printed_value_is_escaped_or_allowed_with_a_reason(template):
    assert unescaped(template.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source, expected",
    [
        ('<a href="{{ edit_url }}">', [(1, "edit_url")]),
        ('<p>\n{{ page.meta.x | default("") }}</p>', [(2, 'page.meta.x | default("")')]),
        ("{{- config.copyright -}}", [(1, "config.copyright")]),
        ('<a href="{{ edit_url | e }}">{{ x | urlencode }}{{ y | tojson }}', []),
        ("{{ page.content }}", []),
    ],
)
def test_the_check_finds_what_prints_raw(source, expected):
    assert unescaped(source) == expected


def test_allowed_raw_expressions_are_still_in_use():
    """An allow-list entry nobody needs any more is a hole waiting for a new template line."""
    used = {" ".join(e.split()) for p in TEMPLATES for _, e in expressions(p.read_text(encoding="utf-8"))}
    assert set(ALLOWED_RAW) <= used
