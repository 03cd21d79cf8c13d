"""The history of a site: every fire and every run, append-only, savable as JSON Lines.

``site.history`` shows as a table in a notebook (``to_frame()`` for the
DataFrame), iterates over :class:`~wixevents.runtime.records.Run` rows in ``seq`` order,
and saves to a ``.jsonl`` file: a header line, then one line per fire and per run.
:meth:`History.load` reads it back into equal records; ``site.load_history(path)`` adds them to a site.

Saving writes a temporary file beside the target and renames it over the target
in one step, so a crash never leaves half a file; an existing file is only
replaced with ``overwrite=True`` (else :class:`~wixevents.errors.FileExists`).
Both directions stream one line at a time and loading checks every line
(:mod:`wixevents.runtime.historyfile`).
"""

from __future__ import annotations

import bisect
import os
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from . import historyfile, tables
from .records import Fire, Run

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd

__all__ = ["History"]

class History:
    """Append-only record of fires and runs."""

    def __init__(self, fires: list[Fire] | None = None, runs: list[Run] | None = None) -> None:
        self.fires: list[Fire] = list(fires or [])
        self.runs: list[Run] = sorted(runs or [], key=lambda r: r.seq)
        self._lock = threading.Lock()
        #: ``(line, problem)`` of each line skipped by ``History.load(path, errors="skip")``.
        self.load_problems: list[tuple[int | None, str]] = []

    def add_fire(self, fire: Fire) -> None:
        with self._lock:
            self.fires.append(fire)

    def add_run(self, run: Run) -> None:
        """Insert by ``seq``: a run that fired another finishes after it but keeps its earlier place."""
        with self._lock:
            bisect.insort(self.runs, run, key=lambda r: r.seq)

    def __len__(self) -> int:
        return len(self.runs)

    def __iter__(self) -> Iterator[Run]:
        return iter(list(self.runs))

    def __getitem__(self, index: int) -> Run:
        return self.runs[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, History) and (self.fires, self.runs) == (other.fires, other.runs)

    __hash__ = None  # type: ignore[assignment]  # mutable

    def to_frame(self) -> pd.DataFrame:
        """One row per run; columns as in :mod:`wixevents.runtime.tables`."""
        return tables.runs_frame(self.runs)

    def logs(self) -> pd.DataFrame:
        """One row per captured log line, in run order."""
        return tables.logs_frame(self.runs)

    def payloads(self, name: str | None = None) -> pd.DataFrame:
        """The fired payloads of event ``name`` (any spelling; every event when None), flattened."""
        from ..events.catalog import catalog

        canonical = catalog[name].name if name is not None else None
        return tables.payloads_frame(f for f in self.fires if canonical in (None, f.event))

    def save(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write the history as JSON Lines to ``path`` atomically, one line at a time; returns the path.

        Every history a site recorded saves and loads back equal (see
        :mod:`wixevents.runtime.historyfile` for the format and its escaping).
        """
        with self._lock:
            fires, runs = list(self.fires), list(self.runs)
        return historyfile.write(Path(path), fires, runs, overwrite=overwrite)

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, errors: Literal["raise", "skip"] = "raise") -> History:
        """Read a history written by :meth:`save`, checking every line.

        A file that is not one, a format version this wixevents does not read, or
        (by default) any bad line raises :class:`~wixevents.errors.HistoryFileError`
        naming the file, the line and the problem. With ``errors="skip"`` the good
        lines load, the bad ones are listed in ``load_problems`` as
        ``(line, problem)`` and a warning says how many were skipped (a wrong
        header or version still raises: nothing in such a file can be trusted).
        """
        fires, runs, problems = historyfile.read(Path(path), errors)
        history = cls(fires, runs)
        history.load_problems = problems
        if problems:
            shown = "; ".join(f"line {line}: {what}" if line else what for line, what in problems[:5])
            warnings.warn(f"{path}: skipped {len(problems)} bad line(s) ({shown}); see history.load_problems",
                          UserWarning, stacklevel=2)
        return history

    def __repr__(self) -> str:
        return tables.text_table(self.runs, f"History: {len(self.fires)} fire(s), {len(self.runs)} run(s)")

    def _repr_html_(self) -> str:
        return tables.html_table(self.runs, f"History: {len(self.fires)} fire(s), {len(self.runs)} run(s)")
