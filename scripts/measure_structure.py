"""Mät vad fientlig struktur kostar att rendera, med och utan gränserna i macros/content/structure.py.

För varje klass (nästling, tabeller, block, körningar av Markdown-tecken) skriver skriptet:

- utan gräns: renderingstiden för samma fientliga mönster i 12,5, 25 och 50 kB (det som gränserna
  stoppar; en tid som växer mer än storleken är superlinjär, "krasch" är ett RecursionError);
- inom gräns: den största text nära 1 MB som kontrollerna släpper igenom, byggd för att vara så dyr som
  möjligt, och dess tid jämförd med en vanlig berättelse skalad till samma storlek (de riktiga
  berättelserna i stories/ upprepade till 1 MB). Kvoten ska vara högst omkring 1.

Renderingen är bygget: Python-Markdown med tilläggen och inställningarna i mkdocs.yml. Kontrollerna
(catalog.load_item: guards och structure) mäts för sig. Påstår ingenting: siffrorna är till för människor
och avslutningsanteckningar (testerna får inte mäta tid). Kör: .venv/bin/python scripts/measure_structure.py
"""

import argparse
import time
from pathlib import Path

import markdown

from macros.content import guards, structure
from macros.views.sanitize_report import EXTENSIONS

ROOT = Path(__file__).resolve().parent.parent

CONFIGS = {
    "toc": {"permalink": True, "permalink_title": "Länk till det här avsnittet"},
    "footnotes": {"PLACE_MARKER": "\x02\x03"},
}
MEGABYTE = 1_000_000
WORDS = "Hemgången planerades tillsammans med kommunen och vårdcentralen. "


def render_seconds(text: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS).convert(text)
        outcome = ""
    except RecursionError:
        outcome = " krasch"
    return time.perf_counter() - start, outcome


def guard_findings(text: str) -> list:
    checks = (guards.heavy_markup, structure.structure, guards.unsafe_markup, guards.snippet_lines, guards.personnummer)
    return [finding for check in checks for finding in check(text, 1)]


def fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def spread(marks: list[str], size: int) -> str:
    """The marks spread evenly through one paragraph (one line) of ordinary words, `size` characters in all."""
    gap = max((size - sum(map(len, marks))) // (len(marks) + 1), 1)
    return fill(WORDS, gap) + "".join(mark + fill(WORDS, gap) for mark in marks)


def ladder(opener: str, levels: int) -> str:
    return "".join("    " * level + opener + "\n" for level in range(levels))


def deep_content(opener: str, levels: int, size: int) -> str:
    """`levels` nested blocks, the deepest holding paragraphs up to `size` characters."""
    head = ladder(opener, levels)
    line = "    " * levels + fill(WORDS, 400) + "\n"
    para = (line * 5) + "\n"
    return head + para * ((size - len(head)) // len(para))


# name: (hostile pattern of n characters that the bounds refuse, largest passing text of about n characters)
CLASSES = {
    "listor i listor (indrag)": (
        lambda n: "".join("    " * level + "- a\n" for level in range(int((n / 2) ** 0.5))),
        lambda n: deep_content("- a", structure.MAX_DEPTH - 1, n),
    ),
    "listor och citat på en rad": (
        lambda n: fill("- > ", n - 2) + "x\n",
        lambda n: fill(
            ("- > " * (structure.MAX_DEPTH // 2) + WORDS + "\n") * (structure.MAX_BLOCKS // 21) + "\n" + fill(WORDS, n),
            n,
        ),
    ),
    "rutor (!!! och ???)": (
        lambda n: ladder('!!! note "t"', int((n / 2) ** 0.5)) + "x\n",
        lambda n: deep_content('!!! note "t"', structure.MAX_DEPTH - 1, n),
    ),
    "HTML-element (md_in_html)": (
        lambda n: "<div markdown>\n" * 400 + fill(WORDS, n - 15 * 400 - 7 * 400) + "\n" + "</div>\n" * 400,
        lambda n: (
            "<div markdown>\n" * (structure.MAX_DEPTH - 1)
            + "\n"
            + fill(fill(WORDS, 400) + "\n\n", n - 800)
            + "\n"
            + "</div>\n" * (structure.MAX_DEPTH - 1)
        ),
    ),
    "breda tabeller (rader gånger kolumner)": (
        lambda n: (
            "|".join("k" for _ in range(n // 1000))
            + "\n"
            + "|".join("-" for _ in range(n // 1000))
            + "\n"
            + fill("a\n", n - 4 * (n // 1000))
        ),
        lambda n: (
            "|".join("k" for _ in range(structure.MAX_TABLE_COLUMNS + 1))
            + "\n"
            + "|".join("-" for _ in range(structure.MAX_TABLE_COLUMNS + 1))
            + "\n"
            + "".join(
                "|".join(fill(WORDS, n // structure.MAX_TABLE_CELLS) for _ in range(51)) + "\n"
                for _ in range(structure.MAX_TABLE_CELLS // 51 - 2)
            )
        ),
    ),
    "rubriker utan tom rad emellan": (
        lambda n: fill("# a\n", n),
        lambda n: "# a\n" * 4 + fill(fill(WORDS, 79) + "\n", n - 16),
    ),
    "linjer utan tom rad emellan": (
        lambda n: fill("---\n", n),
        lambda n: "---\n" * 4 + fill(fill(WORDS, 79) + "\n", n - 16),
    ),
    "definitioner utan tom rad emellan": (
        lambda n: "a\n" + fill(": b\n", n),
        lambda n: "a\n" + ": b\n" * 4 + fill(fill(WORDS, 79) + "\n", n - 18),
    ),
    "täta block (korta stycken)": (
        lambda n: fill("a\n\n", n),
        lambda n: "a\n\n" * (structure.MAX_BLOCKS - 10) + fill(WORDS, n - 3 * structure.MAX_BLOCKS),
    ),
    "ensamma backticks av olika längd": (
        lambda n: fill("".join("`" * length + " x " for length in range(1, 2000)), n),
        lambda n: spread(["`" * length for length in range(1, 28)], n),
    ),  # 378 of INLINE_LIMITS' 400
    "'*' (betoning)": (lambda n: fill("a*", n), lambda n: spread(["*"] * structure.INLINE_LIMITS["*"], n)),
    "'_' (betoning)": (lambda n: fill("a_ ", n), lambda n: spread(["_"] * structure.INLINE_LIMITS["_"], n)),
    "'\\' (undantag)": (lambda n: fill("\\- ", n), lambda n: spread(["\\-"] * structure.INLINE_LIMITS["\\"], n)),
    "'&' (teckenkoder)": (lambda n: fill("&amp; ", n), lambda n: spread(["&amp;"] * structure.INLINE_LIMITS["&"], n)),
    "radbrytningar med två mellanslag": (
        lambda n: fill("a  \n", n),
        lambda n: spread(["  \n"] * structure.MAX_HARD_BREAKS, n),
    ),
    "'[' och '<' (guards.MARKUP_LIMITS)": (
        lambda n: fill("[a ", n),
        lambda n: spread(["[a](b)"] * 1000 + ["<b>x</b>"] * 500, n),
    ),
    "allt på en gång, i ett stycke": (
        lambda n: fill("`a*_\\-&amp;[<b>", n),
        lambda n: spread(
            [
                mark
                for char, mark in (("`", "`"), ("*", "*"), ("_", "_"), ("\\", "\\-"), ("&", "&amp;"))
                for _ in range(structure.INLINE_LIMITS[char])
            ]
            + ["  \n"] * structure.MAX_HARD_BREAKS
            + ["[a](b)"] * 1000,
            n,
        ),
    ),
}


def normal_seconds_per_character(rounds: int = 5) -> tuple[float, int, int]:
    """Rendering time per character of the real stories in stories/, each rendered as the build renders it
    (the best of `rounds`): what a normal story costs, scaled by size. Also how many and their mean size."""
    bodies = [
        path.read_text(encoding="utf-8").split("\n---\n", 1)[-1] for path in sorted((ROOT / "stories").glob("*.md"))
    ]
    seconds = sum(min(render_seconds(body)[0] for _ in range(rounds)) for body in bodies)
    characters = sum(map(len, bodies))
    return seconds / characters, len(bodies), characters // len(bodies)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--storlekar", default="12500,25000,50000", help="storlekarna utan gräns, i tecken (standard 12500,25000,50000)"
    )
    parser.add_argument("--storlek", type=int, default=MEGABYTE, help="storleken inom gräns (standard 1 MB)")
    parser.add_argument("--klass", action="append", help="bara klasser vars namn innehåller texten")
    parser.add_argument("--utan-gräns", action="store_true", help="mät också mönstren utan gräns (tar minuter)")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.storlekar.split(",")]
    per_character, stories, mean = normal_seconds_per_character()
    print(
        f"Vanliga berättelser ({stories} st, i snitt {mean / 1000:.1f} kB): {per_character * 1e6:.2f} µs per tecken, "
        f"{per_character * mean * 1000:.1f} ms för en berättelse, {per_character * args.storlek:.2f} s skalat till "
        f"{args.storlek // 1000} kB",
        flush=True,
    )
    for name, (hostile, passing) in CLASSES.items():
        if args.klass and not any(part in name for part in args.klass):
            continue
        line = [f"{name}:"]
        if args.utan_gräns:
            for size in sizes:
                text = hostile(size)
                refused = "" if guard_findings(text) else " (släpps igenom)"
                seconds, outcome = render_seconds(text)
                line.append(f"{len(text) // 1000} kB {seconds:.2f} s{outcome}{refused};")
        text = passing(args.storlek)
        findings = guard_findings(text)
        assert not findings, (name, findings[:3])
        start = time.perf_counter()
        guard_findings(text)
        checked = time.perf_counter() - start
        seconds, outcome = render_seconds(text)
        scaled = per_character * len(text)
        line.append(
            f"inom gräns {len(text) // 1000} kB: {seconds:.2f} s{outcome} mot vanlig {scaled:.2f} s "
            f"(kvot {seconds / scaled:.2f}), kontrollerna {checked:.2f} s"
        )
        print(" ".join(line), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
