"""Each field kind knows all its projections (macros/model/kinds.py names the kinds): no other module asks
which kind a field has. A new kind then means one class in one file, not a switch to extend in four."""

import ast
import inspect

from sitebuild import ROOT

from macros.model import kinds

# The kinds' own modules, the only ones that may switch on a kind (the facade kinds.py only re-exports them).
KIND_MODULES = {"kind_base.py", "scalar_kinds.py", "composite_kinds.py", "field_rules.py"}
KIND_NAMES = {name for name, value in vars(kinds).items() if inspect.isclass(value) and issubclass(value, kinds.Kind)}


def switches_on_kinds(source: str) -> list[int]:
    """Lines of isinstance/issubclass calls that name a Kind class."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("isinstance", "issubclass"):
            named = {n.id for n in ast.walk(node.args[1]) if isinstance(n, ast.Name)} if len(node.args) > 1 else set()
            named |= (
                {n.attr for n in ast.walk(node.args[1]) if isinstance(n, ast.Attribute)}
                if len(node.args) > 1
                else set()
            )
            if named & KIND_NAMES:
                found.append(node.lineno)
    return found


def test_no_module_outside_kinds_switches_on_a_kind():
    found = {}
    for path in (ROOT / "macros").rglob("*.py"):
        if path.parent.name == "model" and path.name in KIND_MODULES:
            continue
        lines = switches_on_kinds(path.read_text(encoding="utf-8"))
        if lines:
            found[path.relative_to(ROOT).as_posix()] = lines
    assert found == {}


def test_the_check_sees_a_switch():
    assert switches_on_kinds("if isinstance(f.kind, ListOf) or isinstance(k, (kinds.Boolean, str)):\n    pass\n") == [
        1,
        1,
    ]
    assert switches_on_kinds("isinstance(value, dict)") == []
