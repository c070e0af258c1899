"""Generate, then build with ProperDocs: `make build`, `make serve` and every test build come through here.

ProperDocs is the maintained continuation of MkDocs 1.6 with the same plugin and hook API. With
`properdocs.replacement` imported first (as `python -m properdocs` does), every `import mkdocs.*` (in
Material, mkdocs-macros and our hooks) gets ProperDocs' module, so one engine runs the whole build.

1. the generator writes the staging tree (macros/generate/staging.py): no engine code runs there;
2. ProperDocs builds it strictly, in this process (macros/adapters/engine_in_process.py); the staged
   config's hook sanitizes every page and shapes the search index after the build
   (macros/adapters/properdocs_hooks.py);
3. every staging path in the engine's messages is replaced by the source file a person edits.

    kb-bygg [--forhandsvisning] [--webbplats site]     (make build)
    kb-visa [--adress 127.0.0.1:8000]                   (make serve: drafts shown, rebuilt on change,
                                                         ProperDocs' own server in a process of its own)
"""

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from macros.adapters.engine_in_process import run_engine_in_process
from macros.content.build import ContentError
from macros.generate import staging
from macros.generate.preview_memory import PreviewMemory
from macros.model.settings import Settings, from_environment

ENGINE = [sys.executable, "-m", "properdocs"]
ROOT = Path(__file__).resolve().parents[2]
SOURCE_FOLDERS = ("docs", "stories", "strategies", "macros")


def engine_env(**extra: str) -> dict:
    """The environment for the engine: Material's notice about MkDocs 2 off, plus `extra`.

    The engine's process imports our hooks and macros from the same checkout as this process (a git
    worktree beside the installed one, say), never a different copy of the package.
    """
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=path, **extra)


@dataclass
class BuildResult:
    returncode: int
    stdout: str
    stderr: str  # the engine's messages (or the generator's), naming source files, never staging copies
    staged: staging.StagingResult | None = None

    @classmethod
    def of_engine(cls, staged: staging.StagingResult, code: int, stdout: str, stderr: str) -> "BuildResult":
        """What the engine said about a staging tree, with the generator's notices first and every staging
        path replaced by the source file a person edits."""
        notices = "".join(f"INFO    -  {line}\n" for line in staged.notices)
        return cls(code, notices + staged.translate(stdout), staged.translate(stderr), staged)


def staging_dir_for(site_dir: Path) -> Path:
    """Where a build's staging tree goes: beside the site folder, never inside a content folder."""
    site_dir = Path(site_dir).resolve()
    return site_dir.parent / f".{site_dir.name}-staging"


def build(
    project: Path,
    site_dir: Path,
    preview: bool = False,
    today: str | None = None,
    strict: bool = True,
    staging_dir: Path | None = None,
    settings: Settings = Settings(),
) -> BuildResult:
    """Generate the staging tree of `project` and build it with ProperDocs into `site_dir`: the one build
    path, for `make build`, the scripts and the tests alike.

    The engine runs in this Python process (macros/adapters/engine_in_process.py), as its own command
    would: the same site and messages (tests/test_engine_in_process.py holds the two together), without
    an interpreter and its imports per build. preview: drafts included, as `make serve` shows them;
    today: the date the build takes as today (YYYY-MM-DD; settings.day() if not given); settings: what the
    command line read from the environment (macros/model/settings.py).
    """
    out = Path(staging_dir) if staging_dir else staging_dir_for(site_dir)
    try:
        staged = staging.write_staging(Path(project), out, preview, today, "mkdocs", settings=settings)
    except (staging.GenerationError, ContentError) as error:
        return BuildResult(1, "", str(error) + "\n")
    code, stdout, stderr = run_engine_in_process(staged.config_file, Path(site_dir).resolve(), strict, cwd=staged.out)
    return BuildResult.of_engine(staged, code, stdout, stderr)


class PreviewServer:
    """`make serve`: the staging tree with drafts, served by ProperDocs with live reload, and written
    anew whenever a source file changes. A content error is printed in Swedish and the last good
    tree stays served, so the preview never hangs on a typo."""

    def __init__(self, project: Path, address: str, out: Path, settings: Settings = Settings()):
        self.project, self.address, self.out = Path(project).resolve(), address, Path(out).resolve()
        self.settings = settings
        self.process = None
        self.last = None
        self.memory = PreviewMemory()  # a save reads and stages again only what it changed

    def generate(self) -> bool:
        try:
            # One nonce for the session: a rebuild never mixes a page and a manifest from two generations.
            self.last = staging.write_staging(
                self.project,
                self.out,
                preview=True,
                flavour="mkdocs",
                nonce=self.last.nonce if self.last else None,
                settings=self.settings,
                memory=self.memory,
            )
        except (staging.GenerationError, ContentError) as error:
            print(
                f"\nFörhandsvisningen visar den senaste felfria versionen tills felet är rättat:\n{error}\n",
                file=sys.stderr,
                flush=True,
            )
            return False
        if self.last.config_changed and self.process is not None:
            # The menu or the site's settings changed: every page shows them, so every page is rebuilt.
            now = time.time()
            for path in (self.out / staging.STAGED_DOCS).rglob("*.md"):
                os.utime(path, (now, now))
        for line in self.last.notices:
            print(line, flush=True)
        return True

    def start(self) -> None:
        if not self.generate():
            raise SystemExit(1)
        # --dirty: a rebuild renders only the staged pages that changed (the generator rewrites exactly the
        # pages a change touches); when the menu changes, `generate` marks every page changed.
        command = ENGINE + ["serve", "--livereload", "--dirty", "--dev-addr", self.address]
        command += ["-f", str(self.last.config_file)]
        self.process = subprocess.Popen(
            command,
            cwd=self.out,
            env=engine_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
        )
        threading.Thread(target=self._relay, daemon=True).start()

    def _relay(self) -> None:
        for line in self.process.stdout:
            print(self.last.translate(line) if self.last else line, end="", flush=True)

    def watch(self) -> None:
        """Regenerate on every change to a source folder or mkdocs.yml (debounced), until stopped."""
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        changed = threading.Event()

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):
                # Changes only: reading a file (opened, closed without writing) is an event too.
                if (
                    event.event_type in ("created", "modified", "deleted", "moved")
                    and "__pycache__" not in str(event.src_path)
                    and ".cache" not in Path(event.src_path).parts
                ):
                    changed.set()

        observer = Observer()
        for folder in SOURCE_FOLDERS:
            if (self.project / folder).is_dir():
                observer.schedule(Handler(), str(self.project / folder), recursive=True)
        observer.schedule(Handler(), str(self.project), recursive=False)
        observer.start()
        try:
            while self.process.poll() is None:
                if changed.wait(0.5):
                    time.sleep(0.1)  # an editor saves in several steps, within milliseconds
                    changed.clear()
                    self.generate()
        finally:
            observer.stop()
            self.stop()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


def _settings() -> Settings:
    """The environment's settings, read once here at the command line; a malformed one stops with its message."""
    try:
        return from_environment(os.environ)
    except ValueError as error:
        raise SystemExit(f"fel: {error}") from None


def build_main(argv=None) -> int:
    """Bygg webbplatsen strikt: först genereras all Markdown, sedan bygger ProperDocs den (make build)."""
    parser = argparse.ArgumentParser(description=build_main.__doc__)
    parser.add_argument("--webbplats", type=Path, default=ROOT / "site", help="mappen webbplatsen byggs till")
    parser.add_argument("--forhandsvisning", action="store_true", help="ta med utkast")
    parser.add_argument("--rot", type=Path, default=ROOT, help="projektets mapp (där mkdocs.yml ligger)")
    args = parser.parse_args(argv)
    settings = _settings()
    result = build(
        args.rot,
        args.webbplats,
        preview=args.forhandsvisning,
        staging_dir=args.rot / ".cache" / "staging",
        settings=settings,
    )
    print(result.stdout + result.stderr, end="", file=sys.stderr if result.returncode else sys.stdout)
    return result.returncode


def serve_main(argv=None) -> int:
    """Visa webbplatsen med utkast och automatisk omladdning medan du skriver (make serve)."""
    parser = argparse.ArgumentParser(description=serve_main.__doc__)
    parser.add_argument("--adress", default="127.0.0.1:8000", help="värd:port att visa på")
    parser.add_argument("--rot", type=Path, default=ROOT, help="projektets mapp (där mkdocs.yml ligger)")
    args = parser.parse_args(argv)
    server = PreviewServer(args.rot, args.adress, args.rot / ".cache" / "staging-serve", _settings())
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stopped from outside: stop the engine too
    server.start()
    try:
        server.watch()
    except KeyboardInterrupt:
        server.stop()
    return 0


if __name__ == "__main__":  # python -m macros.adapters.properdocs bygg|visa …: the checkout you stand in
    commands = {"bygg": build_main, "visa": serve_main}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit("användning: python -m macros.adapters.properdocs bygg|visa [flaggor]")
    sys.exit(commands[sys.argv[1]](sys.argv[2:]))
