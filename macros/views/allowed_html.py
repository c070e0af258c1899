"""What the HTML sanitizer lets through (macros/views/sanitize.py): the author's tags, attributes, URL schemes,
classes and ids, and the wider allow-list for the markup the build writes around the author's text.
"""

import re

TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "var",
    }
)
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "col": {"span"},
    "colgroup": {"span"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Classes that Markdown and its extensions write (admonitions, footnotes, headings, code
# highlighting); anything else, such as Material's own md-* classes, could dress contributed
# text up as the site's interface.
CLASS_NAME = re.compile(
    r"^(?:admonition(?:-title)?|note|kalla|kb-kallor|abstract|info|tip|success|question|warning|failure|danger|"
    r"bug|example|quote|grid|cards|card|footnote(?:-ref|-backref)?|headerlink|highlight|highlighttable|linenos|"
    r"language-[a-z0-9+-]{1,20}|[a-z]{1,3}[0-9]?)$"
)
# Material's interface uses ids that start with "__" or "md"; a contributed id must not clobber them.
# ":" and "/" stay: the tag pages' headings have ids like "tag:strategigrupp/äldre" (macros/views/facets.py).
SAFE_ID = re.compile(r"^(?![_-]|md)[\w:./-]{1,200}$")
LOCAL_SRC = re.compile(r"^(?![a-z][a-z0-9+.-]*:|//|\\)", re.I)  # images only from this site


def keep_author_value(tag: str, attribute: str, value: str):
    """An attribute of the author's text as it may stay (None: removed): only our classes and ids, local images."""
    if attribute == "class":
        kept = [name for name in value.split() if CLASS_NAME.match(name)]
        return " ".join(kept) or None
    if attribute == "id":
        return value if SAFE_ID.match(value) else None
    if tag == "img" and attribute == "src":
        return value if LOCAL_SRC.match(value.strip()) else None
    return value


# What the build itself writes around the author's text (banners, step boxes, charts, relations,
# sources, journey tools). Those parts carry contributed values too (titles, source addresses,
# timeline text), so they pass an allow-list as well: wider, for our own markup, but still with
# no script, no event handlers and no other URL schemes than the author's.
GENERATED_TAGS = TAGS | {
    "nav",
    "section",
    "article",
    "input",
    "label",
    "button",
    "progress",
    "select",
    "option",
    "svg",
    "g",
    "title",
    "desc",
    "rect",
    "line",
    "text",
    "path",
    "circle",
}
GENERATED_ATTRIBUTES = {
    **ATTRIBUTES,
    "*": ATTRIBUTES["*"] | {"role", "hidden"},
    "a": {"href", "rel"},
    "td": ATTRIBUTES["td"] | {"style"},
    "th": ATTRIBUTES["th"] | {"style"},
    "div": {"tabindex"},  # a table's scroll box (charts.scroll_box): the keyboard must be able to scroll it
    "input": {"type", "checked"},
    "label": {"for"},
    "button": {"type"},
    "progress": {"max", "value"},
    "option": {"value", "selected"},
    # html5ever hands nh3 SVG attribute names in their SVG spelling (viewBox), html.parser in removals()
    # lower-cases them: both spellings are listed, or nh3 would strip viewBox while removals() saw nothing.
    "svg": {"viewbox", "viewBox", "preserveaspectratio", "preserveAspectRatio", "xmlns", "focusable"},
    "rect": {"x", "y", "width", "height", "fill"},
    "line": {"x1", "y1", "x2", "y2", "stroke", "stroke-width"},
    "text": {"x", "y", "fill", "font-size", "text-anchor", "font-weight"},
    "path": {"d", "fill", "stroke"},
    "circle": {"cx", "cy", "r", "fill", "stroke"},
}


def keep_generated_value(tag: str, attribute: str, value: str):
    """An attribute of the build's own markup as it may stay: an image's address is checked as the author's."""
    if tag == "img" and attribute == "src":
        return keep_author_value(tag, attribute, value)
    return value
