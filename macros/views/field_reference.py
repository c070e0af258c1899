"""The field reference page (docs/bidra/falt.md): every field of a content type, generated from the schema.

An overview table, then one section per field with its label, description, whether it is required, its
kind, the allowed values (ids with titles), its subfields and rules, and an example as an author writes it.
The ids a reference accepts come from the catalog, so their titles are contributed text: escaped here.
"""

import yaml

from macros.model.kinds import Record
from macros.model.schema import ContentType, is_required
from macros.model.vocabularies import label
from macros.views.markdown import md_text


def _code(text: str) -> str:
    """An inline code span; the schema's own examples never hold a backtick, but a longer fence is safe anyway."""
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}"


class _BlockDumper(yaml.SafeDumper):
    """Lists indented under their key, as the guide's template and the scaffolder write them."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def example_yaml(f) -> str:
    """A field's example as an author writes it in front matter: one line, or a block for records."""
    if f.kind.block_example:
        return yaml.dump(
            {f.name: f.example}, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, default_flow_style=False
        )
    return f"{f.name}: {f.kind.yaml(f.example)}\n"


def allowed_values(f, choices) -> str:
    """The ids a field accepts, each with its title, or '' when it takes free text."""
    values = choices(f)
    if values is None:
        return ""
    if not values:
        return "inga ännu"
    return ", ".join(f"{_code(key)} ({md_text(title)})" for key, title in values.items())


def vocabulary_choices(f) -> dict | None:
    """id -> label of a field's allow-list; references get their ids from the catalog (see macros/content/scaffold.py)."""
    if f.vocabulary:
        return {key: label(f.vocabulary, key) for key in f.vocabulary}
    return None


def _rules_for(record: Record, name: str) -> list[str]:
    return [
        rule.message
        for rule in record.rules
        if getattr(rule, "needed", None) == name or name in getattr(rule, "names", ())
    ]


def _subfields(record: Record, choices) -> list[str]:
    lines = []
    for sub in record.fields:
        parts = [
            f"{_code(sub.name)} ({md_text(sub.title)})",
            "krävs" if sub.required else "valfritt",
            md_text(sub.kind.label),
        ]
        values = allowed_values(sub, choices)
        line = (
            "    - "
            + ", ".join(parts)
            + ". "
            + md_text(sub.description)
            + (f" Tillåtna värden: {values}." if values else "")
        )
        lines.append(line)
    return lines + [f"    - {md_text(message)}" for message in (rule.message for rule in record.rules)]


def field_overview(content_type: ContentType) -> str:
    """A table of every field of a type: name (linked to its section), label, required, kind."""
    lines = ["| Fält | Namn | Krävs | Sort |", "| --- | --- | --- | --- |"]
    for f in content_type.all_fields:
        required = "ja" if is_required(content_type, f) else "nej"
        lines.append(f"| [{_code(f.name)}](#{f.name}) | {md_text(f.title)} | {required} | {md_text(f.kind.label)} |")
    return "\n".join(lines) + "\n"


def field_reference(content_type: ContentType, choices=vocabulary_choices) -> str:
    """One section per field of a type: its label, description, whether it is required, its kind, the
    allowed values (ids with titles), its subfields and rules, and an example as an author writes it.

    `choices(field)` gives id -> title of the values a field accepts, or None for free text; titles may be
    contributed text (the titles of strategies, principles …), so they are escaped here."""
    front_matter = content_type.front_matter
    lines = []
    for f in content_type.all_fields:
        lines += [f"### {_code(f.name)}: {md_text(f.title)} {{ #{f.name} }}", "", md_text(f.description), ""]
        lines.append(f"- **Krävs:** {'ja' if is_required(content_type, f) else 'nej'}")
        lines.append(f"- **Sort:** {md_text(f.kind.label)}")
        values = allowed_values(f, choices)
        if values:
            lines.append(f"- **Tillåtna värden:** {values}")
        if f.fields:
            lines.append("- **Underfält:**")
            lines += _subfields(f.kind.element, choices)
        lines += [f"- **Regel:** {md_text(message)}" for message in _rules_for(front_matter, f.name)]
        if f.example is not None:
            example = example_yaml(f)
            if example.count("\n") == 1:
                lines.append(f"- **Exempel:** {_code(example.strip())}")
            else:
                lines += ["- **Exempel:**", "", "    ```yaml", *["    " + x for x in example.splitlines()], "    ```"]
        lines.append("")
    return "\n".join(lines)
