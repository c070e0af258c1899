"""Guards on what authors write: personal data in stories, and markup that would run or fetch.

Health information about an individual is secret in Swedish health care, and a
personnummer may only be processed when clearly justified, so a story that seems
to contain one is stopped until an editor says why it is allowed.
"""

import bisect
import functools
import html
import re
from collections.abc import Collection, Iterator
from typing import Protocol

# Every quantifier is bounded, so each scan is linear in the text's length.
# Separators as Word and phones write them: any dash, with or without spaces around it.
PERSONNUMMER = re.compile(r"(?<!\d)(?:(?:19|20)?(\d{2}))(\d{2})(\d{2}) {0,3}[-+]? {0,3}(\d{4})(?!\d)")
PHONE = re.compile(
    r"(?<![\d\w+])(?:\+ {0,2}46 {0,2}(?:\(0\) {0,2})?|\(0\d{1,3}\) {0,2}|0\d{1,3} {0,2}[-/]? {0,2})"
    r"\d{1,3}(?: {0,2}-? {0,2}\d{2,3}){1,4}(?!\d)"
)
# Word's autocorrect, phones and copy-paste turn '-' and ' ' into look-alikes; full-width digits
# become ASCII through NFKC. Folded one character for one, so positions and lines stay right.
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"), " "
)


INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))  # zero-width, soft hyphen
FULL_WIDTH_DIGITS = {ord("\uff10") + digit: str(digit) for digit in range(10)}
# One table for one pass over the text: the four never map a character onto another's key.
READER_CHARACTERS = {**INVISIBLE, **DASHES, **SPACES, **FULL_WIDTH_DIGITS}
INLINE_TAG = re.compile(r"<[^<>\n]{0,300}>")


def fold(text: str) -> str:
    """The text as a reader sees it, line by line (so line numbers stay right): character references
    decoded, inline tags and invisible characters gone, dashes, spaces and full-width digits as ASCII."""
    if "<" in text or "&" in text:
        # A decoded reference may be a newline; it must not add a line. The table maps nothing onto '\n',
        # so one translate of the whole text after the join folds exactly what a translate per line would.
        text = "\n".join(
            html.unescape(INLINE_TAG.sub("", line)).replace("\n", " ") if ("<" in line or "&" in line) else line
            for line in text.split("\n")
        )
    return text.translate(READER_CHARACTERS)


SNIPPET = re.compile(r"^[ \t>]{0,40};?-{1,}8<-{1,}", re.M)
# Bounded as addresses are (64 before the @, 63 a label): unbounded runs backtracked from every start of a
# long "a.a.a…" after an @, quadratic (100 kB took 64 s).
EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")


class SegmentRule:
    """A rule of the shape `opener [^close]* tail` (after_close=False) or `opener [^close]* close tail`
    (after_close=True), found as re.finditer finds it (the same starts, re.I) in one pass over the text.

    As a regex, each opener scans on to the next `close`: a text of openers and no close ('![' repeated)
    is quadratic (100 kB took 10 s, '<img' repeated 37 s). Between two closes only the first opener can
    match, and it matches when any opener there would, so each stretch is read once."""

    def __init__(self, opener: str, close: str, tail: str, after_close: bool):
        self.opener, self.tail = re.compile(opener, re.I), re.compile(tail, re.I)
        self.close, self.after_close = close, after_close

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        start = 0
        while True:
            close = text.find(self.close, start)
            end = len(text) if close < 0 else close
            opener = self.opener.search(text, start, end)
            if opener and (
                self.tail.match(text, close + 1)
                if self.after_close and close >= 0
                else not self.after_close and self.tail.search(text, opener.end(), end)
            ):
                yield opener
            if close < 0:
                return
            start = close + 1


class Finder(Protocol):
    """What finds an unsafe pattern: a compiled regex, or a SegmentRule that finds as one would."""

    def finditer(self, text: str, /) -> Iterator[re.Match[str]]: ...


# (pattern, message, needles): a match always holds one of the needles. They are ASCII punctuation that no
# case folding touches (re.I lets 's' match 'ſ' and 'k' match the Kelvin sign, so a lowered word would not
# do), and a text without any of them skips the pattern: most pages have no '<', no '=' and no ':'.
UNSAFE_MARKUP: tuple[tuple[Finder, str, tuple[str, ...]], ...] = (
    (
        re.compile(r"<\s*(script|iframe|object|embed|style|form|input|link|meta)\b", re.I),
        "HTML-taggen <{0}> är inte tillåten i innehåll. Skriv vanlig text och Markdown.",
        ("<",),
    ),
    (
        re.compile(r"[\s/\"'{;]on[a-z]{2,30}\s{0,20}=", re.I),
        "HTML med händelseattribut (onclick …) är inte tillåtet. Ta bort det.",
        ("=",),
    ),
    (
        re.compile(r"(?:java|vb)script(?::|&colon;)|&#0*106;|&#x0*6a;|data:text", re.I),
        "Länkar med javascript:, vbscript: eller data: är inte tillåtna. Ta bort länken.",
        (":", "&"),
    ),
    (
        re.compile(r"<\s*(base|svg|math|object|embed|frame|frameset|textarea|select|button)\b", re.I),
        "HTML-taggen <{0}> är inte tillåten i innehåll. Skriv vanlig text och Markdown.",
        ("<",),
    ),
    (
        re.compile(r"^(?:[ \t]{0,3}>){21}", re.M),
        "Citatet är nästlat i fler än 20 nivåer ('>' i början av raden), vilket bygget inte klarar. Använd färre '>'.",
        (">",),
    ),
    (re.compile(r"\sstyle {0,20}=", re.I), "Attributet style är inte tillåtet i innehåll. Ta bort det.", ("=",)),
    # !\[[^\]]*\]\(\s*(?:https?:)?//
    (
        SegmentRule(r"!\[", "]", r"\(\s*(?:https?:)?//", after_close=True),
        "Bilder från andra webbplatser hämtas från en annan server, vilket webbplatsen inte tillåter "
        "(integritet och intranät). Lägg bilden i repot och länka till den där.",
        ("![",),
    ),
    # <img[^>]*src\s*=\s*["']?(?:https?:)?//
    (
        SegmentRule(r"<img", ">", r"src\s*=\s*[\"']?(?:https?:)?//", after_close=False),
        "Bilder från andra webbplatser är inte tillåtna. Lägg bilden i repot och länka till den där.",
        ("<",),
    ),
)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def find_personnummer(text: str) -> Iterator[re.Match[str]]:
    """Personnummer and samordningsnummer (day + 60), 10 or 12 digits, Luhn-checked."""
    for match in PERSONNUMMER.finditer(text):
        year, month, day, tail = match.groups()
        month_i, day_i = int(month), int(day)
        if not 1 <= month_i <= 12:
            continue
        if not (1 <= day_i <= 31 or 61 <= day_i <= 91):
            continue
        if _luhn_ok(year + month + day + tail):
            yield match


class Lines:
    """Line numbers of positions in one text. The newlines are found once and each lookup is a binary
    search: a text with k findings costs n + k·log n, where counting from the start for each finding
    cost n·k (a megabyte of `<b onkey=1>` took 24 s)."""

    def __init__(self, text: str, first_line: int):
        self.text, self.first_line = text, first_line
        self.breaks: list[int] | None = None

    def at(self, position: int) -> int:
        if self.breaks is None:
            self.breaks = [match.start() for match in NEWLINE.finditer(self.text)]
        return self.first_line + bisect.bisect_left(self.breaks, position)


NEWLINE = re.compile("\n")


def _mask(value: str) -> str:
    return value[:3] + "…" if len(value) > 3 else value


# The messages, with the masked finding as {0}: the validator prints them, and the form shows the same
# words at the field (macros/generate/cms_rules.py exports them). Fields are named by their titles in the
# form and the field reference (Kontaktuppgifter is kontaktuppgifter in the file).
PERSONNUMMER_MESSAGE = (
    "Texten ser ut att innehålla ett personnummer eller samordningsnummer ('{0}'). Ta bort det; "
    "en region publicerar aldrig personnummer, och berättelser ska vara avidentifierade."
)
PHONE_MESSAGE = (
    "Texten ser ut att innehålla ett telefonnummer ('{0}'). Ta bort det, eller skriv numret i fältet "
    "Kontaktuppgifter och skälet i fältet Skäl att publicera kontaktuppgifterna, till exempel en offentlig växel."
)
EMAIL_MESSAGE = (
    "Texten ser ut att innehålla en e-postadress ('{0}'). Ta bort den, eller skriv adressen i fältet "
    "Kontaktuppgifter och skälet i fältet Skäl att publicera kontaktuppgifterna, till exempel en funktionsbrevlåda."
)
PHONE_DIGITS = 8  # fewer digits is a short number or a count, not a phone number
URL_OR_DATE = re.compile(r"(?:https?://|www\.)\S+|\b\d{4}-\d{2}-\d{2}\b")
DIGIT_RUN = re.compile(r"\d{2}")  # the cheap test first: every personnummer and phone number has two digits in a row


@functools.lru_cache(maxsize=4)
def _scanned_text(text: str) -> str:
    """The folded text with web addresses and ISO dates blanked out (same length, so line numbers
    stay right): digits there are not personal data. Kept for the next guard on the same file."""
    return URL_OR_DATE.sub(lambda match: " " * len(match.group(0)), fold(text))


def personnummer(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, message) for each personnummer or samordningsnummer: never published, whatever the page says."""
    text = _scanned_text(text)
    lines = Lines(text, first_line)
    for match in find_personnummer(text):
        yield lines.at(match.start()), PERSONNUMMER_MESSAGE.format(_mask(match.group(0)))


def snippet_lines(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, message) for each `--8<--` line: only the build itself may include files."""
    lines = Lines(text, first_line)
    for match in SNIPPET.finditer(text):
        yield (
            lines.at(match.start()),
            "Raden '--8<--' hämtar in en annan fil, vilket inte är tillåtet i innehåll. Ta bort raden och "
            "skriv texten direkt på sidan.",
        )


def contact_key(value: str) -> str:
    """A contact detail compared by what it is, not how it is typed: digits of a phone, an address in lower case."""
    value = fold(str(value)).strip().lower()
    return value if "@" in value else re.sub(r"\D", "", value)


def personal_data(text: str, first_line: int, allowed: Collection[str] = frozenset()) -> Iterator[tuple[int, str]]:
    """(line, message) for each contact detail (phone, e-mail) that looks personal and is not named as allowed."""
    # Digits in web addresses (a DOI, an article number) and ISO dates are not personal data.
    text = _scanned_text(text)
    lines = Lines(text, first_line)
    digits = DIGIT_RUN.search(text) is not None  # the cheap test first: most stories have no such run
    for match in PHONE.finditer(text) if digits else ():
        if sum(c.isdigit() for c in match.group(0)) >= PHONE_DIGITS and contact_key(match.group(0)) not in allowed:
            yield lines.at(match.start()), PHONE_MESSAGE.format(_mask(match.group(0)))
    for match in EMAIL.finditer(text) if "@" in text else ():
        if contact_key(match.group(0)) in allowed:
            continue
        yield lines.at(match.start()), EMAIL_MESSAGE.format(_mask(match.group(0)))


# Python-Markdown's inline patterns scan on from each '[' and each '<' to the end of the text, so a text of
# thousands of them takes minutes to render (12 kB of '[' took 22 s in the validator and the build alike).
# The longest page here has 113 '[' and 4 '<'; a page over these limits is refused before it is rendered.
MARKUP_LIMITS = {"[": 1000, "<": 1000}


def heavy_markup(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, message) for a text with more '[' or '<' than Markdown can render in reasonable time."""
    yield from over_character_limits(text, first_line, MARKUP_LIMITS, "hakparenteser, länkar eller HTML-taggar")


def over_character_limits(text: str, first_line: int, limits: dict[str, int], what: str) -> Iterator[tuple[int, str]]:
    """(line, message) for each character of `limits` the text holds more of than its limit, at the line of the
    first one over it; `what` names the characters for a writer ("hakparenteser, länkar eller HTML-taggar")."""
    for char, limit in limits.items():
        count = text.count(char)
        if count > limit:
            at = -1
            for _ in range(limit + 1):  # the position of the first one over the limit
                at = text.index(char, at + 1)
            yield (
                Lines(text, first_line).at(at),
                f"Texten har {count} tecken '{char}', fler än de {limit} som en sida kan ha. Så många {what} gör "
                f"sidan för tung att bygga. Dela upp texten på flera sidor, eller ta bort tecknen från och med den "
                f"här raden.",
            )


def unsafe_markup(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, message) for markup that would run code or fetch from another host."""
    lines = Lines(text, first_line)
    for pattern, message, needles in UNSAFE_MARKUP:
        if not any(needle in text for needle in needles):
            continue
        for match in pattern.finditer(text):
            tag = match.group(1).lower() if match.groups() else ""
            yield lines.at(match.start()), message.format(tag)
