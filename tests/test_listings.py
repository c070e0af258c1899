"""Collections: lista() queries the catalog; big groups are cut to their newest so listing pages stay light."""

import re
import shutil

import pytest
from sitebuild import FIXTURES, ROOT, build, make_fixture_project, unexpected_warnings

STORY = """---
titel: Berättelse {n:02d}
beskrivning: Berättelse nummer {n}.
slag: illustrativ
strategier: [k2]
strategigrupper: [{group}]
kommuner: [eksjo]
forfattare: Test
status: publicerad
ansvarig: Test
skapad: 2026-02-{day:02d}
kallor:
  - text: Test
---

Text.
"""

PAGE = """---
titel: Lista
beskrivning: Test av listor.
---

## Senaste

{{{{ lista(typ="berättelse", strategi="K2", strategigrupp="aldre", sortering="nyast", visning="tabell", max=3) }}}}

## Grupperat

{{{{ lista(typ="berättelse", visning="lista", gruppera="strategigrupp") }}}}
"""


@pytest.mark.langsam
def test_query_order_limit_and_grouping(tmp_path):
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    for n in range(30):
        group = "aldre" if n < 27 else "barn-och-unga"
        (project / "stories" / f"b{n:02d}.md").write_text(
            STORY.format(n=n, group=group, day=n % 28 + 1), encoding="utf-8"
        )
    # a page on the macro allow-list (macros/model/developer_pages.py)
    (project / "docs" / "berattelser").mkdir(exist_ok=True)
    (project / "docs" / "berattelser" / "index.md").write_text(PAGE.format(), encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "amnen", project / "docs" / "amnen")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0 and unexpected_warnings(result.stdout + result.stderr) == [], result.stderr
    html = (tmp_path / "site" / "berattelser" / "index.html").read_text(encoding="utf-8")
    latest = html[html.index('id="senaste"') : html.index('id="grupperat"')]
    assert re.findall(r">Berättelse (\d\d)<", latest) == ["26", "25", "24"]  # newest first, max 3, only Äldre
    grouped = html[html.index('id="grupperat"') :]
    assert "Äldre (28)" in grouped and "Barn och unga (3)" in grouped  # trygg-hemgang is Äldre too
    small = grouped[grouped.index("Barn och unga (3)") : grouped.index("Äldre (28)")]  # vocabulary order
    big = grouped[grouped.index("Äldre (28)") :]
    big = big[: big.index("</article>")] if "</article>" in big else big
    # Above 25 a group shows its newest 25 (no longer all 28 folded away) and links to its whole list.
    assert re.findall(r">Berättelse (\d\d)<", big) == [f"{n:02d}" for n in range(26, 1, -1)]
    assert "Visar 25 av 28, de nyaste." in big
    assert re.search(r'<a href="\.\./amnen/strategigrupper/aldre/">Visa alla 28</a>', big)
    assert "<details" not in big
    assert "<details" not in small and small.count("<li>") == 3


@pytest.mark.langsam
def test_long_relation_lists_stop_at_25_and_link_to_the_full_listing(tmp_path):
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    for n in range(30):
        (project / "stories" / f"b{n:02d}.md").write_text(
            STORY.format(n=n, group="aldre", day=n % 28 + 1), encoding="utf-8"
        )
    shutil.copytree(ROOT / "docs" / "amnen", project / "docs" / "amnen")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0 and unexpected_warnings(result.stdout + result.stderr) == [], result.stderr
    html = (tmp_path / "site" / "strategier" / "k2" / "index.html").read_text(encoding="utf-8")
    stories = html[
        html.index('id="berattelser-som-visar-strategin"') : html.index('id="indikatorer-som-mater-strategin"')
    ]
    assert stories.count("<li>") == 25 and "Visar 25 av 31, de nyaste." in stories
    # The link goes to the strategy's own whole list of stories (macros/views/full_lists.py), newest first.
    assert 'href="berattelser/">Visa alla 31 berättelser</a>' in stories
    whole = (tmp_path / "site" / "strategier" / "k2" / "berattelser" / "index.html").read_text(encoding="utf-8")
    assert whole.count(">Berättelse ") == 30 and "Trygg hemgång för Esther" in whole
    story = (tmp_path / "site" / "berattelser" / "b05" / "index.html").read_text(encoding="utf-8")
    related = story[story.index('id="relaterade-berattelser"') :]
    assert related.split("</ul>")[0].count("<li>") == 5
