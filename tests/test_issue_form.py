"""The GitHub issue form Föreslå en berättelse: generated from the schema, complete, and valid for GitHub.

The committed file is the golden file: it must be exactly what macros/views/github_issue_form.py makes from the schema,
so a change in the model that is not carried into the form fails here with the command that fixes it.
"""

import re

import pytest
import yaml
from issue_form import main
from sitebuild import ROOT

from macros.model.kinds import ListOf
from macros.model.schema import STORY
from macros.model.vocabularies import MUNICIPALITIES, STORY_KINDS, STRATEGY_GROUPS, TAGS
from macros.views import github_issue_form as issue_form

FORM = ROOT / issue_form.FILE


def committed() -> dict:
    return yaml.safe_load(FORM.read_text(encoding="utf-8"))


@pytest.mark.innehall  # the committed form is this repository's, with its region's lists
def test_the_committed_form_is_what_the_schema_makes():
    assert FORM.read_text(encoding="utf-8") == issue_form.form_yaml(), (
        "Formuläret stämmer inte med innehållsmodellen. Kör: .venv/bin/python scripts/issue_form.py"
    )


def test_every_story_field_is_asked_or_left_to_the_editor_with_a_reason():
    names = [f.name for f in STORY.all_fields]
    asked, left = set(issue_form.ASKED), set(issue_form.LEFT_TO_EDITOR)
    assert not asked & left
    assert asked | left == set(names), (
        f"bestäm för {sorted(set(names) - asked - left)}: fråga eller lämna åt redaktören"
    )
    assert all(reason.strip() for reason in issue_form.LEFT_TO_EDITOR.values())


@pytest.mark.innehall
def test_questions_carry_the_schemas_labels_descriptions_and_allowed_values():
    elements = {e["id"]: e for e in committed()["body"] if e["type"] != "markdown"}
    assert list(elements) == [*issue_form.ASKED, "berattelse", "kontroll"]
    for name in issue_form.ASKED:
        f, attributes = STORY.field(name), elements[name]["attributes"]
        assert attributes["label"] == f.title and attributes["description"].startswith(f.description), name
        required = elements[name].get("validations", {}).get("required", False)
        assert required == (f.required and name not in issue_form.EDITOR_DEFAULTS), name
        if f.vocabulary:
            assert elements[name]["type"] == "dropdown"
            assert attributes.get("multiple", False) == isinstance(f.kind, ListOf), name
    options = {
        name: elements[name]["attributes"]["options"] for name in ("slag", "strategigrupper", "kommuner", "taggar")
    }
    assert options == {
        "slag": list(STORY_KINDS.values()),
        "strategigrupper": list(STRATEGY_GROUPS.values()),
        "kommuner": list(MUNICIPALITIES.values()),
        "taggar": list(TAGS.values()),
    }
    assert elements["strategier"]["attributes"]["placeholder"] == ", ".join(STORY.field_named("strategier").example)
    assert elements["berattelse"]["validations"]["required"] is True
    assert all(o["required"] for o in elements["kontroll"]["attributes"]["options"])


def test_contact_details_are_never_asked_in_a_public_issue():
    ids = {e.get("id") for e in committed()["body"]}
    assert {"kontaktuppgifter", "personuppgifter_tillatna"}.isdisjoint(ids)
    intro = committed()["body"][0]["attributes"]["value"]
    assert "offentligt" in intro and "personnummer" in intro


def test_the_form_keeps_githubs_rules_for_issue_forms():
    """GitHub refuses a form with an unknown element type, a bad or repeated id or label, or an empty
    or repeated list of options, and then offers no form at all."""
    data = committed()
    assert set(data) <= {"name", "description", "title", "labels", "assignees", "body", "projects", "type"}
    assert data["name"] and data["description"]
    ids, labels = [], []
    for element in data["body"]:
        assert element["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if element["type"] == "markdown":
            continue
        ids.append(element["id"])
        labels.append(element["attributes"]["label"])
        assert re.fullmatch(r"[A-Za-z0-9_-]+", element["id"])
        options = element["attributes"].get("options")
        if element["type"] == "dropdown":
            assert options and len(set(options)) == len(options) and "None" not in options
            assert 0 <= element["attributes"].get("default", 0) < len(options)
        if element["type"] == "checkboxes":
            assert options and all(o["label"].strip() for o in options)
    assert len(set(ids)) == len(ids) and len(set(labels)) == len(labels)


def test_the_script_writes_the_form_and_checks_it(tmp_path, capsys):
    assert main(["--rot", str(tmp_path), "--kontrollera"]) == 1
    assert "scripts/issue_form.py" in capsys.readouterr().err
    assert main(["--rot", str(tmp_path)]) == 0
    assert (tmp_path / issue_form.FILE).read_text(encoding="utf-8") == issue_form.form_yaml()
    assert main(["--rot", str(tmp_path), "--kontrollera"]) == 0
    (tmp_path / issue_form.FILE).write_text("name: Gammal\n", encoding="utf-8")
    assert main(["--rot", str(tmp_path), "--kontrollera"]) == 1
