"""Strict YAML with the line of every field: for front matter and for the region's configuration.

PyYAML keeps the last of two equal keys silently and follows anchors and aliases (&a, *a) that can make a
document refer to itself or grow without bound; this reader refuses both, and says in Swedish which line
is wrong and how to write it instead.
"""

import yaml

# libyaml's parser when PyYAML has it: several times faster, and parsing is most of loading.
Loader: type[yaml.SafeLoader | yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Where a value sits in the document: its keys and list indexes from the top, ("kallor", 0, "url").
FieldPath = tuple[str | int, ...]


class YamlError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


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
                raise YamlError(
                    line, f"Fältet '{key}' finns två gånger (rad {seen[key]} och rad {line}). Ta bort det ena."
                )
            seen[key] = line
            lines[path + (key,)] = line
            _index_lines(value_node, path + (key,), lines, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1 + offset
            _index_lines(item, path + (index,), lines, offset)


def _refuse_aliases(source: str, offset: int, what: str) -> None:
    """Anchors and aliases (&a, *a) can make a document refer to itself or grow without bound."""
    if "&" not in source and "*" not in source:
        return  # nothing to find: skip the second pass over the text
    try:
        for token in yaml.scan(source, Loader=Loader):
            if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
                raise YamlError(
                    token.start_mark.line + 1 + offset,
                    (
                        f"{what} använder & eller * (YAML-ankare), vilket inte är tillåtet här. Skriv ut värdet "
                        "eller sätt citattecken runt en text som börjar med & eller *."
                    ),
                )
    except yaml.YAMLError:
        return  # the parser below reports syntax errors with a better message


def parse_yaml(source: str, offset: int = 1, what: str = "Front matter") -> tuple[object, dict[FieldPath, int]]:
    """Parse YAML with field lines; offset is the file line before the YAML's first line, `what` names the
    document in messages ("Front matter", "Regionens inställningar")."""
    _refuse_aliases(source, offset, what)
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
        raise YamlError(line, f"{what} är inte giltig YAML ({problem}). {hint}") from None
    except yaml.YAMLError as error:
        raise YamlError(offset + 1, f"{what} är inte giltig YAML ({error}). {_yaml_hint(str(error))}") from None
    except ValueError as error:  # e.g. a date like 2026-13-40
        raise YamlError(
            offset + 1, f"Ett värde går inte att tolka ({error}). Datum skrivs ÅÅÅÅ-MM-DD med giltig månad och dag."
        ) from None
    finally:
        loader.dispose()
