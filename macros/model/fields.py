"""Field checks driven by the schema: each field's kind checks its value, then the type's rules run.

What a kind accepts, and the Swedish message that names the field, the value and the fix, live
with the kind (macros/model/kinds.py); this module supplies the file and the lines the messages point
at. References to other items are checked later, by the catalog, once every item is loaded.
"""

from typing import Any

from macros.model.kinds import FieldPath
from macros.model.problems import Problem
from macros.model.schema import ContentType, is_required


class FieldChecker:
    """The file being checked: `problem` makes a Problem on the line of a field path."""

    def __init__(self, rel_path: str, lines: dict[FieldPath, int]):
        self.rel_path = rel_path
        self.lines = lines

    def line_of(self, path: FieldPath) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 2

    @staticmethod
    def name(path: FieldPath) -> str:
        return ".".join(str(p) for p in path)

    def problem(self, path: FieldPath, message: str) -> Problem:
        return Problem(self.rel_path, self.line_of(path), message)


def check_fields(
    content_type: ContentType, data: dict[str, Any], lines: dict[FieldPath, int], rel_path: str
) -> list[Problem]:
    checker = FieldChecker(rel_path, lines)
    return content_type.front_matter.check_mapping(data, (), checker, lambda f: is_required(content_type, f))
