"""The validator's rules as data for the form editor (installningar.json "guards").

The form (macros/generate/cms_editor.js) refuses at the field what scripts/validate.py would refuse in
the saved file, with the same Swedish message: personnummer, phone numbers and e-mail addresses not
named in Kontaktuppgifter (macros/content/guards.py, as catalog.load_item runs them on a story), and
the story's rules between fields and on lengths (schema.STORY.rules, as JSON Schema). Nothing is
written twice: the patterns, tables and messages are the validator's own, exported here.

Python's regular expressions are Unicode-aware (\\w is any letter, digit or _; \\b is a boundary of
such characters); JavaScript's are ASCII unless told. `js_pattern` writes the same pattern for
JavaScript's "u" flag, so "å070…" is one word in both.
"""

import re

from macros.content import guards
from macros.model.schema import STORY

WORD = r"\p{L}\p{N}_"  # Python's \w (str.isalnum() or _), in a JavaScript class with the u flag
BOUNDARY = f"(?:(?<=[{WORD}])(?![{WORD}])|(?<![{WORD}])(?=[{WORD}]))"


def js_pattern(pattern: str) -> str:
    """A Python pattern as JavaScript reads it with the "u" flag: \\w and \\b as Python means them."""
    out, index, in_class = [], 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            pair = pattern[index : index + 2]
            if pair == r"\w":
                out.append(WORD if in_class else f"[{WORD}]")
            elif pair == r"\b" and not in_class:
                out.append(BOUNDARY)
            else:
                out.append(pair)
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    text = "".join(out)
    re.compile(text.replace(r"\p{L}", "a").replace(r"\p{N}", "0"))  # still one pattern (a cheap sanity check)
    return text


def field_rules() -> list:
    """The story's rules (kinds.RequiredWhen, kinds.MaxLength): the field the validator reports them at,
    the JSON Schema the story must meet, and the message."""
    return [
        {"field": rule.at, "schema": rule.json_schema(), "message": rule.message} for rule in STORY.rules if rule.at
    ]


def guard_rules() -> dict:
    """The guards of macros/content/guards.py, as data for the form: the same patterns, tables and messages."""
    return {
        "personnummer": js_pattern(guards.PERSONNUMMER.pattern),
        "phone": js_pattern(guards.PHONE.pattern),
        "email": js_pattern(guards.EMAIL.pattern),
        "url_or_date": js_pattern(guards.URL_OR_DATE.pattern),
        "inline_tag": js_pattern(guards.INLINE_TAG.pattern),
        "phone_digits": guards.PHONE_DIGITS,
        "characters": {chr(code): value or "" for code, value in guards.READER_CHARACTERS.items()},
        "message": guards.PERSONNUMMER_MESSAGE,
        "phone_message": guards.PHONE_MESSAGE,
        "email_message": guards.EMAIL_MESSAGE,
        "contacts": "kontaktuppgifter",  # the field whose values may stand in the text (catalog.load_item)
        "rules": field_rules(),
    }
