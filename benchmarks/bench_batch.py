"""Batches: ``fire_many`` of small events per second, against validating the same payloads alone.

A batch pays one worker-thread hand-off, not one per run
(:mod:`wixevents.runtime.batch`). Rows report microseconds per fire (the
reciprocal of fires per second) over a batch of 10,000 small events (2,000 in
quick mode), against (a) validating the same payloads with the same pydantic
model alone (target: within 2x) and (b) the same fires one ``site.fire`` at a
time; and for a JavaScript handler, against a new ``node`` process per event.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import wixevents
from wixevents import Site
from wixevents.events.models import adapter

from .bench_js import ORDER, TRIVIAL_JS, _with_node, js_site
from .harness import Row, compare

SMALL = "wixForms_onSubmissionCreated"


def run(quick: bool) -> list[Row]:
    rounds, size = (3, 2_000) if quick else (5, 10_000)
    payload = wixevents.sample(SMALL)
    batch = [payload] * size
    site = Site(durations=False)

    def noop(event: Any) -> None:
        return None

    site.register(noop, name=SMALL)
    check = adapter(SMALL).validate_python

    def fire_batch() -> None:
        site.fire_many(SMALL, batch)
        site.history.fires.clear()  # keep the history from growing across rounds
        site.history.runs.clear()

    def validate_batch() -> None:
        for p in batch:
            check(p)

    def fire_one_by_one() -> None:  # what fire_many did before batches: one hand-off per run, results kept
        kept = [site.fire(SMALL, payload=p) for p in batch]
        del kept
        site.history.fires.clear()
        site.history.runs.clear()

    label = f"batch of {size:,} small events"
    rows = []
    for row in (compare("batch (python)", label, fire_batch, "validate alone", validate_batch, rounds=rounds,
                        number=1, target="<= 2x validate"),
                compare("batch (python)", label, fire_batch, "one site.fire each (kept)", fire_one_by_one,
                        rounds=rounds, number=1)):
        rows.append(_per_fire(row, size))
    js_size = 300 if quick else 2_000
    order = wixevents.sample(ORDER)
    with tempfile.TemporaryDirectory() as tmp:
        fast = js_site(Path(tmp), TRIVIAL_JS)
        js_batch = [order] * js_size

        def js_fires() -> None:
            fast.fire_many(ORDER, js_batch)
            fast.history.fires.clear()
            fast.history.runs.clear()

        js = _per_fire(compare("batch (js)", f"batch of {js_size:,} order events", js_fires, "node process per event",
                               None, rounds=rounds, number=1), js_size)
        rows.append(_with_node(js, Path(tmp), order, 3 if quick else 20))
        fast.close()
    return rows


def _per_fire(row: Row, size: int) -> Row:
    """Per-batch times as per-fire times; fires per second in the note."""
    row.candidate_us /= size
    row.candidate_min_us /= size
    row.candidate_max_us /= size
    if row.baseline_us is not None:
        row.baseline_us /= size
    row.note = f"{1e6 / row.candidate_us:,.0f} fires/s" + (f"; {row.note}" if row.note else "")
    return row
