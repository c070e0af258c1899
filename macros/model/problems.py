"""A problem found in the content, reported as `path:line: message` in Swedish."""

from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "fel"
WARNING = "varning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == WARNING]


def report(problems: Iterable[Problem]) -> str:
    """All problems, sorted by file and line, with a count at the end."""
    ordered = sorted(problems)
    summary = f"{len(errors(ordered))} fel, {len(warnings(ordered))} varningar."
    return "\n".join([str(p) for p in ordered] + [summary])
