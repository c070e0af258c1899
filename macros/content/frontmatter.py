"""Strict front-matter loader.

MkDocs silently drops front matter it cannot parse, so a typo would publish a page
without its metadata. This loader raises instead, with a Swedish message and the
line in the file, and keeps the line of every field so later checks can point at it.
"""

from dataclasses import dataclass
from typing import Any

import yaml

MAX_BYTES = 1_000_000  # a Markdown page this large is a mistake, not content
# libyaml's parser when PyYAML has it: several times faster, and parsing is most of loading.
Loader: type[yaml.SafeLoader | yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Where a value sits in the front matter: its keys and list indexes from the top, ("kallor", 0, "url").
FieldPath = tuple[str | int, ...]


class FrontMatterError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


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


def _yaml_hint(problem: str) -> str:
    if "\t" in problem or "\\t" in problem or "tab" in problem:
        return "Använd mellanslag för indrag, aldrig tabb."
    if "mapping values are not allowed" in problem:
        return 'Ett värde innehåller kolon (:). Sätt citattecken runt värdet, till exempel titel: "Fråga: svar".'
    if "could not find expected ':'" in problem or "simple key" in problem:
        return "Varje fält skrivs som namn: värde. Kontrollera att raden har ett kolon efter fältnamnet."
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "Indraget stämmer inte. Listpunkter (-) och underfält ska ha samma indrag som raden ovanför."
    if "found undefined alias" in problem or "found character" in problem:
        return "Ett värde börjar med ett specialtecken (* & ! % @ `). Sätt citattecken runt värdet."
    return "Kontrollera raden och jämför med mallen i bidragsguiden."


def _index_lines(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int], offset: int) -> None:
    """Record the line of every field and refuse duplicate keys (PyYAML keeps the last silently)."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                raise FrontMatterError(
                    line, f"Fältet '{key}' finns två gånger (rad {seen[key]} och rad {line}). Ta bort det ena."
                )
            seen[key] = line
            lines[path + (key,)] = line
            _index_lines(value_node, path + (key,), lines, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1 + offset
            _index_lines(item, path + (index,), lines, offset)


def _refuse_aliases(source: str, offset: int) -> None:
    """Anchors and aliases (&a, *a) can make a document refer to itself or grow without bound."""
    if "&" not in source and "*" not in source:
        return  # nothing to find: skip the second pass over the text
    try:
        for token in yaml.scan(source, Loader=Loader):
            if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
                raise FrontMatterError(
                    token.start_mark.line + 1 + offset,
                    (
                        "Front matter använder & eller * (YAML-ankare), vilket inte är tillåtet här. Skriv ut värdet "
                        "eller sätt citattecken runt en text som börjar med & eller *."
                    ),
                )
    except yaml.YAMLError:
        return  # the parser below reports syntax errors with a better message


def parse_yaml(source: str, offset: int = 1) -> tuple[object, dict[FieldPath, int]]:
    """Parse YAML with field lines; offset is the file line before the YAML's first line."""
    _refuse_aliases(source, offset)
    loader = Loader(source)
    try:
        node = loader.get_single_node()
        lines: dict[FieldPath, int] = {}
        if node is None:
            return {}, lines
        _index_lines(node, (), lines, offset)
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + offset) if mark else offset + 1
        problem = str(error.problem or error.context or "")
        source_lines = source.split("\n")
        text = source_lines[line - offset - 1] if 0 <= line - offset - 1 < len(source_lines) else ""
        hint = _yaml_hint("\t" if "\t" in text else problem)
        raise FrontMatterError(line, f"Front matter är inte giltig YAML ({problem}). {hint}") from None
    except yaml.YAMLError as error:
        raise FrontMatterError(
            offset + 1, f"Front matter är inte giltig YAML ({error}). {_yaml_hint(str(error))}"
        ) from None
    except ValueError as error:  # e.g. a date like 2026-13-40
        raise FrontMatterError(
            offset + 1, f"Ett värde går inte att tolka ({error}). Datum skrivs ÅÅÅÅ-MM-DD med giltig månad och dag."
        ) from None
    finally:
        loader.dispose()


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
