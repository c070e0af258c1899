"""The form and the validator agree: what the form refuses at a field, scripts/validate.py refuses in the
file, and what the form saves, the validator accepts (issue 28, point 1).

Each case is run twice: through scripts/validate.py on a story file with the case's content (the
scaffolder's file, named as the scaffolder names it), and through the form in Chromium against
decap-server (fill in, press Spara, then read the field's error or the file saved on the story's
branch, which is validated too). The table is data: a new rule gets a new row.
"""

import datetime
import os
import subprocess
import sys

import yaml
from sitebuild import ROOT
from test_cms_browser import fill, fresh_repo, git, local_editor, open_new_story  # noqa: F401 (a fixture)

from macros.content import scaffold
from macros.content.frontmatter import split
from macros.model.names import MAX_NAME, slugify

BASE = {
    "beskrivning": "Esther kommer hem och vet vem hon ska ringa.",
    "slag": "illustrativ",
    "kommuner": ["vetlanda"],
    "forfattare": "Kommunikatör, Vetlanda kommun",
}
BODY = "Esther kom hem en tisdag.\n\n## Vad gjorde skillnad?\n\nAlla visste vem som skulle ringa."
LONG_TITLE = "Hemma igen " + "och en lång rubrik " * 11  # 220 characters: over the title's limit
CUT_TITLE = "Hemma igen, " + "trygg " * 15  # 102 characters: allowed, but its file name is cut at MAX_NAME

# (name, values beyond BASE, body, the validator's and the form's expected answer, the same words at the field)
CASES = [
    ("en vanlig berättelse", {}, BODY, "godkänd", False),
    ("telefon 070-123 45 67 i texten", {}, BODY + "\n\nRing 070-123 45 67.", "stoppad", True),
    (
        "telefon +46 70 123 45 67 i beskrivningen",
        {"beskrivning": "Ring +46 70 123 45 67 efter tre."},
        BODY,
        "stoppad",
        True,
    ),
    ("e-post i texten", {}, BODY + "\n\nSkriv till esther.svensson@example.org.", "stoppad", True),
    ("e-post i författaren", {"forfattare": "Anna, anna.berg@example.org"}, BODY, "stoppad", True),
    ("telefon i sökorden", {"sokord": ["hemgång", "036-12 34 56"]}, BODY, "stoppad", True),
    (
        "e-post i Kontaktuppgifter med skäl",
        {"kontaktuppgifter": ["info@example.org"], "personuppgifter_tillatna": "Kommunens funktionsbrevlåda."},
        BODY + "\n\nSkriv till info@example.org.",
        "godkänd",
        False,
    ),
    (
        "e-post i Kontaktuppgifter utan skäl",
        {"kontaktuppgifter": ["info@example.org"]},
        BODY + "\n\nSkriv till info@example.org.",
        "stoppad",
        True,
    ),
    ("personnummer 19121212-1212 i texten", {}, BODY + "\n\nEsther, 19121212-1212.", "stoppad", True),
    ("personnummer 121212-1212 i titeln", {"titel": "Esther 121212-1212"}, BODY, "stoppad", True),
    ("samordningsnummer med tankstreck", {}, BODY + "\n\nNummer 701063\u20132391.", "stoppad", True),
    ("verkliga personer utan samtycke", {"verkliga_personer": True}, BODY, "stoppad", True),
    (
        "verkliga personer med samtycke",
        {"verkliga_personer": True, "samtycke": "Skriftligt, arkiverat."},
        BODY,
        "godkänd",
        False,
    ),
    ("titel på 220 tecken", {"titel": LONG_TITLE}, BODY, "stoppad", True),
    ("titel på 102 tecken: filnamnet kortas", {"titel": CUT_TITLE}, BODY, "godkänd", False),
    ("beskrivning på 301 tecken", {"beskrivning": "Lång. " * 50 + "x"}, BODY, "stoppad", True),
    ("kommun utanför listan", {"kommuner": ["gnosjoo"]}, BODY, "stoppad", False),
    ("strategi som inte finns", {"strategier": ["k9"]}, BODY, "stoppad", False),
]
TODAY = datetime.date.today()


def validator(root, rel: str) -> tuple[str, str]:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--rot", str(root), str(root / rel)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, KB_TODAY=TODAY.isoformat()),
    )
    return ("godkänd" if result.returncode == 0 else "stoppad"), result.stdout


def label(page, name: str) -> str:
    """The field's label as the form shows it: its title, and (frivillig) when it may be left empty."""
    return page.evaluate(
        "name => Array.from(document.querySelectorAll('label')).map(l => l.textContent)"
        ".find(t => t === name || t === name + ' (frivillig)')",
        name,
    )


def fill_form(page, values: dict, body: str):
    from macros.model.schema import STORY

    for name, value in values.items():
        title = label(page, STORY.field(name).title)
        if isinstance(value, bool):
            if value:
                page.locator(
                    "#"
                    + page.evaluate(
                        "t => Array.from(document.querySelectorAll('label')).find(l => l.textContent === t).htmlFor",
                        title,
                    )
                ).click()
        elif name in ("kommuner", "strategier", "slag"):
            box = page.locator(
                "#"
                + page.evaluate(
                    "t => Array.from(document.querySelectorAll('label')).find(l => l.textContent === t).htmlFor", title
                )
            )
            for item in [value] if isinstance(value, str) else value:
                box.click()
                box.fill({"vetlanda": "Vetlanda", "illustrativ": "Illustrativ"}.get(item, item))
                page.keyboard.press("Enter")
                page.keyboard.press("Escape")
        elif isinstance(value, list):
            fill(page, title, ", ".join(value))
        else:
            fill(page, title, value)
    page.get_by_role("textbox", name="Berättelsen").fill(body)


def form_errors(page) -> list:
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('[class*=\"-ControlErrorsList\"] li')).map(li => li.textContent)"
    )


def test_the_form_and_the_validator_agree_on_every_case(page, local_editor, tmp_path):
    url, repo = local_editor
    page.set_viewport_size({"width": 1366, "height": 900})
    table, seen_branches = [], set()
    for index, (name, extra, body, expected, same_words) in enumerate(CASES):
        title = extra.get("titel", f"Fall {index}: {name}")
        values = {"titel": title, **BASE, **extra}
        # The validator, on the scaffolder's file for the same answers.
        checked = fresh_repo(tmp_path / f"fall-{index}")
        rel = f"stories/{slugify(title)}.md"
        (checked / rel).write_text(scaffold.story_text(values, TODAY, body), encoding="utf-8")
        by_validator, said = validator(checked, rel)
        # The form, in Chromium.
        open_new_story(page, url)
        fill_form(page, values, body)
        page.get_by_role("button", name="Spara").click()
        page.locator("#kb-sparad, [class*='-ControlErrorsList'] li").first.wait_for()
        errors = form_errors(page)
        branches = set(git(repo, "branch", "--format=%(refname:short)").split()) - {"main"} - seen_branches
        by_form = "godkänd" if branches and not errors else "stoppad"
        if by_form == "godkänd":
            [branch] = branches
            seen_branches.add(branch)
            saved = git(repo, "ls-tree", "-r", "--name-only", branch, "stories/").split()
            [new_file] = [f for f in saved if f.startswith("stories/") and f != "stories/trygg-hemgang.md"]
            assert len(new_file.removeprefix("stories/").removesuffix(".md")) <= MAX_NAME, new_file
            text = git(repo, "show", f"{branch}:{new_file}")
            again = fresh_repo(tmp_path / f"sparad-{index}")
            (again / new_file).write_text(text, encoding="utf-8")
            assert validator(again, new_file)[0] == "godkänd", (name, new_file)  # the saved file itself
            page.locator("#kb-sparad button").click()
            front = yaml.safe_load(split(text)[0])
            if any(front.get(key) != value for key, value in extra.items()):
                by_form = "stoppad"  # saved without the value: a select list offers no value outside its list
        table.append((name, by_validator, by_form, expected))
        if same_words and by_form == "stoppad":
            assert any(error in said for error in errors), (name, errors, said)
    print("\n".join(f"{n}: validatorn {v}, formuläret {f}" for n, v, f, _ in table))
    assert [(n, v, f, e) for n, v, f, e in table if not v == f == e] == []
    assert {e for *_, e in table} == {"godkänd", "stoppad"}
