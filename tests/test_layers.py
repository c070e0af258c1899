"""The layers of macros/ as the README draws them: imports point down only, and only the adapters
import an engine (ProperDocs/MkDocs, Zensical), Material or mkdocs-macros. Read from the source (AST),
so a new module or a lazy import inside a function is checked too."""

import ast
from pathlib import Path

import pytest

MACROS = Path(__file__).resolve().parent.parent / "macros"
LAYERS = ["model", "content", "views", "generate", "adapters"]  # lowest first
ENGINES = {"mkdocs", "material", "properdocs", "zensical", "mkdocs_macros"}


def modules():
    return sorted(p for p in MACROS.rglob("*.py") if "templates" not in p.parts)


def imports(path: Path):
    """(line, top-level module, macros layer or None) for every import in the file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative imports would hide which layer they reach
                yield node.lineno, ".", "relative"
                continue
            names = [node.module] + ([f"{node.module}.{a.name}" for a in node.names] if node.module == "macros" else [])
        else:
            continue
        for name in names:
            parts = name.split(".")
            yield node.lineno, parts[0], parts[1] if parts[0] == "macros" and len(parts) > 1 else None


def layer_of(path: Path) -> str | None:
    rel = path.relative_to(MACROS).parts
    return rel[0] if len(rel) > 1 else None


def test_every_module_is_in_a_layer():
    loose = [p.name for p in modules() if layer_of(p) is None and p.name != "__init__.py"]
    assert loose == [], f"moduler utanför lagren i macros/: {loose}"
    assert {p.name for p in MACROS.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))} >= set(LAYERS)


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(MACROS)))
def test_imports_point_down_and_engines_stay_in_the_adapters(path):
    layer = layer_of(path)
    if layer is None:
        return
    rank = LAYERS.index(layer)
    wrong = []
    for line, top, target in imports(path):
        if target == "relative":
            wrong.append(f"rad {line}: relativ import; skriv from macros.<lager> import …")
        elif top == "macros" and target in LAYERS and LAYERS.index(target) > rank:
            wrong.append(f"rad {line}: {layer} importerar {target}, ett lager ovanför")
        elif top == "macros" and target is not None and target not in LAYERS:
            wrong.append(f"rad {line}: macros.{target} är inget lager")
        elif top in ENGINES and layer != "adapters":
            wrong.append(f"rad {line}: {top} importeras utanför macros/adapters/")
    assert wrong == [], f"{path.relative_to(MACROS.parent)}: " + "; ".join(wrong)


def test_the_check_sees_a_wrong_import(tmp_path):
    """The checker itself: an upward import and an engine import are found."""
    bad = tmp_path / "bad.py"
    bad.write_text("from macros.views import site\nimport mkdocs\n", encoding="utf-8")
    found = list(imports(bad))
    assert (1, "macros", "views") in found and (2, "mkdocs", None) in found


MAX_LINES = 300


def test_no_module_is_over_300_lines():
    """A module does one thing; past 300 lines it does several, and is split by concern."""
    long = {
        path.relative_to(MACROS).as_posix(): lines
        for path in modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
