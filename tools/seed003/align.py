"""Align the groups of a column block with the 143 spreadsheet rows.

Every cell is preceded either by 1 blank line (class "s"; 0 where the OCR glued
two lines) or by 3 blank lines (class "L").  The sequence of classes over the
rows (the *row signature*) belongs to the spreadsheet row, not to the cell, so
it is the same in every column and lets columns be lined up.

* ``split_groups`` cuts a block at blank lines.
* ``align`` maps groups to rows with a small dynamic programme (DP) whose costs
  follow the structure note: class mismatch 1, merging a group into the row
  above 0 (lower-case start) or 0.6, one group covering two rows 2, and
  optional empty cells.  An empty cell in an "L" row adds 3 blank lines to the
  gap before the next filled cell; one in an "s" row adds nothing (the
  *empty-cell rule*).
* ``place_sparse`` places the few values of a sparse column by the empty-cell
  rule alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from .blocks import EMAIL_RE, Block

MERGE_COST_UPPER = 0.6
DOUBLE_COST = 2.0
TIE_BREAK = 0.1
LONG_GAP = 3  # a gap of 3 or more blank lines marks an "L" row


@dataclass
class Group:
    """Consecutive non-blank lines of a block, with the blank run before them."""

    lines: list[tuple[int, str]]  # (line number in the seed, text)
    gap: int  # blank lines before the group; 0 = glued to the line above

    @property
    def first(self) -> int:
        return self.lines[0][0]

    @property
    def last(self) -> int:
        return self.lines[-1][0]

    @property
    def text(self) -> str:
        return "\n".join(t.rstrip() for _, t in self.lines)

    @property
    def cls(self) -> str:
        return "L" if self.gap >= LONG_GAP else "s"

    @property
    def lower_start(self) -> bool:
        head = self.lines[0][1].lstrip()
        return bool(head) and head[0].islower()


def split_groups(block: Block) -> list[Group]:
    """Groups separated by blank lines (trailing blank lines of the block are ignored)."""
    groups: list[Group] = []
    blanks = 0
    in_group = False
    for n, text in block.content():
        if not text.strip():
            blanks += 1
            in_group = False
        elif in_group:
            groups[-1].lines.append((n, text))
        else:
            groups.append(Group([(n, text)], blanks))
            blanks, in_group = 0, True
    return groups


def split_glued(groups: Iterable[Group]) -> list[Group]:
    """Split groups at lines that start with a space: in the narrow columns such
    a line is a separate value the OCR glued to the line above (gap 0)."""
    out: list[Group] = []
    for g in groups:
        current = Group([g.lines[0]], g.gap)
        out.append(current)
        for n, text in g.lines[1:]:
            if text.startswith(" "):
                current = Group([(n, text)], 0)
                out.append(current)
            else:
                current.lines.append((n, text))
    return out


def line_groups(block: Block, predicate: Callable[[str], bool]) -> list[Group]:
    """One group per line that satisfies ``predicate`` (used for the e-mail block,
    where the OCR sometimes glued two rows' lines together)."""
    out: list[Group] = []
    blanks = 0
    for n, text in block.content():
        if not text.strip():
            blanks += 1
        elif predicate(text):
            out.append(Group([(n, text)], blanks))
            blanks = 0
        else:
            raise ValueError(f"line {n} in block {block.number} is not an entry: {text!r}")
    return out


def email_groups(block: Block) -> list[Group]:
    return line_groups(block, lambda t: bool(EMAIL_RE.search(t)))


def signature(cells: Sequence[Sequence[Group] | None]) -> str:
    """Row signature of aligned cells: the class of each cell's first group;
    "-" for an empty cell."""
    return "".join(c[0].cls if c else "-" for c in cells)


def _ends_sentence(g: Group) -> bool:
    return g.lines[-1][1].rstrip().endswith((".", "!", "?", ":", ")", "»", '"'))


def _merge_cost(above: Group, g: Group) -> float:
    """Cost of appending ``g`` to the cell that ends with ``above``."""
    if not g.lower_start:
        return MERGE_COST_UPPER
    # A lower-case start after an unfinished sentence is almost surely a
    # continuation; after a finished one it is slightly less likely (tie-break).
    return 0.0 if not _ends_sentence(above) else TIE_BREAK


def _units(blanks: int) -> int:
    # 0-2 blank lines: an "s" gap; 3-4: one "L" gap; 6: two; and so on.
    return 0 if blanks < LONG_GAP else max(1, round(blanks / 3))


@dataclass
class Alignment:
    cells: list[list[Group]]  # per row (index 0 = row 1); [] = empty cell
    cost: float
    notes: dict[int, list[str]] = field(default_factory=dict)  # row -> why uncertain
    shared: set[int] = field(default_factory=set)  # rows whose group also fills the row before


def align(
    groups: Sequence[Group],
    sig: str,
    *,
    may_be_empty: set[int] | None = None,
    must_be_empty: Iterable[int] = (),
    empty_cost: float = 2.0,
    max_skip: int = 3,
    allow_double: bool = True,
    bonus: dict[tuple[int, int], float] | None = None,
) -> Alignment:
    """Map ``groups`` onto rows 1..len(sig) in order, at minimum cost.

    ``may_be_empty``: rows that may stay empty (None = every row may).
    ``must_be_empty``: rows known to be empty (they never count as skips).
    ``bonus[(i, row)]``: a reward (subtracted from the cost) for putting group i in row.
    """
    n_rows, n_groups = len(sig), len(groups)
    forced = set(must_be_empty)
    allowed_empty = (set(range(1, n_rows + 1)) if may_be_empty is None else set(may_be_empty)) | forced
    is_long = [0] + [1 if c == "L" else 0 for c in sig]  # 1-based
    n_long = [0] * (n_rows + 1)  # n_long[k] = number of "L" rows among rows 1..k
    for k in range(1, n_rows + 1):
        n_long[k] = n_long[k - 1] + is_long[k]
    gains: list[dict[int, float]] = [{} for _ in range(n_groups)]
    for (gi, row), value in (bonus or {}).items():
        gains[gi][row] = value

    def expected_units(j: int, k: int) -> int:
        # "L" units of the blank run before row k when rows j+1..k-1 are empty:
        # 3 per empty "L" row, plus 3 ("L") or 1 ("s") for row k itself
        return n_long[k - 1] - n_long[j] + is_long[k]

    inf = float("inf")
    # best[i][j]: cost after using groups 0..i-1, the last one in row j (j = 0: none yet)
    best = [[inf] * (n_rows + 1) for _ in range(n_groups + 1)]
    back: list[list[tuple[str, int, int] | None]] = [[None] * (n_rows + 1) for _ in range(n_groups + 1)]
    best[0][0] = 0.0
    for i in range(n_groups):
        g = groups[i]
        g_units = _units(g.gap)
        gain = gains[i]
        merge = _merge_cost(groups[i - 1], g) if i > 0 and g.gap < LONG_GAP else None
        row_best, row_next, back_next = best[i], best[i + 1], back[i + 1]
        for j in range(n_rows + 1):
            cost = row_best[j]
            if cost == inf:
                continue
            # 1. the group continues the cell of row j
            if j >= 1 and merge is not None:
                c = cost + merge - gain.get(j, 0.0)
                if c < row_next[j]:
                    row_next[j], back_next[j] = c, ("merge", i, j)
            # 2. the group opens row k; rows j+1..k-1 stay empty
            skips = 0
            for k in range(j + 1, n_rows + 1):
                if k not in forced:
                    c = cost + abs(g_units - expected_units(j, k)) + empty_cost * skips - gain.get(k, 0.0)
                    if c < row_next[k]:
                        row_next[k], back_next[k] = c, ("open", i, j)
                    # 3. ... or covers rows k and k+1 (two cells glued together)
                    if allow_double and k < n_rows and k + 1 not in forced:
                        c2 = c + DOUBLE_COST - gain.get(k + 1, 0.0)
                        if c2 < row_next[k + 1]:
                            row_next[k + 1], back_next[k + 1] = c2, ("double", i, j)
                if k not in allowed_empty:
                    break
                if k not in forced:
                    skips += 1
                    if skips > max_skip:
                        break

    # close: rows after the last filled one must be allowed to be empty
    end_cost, end_row = inf, -1
    for j in range(n_rows + 1):
        tail = range(j + 1, n_rows + 1)
        if best[n_groups][j] == inf or any(k not in allowed_empty for k in tail):
            continue
        c = best[n_groups][j] + empty_cost * sum(1 for k in tail if k not in forced)
        if c < end_cost:
            end_cost, end_row = c, j
    if end_row < 0:
        raise ValueError("no alignment of the groups with the row signature")

    cells: list[list[Group]] = [[] for _ in range(n_rows)]
    result = Alignment(cells, end_cost)
    i, j = n_groups, end_row
    while i > 0:
        step = back[i][j]
        assert step is not None
        kind, gi, prev = step
        g = groups[gi]
        if kind == "merge":
            cells[j - 1].insert(0, g)
        elif kind == "open":
            cells[j - 1].insert(0, g)
            if _units(g.gap) != expected_units(prev, j):
                result.notes.setdefault(j, []).append(
                    f"tomrommet foran linje {g.first} ({g.gap} blanke linjer) stemmer ikke med radsignaturen")
            j = prev
        else:  # double
            cells[j - 1].insert(0, g)
            cells[j - 2].insert(0, g)
            result.shared.add(j)
            for row in (j - 1, j):
                result.notes.setdefault(row, []).append(
                    f"linje {g.first}–{g.last} ser ut til å dekke to rader; teksten er lagt på begge")
            j = prev
        i -= 1
    return result


def segment_certainty(alignment: Alignment, sig: str) -> dict[int, list[str]]:
    """Why each row's boundaries are uncertain (empty list = certain).

    The "L" rows cut the rows into segments.  A segment is certain when its first
    and the next segment's first filled cells start after a real "L" gap, and it
    holds a single filled row or exactly one group per filled row (the segment
    test of the structure note)."""
    n_rows = len(sig)
    starts = [k for k in range(1, n_rows + 1) if k == 1 or sig[k - 1] == "L"]
    out: dict[int, list[str]] = {k: list(alignment.notes.get(k, [])) for k in range(1, n_rows + 1)}
    for idx, s in enumerate(starts):
        e = starts[idx + 1] - 1 if idx + 1 < len(starts) else n_rows
        rows = list(range(s, e + 1))
        filled = [k for k in rows if alignment.cells[k - 1]]
        if not filled:
            continue
        first = alignment.cells[filled[0] - 1][0]
        start_ok = s == 1 or first.cls == "L"
        nxt = next((k for k in range(e + 1, n_rows + 1) if alignment.cells[k - 1]), None)
        end_ok = nxt is None or alignment.cells[nxt - 1][0].cls == "L"
        groups_here = {id(g) for k in filled for g in alignment.cells[k - 1]}
        counts_ok = len(filled) == 1 or len(groups_here) == len(filled)
        for k in filled:
            if not start_ok:
                out[k].append("starten av rad-avsnittet mangler tre blanke linjer i OCR-en")
            if not end_ok:
                out[k].append("slutten av rad-avsnittet mangler tre blanke linjer i OCR-en")
            if not counts_ok:
                out[k].append(
                    f"avsnittet med rad {s}–{e} har {len(groups_here)} tekstbolker for {len(filled)} "
                    "rader; grensene mellom dem er gjettet")
    return out


def place_sparse(
    groups: Sequence[Group], sig: str, anchors: dict[int, int] | None = None, first_row: int = 0,
) -> list[tuple[Group, list[int]]]:
    """Place the values of a sparse column by the empty-cell rule.

    Returns, for every group, the candidate rows: one row when the placement is
    unique.  ``anchors`` maps a group index to a row known from other evidence.
    A glued value (gap 0) breaks the chain: it carries no blank-line information,
    so the rows between its neighbours are all candidates.
    """
    anchors = anchors or {}
    n_rows = len(sig)
    n_long = [0] * (n_rows + 1)
    for k in range(1, n_rows + 1):
        n_long[k] = n_long[k - 1] + (sig[k - 1] == "L")
    out: list[tuple[Group, list[int]]] = []
    prev: int | None = first_row  # row of the previous value, None when unknown
    for i, g in enumerate(groups):
        if i in anchors:
            rows = [anchors[i]]
        elif g.gap == 0 or prev is None:
            rows = []  # filled in below from the neighbours
        else:
            rows = [k for k in range(prev + 1, n_rows + 1)
                    if 3 * (n_long[k - 1] - n_long[prev]) + (3 if sig[k - 1] == "L" else 1) == g.gap]
        out.append((g, rows))
        prev = rows[0] if len(rows) == 1 else None
    # unplaced values: any row strictly between the placed neighbours
    for i, (g, rows) in enumerate(out):
        if rows:
            continue
        lo = max((r[0] for _, r in out[:i] if len(r) == 1), default=first_row)
        hi = min((r[0] for _, r in out[i + 1:] if len(r) == 1), default=n_rows + 1)
        out[i] = (g, list(range(lo + 1, hi)))
    return out
