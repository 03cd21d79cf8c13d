"""Effects: what the simulated Wix APIs did, one record per call, as data.

Every call of a simulated Velo API (:mod:`wixevents.velo`) made inside a
handler run is stored on that run's history row (``Run.effects``); calls made
outside any run are kept by the site. Each record is a JSON-ready dict:

* ``seq`` -- the run that made the call (None outside any run);
* ``call`` -- a site-wide number, in the order the calls started, so the effects
  of nested runs (a data hook, a cascaded data event) sort between their caller's;
* ``module`` -- the module as imported in Velo: ``wix-data``, ``@wix/data``,
  ``wix-crm-backend``, ``wix-members-backend``, ``wix-fetch``,
  ``wix-secrets-backend``, ``wix-auth``;
* ``function`` -- the function as called: ``insert``, ``items.insert``,
  ``contacts.createContact``, ``query.find``, ...;
* ``args`` -- the arguments by their Velo parameter names (``options`` only when given);
* ``result`` -- what the call returned (None when it failed); secrets are masked;
* ``error`` -- ``Type: message`` when the call failed, else None;
* ``elevated`` -- True when made through ``wix-auth``'s ``elevate()`` or with ``suppressAuth``;
* ``caused`` -- the seqs of the runs the call caused (data hooks, cascaded data events).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .._frames import tagged

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd


if TYPE_CHECKING:
    from .history import History
    from .records import Run

__all__ = ["EFFECT_COLUMNS", "descendants", "effects_frame"]

EFFECT_COLUMNS = ["seq", "call", "module", "function", "args", "result", "error", "elevated", "caused"]


def effects_frame(effects: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """One row per effect, in call order, columns :data:`EFFECT_COLUMNS`.

    Column types are pandas' own choice for the values (as ``pd.DataFrame(rows)``
    makes them), except ``seq``, a nullable integer (empty outside a run), and
    ``call``/``elevated``; ``args``, ``result`` and ``caused`` hold the recorded
    JSON values as they are.
    """
    rows = sorted(effects, key=lambda e: int(e.get("call") or 0))
    frame = pd.DataFrame([{c: e.get(c) for c in EFFECT_COLUMNS} for e in rows], columns=EFFECT_COLUMNS)
    for column in ("args", "result", "caused"):  # JSON values exactly as recorded
        frame[column] = pd.Series([e.get(column) for e in rows], dtype=object, index=frame.index)
    typed: pd.DataFrame = frame.astype({"seq": "Int64", "call": "int64", "elevated": "bool"})
    return tagged(typed, "call")


def descendants(runs: Iterable[Run], history: History | None) -> list[Run]:
    """``runs`` and every run they caused, directly or through other runs, in ``seq`` order."""
    chosen = {r.seq: r for r in runs}
    if history is not None:
        children: dict[int, list[Run]] = {}
        for run in history:
            if run.parent is not None:
                children.setdefault(run.parent, []).append(run)
        todo = list(chosen)
        while todo:
            for child in children.get(todo.pop(), ()):
                if child.seq not in chosen:
                    chosen[child.seq] = child
                    todo.append(child.seq)
    return [chosen[seq] for seq in sorted(chosen)]
