"""The page's Historik section: what changed for a reader, in Swedish, each linked to the change on GitHub.

As Plone shows the change note its editor wrote, the page lists its last few changes that carry a
reader's note (macros/content/change_notes.py: the page's `andring` field, the register of older
notes, or its publication), never a developer's commit subject, and links to the full history. The date is the day the change reached the
main line (macros/content/landed_dates.py), never the date its author gave the commit, and the
section says so in one sentence. The history comes from the build's one
read of git (macros/content/history.py) and follows renames, so a renamed page keeps its past.

Notes are contributed text: each goes through md_text, so brackets, markup,
Jinja and link syntax are printed as the characters they are. Addresses are built only from the
configured repository address (checked) and 40-digit hashes. Without git history the section is
left out; in a shallow clone it says that older changes are on GitHub.
"""

import re
import urllib.parse
from dataclasses import dataclass

from macros.views.markdown import md_text
from macros.views.sources import swedish_date

MAX_SHOWN = 5
REPO_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~-]+)*$")
BRANCH = re.compile(r"^[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*$")
DATE_NOTE = "Datumet är dagen då ändringen kom in i huvudgrenen ({branch})."


@dataclass(frozen=True)
class Repo:
    """Where the repository is on GitHub, for links to commits and to a file's history."""

    url: str | None = None
    branch: str = "HEAD"

    @classmethod
    def from_config(cls, repo_url, edit_uri) -> "Repo":
        """From mkdocs.yml's repo_url and edit_uri (edit/<branch>/docs/); an odd address gives no links."""
        url = str(repo_url or "").strip().rstrip("/")
        parts = str(edit_uri or "").strip("/").split("/")
        branch = parts[1] if len(parts) >= 2 and parts[0] in ("edit", "blob") and BRANCH.match(parts[1]) else "HEAD"
        return cls(url if REPO_URL.match(url) else None, branch)

    def commit_url(self, commit) -> str | None:
        return f"{self.url}/commit/{commit.hash}" if self.url else None

    def file_history_url(self, rel_path: str) -> str | None:
        if not self.url:
            return None
        return f"{self.url}/commits/{self.branch}/{urllib.parse.quote(rel_path, safe='/')}"


def repo_of(build) -> Repo:
    """The Build's repository links, worked out once per build."""
    return build.table("repo", lambda b: Repo.from_config(b.site.repo_url, b.site.edit_uri))


def history_markdown(item, history, repo: Repo, count: int = MAX_SHOWN) -> str:
    """The Historik section for a page built from item's file, or '' when there is nothing to say."""
    if history is None or not history.available:
        return ""
    changes = history.for_readers(item.rel_path)
    full = repo.file_history_url(item.rel_path)
    if not changes and history.complete:
        return ""  # nothing a reader was told of yet, or not committed: nothing to list
    lines = ["", "## Historik {#historik data-search-exclude}", ""]
    for change in changes[:count]:
        target = repo.commit_url(change.commit)
        text = f"[{md_text(change.note)}]({target})" if target else md_text(change.note)
        lines.append(f"- {swedish_date(change.commit.date)}: {text}")
    if changes:
        lines.append("")
    note = ""
    if not history.complete:
        note = "Det här bygget har bara en del av historiken; äldre ändringar finns på GitHub." + (
            f" [Se sidans hela historik]({full})." if full else ""
        )
    elif full:
        note = (
            f"Visar {count} av {len(changes)} ändringar. [Se sidans hela historik på GitHub]({full})."
            if len(changes) > count
            else f"[Se sidans historik på GitHub]({full})."
        )
    if changes:  # which date the list shows: never the one the commit's author set
        note = " ".join(
            filter(None, [DATE_NOTE.format(branch=md_text(repo.branch if repo.branch != "HEAD" else "main")), note])
        )
    if note:
        lines += [note, "{ .kb-historik-mer }"]
    return "\n".join(lines + [""])
