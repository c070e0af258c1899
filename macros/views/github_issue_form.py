"""The GitHub issue form "Föreslå en berättelse" (.github/ISSUE_TEMPLATE/berattelse.yml), generated from the schema.

The form is for people with a GitHub account who do not want to edit a file: an editor turns the answers
into a story. Its questions are the story's fields, with the schema's titles, descriptions, examples and
allowed values, so it cannot drift from what the validator accepts; scripts/issue_form.py writes it and
tests/test_issue_form.py fails when the file in the repository is not what this module makes.

Every field of a story is either asked (ASKED) or left to the editor (LEFT_TO_EDITOR, with the reason):
a new field in the schema fails the test until someone decides which.
"""

from typing import Any

import yaml

from macros.model.schema import ISSUE_FORM_ASKS, STORY, Field

FILE = ".github/ISSUE_TEMPLATE/berattelse.yml"  # GitHub's place for issue forms; the guide links to it by name
ASKED = ISSUE_FORM_ASKS  # recorded with the schema, beside the other entry points'
LEFT_TO_EDITOR = {
    "status": "en ny berättelse börjar alltid som utkast",
    "ansvarig": "redaktören anger organisationen som äger innehållet",
    "skapad": "redaktören skriver dagens datum när filen skapas",
    "senast_granskad": "fylls i vid granskningen",
    "nasta_granskning": "fylls i vid granskningen",
    "upphor": "redaktören bestämmer om sidan ska upphöra",
    "tidslinje": "redaktören lägger till daterade händelser om det behövs",
    # An issue is public the moment it is sent, with no check in between: contact details are never asked.
    "kontaktuppgifter": "ett ärende blir offentligt direkt, utan kontroll, så kontaktuppgifter skrivs aldrig här",
    "personuppgifter_tillatna": "hör ihop med kontaktuppgifter",
    # A new story's first commit is its publication ("Sidan publicerades." in its history); the note is for
    # changes to a page that is already there.
    "andring": "en ny berättelse behöver ingen ändringsanteckning; historiken säger att sidan publicerades",
}
# Required in the schema, but the editor has a default when the answer is left empty (as the scaffolder does).
EDITOR_DEFAULTS = {
    "kallor": "Är berättelsen er egen lämnar du fältet tomt; då anger redaktören den som källa, med författaren."
}
LONG_TEXT = {"beskrivning", "kallor"}

INTRO = (
    "Tack för att du vill bidra! Allt du skriver här är **offentligt** så fort du skickar formuläret, och "
    "ingen kontroll körs innan. Skriv därför aldrig namn, personnummer, adresser, telefonnummer, "
    "e-postadresser eller uppgifter om någons hälsa som kan peka ut en verklig person. En redaktör gör om "
    "svaren till en berättelse och lämnar in den som en pull request. Guiden *Bidra med en berättelse* på "
    "kunskapsbankens webbplats (under Bidra) beskriver vad som gör en bra berättelse, och sidan *Alla fält i "
    "en berättelse* visar alla fält och giltiga id."
)
STORY_TEXT = {
    "type": "textarea",
    "id": "berattelse",
    "attributes": {
        "label": "Berättelsen",
        "description": "Skriv konkret och ur en persons perspektiv. Gärna i tre delar: Vad hände? Vad gjorde "
        "skillnad? Vad visar berättelsen?",
    },
    "validations": {"required": True},
}
CHECKS = {
    "type": "checkboxes",
    "id": "kontroll",
    "attributes": {
        "label": "Kontroll",
        "options": [
            {
                "label": "Berättelsen är avidentifierad, eller så har de verkliga personer som förekommer samtyckt.",
                "required": True,
            },
            {
                "label": "Texten innehåller inga personnummer, telefonnummer, e-postadresser eller hälsouppgifter om "
                "en person som kan kännas igen.",
                "required": True,
            },
        ],
    },
}
HEADER = (
    "# Genererad från innehållsmodellen (macros/model/schema.py) av scripts/issue_form.py; ändra inte för hand.\n"
    "# Kör .venv/bin/python scripts/issue_form.py efter en ändring i modellen. Testet tests/test_issue_form.py\n"
    "# larmar om filen och modellen glider isär.\n"
)


def _example_text(example: object) -> str:
    return ", ".join(str(x) for x in example) if isinstance(example, list) else str(example)


def hint(f: Field) -> str:
    """What the form adds to the schema's description: how to answer in a form rather than in YAML."""
    text = f.kind.issue_form_hint(False, _example_text(f.example) if f.example else "")
    return f"{text} {EDITOR_DEFAULTS[f.name]}" if f.name in EDITOR_DEFAULTS else text


def element(f: Field) -> dict[str, Any]:
    """The issue form element for one story field."""
    description = " ".join(part for part in (f.description, hint(f)) if part)
    attributes: dict[str, Any] = {"label": f.title, "description": description}
    dropdown = f.kind.issue_form_options()
    if dropdown is not None:
        kind_name = "dropdown"
        attributes["options"], default = dropdown
        if default is not None:
            attributes["default"] = default
        if f.kind.is_list:
            attributes["multiple"] = True
    else:
        kind_name = "textarea" if f.name in LONG_TEXT else "input"
        if f.example is not None and not f.kind.block_example:
            attributes["placeholder"] = _example_text(f.example)
    found: dict[str, Any] = {"type": kind_name, "id": f.name, "attributes": attributes}
    if f.required and f.name not in EDITOR_DEFAULTS:
        found["validations"] = {"required": True}
    return found


def form() -> dict[str, Any]:
    return {
        "name": "Föreslå en berättelse",
        "description": "Fyll i formuläret, så gör en redaktör om berättelsen till en sida i kunskapsbanken.",
        "title": "Berättelse: ",
        "labels": ["berättelse"],
        "body": [
            {"type": "markdown", "attributes": {"value": INTRO}},
            *(element(STORY.field_named(name)) for name in ASKED),
            STORY_TEXT,
            CHECKS,
        ],
    }


def form_yaml() -> str:
    """The file's text: a header comment, then the form as YAML (UTF-8, keys in the order GitHub shows them)."""
    return HEADER + yaml.safe_dump(form(), allow_unicode=True, sort_keys=False, width=100)
