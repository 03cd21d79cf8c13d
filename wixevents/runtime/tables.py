"""pandas tables of runs, log lines and payloads, and their notebook and terminal rendering.

Columns of a run table, one row per handler run (or per fire that ran nothing):

``seq`` (order in the history), ``event``, ``handler``, ``source``, ``variant``
(sample name; None for an explicit payload), ``status``, ``duration_ms`` (0.0 when
the site does not measure durations), ``value`` (the return value), ``error``
(``Type: message``), ``log_lines``, ``parent`` (seq of the run that fired this
one, else None), ``run_id``, ``fire`` (rows with one fire number come from one
firing), ``trigger`` (``fire``, ``test``, ``cascade``, ``hook``, ``duplicate``,
``retry``), ``started``, ``note`` (why a row ran nothing), ``attempt`` (1, or the
retry's number plus one), ``delivered_at`` (when the delivery reached the
handler on the site's virtual timeline) and ``warnings`` (the payload's accepted
departures from the typings).

The tables shown in notebooks and terminals are the compact ones of
:mod:`wixevents.runtime.runview` (status first, details under each row); the
DataFrames here keep every column for analysis.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .._frames import tagged
from .records import Fire, Run
from .runview import COLOURS, html_runs, text_runs
from .runview import html_runs as runs_html

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd

__all__ = ["COLOURS", "RUN_COLUMNS", "html_table", "logs_frame", "payloads_frame", "runs_frame", "runs_html",
           "text_table"]

RUN_COLUMNS = ["seq", "event", "handler", "source", "variant", "status", "duration_ms", "value", "error",
               "log_lines", "parent", "run_id", "fire", "trigger", "started", "note", "attempt", "delivered_at",
               "warnings"]
LOG_COLUMNS = ["seq", "handler", "source", "level", "message", "time", "origin"]


def runs_frame(runs: Iterable[Run]) -> pd.DataFrame:
    """One row per run, columns :data:`RUN_COLUMNS`."""
    rows = [{"seq": r.seq, "event": r.event, "handler": r.handler, "source": r.source, "variant": r.variant,
             "status": r.status, "duration_ms": round(r.duration_ms, 3), "value": r.value,
             "error": str(r.error) if r.error else None, "log_lines": len(r.logs), "parent": r.parent,
             "run_id": r.run_id, "fire": r.fire, "trigger": r.trigger, "started": r.started, "note": r.note,
             "attempt": r.attempt, "delivered_at": r.delivered_at,
             "warnings": "; ".join(r.warnings) or None}
            for r in runs]
    frame: pd.DataFrame = pd.DataFrame(rows, columns=RUN_COLUMNS)
    if frame.empty:
        return tagged(frame, "seq")
    frame["value"] = pd.Series([r["value"] for r in rows], dtype=object)  # return values exactly as returned
    typed: pd.DataFrame = frame.astype({"parent": "Int64"})
    return tagged(typed, "seq")


def logs_frame(runs: Iterable[Run]) -> pd.DataFrame:
    """One row per captured log line: run seq, handler, source, level, message, time, origin."""
    rows = [{"seq": r.seq, "handler": r.handler, "source": r.source, "level": line.level,
             "message": line.message, "time": line.time, "origin": line.origin}
            for r in runs for line in r.logs]
    frame: pd.DataFrame = pd.DataFrame(rows, columns=LOG_COLUMNS)
    return tagged(frame, "seq")


def payloads_frame(fires: Iterable[Fire]) -> pd.DataFrame:
    """Fired payloads flattened to dotted-path columns, one row per fire (``fire``, ``variant`` first)."""
    fires = list(fires)
    flat = pd.json_normalize([f.payload if isinstance(f.payload, dict) else {"payload": f.payload}
                              for f in fires])
    flat.insert(0, "variant", [f.variant for f in fires])
    flat.insert(0, "fire", [f.fire for f in fires])
    return tagged(flat, "fire")


def html_table(runs: list[Run], title: str = "") -> str:
    """The compact run table as HTML (see :mod:`wixevents.runtime.runview`)."""
    return html_runs(runs, title)


def text_table(runs: list[Run], title: str = "") -> str:
    """The compact run table as plain text for terminals and scripts, with the title on top."""
    return text_runs(runs, title)
