"""The communicator's edit loop in `make serve`: from saving a story to its new text in the served page.

For each size (0 or more synthetic stories beside today's content, scripts/bench.py make_corpus) it starts
the preview server (kb-visa, as make serve does) on a copy of the repository, waits for the first build,
then saves a story several times, each time with a new sentence, and reads the served page until the
sentence is there. The floor is the same with the engine alone: the sentence written straight into the
staged page, which the engine rebuilds without our generator (its post-build step included, as in every
build here). Saves and floor edits alternate, and the medians are printed. Used by `make bench`
(scripts/bench.py --redigering).
"""

import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import make_corpus

from macros.adapters.properdocs import engine_env

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 120.0  # seconds a change may take to show before the run is reported as failed


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, words: str, started: float) -> float:
    while time.perf_counter() - started < TIMEOUT:
        if words in page_text(url):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"{words!r} syntes inte på {url} inom {TIMEOUT:.0f} s")


def story_of(project: Path) -> Path:
    """The story saved: the repository's first (every region has at least its example story)."""
    return sorted((project / "stories").glob("*.md"))[0]


def measure(project: Path, saves: int) -> dict:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "macros.adapters.properdocs", "visa", "--rot", str(project)]
        + ["--adress", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=engine_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    story = story_of(project)
    url = f"http://127.0.0.1:{port}/berattelser/{story.stem}/"
    staged = project / ".cache" / "staging-serve" / "docs" / "berattelser" / story.name
    try:
        started = time.perf_counter()
        wait_for(url, "<article", started)
        first = time.perf_counter() - started
        ours, floor = [], []
        original = story.read_text(encoding="utf-8")
        for number in range(saves):
            words = f"Mätmening nummer {number} för redigeringen"
            started = time.perf_counter()
            story.write_text(original.rstrip("\n") + f"\n\n{words}.\n", encoding="utf-8")
            ours.append(wait_for(url, words, started))
            time.sleep(1.0)  # let the server settle before the engine-only edit
            words = f"Golvmening nummer {number} för motorn"
            started = time.perf_counter()
            staged.write_text(staged.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{words}.\n", encoding="utf-8")
            floor.append(wait_for(url, words, started))
            time.sleep(1.0)
        story.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"first": first, "ours": ours, "floor": floor}


def edit_loop(sizes: list[int], saves: int) -> None:
    print("Redigeringen i make serve: från sparad berättelse till ny text på sidan (median, sekunder)\n")
    print("| berättelser | sparad → sidan | golv: motorn ensam | skillnad | första bygget |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory(prefix="kb-redigering-") as tmp:
        for size in sizes:
            figures = measure(make_corpus(Path(tmp), size), saves)
            ours, floor = statistics.median(figures["ours"]), statistics.median(figures["floor"])
            print(
                f"| {size} | {ours:.2f} ({', '.join(f'{s:.2f}' for s in figures['ours'])}) | "
                f"{floor:.2f} ({', '.join(f'{s:.2f}' for s in figures['floor'])}) | {ours - floor:+.2f} | "
                f"{figures['first']:.1f} |",
                flush=True,
            )
    print(f"\n{saves} sparningar per storlek, varvade med ändringar direkt i motorns sida (golvet).")
