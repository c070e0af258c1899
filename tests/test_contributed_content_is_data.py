"""Contributed text is data: the HTML allow-list, escaped titles, and no Jinja outside the list in code."""

import html.parser
import itertools
import random
import re

import pytest
from sitebuild import (
    FIXTURES,
    article_of,
    build,
    build_strict_and_lenient,
    make_fixture_project,
    text_of,
    unexpected_warnings,
)

from macros.model import developer_pages
from macros.views import sanitize
from macros.views.markdown import md_text

ATTACKS = {
    "event handler without a space": "<svg/onload=alert(1)>",
    "event handler on an image": '<img src="x.png" onerror="alert(1)">',
    "entity-encoded javascript link": '<a href="&#106;avascript:alert(1)">x</a>',
    "javascript with an encoded colon": '<a href="javascript&colon;alert(1)">x</a>',
    "data image": '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    "vbscript link": '<a href="vbscript:msgbox(1)">x</a>',
    "base tag": '<base href="https://example.com/">',
    "full-screen overlay": '<div style="position:fixed;inset:0">x</div>',
    "form posting elsewhere": '<form action="https://example.com/"><input name="p"></form>',
    "iframe": '<iframe src="https://example.com/"></iframe>',
    "object": '<object data="x.swf"></object>',
    "script": "<script>document.title='pwned'</script>",
    "image from another host": '<img src="//example.com/pixel.png">',
    "interface class": '<div class="md-dialog md-header">x</div>',
    "clobbering id": '<p id="__search">x</p>',
}


class Walker(html.parser.HTMLParser):
    """Every tag and attribute in sanitized output, with entities decoded as a browser decodes them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_within_allow_list(output: str):
    walker = Walker()
    walker.feed(output)
    for tag, attrs in walker.found:
        assert tag in sanitize.TAGS, (tag, output)
        allowed = sanitize.ATTRIBUTES["*"] | sanitize.ATTRIBUTES.get(tag, set())
        for name, value in attrs.items():
            assert name in allowed | {"rel"}, (tag, name, output)
            if name in ("href", "src") and value:
                scheme = re.match(r"\s*([a-z][a-z0-9+.-]*):", value, re.I)
                assert scheme is None or scheme.group(1).lower() in sanitize.URL_SCHEMES, (value, output)
            if name == "class":
                assert not any(c.startswith("md-") for c in value.split()), output


@pytest.mark.parametrize("payload", ATTACKS.values(), ids=ATTACKS.keys())
def test_the_sanitizer_removes_each_attack(payload):
    output = sanitize.clean(payload)
    assert_within_allow_list(output)
    for gone in (
        "onload",
        "onerror",
        "javascript",
        "vbscript",
        "data:",
        "<base",
        "style=",
        "<form",
        "<iframe",
        "<object",
        "<script",
        "pwned",
        "example.com/pixel",
        "md-dialog",
        "__search",
    ):
        assert gone not in output.lower(), output


def test_random_html_soup_never_leaves_the_allow_list():
    pieces = [
        "<",
        ">",
        "/",
        "=",
        '"',
        "'",
        " ",
        "a",
        "img",
        "svg",
        "on",
        "load",
        "error",
        "href",
        "src",
        "javascript:",
        "&#106;",
        "&colon;",
        "data:",
        "style",
        "script",
        "<!--",
        "-->",
        "{",
        "}",
        "\n",
        "<a ",
        "<img ",
        "<div ",
        "<p ",
        "class=",
        "md-x",
        "id=",
        "__",
        "http://x/",
        "x.png",
        "\x00",
        "&",
    ]
    rng = random.Random(20261202)
    for _ in range(2000):
        soup = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        assert_within_allow_list(sanitize.clean(soup))


def test_only_the_author_region_is_sanitized_and_forged_markers_do_not_help():
    start, end = sanitize.author_region("hemlig")
    page = f'<svg role="img"></svg>{start}<svg/onload=alert(1)>{end}<svg class="kb-diagram"></svg>'
    cleaned = sanitize.clean_page(page, "hemlig")
    assert cleaned.count("<svg") == 2 and "onload" not in cleaned
    # Markers the author's HTML swallowed, or wrote without knowing the nonce: the whole page is sanitized.
    for broken in (
        f"<svg></svg>{start}<svg onload=x>",
        f"<svg></svg>{start}{start}x{end}<svg onload=x>",
        f"<svg></svg>{end}x{start}<svg onload=x>",
        "<svg></svg><!--kb-author-start-gissat-->x<!--kb-author-end-gissat--><svg onload=x>",
    ):
        assert "<svg" not in sanitize.clean_page(broken, "hemlig")


def test_markdown_syntax_in_contributed_text_stays_text():
    text = md_text('Trygg hemgång](https://example.com/x)[ <b>| "x"')
    assert not set('[]()<>|"') & set(text)


def test_the_macro_allow_list_names_no_contributed_folder():
    assert all(path.startswith("docs/") for path in developer_pages.MACRO_PAGES)


HOSTILE_STORY = """---
titel: "Trygg hemgång](https://example.com/x)[ <b>fet</b>"
beskrivning: 'x" http-equiv="refresh" content="0;url=https://example.com/'
slag: illustrativ
personas: [esther]
strategier: [K2]
kommuner: [hela-lanet]
forfattare: Test
status: publicerad
ansvarig: Test
skapad: 2026-01-10
kallor:
  - text: Test
---

Texten.
"""

WALKS_AROUND_THE_GUARDS = """
<p class="md-dialog md-dialog--active">Falsk dialog</p>
<p id="__search">Krockar med sökrutan</p>
<img src="bild.png" alt="Bild" srcset="https://example.com/spion.png 2x">
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    project = make_fixture_project(tmp, FIXTURES / "base")
    (project / "stories" / "fientlig.md").write_text(HOSTILE_STORY, encoding="utf-8")
    strategy = project / "strategies" / "k2.md"
    text = strategy.read_text(encoding="utf-8")
    text = re.sub(r"^titel: .*$", 'titel: "Samverkan <i>kursiv</i>"', text, count=1, flags=re.M)
    strategy.write_text(
        re.sub(r"^kortnamn: .*$", 'kortnamn: "Kort <i>kursiv</i>"', text, count=1, flags=re.M), encoding="utf-8"
    )
    result = build(project, tmp / "site", today="2026-11-23")
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    return tmp / "site"


def test_a_title_with_markdown_and_html_is_printed_as_text(hostile_site):
    page = text_of(hostile_site, "berattelser/fientlig")
    assert "<b>fet</b>" not in page and "&lt;b&gt;fet&lt;/b&gt;" in page
    strategy = article_of(hostile_site, "strategier/k2")
    assert "example.com" not in re.sub(r">[^<]*<", "><", strategy)  # only in text, never in a link target
    assert "https://example.com/x" not in re.findall(r'href="([^"]*)"', strategy)


def test_a_strategy_title_with_html_is_text_in_tag_chips_and_tag_pages(hostile_site):
    story = text_of(hostile_site, "berattelser/fientlig")
    assert "<i>kursiv</i>" not in story
    assert re.search(r"<dd>(<a [^>]*>)?K2 · Kort &lt;i&gt;kursiv&lt;–i&gt;(</a>)?</dd>", story)
    assert "<i>kursiv</i>" not in text_of(hostile_site, "strategier/k2")


def test_a_quote_in_the_description_cannot_leave_the_meta_attribute(hostile_site):
    page = text_of(hostile_site, "berattelser/fientlig")
    # a real attribute, not the escaped text; the page's one real http-equiv is its Content-Security-Policy
    assert [m for m in re.findall(r'<meta[^>]* http-equiv="([^"]*)"', page)] == ["Content-Security-Policy"]
    assert re.search(r'<meta name="description" content="x&quot; http-equiv=&quot;refresh', page)


def test_a_symlink_in_a_content_folder_is_refused_and_not_followed(tmp_path):
    import shutil

    from test_validator import run_validator

    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "base", root)
    (root / "stories" / "lank.md").symlink_to("/etc/passwd")
    (root / "docs" / "_ordlista").mkdir()
    (root / "docs" / "_ordlista" / "hemligt.md").symlink_to(root / "stories" / "trygg-hemgang.md")
    result = run_validator(root)
    assert result.returncode == 1, result.stdout
    assert "stories/lank.md:1: fel: 'stories/lank.md' är en symbolisk länk." in result.stdout
    assert "docs/_ordlista/hemligt.md:1: fel:" in result.stdout
    assert "root:" not in result.stdout


@pytest.fixture(scope="module")
def sanitized_build(tmp_path_factory):
    return build_strict_and_lenient(
        tmp_path_factory.mktemp("sanitized"), {"fientlig.md": HOSTILE_STORY + WALKS_AROUND_THE_GUARDS}
    )


def test_the_strict_build_stops_on_what_the_sanitizer_removes(sanitized_build):
    strict, _ = sanitized_build
    assert strict.returncode != 0
    assert 'stories/fientlig.md: attributet class="md-dialog md-dialog--active" på <p> togs bort' in strict.stderr
    assert "stories/fientlig.md: attributet srcset=" in strict.stderr


def test_the_build_sanitizes_what_the_guards_let_through(sanitized_build):
    article = article_of(sanitized_build[1], "berattelser/fientlig")
    assert "Falsk dialog" in article and "md-dialog" not in article
    assert "Krockar med sökrutan" in article and 'id="__search"' not in article
    assert '<img src="bild.png" alt="Bild">' in article and "spion.png" not in article


MARKER_PAYLOADS = [
    "<svg/onload=window.kbPwned=1>",
    '<img src=x onerror="window.kbPwned=1">',
    '<a id=l href="&#106;avascript:window.kbPwned=1">l</a>',
    '<a id=m href="javascript&colon;window.kbPwned=1">m</a>',
    "<script>window.kbPwned=1</script>",
    '<iframe srcdoc="<script>parent.kbPwned=1</script>"></iframe>',
    '<object data="javascript:window.kbPwned=1"></object>',
    '<details open ontoggle="window.kbPwned=1">x</details>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.kbPwned=1">',
    '<noscript><p title="</noscript><img src=x onerror=window.kbPwned=1>">',
    "<base href=javascript:/a/>",
]


# Our own markup after the payloads, firing through the same late events (a failed image, a frame's
# script, a toggle, an SVG load): once all have fired, so would any payload that survived the sanitizer.
SENTINELS = (
    "<script>window.kbSeen = []</script>"
    "<img src=x onerror=\"kbSeen.push('img')\"><svg onload=\"kbSeen.push('svg')\"></svg>"
    "<details open ontoggle=\"kbSeen.push('details')\">x</details>"
    "<iframe srcdoc=\"<script>parent.kbSeen.push('iframe')</script>\"></iframe>"
)
ALL_SEEN = "() => window.kbSeen && window.kbSeen.length === 4"


def test_no_payload_runs_in_chromium_after_sanitizing(page):
    cleaned = sanitize.clean("\n".join(MARKER_PAYLOADS))
    page.set_content(f"<!doctype html><html><body>{cleaned}{SENTINELS}</body></html>")
    for link in page.locator("a").all():
        link.click()
    page.wait_for_function(ALL_SEEN)
    assert page.evaluate("window.kbPwned") is None
    # The same payloads unsanitized do run, so the test can fail.
    page.set_content(f"<!doctype html><html><body>{MARKER_PAYLOADS[1]}{SENTINELS}</body></html>")
    page.wait_for_function(ALL_SEEN)
    assert page.evaluate("window.kbPwned") == 1


def test_the_build_s_own_markup_is_sanitized_too():
    """Generated parts carry contributed values (source addresses, timeline text): script goes there too."""
    start, end = sanitize.author_region("n")
    chart = '<figure class="kb-figur"><svg viewBox="0 0 9 9" role="img"><rect x="1" y="1" width="2" height="2"/></svg>'
    page = (
        f'<a href="&#74;avascript:alert(1)">källa</a>{start}x{end}{chart}<p data-kb-x="1" hidden>'
        f'<input type="checkbox" onclick="alert(1)"></p><td style="text-align: right; position: fixed">'
    )
    cleaned, removed = sanitize.clean_page_reporting(page, "n")
    assert "javascript" not in cleaned.lower() and "onclick" not in cleaned and "position" not in cleaned
    assert '<rect x="1" y="1" width="2" height="2">' in cleaned and 'data-kb-x="1"' in cleaned
    assert any("länken 'Javascript:alert(1)'" in what for what in removed)
    assert any('attributet onclick="alert(1)" på <input>' in what for what in removed)


def test_every_macro_page_is_reviewed_by_the_developers():
    """Jinja runs on the build machine: a page on the list is code, so the developers' team must own it
    (CODEOWNERS: the last matching line wins, so each page's line must come after the /docs/ line)."""
    from sitebuild import ROOT

    rules = [
        line.split()
        for line in (ROOT / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for path in developer_pages.MACRO_PAGES:
        owners = [rule[1:] for rule in rules if f"/{path}".startswith(rule[0].rstrip("*"))]
        assert owners and owners[-1] == ["@ORGANISATION/utvecklare"], path


TOC_ATTACK = """
## Rubrik <b title="<!--">x</b> <i title='-->"><img src=x= onerror\t=alert(1)>'>y</i>

Text.
"""


def test_a_heading_cannot_smuggle_markup_into_the_table_of_contents():
    import markdown
    from sitebuild import ROOT  # noqa: F401

    from macros.views import sanitize_report

    md = markdown.Markdown(extensions=sanitize_report.EXTENSIONS)
    md.convert(TOC_ATTACK.replace("\\t", "\t"))
    raw = md.toc_tokens[0]["name"]
    assert "<img" in raw  # the toc extension really does rebuild a tag here

    class Entry:
        def __init__(self, title):
            self.title, self.children = title, []

    entries = [Entry(raw)]
    sanitize.clean_toc(entries)
    assert "<" not in entries[0].title.replace("&lt;", "")


def test_the_sanitizer_skips_its_report_only_where_nothing_was_removed():
    """The post-build sanitizer reports what it removed, but parses a piece for the report only when the
    cleaned HTML differs from what went in (sanitize.unchanged): that shortcut must never hide a removal."""
    rng = random.Random(20261203)
    pieces = [
        "<",
        ">",
        "/",
        "=",
        '"',
        " ",
        "a",
        "p",
        "img",
        "svg",
        "title",
        "on",
        "load",
        "href",
        "src",
        "rel",
        "javascript:",
        "&#106;",
        "&amp;",
        "&para;",
        "data:",
        "style",
        "script",
        "<!--",
        "-->",
        "\n",
        "hidden",
        "<a ",
        "<img ",
        "<div ",
        "<p ",
        "<br />",
        "class=",
        "md-x",
        "id=",
        "__",
        "x.png",
        '=""',
        "x-y",
    ]
    samples = list(ATTACKS.values()) + [
        "<p>a &amp; b<br /></p>",
        '<a href="x">l</a>',
        "<p hidden>x</p>",
        f'<a href="x" rel="{sanitize.LINK_REL}">l</a>',
    ]
    samples += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    skipped = 0
    for sample in samples:
        for author in (True, False):
            cleaned = sanitize.clean(sample) if author else sanitize.clean_generated(sample)
            if sanitize.unchanged(sample, cleaned, author):
                skipped += 1
                assert sanitize.removals(sample, generated=not author) == [], (sample, author)
    assert skipped > 500  # the shortcut is taken, or the test proves nothing


# Texts for the guard's quick skip (macros/content/guards.py: a rule runs only on a text holding one of its
# needles): letters that re.I folds onto ASCII ('ſ' for s, the Kelvin sign for k, dotless and dotted i),
# upper case, entities, nesting, remote images, a megabyte of markup, and plain text that must pass.
SKIP_CASES = {
    "long s in javascript": "[x](javaſcript:alert(1))",
    "upper case and entity colon": "[x](JAVASCRIPT&colon;alert(1))",
    "decimal j": "[x](&#106;avascript:x)",
    "hex j upper case": "[x](&#X6A;avascript:x)",
    "data url": "[x](DATA:TEXT/html,x)",
    "long s in script tag": "<ſcript>x</ſcript>",
    "dotted capital i": "<SCRİPT>x",
    "kelvin sign in handler": "<a onclicK=x>",
    "long s in style": "<p ſtyle = x>",
    "remote image": "![x]( //andra.se/bild.png)",
    "remote img tag": "<IMG SRC=//andra.se/x.png>",
    "deep quote": ">" * 21 + " citat",
    "megabyte of markup": "<b onkey=1>" * 100_000,
    "many lines of markup": "<b onkey=1>\n" * 50_000 + "[x](javascript:y)",
    "image openers and no close": "![" * 500_000 + "](//andra.se/x.png)",
    "img tags and no end": "<img " * 200_000 + "src=//andra.se/x.png",
    "plain text": "Esther kom hem en tisdag – 2026-11-23 – och ringde vårdcentralen.",
}


@pytest.mark.parametrize("text", SKIP_CASES.values(), ids=SKIP_CASES.keys())
def test_the_guards_quick_skip_finds_exactly_what_every_rule_finds(text):
    from macros.content import guards

    line_at = list(itertools.accumulate((char == "\n" for char in text), initial=1))  # position -> line
    every_rule = [
        (line_at[match.start()], message.format(match.group(1).lower() if match.groups() else ""))
        for pattern, message, _ in guards.UNSAFE_MARKUP
        for match in pattern.finditer(text)
    ]
    assert list(guards.unsafe_markup(text, 1)) == every_rule
    assert bool(every_rule) == (text != SKIP_CASES["plain text"])


# The two image rules as the regexes they were (quadratic on '![' or '<img' repeated); guards.SegmentRule
# must find exactly their matches in one pass.
IMAGE_REGEXES = (
    re.compile(r"!\[[^\]]*\]\(\s*(?:https?:)?//", re.I),
    re.compile(r"<img[^>]*src\s*=\s*[\"']?(?:https?:)?//", re.I),
)


def test_the_image_rules_find_what_their_regexes_found_in_one_pass():
    from macros.content import guards

    rules = [rule for rule, _, _ in guards.UNSAFE_MARKUP if isinstance(rule, guards.SegmentRule)]
    assert len(rules) == len(IMAGE_REGEXES)
    rng = random.Random(20261204)
    pieces = [
        "![",
        "]",
        "(",
        " ",
        "\n",
        "//",
        "http:",
        "HTTPS:",
        "<img",
        "<IMG",
        "<İmg",
        ">",
        "src",
        "ſrc",
        "=",
        '"',
        "'",
        "x",
        "[",
        "!",
        "](//a.se",
        "]( //a",
        "src=//",
        "src = 'http://",
        "<img src=//a",
    ]
    samples = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(20_000)]
    samples += ["![x](//a.se/b.png)", "![a](//x) ![b](https://y)", "<img alt=x src='//a.se'>", "<img src=x.png>"]
    found = 0
    for sample in samples:
        for rule, regex in zip(rules, IMAGE_REGEXES, strict=True):
            expected = [match.start() for match in regex.finditer(sample)]
            assert [match.start() for match in rule.finditer(sample)] == expected, (sample, regex.pattern)
            found += bool(expected)
    assert found > 500  # the samples really do hold remote images, or the test proves nothing


# A megabyte of what once made a guard backtrack or rescan, for every guard: each runs in linear time, so
# these return at once (a quadratic guard takes hours here, and the suite would never end).
HOSTILE_MEGABYTES = {
    "e-mail: an @ before a long dotted run": ("personal_data", "Skriv till @ " + "a." * 500_000, 0),
    "e-mail: a long hyphened run": ("personal_data", "a@" + "a-" * 500_000, 0),
    "phone numbers": ("personal_data", "ring 036-32 40 00 " * 50_000, 50_000),
    "personnummer with en dashes": ("personnummer", "19121212–1212 " * 70_000, 70_000),
    "snippet dashes": ("snippet_lines", "-" * 1_000_000, 0),
    "handlers without equals": ("unsafe_markup", " onclick" * 125_000, 0),
    "brackets": ("heavy_markup", "[" * 1_000_000, 1),
    "list markers on one line": ("structure.structure", "- " * 500_000, 2),  # too deep, too many blocks
    "a list nested by indentation, 700 levels": (
        "structure.nesting",
        "".join("    " * level + "- a\n" for level in range(700)),
        1,
    ),
    "indentation without a marker": ("structure.nesting", " " * 999_999 + "x", 1),
    "quotes and numbered lists": ("structure.nesting", "> 1. " * 200_000, 1),
    "boxes": ("structure.nesting", "!!! \n    ??? \n" * 100_000, 0),
    "open HTML elements": ("structure.nesting", "<div markdown>" * 70_000, 1),
    "HTML closing what was never opened": ("structure.nesting", "<a></b>\n" * 125_000, 1),
    "HTML opened, then closed all at once": ("structure.nesting", "<a>" * 300_000 + "</a>", 1),
    "digits that are no list": ("structure.nesting", "1" * 1_000_000, 0),
    "pipes": ("structure.tables", "|" * 1_000_000, 1),
    "table separators row after row": ("structure.tables", "a|b\n-|-\n" * 125_000, 1),
    "headings in one run": ("structure.blocks", "# a\n" * 250_000, 2),
    "definitions and rules in one run, split by carriage returns": ("structure.blocks", ": a\r---\r" * 125_000, 2),
    "paragraphs": ("structure.blocks", "a\n\n" * 333_333, 1),
    "backticks": ("structure.inline_markup", "`" * 1_000_000, 1),
    "hard line breaks": ("structure.inline_markup", "a  \n" * 250_000, 1),
}


@pytest.mark.parametrize("guard, text, findings", HOSTILE_MEGABYTES.values(), ids=HOSTILE_MEGABYTES.keys())
def test_every_guard_reads_a_hostile_megabyte_in_linear_time(guard, text, findings):
    from macros.content import guards, structure

    module, _, name = guard.rpartition(".")
    assert len(list(getattr({"": guards, "structure": structure}[module], name)(text, 1))) == findings


@pytest.mark.langsam
def test_a_page_too_heavy_to_render_stops_the_build_before_the_engine(tmp_path):
    """Python-Markdown is quadratic on thousands of '[' or '<': such a page is refused before anything renders."""
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    heavy = FIXTURES / "validator" / "a-page-too-heavy-to-render-is-refused-before-rendering" / "files" / "stories"
    (project / "stories" / "tung.md").write_text((heavy / "a.md").read_text(encoding="utf-8"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "stories/tung.md:19" in output and "fler än de 1000 som en sida kan ha" in output, output
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.langsam
def test_a_list_nested_400_levels_stops_the_build_with_the_line_not_a_recursion_error(tmp_path):
    """400 levels of nested lists end Python-Markdown in a RecursionError: the catalog refuses the page, in Swedish,
    at the line where the nesting goes past 20 levels, before anything renders."""
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    story = FIXTURES / "validator" / "deeply-nested-lists-are-refused-at-the-line" / "files" / "stories" / "a.md"
    front = story.read_text(encoding="utf-8").split("\n---\n")[0] + "\n---\n"
    nested = "".join("    " * level + f"- nivå {level + 1}\n" for level in range(400))
    (project / "stories" / "djup.md").write_text(front + "\n" + nested, encoding="utf-8")
    first = front.count("\n") + 2  # the first list line
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"stories/djup.md:{first + 20}" in output, output
    assert "Texten är nästlad i 400 nivåer här (indrag, listor), fler än de 20 som en sida kan ha" in output, output
    assert "RecursionError" not in output and "Traceback" not in output, output
    assert not (tmp_path / "site" / "index.html").exists()
