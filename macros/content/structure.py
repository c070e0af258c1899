"""Bounds on the structure of a page, checked before Python-Markdown renders it.

Python-Markdown recurses once or more per level of nesting (a list in a list, a quote, a `!!!` box, a
`<div markdown>`): 400 levels of nested lists end in a RecursionError, and 200 take seconds. Its inline
patterns rebuild the rest of a paragraph for every match and rescan it for every opener without a close,
so thousands of '`', '*', '_', '\\', '&' or hard line breaks in one paragraph cost the square of its
length. A table pads every row to the width of its header, so a wide header over many short rows costs
their product. A heading, a rule or a definition in a run of lines makes the engine read the rest of the
run again, and every block costs it as much as a line of text costs a page. Each check here is one pass
over the lines as the engine splits them, with a count or a stack: linear in the text.
"""

from collections.abc import Iterator

from macros.content.guards import over_character_limits

# The real content nests at most 5 levels (docs/styrning/index.md); 400 levels of lists crash the build.
MAX_DEPTH = 20
# The widest real table row has 6 '|' and the largest table 96 cells (docs/styrning/index.md).
MAX_TABLE_COLUMNS = 50
MAX_TABLE_CELLS = 5000
# The real maxima a page: 242 '*', 110 '`', 18 '_', 6 '&', 2 '\\', no hard line break ("  " at a line's end).
# Each '`' without a close rescans the rest of its line, dearer than the others: 1000 of them in a 1 MB line cost
# about three normal megabytes, so '`' has a lower limit.
INLINE_LIMITS = {"`": 400, "*": 1000, "_": 1000, "\\": 1000, "&": 1000}
MAX_HARD_BREAKS = 1000
# Blocks (each run of lines without a blank line, each line that splits one, each '>' or list marker)
# cost the engine about 40 µs each; the real pages have at most 260 (docs/ordlista.md). And Python-Markdown splits a run
# at each such line and reads the rest of the run again: the characters read again, summed over the page, are
# bounded (1000 '#' lines before 480 kB of text in one run took 21 s, 1000 ': ' lines 38 s).
MAX_BLOCKS = 10_000
MAX_REREAD = 5_000_000
# A line splits its run when it starts (after indentation and '>') with one of these, or is a rule ('---', '* * *').
SPLIT_START = frozenset("#:?![<=`~")
RULE_CHARACTERS = "-*_"

VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
KINDS = {"indent": "indrag", "quote": "citat", "list": "listor", "box": "rutor (!!! eller ???)", "html": "HTML-element"}
TABLE_SEPARATOR = frozenset("|:- \t>")


def _lines(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line number, line) as Python-Markdown splits the text: a lone '\\r' ends a line too (numbered as the
    '\\n' lines an editor counts), and a line of spaces and tabs only is blank (see _blank)."""
    for number, line in enumerate(text.split("\n"), first_line):
        if "\r" not in line:
            yield number, line
        else:
            for part in line.removesuffix("\r").split("\r"):
                yield number, part


def _blank(line: str) -> bool:
    return not line.strip(" \t")


def _prefix(line: str) -> tuple[int, set[str], int]:
    """The levels of nesting a line's start opens, as Python-Markdown reads them: 4 columns of indentation
    (a tab to the next multiple of 4), '>', a list marker ('-', '*', '+', '1.', '1)') or a `!!!`/`???` box,
    in any order and any number. Counts rather than parses, so it never counts fewer than the engine nests.
    Also how many of the levels are markers rather than indentation."""
    kinds: set[str] = set()
    depth, column, i, length, markers = 0, 0, 0, len(line), 0
    while i < length:
        start = column
        while i < length and line[i] in " \t":
            column = (column // 4 + 1) * 4 if line[i] == "\t" else column + 1
            i += 1
        if (column - start) // 4:
            depth += (column - start) // 4
            kinds.add("indent")
        if i >= length:
            break
        char, after = line[i], i + 1
        if char == ">":
            kind = "quote"
        elif char in "-*+" and (after >= length or line[after] in " \t"):
            kind = "list"
        elif char.isdigit():
            end = i
            while end < length and end - i < 10 and line[end].isdigit():
                end += 1
            if end >= length or line[end] not in ".)" or (end + 1 < length and line[end + 1] not in " \t"):
                break
            kind, after = "list", end + 1
        elif line.startswith(("!!!", "???"), i):
            depth, markers = depth + 1, markers + 1
            kinds.add("box")
            break  # the rest is the box's type and title; its content is indented on the lines below
        else:
            break
        depth, markers = depth + 1, markers + 1
        kinds.add(kind)
        column += after - i
        i = after
    return depth, kinds, markers


def _html_tags(line: str, stack: list[str], open_names: dict[str, int]) -> None:
    """Follows the HTML elements a line opens and closes: a closing tag closes only an element that is open."""
    at = line.find("<")
    while at >= 0:
        closing = line.startswith("/", at + 1)
        start = at + 1 + closing
        end = start
        while end < len(line) and end - start < 20 and (line[end].isalnum() or line[end] == "-"):
            end += 1
        name = line[start:end].lower()
        if name and name[0].isalpha():
            if closing and open_names.get(name):
                while stack:  # an element closes every element opened inside it, as in HTML
                    inner = stack.pop()
                    open_names[inner] -= 1
                    if inner == name:
                        break
            elif not closing and name not in VOID_TAGS:
                stack.append(name)
                open_names[name] = open_names.get(name, 0) + 1
        at = line.find("<", at + 1)


def _depth_message(depth: int, kinds: set[str]) -> str:
    named = ", ".join(KINDS[kind] for kind in KINDS if kind in kinds)
    return (
        f"Texten är nästlad i {depth} nivåer här ({named}), fler än de {MAX_DEPTH} som en sida kan ha; så djup "
        f"struktur kan bygget inte visa. Gör strukturen plattare: lägg färre listor, citat, rutor eller "
        f"HTML-element inuti varandra, till exempel genom att dela upp listan i flera."
    )


def nesting(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, message) where the nesting of blocks first goes deeper than MAX_DEPTH, once for each time."""
    stack: list[str] = []
    open_names: dict[str, int] = {}
    over_kinds: set[str] = set()
    over, over_at = 0, 0
    for number, line in _lines(text, first_line):
        depth, kinds, _ = (0, set(), 0) if _blank(line) else _prefix(line)
        elements = len(stack)
        if "<" in line:  # the deeper of before and after the line's tags: the line that opens one is in it
            _html_tags(line, stack, open_names)
            elements = max(elements, len(stack))
        if elements:
            depth += elements
            kinds.add("html")
        if depth > MAX_DEPTH:
            if not over:
                over_at, over_kinds = number, set()
            over = max(over, depth)
            over_kinds |= kinds
        elif over and not _blank(line):
            yield over_at, _depth_message(over, over_kinds)
            over = 0
    if over:
        yield over_at, _depth_message(over, over_kinds)


def tables(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, message) for a row with more '|' than MAX_TABLE_COLUMNS, and where the page's tables first hold
    more than MAX_TABLE_CELLS cells (every row of a table has as many cells as its separator row)."""
    cells, width, previous_blank = 0, 0, True
    for number, line in _lines(text, first_line):
        if _blank(line):
            width, previous_blank = 0, True
            continue
        pipes = line.count("|")
        if pipes > MAX_TABLE_COLUMNS:
            yield (
                number,
                (
                    f"Raden har {pipes} tecken '|', fler än de {MAX_TABLE_COLUMNS} som en tabellrad kan ha; "
                    f"så breda tabeller blir för tunga att bygga och går inte att läsa. Dela upp tabellen i "
                    f"flera smalare, eller skriv innehållet som en lista."
                ),
            )
        if not width and not previous_blank and pipes and "-" in line and set(line) <= TABLE_SEPARATOR:
            width = pipes + 1
            before = cells
            cells += 2 * width  # the header row and this one
        elif width:
            before = cells
            cells += width
        previous_blank = False
        if width and before <= MAX_TABLE_CELLS < cells:
            yield (
                number,
                (
                    f"Tabellerna på sidan har fler än {MAX_TABLE_CELLS} celler (rader gånger kolumner) från "
                    f"och med den här raden, vilket gör sidan för tung att bygga. Dela upp tabellen på flera "
                    f"sidor eller gör den smalare."
                ),
            )


def _content_start(line: str) -> str:
    """The first character of a line after its indentation and '>' markers ('' for none)."""
    for char in line:
        if char not in " \t>":
            return char
    return ""


def _splits(line: str) -> bool:
    """Whether Python-Markdown splits a run of lines at this line (a heading, a rule, a definition, a box …)."""
    start = _content_start(line)
    if start in SPLIT_START:
        return True
    return start in RULE_CHARACTERS and line.count(start) >= 3 and not line.strip(" \t>" + start)


def blocks(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, message) where the page first holds more than MAX_BLOCKS blocks, and where the characters the engine
    reads again when it splits runs of lines first add up to more than MAX_REREAD."""
    run_start: int | None = None  # the first line of the run of lines being read
    count, reread, run_length, splits, split_offsets = 0, 0, 0, 0, 0
    counted = reported = False
    for number, line in _lines(text + "\n", first_line):
        if _blank(line):
            reread += splits * run_length - split_offsets  # each split line: the rest of its run
            # reread grows only at the end of a run with a split line in it, so run_start is that run's line
            if reread > MAX_REREAD and not reported and run_start is not None:
                reported = True
                yield (
                    run_start,
                    (
                        "Raderna från och med den här har för många rubriker, linjer, listpunkter, definitioner eller "
                        "rutor utan en tom rad emellan: bygget läser om resten av stycket vid var och en, och sidan blir "
                        "för tung att bygga. Sätt en tom rad före och efter rubriker, linjer och rutor, eller dela upp "
                        "texten på flera sidor."
                    ),
                )
            run_start, run_length, splits, split_offsets = None, 0, 0, 0
            continue
        if run_start is None:
            run_start, count = number, count + 1
        if _splits(line):
            splits, split_offsets, count = splits + 1, split_offsets + run_length, count + 1
        run_length += len(line) + 1
        count += _prefix(line)[2]
        if count > MAX_BLOCKS and not counted:
            counted = True
            yield (
                number,
                (
                    f"Sidan har fler än {MAX_BLOCKS} block (stycken, rubriker, listpunkter, citat och rutor) "
                    f"från och med den här raden, vilket gör den för tung att bygga. Dela upp texten på "
                    f"flera sidor."
                ),
            )


def inline_markup(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, message) for a text with more of a Markdown character, or of hard line breaks, than can be rendered
    in reasonable time: the line of the first one over the limit."""
    yield from over_character_limits(
        text, first_line, INLINE_LIMITS, "tecken för kod, betoning, teckenkoder eller undantag"
    )
    breaks = 0
    for number, line in _lines(text, first_line):
        if line.endswith("  "):
            breaks += 1
            if breaks == MAX_HARD_BREAKS + 1:
                yield (
                    number,
                    (
                        f"Texten har fler än {MAX_HARD_BREAKS} radbrytningar med två mellanslag i slutet av "
                        f"raden, från och med den här raden, vilket gör sidan för tung att bygga. Ta bort "
                        f"mellanslagen i slutet av raderna, eller dela upp texten på flera sidor."
                    ),
                )


def structure(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, message) for every bound on structure the text goes past (nesting, tables, blocks, inline markup)."""
    yield from nesting(text, first_line)
    yield from tables(text, first_line)
    yield from blocks(text, first_line)
    yield from inline_markup(text, first_line)
