"""What ``site.fire`` returns: the rows of one firing, as data and as a table.

A :class:`Result` holds the :class:`~wixevents.runtime.records.Fire` (payload, variant,
event ID) and its :class:`~wixevents.runtime.records.Run` rows, shows itself as a compact
coloured table in a notebook and as text in a terminal, and answers the usual
questions: ``ok`` (no row failed), ``value`` (the return value when exactly one
handler ran), ``logs`` (the log lines, like ``run.logs``; ``logs()`` is the
DataFrame), ``effects`` (what the handlers did through the simulated Wix APIs,
including the runs they caused: data hooks and cascaded data events).
``fire_all`` and ``fire_many`` return :class:`Results`, a list of them with one
combined table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import CheckFailed
from . import tables
from .effects import descendants, effects_frame
from .records import Fire, LogLine, Run
from .report import report
from .runview import timeline_html

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd

if TYPE_CHECKING:
    from .history import History

__all__ = ["Logs", "Result", "Results"]


class Logs(tuple[LogLine, ...]):
    """The log lines of some runs, in run order: a tuple like ``run.logs``, and called, their DataFrame.

    ``result.logs`` reads like ``run.logs`` (``for line in result.logs``,
    ``result.logs[0].message``); ``result.logs()`` is the table
    (:func:`~wixevents.runtime.tables.logs_frame`: seq, handler, source, level,
    message, time, origin), as ``site.logs()`` and ``site.history.logs()`` are.
    """

    _runs: list[Run]

    def __new__(cls, runs: list[Run]) -> Logs:
        made = super().__new__(cls, [line for run in runs for line in run.logs])
        made._runs = runs
        return made

    def __call__(self) -> pd.DataFrame:
        return tables.logs_frame(self._runs)
R = TypeVar("R")


class Result:
    """The outcome of one fire (or one ``site.test``)."""

    def __init__(self, fire: Fire, runs: list[Run], event: Any = None, *, history: History | None = None) -> None:
        self.fire, self.runs, self.event = fire, runs, event
        self._history = history

    @property
    def effects(self) -> pd.DataFrame:
        """Every simulated Wix API call of these runs and of the runs they caused, in call order.

        Columns as in :mod:`wixevents.runtime.effects`; ``seq`` tells which run made the call.
        """
        return effects_frame(e for r in descendants(self.runs, self._history) for e in r.effects)

    @property
    def ok(self) -> bool:
        """True when no row failed (``error``, ``timeout``, ``out_of_memory``, ``invalid_payload``, ``no_handler``)."""
        return all(r.ok for r in self.runs)

    @property
    def statuses(self) -> list[str]:
        return [r.status for r in self.runs]

    @property
    def value(self) -> Any:
        """The return value of the only handler run; ValueError when several handlers ran."""
        if len(self.runs) != 1:
            raise ValueError(f"{len(self.runs)} handlers ran; read result.runs[i].value for each")
        return self.runs[0].value

    def __iter__(self) -> Iterator[Run]:
        return iter(self.runs)

    def assert_ok(self) -> Result:
        """Raise :class:`~wixevents.errors.CheckFailed` unless a handler ran and no run failed.

        A ``no_handler`` row fails only when no handler ran at all: in a batch or a
        scenario, an event nothing listens to is normal. The message holds the run
        table, each failed run's error and traceback, and the handlers' log lines;
        returns the result, so ``site.fire(...).assert_ok().value`` reads on.
        """
        __tracebackhide__ = True
        return _assert_ok(self, self.runs, self._title())

    def __len__(self) -> int:
        return len(self.runs)

    def __getitem__(self, index: int) -> Run:
        return self.runs[index]

    def to_frame(self) -> pd.DataFrame:
        return tables.runs_frame(self.runs)

    @property
    def logs(self) -> Logs:
        """The log lines of these runs, like ``run.logs``; call it, ``result.logs()``, for the DataFrame."""
        return Logs(self.runs)

    def _title(self) -> str:
        variant = f" sample {self.fire.variant!r}" if self.fire.variant else " payload"
        verb = "tested" if self.fire.trigger == "test" else "fired"
        return f"{self.fire.event}{variant} {verb} (fire {self.fire.fire})"

    @property
    def shown(self) -> list[Run]:
        """The runs a display shows: these runs and the ones they caused (hooks, cascaded events)."""
        return descendants(self.runs, self._history)

    def __repr__(self) -> str:
        return tables.text_table(self.shown, self._title())

    def _repr_html_(self) -> str:
        return tables.html_table(self.shown, self._title())


class Results(list[Result]):
    """Several fires (``fire_all``, ``fire_many``) with one table."""

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self)

    @property
    def runs(self) -> list[Run]:
        return [run for result in self for run in result.runs]

    @property
    def effects(self) -> pd.DataFrame:
        """The effects of every fire (see :attr:`Result.effects`), in call order."""
        found = {r.seq: r for result in self for r in descendants(result.runs, result._history)}
        return effects_frame(e for seq in sorted(found) for e in found[seq].effects)

    def to_frame(self) -> pd.DataFrame:
        return tables.runs_frame(self.runs)

    @property
    def logs(self) -> Logs:
        """The log lines of every fire, like ``run.logs``; ``results.logs()`` is the DataFrame."""
        return Logs(self.runs)

    @property
    def shown(self) -> list[Run]:
        """The runs a display shows: every fire's runs and the runs they caused."""
        found = {r.seq: r for result in self for r in result.shown}
        return [found[seq] for seq in sorted(found)]

    def assert_ok(self) -> Results:
        """As :meth:`Result.assert_ok`, over every fire."""
        __tracebackhide__ = True
        return _assert_ok(self, self.runs, f"{len(self)} fire(s)")

    def __repr__(self) -> str:
        return tables.text_table(self.shown, f"{len(self)} fire(s)")

    def _repr_html_(self) -> str:
        """A timeline strip (one block per run, coloured by status) above the compact table."""
        return timeline_html(self.shown) + tables.html_table(self.shown, f"{len(self)} fire(s)")



def _assert_ok(result: R, runs: list[Run], title: str) -> R:
    __tracebackhide__ = True
    failed = [r for r in runs if not r.ok and r.status != "no_handler"]
    if failed or all(r.status == "no_handler" for r in runs):
        what = f"{len(failed)} of {len(runs)} run(s) failed" if failed else "no handler ran"
        raise CheckFailed(f"{what}: {title}\n{report(runs, title)}")
    return result
