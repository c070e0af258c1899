"""An indicator's measured values (`serie:`): periods, the latest value and which way it moved.

Shared by the charts on each indicator page and the overview "Indikatorer i korthet", so both
say the same thing. Records are listed in the order the source gives them, oldest first within
each scope (omfattning); a series can hold several scopes (neurologist and gastroenterologist).
"""

import re

from macros.model import vocabularies as v

# A period is dated when it names a year ("2018", "November 2021", "2023/2024").
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
NO_YEAR = "källan anger inte vilket år"
NO_VALUES = "inga värden i källorna"
SHORT_DIRECTIONS = {
    "hogre-ar-battre": "Högre är bättre",
    "lagre-ar-battre": "Lägre är bättre",
    "ingen-riktning": "Ingen given riktning",
}


def points(item) -> list[dict]:
    return [
        p
        for p in (item.data.get("serie") or [])
        if isinstance(p, dict) and isinstance(p.get("varde"), (int, float)) and not isinstance(p["varde"], bool)
    ]


def is_dated(point) -> bool:
    return bool(YEAR.search(str(point.get("period", ""))))


def period_text(point) -> str:
    """The period in the source's words, saying so when the source names no year ("Förra året")."""
    period = str(point.get("period", "")).strip()
    if is_dated(point) or "anges inte" in period.lower():
        return period
    return f"{period} ({NO_YEAR})"


def undated_periods(item) -> list[str]:
    return list(dict.fromkeys(str(p.get("period", "")) for p in points(item) if not is_dated(p)))


def decimals(item) -> int:
    """As many decimals as the series' most precise value, so 0,37 and 0,40 are printed alike."""
    return max(
        (len(f"{p['varde']:.2f}".rstrip("0").partition(".")[2]) for p in points(item) if isinstance(p["varde"], float)),
        default=0,
    )


def number(value, places: int | None = None) -> str:
    """Swedish number format with a no-break space between thousands: 1 113 and 45,5."""
    if places is not None and places > 0:
        text = f"{value:,.{places}f}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    return text.replace(",", "\u00a0").replace(".", ",")


def latest(item) -> dict | None:
    found = points(item)
    return found[-1] if found else None


def previous(item) -> dict | None:
    """The value before the latest one in the same scope: what the latest change is measured against."""
    found = points(item)
    if len(found) < 2:
        return None
    last = found[-1]
    same_scope = [p for p in found[:-1] if p.get("omfattning") == last.get("omfattning")]
    return same_scope[-1] if same_scope else None


def change_text(item) -> str:
    """Which way is better and, with two values in one scope, whether the latest change went that way."""
    direction = item.data.get("riktning")
    better = SHORT_DIRECTIONS.get(direction, v.DIRECTIONS.get(direction, "Ingen given riktning"))
    last, before = latest(item), previous(item)
    if last is None:
        return f"{better}."
    if before is None:
        return f"{better}. Ett värde, ingen förändring att jämföra."
    old, new, places = before["varde"], last["varde"], decimals(item)
    if new == old:
        return f"{better}. Oförändrat, {number(new, places)}."
    moved = "Ökade" if new > old else "Minskade"
    text = f"{better}. {moved} från {number(old, places)} till {number(new, places)}"
    if direction == "hogre-ar-battre":
        return text + (": åt rätt håll." if new > old else ": åt fel håll.")
    if direction == "lagre-ar-battre":
        return text + (": åt rätt håll." if new < old else ": åt fel håll.")
    return text + "."
