"""Friendly checks for exercises: pass or "not yet" with a hint, never a traceback.

::

    from wixevents.notebook.teaching import check, progress

    check("The handler returns the invoice number",
          lambda: site.test("wixBilling_onInvoicePaid").value == "10001",
          hint="return event.number")

``check`` runs the test (a callable returning True/False, or raising
``AssertionError`` with a message); any other exception it raises counts as
"not yet" and is named, so a half-written answer gets feedback, not a stack
trace. Each check shows as a coloured box in a notebook and as one line of text
elsewhere, and is remembered by title (re-running replaces it), so
``progress()`` can tell a workshop how far it got.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd


__all__ = ["Check", "check", "progress", "reset"]

_DONE: dict[str, bool] = {}


@dataclass(frozen=True)
class Check:
    """The outcome of one exercise check."""

    title: str
    passed: bool
    hint: str = ""
    detail: str = ""

    def __bool__(self) -> bool:
        return self.passed

    def _lines(self) -> tuple[str, str]:
        if self.passed:
            return f"✔ Well done: {self.title}", ""
        extra = " ".join(x for x in (self.detail, f"Hint: {self.hint}" if self.hint else "") if x)
        return f"✘ Not yet: {self.title}", extra

    def __repr__(self) -> str:
        head, extra = self._lines()
        return f"{head}\n  {extra}" if extra else head

    def _repr_html_(self) -> str:
        head, extra = self._lines()
        colour, border = ("#d4edda", "#1e7e34") if self.passed else ("#fff3cd", "#8a6d00")
        more = f"<div>{escape(extra)}</div>" if extra else ""
        return (f"<div style='background:{colour};border-left:4px solid {border};padding:6px 10px'>"
                f"<b>{escape(head)}</b>{more}</div>")


def check(title: str, test: Callable[[], object], *, hint: str = "") -> Check:
    """Run ``test`` and say whether the exercise ``title`` is done, with ``hint`` when it is not."""
    detail = ""
    try:
        outcome = test()
        passed = bool(outcome) if outcome is not None else True
    except AssertionError as exc:
        passed, detail = False, str(exc)
    except Exception as exc:
        passed, detail = False, f"Your code raised {type(exc).__name__}: {str(exc).rstrip('.')}."
    result = Check(title, passed, hint, detail)
    _DONE[title] = passed
    return result


def progress() -> pd.DataFrame:
    """Every check run in this session: title and whether it passed."""
    frame: pd.DataFrame = pd.DataFrame({"exercise": list(_DONE), "done": list(_DONE.values())},
                                       columns=["exercise", "done"])
    return frame


def reset() -> None:
    """Forget the checks run so far."""
    _DONE.clear()
