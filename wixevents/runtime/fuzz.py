"""``site.fuzz``: fire generated payloads at a site's handlers and keep the failing ones, shrunk.

Payloads come from :func:`wixevents.events.strategies.payloads` (Hypothesis). A
failure is a run that is not ``ok``; failures are told apart by handler, status
and error type, and Hypothesis shrinks each kind to a minimal payload: the sample
with as little changed as it takes to fail. Hypothesis stops looking soon after a
first failure, so the search runs in rounds: each round generates up to ``n``
payloads and ignores the kinds found before it; it ends with a round that finds
nothing new (or after :data:`MAX_ROUNDS`). The table has one row per kind: the
handler, status, error, the paths that differ from the nearest sample (``changed``) and
the shrunk ``payload``; ``frame.attrs["examples"]`` is how many payloads were fired.

Each payload runs against the state the site had when fuzzing began (the
caller passes ``reset``, which puts it back), and the fuzzing fires are kept out
of ``site.history``. ``seed`` makes the whole search repeatable.

Payloads are fired one at a time, not as one ``fire_many`` batch: each must meet
the starting data (a batch would carry one payload's writes into the next), and
Hypothesis chooses the next payload from the outcome of the last.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..events.catalog import catalog
from ..events.samples import sample, samples
from ..events.strategies import payloads
from .history import History
from .records import Run

if TYPE_CHECKING:
    import pandas as pd

    from .core import SiteCore
else:
    from .._lazy import pandas as pd

__all__ = ["COLUMNS", "fuzz"]

COLUMNS = ["handler", "status", "error", "changed", "payload"]
#: Hypothesis stops generating soon after a first failure; each new round skips the kinds found so far.
MAX_ROUNDS = 8
Kind = tuple[str, str, str]
DEFAULT_EXAMPLES = 500


def fuzz(site: SiteCore, name: str, *, n: int = DEFAULT_EXAMPLES, seed: int = 0, variant: str | None = None,
         reset: Callable[[], None] | None = None) -> pd.DataFrame:
    """Fire up to ``n`` generated payloads of ``name``; one row per kind of failure, shrunk (see the module)."""
    from hypothesis import HealthCheck, Phase, Verbosity, given, settings
    from hypothesis import seed as hseed

    event = catalog[name].name
    if not site.registry.for_event(event):
        raise ValueError(f"no handler of {event} is registered on this site; register or load one, then fuzz it")
    if site.mode != "published":
        raise ValueError(f"backend events do not fire in {site.mode!r} mode; fuzz a site in 'published' mode")
    if n < 1:
        raise ValueError(f"n must be at least 1 example, got {n!r}")
    found: dict[Kind, tuple[Run, dict[str, Any]]] = {}
    kinds: dict[Kind, type[Exception]] = {}
    known: set[Kind] = set()
    count = [0]

    def attempt(payload: dict[str, Any]) -> None:
        count[0] += 1
        if reset is not None:
            reset()
        result = site.fire(event, payload=payload)
        for run in result.runs:
            key = (run.handler or "", run.status, run.error.type if run.error else "")
            if not run.ok and key not in known:
                found[key] = (run, payload)  # the last failing payload of a kind is its shrunk one
                # One exception class per kind of failure, so Hypothesis shrinks each kind on its own.
                raise kinds.setdefault(key, type("HandlerFailed", (Exception,), {}))(key)

    def ours(exc: BaseException) -> bool:
        group = getattr(exc, "exceptions", None)
        return all(ours(e) for e in group) if group is not None else type(exc) in kinds.values()

    strategy = payloads(event, variant)
    saved = site.history
    site.history = History()
    try:
        for number in range(MAX_ROUNDS):
            search = settings(max_examples=n, database=None, deadline=None, verbosity=Verbosity.quiet,
                              phases=(Phase.generate, Phase.shrink), suppress_health_check=list(HealthCheck),
                              report_multiple_bugs=True, print_blob=False)(given(strategy)(attempt))
            before = set(found)
            try:
                hseed(seed * MAX_ROUNDS + number)(search)()
            except Exception as exc:  # the failures Hypothesis shrank are recorded in `found`
                if not ours(exc):
                    raise
            if set(found) == before:
                break
            known.update(found)  # the next round looks for other kinds only
    finally:
        site.history = saved
        if reset is not None:
            reset()
    bases = {v: sample(event, v) for v in ([variant] if variant else samples(event))}
    rows = [{"handler": k[0], "status": k[1],
             "error": f"{run.error.type}: {run.error.message}" if run.error else run.note or "",
             "changed": _nearest(bases, p), "payload": p} for k, (run, p) in found.items()]
    frame: pd.DataFrame = pd.DataFrame(rows, columns=COLUMNS)
    frame.attrs["examples"] = count[0]
    return frame


def _nearest(bases: dict[str, dict[str, Any]], payload: dict[str, Any]) -> str:
    """What differs between ``payload`` and the sample it is nearest to."""
    variant, diffs = min(((v, _changed(b, payload)) for v, b in bases.items()), key=lambda found: len(found[1]))
    return ", ".join(diffs) if diffs else f"(nothing: the {variant!r} sample as it is)"


def _changed(old: Any, new: Any, path: str = "") -> list[str]:
    """The dotted paths where ``new`` differs from ``old`` (a list that changed length is one path)."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in [*old, *(k for k in new if k not in old)]:
            sub = f"{path}.{key}" if path else str(key)
            if key not in new:
                out.append(f"{sub} (absent)")
            elif key not in old:
                out.append(f"{sub} (added)")
            else:
                out.extend(_changed(old[key], new[key], sub))
        return out
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [p for i, (a, b) in enumerate(zip(old, new, strict=True)) for p in _changed(a, b, f"{path}[{i}]")]
    if isinstance(old, list) and isinstance(new, list):
        return [f"{path} ({len(new)} items)"]
    return [] if old == new and type(old) is type(new) else [f"{path} = {new!r}"]
