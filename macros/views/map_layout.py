"""Where the strategy map (macros/views/strategy_map.py) draws its nodes and lines, in viewBox units.

Strategies stand in the middle column because they are the hubs: story–strategy lines run in the left
gutter, strategy–indicator lines in the right one, and the few story–indicator lines cross the middle
through the gaps between strategies, in lanes, never behind a strategy. Node i of n sits at height
(i + ½)/n of the map, as the stylesheet's karta section places the buttons over the SVG.
"""

# Left to right, as in the DOM, so that focus order follows what the reader sees.
COLUMNS = (("story", "Berättelser"), ("strategy", "Strategier"), ("indicator", "Indikatorer"))
COLUMN, GUTTER = 250, 100  # viewBox units across; the karta section of the stylesheet uses the same 5:2 proportions
WIDTH = 3 * COLUMN + 2 * GUTTER
HEIGHT = 1000  # viewBox units down; the map's real height comes from its nodes
LANE_SPACING = 6  # between story–indicator lines that share a gap between strategies
EDGES = {  # x of a node's anchor on the side that faces the other end of the link
    "story": COLUMN,
    "strategy_left": COLUMN + GUTTER,
    "strategy_right": 2 * COLUMN + GUTTER,
    "indicator": 2 * COLUMN + 2 * GUTTER,
}


def edges(columns, links) -> list[tuple[str, str]]:
    """Every link once, as (left node, right node) in column order."""
    order = {
        item.id: (position, index)
        for position, (key, _) in enumerate(COLUMNS)
        for index, item in enumerate(columns[key])
    }
    pairs = {tuple(sorted((a, b), key=order.get)) for a, targets in links.items() for b in targets}
    return sorted(pairs, key=lambda pair: (order[pair[0]], order[pair[1]]))


def node_y(index: int, count: int) -> float:
    return (index + 0.5) / count * HEIGHT


def curve(x1: float, y1: float, x2: float, y2: float) -> str:
    """A cubic curve leaving and arriving horizontally, so it meets the node's side square on."""
    middle = (x1 + x2) / 2
    return f"C {middle:g} {y1:.1f}, {middle:g} {y2:.1f}, {x2:g} {y2:.1f}"


def line_paths(columns, links) -> list[tuple[str, str, str]]:
    """(from id, to id, SVG path data) for every link, in viewBox units."""
    where = {
        item.id: (key, node_y(index, len(columns[key])))
        for key, _ in COLUMNS
        for index, item in enumerate(columns[key])
    }
    strategies = len(columns["strategy"])
    lanes: dict[int, list[int]] = {}  # gap between strategies (0 = above the first) -> paths using it
    paths = []
    for a, b in edges(columns, links):
        (kind_a, ya), (kind_b, yb) = where[a], where[b]
        if kind_a == "story" and kind_b == "strategy":
            d = f"M {EDGES['story']} {ya:.1f} " + curve(EDGES["story"], ya, EDGES["strategy_left"], yb)
        elif kind_a == "strategy":
            d = f"M {EDGES['strategy_right']} {ya:.1f} " + curve(EDGES["strategy_right"], ya, EDGES["indicator"], yb)
        else:  # story–indicator: through the gap between strategies nearest the middle of the two ends
            gap = min(range(strategies + 1), key=lambda k: abs(k * HEIGHT / max(strategies, 1) - (ya + yb) / 2))
            lanes.setdefault(gap, []).append(len(paths))
            d = (ya, yb)
        paths.append((a, b, d))
    for gap, members in lanes.items():
        base = gap * HEIGHT / max(strategies, 1)
        for rank, index in enumerate(members):
            a, b, (ya, yb) = paths[index]
            if gap == 0:  # above the first strategy: lanes go downwards from the map's top edge
                y = base + LANE_SPACING * (rank + 1)
            elif gap == strategies:  # below the last one: upwards from the bottom edge
                y = base - LANE_SPACING * (rank + 1)
            else:  # between two strategies: centred in the gap
                y = base + LANE_SPACING * (rank - (len(members) - 1) / 2)
            left, right = EDGES["strategy_left"], EDGES["strategy_right"]
            d = (
                f"M {EDGES['story']} {ya:.1f} "
                + curve(EDGES["story"], ya, left, y)
                + f" L {right} {y:.1f} "
                + curve(right, y, EDGES["indicator"], yb)
            )
            paths[index] = (a, b, d)
    return paths
