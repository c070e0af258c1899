"""Skriv kodgrenen `kod`: koden i den senaste committen, utan det som hör till en region.

Varje regions förråd (make ny-region) bygger på grenen `kod` och tar in en ny version av koden genom att
slå ihop den senaste `kod` med sin `main`. Grenen har allt utom regionens eget innehåll och inställningar
(macros/model/region.py REGION_PATHS): så rör en ny version aldrig en regions filer, och sammanslagningen
blir utan konflikter. Testernas kopior av regionens filer (tests/fixtures/region.yml och fixturens
förkortningar, här länkar) skrivs som filer, så att koden testas likadant i varje förråd.

Skriptet lägger en commit på `kod` med den förra som förälder (eller börjar grenen), bara när koden har
ändrats sedan dess. GitHub-arbetsflödet kör det efter varje ändring i main och skickar grenen.
"""

import argparse
import os
import posixpath
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.model.region import belongs_to_region

ROOT = Path(__file__).resolve().parent.parent
BRANCH = "kod"
LINK = "120000"  # a symbolic link's mode in a git tree
TEST_COPIES = "tests/fixtures/"  # where the tests link to the region's files (region.yml, the glossary)


def git(root: Path, *args: str, env: dict | None = None, data: bytes | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=root, env=env, input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8").strip()


def write_code_branch(root: Path, source: str = "HEAD") -> tuple[str, bool]:
    """(the tip of `kod`, whether a commit was added) after writing `source`'s code onto it."""
    listing = git(root, "ls-tree", "-r", "-z", "--full-tree", source).split("\0")
    entries = []
    for line in filter(None, listing):
        meta, path = line.split("\t", 1)
        if belongs_to_region(path):
            continue
        mode, kind, sha = meta.split()
        if mode == LINK and path.startswith(TEST_COPIES):  # the tests' copy of a region file: the file itself
            linked = posixpath.normpath(posixpath.join(posixpath.dirname(path), git(root, "cat-file", "blob", sha)))
            if belongs_to_region(linked):
                mode, sha = "100644", git(root, "rev-parse", f"{source}:{linked}")
        entries.append((mode, kind, sha, path))
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, GIT_INDEX_FILE=str(Path(tmp) / "index"))
        index = "".join(f"{mode} {sha}\t{path}\0" for mode, _, sha, path in entries).encode("utf-8")
        git(root, "update-index", "--add", "-z", "--index-info", env=env, data=index)
        tree = git(root, "write-tree", env=env)
    try:
        parent = git(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{BRANCH}")
    except subprocess.CalledProcessError:
        parent = ""
    if parent and git(root, "rev-parse", f"{parent}^{{tree}}") == tree:
        return parent, False
    subject = git(root, "log", "-1", "--format=%s", source)
    source_commit = git(root, "rev-parse", source)
    message = f"Koden från {source_commit[:12]}: {subject}\n"
    identity = {
        "GIT_AUTHOR_NAME": "Kunskapsbanken",
        "GIT_AUTHOR_EMAIL": "kunskapsbanken@example.invalid",
        "GIT_COMMITTER_NAME": "Kunskapsbanken",
        "GIT_COMMITTER_EMAIL": "kunskapsbanken@example.invalid",
    }
    commit = git(
        root,
        "commit-tree",
        tree,
        *(["-p", parent] if parent else []),
        env=dict(os.environ, **identity),
        data=message.encode("utf-8"),
    )
    git(root, "update-ref", f"refs/heads/{BRANCH}", commit, *([parent] if parent else []))
    return commit, True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rot", type=Path, default=ROOT, help="repots rotmapp")
    args = parser.parse_args(argv)
    tip, added = write_code_branch(args.rot.resolve())
    print(f"Grenen {BRANCH} {'har en ny commit' if added else 'är oförändrad'}: {tip[:12]}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
