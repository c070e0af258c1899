"""Strict front-matter loader.

MkDocs silently drops front matter it cannot parse, so a typo would publish a page
without its metadata. This loader raises instead, with a Swedish message and the
line in the file, and keeps the line of every field so later checks can point at it.
"""

from dataclasses import dataclass
from typing import Any

from macros.model.strict_yaml import FieldPath, YamlError, parse_yaml

MAX_BYTES = 1_000_000  # a Markdown page this large is a mistake, not content
FrontMatterError = YamlError  # a problem in a page's front matter, with its line
__all__ = ["FieldPath", "FrontMatter", "FrontMatterError", "decode", "parse", "parse_yaml", "split"]


@dataclass
class FrontMatter:
    data: dict[str, Any]  # the YAML mapping, as PyYAML constructs it
    lines: dict[FieldPath, int]  # field path (tuple of keys/indexes) -> 1-based line in the file
    body: str


def decode(raw: bytes) -> str:
    """Bytes to text, refusing what is not a UTF-8 text file."""
    if len(raw) > MAX_BYTES:
        raise FrontMatterError(
            1,
            f"Filen är {len(raw) // 1000} kB, större än gränsen {MAX_BYTES // 1000} kB. "
            "Dela upp texten på flera sidor eller ta bort inklistrat material.",
        )
    if b"\x00" in raw:
        raise FrontMatterError(
            1, "Filen är inte en textfil (den innehåller binära data). Spara texten som vanlig text (Markdown, .md)."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise FrontMatterError(
            line, "Filen är inte sparad som UTF-8, så å, ä och ö blir fel. Spara om filen med teckenkodningen UTF-8."
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def split(text: str) -> tuple[str, str]:
    """Front matter text and body text."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(
            1,
            "Filen saknar front matter. Första raden ska vara --- följd av fälten "
            "(titel, beskrivning …) och en avslutande rad med ---.",
        )
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :])
    raise FrontMatterError(1, "Front matter avslutas aldrig. Lägg till en rad med bara --- efter sista fältet.")


def parse(raw: bytes) -> FrontMatter:
    text = decode(raw)
    head, body = split(text)
    data, lines = parse_yaml(head)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            2, "Front matter ska vara fält med namn och värde (titel: …), inte en lista eller en ensam text."
        )
    return FrontMatter(data=data, lines=lines, body=body)
