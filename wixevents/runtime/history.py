"""The history of a site: every fire and every run, append-only, savable as JSON Lines.

``site.history`` shows as a table in a notebook (``to_frame()`` for the
DataFrame), iterates over :class:`~wixevents.runtime.records.Run` rows in ``seq`` order,
and saves to a ``.jsonl`` file: a header line, then one line per fire and per run.
:meth:`History.load` reads it back into equal records; ``site.load_history(path)`` adds them to a site.

Saving writes a temporary file beside the target and renames it over the target
in one step, so a crash never leaves half a file; an existing file is only
replaced with ``overwrite=True`` (else :class:`~wixevents.errors.FileExists`).
"""

from __future__ import annotations

import bisect
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import FileExists
from . import tables
from .records import Fire, Run, fire_from_dict, fire_to_dict, json_default

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd

__all__ = ["History"]

FORMAT = "wixevents-history"
VERSION = 1


def _publish(temp: str, target: Path) -> None:
    """Move ``temp`` to ``target`` only if ``target`` does not exist (a hard link fails if it does)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: check, then rename
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(temp, target)
        return
    os.unlink(temp)


class History:
    """Append-only record of fires and runs."""

    def __init__(self, fires: list[Fire] | None = None, runs: list[Run] | None = None) -> None:
        self.fires: list[Fire] = list(fires or [])
        self.runs: list[Run] = sorted(runs or [], key=lambda r: r.seq)
        self._lock = threading.Lock()

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
        """Write the history as JSON Lines to ``path`` atomically; returns the path."""
        target = Path(path)
        if target.exists() and not overwrite:
            raise FileExists(f"{target} exists; pass overwrite=True to replace it, or choose another name.")
        lines = [json.dumps({"format": FORMAT, "version": VERSION})]
        # default=: a payload edited with Python values (a datetime, say) is written as JSON text.
        lines += [json.dumps({"kind": "fire", **fire_to_dict(f)}, ensure_ascii=False, default=json_default)
                  for f in self.fires]
        lines += [json.dumps({"kind": "run", **r.to_dict()}, ensure_ascii=False, default=json_default)
                  for r in self.runs]
        if not (target.parent if str(target.parent) else Path(".")).is_dir():
            raise FileNotFoundError(f"cannot save the history to {target}: the folder {target.parent} does not exist")
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write("\n".join(lines) + "\n")
            if overwrite:
                os.replace(temp, target)
            else:
                _publish(temp, target)
        except FileExistsError:
            os.unlink(temp)
            raise FileExists(f"{target} exists; pass overwrite=True to replace it.") from None
        except BaseException:
            if os.path.exists(temp):
                os.unlink(temp)
            raise
        return target

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> History:
        """Read a history written by :meth:`save`."""
        fires, runs = [], []
        with open(path, encoding="utf-8") as lines:
            header: dict[str, Any] = json.loads(next(lines, "{}") or "{}")
            if header.get("format") != FORMAT:
                raise ValueError(f"{path} is not a wixevents history (no {FORMAT!r} header line)")
            for line in lines:
                if line.strip():
                    data = json.loads(line)
                    kind = data.pop("kind")
                    if kind == "fire":
                        fires.append(fire_from_dict(data))
                    else:
                        runs.append(Run.from_dict(data))
        return cls(fires, runs)

    def __repr__(self) -> str:
        return tables.text_table(self.runs, f"History: {len(self.fires)} fire(s), {len(self.runs)} run(s)")

    def _repr_html_(self) -> str:
        return tables.html_table(self.runs, f"History: {len(self.fires)} fire(s), {len(self.runs)} run(s)")
