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
departures from the typings). The short tables shown in notebooks and terminals
put the note in the ``error`` column when there is no error.

HTML is written by hand (no jinja2 needed): a compact table with one colour per
status; the plain-text form is ``DataFrame.to_string`` with long cells cut.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .records import Fire, Run

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd

__all__ = ["RUN_COLUMNS", "html_table", "logs_frame", "payloads_frame", "runs_frame", "text_table"]

RUN_COLUMNS = ["seq", "event", "handler", "source", "variant", "status", "duration_ms", "value", "error",
               "log_lines", "parent", "run_id", "fire", "trigger", "started", "note", "attempt", "delivered_at",
               "warnings"]
LOG_COLUMNS = ["seq", "handler", "source", "level", "message", "time", "origin"]
#: Background colour per status; any other status is grey.
COLOURS = {"ok": "#d4edda", "error": "#f8d7da", "timeout": "#ffe5b4", "out_of_memory": "#f3c4e3",
           "invalid_payload": "#f5c6cb", "not_triggered_in_preview": "#e2e3e5", "no_handler": "#fff3cd",
           "cascade_limit": "#e0d4f5"}
_SHORT = ["seq", "event", "handler", "source", "variant", "status", "duration_ms", "value", "error", "log_lines"]


def _short(runs: list[Run]) -> pd.DataFrame:
    frame = runs_frame(runs)
    frame["error"] = frame["error"].where(frame["error"].notna(), frame["note"])
    # the payload's accepted departures from the typings, shown only when a run has some
    short: pd.DataFrame = frame[[*_SHORT, "warnings"] if frame["warnings"].notna().any() else _SHORT]
    return short


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
        return frame
    frame["value"] = pd.Series([r["value"] for r in rows], dtype=object)  # return values exactly as returned
    typed: pd.DataFrame = frame.astype({"parent": "Int64"})
    return typed


def logs_frame(runs: Iterable[Run]) -> pd.DataFrame:
    """One row per captured log line: run seq, handler, source, level, message, time, origin."""
    rows = [{"seq": r.seq, "handler": r.handler, "source": r.source, "level": line.level,
             "message": line.message, "time": line.time, "origin": line.origin}
            for r in runs for line in r.logs]
    frame: pd.DataFrame = pd.DataFrame(rows, columns=LOG_COLUMNS)
    return frame


def payloads_frame(fires: Iterable[Fire]) -> pd.DataFrame:
    """Fired payloads flattened to dotted-path columns, one row per fire (``fire``, ``variant`` first)."""
    fires = list(fires)
    flat = pd.json_normalize([f.payload if isinstance(f.payload, dict) else {"payload": f.payload}
                              for f in fires])
    flat.insert(0, "variant", [f.variant for f in fires])
    flat.insert(0, "fire", [f.fire for f in fires])
    return flat


def _cell(value: Any, width: int = 80) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 1] + "…"


def html_table(runs: list[Run], title: str = "") -> str:
    """A compact HTML table of runs (short columns), each row coloured by status, logs in a tooltip."""
    head = "".join(f"<th>{c}</th>" for c in _SHORT)
    body = []
    for row, run in zip(_short(runs).itertuples(index=False), runs, strict=True):
        colour = COLOURS.get(run.status, "#eeeeee")
        tip = html.escape("\n".join(f"{x.level} {x.message}" for x in run.logs)[:2000], quote=True)
        cells = "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row)
        body.append(f'<tr style="background:{colour}" title="{tip}">{cells}</tr>')
    caption = f"<caption style='text-align:left'>{html.escape(title)}</caption>" if title else ""
    return (f"<table class='wixevents'>{caption}<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def text_table(runs: list[Run], title: str = "") -> str:
    """The short columns as plain text for terminals, with the title on top."""
    if not runs:
        return f"{title}\n(no runs)" if title else "(no runs)"
    frame = _short(runs).map(lambda v: _cell(v, 40))
    text: str = frame.to_string(index=False)
    return (title + "\n" if title else "") + text
