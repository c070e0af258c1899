"""Golden files for the generator: what macros/generate/staging.write_staging writes for a small catalog.

The catalog is tests/fixtures/base with tests/fixtures/sites/workflow laid over it (every kind of page,
drafts, a page under review, an archived and an expired story, Jinja in a story). Each case below writes
its staging tree in this process (no engine runs) and compares it byte for byte with tests/golden/staging/
<case>/: every staged page (front matter and body), the generated config (mkdocs.yml or zensical.yml)
and the manifest (staging.json). The build's secret nonce and the absolute folders are written as
<NONCE>, <STAGING>, <PROJECT> and <CHECKOUT>. Copies of source files (the glossary) and the JSON Schemas
(tests/test_json_schemas.py) and images are not part of the golden files.

A change in what the generator writes fails here with a diff. If the change is meant, write the golden
files anew and review them as part of the change:

    .venv/bin/python -m pytest tests/test_golden_staging.py --update-golden
    git diff tests/golden/
"""

import difflib
from pathlib import Path

import pytest
from sitebuild import FIXTURES, ROOT, TODAY, make_fixture_project

from macros.generate import staging

GOLDEN = ROOT / "tests" / "golden" / "staging"
LAYERS = (FIXTURES / "base", FIXTURES / "sites" / "workflow")
CASES = {  # golden folder -> write_staging's arguments
    "mkdocs": {"flavour": "mkdocs", "preview": False},
    "mkdocs-forhandsvisning": {"flavour": "mkdocs", "preview": True},
    "zensical": {"flavour": "zensical", "preview": False},
}
GLOSSARY = "docs/_ordlista/"  # a copy of the source file


def is_golden(rel: str) -> bool:
    """The generated config and manifest beside docs/, and every staged page; not the copied files
    (glossary, images, Zensical's templates) nor the JSON Schemas."""
    return "/" not in rel or (rel.startswith("docs/") and rel.endswith(".md") and not rel.startswith(GLOSSARY))


UPDATE = ".venv/bin/python -m pytest tests/test_golden_staging.py --update-golden"


def staged_files(result: staging.StagingResult, project: Path) -> dict[str, bytes]:
    """The staging tree as golden files: path -> bytes, with the nonce and the absolute folders as placeholders."""
    replacements = [
        (result.nonce, "<NONCE>"),
        (str(result.out), "<STAGING>"),
        (str(project.resolve()), "<PROJECT>"),
        (str(ROOT), "<CHECKOUT>"),
    ]
    files = {}
    for path in sorted(result.out.rglob("*")):
        rel = path.relative_to(result.out).as_posix()
        if path.is_file() and is_golden(rel):
            text = path.read_text(encoding="utf-8")
            for value, placeholder in replacements:
                text = text.replace(value, placeholder)
            files[rel] = text.encode("utf-8")
    return files


def golden_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(
    expected: dict[str, bytes], actual: dict[str, bytes], folder: str = "tests/golden", lines: int = 60
) -> list[str]:
    """What differs, in Swedish, with a unified diff of each changed file (at most `lines` lines each)."""
    found = [f"saknas i det genererade: {name}" for name in sorted(expected.keys() - actual.keys())]
    found += [
        f"ny fil som inte finns bland de gyllene filerna: {name}" for name in sorted(actual.keys() - expected.keys())
    ]
    for name in sorted(expected.keys() & actual.keys()):
        if expected[name] != actual[name]:
            diff = difflib.unified_diff(
                expected[name].decode("utf-8").splitlines(),
                actual[name].decode("utf-8").splitlines(),
                f"{folder}/{name} (väntat)",
                f"{name} (genererat nu)",
                lineterm="",
            )
            found.append(f"ändrad: {name}\n" + "\n".join(list(diff)[:lines]))
    return found


def write_golden(folder: Path, files: dict[str, bytes]) -> None:
    for stale in set(golden_files(folder)) - set(files) if folder.exists() else ():
        (folder / stale).unlink()
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_fixture_project(tmp_path_factory.mktemp("golden"), *LAYERS)


@pytest.mark.parametrize("case", CASES)
def test_the_generator_writes_what_the_golden_files_say(project, case, tmp_path, update_golden):
    result = staging.write_staging(project, tmp_path / "staging", today=TODAY, **CASES[case])
    actual = staged_files(result, project)
    assert sorted(name for name in actual if name.startswith("docs/")) == sorted(f"docs/{p}" for p in result.pages)
    if update_golden:
        write_golden(GOLDEN / case, actual)
    problems = differences(golden_files(GOLDEN / case), actual, f"tests/golden/staging/{case}")
    assert problems == [], (
        f"Generatorns utdata skiljer sig från tests/golden/staging/{case}/. Är ändringen "
        f"avsiktlig? Kör {UPDATE} och granska git diff tests/golden/.\n\n" + "\n\n".join(problems)
    )


def test_a_changed_missing_or_new_file_is_a_difference():
    """So the golden comparison can fail: each kind of change is named, with the lines that changed."""
    expected = {"docs/a.md": b"---\ntitle: A\n---\n\nText.\n", "mkdocs.yml": b"site_name: X\n"}
    assert differences(expected, dict(expected)) == []
    changed = differences(expected, {"docs/a.md": b"---\ntitle: B\n---\n\nText.\n", "staging.json": b"{}"})
    assert changed[0] == "saknas i det genererade: mkdocs.yml"
    assert changed[1] == "ny fil som inte finns bland de gyllene filerna: staging.json"
    assert changed[2].startswith("ändrad: docs/a.md\n") and "-title: A" in changed[2] and "+title: B" in changed[2]
