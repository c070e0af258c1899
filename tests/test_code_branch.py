"""The code branch (scripts/code_branch.py) holds the code and never a region's own files. The tests' links to
the region's files become the files; any other link stays a link, so a link cannot carry a region's content
(or anything else) into the code every region takes."""

import os
import subprocess

from code_branch import BRANCH, write_code_branch


def git(repo, *args) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


# Paths in the small repository the test makes (not this one's), written as parts.
CODE, LINK, CONTENT, COPY = (
    "/".join(("macros", "kod.py")),
    "/".join(("macros", "lank.md")),
    "/".join(("docs", "om.md")),
    "/".join(("tests", "fixtures", "region.yml")),
)


def test_the_branch_has_the_code_the_tests_copies_and_no_region(tmp_path):
    repo = tmp_path / "repo"
    for rel, text in {
        "region.yml": "namn: Region X\n",
        CONTENT: "hemligt\n",
        "stories/a.md": "berättelse\n",
        CODE: "x = 1\n",
    }.items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(text, encoding="utf-8")
    (repo / "tests" / "fixtures").mkdir(parents=True)
    os.symlink("../../region.yml", repo / "tests" / "fixtures" / "region.yml")
    os.symlink("../" + CONTENT, repo / LINK)  # a link from the code into the region's content
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Start")
    tip, added = write_code_branch(repo)
    assert added
    tree = {line.split("\t")[1]: line.split()[0] for line in git(repo, "ls-tree", "-r", BRANCH).splitlines()}
    assert set(tree) == {CODE, LINK, COPY}
    assert tree[COPY] == "100644"
    assert git(repo, "show", f"{BRANCH}:{COPY}") == "namn: Region X\n"
    assert tree[LINK] == "120000" and git(repo, "show", f"{BRANCH}:{LINK}") == "../" + CONTENT
    assert write_code_branch(repo) == (tip, False)  # nothing new: no commit
