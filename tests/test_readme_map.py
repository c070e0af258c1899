"""The README's map of macros/ names every module there is, and nothing that is not there."""

import re

from sitebuild import ROOT

LAYERS = ("model", "content", "views", "generate", "adapters")


def test_the_readme_names_every_module_of_every_layer_and_no_other():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**Fem lager i `macros/`**") : readme.index("Koden installeras som paket")]
    named = set(re.findall(r"`([a-z_]+\.(?:py|js))`", section))
    modules = {
        p.name
        for layer in LAYERS
        for p in (ROOT / "macros" / layer).glob("*.*")
        if p.suffix in (".py", ".js") and p.name != "__init__.py"
    }
    assert sorted(modules - named) == [], "moduler som README inte nämner"
    assert sorted(named - modules) == [], "README nämner moduler som inte finns"


def test_the_readme_names_every_script():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.split("\n") if line.startswith("| `scripts/`"))
    scripts = {p.name for p in (ROOT / "scripts").glob("*.py")}
    assert sorted(s for s in scripts if f"`{s}`" not in row) == []
