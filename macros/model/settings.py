"""The settings a run takes from its environment: read once at the edge, passed down as one object.

The command lines (macros/adapters/, macros/generate/staging.py's, scripts/) call `from_environment(os.environ)`
and hand the Settings to what they run; nothing below them reads os.environ, so a test passes a Settings
instead of changing the process's environment.

    KB_TODAY            the day the build takes as today (ÅÅÅÅ-MM-DD): expiry, reviews, the history's clamp
    KB_CMS_OAUTH_URL    the region's OAuth proxy the form editor signs in through (README)
    KB_CMS_DIR          where the form editor's npm packages are installed (default .cache/cms)
    KB_CHANGED_FILES    the files a pull request changes, one a line (the job summaries)
    KB_SITE_URL         the published site's address (the job summaries' links)
    KB_ZENSICAL         the zensical command (default: the one beside this Python)

mkdocs.yml reads its own (`!ENV [KB_SITE_URL, …]`, KB_REPO_URL, KB_SYNPUNKTER_EPOST) from `environment`.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    today: datetime.date | None = None  # None: the day the run happens
    cms_oauth_url: str = ""
    cms_dir: Path | None = None  # None: .cache/cms in the project, or in this checkout
    changed_files: tuple[str, ...] = ()
    site_url: str = ""
    zensical: str = ""
    environment: Mapping[str, str] = field(default_factory=dict)  # what mkdocs.yml's !ENV tags read

    def day(self) -> datetime.date:
        """The date expiry and review dates are measured against: KB_TODAY, or today.

        The one source of today for the build, the review page, the validator and the scaffolder,
        so a pinned date (in tests, or to preview a coming day) means the same everywhere.
        """
        return self.today or datetime.date.today()


def from_environment(environ: Mapping[str, str]) -> Settings:
    """The settings in `environ` (os.environ at a command line). A malformed KB_TODAY is a ValueError in Swedish."""
    pinned = environ.get("KB_TODAY", "").strip()
    try:
        today = datetime.date.fromisoformat(pinned) if pinned else None
    except ValueError:
        raise ValueError(f"Miljövariabeln KB_TODAY ska vara ett datum som ÅÅÅÅ-MM-DD, inte '{pinned}'.") from None
    cms_dir = environ.get("KB_CMS_DIR", "")
    return Settings(
        today=today,
        cms_oauth_url=environ.get("KB_CMS_OAUTH_URL", ""),
        cms_dir=Path(cms_dir) if cms_dir else None,
        changed_files=tuple(line.strip() for line in environ.get("KB_CHANGED_FILES", "").splitlines() if line.strip()),
        site_url=environ.get("KB_SITE_URL", ""),
        zensical=environ.get("KB_ZENSICAL", ""),
        environment=dict(environ),
    )
