"""Scale: fire rate and memory as the history grows (1,000 to 1,000,000 runs).

The site is filled up to each checkpoint, then a window of fires is timed at
that size against the same window at the smallest size: the ratio must stay
near 1 (flat), never grow with the history. Memory is the growth of resident memory per run.
Cascade throughput through data hooks is measured when the simulated Wix APIs
(``wixevents.velo``) are installed.
"""

from __future__ import annotations

import os
import time
from typing import Any

import wixevents
from wixevents import Site

from .harness import Row

NAME = "wixForms_onSubmissionCreated"


def _rss() -> int:
    """Resident memory of this process in bytes (Linux ``/proc``; else the peak from ``resource``)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _window(site: Site, payload: dict[str, Any], n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        site.fire(NAME, payload=payload)
    return (time.perf_counter() - start) / n * 1e6


def run(quick: bool) -> list[Row]:
    checkpoints = [1_000, 5_000] if quick else [1_000, 10_000, 100_000, 1_000_000]
    window = 200 if quick else 1_000
    site = Site(durations=False)
    site.register(lambda event: None, name=NAME)
    payload = wixevents.sample(NAME, "minimal")  # small, so memory measures the history, not payloads
    rows, first = [], None
    base_mem = _rss()
    for size in checkpoints:
        while len(site.history) < size:
            site.fire(NAME, payload=payload)
        per_fire = _window(site, payload, window)
        first = first or per_fire
        mem = (_rss() - base_mem) / len(site.history)
        rows.append(Row("scale", f"fire at {size:,} runs in history", per_fire, per_fire, per_fire,
                        "fire at 1,000 runs", first, per_fire / first, "flat (~1x)",
                        note=f"{mem / 1024:.1f} KiB of memory per run"))
    rows.extend(_cascades(quick))
    return rows


def _cascades(quick: bool) -> list[Row]:
    """Inserts through a beforeInsert hook that each fire a data event (needs wixevents.velo)."""
    try:
        from wixevents.velo import wix_data
    except ImportError:
        return [Row("scale", "cascade through data hooks", 0.0, 0.0, 0.0, "skipped: no wixevents.velo", None,
                    None)]
    site = Site(durations=False)

    def Orders_beforeInsert(item: dict[str, Any], context: Any) -> dict[str, Any]:
        return {**item, "checked": True}

    def wixData_onDataItemCreated(event: Any) -> None:
        return None

    site.register(Orders_beforeInsert)
    site.register(wixData_onDataItemCreated)

    def one() -> None:
        site.fire(NAME, payload=payload)

    def handler(event: Any) -> None:
        wix_data.insert("Orders", {"title": "mug"})

    site.register(handler, name=NAME)
    payload = wixevents.sample(NAME)
    n = 100 if quick else 2_000
    one()
    start = time.perf_counter()
    for _ in range(n):
        one()
    per = (time.perf_counter() - start) / n * 1e6
    return [Row("scale", "fire -> insert -> hook -> data event", per, per, per, "", None, None,
                note=f"{1e6 / per:.0f} cascades per second")]
