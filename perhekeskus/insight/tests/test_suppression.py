"""Small-count suppression: nothing under the threshold is shown, and no hidden
cell can be worked out from what is shown."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from perhekeskus.core.rules import SUPPRESSION_THRESHOLD
from perhekeskus.insight.suppression import recoverable, suppress, with_margins

T = SUPPRESSION_THRESHOLD


def _rank(rows: list[list[Fraction]]) -> int:
    rows = [row[:] for row in rows]
    rank = 0
    width = len(rows[0]) if rows else 0
    for col in range(width):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][col] != 0:
                factor = rows[r][col] / rows[rank][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    return rank


def determined_by_algebra(mask: list[list[bool]]) -> set[tuple[int, int]]:
    """The hidden cells fixed by the line sums, by exact linear algebra.

    Every row and column of a table with margins says: the entries sum to
    the last one. The unknowns are the hidden cells; a cell is fixed exactly
    when its unit vector lies in the span of the equations.
    """
    unknowns = [(i, j) for i, row in enumerate(mask) for j, hidden in enumerate(row) if hidden]
    if not unknowns:
        return set()
    index = {cell: k for k, cell in enumerate(unknowns)}
    rows, cols = len(mask), len(mask[0])
    equations = []
    for i in range(rows):
        line = [(i, j, 1 if j < cols - 1 else -1) for j in range(cols)]
        equations.append(line)
    for j in range(cols):
        line = [(i, j, 1 if i < rows - 1 else -1) for i in range(rows)]
        equations.append(line)
    matrix = []
    for line in equations:
        vector = [Fraction(0)] * len(unknowns)
        for i, j, sign in line:
            if (i, j) in index:
                vector[index[(i, j)]] = Fraction(sign)
        matrix.append(vector)
    base = _rank(matrix)
    fixed = set()
    for cell, k in index.items():
        unit = [Fraction(1 if m == k else 0) for m in range(len(unknowns))]
        if _rank([*matrix, unit]) == base:
            fixed.add(cell)
    return fixed


small_counts = st.one_of(st.integers(0, 6), st.integers(0, 40))
tables = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 5).flatmap(
        lambda cols: st.lists(
            st.lists(small_counts, min_size=cols, max_size=cols), min_size=rows, max_size=rows
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(tables)
def test_no_published_small_count_and_no_hidden_cell_recoverable(cells):
    table = with_margins(cells)
    mask = suppress(table)
    for row, hidden_row in zip(table, mask, strict=True):
        for value, hidden in zip(row, hidden_row, strict=True):
            # Published: zero, or at least the threshold.
            assert hidden or value == 0 or value >= T
            # Every small count is hidden (primary suppression).
            if 0 < value < T:
                assert hidden
    # No line (row or column, totals included) with exactly one hidden entry.
    for line in [*mask, *zip(*mask, strict=True)]:
        assert sum(line) != 1
    # Nor any cell fixed by combining several lines.
    assert recoverable(mask) == []
    assert determined_by_algebra(mask) == set()


@settings(max_examples=200, deadline=None)
@given(tables)
def test_the_bridge_rule_agrees_with_linear_algebra(cells):
    """recoverable() (graph bridges) finds exactly what linear algebra finds,
    here on the primary suppression alone, which often leaves cells exposed."""
    table = with_margins(cells)
    mask = [[0 < value < T for value in row] for row in table]
    assert set(recoverable(mask)) == determined_by_algebra(mask)


def test_a_single_small_cell_takes_the_next_smallest_of_its_row_and_column():
    table = with_margins([[3, 10, 20], [8, 12, 30]])
    mask = suppress(table)
    # 3 is primary; its row and column each need a second hidden cell.
    assert mask[0][0]
    assert mask[0][1]  # 10: the smallest other in the row
    assert mask[1][0]  # 8: the smallest other in the column
    assert mask[1][1]  # 12 closes the rectangle for the second row and column
    assert not mask[0][2] and not mask[1][2]
    assert determined_by_algebra(mask) == set()


def test_zero_is_published_and_totals_under_the_threshold_are_hidden():
    table = with_margins([[0, 2], [0, 1]])
    mask = suppress(table)
    assert not mask[0][0] and not mask[1][0]
    assert mask[0][1] and mask[1][1]
    assert mask[0][2] and mask[1][2] and mask[2][1] and mask[2][2]  # totals 2, 1, 3, 3
    assert determined_by_algebra(mask) == set()


def test_nothing_small_nothing_hidden():
    table = with_margins([[5, 6], [7, 0]])
    assert not any(any(row) for row in suppress(table))
