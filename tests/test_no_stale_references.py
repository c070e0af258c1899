"""Nothing stale: what the code, its comments, the README and the guides name exists.

A newcomer follows the names they read: a file path, a module, a make target, a command's flag. Each
is checked against the tree, the importable package, the Makefile and the command-line parsers, so a
rename or a removal cannot leave a pointer to nothing behind.
"""

import ast
import importlib.util
import re
from pathlib import Path

import pytest
from sitebuild import ROOT

TEXTS = sorted(
    [
        ROOT / "README.md",
        ROOT / "CONTRIBUTING.md",
        ROOT / "Makefile",
        *(ROOT / "docs" / "bidra").glob("*.md"),
        *(ROOT / "macros").rglob("*.py"),
        *(ROOT / "macros").rglob("*.js"),
        *(ROOT / "macros").rglob("*.html"),
        *(ROOT / "scripts").glob("*.py"),
        *(ROOT / "tests").glob("*.py"),
        *(ROOT / ".github").rglob("*.yml"),
        ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md",
        ROOT / "CODEOWNERS",
        ROOT / "mkdocs.yml",
    ]
)
# A repository path: starts at a top-level folder of the project. Code paths are checked everywhere; content
# paths (docs/, stories/, strategies/) only where people are told where to find things, since code and
# tests name example content files that exist only in a test's own folder.
CODE_PATH = re.compile(r"(?<![\w./-])((?:macros|scripts|tests|\.github|\.ci)/[\w./-]*[\w/])")
CONTENT_PATH = re.compile(r"(?<![\w./-])((?:docs|stories|strategies)/[\w./-]*[\w/])")
GUIDES = {"README.md", "CONTRIBUTING.md", "CODEOWNERS", "mkdocs.yml"}
MODULE = re.compile(r"(?<![\w./-])(macros(?:\.[a-z_][a-z0-9_]*)+)")
MAKE = re.compile(r"(?:^|[`\s(])make ([a-z][a-z-]*[a-z])\b(?![a-zåäö])")
PLACEHOLDER = re.compile(r"[<>{}*]|\.\.\.|…")
# Names written as examples of what a person would create, not as files of this project.
EXAMPLES = {
    "stories/trygg-hemgang.md",
    "stories/min-berattelse.md",
    "docs/_dolt/sida.md",
    "stories/namn.md",
    "tests/test_x.py",
    "macros/x.py",
    "docs/bilder",
    "docs/bilder/",
    # addresses the site owns, named because content may not use them (macros/model/names.py)
    "docs/assets",
    "docs/assets/",
    "docs/assets/images/favicon.png",
}
# Words after "make" in prose that are not targets ("make och" in Swedish text, "make sure").
NOT_TARGETS = {"sure", "it", "the", "a", "och", "git", "target"}


def make_targets() -> set:
    return set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))


def exists(path: str) -> bool:
    """A file or folder, or a name in a module written as a path (macros/views/site.decorate)."""
    path = path.rstrip("/.")
    if (ROOT / path).exists() or list(ROOT.glob(path + ".*")):
        return True
    folder, _, name = path.rpartition(".")
    return (
        name.isidentifier()
        and (ROOT / (folder + ".py")).is_file()
        and module_exists(folder.replace("/", ".") + "." + name)
    )


def module_exists(dotted: str) -> bool:
    """A module, or an attribute of one (macros.views.site.decorate)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 1, -1):
        name = ".".join(parts[:cut])
        try:
            spec = importlib.util.find_spec(name)
        except ModuleNotFoundError:  # a name inside a module, not a submodule
            spec = None
        if spec is not None:
            module = importlib.import_module(name)
            rest = parts[cut:]
            target = module
            for attribute in rest:
                if not hasattr(target, attribute):
                    return False
                target = getattr(target, attribute)
            return True
    return False


def stale_in(path: Path) -> list:
    text = path.read_text(encoding="utf-8", errors="replace")
    rel = path.relative_to(ROOT).as_posix()
    found = []
    guide = rel in GUIDES or rel.startswith("docs/bidra/") or rel.startswith(".github/")
    for number, line in enumerate(text.split("\n"), 1):
        paths = [*CODE_PATH.finditer(line), *(CONTENT_PATH.finditer(line) if guide else ())]
        for match in paths:
            name = match.group(1)
            if PLACEHOLDER.search(name) or name in EXAMPLES:
                continue
            if not exists(name):
                found.append(f"{rel}:{number}: {name}")
        for match in MODULE.finditer(line):
            try:
                ok = module_exists(match.group(1))
            except Exception:  # noqa: BLE001 - an import that fails is as stale as a missing one
                ok = False
            if not ok:
                found.append(f"{rel}:{number}: {match.group(1)}")
        for match in MAKE.finditer(line):
            if match.group(1) not in make_targets() | NOT_TARGETS:
                found.append(f"{rel}:{number}: make {match.group(1)}")
    return found


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_name_it_mentions_exists(path):
    assert stale_in(path) == []


def parser_flags() -> set:
    """Every --flag a command of the project declares: literal add_argument calls, and the scaffolder's
    parser, whose flags come from the schema's fields."""
    import new_story

    flags = {option for action in new_story.parser()._actions for option in action.option_strings}
    for source in [*(ROOT / "scripts").glob("*.py"), *(ROOT / "macros").rglob("*.py")]:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "add_argument":
                flags |= {a.value for a in node.args if isinstance(a, ast.Constant) and str(a.value).startswith("--")}
    return flags


COMMAND = re.compile(r"(?:kb-[a-z]+|scripts/[a-z_]+\.py|macros\.[a-z_.]+)((?: +[^`\n|]*)?)")


def test_every_flag_the_readme_and_guides_show_a_command_exists():
    known = parser_flags()
    found = []
    for path in [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *(ROOT / "docs" / "bidra").glob("*.md")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            for match in COMMAND.finditer(line):
                for flag in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", match.group(1)):
                    if flag not in known:
                        found.append(f"{path.relative_to(ROOT)}:{number}: {flag}")
    assert found == []
