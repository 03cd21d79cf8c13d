"""Recording simulated calls: one effect per call, on the run that made it.

:func:`recorded` wraps the body of every public simulated function. It finds the
site (:func:`~wixevents.runtime.context.current_site`), numbers the call, runs the body,
and stores the effect (schema in :mod:`wixevents.runtime.effects`) on the current run
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

from ..runtime.context import current_run, current_site
from ..runtime.records import jsonable

if TYPE_CHECKING:
    from .site_api import VeloSite

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


def masked(site: VeloSite, value: Any) -> Any:
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


def velo_site() -> VeloSite:
    """The site a simulated call acts on (:func:`~wixevents.runtime.context.current_site`), with its Wix state."""
    from .site_api import VeloSite

    site = current_site()
    if not isinstance(site, VeloSite):
        raise TypeError(f"simulated Wix APIs need a wixevents.Site, got {type(site).__name__}")
    return site


def _suppressed(args: Mapping[str, Any]) -> bool:
    """Does any argument carry Wix's ``suppressAuth: true`` option (any function, either tier)?"""
    return any(isinstance(v, Mapping) and v.get("suppressAuth") is True for v in args.values())


class Recording:
    """One call being recorded: ``with Recording(...) as call: call.result = body()``."""

    def __init__(self, module: str, function: str, args: Mapping[str, Any], *, elevated: bool = False) -> None:
        self.site, self.run = velo_site(), current_run()
        inside = self.run is not None and self.run.site is self.site
        self.effect: dict[str, Any] = {
            "seq": self.run.seq if self.run is not None and inside else None, "call": self.site.velo.next_call(),
            "module": module, "function": function,
            "args": masked(self.site, jsonable({k: v for k, v in args.items() if not (k == "options" and v is None)})),
            "result": None, "error": None, "caused": [],
            "elevated": bool(elevated or _ELEVATED.get() or _suppressed(args))}
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


def recorded(module: str, function: str, args: Mapping[str, Any], body: Callable[[VeloSite], T], *,
             elevated: bool = False, shown: Callable[[T], Any] | None = None) -> T:
    """Run ``body(site)`` as one recorded call of ``module.function``; ``shown`` turns the result into data."""
    with Recording(module, function, args, elevated=elevated) as call:
        result = body(call.site)
        call.done(shown(result) if shown is not None else result)
        return result
