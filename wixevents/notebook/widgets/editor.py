"""The payload editor: pick a sample variant, edit its JSON, see what is wrong beside it, reset."""

from __future__ import annotations

import json
from html import escape
from typing import Any

import ipywidgets as W
import pandas as pd

from ...events.samples import sample, samples
from ..explore import PROBLEM_COLUMNS, payload_problems

__all__ = ["PayloadEditor", "problems_html"]


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
        self.text = W.Textarea(layout=W.Layout(width="60%", height="320px"), continuous_update=True)
        self.text.add_class("wixevents-json")
        self.status = W.HTML(layout=W.Layout(width="40%", max_height="320px", overflow="auto"))
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
        self.status.value = problems_html(self.problems)
        return self.problems

    def payload(self) -> Any:
        """The text as data (JSON text that does not parse is returned as text, to be reported)."""
        try:
            return json.loads(self.text.value)
        except json.JSONDecodeError:
            return self.text.value
