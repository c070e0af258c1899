"""The region's theme in region.yml: its colours, each readable against what it is shown with (WCAG 2.1
AA), and its logo, a raster image in the repository. Checked with the rest of the file
(macros/model/region_file.py), each problem at its line.
"""

import re
from pathlib import Path
from typing import Any, Protocol

from macros.model.region import COLOURS, DEFAULT_COLOURS
from macros.model.strict_yaml import FieldPath

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5  # WCAG 2.1 AA, normal text
LOGO_SUFFIXES = (".png", ".webp", ".jpg", ".jpeg")  # raster images: an SVG opened on its own can run script
MAX_LOGO_BYTES = 200_000


class Checker(Protocol):
    """What region_file's checker offers: a problem at a field, a field's text, a mapping, unknown keys."""

    def add(self, at: FieldPath, message: str) -> None: ...

    def text(self, data: Any, key: str, at: FieldPath, required: bool = True) -> str: ...

    def mapping(self, value: object, at: FieldPath, form: str) -> Any: ...

    def known_keys(self, data: Any, allowed: Any, at: FieldPath) -> None: ...


def _luminance(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours_of(check: Checker, value: object) -> dict[str, str]:
    if value is None:
        return dict(DEFAULT_COLOURS)
    given = check.mapping(value, ("farger",), "fält med namn och värde")
    check.known_keys(given, COLOURS, ("farger",))
    colours = dict(DEFAULT_COLOURS)
    for key, (_, against) in COLOURS.items():
        colour = check.text(given, key, ("farger",), False) or DEFAULT_COLOURS[key]
        if not HEX_COLOUR.match(colour):
            check.add(("farger", key), f"Färgen '{colour}' i 'farger.{key}' ska skrivas #rrggbb, till exempel #00566b.")
            continue
        ratio = contrast(colour, "#ffffff") if against else MIN_CONTRAST
        if ratio < MIN_CONTRAST:
            text = "vit text på färgen" if against == "white" else "färgen på vit bakgrund"
            check.add(
                ("farger", key),
                f"Färgen '{colour}' i 'farger.{key}' ger kontrasten {ratio:.1f}:1 för {text}, under kravet "
                f"{MIN_CONTRAST}:1 (WCAG 2.1 AA). Välj en mörkare färg.",
            )
        colours[key] = colour
    return colours


def logo_of(check: Checker, logo: str, root: Path | None) -> str:
    if not logo:
        return ""
    at: FieldPath = ("webbplats", "logotyp")
    parts = Path(logo).parts
    if logo.startswith("/") or "\\" in logo or ".." in parts or any(p.startswith(".") for p in parts):
        check.add(
            at, f"'webbplats.logotyp' ska vara en sökväg i förrådet, till exempel docs/logotyp.png, inte '{logo}'."
        )
    elif not logo.lower().endswith(LOGO_SUFFIXES):
        check.add(
            at,
            f"Logotypen '{logo}' ska vara en bild i PNG, WebP eller JPEG (inte SVG, som kan bära skript). "
            "Spara den i ett av de formaten.",
        )
    elif root is not None and not (root / logo).is_file():
        check.add(at, f"Logotypen '{logo}' finns inte i förrådet. Lägg filen där eller rätta sökvägen.")
    elif root is not None and (root / logo).stat().st_size > MAX_LOGO_BYTES:
        check.add(at, f"Logotypen '{logo}' är större än {MAX_LOGO_BYTES // 1000} kB. Spara en mindre bild.")
    return logo
