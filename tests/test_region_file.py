"""region.yml is checked like content: every problem at once, in Swedish, at its line, with the fix.

Each case changes the tests' region (tests/fixtures/region.yml) in one way and names what the report must
say. The last ones show the report in a command's output, before anything else is read.
"""

import subprocess
import sys

import pytest
from sitebuild import FIXTURES, ROOT

from macros.model.region import RegionError
from macros.model.region_file import load_region
from macros.model.region_theme import contrast

VALID = (FIXTURES / "region.yml").read_text(encoding="utf-8")


CASES = {
    "an unknown field is named, with the one meant": (
        lambda t: t.replace("\nkommuner:", "\nkommunr:", 1),
        ["Okänt fält 'kommunr'. Menade du 'kommuner'?", "Fältet 'kommuner' saknas"],
    ),
    "an id that is not a–z, 0–9 and hyphens": (
        lambda t: t.replace("  aneby: Aneby", "  Aneby Kommun: Aneby", 1),
        ["Id 'Aneby Kommun' i 'kommuner' går inte att använda"],
    ),
    "a plan whose owner is not listed": (
        lambda t: t.replace("agare: kommunerna", "agare: kommunen", 1),
        ["Planens ägare 'kommunen' finns inte i 'planagare'"],
    ),
    "a colour without enough contrast for white text": (
        lambda t: t.replace('primar: "#00566b"', 'primar: "#7fd4ff"', 1),
        ["'farger.primar'", "under kravet 4.5:1 (WCAG 2.1 AA)"],
    ),
    "a colour that is not #rrggbb": (
        lambda t: t.replace('accent: "#8a2c00"', "accent: red", 1),
        ["Färgen 'red' i 'farger.accent' ska skrivas #rrggbb"],
    ),
    "an address that is not an e-mail address": (
        lambda t: t.replace('synpunkter_epost: ""', 'synpunkter_epost: "inte en adress"', 1),
        ["'webbplats.synpunkter_epost' är inte en e-postadress"],
    ),
    "a repository that is not https": (
        lambda t: t.replace("kallkod: https://", "kallkod: http://", 1),
        ["'webbplats.kallkod' ska vara en adress som börjar med https://"],
    ),
    "a name that is a list": (
        lambda t: t.replace("\nnamn: Region", "\nnamn:\n  - Region", 1),
        ["'namn' ska vara en text, inte en lista"],
    ),
    "an example that is not text": (
        lambda t: t.replace("  kod: K2", "  kod: {a: 1}", 1),
        ["Exemplet 'kod' ska vara en text eller en lista med texter"],
    ),
    "a logo that can carry script": (
        lambda t: t.replace("\n  sokexempel:", "\n  logotyp: docs/logotyp.svg\n  sokexempel:", 1),
        ["Logotypen 'docs/logotyp.svg' ska vara en bild i PNG, WebP eller JPEG"],
    ),
    "a logo that is not there": (
        lambda t: t.replace("\n  sokexempel:", "\n  logotyp: docs/logotyp.png\n  sokexempel:", 1),
        ["Logotypen 'docs/logotyp.png' finns inte i förrådet"],
    ),
    "a logo outside the repository": (
        lambda t: t.replace("\n  sokexempel:", "\n  logotyp: ../logotyp.png\n  sokexempel:", 1),
        ["'webbplats.logotyp' ska vara en sökväg i förrådet"],
    ),
    "markup in the region's name": (
        lambda t: t.replace("\nnamn: Region", '\nnamn: "<img src=x onerror=alert(1)> Region', 1).replace(
            "Jönköpings län\nlan:", 'Jönköpings län"\nlan:', 1
        ),
        ["'namn' innehåller tecknet '<'"],
    ),
    "template code in the copyright": (
        lambda t: t.replace(
            "upphovsratt: En sammanställning", 'upphovsratt: "{{ config }} En sammanställning', 1
        ).replace("offentliga källor\n", 'offentliga källor"\n', 1),
        ["'webbplats.upphovsratt' innehåller tecknet '{'"],
    ),
    "a snippet line in a municipality": (
        lambda t: t.replace("  habo: Habo", '  habo: "--8<-- Habo"', 1),
        ["'kommuner.habo' innehåller tecknet '<'"],
    ),
    "a control character in a tag": (
        lambda t: t.replace("  samverkan: Samverkan", '  samverkan: "Sam\\x1bverkan"', 1),
        ["innehåller tecknet '\\x1b'"],
    ),
    "a link in an example": (
        lambda t: t.replace("  ansvarig: Kommunal utveckling", '  ansvarig: "Utveckling](javascript:x) <b>"', 1),
        ["'exempel.ansvarig' innehåller tecknet '<'"],
    ),
    "a key written twice": (
        lambda t: t.replace("  habo: Habo", "  habo: Habo\n  habo: Habo", 1),
        ["Fältet 'habo' finns två gånger"],
    ),
    "text that is not YAML": (
        lambda t: t.replace("  habo: Habo", "  habo: Habo: Habo", 1),
        ["Regionens inställningar är inte giltig YAML", "Sätt citattecken runt värdet"],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_problem_is_reported_at_its_line_with_the_fix(case, tmp_path):
    change, expected = CASES[case]
    text = change(VALID)
    assert text != VALID, "the case changed nothing"
    path = tmp_path / "region.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegionError) as raised:
        load_region(path)
    report = str(raised.value)
    for words in expected:
        assert words in report, report
    changed = next(i for i, (a, b) in enumerate(zip(VALID.split("\n"), text.split("\n"), strict=False), 1) if a != b)
    assert any(p.line in (changed, changed - 1, changed + 1) for p in raised.value.problems), report
    assert all(str(p).startswith("region.yml:") for p in raised.value.problems)


def test_a_megabyte_of_region_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "region.yml"
    path.write_text(VALID + "# " + "x" * 1_000_000 + "\n", encoding="utf-8")
    with pytest.raises(RegionError) as raised:
        load_region(path)
    assert "är större än 200 kB" in str(raised.value)


def test_every_problem_at_once(tmp_path):
    path = tmp_path / "region.yml"
    path.write_text(
        VALID.replace("agare: kommunerna", "agare: kommunen", 1).replace('accent: "#8a2c00"', "accent: red", 1),
        encoding="utf-8",
    )
    with pytest.raises(RegionError) as raised:
        load_region(path)
    assert len(raised.value.problems) == 2
    assert str(raised.value).endswith("2 fel, 0 varningar.")


def test_the_tests_region_and_this_repositorys_are_valid():
    assert load_region(FIXTURES / "region.yml").municipalities
    assert load_region(ROOT / "region.yml").name


def test_contrast_is_wcags_ratio():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_a_command_says_what_is_wrong_before_it_reads_anything(tmp_path):
    """The validator, run on a bad region, prints the report and stops: no traceback, exit code 1."""
    bad = tmp_path / "region.yml"
    bad.write_text(VALID.replace("agare: kommunerna", "agare: kommunen", 1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--rot", str(FIXTURES / "base")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "KB_REGION": str(bad)},
    )
    assert done.returncode == 1
    assert "Regionens inställningar (region.yml) har fel som måste rättas först" in done.stderr
    assert "Planens ägare 'kommunen' finns inte i 'planagare'" in done.stderr
    assert "Traceback" not in done.stderr
