"""Generate, then build: the staging tree (macros/generate.py) built strictly by MkDocs or Zensical.

    python scripts/build_staged.py --motor zensical --ut .cache/staging-zensical [--forhandsvisning]

1. writes the staging tree and its config (no engine code runs in this step);
2. runs the engine strictly on it (`mkdocs build --strict` or `zensical build --strict`), and fails
   on any warning line too, with the staging paths in its messages replaced by the source files;
3. sanitizes every built page (macros/postbuild.py), which a hook-free engine does not do itself;
4. for MkDocs, shapes Material's search index as the hook build does (macros/search_index.py).
The site is in <ut>/site. The hook build (`make build`) is still the production path.
"""

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import generate, postbuild, search_index, site  # noqa: E402

WARNING_LINE = ("WARNING", "ERROR", "Warning:", "Error:")


@dataclass
class StagedBuild:
    returncode: int
    output: str  # the engine's messages, translated to source paths
    staging: generate.StagingResult | None
    site_dir: Path | None
    problems: list = field(default_factory=list)  # what makes the build fail, in Swedish
    seconds: dict = field(default_factory=dict)  # generate / engine / sanitize


def engine_command(flavour: str, config_file: Path) -> list[str]:
    if flavour == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config_file)]
    zensical = os.environ.get("KB_ZENSICAL") or str(Path(sys.executable).parent / "zensical")
    return [zensical, "build", "--strict", "--clean", "-f", str(config_file)]


def build_staged(root: Path, out: Path, flavour: str, preview: bool = False, today=None) -> StagedBuild:
    started = time.perf_counter()
    try:
        staging = generate.write_staging(root, out, preview, today, flavour)
    except (generate.GenerationError, site.ContentError) as error:
        return StagedBuild(1, "", None, None, [str(error)])
    seconds = {"generate": staging.seconds}
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1")
    engine_started = time.perf_counter()
    process = subprocess.run(engine_command(flavour, staging.config_file), cwd=staging.out, env=env,
                             capture_output=True, text=True, encoding="utf-8")
    seconds["engine"] = time.perf_counter() - engine_started
    output = staging.translate(process.stdout + process.stderr)
    problems = [line for line in output.splitlines() if line.startswith(WARNING_LINE)]
    site_dir = staging.out / generate.SITE_DIR
    if process.returncode != 0 or problems:
        return StagedBuild(process.returncode or 1, output, staging, site_dir, problems or [output[-2000:]], seconds)
    sanitize_started = time.perf_counter()
    report = postbuild.sanitize_site(site_dir, staging.nonce, staging.pages)
    if flavour == "mkdocs":
        search_index.enrich_index(site_dir, site.current().catalog)
    seconds["sanitize"] = time.perf_counter() - sanitize_started
    seconds["total"] = time.perf_counter() - started
    problems = report.errors + report.removed  # a removal fails the build, as a warning fails a strict build
    return StagedBuild(1 if problems else 0, output, staging, site_dir, problems, seconds)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Generera webbplatsen som Markdown och bygg den strikt.")
    parser.add_argument("--motor", choices=generate.FLAVOURS, default="mkdocs")
    parser.add_argument("--ut", type=Path, required=True)
    parser.add_argument("--forhandsvisning", action="store_true", help="ta med utkast")
    args = parser.parse_args(argv)
    result = build_staged(ROOT, args.ut, args.motor, args.forhandsvisning)
    for line in result.problems:
        print(line, file=sys.stderr)
    if result.returncode == 0:
        times = ", ".join(f"{k} {v:.2f} s" for k, v in result.seconds.items())
        print(f"Byggt med {args.motor} till {result.site_dir} ({times}).")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
