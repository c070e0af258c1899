"""The Build: everything one build knows, collected once and handed to every step that renders.

`load_build` reads the git history once (macros/content/history.py: every file's commits and every
rename), the catalog (every content file, checked, with references to renamed files named as such)
and the day the build takes as today, and draws the secret that fences the author's text for the
sanitizer. Nothing is kept
in a module: the generator, the macros and the scripts each hold the Build they were given, so two
builds in one process (a test, the preview server regenerating) never see each other's state.
Derived tables that several pages need (who links to what, journey members) are computed on first
use and kept on the Build, for this build only.
"""

import datetime
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from macros.content import workflow
from macros.content.catalog import Catalog, Item, LoadedFiles, load_catalog
from macros.content.history import History
from macros.content.history import read as read_history
from macros.model.problems import errors, report

T = TypeVar("T")


class ContentError(Exception):
    """Raised with every content problem at once; the build stops with this message."""


DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default when KB_SITE_URL is not set


@dataclass(frozen=True)
class SiteSettings:
    """What the config says about where the site and its sources live (mkdocs.yml, as read)."""

    site_url: str = DEFAULT_SITE_URL  # absolute addresses: the feed, the redirects' canonical links
    site_name: str = ""
    repo_url: str = ""  # links to commits and file histories (checked where they are built)
    edit_uri: str = ""
    # Where readers send word of accessibility shortcomings (DOS-lagen): an e-mail address the publishing
    # organisation sets (extra.synpunkter_epost, KB_SYNPUNKTER_EPOST); "" until it does.
    feedback_email: str = ""


def site_settings(config: Mapping[str, Any]) -> SiteSettings:
    extra = config.get("extra") or {}
    return SiteSettings(
        str(config.get("site_url") or DEFAULT_SITE_URL),
        str(config.get("site_name") or ""),
        str(config.get("repo_url") or ""),
        str(config.get("edit_uri") or ""),
        str(extra.get("synpunkter_epost") or "").strip(),
    )


@dataclass
class Build:
    root: Path
    catalog: Catalog
    preview: bool  # drafts shown (make serve), never in a published build
    changed: dict[str, datetime.date]  # repository path -> date of its newest commit (from git; {} without history)
    nonce: str = field(default_factory=lambda: secrets.token_hex(16))  # fences the author's text
    tables: dict[str, object] = field(default_factory=dict)  # derived per-build tables, see `table`
    history: History = field(default_factory=History)  # commits and renames from git
    site: SiteSettings = field(default_factory=SiteSettings)

    @property
    def today(self) -> datetime.date:
        return self.catalog.today

    def table(self, name: str, compute: Callable[["Build"], T]) -> T:
        """A table derived from the catalog, computed once for this build (`compute(build)`)."""
        if name not in self.tables:
            self.tables[name] = compute(self)
        # Each name is computed by one function, so the table kept under it is what that function returns.
        return cast(T, self.tables[name])

    def published_items(self) -> list[Item]:
        """Items that get a page: everything but drafts, which only the preview shows."""
        return [i for i in self.catalog.items.values() if self.preview or not workflow.is_draft(i)]

    def left_out_drafts(self) -> list[Item]:
        return [i for i in self.catalog.items.values() if workflow.is_draft(i) and not self.preview]


def load_build(
    root: Path,
    preview: bool,
    today: datetime.date | str | None = None,
    site: SiteSettings | None = None,
    past: History | None = None,
    files: LoadedFiles | None = None,
) -> Build:
    """Load and check everything once; ContentError lists every problem that stops the build.

    past: the git history if the caller has it already (the engine's process gets the generator's
    dates from the staging manifest); otherwise git is read here, once.
    """
    root = Path(root).resolve()
    if isinstance(today, str):
        today = datetime.date.fromisoformat(today)
    today = today or datetime.date.today()
    past = read_history(root, today) if past is None else past  # no change dated after today
    catalog = load_catalog(root, today, renames=past.renames, files=files)
    if errors(catalog.problems):
        raise ContentError(
            "Innehållet har fel som måste rättas innan webbplatsen kan byggas:\n" + report(catalog.problems)
        )
    return Build(root, catalog, preview, past.dates, history=past, site=site or SiteSettings())
