"""Guards on what authors write: personal data in stories, and markup that would run or fetch.

Health information about an individual is secret in Swedish health care, and a
personnummer may only be processed when clearly justified, so a story that seems
to contain one is stopped until an editor says why it is allowed.
"""

import re

PERSONNUMMER = re.compile(r"(?<![\d-])(?:(?:19|20)?(\d{2}))(\d{2})(\d{2})[-+ ]?(\d{4})(?![\d])")
PHONE = re.compile(r"(?<![\d\w])(?:\+46[\s-]?\(?0?\)?|0)\d{1,3}[\s-]?\d{2,3}(?:[\s-]?\d{2,3}){1,3}(?![\d])")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")

UNSAFE_MARKUP = (
    (re.compile(r"<\s*(script|iframe|object|embed|style|form|input|link|meta)\b", re.I),
     "HTML-taggen <{0}> är inte tillåten i innehåll. Skriv vanlig text och Markdown."),
    (re.compile(r"<[^>]*\son\w+\s*=", re.I), "HTML med händelseattribut (onclick …) är inte tillåtet. Ta bort det."),
    (re.compile(r"javascript:", re.I), "Länkar med javascript: är inte tillåtna. Ta bort länken."),
    (re.compile(r"!\[[^\]]*\]\(\s*(?:https?:)?//", re.I),
     "Bilder från andra webbplatser hämtas från en annan server, vilket webbplatsen inte tillåter "
     "(integritet och intranät). Lägg bilden i repot och länka till den där."),
    (re.compile(r"<img[^>]*src\s*=\s*[\"']?(?:https?:)?//", re.I),
     "Bilder från andra webbplatser är inte tillåtna. Lägg bilden i repot och länka till den där."),
)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def find_personnummer(text: str):
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


def _line_at(text: str, position: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, position)


def _mask(value: str) -> str:
    return value[:3] + "…" if len(value) > 3 else value


URL_OR_DATE = re.compile(r"(?:https?://|www\.)\S+|\b\d{4}-\d{2}-\d{2}\b")
DIGIT_RUN = re.compile(r"\d[\d\s+()-]{6,}\d")  # every personnummer and phone number has one


def personal_data(text: str, first_line: int):
    """(line, message) for each thing that looks like personal data."""
    # Digits in web addresses (a DOI, an article number) and ISO dates are not personal data;
    # blank them out with spaces of the same length so line numbers stay right.
    text = URL_OR_DATE.sub(lambda match: " " * len(match.group(0)), text)
    digits = DIGIT_RUN.search(text) is not None  # the cheap test first: most stories have no such run
    for match in find_personnummer(text) if digits else ():
        yield (_line_at(text, match.start(), first_line),
               f"Texten ser ut att innehålla ett personnummer eller samordningsnummer ('{_mask(match.group(0))}'). "
               "Ta bort det; berättelser ska vara avidentifierade.")
    for match in PHONE.finditer(text) if digits else ():
        if sum(c.isdigit() for c in match.group(0)) >= 8:
            yield (_line_at(text, match.start(), first_line),
                   f"Texten ser ut att innehålla ett telefonnummer ('{_mask(match.group(0))}'). Ta bort det, eller "
                   "ange i fältet personuppgifter_tillatna varför det får stå kvar (till exempel en offentlig växel).")
    for match in EMAIL.finditer(text) if "@" in text else ():
        yield (_line_at(text, match.start(), first_line),
               f"Texten ser ut att innehålla en e-postadress ('{_mask(match.group(0))}'). Ta bort den, eller ange "
               "i fältet personuppgifter_tillatna varför den får stå kvar (till exempel en funktionsbrevlåda).")


def unsafe_markup(text: str, first_line: int):
    """(line, message) for markup that would run code or fetch from another host."""
    for pattern, message in UNSAFE_MARKUP:
        for match in pattern.finditer(text):
            tag = match.group(1).lower() if match.groups() else ""
            yield _line_at(text, match.start(), first_line), message.format(tag)
