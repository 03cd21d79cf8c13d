"""Tables: the history DataFrame of 100,000 runs against ``pandas.json_normalize`` on the same records."""

from __future__ import annotations

import tracemalloc

import pandas as pd

from wixevents.runtime.records import Run
from wixevents.runtime.tables import runs_frame

from .harness import Row, compare


def make_runs(n: int) -> list[Run]:
    """``n`` realistic run records, as a workshop's batch of fires leaves them."""
    return [Run(seq=i, event="wixEcom_onOrderCreated", handler="wixEcom_onOrderCreated", source="notebook",
                variant="default", status="ok" if i % 10 else "error", duration_ms=0.4, value=None,
                error=None, logs=(), parent=None, run_id=f"run-{i}", fire=i, trigger="fire",
                started="2026-01-15T10:30:00.000Z", note=None)
            for i in range(n)]


def run(quick: bool) -> list[Row]:
    n = 10_000 if quick else 100_000
    runs = make_runs(n)
    records = [r.to_dict() for r in runs]
    row = compare("tables", f"history frame, {n:,} runs", lambda: runs_frame(runs),
                  "json_normalize", lambda: pd.json_normalize(records), rounds=3 if quick else 7, number=1,
                  target="<= 1.5x")
    tracemalloc.start()
    frame = runs_frame(runs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = frame.memory_usage(deep=True).sum()
    mem = Row("tables", f"memory per {n:,} history rows", size / 1e6, size / 1e6, peak / 1e6,
              "frame size; max = peak while building", None, None, unit="MB")
    return [row, mem]
