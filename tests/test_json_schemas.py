"""The published JSON Schemas and the validator agree, file by file and kind by kind.

Every content file (the repository's own, the base fixture, every validator scenario and fixture
site laid over it) is checked twice: by the validator's field checks and against the JSON Schema
exported for its type. A file passes one exactly when it passes the other. What the validator
refuses for other reasons (references, personal data, markup, file names, YAML that cannot be
read) is out of a JSON Schema's reach; those scenarios are listed below with the reason.

Front matter is read as YAML and the schemas describe JSON, so `as_json` carries values across
the way editors see them: a date as its ÅÅÅÅ-MM-DD text. JSON has no dates and does not tell 1
from 1.0; the few values the validator refuses only for that reason are pinned in YAML_ONLY.
"""

import datetime
import json
import math
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from sitebuild import FIXTURES, ROOT

from macros.content.catalog import content_files, load_catalog
from macros.content.frontmatter import FrontMatterError, parse
from macros.model import fields
from macros.model.fields import FieldChecker
from macros.model.kinds import (
    IS_GIVEN,
    Boolean,
    Choice,
    Date,
    ExactlyOne,
    Integer,
    ListOf,
    Number,
    Record,
    Reference,
    RequiredWhen,
    Text,
    WebAddress,
)
from macros.model.problems import errors
from macros.model.schema import CONTENT_TYPES, Field, type_for_path
from macros.model.schema_export import json_schema, schema_file_name, site_files

TODAY = datetime.date(2026, 11, 23)
Validator = jsonschema.Draft202012Validator
PUBLISHED = site_files()  # the files under /schemas/, exactly as the site serves them
SCHEMAS = {
    t.key: Validator(json.loads(PUBLISHED[schema_file_name(t)]), format_checker=Validator.FORMAT_CHECKER)
    for t in CONTENT_TYPES
}

SCENARIOS = sorted(p.name for p in (FIXTURES / "validator").iterdir() if p.is_dir())
SITES = sorted(p.name for p in (FIXTURES / "sites").iterdir() if p.is_dir())

# Scenarios the validator refuses although every front matter in them passes its JSON Schema.
VALIDATOR_ONLY = {
    # The file cannot be read as front matter at all: there is no data for a schema to check.
    "binary-junk": "not a text file",
    "colon-in-unquoted-value": "not valid YAML",
    "duplicate-field": "a key twice, which YAML loaders keep silently",
    "empty-file": "no front matter",
    "front-matter-is-a-list": "front matter that is not a mapping",
    "impossible-date": "a date YAML cannot construct",
    "missing-front-matter": "no front matter",
    "unclosed-front-matter": "no end to the front matter",
    "wrong-encoding": "not UTF-8",
    "yaml-with-tab-indentation": "not valid YAML",
    # References between items, checked once every item is loaded.
    "duplicate-id-across-folders": "two files with one id",
    "parent-cycle-is-named": "a loop through several files",
    "published-page-references-draft": "the status of the item referred to",
    "reference-to-wrong-type": "the type of the item referred to",
    "unknown-strategy-lists-valid-ids": "which ids exist",
    # The text of the page and the repository's files, not the front matter's shape.
    "a-page-lists-the-first-25-removals-and-counts-the-rest": "the page body",
    "a-page-too-heavy-to-render-is-refused-before-rendering": "the page body",
    "addresses-the-site-owns-are-refused": "the file's place in the site",
    "addresses-of-the-whole-lists-are-refused": "the file's place in the site",
    "file-names-with-markup-are-refused-in-every-content-folder": "the file name",
    "folder-names-follow-the-same-rule-as-file-names": "the folder",
    "names-that-are-too-long-or-have-capital-endings-are-refused": "the file name",
    "blocks-nested-on-one-line-are-bounded": "the page body",
    "deeply-nested-lists-are-refused-at-the-line": "the page body",
    "deeply-nested-quotes": "the page body",
    "file-name-with-capitals-and-spaces": "the file name",
    "glossary-holds-only-abbreviations": "a snippet file",
    "hidden-folders-are-refused": "the folder",
    "html-files-are-not-published": "the file ending",
    "image-from-another-host": "the page body",
    "links-the-strict-build-would-stop-on-are-reported-first": "the links in the page body",
    "markup-that-walks-around-patterns": "the page body",
    "nested-boxes-are-bounded": "the page body",
    "nested-md-in-html-is-bounded": "the page body",
    "only-named-contact-details-are-allowed-with-a-reason": "personal data in the page body",
    "personal-data-hidden-in-entities-tags-or-invisible-characters": "personal data in the page body",
    "personnummer-in-story": "personal data in the page body",
    "personnummer-with-any-dash-is-refused-even-when-allowed": "personal data in the page body",
    "phone-number-in-story": "personal data in the page body",
    "phone-numbers-in-common-swedish-forms": "personal data in the page body",
    "runs-of-emphasis-escapes-and-entities-are-bounded": "the page body",
    "runs-of-headings-without-blank-lines-are-bounded": "the page body",
    "samordningsnummer-in-story": "personal data in the page body",
    "script-tag-in-content": "the page body",
    "snippet-lines-are-refused": "the page body",
    "story-in-a-subfolder-must-move": "the folder",
    "story-without-md-ending-must-be-renamed": "the file ending",
    "too-many-blocks-are-refused": "the page body",
    "unpaired-backtick-runs-are-bounded": "the page body",
    "what-the-sanitizer-removes-is-reported": "the page body",
    "wide-tables-are-refused": "the page body",
}

# Scenarios the validator refuses for a value only YAML tells apart (see YAML_ONLY below).
YAML_ONLY_SCENARIOS = {"quoted-date-says-remove-the-quotes": "a quoted date is the same text in JSON"}


def as_json(value):
    """A front-matter value as JSON holds it: dates as text, and infinity and NaN (no JSON form) as text."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def schema_problems(content_type, data: dict) -> list[str]:
    return [
        f"{'.'.join(map(str, e.absolute_path)) or '(sidan)'}: {e.message}"
        for e in SCHEMAS[content_type.key].iter_errors(as_json(data))
    ]


def overlay(tmp_path: Path, *layers: Path) -> Path:
    root = tmp_path / "repo"
    for layer in layers:
        shutil.copytree(layer, root, dirs_exist_ok=True)
    return root


def compare(root: Path) -> list[tuple]:
    """(file, field problems, schema problems, validator errors) for every file whose front matter reads."""
    catalog = load_catalog(root, today=TODAY)
    refused = {p.path for p in errors(catalog.problems)}
    found = []
    for rel in content_files(root):
        try:
            front = parse((root / rel).read_bytes())
        except FrontMatterError:
            continue
        content_type = type_for_path(rel)
        checked = errors(fields.check_fields(content_type, front.data, front.lines, rel))
        found.append((rel, checked, schema_problems(content_type, front.data), rel in refused))
    return found


def assert_agree(found: list[tuple]) -> None:
    for rel, checked, schema, refused in found:
        if not refused:
            assert schema == [], f"{rel}: the validator accepts it, the JSON Schema does not: {schema}"
        if checked:
            assert schema, f"{rel}: the validator refuses it ({checked[0].message}), the JSON Schema accepts it"
        else:
            assert schema == [], f"{rel}: the validator's field checks accept it, the JSON Schema does not: {schema}"


@pytest.mark.innehall
def test_real_content_agrees_with_its_schema():
    found = compare(ROOT)
    pages = [p for p in (ROOT / "docs").rglob("*.md") if not p.relative_to(ROOT / "docs").parts[0].startswith("_")]
    assert len(found) >= len(pages)  # every page of the site, not a folder that moved
    assert_agree(found)


def test_base_fixture_agrees_with_its_schema():
    found = compare(FIXTURES / "base")
    assert found and all(not refused for *_, refused in found)
    assert_agree(found)


@pytest.mark.parametrize("site", SITES)
def test_fixture_site_agrees_with_its_schema(tmp_path, site):
    assert_agree(compare(overlay(tmp_path, FIXTURES / "base", FIXTURES / "sites" / site)))


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_validator_scenario_agrees_with_the_schema(tmp_path, scenario):
    expected = yaml.safe_load((FIXTURES / "validator" / scenario / "expected.yml").read_text(encoding="utf-8"))
    found = compare(overlay(tmp_path, FIXTURES / "base", FIXTURES / "validator" / scenario / "files"))
    if scenario in YAML_ONLY_SCENARIOS:
        assert [schema for _, checked, schema, _ in found if checked] == [[]]  # one file, the gap and nothing else
        return
    assert_agree(found)
    schema_refuses = any(schema for _, _, schema, _ in found)
    if expected["exit"] == 0:
        assert not schema_refuses and scenario not in VALIDATOR_ONLY
    else:
        assert schema_refuses == (scenario not in VALIDATOR_ONLY), (
            f"{scenario}: the JSON Schema {'refuses' if schema_refuses else 'accepts'} every file; update "
            f"VALIDATOR_ONLY if the validator refuses it for a reason a JSON Schema cannot see"
        )


def test_validator_only_lists_real_scenarios():
    assert set(VALIDATOR_ONLY) | set(YAML_ONLY_SCENARIOS) <= set(SCENARIOS)


# One small case per behaviour of each kind: (kind, value, part of the validator's message or None
# when the value is accepted). The kind's JSON Schema must accept exactly the values the check accepts.
SOURCE = Record(
    (
        Field("dokument", Choice({"kommunernas-plan": "Kommunernas plan"}), "Dokument."),
        Field("url", WebAddress(), "Adress."),
        Field("titel", Text(), "Titel."),
        Field("text", Text(), "Text."),
    ),
    (
        ExactlyOne(("dokument", "url", "text"), "Precis ett av dokument, url eller text."),
        RequiredWhen("titel", "url", IS_GIVEN, "En url behöver titel.", at="url"),
    ),
)
NOTE = Record((Field("rubrik", Text(), "Rubrik.", required=True), Field("ar", Integer(), "År.")))
GROUPS = Choice({"aldre": "Äldre", "barn-och-unga": "Barn och unga"})

KIND_CASES = [
    (Text(), "Trygg hemgång", None),
    (Text(), "  ", "Fältet 'f' är tomt. Skriv ett värde eller ta bort fältet."),
    (Text(), 2026, "YAML läser värdet som talet 2026. Sätt citattecken runt värdet precis som du skrev det"),
    (Text(), 1.1, "talet 1.1"),
    (Text(), True, "sant/falskt-värdet true. Sätt citattecken runt värdet precis som du skrev det, till exempel"),
    (Text(), ["a"], "Fältet 'f' ska vara en text, men är ['a']."),
    (Text(), {"a": "b"}, "ska vara en text"),
    (WebAddress(), "https://rjl.se/qulturum/_in-english/esther", None),
    (WebAddress(), "HTTP://RJL.SE/", None),
    (WebAddress(), "&#74;avascript:alert(1)", "Webbadressen '&#74;avascript:alert(1)' går inte att använda."),
    (WebAddress(), "javascript:alert(1)", "går inte att använda"),
    (WebAddress(), "https://rjl.se/a b", "går inte att använda"),
    (WebAddress(), "https://rjl.se/\n", "går inte att använda"),
    (WebAddress(), "https://rjl.se/?a=1&amp;b=2", "går inte att använda"),
    (WebAddress(), 2026, "citattecken"),
    (Reference(("strategy",)), "k2", None),
    (Reference(("strategy",)), 2, "YAML läser värdet som talet 2"),
    (Date(), datetime.date(2026, 11, 23), None),
    (Date(), datetime.datetime(2026, 11, 23, 10, 0), "ska vara ett datum skrivet ÅÅÅÅ-MM-DD"),
    (Date(), "23/11/2026", "men är '23/11/2026'."),
    (Date(), 2026, "ska vara ett datum"),
    (Integer(), 3, None),
    (Integer(), True, "ska vara ett heltal, men är True."),
    (Integer(), 2.5, "ska vara ett heltal"),
    (Integer(), "3", "ska vara ett heltal, men är '3'."),
    (Number(), 2.5, None),
    (Number(), -3, None),
    (Number(), math.inf, "ska vara ett tal med punkt som decimaltecken"),
    (Number(), math.nan, "ska vara ett tal"),
    (Number(), "2,5", "men är '2,5'."),
    (Number(), False, "ska vara ett tal"),
    (Boolean(), False, None),
    (Boolean(), "ja", "ska vara true eller false, men är 'ja'."),
    (Boolean(), 1, "ska vara true eller false"),
    (GROUPS, "aldre", None),
    (GROUPS, "aldr", "Ogiltigt värde 'aldr' i 'f'. Menade du 'aldre'? Välj ett av: aldre, barn-och-unga."),
    (GROUPS, 1, "Ogiltigt värde 1"),
    (GROUPS, ["aldre"], "Ogiltigt värde ['aldre']"),
    (ListOf(GROUPS), ["aldre", "barn-och-unga"], None),
    (ListOf(GROUPS), "aldre", "Fältet 'f' ska vara en lista (en rad per värde som börjar med '- '), men är 'aldre'."),
    (ListOf(GROUPS), ["aldre", "aldr"], "Ogiltigt värde 'aldr' i 'f.1'."),
    (ListOf(Text()), ["SIP", ""], "Fältet 'f.1' är tomt."),
    (ListOf(Text()), ["SIP", None], "Fältet 'f.1' ska vara en text, men är None."),
    (NOTE, {"rubrik": "Start", "ar": 2016}, None),
    (NOTE, "Start", "'f' ska ha underfält (rubrik, ar), men är 'Start'."),
    (NOTE, {"ar": 2016}, "Fältet 'rubrik' saknas eller är tomt. Lägg till det: Rubrik."),
    (NOTE, {"rubrik": ""}, "Fältet 'rubrik' saknas eller är tomt."),
    (NOTE, {"rubrik": "Start", "ar": None}, "Fältet 'f.ar' är tomt. Skriv ett värde eller ta bort fältet."),
    (NOTE, {"rubrik": "Start", "årtal": 2016}, "Okänt fält 'årtal' i 'f'. Tillåtna fält: rubrik, ar."),
    (SOURCE, {"dokument": "kommunernas-plan"}, None),
    (SOURCE, {"text": "Intervju med enhetschef, mars 2026"}, None),
    (SOURCE, {"url": "https://rjl.se/", "titel": "Region Jönköpings län"}, None),
    (SOURCE, {"titel": "Bara en titel"}, "Precis ett av dokument, url eller text."),
    (SOURCE, {"dokument": "kommunernas-plan", "text": "Och en text"}, "Precis ett av dokument, url eller text."),
    (SOURCE, {"url": "https://rjl.se/"}, "En url behöver titel."),
]

# Values the validator refuses only because YAML tells apart what JSON cannot: a date from its
# text, and an integer from a decimal number with no fraction. Every JSON Schema accepts them.
YAML_ONLY = [
    (Date(), "2026-11-23", "men är '2026-11-23'. Ta bort citattecknen runt datumet."),
    (Text(), datetime.date(2026, 1, 1), "YAML läser värdet som datumet 2026-01-01. Sätt citattecken"),
    (Integer(), 1.0, "ska vara ett heltal, men är 1.0."),
]


def check(kind, value) -> list[str]:
    return [p.message for p in kind.check(value, ("f",), FieldChecker("f.md", {}))]


def schema_accepts(kind, value) -> bool:
    return Validator(kind.json_schema(), format_checker=Validator.FORMAT_CHECKER).is_valid(as_json(value))


@pytest.mark.parametrize("kind, value, message", KIND_CASES, ids=lambda x: repr(x)[:40])
def test_kind_checks_and_its_schema_agree(kind, value, message):
    found = check(kind, value)
    if message is None:
        assert found == []
    else:
        assert any(message in m for m in found), found
    assert schema_accepts(kind, value) == (message is None)


@pytest.mark.parametrize("kind, value, message", YAML_ONLY, ids=lambda x: repr(x)[:40])
def test_what_only_yaml_tells_apart_is_refused_by_the_validator(kind, value, message):
    assert any(message in m for m in check(kind, value))
    assert schema_accepts(kind, value)


def every_field(fields_):
    for f in fields_:
        yield f
        yield from every_field(f.fields)


def test_every_field_has_a_swedish_label_and_a_schema():
    for content_type in CONTENT_TYPES:
        for f in every_field(content_type.all_fields):
            assert f.kind.label, f.name
            Validator.check_schema({"$schema": "https://json-schema.org/draft/2020-12/schema", **f.kind.json_schema()})
        Validator.check_schema(json_schema(content_type))
