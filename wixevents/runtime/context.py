"""Which handler run is executing right now: the hook for simulated Wix APIs.

While a handler runs, :func:`current_run` returns its :class:`RunContext`: the
site, the run's sequence number, the handler name and the event object. Code
called from the handler (a simulated ``wix-data`` call, say) uses it to find the
site it belongs to and to :meth:`RunContext.record` what it did; those effects
are stored on the run's history row. Outside a run, :func:`current_run` returns
None and such code uses the site made current with :func:`use_site` (``with
site.use(): ...``), else ``Site.default()``.

``depth`` counts how many runs enclose a run, itself included: a fire from a
notebook cell runs at depth 1, a fire or data hook started from inside that run
at depth 2, and so on. The site's ``cascade_limit`` caps it (see
:mod:`wixevents.runtime.dispatch`).

``outer`` is the run that started this one (same site), ``deadline`` the
``time.monotonic()`` at which the runner stops waiting for it. Code that stops
itself at that deadline (a JavaScript handler: its engine terminates the script)
sets ``bounded``, and the runner then gives it a short grace to report how it
ended (see :mod:`wixevents.runtime.runner`).

The context lives in a :class:`contextvars.ContextVar`, set by the runner inside
the worker thread (and therefore inside the handler's asyncio task), so
concurrent and nested runs each see their own. Threads a handler starts itself do
not inherit it (Python threads start with an empty context).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core import SiteCore

__all__ = ["RunContext", "activate", "current_run", "current_site", "use_site"]


@dataclass
class RunContext:
    """One handler run as code inside it sees it."""

    site: SiteCore
    seq: int
    handler: str
    source: str
    event: Any
    fire: int = 0
    depth: int = 1
    outer: RunContext | None = field(default=None, repr=False, compare=False)
    effects: list[dict[str, Any]] = field(default_factory=list)
    closed: bool = False
    deadline: float | None = field(default=None, repr=False, compare=False)
    bounded: bool = field(default=False, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def record(self, effect: dict[str, Any]) -> None:
        """Append one effect (a JSON-ready dict) to this run's effects.

        Effects recorded after the run ended (a timed-out handler still working in
        the background) are dropped: the run's row is already final.
        """
        with self._lock:
            if not self.closed:
                self.effects.append(dict(effect))

    def close(self) -> list[dict[str, Any]]:
        """End the run: later :meth:`record` calls are ignored. Returns the effects."""
        with self._lock:
            self.closed = True
            return list(self.effects)


_CURRENT: ContextVar[RunContext | None] = ContextVar("wixevents_current_run", default=None)
_SITE: ContextVar[SiteCore | None] = ContextVar("wixevents_current_site", default=None)


def current_run() -> RunContext | None:
    """The handler run executing in this thread or task, or None outside any run."""
    return _CURRENT.get()


def current_site() -> SiteCore:
    """The site of the current run, else the site of :func:`use_site`, else the module-level default site."""
    run = _CURRENT.get()
    if run is not None:
        return run.site
    chosen = _SITE.get()
    if chosen is not None:
        return chosen
    from .core import default_site

    return default_site()


@contextmanager
def use_site(site: SiteCore) -> Iterator[SiteCore]:
    """Make ``site`` the one code outside any run acts on, for the ``with`` block."""
    token = _SITE.set(site)
    try:
        yield site
    finally:
        _SITE.reset(token)


@contextmanager
def activate(run: RunContext) -> Iterator[RunContext]:
    """Make ``run`` the current run for the duration of the ``with`` block."""
    token = _CURRENT.set(run)
    try:
        yield run
    finally:
        _CURRENT.reset(token)
