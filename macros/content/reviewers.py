"""Who reviews a new story: the owners CODEOWNERS names for the stories folder.

GitHub asks them for a review when a pull request changes a story. The guide and the form name them
from here, so the words follow the setting; while CODEOWNERS holds its placeholder team, they say so
and where it is set, instead of presenting the placeholder as a fact.
"""

from pathlib import Path

FILE = "CODEOWNERS"
PLACEHOLDER = "@ORGANISATION/"  # CODEOWNERS as it is shipped, before a region names its teams
STORY_FILE = "stories/ny-berattelse.md"


def _matches(pattern: str, path: str) -> bool:
    """CODEOWNERS patterns as far as this repository uses them: *, a folder (/stories/) or a file (/x.md)."""
    if pattern == "*":
        return True
    anchored = pattern.lstrip("/")
    return path.startswith(anchored) if anchored.endswith("/") else path == anchored


def owners(root: Path, path: str = STORY_FILE) -> list[str]:
    """The owners of a path: the last line that matches wins, as on GitHub. [] without a CODEOWNERS."""
    try:
        lines = (Path(root) / FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    found: list[str] = []
    for line in lines:
        parts = line.split("#", 1)[0].split()
        if len(parts) >= 2 and _matches(parts[0], path):
            found = parts[1:]
    return found


def story_reviewers(root: Path) -> str:
    """Who reviews a story, in a Swedish phrase for the guide and the form."""
    named = owners(root)
    if not named or any(owner.startswith(PLACEHOLDER) for owner in named):
        return (
            "kommunikatörerna som granskar berättelser (vilka det är ställer administratören in i filen "
            "CODEOWNERS; där står ännu bara en platshållare)"
        )
    return ", ".join(named) + " (enligt filen CODEOWNERS)"
