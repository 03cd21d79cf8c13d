"""Running data hooks inside the simulated ``wix-data`` calls, with Wix's semantics.

Wix's reference (``wix-data`` Hooks) says, and :class:`Operation` does:

* a **before** hook (``beforeInsert``, ``beforeUpdate``, ``beforeGet``,
  ``beforeRemove``, ``beforeQuery``, ``beforeCount``) returns what the operation
  uses instead of its input (item, ID or query); a value of the wrong type is
  ignored. Raising (a rejected promise) blocks the operation: the caller gets
  that exception and ``onFailure`` runs;
* an **after** hook (``afterInsert``, ``afterUpdate``, ``afterGet``,
  ``afterRemove``, ``afterQuery`` once per result item, ``afterCount``) returns
  what the caller gets instead; the stored data is unchanged. Raising does not undo
  the operation, but the caller gets the exception and ``onFailure`` runs;
* ``onFailure(error, context)`` runs whenever the operation or one of its hooks
  fails; a value it returns becomes the operation's result, an exception it
  raises goes to the caller;
* ``context`` has ``collectionName``, ``userId`` and ``userRole`` (and
  ``currentItem``, the stored item before the change, for ``beforeUpdate``,
  ``afterUpdate`` and ``beforeRemove``); ``suppressHooks`` skips every hook.

Choices where Wix is silent: a hook that returns None (a Python function without
``return``) counts as "wrong type", so in-place edits of its argument stand --
each hook gets a copy, so the caller's own dict never changes; ``onFailure``
returning None leaves the failure as it is; after-hooks of ``get`` and ``remove``
run only when there is an item; a hook past the site's timeout fails the
operation (:class:`~wixevents.velo.errors.HookTimeout`). Hooks run in preview
mode too, unlike backend events.

Each hook call is a history row of its own: ``trigger`` ``hook``, ``event`` and
``handler`` the hook name, ``parent`` the run that made the call, run under the
same runner as handlers (own thread, timeout, captured logs), one level deeper.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..events.event import WixObject, plain, wrap
from ..runtime import runner
from ..runtime.clock import iso
from ..runtime.context import RunContext, current_run
from ..runtime.dispatch import limit_error
from ..runtime.hooks import DataHook
from ..runtime.records import Run, jsonable
from .cascade import data_event
from .errors import CascadeLimitError, HookTimeout, VeloError
from .items import normalise
from .record import caused

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["Operation", "is_item", "is_number", "is_text"]

_NONE = object()
T = TypeVar("T")


def is_item(value: Any) -> bool:
    return isinstance(value, dict)


def is_text(value: Any) -> bool:
    return isinstance(value, str)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class Operation:
    """One ``wix-data`` operation on one collection: its hooks, its failure path, its data events."""

    def __init__(self, site: VeloSite, collection: str, options: Any) -> None:
        self.site, self.collection = site, collection
        self.hooks = not (isinstance(options, dict) and options.get("suppressHooks"))
        self.events: list[tuple[str, dict[str, Any]]] = []

    def context(self, current: Any = _NONE) -> WixObject:
        found: dict[str, Any] = {"collectionName": self.collection, "userId": self.site.velo.identity.get("userId"),
                                 "userRole": self.site.velo.identity.get("userRole")}
        if current is not _NONE:
            found["currentItem"] = normalise(current)
        result: WixObject = wrap(found)
        return result

    def hook(self, name: str, value: Any, accept: Callable[[Any], bool], current: Any = _NONE) -> Any:
        """Run every ``<collection>_<name>`` hook in turn; each result of the right type replaces ``value``."""
        if not self.hooks:
            return value
        for hook in self.site.registry.hooks.find(self.collection, name):
            given = wrap(normalise(value)) if isinstance(value, (dict, list)) else value
            answer = run_hook(self.site, hook, given, self.context(current))
            value = plain(answer) if accept(answer) else plain(given)
        return value

    def run(self, body: Callable[[], T]) -> T:
        """``body()``; on failure ``onFailure`` decides; then the queued data events fire (also on failure).

        What ``onFailure`` returns stands in for the result, whatever its type (as on Wix).
        """
        try:
            result = body()
        except Exception as exc:
            try:
                result = cast(T, self.failed(exc))
            finally:
                self.deliver()
            return result
        self.deliver()
        return result

    def deliver(self) -> None:
        """Fire the queued data events (:mod:`wixevents.velo.cascade`), once each."""
        events, self.events = self.events, []
        for change, item in events:
            data_event(self.site, change, self.collection, item)

    def failed(self, exc: Exception) -> Any:
        """Run ``onFailure``: its value becomes the result; else ``exc`` (or what it raised) propagates."""
        if self.hooks:
            for hook in self.site.registry.hooks.find(self.collection, "onFailure"):
                answer = run_hook(self.site, hook, exc, self.context())
                if answer is not None:
                    return plain(answer)
        raise exc

    def changed(self, change: str, item: dict[str, Any]) -> None:
        """Queue a data event (``Created``, ``Updated``, ``Deleted``) for when the operation ends."""
        self.events.append((change, item))


def run_hook(site: VeloSite, hook: DataHook, argument: Any, context: WixObject) -> Any:
    """Call one hook as a history row; return its value, or raise what it raised."""
    outer = current_run()
    inside = outer is not None and outer.site is site
    parent, depth = (outer.seq, outer.depth + 1) if outer is not None and inside else (None, 1)
    fire = outer.fire if outer is not None and inside else 0
    seq, run_id, started = site._next("seq"), site.ids(), iso(site.clock.now())
    caused([seq])
    if depth > site.cascade_limit:
        error, note = limit_error(hook.name, depth, site.cascade_limit, parent)
        site.history.add_run(Run(seq, run_id, fire, hook.name, hook.name, hook.source, None, "cascade_limit",
                                 started, 0.0, None, error, (), (), parent, "hook", note))
        raise CascadeLimitError(error.message, "CASCADE_LIMIT")
    raised: list[BaseException] = []

    def call(value: Any) -> Any:
        try:
            answer = hook.fn(value, context)
        except Exception as exc:
            raised.append(exc)
            raise
        return _guarded(answer, raised) if inspect.isawaitable(answer) else answer

    run_context = RunContext(site, seq, hook.name, hook.source, argument, fire, depth, outer if inside else None)
    outcome = runner.run(call, argument, run_context, clock=site.clock, timeout=site.timeout,
                         measure=site.durations)
    site.history.add_run(Run(seq, run_id, fire, hook.name, hook.name, hook.source, None, outcome.status, started,
                             outcome.duration_ms, jsonable(outcome.value), outcome.error, outcome.logs,
                             tuple(run_context.close()), parent, "hook"))
    if outcome.status == "timeout":
        raise HookTimeout(f"{hook.name} {outcome.error.message if outcome.error else 'timed out'}", "HOOK_TIMEOUT")
    if outcome.status != "ok":
        if raised and isinstance(raised[0], Exception):
            raise raised[0]
        raise VeloError(str(outcome.error))
    return outcome.value


async def _guarded(awaitable: Any, raised: list[BaseException]) -> Any:
    try:
        return await awaitable
    except Exception as exc:
        raised.append(exc)
        raise
