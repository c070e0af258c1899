"""The form editor writes a story byte for byte as the scaffolder does, reads files as PyYAML does,
and refuses a personnummer as the validator does: macros/generate/cms_story.js run under Node
against macros/content/scaffold.py and macros/content/guards.py, one Node process for all cases."""

import datetime
import json
import shutil
from pathlib import Path

import pytest
import yaml
from sitebuild import FIXTURES, ROOT, node_json

from macros.content import guards, scaffold
from macros.content.catalog import load_catalog
from macros.content.frontmatter import split
from macros.generate import cms_bundle, cms_config

TODAY = datetime.date(2026, 11, 23)
JS_YAML = cms_bundle.bundle_dir(ROOT) / "js-yaml" / "dist" / "browser" / "js-yaml.umd.min.js"
BASE = {
    "titel": "Hemma igen: Esthers första vecka",
    "beskrivning": "Esther kommer hem och vet vem hon ska ringa.",
    "personas": ["esther"],
    "strategier": ["k2", "r2"],
    "kommuner": ["vetlanda"],
    "slag": "illustrativ",
    "forfattare": "Kommunikatör, Vetlanda kommun",
}
BODY = "Esther kom hem en tisdag.\n\n## Vad gjorde skillnad?\n\nAlla visste vem som ringde.\n"

# One case per way a value can be written: quotes, backslashes, YAML-looking text, line breaks,
# non-ASCII, every optional field the form shows, an owner of its own, and bodies to normalise.
WRITE_CASES = {
    "the scaffolder's questions": (BASE, BODY),
    "the skeleton as body": (BASE, scaffold.skeleton()),
    "quotes, backslash, colon and hash": (
        BASE | {"titel": 'Hon sa "hem" \\ #1: klart', "beskrivning": "a: b # c"},
        BODY,
    ),
    "text YAML would read as something else": (
        BASE | {"titel": "2026", "beskrivning": "yes", "forfattare": "010"},
        BODY,
    ),
    "line break, tab, emoji and non-Latin": (BASE | {"beskrivning": "rad ett\nrad två\t🙂 Åsa ŝ 日本"}, BODY),
    "every optional field": (
        BASE
        | {
            "ansvarig": "Kommunal utveckling",
            "taggar": ["nara-vard", "aldre"],
            "sokord": ["SIP", 'samordnad "individuell" plan'],
            "principer": ["bast-for-esther"],
            "indikatorer": ["kontinuitet"],
            "strategigrupper": ["aldre"],
            "verkliga_personer": True,
            "samtycke": "Skriftligt samtycke, 2026-11-01.",
        },
        BODY,
    ),
    "no comma in the author": (BASE | {"forfattare": "Redaktionen"}, BODY),
    "empty values left out": (BASE | {"personas": [], "samtycke": "", "ansvarig": None}, BODY),
    "Windows line ends and blank lines around the body": (BASE, "\r\n\r\nEn rad.\r\n\r\nTvå rader.  \r\n\r\n"),
}


def run_node(cases: list) -> list:
    node = shutil.which("node")
    if node is None or not JS_YAML.is_file():
        pytest.fail("node och formulärredigeraren behövs: kör make test (installerar dem med make cms)")
    payload = {
        "format": cms_config.story_format(),
        "guards": cms_config.guard_rules(),
        "jsyaml": str(JS_YAML),
        "cases": cases,
    }
    return node_json([node, str(ROOT / "tests" / "cms" / "run_format.js")], json.dumps(payload))


def form_values(values: dict, body: str) -> dict:
    """What Decap hands the format: the form's values, status from the hidden field, the body."""
    return {"status": "utkast", **values, "body": body}


def test_a_new_story_from_the_form_is_the_scaffolders_file_byte_for_byte():
    names = list(WRITE_CASES)
    written = run_node(
        [{"op": "write", "values": form_values(*WRITE_CASES[n]), "today": TODAY.isoformat()} for n in names]
    )
    for name, js in zip(names, written, strict=True):
        values, body = WRITE_CASES[name]
        assert js == scaffold.story_text(values, TODAY, body), name


def test_the_skeleton_body_gives_exactly_what_new_story_writes():
    [js] = run_node([{"op": "write", "values": form_values(BASE, scaffold.skeleton()), "today": TODAY.isoformat()}])
    assert js == scaffold.story_text(BASE, TODAY)


def test_a_saved_draft_opened_and_saved_again_is_unchanged():
    texts = [scaffold.story_text(values, TODAY, body) for values, body in WRITE_CASES.values()]
    again = run_node([{"op": "rewrite", "text": text, "today": "2027-01-01"} for text in texts])
    assert again == texts  # skapad, ansvarig and kallor stay as the first save wrote them


def content_files() -> list:
    return sorted((ROOT / "stories").glob("*.md")) + sorted((FIXTURES / "base" / "stories").glob("*.md"))


def iso(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [iso(v) for v in value]
    if isinstance(value, dict):
        return {k: iso(v) for k, v in value.items()}
    return value


def test_every_story_in_the_repository_reads_as_pyyaml_reads_it():
    paths = content_files()
    assert {p.parent for p in paths} == {ROOT / "stories", FIXTURES / "base" / "stories"}  # both are read
    read = run_node([{"op": "read", "text": p.read_text(encoding="utf-8")} for p in paths])
    for path, js in zip(paths, read, strict=True):
        front, body = split(path.read_text(encoding="utf-8").replace("\r\n", "\n"))
        expected = iso(yaml.safe_load(front))
        assert {k: v for k, v in js.items() if k != "body"} == expected, path.name
        assert js["body"] == body.removeprefix("\n"), path.name


def test_a_story_saved_from_the_form_keeps_every_value_and_still_validates(tmp_path):
    """Opening an older story in the form and saving rewrites its front matter in the scaffolder's
    style; the values (sources, dates, links) are the same, plus the scaffolder's defaults
    (verkliga_personer: false, which is what an absent field means), and the validator finds nothing new."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "base", root)
    paths = sorted((root / "stories").glob("*.md"))
    before = load_catalog(root, TODAY).problems
    rewritten = run_node(
        [{"op": "rewrite", "text": p.read_text(encoding="utf-8"), "today": TODAY.isoformat()} for p in paths]
    )
    for path, text in zip(paths, rewritten, strict=True):
        old = yaml.safe_load(split(path.read_text(encoding="utf-8"))[0])
        new = yaml.safe_load(split(text)[0])
        assert new == scaffold.DEFAULTS | old, path.name  # the scaffolder always writes its defaults
        path.write_text(text, encoding="utf-8")
    assert [str(p) for p in load_catalog(root, TODAY).problems] == [str(p) for p in before]


GUARD_CASES = [
    "Esthers nummer 19121212-1212 stod på lappen.",
    "kort: 121212-1212",
    "med mellanslag 121212 - 1212 och tankstreck 121212\u20131212",
    "helbredd: \uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12",
    "med osynliga tecken 1212\u200b12-1212 och mjukt bindestreck 12\u00ad1212-1212",
    "samordningsnummer 701063-2391",
    "inuti en tagg 12<b>1212</b>-1212",
    "som teckenreferens 121212&#45;1212",
    "fel kontrollsiffra 121212-1213",
    "en webbadress https://example.org/artikel/191212121212 och ett datum 2026-11-23 1234",
    "ett telefonnummer 036-32 40 00 är inget personnummer",
    "månad 13: 121312-1212",
]


PERSONAL_DATA_CASES = [  # (text, contact details named in Kontaktuppgifter)
    ("Ring 070-123 45 67 efter klockan tre.", []),
    ("Ring +46 70 123 45 67 efter klockan tre.", []),
    ("Ring (036) 32 40 00.", []),
    ("Växeln 036-32 40 00 svarar dygnet runt.", ["036-324000"]),
    ("Skriv till esther.svensson@example.org.", []),
    ("Skriv till info@example.org.", ["INFO@example.org"]),
    ("Skriv till info@example.org eller anna@example.org.", ["info@example.org"]),
    ("Adressen står i https://example.org/sida?mail=a@example.org.", []),
    ("Ett kort nummer 112 och 1177 är inga telefonnummer.", []),
    ("Årtal 2026-11-23 och 12 345 kronor.", []),
    ("ÅÄÖ070-1234567 utan mellanrum.", []),
    ("väx\u00e5l 036\u201332 40 00", []),
]


def python_guard(text: str, contacts: list) -> str:
    """What the validator says first about a story text (catalog.load_item's order), or ''."""
    allowed = {guards.contact_key(c) for c in contacts}
    found = [m for _, m in guards.personnummer(text, 1)] + [m for _, m in guards.personal_data(text, 1, allowed)]
    return found[0] if found else ""


def test_the_form_refuses_personal_data_exactly_when_the_validator_does():
    cases = [(text, []) for text in GUARD_CASES] + PERSONAL_DATA_CASES
    found = run_node([{"op": "guard", "text": text, "contacts": contacts} for text, contacts in cases])
    for (text, contacts), js in zip(cases, found, strict=True):
        assert js == python_guard(text, contacts), text
    assert sum(bool(js) for js in found) >= 12 and sum(not js for js in found) >= 6  # both answers exercised
    assert any("telefonnummer" in js for js in found) and any("e-postadress" in js for js in found)


RULE_CASES = [  # (field the rule is reported at, front matter values)
    ("verkliga_personer", {"verkliga_personer": True}),
    ("verkliga_personer", {"verkliga_personer": True, "samtycke": "Skriftligt, arkiverat."}),
    ("verkliga_personer", {"verkliga_personer": False}),
    ("kontaktuppgifter", {"kontaktuppgifter": ["036-32 40 00"]}),
    ("kontaktuppgifter", {"kontaktuppgifter": ["036-32 40 00"], "personuppgifter_tillatna": "Växeln."}),
    ("titel", {"titel": "x" * 121}),
    ("titel", {"titel": "x" * 120}),
    ("beskrivning", {"beskrivning": "å" * 301}),
    ("beskrivning", {"beskrivning": "å" * 300}),
]


def test_the_form_applies_the_storys_rules_exactly_as_the_validator_does():
    from macros.model.schema import STORY

    found = run_node([{"op": "rule", "field": field, "data": data} for field, data in RULE_CASES])
    for (field, data), js in zip(RULE_CASES, found, strict=True):
        python = [rule.message for rule in STORY.rules if rule.at == field and rule.violated(data)]
        assert js == (python[0] if python else ""), (field, data)
    assert sum(bool(js) for js in found) == 4


def test_an_unfinished_front_matter_is_refused_in_swedish():
    [result] = run_node([{"op": "read", "text": "---\ntitel: Halv\n"}])
    assert result == {"error": "Front matter avslutas aldrig. Lägg till en rad med bara --- efter sista fältet."}


def test_the_format_names_every_story_field_in_schema_order():
    from macros.model.schema import STORY

    fmt = cms_config.story_format()
    assert [f["name"] for f in fmt["fields"]] == [f.name for f in STORY.all_fields]
    assert Path(cms_config.OWN_SCRIPT).is_file() and Path(cms_config.STORY_SCRIPT).is_file()
