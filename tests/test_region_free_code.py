"""No region in the code: macros/ (with the theme's templates and assets) and scripts/ name nothing that
belongs to the region, so every region runs the same code with its own region.yml.

Two checks over every file: no word of the region's identity (its name, its county, its municipalities,
plans, plan owners, source documents, addresses and the examples it gives authors) anywhere in the text,
comments included; and no Python string literal equal to one of the region's ids (a municipality, a plan,
a strategy group …), which would be code deciding something for one region only. Subject tags are left
out of the id check: their ids are plain Swedish words that are also folder names ("styrning").
"""

import ast
import re
from pathlib import Path

import pytest

from macros.model.region import Region
from macros.model.region_file import load_region

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("macros", "scripts")
# What make ny-region writes into a new region's repository: a start for that region's content, not code.
SKELETON = ROOT / "scripts" / "region_skeleton"
SUFFIXES = (".py", ".js", ".html", ".css", ".conf", ".yml")
MIN_EXAMPLE = 8  # shorter examples ("K2") are not a region's words


def identity_words(region: Region) -> set[str]:
    """Words and phrases that name this region and no other."""
    words = {region.name, region.county, region.site_description, region.copyright, region.repository}
    words |= set(list(region.municipalities.values())[1:])  # the first is the whole county: "Hela länet"
    words |= set(region.plan_owners.values())
    words |= {plan["label"] for plan in region.plans.values()}
    words |= {doc["label"] for doc in region.source_documents.values()}
    words |= {doc["detail"] for doc in region.source_documents.values()}
    words.add(region.search_examples)
    for value in region.examples.values():
        for text in value if isinstance(value, list) else [value]:
            if len(text) >= MIN_EXAMPLE:
                words.add(text)
            if text.isidentifier() and text.islower():  # an example id names a page: "esther" -> "Esther"
                words.add(text.capitalize())
    return {w for w in words if w and w.strip()}


def region_ids(region: Region) -> set[str]:
    ids: set[str] = set()
    for vocabulary in (
        region.municipalities,
        region.strategy_groups,
        region.plan_owners,
        region.plans,
        region.principle_sets,
        region.roles,
        region.source_documents,
    ):
        ids |= set(vocabulary)
    for value in region.examples.values():
        ids |= {v for v in (value if isinstance(value, list) else [value]) if re.fullmatch(r"[a-z0-9-]+", v)}
    return ids


def word_leaks(text: str, words: set[str]) -> list[str]:
    found = []
    for word in sorted(words):
        # A word at a word's start, whatever ends it: "Region Exempellands län" also finds "… läns".
        if re.search(rf"(?<!\w){re.escape(word)}", text):
            found.append(word)
    return found


def literal_leaks(source: str, ids: set[str]) -> list[str]:
    return sorted(
        {
            node.value
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in ids
        }
    )


def code_files() -> list[Path]:
    return sorted(
        p
        for top in SCANNED
        for p in (ROOT / top).rglob("*")
        if p.is_file() and p.suffix in SUFFIXES and "__pycache__" not in p.parts and not p.is_relative_to(SKELETON)
    )


REGION = load_region(ROOT / "region.yml")


@pytest.mark.parametrize("path", code_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_code_names_nothing_of_the_region(path):
    text = path.read_text(encoding="utf-8")
    leaks = word_leaks(text, identity_words(REGION))
    if path.suffix == ".py":
        leaks += [f"'{i}' (id)" for i in literal_leaks(text, region_ids(REGION))]
    assert leaks == [], f"{path.relative_to(ROOT)} nämner regionen; flytta värdet till region.yml"


def test_the_checks_find_a_region_in_code():
    """The checks can fail: a municipality in a comment and a plan id in a comparison are both found."""
    municipality = list(REGION.municipalities.values())[1]
    plan = next(iter(REGION.plans))
    source = f"# Only for {municipality}.\nif item.data['plan'] == {plan!r}:\n    pass\n"
    assert municipality in word_leaks(source, identity_words(REGION))
    assert literal_leaks(source, region_ids(REGION)) == [plan]
