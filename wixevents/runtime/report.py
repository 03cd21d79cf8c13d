"""Failure reports for test assertions: the run table, each failed run's error, and every log line.

``result.assert_ok()`` and the assertions of :mod:`wixevents.testing` raise
:class:`~wixevents.errors.CheckFailed` with one of these reports under their own
first line, so a failing test in CI shows what a notebook would: which handler
ran, how it ended, what it printed.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import tables
from .records import Run

__all__ = ["report"]

#: Traceback lines shown per failed run (the end, where the error was raised).
TRACEBACK_LINES = 12


def report(runs: Iterable[Run], title: str = "") -> str:
    """The text table of ``runs``, then the errors of the failed ones, then their log lines."""
    runs = list(runs)
    parts = [tables.text_table(runs, title) if runs else "(no runs)"]
    for run in runs:
        if run.ok:
            continue
        where = f"[{run.seq} {run.handler or run.event}] {run.status}"
        if run.error is not None:
            parts.append(f"{where}: {run.error.type}: {run.error.message}")
            logged = any(run.error.traceback.strip() and run.error.traceback.strip() in x.message for x in run.logs)
            tail = [] if logged else run.error.traceback.strip().splitlines()[-TRACEBACK_LINES:]
            parts.extend("    " + line for line in tail if line.strip())
        else:
            parts.append(f"{where}: {run.note or ''}")
    logs = [f"[{run.seq} {run.handler or run.event}] {line.level} {line.message}" for run in runs for line in run.logs]
    parts.append("logs:\n" + "\n".join("  " + line for line in logs) if logs else "logs: (none)")
    return "\n".join(parts)
