"""The compact run table every run display shares: ``Result``, ``Results``, ``History``, the Workbench, the CLI.

One line per run, narrowest useful columns first: ``status`` (coloured), ``seq``,
``event`` (with ``→ handler`` only when the handler's name differs from the event's,
and the source when the table mixes sources), ``variant``, a short ``value``, the
duration (blank when the site does not measure it) and the first line the
handler printed or logged. What does not fit a cell goes on a full-width line
under its row: the error, wrapped and never cut (its Python traceback or
JavaScript stack folded away in ``<details>``), the note of a row that ran
nothing, a returned object too long for its cell (as folded, indented JSON) and
the log lines when there are several (folded). The plain-text form puts every
log line under its row, so a script shows what its handlers printed.
Cascaded runs and data hooks are indented under the run that caused them. A
one-line summary ends the table: ``6 ok · 1 error · 2 cascaded``.

Only :class:`~wixevents.runtime.records.Run` attributes are read, so extra
columns in ``to_frame()`` never disturb it; ``to_frame()`` keeps every column.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .records import Run

__all__ = ["COLOURS", "TEXT_COLOURS", "depths", "html_runs", "summary", "text_runs", "timeline_html"]

#: Background colour per status; any other status is grey.
COLOURS = {"ok": "#d4edda", "error": "#f8d7da", "timeout": "#ffe5b4", "out_of_memory": "#f3c4e3",
           "invalid_payload": "#f5c6cb", "not_triggered_in_preview": "#e2e3e5", "no_handler": "#fff3cd",
           "cascade_limit": "#e0d4f5"}
#: Text colour per status, dark enough to read on the background.
TEXT_COLOURS = {"ok": "#155724", "error": "#721c24", "timeout": "#7a4100", "invalid_payload": "#721c24",
                "no_handler": "#856404", "cascade_limit": "#4b2a85"}
VALUE_WIDTH = 40
_CELL = "padding:1px 8px;text-align:left;vertical-align:top;white-space:nowrap;border:none"
_WRAP = "padding:0 8px 3px {indent};text-align:left;white-space:pre-wrap;overflow-wrap:anywhere;border:none"
#: Rows keep their own (transparent) background: no stripes or hover colour from the notebook's theme.
_ROW = "background:transparent"
_STATUS = "padding:0 6px;border-radius:3px;font-weight:600;background:{};color:{}"


def depths(runs: Sequence[Run]) -> dict[int, int]:
    """How deep each run sits under the runs of ``runs`` that caused it (0 for a run with no parent here)."""
    parents = {r.seq: r.parent for r in runs}
    found: dict[int, int] = {}
    for run in runs:
        depth, parent, seen = 0, run.parent, set()
        while parent is not None and parent in parents and parent not in seen:
            seen.add(parent)
            depth, parent = depth + 1, parents[parent]
        found[run.seq] = depth
    return found


def ordered(runs: Sequence[Run], newest_first: bool = False) -> list[Run]:
    """``runs`` with each caused run right after the run that caused it (tree order), else by ``seq``.

    ``newest_first`` puts the latest top-level run first (caused runs still follow their parent).
    """
    present = {r.seq for r in runs}
    children: dict[int | None, list[Run]] = {}
    for run in sorted(runs, key=lambda r: r.seq):
        children.setdefault(run.parent if run.parent in present else None, []).append(run)
    out: list[Run] = []

    def walk(run: Run) -> None:
        out.append(run)
        for child in children.get(run.seq, ()):
            walk(child)

    roots = children.get(None, [])
    for root in reversed(roots) if newest_first else roots:
        walk(root)
    return out


def summary(runs: Sequence[Run]) -> str:
    """``6 ok · 1 error · 2 cascaded``: runs per status, then how many ran because another run caused them."""
    counts = Counter(r.status for r in runs)
    parts = [f"{n} {status}" for status, n in counts.items()]
    caused = sum(1 for r in runs if r.parent is not None)
    if caused:
        parts.append(f"{caused} cascaded")
    return " · ".join(parts) if parts else "no runs"


def _json(value: Any, indent: int | None = None) -> str:
    if isinstance(value, str):
        return value if indent is None else json.dumps(value, ensure_ascii=False)
    return json.dumps(value, default=str, ensure_ascii=False, indent=indent)


def short_value(value: Any, width: int = VALUE_WIDTH) -> str:
    """A return value on one short line (``""`` for None)."""
    if value is None:
        return ""
    text = " ".join(_json(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _label(run: Run, sources: bool) -> str:
    label = run.event
    if run.handler and run.handler != run.event:
        label += f" → {run.handler}"
    if sources and run.source:
        label += f" [{run.source}]"
    if run.trigger in ("hook", "cascade"):
        label += f" ({run.trigger})"
    return label


def _duration(run: Run) -> str:
    """Blank for a row that ran nothing, or when the site does not measure durations (``FixedClock``)."""
    return f"{run.duration_ms:.1f} ms" if run.handler and run.duration_ms else ""


LOG_WIDTH = 60


def _printed(run: Run) -> list[str]:
    """The log lines worth a column: what the handler printed or logged (a traceback is shown with its error)."""
    return [f"{x.message}" if x.level == "INFO" else f"{x.level} {x.message}" for x in run.logs
            if x.origin != "uncaught"]


def short_log(run: Run, width: int = LOG_WIDTH) -> str:
    """The first log line, cut to ``width``, with ``(+n)`` when more lines follow."""
    lines = _printed(run)
    if not lines:
        return ""
    first = " ".join(lines[0].split())
    more = f" (+{len(lines) - 1})" if len(lines) > 1 else ""
    return (first if len(first) <= width else first[: width - 1] + "…") + more


def _mixed_sources(runs: Sequence[Run]) -> bool:
    return len({r.source for r in runs if r.handler}) > 1


def html_runs(runs: Sequence[Run], title: str = "", *, newest_first: bool = False) -> str:
    """The compact table as HTML (left-aligned, one colour per status, details folded under rows)."""
    rows = ordered(runs, newest_first)
    deep, sources = depths(rows), _mixed_sources(rows)
    body = []
    for run in rows:
        indent = 1.2 * deep[run.seq]
        back, fore = COLOURS.get(run.status, "#eeeeee"), TEXT_COLOURS.get(run.status, "#333")
        arrow = "↳ " if deep[run.seq] else ""
        value, log = short_value(run.value), short_log(run)
        tip = html.escape("\n".join(_printed(run))[:2000], quote=True)
        cells = [f"<span style='{_STATUS.format(back, fore)}'>{html.escape(run.status)}</span>",
                 f"<span style='color:#666'>{run.seq}</span>",
                 f"<span style='padding-left:{indent}em'>{arrow}{html.escape(_label(run, sources))}</span>",
                 html.escape(run.variant or ""), f"<code>{html.escape(value)}</code>" if value else "",
                 f"<span style='color:#666'>{_duration(run)}</span>",
                 f"<span style='color:#555' title='{tip}'>{html.escape(log)}</span>" if log else ""]
        body.append(f"<tr style='{_ROW}'>" + "".join(f"<td style='{_CELL}'>{c}</td>" for c in cells) + "</tr>")
        extra = _details_html(run)
        if extra:
            body.append(f"<tr style='{_ROW}'><td style='{_CELL}'></td><td colspan='6' "
                        f"style='{_WRAP.format(indent=f'{indent + 0.5}em')}'>{extra}</td></tr>")
    caption = (f"<div style='font-weight:600;margin:2px 0'>{html.escape(title)}</div>" if title else "")
    foot = f"<div style='color:#555;margin:2px 0 6px 0'>{html.escape(summary(rows))}</div>"
    table = (f"<table class='wixevents-runs' style='border-collapse:collapse;font-size:12px;margin:0'>"
             f"<tbody>{''.join(body)}</tbody></table>") if rows else ""
    return f"<div class='wixevents-runs'>{caption}{table}{foot}</div>"


def _details_html(run: Run) -> str:
    parts = []
    if run.error is not None:
        parts.append(f"<div style='color:#721c24'>{html.escape(str(run.error))}</div>")
        if run.error.traceback:
            label = "JavaScript stack" if run.source and "js" in (run.source or "") else "traceback"
            parts.append(f"<details><summary style='color:#666'>{label}</summary>"
                         f"<pre style='margin:0'>{html.escape(run.error.traceback)}</pre></details>")
    elif run.note:
        parts.append(f"<div style='color:#555'>{html.escape(run.note)}</div>")
    if run.warnings:  # the payload's departures from the typings, accepted (see event.warnings)
        shown = "".join(f"<li>{html.escape(w)}</li>" for w in run.warnings)
        parts.append(f"<details><summary style='color:#856404'>{len(run.warnings)} payload warning(s)</summary>"
                     f"<ul style='margin:0'>{shown}</ul></details>")
    if run.value is not None and not isinstance(run.value, str) and len(_json(run.value)) > VALUE_WIDTH:
        parts.append(f"<details><summary style='color:#666'>value</summary><pre style='margin:0'>"
                     f"{html.escape(_json(run.value, 2))}</pre></details>")
    printed = _printed(run)
    if len(printed) > 1 or (printed and short_log(run) != printed[0]):
        parts.append(f"<details><summary style='color:#666'>{len(printed)} log line(s)</summary>"
                     f"<pre style='margin:0'>{html.escape(chr(10).join(printed))}</pre></details>")
    return "".join(parts)


def text_runs(runs: Sequence[Run], title: str = "") -> str:
    """The compact table as plain text: one line per run, the error (and note) on its own line below."""
    rows = ordered(runs)
    head = [title] if title else []
    if not rows:
        return "\n".join([*head, "(no runs)"])
    deep, sources = depths(rows), _mixed_sources(rows)
    cells = [["status", "seq", "event", "variant", "value", "duration"]]
    for run in rows:
        cells.append([run.status, str(run.seq), "  " * deep[run.seq] + ("↳ " if deep[run.seq] else "")
                      + _label(run, sources), run.variant or "", short_value(run.value), _duration(run)])
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    lines = [*head, "  ".join(c.ljust(w) for c, w in zip(cells[0], widths, strict=True)).rstrip()]
    for row, run in zip(cells[1:], rows, strict=True):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        pad = " " * (widths[0] + 2 + widths[1] + 2 + 2 * deep[run.seq])
        why = str(run.error) if run.error is not None else run.note
        if why:
            lines.append(f"{pad}└ " + why.replace("\n", "\n" + pad + "  "))
        lines += [f"{pad}! warning {w}" for w in run.warnings]
        lines += [f"{pad}│ {x.level:<7} {x.message}".replace("\n", "\n" + pad + "│ ") for x in run.logs
                  if x.origin != "uncaught"]
    lines.append(summary(rows))
    return "\n".join(lines)


def timeline_html(runs: Sequence[Run]) -> str:
    """A strip of one small block per run, in ``seq`` order, coloured by status (cascaded runs thinner).

    Each block's tooltip names the run; a glance shows where in a ``fire_all`` the failures are.
    """
    blocks = []
    for run in sorted(runs, key=lambda r: r.seq):
        colour = TEXT_COLOURS.get(run.status, "#6c757d") if run.status != "ok" else "#28a745"
        tip = html.escape(f"#{run.seq} {run.status} {run.handler or run.event} {run.variant or ''}".strip(), quote=True)
        height = "10px" if run.parent is not None else "16px"
        blocks.append(f"<span title='{tip}' style='display:inline-block;width:14px;height:{height};margin-right:2px;"
                      f"background:{colour};border-radius:2px;vertical-align:bottom'></span>")
    return f"<div class='wixevents-timeline' style='margin:2px 0 4px 0;line-height:0'>{''.join(blocks)}</div>"
