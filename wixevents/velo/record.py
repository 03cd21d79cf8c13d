"""Recording simulated calls: one effect per call, on the run that made it.

:func:`recorded` wraps the body of every public simulated function. It finds the
site (:func:`~wixevents.context.current_site`), numbers the call, runs the body,
and stores the effect (schema in :mod:`wixevents.effects`) on the current run
with :meth:`RunContext.record`, or on the site when no run is current. A failing
call is recorded with its error and the exception propagates unchanged.

Elevation: a call is ``elevated`` when its options say ``suppressAuth`` or when
it runs inside a function wrapped by ``wix-auth``'s ``elevate()``
(:func:`elevation`). Like any context variable, elevation does not reach runs
started from the call (a data hook, a cascaded handler): those run with their
own identity, as on Wix.

Secrets: the value of every secret in ``site.secrets`` is replaced by ``***``
wherever it appears in a recorded argument or result (a handler that puts an
API key into a ``fetch`` header leaves no key in the effects table or in a saved
history).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

from ..context import current_run, current_site
from ..records import jsonable

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["Recording", "caused", "current_call", "elevation", "is_elevated", "masked", "recorded"]

T = TypeVar("T")
_ELEVATED: ContextVar[bool] = ContextVar("wixevents_elevated", default=False)
_CAUSED: ContextVar[list[int] | None] = ContextVar("wixevents_caused", default=None)
_CALL: ContextVar[tuple[int | None, int]] = ContextVar("wixevents_call", default=(None, 0))


def is_elevated() -> bool:
    """True inside a call of a function wrapped by ``elevate()``."""
    return _ELEVATED.get()


@contextmanager
def elevation() -> Iterator[None]:
    token = _ELEVATED.set(True)
    try:
        yield
    finally:
        _ELEVATED.reset(token)


def masked(site: Site, value: Any) -> Any:
    """``value`` (JSON data) with every secret value of ``site`` replaced by ``***``."""
    secrets = [v for v in site.velo.secrets.values() if isinstance(v, str) and v]
    if not secrets:
        return value
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, "***")
        return value
    if isinstance(value, dict):
        return {k: masked(site, v) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(site, v) for v in value]
    return value


def current_call() -> tuple[int | None, int]:
    """``(seq, call)`` of the call being recorded in this thread, for state rows (emails, HTTP calls)."""
    return _CALL.get()


def caused(seqs: Iterable[int]) -> None:
    """Note runs (hooks, cascaded events) started by the call being recorded in this thread."""
    found = _CAUSED.get()
    if found is not None:
        found.extend(seqs)


class Recording:
    """One call being recorded: ``with Recording(...) as call: call.result = body()``."""

    def __init__(self, module: str, function: str, args: Mapping[str, Any], *, elevated: bool = False) -> None:
        self.site, self.run = current_site(), current_run()
        inside = self.run is not None and self.run.site is self.site
        self.effect: dict[str, Any] = {
            "seq": self.run.seq if self.run is not None and inside else None, "call": self.site.velo.next_call(),
            "module": module, "function": function,
            "args": masked(self.site, jsonable({k: v for k, v in args.items() if not (k == "options" and v is None)})),
            "result": None, "error": None, "elevated": bool(elevated or _ELEVATED.get()), "caused": []}
        self.runs: list[int] = []

    def __enter__(self) -> Recording:
        self._tokens = (_CAUSED.set(self.runs), _CALL.set((self.effect["seq"], self.effect["call"])))
        return self

    def done(self, result: Any) -> None:
        self.effect["result"] = masked(self.site, jsonable(result))

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: Any) -> None:
        _CAUSED.reset(self._tokens[0])
        _CALL.reset(self._tokens[1])
        if exc is not None:
            self.effect["error"] = f"{type(exc).__name__}: {exc}"
        self.effect["caused"] = list(self.runs)
        if self.effect["seq"] is not None and self.run is not None:
            self.run.record(self.effect)
        else:
            self.site.velo.keep(self.effect)


def recorded(module: str, function: str, args: Mapping[str, Any], body: Callable[[Site], T], *,
             elevated: bool = False, shown: Callable[[T], Any] | None = None) -> T:
    """Run ``body(site)`` as one recorded call of ``module.function``; ``shown`` turns the result into data."""
    with Recording(module, function, args, elevated=elevated) as call:
        result = body(call.site)
        call.done(shown(result) if shown is not None else result)
        return result
