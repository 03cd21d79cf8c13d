"""Import and first use: ``import wixevents`` cold vs ``import pandas``; first vs warm validation."""

from __future__ import annotations

import statistics
import subprocess
import sys

from .harness import Row, compare

ORDER = "wixEcom_onOrderCreated"
IMPORT = "import time; t = time.perf_counter(); import {module}; print((time.perf_counter() - t) * 1e6)"
FIRST = ("import time, wixevents as w; p = w.sample({name!r}); t = time.perf_counter(); "
         "w.validate({name!r}, p); print((time.perf_counter() - t) * 1e6)")


def _probe(code: str) -> float:
    """Microseconds a probe prints, run in a fresh interpreter (its start-up is not counted)."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def run(quick: bool) -> list[Row]:
    rounds = 3 if quick else 11
    ours: list[float] = []
    theirs: list[float] = []
    for i in range(rounds):  # interleaved, alternating which goes first
        pair = [(ours, "wixevents"), (theirs, "pandas")]
        for out, module in pair if i % 2 == 0 else pair[::-1]:
            out.append(_probe(IMPORT.format(module=module)))
    med, base = statistics.median(ours), statistics.median(theirs)
    rows = [Row("import", "import wixevents (cold)", med, min(ours), max(ours), "import pandas", base,
                med / base, "<= 1.5x")]

    import wixevents

    payload = wixevents.sample(ORDER)
    warm = compare("first use", "validate order (warm)", lambda: wixevents.validate(ORDER, payload),
                   "", None, rounds=rounds, number=20)
    first = [_probe(FIRST.format(name=ORDER)) for _ in range(rounds)]
    fmed = statistics.median(first)
    rows.append(Row("first use", "validate order (first: builds model)", fmed, min(first), max(first),
                    "warm validate", warm.candidate_us, fmed / warm.candidate_us, note="one-off per event type"))
    return rows
