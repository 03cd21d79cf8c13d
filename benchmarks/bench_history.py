"""History files: save and load time and peak memory per 100,000 runs.

Saving and loading stream one line at a time (:mod:`wixevents.runtime.historyfile`),
so the extra memory they need stays about one line, not the whole file. Peak
memory is measured with ``tracemalloc`` (Python allocations) around the save and
the load alone; the loaded records themselves are part of the load's figure.
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from wixevents import History
from wixevents.runtime.records import Fire, LogLine, Run

from .harness import Row

EVENT = "wixEcom_onOrderCreated"


def history(runs: int) -> History:
    """``runs`` realistic rows: one per fire, a log line and a small return value each."""
    when = "2026-01-01T00:00:00+00:00"
    fires = [Fire(i, EVENT, "default", {"entity": {"number": str(i), "items": [1, 2, 3]}, "metadata": {"id": str(i)}},
                  when, event_id=str(i)) for i in range(1, runs + 1)]
    rows = [Run(i, f"run-{i:08d}", i, EVENT, EVENT, "notebook", "default", "ok", when, 0.31, {"n": i},
                logs=(LogLine("INFO", f"order {i}", when, "stdout"),)) for i in range(1, runs + 1)]
    return History(fires, rows)


def run(quick: bool) -> list[Row]:
    size = 20_000 if quick else 100_000
    made = history(size)
    scale = 100_000 / size
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "history.jsonl"
        start = time.perf_counter()
        made.save(path)
        save_s = time.perf_counter() - start
        megabytes = path.stat().st_size / 2**20
        start = time.perf_counter()
        loaded = History.load(path)
        load_s = time.perf_counter() - start
        assert len(loaded) == size
        del loaded
        save_peak = _peak(lambda: made.save(path, overwrite=True))  # memory on a second pass: tracemalloc is slow
        load_peak = _peak(lambda: History.load(path))
    label = f"{size:,} runs, per 100,000"
    rows.append(Row("history file", "save " + label, save_s * scale * 1e6, save_s * scale * 1e6,
                    save_s * scale * 1e6, "", None, None, note=f"{megabytes * scale:.0f} MB file per 100,000 runs"))
    rows.append(Row("history file", f"save peak memory, {size:,} runs", save_peak / 2**20, 0, 0, "", None, None,
                    target="bounded (not the file)",
                    note="Python's peak while saving: a snapshot of the record lists and one line", unit="MB"))
    rows.append(Row("history file", "load " + label, load_s * scale * 1e6, load_s * scale * 1e6,
                    load_s * scale * 1e6, "", None, None, note="every line checked"))
    rows.append(Row("history file", "load peak memory " + label, load_peak / 2**20 * scale, 0, 0, "", None, None,
                    note="includes the loaded records", unit="MB"))
    return rows


def _peak(work: Callable[[], object]) -> int:
    """Peak bytes Python allocated while ``work`` ran."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
