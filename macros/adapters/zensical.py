"""Generate, then build with Zensical (Material's successor): the same staging tree, built strictly.

    kb-zensical --ut .cache/staging-zensical [--forhandsvisning]

1. writes the staging tree and its config for Zensical (macros/generate/staging.py);
2. runs `zensical build --strict` on it, and fails on any warning line too, with the staging paths
   in its messages replaced by the source files;
3. sanitizes every built page (macros/generate/postbuild.py), since Zensical runs no hooks of ours.
Zensical's search is English-only today, so ProperDocs with Material's Swedish search
(macros/adapters/properdocs.py) stays the production engine; tests/test_zensical_build.py keeps
this route working.
"""

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from macros.content.build import ContentError
from macros.generate import postbuild, staged_config
from macros.generate import staging as generate
from macros.model.settings import Settings, from_environment

ROOT = Path(__file__).resolve().parents[2]

WARNING_LINE = ("WARNING", "ERROR", "Warning:", "Error:")


@dataclass
class StagedBuild:
    returncode: int
    output: str  # the engine's messages, translated to source paths
    staging: generate.StagingResult | None
    site_dir: Path | None
    problems: list = field(default_factory=list)  # what makes the build fail, in Swedish
    seconds: dict = field(default_factory=dict)  # generate / engine / sanitize


def engine_command(config_file: Path, settings: Settings = Settings()) -> list[str]:
    zensical = settings.zensical or str(Path(sys.executable).parent / "zensical")
    return [zensical, "build", "--strict", "--clean", "-f", str(config_file)]


def build_staged(
    root: Path, out: Path, preview: bool = False, today=None, settings: Settings = Settings()
) -> StagedBuild:
    started = time.perf_counter()
    try:
        staging = generate.write_staging(root, out, preview, today, "zensical", settings=settings)
    except (generate.GenerationError, ContentError) as error:
        return StagedBuild(1, "", None, None, [str(error)])
    seconds = {"generate": staging.seconds}
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1")
    engine_started = time.perf_counter()
    process = subprocess.run(
        engine_command(staging.config_file, settings),
        cwd=staging.out,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    seconds["engine"] = time.perf_counter() - engine_started
    output = staging.translate(process.stdout + process.stderr)
    problems = [line for line in output.splitlines() if line.startswith(WARNING_LINE)]
    site_dir = staging.out / staged_config.SITE_DIR
    if process.returncode != 0 or problems:
        return StagedBuild(process.returncode or 1, output, staging, site_dir, problems or [output[-2000:]], seconds)
    sanitize_started = time.perf_counter()
    report = postbuild.sanitize_site(site_dir, staging.nonce, staging.pages)
    seconds["sanitize"] = time.perf_counter() - sanitize_started
    seconds["total"] = time.perf_counter() - started
    problems = report.errors + report.removed  # a removal fails the build, as a warning fails a strict build
    return StagedBuild(1 if problems else 0, output, staging, site_dir, problems, seconds)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Generera webbplatsen som Markdown och bygg den strikt med Zensical.")
    parser.add_argument("--ut", type=Path, required=True)
    parser.add_argument("--forhandsvisning", action="store_true", help="ta med utkast")
    args = parser.parse_args(argv)
    try:
        settings = from_environment(os.environ)  # the one place the environment is read
    except ValueError as error:
        print(f"fel: {error}", file=sys.stderr)
        return 1
    result = build_staged(ROOT, args.ut, args.forhandsvisning, settings=settings)
    for line in result.problems:
        print(line, file=sys.stderr)
    if result.returncode == 0:
        times = ", ".join(f"{k} {v:.2f} s" for k, v in result.seconds.items())
        print(f"Byggt med Zensical till {result.site_dir} ({times}).")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
