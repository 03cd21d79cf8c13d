"""The payload editor: pick a sample variant, edit its JSON, see what is wrong beside it, reset."""

from __future__ import annotations

import json
from html import escape
from typing import Any

import ipywidgets as W
import pandas as pd

from ...events.samples import sample, samples
from ..explore import PROBLEM_COLUMNS, payload_problems

__all__ = ["PayloadEditor", "json_error_excerpt", "problems_html"]

#: The status beside the editor wraps at spaces, never mid-word, and scrolls when long.
_STATUS = "<div style='white-space:normal;overflow-wrap:break-word;word-break:normal;line-height:1.35'>{}</div>"


def json_error_excerpt(text: str, around: int = 2) -> str | None:
    """The lines around a JSON syntax error, numbered, with a caret under the spot; None when ``text`` parses."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        lines = text.splitlines() or [""]
        first, last = max(exc.lineno - 1 - around, 0), min(exc.lineno + around, len(lines))
        width = len(str(last))
        shown = []
        for number in range(first + 1, last + 1):
            shown.append(f"{number:>{width}} │ {lines[number - 1]}")
            if number == exc.lineno:
                shown.append(f"{' ' * width} │ {' ' * (exc.colno - 1)}^ {exc.msg}")
        return f"line {exc.lineno}, column {exc.colno}: {exc.msg}\n" + "\n".join(shown)
    except RecursionError:
        return None
    return None


def problems_html(problems: pd.DataFrame) -> str:
    """The validation problems as a short list: JSON path, expected, got, hint."""
    if problems.empty:
        return "<span style='color:#1e7e34'>✓ valid payload</span>"
    warned = "level" in problems and bool((problems["level"] == "warning").all())
    items = "".join(
        f"<li><code>{escape(str(r.path))}</code>: expected {escape(str(r.expected))}, got {escape(str(r.got))}"
        + (f"<br><small>hint: {escape(str(r.hint))}</small>" if r.hint else "") + "</li>"
        for r in problems.head(12).itertuples(index=False))
    more = f"<li>… and {len(problems) - 12} more</li>" if len(problems) > 12 else ""
    if warned:  # accepted: departures from the typings that real Wix payloads show
        return (f"<span style='color:#1e7e34'>✓ valid payload</span> <span style='color:#8a6d00'>"
                f"⚠ {len(problems)} warning(s)</span><ul style='margin:2px 0;padding-left:18px'>{items}{more}</ul>")
    return (f"<span style='color:#b21f2d'>✗ {len(problems)} problem(s)</span>"
            f"<ul style='margin:2px 0;padding-left:18px'>{items}{more}</ul>")


class PayloadEditor:
    """Sample dropdown + JSON text area, validated as you type and on Validate; Reset restores the sample."""

    def __init__(self) -> None:
        self.event: str | None = None
        self.variant = W.Dropdown(description="Sample", layout=W.Layout(width="340px"))
        self.validate_button = W.Button(description="Validate", icon="check", tooltip="Check the payload now")
        self.reset_button = W.Button(description="Reset", icon="undo", tooltip="Restore the picked sample")
        self.text = W.Textarea(layout=W.Layout(width="58%", height="300px"), continuous_update=True)
        self.text.add_class("wixevents-json")
        self.status = W.HTML(layout=W.Layout(width="40%", max_height="300px", overflow="auto"))
        self.problems: pd.DataFrame = pd.DataFrame(columns=PROBLEM_COLUMNS)
        row = W.HBox([self.variant, self.validate_button, self.reset_button])
        self.box = W.VBox([row, W.HBox([self.text, self.status])])
        self._loading = False
        self.variant.observe(lambda change: None if self._loading else self.reset(), "value")
        self.text.observe(lambda change: self.validate(), "value")
        self.validate_button.on_click(lambda button: self.validate())
        self.reset_button.on_click(lambda button: self.reset())

    def load(self, event: str | None) -> None:
        """Show the samples of ``event`` and its ``default`` payload."""
        self.event = event
        variants = samples(event) if event else []
        self._loading = True
        try:
            self.variant.options = variants
            self.variant.value = variants[0] if variants else None
        finally:
            self._loading = False
        self.reset()

    @property
    def edited(self) -> bool:
        """True when the text is no longer the picked sample (ignoring layout)."""
        if not self.event or not self.variant.value:
            return bool(self.text.value.strip())
        try:
            return bool(json.loads(self.text.value) != sample(self.event, self.variant.value))
        except json.JSONDecodeError:
            return True

    def reset(self) -> None:
        """Put the picked sample back in the text area."""
        if self.event and self.variant.value:
            self.text.value = json.dumps(sample(self.event, self.variant.value), indent=2, ensure_ascii=False)
        else:
            self.text.value = ""
        self.validate()

    def validate(self) -> pd.DataFrame:
        """Check the text against the event; the problems also show beside the editor."""
        if not self.event:
            self.status.value = ""
            return self.problems
        self.problems = payload_problems(self.event, self.text.value)
        excerpt = json_error_excerpt(self.text.value) if self.text.value.strip() else None
        if excerpt is not None:
            self.status.value = ("<span style='color:#b21f2d'>✗ not valid JSON</span>"
                                 f"<pre style='margin:2px 0;font-size:11px'>{escape(excerpt)}</pre>")
        else:
            self.status.value = _STATUS.format(problems_html(self.problems))
        return self.problems

    def payload(self) -> Any:
        """The text as data (JSON text that does not parse is returned as text, to be reported)."""
        try:
            return json.loads(self.text.value)
        except json.JSONDecodeError:
            return self.text.value
