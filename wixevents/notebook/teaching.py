"""Friendly checks for exercises: pass, or "not yet" with what was expected, what came back and a hint.

::

    from wixevents.notebook.teaching import check, check_handler, progress

    check("The answer names the V2 handler", lambda: answer == "wixBookingsV2_onBookingCanceled",
          hint="look at the replacement column")
    check_handler("The handler returns the invoice number", site, "wixBilling_onInvoicePaid",
                  expected=lambda payload: payload["number"], hint="the number is a top-level field")

``check`` runs a test (a callable returning True/False, or raising
``AssertionError`` with a message); any other exception counts as "not yet"
and is named, so a half-written answer gets feedback, not a stack trace.

``check_handler`` is the check for a handler: it copies the handlers the learner
registered for the event onto a **fresh site per case** (so state left by an
earlier fire or an earlier run of the check never changes the verdict), fires
every sample variant of the event (and any extra hand-made cases), fails when a
run errors (unless the case expects that error, see :func:`raises`), and
compares each case on its own. On failure it shows a small table of case,
expected and got. Checks are remembered by title (re-running replaces the
verdict), so :func:`progress` can show a workshop how far it got, as a bar.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from ..runtime.clock import FixedClock
from ..runtime.records import FAILED
from ..site import Site

if TYPE_CHECKING:
    import pandas as pd

    from ..runtime.result import Result
else:
    from .._lazy import pandas as pd


__all__ = ["Check", "Progress", "check", "check_handler", "progress", "raises", "reset"]

_DONE: dict[str, bool] = {}


@dataclass(frozen=True)
class Raises:
    """What a case expects when the handler should raise: an error of this type (by name)."""

    type: str

    def __repr__(self) -> str:
        return f"raises {self.type}"


def raises(type_name: str) -> Raises:
    """The expected outcome of a case in which the handler must raise ``type_name`` (``"ValueError"``)."""
    return Raises(type_name)


@dataclass(frozen=True)
class Check:
    """The outcome of one exercise check; ``rows`` are (case, expected, got, right) for a handler check."""

    title: str
    passed: bool
    hint: str = ""
    detail: str = ""
    rows: tuple[tuple[str, str, str, bool], ...] = ()

    def __bool__(self) -> bool:
        return self.passed

    def _parts(self) -> tuple[str, str, str]:
        if self.passed:
            return f"✔ Well done: {self.title}", "", ""
        return f"✘ Not yet: {self.title}", self.detail, f"Hint: {self.hint}" if self.hint else ""

    def _wrong(self) -> list[tuple[str, str, str, bool]]:
        return [] if self.passed else [row for row in self.rows if not row[3]]

    def __repr__(self) -> str:
        head, detail, hint = self._parts()
        table = [f"  {case}: expected {want}, got {got}" for case, want, got, _ in self._wrong()]
        return "\n".join([head, *([f"  {detail}"] if detail else []), *table, *([f"  {hint}"] if hint else [])])

    def _repr_html_(self) -> str:
        head, detail, hint = self._parts()
        colour, border = ("#d4edda", "#1e7e34") if self.passed else ("#fff3cd", "#8a6d00")
        cell = "style='text-align:left;padding:1px 8px;border:none;vertical-align:top'"
        rows = "".join(f"<tr><td {cell}>{escape(c)}</td><td {cell}><code>{escape(w)}</code></td>"
                       f"<td {cell}><code>{escape(g)}</code></td></tr>" for c, w, g, _ in self._wrong())
        table = (f"<table style='border-collapse:collapse;margin:4px 0'><tr><th {cell}>case</th>"
                 f"<th {cell}>expected</th><th {cell}>got</th></tr>{rows}</table>") if rows else ""
        more = "".join(f"<div>{escape(x)}</div>" for x in (detail,) if x) + table
        more += f"<div><i>{escape(hint)}</i></div>" if hint else ""
        return (f"<div style='background:{colour};border-left:4px solid {border};padding:6px 10px'>"
                f"<b>{escape(head)}</b>{more}</div>")


def _remember(result: Check) -> Check:
    _DONE[result.title] = result.passed
    return result


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
    return _remember(Check(title, passed, hint, detail))


def _value(result: Result) -> Any:
    return [run.value for run in result.runs] if len(result.runs) > 1 else result.runs[0].value


def _shown(value: Any, width: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def check_handler(title: str, site: Any, event: str, expected: Callable[[Any], Any], *,
                  got: Callable[[Result], Any] = _value, variants: list[str] | None = None,
                  cases: Mapping[str, Any] | None = None, hint: str = "") -> Check:
    """Check the handlers ``site`` has for ``event`` on every sample variant (or ``variants``) plus ``cases``.

    ``expected(payload)`` gives the right outcome for a payload: a value to compare
    with ``got(result)`` (by default the handler's return value), or
    :func:`raises` when the handler must raise. Each case fires on its own fresh
    site (``FixedClock``), so the verdict never depends on what ran before.
    """
    from ..events.samples import sample, samples

    handlers = [h for h in site.handlers if h.event.name == event or h.name == event]
    if not handlers:
        return _remember(Check(title, False, hint, f"No handler for {event} is registered yet: "
                                                   "run the cell that defines it."))
    payloads = {v: sample(event, v) for v in (variants if variants is not None else samples(event))}
    payloads.update(cases or {})
    rows = []
    for case, payload in payloads.items():
        fresh = Site(clock=FixedClock())
        for handler in handlers:
            fresh.register(handler.fn, source=handler.source, name=handler.name)
        want = expected(payload)
        result = fresh.fire(event, payload=payload)
        failed = [run for run in result.runs if run.status in FAILED]
        if isinstance(want, Raises):
            right = bool(failed) and all(r.error is not None and r.error.type == want.type for r in failed)
            outcome = (str(failed[0].error or failed[0].status) if failed
                       else f"no error, returned {_shown(_value(result))}")
        elif failed:
            right, outcome = False, str(failed[0].error or failed[0].status)
        else:
            value = got(result)
            right, outcome = value == want, _shown(value)
        rows.append((case, _shown(want) if not isinstance(want, Raises) else repr(want), outcome, right))
    passed = all(row[3] for row in rows)
    detail = "" if passed else f"{sum(not r[3] for r in rows)} of {len(rows)} case(s) differ:"
    return _remember(Check(title, passed, hint, detail, tuple(rows)))


class Progress:
    """Every check run in this session: a bar in a notebook, a line of text elsewhere, ``to_frame()``."""

    def __init__(self, done: Mapping[str, bool]) -> None:
        self.done = dict(done)

    def to_frame(self) -> pd.DataFrame:
        frame: pd.DataFrame = pd.DataFrame({"exercise": list(self.done), "done": list(self.done.values())},
                                           columns=["exercise", "done"])
        return frame

    @property
    def passed(self) -> int:
        return sum(self.done.values())

    def __repr__(self) -> str:
        total = len(self.done)
        lines = [f"{self.passed} of {total} done"]
        lines += [f"  {'✔' if ok else '✘'} {title}" for title, ok in self.done.items()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        total = len(self.done) or 1
        width = round(100 * self.passed / total)
        items = "".join(f"<li style='list-style:none'>{'✔' if ok else '✘'} {escape(title)}</li>"
                        for title, ok in self.done.items())
        return (f"<div><b>{self.passed} of {len(self.done)} done</b>"
                f"<div style='background:#e9ecef;height:12px;width:420px;border-radius:6px'>"
                f"<div style='background:#28a745;height:12px;width:{width}%;border-radius:6px'></div></div>"
                f"<ul style='padding-left:0;margin:4px 0'>{items}</ul></div>")


def progress() -> Progress:
    """How far this session got: every check run, passed or not (``.to_frame()`` for a DataFrame)."""
    return Progress(_DONE)


def reset() -> None:
    """Forget the checks run so far."""
    _DONE.clear()
