"""The Build: everything one build knows, collected once and handed to every step that renders.

`load_build` reads the catalog (every content file, checked), the git dates and the day the build
takes as today, and draws the secret that fences the author's text for the sanitizer. Nothing is kept
in a module: the generator, the macros and the scripts each hold the Build they were given, so two
builds in one process (a test, the preview server regenerating) never see each other's state.
Derived tables that several pages need (who links to what, journey members) are computed on first
use and kept on the Build, for this build only.
"""

import datetime
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from macros.content import last_changed, workflow
from macros.content.catalog import Catalog, load_catalog
from macros.model.problems import errors, report


class ContentError(Exception):
    """Raised with every content problem at once; the build stops with this message."""


@dataclass
class Build:
    root: Path
    catalog: Catalog
    preview: bool  # drafts shown (make serve), never in a published build
    changed: dict  # repository path -> date of its newest commit (from git; {} without history)
    nonce: str = field(default_factory=lambda: secrets.token_hex(16))  # fences the author's text
    tables: dict = field(default_factory=dict)  # derived per-build tables, see `table`

    @property
    def today(self) -> datetime.date:
        return self.catalog.today

    def table(self, name: str, compute):
        """A table derived from the catalog, computed once for this build (`compute(build)`)."""
        if name not in self.tables:
            self.tables[name] = compute(self)
        return self.tables[name]

    def published_items(self) -> list:
        """Items that get a page: everything but drafts, which only the preview shows."""
        return [i for i in self.catalog.items.values() if self.preview or not workflow.is_draft(i)]

    def left_out_drafts(self) -> list:
        return [i for i in self.catalog.items.values() if workflow.is_draft(i) and not self.preview]


def load_build(root: Path, preview: bool, today: datetime.date | str | None = None) -> Build:
    """Load and check everything once; ContentError lists every problem that stops the build."""
    root = Path(root).resolve()
    if isinstance(today, str):
        today = datetime.date.fromisoformat(today)
    catalog = load_catalog(root, today or workflow.today())
    if errors(catalog.problems):
        raise ContentError("Innehållet har fel som måste rättas innan webbplatsen kan byggas:\n"
                           + report(catalog.problems))
    return Build(root, catalog, preview, last_changed.git_dates(root))
