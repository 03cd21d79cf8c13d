"""The firing panel: mode switch, Fire / Fire all / Test buttons, last result, Wix API calls, logs, history."""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING

import ipywidgets as W
import pandas as pd

from ...runtime import tables
from ...runtime.records import Run

if TYPE_CHECKING:
    from ...runtime.result import Result, Results
    from ...site import Site

__all__ = ["MODE_NOTES", "FiringPanel", "effects_html", "logs_html", "result_html"]

MODE_NOTES = {
    "published": "Published: <b>Fire</b> runs every handler of the event, as on the live site.",
    "preview": "Preview: on Wix, backend events do <b>not</b> fire in preview, so <b>Fire</b> only records "
               "<code>not_triggered_in_preview</code>. <b>Test</b> runs the handlers by hand, like Wix's "
               "functional testing.",
}
HISTORY_ROWS = 15
#: Notes wrap at spaces inside the panel, never cut at its right edge or mid-word.
_NOTE = "<div style='white-space:normal;overflow-wrap:break-word;line-height:1.3'>{}</div>"
#: Tables wrap their long lines under each row; anything wider still scrolls inside the panel, never the page.
_WRAP = "<div style='overflow-x:auto;max-width:100%;font-size:12px'>{}</div>"
_LEVEL_COLOURS = {"ERROR": "#b21f2d", "CRITICAL": "#b21f2d", "WARNING": "#8a4b00"}


def logs_html(runs: list[Run]) -> str:
    """Every captured log line of ``runs`` (tracebacks included), one block per handler run."""
    blocks = []
    for run in runs:
        lines = "\n".join(f"<span style='color:{_LEVEL_COLOURS.get(x.level, 'inherit')}'>{escape(x.level)}"
                          f" {escape(x.message)}</span>" for x in run.logs)
        if lines:
            blocks.append(f"<div><small>[{run.seq}] {escape(run.handler or run.event)} ({escape(run.source or '')})"
                          f"</small><pre style='margin:0 0 4px 0'>{lines}</pre></div>")
    return "".join(blocks) or "<small>no log lines</small>"


def _short(value: object, width: int = 80) -> str:
    text = "" if value is None else value if isinstance(value, str) else json.dumps(value, default=str,
                                                                                        ensure_ascii=False)
    return text if len(text) <= width else text[: width - 1] + "…"


def effects_html(effects: pd.DataFrame) -> str:
    """The simulated Wix API calls the handlers made (``result.effects``), one line each."""
    if effects.empty:
        return ""
    shown = pd.DataFrame({"seq": effects["seq"], "call": effects["module"] + " " + effects["function"],
                          "args": effects["args"].map(_short), "result": effects["result"].map(_short),
                          "error": effects["error"].map(_short)})
    return "<div><b>Wix API calls</b></div>" + _WRAP.format(shown.to_html(index=False, border=0))


def result_html(result: Result | Results, title: str) -> str:
    """The last fire's table (with its cascaded runs; log lines folded under each row) and its Wix API calls."""
    return _WRAP.format(tables.html_table(result.shown, title)) + effects_html(result.effects)


class FiringPanel:
    """Buttons that fire at the site, and the tables that show what happened."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.mode = W.ToggleButtons(options=["published", "preview"], value=site.mode,
                                    tooltips=["handlers run on Fire", "Fire runs nothing, as on Wix; use Test"],
                                    style={"button_width": "90px"})
        self.mode_note = W.HTML(_NOTE.format(MODE_NOTES[site.mode]), layout=W.Layout(flex="1 1 auto", width="auto"))
        self.fire_button = W.Button(description="Fire", icon="bolt", button_style="primary",
                                    tooltip="Fire the payload in the editor at every handler of the event")
        self.fire_all_button = W.Button(description="Fire all variants", icon="forward",
                                        tooltip="Fire every sample variant of the event (ignores edits)")
        self.test_button = W.Button(description="Test", icon="flask",
                                    tooltip="Run each handler by hand with the editor's payload (any mode)")
        self.last = W.HTML()
        self.history = W.HTML()
        self.box = W.VBox([W.HBox([self.mode, self.mode_note]),
                           W.HBox([self.fire_button, self.fire_all_button, self.test_button]),
                           self.last, self.history])
        self.mode.observe(self._on_mode, "value")
        self.refresh()

    def show(self, result: Result | Results, title: str) -> None:
        self.last.value = result_html(result, title)
        self.refresh()

    def refresh(self) -> None:
        """Follow the site: its mode (it may be changed in code) and its history."""
        if self.mode.value != self.site.mode:
            self.mode.value = self.site.mode
        runs = self.site.history.runs
        shown = runs[-HISTORY_ROWS:]
        title = (f"History: {len(runs)} run(s), newest first"
                 + (f", last {len(shown)} shown" if len(shown) < len(runs) else ""))
        table = _WRAP.format(tables.runs_html(shown, newest_first=True))
        self.history.value = (f"<div><b>{escape(title)}</b></div>{table}" if runs
                              else "<small>History: nothing fired yet</small>")

    def _on_mode(self, change: object) -> None:
        self.site.mode = self.mode.value
        self.mode_note.value = _NOTE.format(MODE_NOTES[self.mode.value])
