"""Bounds on the structure of a page, checked before Python-Markdown renders it.

Python-Markdown recurses once or more per level of nesting (a list in a list, a quote, a `!!!` box, a
`<div markdown>`): 400 levels of nested lists end in a RecursionError, and 200 take seconds. Its inline
patterns rebuild the rest of a paragraph for every match and rescan it for every opener without a close,
so thousands of '`', '*', '_', '\\', '&' or hard line breaks in one paragraph cost the square of its
length. A table pads every row to the width of its header, so a wide header over many short rows costs
their product. Each check here is one pass over the lines, with a count or a stack: linear in the text.
"""

from macros.content.guards import Lines

# The real content nests at most 5 levels (docs/styrning/index.md); 400 levels of lists crash the build.
MAX_DEPTH = 20
# The widest real table row has 6 '|' and the largest table 96 cells (docs/styrning/index.md).
MAX_TABLE_COLUMNS = 50
MAX_TABLE_CELLS = 5000
# The real maxima a page: 242 '*', 110 '`', 18 '_', 6 '&', 2 '\\', no hard line break ("  " at a line's end).
INLINE_LIMITS = {"`": 1000, "*": 1000, "_": 1000, "\\": 1000, "&": 1000}
MAX_HARD_BREAKS = 1000

VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
KINDS = {"indent": "indrag", "quote": "citat", "list": "listor", "box": "rutor (!!! eller ???)",
         "html": "HTML-element"}
TABLE_SEPARATOR = frozenset("|:- \t>")


def _prefix(line: str) -> tuple[int, set]:
    """The levels of nesting a line's start opens, as Python-Markdown reads them: 4 columns of indentation
    (a tab to the next multiple of 4), '>', a list marker ('-', '*', '+', '1.', '1)') or a `!!!`/`???` box,
    in any order and any number. Counts rather than parses, so it never counts fewer than the engine nests."""
    depth, kinds, column, i, length = 0, set(), 0, 0, len(line)
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
            depth += 1
            kinds.add("box")
            break  # the rest is the box's type and title; its content is indented on the lines below
        else:
            break
        depth += 1
        kinds.add(kind)
        column += after - i
        i = after
    return depth, kinds


def _html_tags(line: str, stack: list, open_names: dict):
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


def _depth_message(depth: int, kinds: set) -> str:
    named = ", ".join(KINDS[kind] for kind in KINDS if kind in kinds)
    return (f"Texten är nästlad i {depth} nivåer här ({named}), fler än de {MAX_DEPTH} som en sida kan ha; så djup "
            f"struktur kan bygget inte visa. Gör strukturen plattare: lägg färre listor, citat, rutor eller "
            f"HTML-element inuti varandra, till exempel genom att dela upp listan i flera.")


def nesting(text: str, first_line: int):
    """(line, message) where the nesting of blocks first goes deeper than MAX_DEPTH, once for each time."""
    stack, open_names, over, over_at, over_kinds = [], {}, 0, 0, set()
    for number, line in enumerate(text.split("\n"), first_line):
        depth, kinds = _prefix(line) if line.strip() else (0, set())
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
        elif over and line.strip():
            yield over_at, _depth_message(over, over_kinds)
            over = 0
    if over:
        yield over_at, _depth_message(over, over_kinds)


def tables(text: str, first_line: int):
    """(line, message) for a row with more '|' than MAX_TABLE_COLUMNS, and where the page's tables first hold
    more than MAX_TABLE_CELLS cells (every row of a table has as many cells as its separator row)."""
    cells, width, previous_blank = 0, 0, True
    for number, line in enumerate(text.split("\n"), first_line):
        if not line.strip():
            width, previous_blank = 0, True
            continue
        pipes = line.count("|")
        if pipes > MAX_TABLE_COLUMNS:
            yield number, (f"Raden har {pipes} tecken '|', fler än de {MAX_TABLE_COLUMNS} som en tabellrad kan ha; "
                           f"så breda tabeller blir för tunga att bygga och går inte att läsa. Dela upp tabellen i "
                           f"flera smalare, eller skriv innehållet som en lista.")
        if not width and not previous_blank and pipes and "-" in line and set(line) <= TABLE_SEPARATOR:
            width = pipes + 1
            before = cells
            cells += 2 * width  # the header row and this one
        elif width:
            before = cells
            cells += width
        previous_blank = False
        if width and before <= MAX_TABLE_CELLS < cells:
            yield number, (f"Tabellerna på sidan har fler än {MAX_TABLE_CELLS} celler (rader gånger kolumner) från "
                           f"och med den här raden, vilket gör sidan för tung att bygga. Dela upp tabellen på flera "
                           f"sidor eller gör den smalare.")


def inline_markup(text: str, first_line: int):
    """(line, message) for a text with more of a Markdown character, or of hard line breaks, than can be rendered
    in reasonable time: the line of the first one over the limit."""
    for char, limit in INLINE_LIMITS.items():
        count = text.count(char)
        if count > limit:
            at = -1
            for _ in range(limit + 1):
                at = text.index(char, at + 1)
            yield (Lines(text, first_line).at(at),
                   f"Texten har {count} tecken '{char}', fler än de {limit} som en sida kan ha. Så många tecken för "
                   f"kod, betoning, teckenkoder eller undantag gör sidan för tung att bygga. Dela upp texten på "
                   f"flera sidor, eller ta bort tecknen från och med den här raden.")
    breaks = 0
    for number, line in enumerate(text.split("\n"), first_line):
        if line.endswith(("  ", "  \r")):
            breaks += 1
            if breaks == MAX_HARD_BREAKS + 1:
                yield number, (f"Texten har fler än {MAX_HARD_BREAKS} radbrytningar med två mellanslag i slutet av "
                               f"raden, från och med den här raden, vilket gör sidan för tung att bygga. Ta bort "
                               f"mellanslagen i slutet av raderna, eller dela upp texten på flera sidor.")


def structure(text: str, first_line: int):
    """(line, message) for every bound on structure the text goes past (nesting, tables, inline markup)."""
    yield from nesting(text, first_line)
    yield from tables(text, first_line)
    yield from inline_markup(text, first_line)
