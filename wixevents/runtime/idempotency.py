"""``site.check_idempotent(name | scenario)``: does delivering every event twice change anything?

The payloads are built once (an event's sample, or every step of a scenario), then
delivered to two fresh copies of the site -- same handlers, simulated Wix state back
at its seeds, history empty -- once each in order (the reference), and again with
each payload delivered twice (``duplicates``). For a scenario a third copy gets
every payload twice in reverse order (``reordered``), the worst reordering there is.

Compared: the *writes* each handler made (simulated Wix calls other than reads
such as ``get``, ``query``, ``find``, ``count``: an insert, an email, an HTTP
call), as a multiset of module, function and arguments; and the site's final
state (collections, contacts, emails, HTTP calls, without generated ``_id`` and
dates). For ``duplicates`` both must match the reference; for ``reordered`` only the
final state (a handler that guards against stale events writes less, not the same).

What "fresh" cannot reset: variables a handler keeps in its own module (a Python
global, a JavaScript top-level ``let``) survive from one copy to the next. Keep
such memory in wix-data, as on Wix, where module state does not last between
invocations.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..events.catalog import catalog
from .deliver import deliver
from .delivery import EXACTLY_ONCE
from .firing import Prepared, prepare
from .play import as_scenario, build
from .records import Run

if TYPE_CHECKING:
    import pandas as pd

    from .core import SiteCore
else:
    from .._lazy import pandas as pd

__all__ = ["COLUMNS", "check_idempotent"]

COLUMNS = ["check", "handler", "source", "idempotent", "once", "delivered", "differences"]
#: What one delivery run leaves: each handler's writes (as counted keys), and the final state.
_Outcome = tuple[dict[tuple[str, str], Counter[str]], dict[str, Any]]
#: How many differing records a state row lists before "... N more".
MAX_LISTED = 20
_READS = ("get", "query", "find", "count", "distinct", "aggregate", "isReferenced", "queryReferenced",
          "getSecret", "getMember", "getContact", "list")


def check_idempotent(site: SiteCore, target: Any, variant: str = "default") -> pd.DataFrame:
    """The comparison table (:data:`COLUMNS`): for ``duplicates`` one row per handler (its writes:
    ``once`` and ``delivered`` count them, ``differences`` lists the extra ``+n`` and missing ``-n``
    ones), and for each check a ``final state`` row (items, contacts, emails counted; differing
    records listed)."""
    if isinstance(target, str) and target in catalog:
        events = [prepare(target, variant, None, None, now=site.clock.now(), new_id=site.ids)]
        times = [site.clock.now()]
        orders = {"duplicates": [(0, False), (0, True)]}
    else:
        scenario = as_scenario(target)
        events, times = build(site, scenario)
        n = len(events)
        orders = {"duplicates": [(i, dup) for i in range(n) for dup in (False, True)],
                  "reordered": [(i, dup) for i in reversed(range(n)) for dup in (False, True)]}
    reference = _replay(site, events, times, [(i, False) for i in range(len(events))])
    rows: list[dict[str, Any]] = []
    for check, order in orders.items():
        trial = _replay(site, events, times, order)
        rows += _compare(check, reference, trial, writes=check == "duplicates")
    frame: pd.DataFrame = pd.DataFrame(rows, columns=COLUMNS)
    return frame


def _replay(site: SiteCore, events: list[Prepared], times: list[Any], order: list[tuple[int, bool]]) -> _Outcome:
    copy = site._fresh_copy()
    copies = [prepare(p.event, None, p.payload, None, now=times[i], new_id=copy.ids) for i, p in enumerate(events)]
    results = deliver(copy, copies, times, EXACTLY_ONCE, order=order)
    writes: dict[tuple[str, str], Counter[str]] = {(h.name, h.source): Counter() for h in copy.registry}
    for run in _all_runs(r.runs for r in results):
        if run.handler is not None:
            counter = writes.setdefault((run.handler, run.source or ""), Counter())
            counter.update(_write_key(e) for e in run.effects if _is_write(e))
    return writes, copy._state_snapshot()


def _all_runs(groups: Iterable[list[Run]]) -> list[Run]:
    return [run for group in groups for run in group]


def _is_write(effect: dict[str, Any]) -> bool:
    name = str(effect.get("function", "")).split(".")[-1]
    return effect.get("error") is None and not name.startswith(_READS)


def _write_key(effect: dict[str, Any]) -> str:
    args = json.dumps(effect.get("args"), sort_keys=True, default=str, ensure_ascii=False)
    return f"{effect.get('module')} {effect.get('function')}({args[:160]})"


def _compare(check: str, reference: _Outcome, trial: _Outcome, *, writes: bool) -> list[dict[str, Any]]:
    rows = []
    for (handler, source), once in reference[0].items() if writes else ():
        got = trial[0].get((handler, source), Counter())
        differences = [f"+{n} {key}" for key, n in (got - once).items()] + \
                      [f"-{n} {key}" for key, n in (once - got).items()]
        rows.append({"check": check, "handler": handler, "source": source, "idempotent": not differences,
                     "once": sum(once.values()), "delivered": sum(got.values()), "differences": differences})
    differences, before_n, after_n = [], 0, 0
    for store in sorted(set(reference[1]) | set(trial[1])):
        before, after = reference[1].get(store, []), trial[1].get(store, [])
        before_n, after_n = before_n + len(before), after_n + len(after)
        differences += [f"{store}: {d}" for d in _state_differences(before, after)]
    rows.append({"check": check, "handler": None, "source": "final state", "idempotent": not differences,
                 "once": before_n, "delivered": after_n, "differences": differences})
    return rows


def _state_differences(before: list[Any], after: list[Any]) -> list[str]:
    once = Counter(json.dumps(x, sort_keys=True, default=str) for x in before)
    got = Counter(json.dumps(x, sort_keys=True, default=str) for x in after)
    found = ([f"+{n} {key[:160]}" for key, n in (got - once).items()]
             + [f"-{n} {key[:160]}" for key, n in (once - got).items()])
    return found if len(found) <= MAX_LISTED else [*found[:MAX_LISTED], f"... {len(found) - MAX_LISTED} more"]
