"""Assertions about what handlers did (effects) and what the site's data holds (state).

Both raise :class:`~wixevents.errors.CheckFailed` (an ``AssertionError``) whose
message says what was expected, what was found, and ends with the run table and
the handlers' logs, so a failure in CI explains itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import CheckFailed
from ..runtime.effects import descendants
from ..runtime.records import Run
from ..runtime.report import report
from ..runtime.result import Result, Results
from ..site import Site
from .match import mismatch

__all__ = ["assert_effects", "assert_state"]

#: Keys an expected effect may give; each is compared as a subset (dicts) or for equality.
EFFECT_KEYS = ("module", "function", "args", "result", "error", "elevated")


def _runs(result: Result | Results) -> list[Run]:
    if isinstance(result, Results):
        return [r for one in result for r in descendants(one.runs, one._history)]
    return descendants(result.runs, result._history)


def assert_effects(result: Result | Results, expected: Iterable[Mapping[str, Any]], *,
                   exact: bool = False) -> None:
    """Check that the calls in ``expected`` were made, in this order, by the runs of ``result``.

    Each expected effect is a dict of ``module``, ``function``, ``args`` (and
    ``result``, ``error``, ``elevated`` if wanted); it matches an effect whose values
    contain it (``{"args": {"collectionId": "Orders"}}`` matches any insert into
    Orders). Other calls may come between; ``exact=True`` allows none but these.
    """
    __tracebackhide__ = True
    wanted = [dict(e) for e in expected]
    for e in wanted:
        unknown = sorted(set(e) - set(EFFECT_KEYS))
        if unknown:
            raise ValueError(f"an expected effect has keys {unknown}; use {', '.join(EFFECT_KEYS)}")
    runs = _runs(result)
    made = sorted((e for r in runs for e in r.effects), key=lambda e: int(e.get("call") or 0))
    position, problems = 0, []
    for number, want in enumerate(wanted, 1):
        for index in range(position, len(made)):
            if mismatch(want, made[index]) is None:
                position = index + 1
                break
        else:
            near = [m for m in (mismatch(want, e) for e in made[position:]
                                if e.get("function") == want.get("function")) if m]
            hint = f" (nearest: {near[0]})" if near else ""
            problems.append(f"expected call #{number} {want!r} was not made{' after the ones before' * (number > 1)}"
                            f"{hint}")
            break
    if not problems and exact and len(made) != len(wanted):
        problems.append(f"expected exactly {len(wanted)} call(s), {len(made)} were made")
    if problems:
        calls = "\n".join(f"  {e.get('module')} {e.get('function')} {e.get('args')!r}" for e in made) or "  (none)"
        raise CheckFailed("\n".join(problems) + f"\ncalls made:\n{calls}\n" + report(runs))


def assert_state(site: Site, collection: str, rows: Iterable[Mapping[str, Any]], *, exact: bool = False) -> None:
    """Check that collection ``collection`` holds exactly these rows, in any order.

    Each expected row matches a stored item containing its fields (system fields
    such as ``_createdDate`` need not be given); each item is matched once and the
    number of items must be the same. ``exact=True`` also compares every field.
    """
    __tracebackhide__ = True
    wanted = [dict(r) for r in rows]
    with site.velo.lock:
        items = [dict(i) for i in site.velo.collections.get(collection, {}).values()]
    free = list(range(len(items)))
    problems = []
    for want in wanted:
        match = next((i for i in free if (want == items[i] if exact else mismatch(want, items[i]) is None)), None)
        if match is None:
            problems.append(f"no item matches {want!r}")
        else:
            free.remove(match)
    if len(items) != len(wanted):
        problems.append(f"expected {len(wanted)} item(s), the collection holds {len(items)}")
    if problems:
        shown = "\n".join(f"  {item!r}" for item in items) or "  (none)"
        runs = list(site.history)[-20:]
        raise CheckFailed(f"collection {collection!r}: " + "; ".join(problems) + f"\nitems:\n{shown}\n"
                          + report(runs, "the site's last runs"))
