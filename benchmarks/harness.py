"""Side-by-side timing: a candidate and its baseline, interleaved, reported as medians and a ratio.

Each round times the candidate and the baseline back to back (alternating which
goes first), so a noisy machine slows both alike and the *ratio* stays
meaningful even when the absolute numbers drift. Nothing here asserts a time.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Row:
    """One line of the report: per-operation medians (with min/max) and the ratio."""

    benchmark: str
    case: str
    candidate_us: float
    candidate_min_us: float
    candidate_max_us: float
    baseline: str
    baseline_us: float | None
    ratio: float | None
    target: str = ""
    note: str = ""
    unit: str = "us"  # "us" (microseconds per operation) or "MB"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def per_op(fn: Callable[[], object], number: int) -> float:
    """Microseconds per call of ``fn``, over ``number`` calls."""
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - start) / number * 1e6


def compare(benchmark: str, case: str, candidate: Callable[[], object], baseline_name: str,
            baseline: Callable[[], object] | None, *, rounds: int, number: int, target: str = "",
            note: str = "") -> Row:
    """Time ``candidate`` against ``baseline`` in ``rounds`` interleaved rounds of ``number`` calls."""
    cand: list[float] = []
    base: list[float] = []
    candidate()  # warm both: first calls build caches that are measured elsewhere
    if baseline is not None:
        baseline()
    for i in range(rounds):
        pair = [(cand, candidate), (base, baseline)] if i % 2 == 0 else [(base, baseline), (cand, candidate)]
        for out, fn in pair:
            if fn is not None:
                out.append(per_op(fn, number))
    med = statistics.median(cand)
    bmed = statistics.median(base) if base else None
    return Row(benchmark, case, med, min(cand), max(cand), baseline_name, bmed,
               med / bmed if bmed else None, target, note)


def table(rows: list[Row]) -> str:
    """A fixed-width text table of the rows, for the terminal and the README."""
    head = f"{'benchmark':<22} {'case':<34} {'median':>12} {'min..max':>21} {'baseline':<30} {'ratio':>7}  target"
    lines = [head, "-" * len(head)]
    for r in rows:
        span = f"{_fmt(r.candidate_min_us, r.unit)}..{_fmt(r.candidate_max_us, r.unit)}"
        base = f"{r.baseline} {_fmt(r.baseline_us, r.unit)}" if r.baseline_us is not None else r.baseline
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "-"
        lines.append(f"{r.benchmark:<22} {r.case:<34} {_fmt(r.candidate_us, r.unit):>12} {span:>21} "
                     f"{base:<30} {ratio:>7}  {r.target}{'  (' + r.note + ')' if r.note else ''}")
    return "\n".join(lines)


def _fmt(us: float | None, unit: str = "us") -> str:
    if us is None:
        return "-"
    if unit != "us":
        return f"{us:.1f} {unit}"
    if us >= 1e6:
        return f"{us / 1e6:.2f} s"
    if us >= 1e3:
        return f"{us / 1e3:.2f} ms"
    return f"{us:.1f} us"
