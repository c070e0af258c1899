"""The HTML allow-list every contributed page passes through after Markdown (nh3, Rust's ammonia).

Contributed text is data: whatever Markdown, attr_list or raw HTML an author writes, only
the tags, attributes and URL schemes of macros/views/allowed_html.py reach a reader's browser. Regular expressions in
macros/content/guards.py explain problems to authors early; this is what makes the page safe.
"""

import html
import html.parser
import re

import nh3

from macros.views.allowed_html import (
    ATTRIBUTES,
    GENERATED_ATTRIBUTES,
    GENERATED_TAGS,
    TAGS,
    URL_SCHEMES,
    keep_author_value,
    keep_generated_value,
)


def clean_generated(html: str) -> str:
    """The build's own markup around the author's text: our tags kept, anything executable removed."""
    return nh3.clean(
        html,
        tags=set(GENERATED_TAGS),
        attributes={k: set(v) for k, v in GENERATED_ATTRIBUTES.items()},
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=set(URL_SCHEMES),
        attribute_filter=keep_generated_value,
        strip_comments=False,
        link_rel=None,
        clean_content_tags={"script", "style"},
        filter_style_properties={"text-align"},
    )


LINK_REL = "noopener noreferrer"  # set on every link in the author's text


def clean(html: str) -> str:
    """Contributed HTML reduced to the allow-list; script and style content goes entirely."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        attribute_filter=keep_author_value,
        strip_comments=True,
        link_rel=LINK_REL,
        clean_content_tags={"script", "style"},
    )


def _comparable(text: str) -> str:
    """HTML with the spellings nh3 normalises written one way: character references decoded, `<br />`
    as `<br>`, `hidden=""` as `hidden`."""
    return html.unescape(text.replace(" />", ">").replace('=""', ""))


def unchanged(before: str, after: str, author: bool) -> bool:
    """Did the sanitizer leave this HTML as it was, apart from spelling? Then removals() has nothing
    to report, and its parse (most of the sanitizer's time) is skipped.

    nh3 only ever removes (tags, attributes, comments, script content), re-spells what it keeps and,
    in the author's text, adds rel to links; anything removed leaves the two texts different, even with
    every character reference decoded. Only text inside an RCDATA element (<title>, <textarea>) reads
    as text to nh3 and as tags to removals(); the author's text may hold neither, and the build's own
    parts write <title> only inside SVG. A difference is never trusted either way: removals() says
    what, if anything, was removed.
    """
    if author:
        after = after.replace(f' rel="{LINK_REL}"', "")
    return _comparable(after) == _comparable(before)


def author_region(nonce: str) -> tuple[str, str]:
    """The markers that fence what the author wrote from what the build generated around it."""
    return f"<!--kb-author-start-{nonce}-->", f"<!--kb-author-end-{nonce}-->"


def clean_page(html: str, nonce: str) -> str:
    """Sanitize the author's part of a page; generated parts (charts, relations) stay as built.

    The nonce is secret to this build, so an author cannot write the markers. If the author's
    HTML swallowed a marker (an unclosed comment), the whole page is sanitized: safe first.
    """
    return clean_page_reporting(html, nonce)[0]


def _split_regions(html: str, start: str, end: str) -> list[tuple[bool, str]] | None:
    """The page cut into (is_author, html) pieces at the markers, or None if they are not well nested."""
    pieces: list[tuple[bool, str]] = []
    pos = 0
    while True:
        begin = html.find(start, pos)
        if begin < 0:
            rest = html[pos:]
            return None if end in rest else pieces + [(False, rest)]
        finish = html.find(end, begin)
        generated, author = html[pos:begin], html[begin + len(start) : finish]
        if finish < 0 or end in generated or start in author:
            return None
        pieces += [(False, generated), (True, author)]
        pos = finish + len(end)


# Python-Markdown's footnotes extension writes the author's footnotes as this block after the whole
# document (mkdocs.yml gives it no place marker it could find elsewhere): outside every author fence,
# yet the author's text. No generated part writes the class, and contributed values in generated parts
# are escaped, so the block can only be the footnotes.
FOOTNOTES = '<div class="footnote">'


def _footnotes_are_the_author_s(pieces: list[tuple[bool, str]]) -> list[tuple[bool, str]]:
    """A generated piece holding the footnotes block: from the block to the piece's end, the author's."""
    out = []
    for is_author, part in pieces:
        at = -1 if is_author else part.find(FOOTNOTES)
        out += [(False, part[:at]), (True, part[at:])] if at >= 0 else [(is_author, part)]
    return out


def clean_page_reporting(html: str, nonce: str) -> tuple[str, list[str]]:
    """The sanitized page and, in Swedish, what was removed from the author's parts.

    A page has one or more author regions (the body, and the source caveats moved under Om källorna),
    and the author's footnotes, which Markdown writes after everything else.
    """
    start, end = author_region(nonce)
    pieces = _split_regions(html, start, end)
    if pieces is None or not any(is_author for is_author, _ in pieces):
        whole = html.replace(start, "").replace(end, "")
        return clean(whole), [what for _, what in removals(whole)]
    pieces = _footnotes_are_the_author_s(pieces)
    cleaned, found = [], []
    for is_author, part in pieces:
        cleaned.append(clean(part) if is_author else clean_generated(part))
        if not unchanged(part, cleaned[-1], is_author):
            found += removals(part, generated=not is_author)
    return "".join(cleaned), [what for _, what in found]


class _Removals(html.parser.HTMLParser):
    """What clean() would take away, in words an author understands (tags and attributes by name)."""

    def __init__(self, generated: bool = False):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (what to look for in the source, Swedish description)
        self.tags, self.attributes = (GENERATED_TAGS, GENERATED_ATTRIBUTES) if generated else (TAGS, ATTRIBUTES)
        self.filter = keep_generated_value if generated else keep_author_value
        self.prefixes = ("data-", "aria-") if generated else ()

    def handle_starttag(self, tag, attrs):
        if tag not in self.tags:
            self.found.append((f"<{tag}", f"HTML-taggen <{tag}>"))
            return
        allowed = self.attributes["*"] | self.attributes.get(tag, set())
        for name, value in attrs:
            value = value or ""
            if name.startswith(self.prefixes) and self.prefixes:
                continue
            if name not in allowed or self.filter(tag, name, value) is None:
                self.found.append((value[:20] or name, f'attributet {name}="{value[:40]}" på <{tag}>'))
            elif (
                name == "href"
                and re.match(r"\s*([a-z][a-z0-9+.-]*):", value, re.I)
                and re.match(r"\s*([a-z][a-z0-9+.-]*):", value, re.I).group(1).lower() not in URL_SCHEMES
            ):
                self.found.append((value[:20], f"länken '{value[:40]}' (bara https:, http:, mailto: och sidor här)"))


def removals(html_text: str, generated: bool = False) -> list[tuple[str, str]]:
    parser = _Removals(generated)
    parser.feed(html_text)
    parser.close()
    return parser.found


def text_only(html_text: str) -> str:
    """A heading as the table of contents prints it (raw, in Material's template): text, escaped."""
    if "<" not in html_text and "&" not in html_text and ">" not in html_text:
        return html_text  # already plain text: nh3 would return it as it is
    return nh3.clean(html_text, tags=set(), clean_content_tags={"script", "style"})


def clean_toc(entries) -> None:
    """The table of contents is built from headings by the toc extension, beside the page content and
    outside the sanitizer; its titles become text, whatever the headings held."""
    for entry in entries:
        entry.title = text_only(entry.title)
        clean_toc(entry.children)
