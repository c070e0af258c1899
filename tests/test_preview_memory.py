"""make serve keeps what it read and staged (macros/generate/preview_memory.py) and stages again only what a
save changed. Whatever the change, the tree it writes is the tree a generation without memory writes."""

import pytest
from sitebuild import FIXTURES, make_fixture_project

from macros.generate import staging
from macros.generate.preview_memory import PreviewMemory

NONCE = "0" * 32
TODAY = "2026-11-23"


def tree(out) -> dict:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def edit_text(project):
    story = project / "stories" / "trygg-hemgang.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nEtt nytt stycke om hemgången.\n", encoding="utf-8")


def edit_title(project):
    story = project / "stories" / "trygg-hemgang.md"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("titel: Trygg hemgång för Esther", "titel: Hemma igen"), encoding="utf-8")


def add_story(project):
    story = (project / "stories" / "trygg-hemgang.md").read_text(encoding="utf-8")
    (project / "stories" / "en-till.md").write_text(story.replace("Trygg hemgång för Esther", "En till"), "utf-8")


@pytest.mark.parametrize("change", [edit_text, edit_title, add_story], ids=lambda f: f.__name__)
def test_a_generation_with_memory_writes_what_one_without_writes(tmp_path, change):
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    memory = PreviewMemory()
    remembered, fresh = tmp_path / "remembered", tmp_path / "fresh"
    staging.write_staging(project, remembered, preview=True, today=TODAY, nonce=NONCE, memory=memory)
    change(project)
    staging.write_staging(project, remembered, preview=True, today=TODAY, nonce=NONCE, memory=memory)
    staging.write_staging(project, fresh, preview=True, today=TODAY, nonce=NONCE)
    assert tree(remembered / "docs") == tree(fresh / "docs")
    assert (remembered / "staging.json").read_bytes() == (fresh / "staging.json").read_bytes()


def test_a_save_of_a_storys_text_stages_that_story_alone(tmp_path):
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    memory = PreviewMemory()
    staging.write_staging(project, tmp_path / "out", preview=True, today=TODAY, nonce=NONCE, memory=memory)
    before = dict(memory.staged)
    edit_text(project)
    staging.write_staging(project, tmp_path / "out", preview=True, today=TODAY, nonce=NONCE, memory=memory)
    staged_again = [src for src, known in memory.staged.items() if known is not before.get(src)]
    assert staged_again == ["berattelser/trygg-hemgang.md"]
