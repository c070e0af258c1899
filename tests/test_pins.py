"""Every pinned package does work here: the project imports it, or a package the project needs requires it.

A pin nobody needs is an install step, an update to review and an attack surface for nothing. The
check reads requirements*.txt, the imports of macros/, scripts/ and tests/, and the installed
packages' own requirements (importlib.metadata), so it follows the real dependency tree.
"""

import ast
import importlib.metadata as metadata
import re

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from sitebuild import ROOT

REQUIREMENT_FILES = ("requirements.txt", "requirements-test.txt")
# Needed without an import: what the engine loads by name from mkdocs.yml (theme, extensions, plugins)
# and what the tests run as programs.
LOADED_BY_NAME = {
    "mkdocs-material": "theme: material (mkdocs.yml)",
    "pymdown-extensions": "markdown_extensions: pymdownx.* (mkdocs.yml)",
    "properdocs": "the engine, run as python -m properdocs (macros/adapters/properdocs.py)",
    "zensical": "the canary engine, run as a program (macros/adapters/zensical.py)",
    "pytest": "the test runner",
    "pytest-xdist": "make test's parallel workers (pytest -n auto)",
    "ruff": "run by tests/test_lint.py",
    "mypy": "run by tests/test_types.py",
    "pagefind-bin": "Pagefind, which make bench runs as python -m pagefind_bin to compare the search with (scripts/bench.py)",
    "types-pyyaml": "stubs that tests/test_types.py's mypy reads",
    "types-markdown": "stubs that tests/test_types.py's mypy reads",
}


def pins() -> dict:
    found = {}
    for name in REQUIREMENT_FILES:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line and not line.startswith("-"):
                found[canonicalize_name(Requirement(line).name)] = name
    return found


def imported_top_levels() -> set:
    names = set()
    for folder in ("macros", "scripts", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names.add(node.module.split(".")[0])
    return names


def distributions_of(modules: set) -> set:
    by_module = metadata.packages_distributions()
    return {canonicalize_name(d) for m in modules for d in by_module.get(m, [])}


def requires(distribution: str) -> set:
    try:
        declared = metadata.requires(distribution) or []
    except metadata.PackageNotFoundError:
        return set()
    found = set()
    for text in declared:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            found.add(canonicalize_name(requirement.name))
    return found


def test_every_pin_is_imported_or_required_by_what_is():
    pinned = pins()
    needed = distributions_of(imported_top_levels()) | {canonicalize_name(n) for n in LOADED_BY_NAME}
    queue = list(needed)
    while queue:
        for dependency in requires(queue.pop()):
            if dependency not in needed:
                needed.add(dependency)
                queue.append(dependency)
    assert sorted(set(pinned) - needed) == []


def test_every_pin_is_exact():
    for name in REQUIREMENT_FILES:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line and not line.startswith("-"):
                assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][A-Za-z0-9.]*", line), (name, line)
