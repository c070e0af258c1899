"""Field checks driven by the schema: required fields, types and allow-listed values.

Each check names the field and the bad value and says how to fix it. References
to other items are checked later, by the catalog, once every item is loaded.
"""

import datetime
import math
import re
import difflib

from .problems import Problem
from .schema import ContentType, Field, is_required


# A public web address as a browser shows it: no other scheme, no spaces, quotes, angle brackets or
# character references (which would turn "&#74;avascript:" into a script link).
WEB_ADDRESS = re.compile(r"^(?![\s\S]*&[#a-zA-Z]\w*;)https?://[^\s<>\"'`\\]+$", re.I)


def _show(value) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…'"


def _choices(vocabulary: dict, limit: int = 16) -> str:
    keys = list(vocabulary)
    shown = ", ".join(keys[:limit])
    return shown + (f" … ({len(keys)} i allt)" if len(keys) > limit else "")


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(str(word).lower(), list(options), n=1, cutoff=0.6)
    return f" Menade du '{close[0]}'?" if close else ""


class FieldChecker:
    """Collects problems for one file; `line_of` finds the line of a field path."""

    def __init__(self, rel_path: str, lines: dict):
        self.rel_path = rel_path
        self.lines = lines
        self.problems: list[Problem] = []

    def line_of(self, path: tuple) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 2

    def add(self, path: tuple, message: str) -> None:
        self.problems.append(Problem(self.rel_path, self.line_of(path), message))

    def check_mapping(self, data: dict, fields: tuple[Field, ...], path: tuple, content_type: ContentType) -> None:
        known = {f.name: f for f in fields}
        for key in data:
            if key not in known:
                where = f" i '{'.'.join(str(p) for p in path)}'" if path else ""
                self.add(path + (key,), f"Okänt fält '{key}'{where}.{_suggest(key, known)} "
                                        f"Tillåtna fält: {', '.join(known)}.")
        for f in fields:
            value = data.get(f.name)
            required = is_required(content_type, f) if not path else f.required
            if value is None or value == "" or value == []:
                if required:
                    self.add(path or (f.name,), f"Fältet '{f.name}' saknas eller är tomt. Lägg till det: "
                                                f"{f.description}")
                continue
            self.check_value(f, value, path + (f.name,), content_type)

    def check_value(self, f: Field, value, path: tuple, content_type: ContentType) -> None:
        kind = f.kind
        name = ".".join(str(p) for p in path)
        if kind in ("texts", "choices", "refs", "records"):
            if not isinstance(value, list):
                self.add(path, f"Fältet '{name}' ska vara en lista (en rad per värde som börjar med '- '), "
                               f"men är {_show(value)}.")
                return
            inner = {"texts": "text", "choices": "choice", "refs": "ref", "records": "record"}[kind]
            item_field = Field(f.name, inner, f.description, vocabulary=f.vocabulary, ref_types=f.ref_types,
                               fields=f.fields)
            for index, item in enumerate(value):
                self.check_value(item_field, item, path + (index,), content_type)
            return
        if kind == "record":
            if not isinstance(value, dict):
                self.add(path, f"'{name}' ska ha underfält ({', '.join(x.name for x in f.fields)}), "
                               f"men är {_show(value)}.")
                return
            self.check_mapping(value, f.fields, path, content_type)
            return
        if kind in ("text", "ref"):
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                self.add(path, f"Fältet '{name}' ska vara en text, men är {_show(value)}.")
            elif isinstance(value, str) and not value.strip():
                self.add(path, f"Fältet '{name}' är tomt. Skriv ett värde eller ta bort fältet.")
            return
        if kind == "date":
            if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
                self.add(path, f"Fältet '{name}' ska vara ett datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-11-23, "
                               f"men är {_show(str(value))}.")
            return
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                self.add(path, f"Fältet '{name}' ska vara ett heltal, men är {_show(value)}.")
            return
        if kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                self.add(path, f"Fältet '{name}' ska vara ett tal med punkt som decimaltecken (till exempel 2.5), "
                               f"men är {_show(value)}.")
            return
        if kind == "bool":
            if not isinstance(value, bool):
                self.add(path, f"Fältet '{name}' ska vara true eller false, men är {_show(value)}.")
            return
        if kind == "choice":
            if not isinstance(value, str) or value not in f.vocabulary:
                self.add(path, f"Ogiltigt värde {_show(value)} i '{name}'.{_suggest(value, f.vocabulary)} "
                               f"Välj ett av: {_choices(f.vocabulary)}.")
            return
        raise ValueError(f"unknown field kind {kind}")


def check_fields(content_type: ContentType, data: dict, lines: dict, rel_path: str) -> list[Problem]:
    checker = FieldChecker(rel_path, lines)
    checker.check_mapping(data, content_type.all_fields, (), content_type)
    for index, source in enumerate(data.get("kallor") or []):
        if isinstance(source, dict) and sum(bool(source.get(k)) for k in ("dokument", "url", "text")) != 1:
            checker.add(("kallor", index), "Varje källa anger precis ett av 'dokument' (med 'avsnitt'), 'url' "
                                           "(med 'titel') eller 'text'.")
        elif isinstance(source, dict) and source.get("url") and not source.get("titel"):
            checker.add(("kallor", index, "url"), "En källa med 'url' behöver också 'titel', källans namn.")
        if isinstance(source, dict) and source.get("url") and not WEB_ADDRESS.match(str(source["url"])):
            checker.add(("kallor", index, "url"), f"Webbadressen {_show(source['url'])} går inte att använda. Skriv "
                                                  f"hela adressen som den står i webbläsaren, med https:// (eller "
                                                  f"http://) först och utan mellanslag.")
    if content_type.key == "story" and data.get("verkliga_personer") is True and not data.get("samtycke"):
        checker.add(("verkliga_personer",), "Berättelsen handlar om verkliga personer men fältet 'samtycke' saknas. "
                                            "Beskriv hur samtycket dokumenterats, eller avidentifiera och sätt "
                                            "verkliga_personer: false.")
    return checker.problems
