"""Small-count suppression of tables computed from client data.

A table is given with its margins: the last column holds the row totals, the
last row the column totals, the bottom-right cell the grand total. The rules
(docs/insight.md):

1. Primary: a cell or total with 1 … ``threshold - 1`` is hidden. Zero is
   published: it says that nothing happened, not to whom.
2. Secondary: a hidden cell must not be recoverable from what is published.
   Every row and column (totals included) is a sum; a line with exactly one
   hidden entry gives it away, so the smallest other non-zero entry of that
   line is hidden too (a zero only when the line has nothing else). Beyond
   single lines, hidden cells are recoverable when they can be isolated by
   adding and subtracting several lines: in the graph whose nodes are the
   rows and columns and whose edges are the hidden cells, exactly the
   bridges (edges on no cycle). A bridge is closed into a cycle by hiding
   the smallest cell that joins its two sides.
3. Repeat until nothing changes.

Shares and medians are hidden where the table of their bases is
(:func:`hidden_like`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from perhekeskus.core.rules import SUPPRESSION_THRESHOLD

Matrix = Sequence[Sequence[int]]
Mask = list[list[bool]]


def primary(value: int, threshold: int = SUPPRESSION_THRESHOLD) -> bool:
    return 0 < value < threshold


def suppress(table: Matrix, *, threshold: int = SUPPRESSION_THRESHOLD) -> Mask:
    """Which cells of ``table`` (margins included) to hide."""
    rows = len(table)
    cols = len(table[0]) if rows else 0
    hidden = [[primary(table[i][j], threshold) for j in range(cols)] for i in range(rows)]
    if rows < 2 or cols < 2:
        return hidden
    while _hide_single(table, hidden) or _close_bridge(table, hidden):
        pass
    return hidden


def _pick(table: Matrix, hidden: Mask, cells) -> tuple[int, int] | None:
    """The smallest published cell of ``cells``, a non-zero one first."""
    best = None
    for i, j in cells:
        if hidden[i][j]:
            continue
        key = (table[i][j] == 0, table[i][j], i, j)
        if best is None or key < best[0]:
            best = (key, (i, j))
    return best[1] if best else None


def _lines(rows: int, cols: int):
    for i in range(rows):
        yield [(i, j) for j in range(cols)]
    for j in range(cols):
        yield [(i, j) for i in range(rows)]


def _hide_single(table: Matrix, hidden: Mask) -> bool:
    """Hide a complement in every line with exactly one hidden entry."""
    changed = False
    rows, cols = len(table), len(table[0])
    for line in _lines(rows, cols):
        if sum(hidden[i][j] for i, j in line) == 1:
            cell = _pick(table, hidden, line)
            if cell is not None:
                hidden[cell[0]][cell[1]] = True
                changed = True
    return changed


def hidden_graph(hidden: Mask) -> dict[tuple[str, int], set[tuple[str, int]]]:
    """Rows and columns as nodes, hidden cells as the edges between them."""
    graph: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    for i, row in enumerate(hidden):
        for j, is_hidden in enumerate(row):
            if is_hidden:
                graph[("r", i)].add(("c", j))
                graph[("c", j)].add(("r", i))
    return graph


def _reachable(graph, start, skip_edge) -> set:
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        for other in graph[node]:
            if {node, other} == skip_edge or other in seen:
                continue
            seen.add(other)
            stack.append(other)
    return seen


def recoverable(hidden: Mask) -> list[tuple[int, int]]:
    """The hidden cells that the published cells and totals determine exactly.

    With every line a sum, the unknowns are fixed exactly when their edge
    lies on no cycle of :func:`hidden_graph` (a cycle lets its cells move
    by +x, −x in turn without changing any sum).
    """
    graph = hidden_graph(hidden)
    found = []
    for i, row in enumerate(hidden):
        for j, is_hidden in enumerate(row):
            if is_hidden and ("c", j) not in _reachable(graph, ("r", i), {("r", i), ("c", j)}):
                found.append((i, j))
    return found


def _close_bridge(table: Matrix, hidden: Mask) -> bool:
    bridges = recoverable(hidden)
    if not bridges:
        return False
    i, j = bridges[0]
    graph = hidden_graph(hidden)
    row_side = _reachable(graph, ("r", i), {("r", i), ("c", j)})
    col_side = _reachable(graph, ("c", j), {("r", i), ("c", j)})
    candidates = [
        (r, c) for kind_r, r in col_side if kind_r == "r" for kind_c, c in row_side if kind_c == "c"
    ]
    if not candidates:
        # A side with a single node: any other cell of its line closes the cycle.
        candidates = [(i, c) for c in range(len(table[0])) if c != j] + [
            (r, j) for r in range(len(table)) if r != i
        ]
    cell = _pick(table, hidden, candidates)
    if cell is None:
        return False
    hidden[cell[0]][cell[1]] = True
    return True


def hidden_like(bases: Matrix, *, threshold: int = SUPPRESSION_THRESHOLD) -> Mask:
    """The mask for shares or medians: hidden where their base is."""
    return suppress(bases, threshold=threshold)


def with_margins(cells: Sequence[Sequence[int]]) -> list[list[int]]:
    """A table of counts with its row totals, column totals and grand total added."""
    table = [list(row) + [sum(row)] for row in cells]
    if table:
        table.append([sum(column) for column in zip(*table, strict=True)])
    return table
