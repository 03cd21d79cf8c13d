"""``SiteCore``: the firing machinery of a site -- handlers, mode, clock, fire, test, history.

The public :class:`wixevents.Site` is this class with two rooms added: the
simulated Wix APIs (:class:`wixevents.velo.site_api.VeloSite`) and JavaScript
handlers (:class:`wixevents.js.site_api.JsSite`). Each room extends
:meth:`SiteCore._setup`; :mod:`wixevents.site` assembles them and registers the
result as the kind of site :func:`default_site` makes, so code in this layer
never imports the layers above it.

Modes, as on Wix (research doc 3.1, 3.2): in ``"published"`` (default) a fire runs
every handler of the event; in ``"preview"`` backend events do not fire, so
``fire`` records one ``not_triggered_in_preview`` row, and ``site.test`` runs one
handler by hand in either mode, like Wix's functional testing.

Reproducible output: ``Site(clock=FixedClock())`` fixes event times and IDs (the
ID seed is fixed whenever the clock is) and turns duration measuring off
(``duration_ms`` 0.0); pass ``durations=True`` to measure anyway.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from ..events.samples import samples
from . import delivering, runner
from .batch import fire_batch
from .clock import Clock, FixedClock, IdGenerator, SystemClock
from .delivery import EXACTLY_ONCE, Delivery
from .dispatch import DEFAULT_CASCADE_LIMIT, dispatch, pick_handler
from .firing import prepare
from .handlers import Handler, Registry
from .history import History
from .hooks import DataHook
from .loader import LoadReport, load
from .result import Result, Results

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd

__all__ = ["Mode", "SiteCore", "default_site", "set_default_kind"]

Mode = Literal["published", "preview"]
F = TypeVar("F", bound=Callable[..., Any])
_default: SiteCore | None = None
_kind: list[type[SiteCore]] = []
_default_lock = threading.Lock()


class SiteCore:
    """Handlers, a mode, a clock and the history of everything fired (the base of ``wixevents.Site``)."""

    #: How many runs may nest inside each other (fires from handlers, data hooks, data events);
    #: a deeper one becomes a ``cascade_limit`` row. Wix documents no limit: 10 is a choice.
    cascade_limit: int = DEFAULT_CASCADE_LIMIT

    def __init__(self, *, mode: Mode = "published", clock: Clock | None = None,
                 timeout: float | None = runner.DEFAULT_TIMEOUT, durations: bool | None = None,
                 seed: str | None = None, source: str = "notebook") -> None:
        """Make an empty site.

        ``mode``: ``"published"`` or ``"preview"``. ``clock``: where times come from
        (``SystemClock()`` by default). ``timeout``: seconds each handler may run
        (14, see :mod:`wixevents.runtime.runner`; None for no limit). ``durations``: measure
        run times (default: unless the clock is fixed). ``seed``: the ID seed
        (default: fixed with a fixed clock, else random). ``source``: the name of
        the site's own source, whose handlers run first.
        """
        if timeout is not None and not timeout > 0:
            raise ValueError(f"timeout must be a positive number of seconds or None, got {timeout!r}")
        self.mode = mode
        self.clock: Clock = clock or SystemClock()
        self.timeout = timeout
        self.durations = durations if durations is not None else not self.clock.fixed
        self.ids = IdGenerator(seed if seed is not None else ("wixevents" if self.clock.fixed else None))
        self.registry = Registry(source)
        self.history = History()
        self._counter = {"seq": 0, "fire": 0}
        self._lock = threading.Lock()
        #: How events reach handlers (:mod:`wixevents.runtime.delivery`); exactly once by default.
        self.delivery: Delivery = EXACTLY_ONCE
        #: The last ``entityEventSequence`` given to each entity by ``play`` (module:entityId → number).
        self.sequences: dict[str, int] = {}
        self._setup()

    def _setup(self) -> None:
        """Make the per-site state of each room; rooms extend this and call ``super()._setup()``."""

    @property
    def mode(self) -> Mode:
        return self._mode

    @mode.setter
    def mode(self, value: Mode) -> None:
        if value not in ("published", "preview"):
            raise ValueError(f"mode must be 'published' or 'preview', got {value!r}")
        self._mode: Mode = value

    # -- handlers ---------------------------------------------------------------------------------

    @overload
    def handler(self, fn: F, /) -> F: ...
    @overload
    def handler(self, fn: None = None, /, *, source: str | None = None) -> Callable[[F], F]: ...

    def handler(self, fn: F | None = None, /, *, source: str | None = None) -> F | Callable[[F], F]:
        """Decorator: ``@site.handler`` or ``@site.handler(source="my-package")``; returns the function."""
        def register(f: F) -> F:
            self.registry.add(f, source=source)
            return f
        return register(fn) if fn is not None else register

    def register(self, fn: Callable[..., Any], *, source: str | None = None,
                 name: str | None = None) -> Handler | DataHook:
        """Register ``fn`` under its own name (or ``name``); same name and source replaces.

        A data hook name (``Orders_beforeInsert``) registers a data hook (see :mod:`wixevents.runtime.hooks`).
        """
        return self.registry.add(fn, source=source, name=name)

    def unregister(self, name: str, source: str | None = None) -> list[Handler | DataHook]:
        return self.registry.remove(name, source)

    def load(self, target: Any, *, source: str | None = None) -> LoadReport:
        """Register every handler of a ``.py`` file or module; see :mod:`wixevents.runtime.loader`."""
        return load(self.registry, target, source)

    @property
    def handlers(self) -> list[Handler]:
        """Every registered handler, sources in call order."""
        return list(self.registry)

    # -- firing -----------------------------------------------------------------------------------

    def fire(self, name: str, sample: str | None = None, *, payload: Any = None,
             set: Mapping[str, Any] | None = None) -> Result:
        """Fire event ``name`` with a sample (default ``"default"``) or a payload; returns its rows.

        A sample gets a fresh ``metadata.id`` and ``metadata.eventTime``; an explicit
        payload is fired as given (see :mod:`wixevents.runtime.firing`).
        """
        prepared = prepare(name, sample, payload, set, now=self.clock.now(), new_id=self.ids)
        if delivering.plain(self):
            return dispatch(self, prepared, self.registry.for_event(prepared.event), "fire")
        return delivering.one(self, prepared)

    def fire_all(self, name: str, *, set: Mapping[str, Any] | None = None) -> Results:
        """Fire every sample variant of ``name``, in the order of ``wixevents.samples(name)``."""
        return Results(fire_batch(self, samples(name), lambda variant: self.fire(name, variant, set=set)))

    def fire_many(self, name: str, payloads: Iterable[Any], *, set: Mapping[str, Any] | None = None) -> Results:
        """Fire each payload (a dict or JSON text) in turn, as given (delivered as a sequence by ``site.delivery``).

        Delivered exactly once, the batch pays one thread hand-off, not one per run
        (:mod:`wixevents.runtime.batch`); timeouts, logs and history rows are as for single fires.
        """
        if delivering.plain(self):
            return Results(fire_batch(self, payloads, lambda p: self.fire(name, payload=p, set=set)))
        return delivering.many(self, [prepare(name, None, p, set, now=self.clock.now(), new_id=self.ids)
                                      for p in payloads])

    def play(self, scenario: Any, overrides: Mapping[str | int, Mapping[str, Any]] | None = None, *,
             delivery: Delivery | None = None) -> Results:
        """Fire a scenario (a built-in name from ``wixevents.scenarios``, or steps as data); see :mod:`.play`."""
        return delivering.play(self, scenario, overrides, delivery)

    def check_idempotent(self, target: Any, variant: str = "default") -> pd.DataFrame:
        """Deliver an event (or each event of a scenario) twice on fresh copies; see :mod:`.idempotency`."""
        return delivering.check_idempotent(self, target, variant)

    async def fire_async(self, name: str, sample: str | None = None, *, payload: Any = None,
                         set: Mapping[str, Any] | None = None) -> Result:
        """``await``-able :meth:`fire`; runs in a thread so the caller's event loop keeps turning."""
        return await asyncio.to_thread(self.fire, name, sample, payload=payload, set=set)

    def test(self, handler: str | Callable[[Any], Any], payload: Any = "default", *, source: str | None = None,
             set: Mapping[str, Any] | None = None, validate: bool = True) -> Result:
        """Run one handler by hand, in either mode, like Wix's functional testing.

        ``handler`` is a function (registered or not) or a registered handler name;
        ``payload`` a sample variant name, a dict or JSON text (stamped as in
        :meth:`fire`). ``validate=False`` hands even an invalid payload to the
        handler, to see how it copes.
        """
        chosen = pick_handler(self.registry, handler, source)
        is_variant = isinstance(payload, str) and not payload.lstrip().startswith(("{", "["))
        prepared = prepare(chosen.event.name, payload if is_variant else None, None if is_variant else payload,
                           set, now=self.clock.now(), new_id=self.ids, check=validate)
        return dispatch(self, prepared, [chosen], "test", check=validate)

    # -- tables -----------------------------------------------------------------------------------

    def logs(self) -> pd.DataFrame:
        """Every captured log line: run seq, handler, source, level, message, time, origin."""
        return self.history.logs()

    def payloads(self, name: str | None = None) -> pd.DataFrame:
        """The fired payloads of ``name`` flattened to dotted-path columns, one row per fire."""
        return self.history.payloads(name)

    def load_history(self, path: str | os.PathLike[str]) -> History:
        """Add a history saved with ``site.history.save(path)`` to this site's history; returns what was read.

        The loaded fires and runs keep their numbers; later fires on this site
        number on from the highest loaded ``seq`` and ``fire``. To read a file
        without touching a site, use ``History.load(path)``.
        """
        loaded = History.load(path)
        with self._lock:
            taken = {r.seq for r in self.history.runs}
            clash = sorted(taken & {r.seq for r in loaded.runs})
            if clash:
                raise ValueError(f"{path} holds runs numbered {clash[0]}.. which this site already has; load it "
                                 "into a fresh Site(), or read it alone with History.load(path)")
            for fire in loaded.fires:
                self.history.add_fire(fire)
            for run in loaded.runs:
                self.history.add_run(run)
            self._counter["seq"] = max([self._counter["seq"], *(r.seq for r in loaded.runs)])
            self._counter["fire"] = max([self._counter["fire"], *(f.fire for f in loaded.fires)])
        return loaded

    def _fresh_copy(self) -> SiteCore:
        """A site with these handlers, mode and timeout, a fixed clock and empty history (rooms copy seeds)."""
        copy = type(self)(mode=self.mode, clock=FixedClock(), timeout=self.timeout, seed="fresh-copy")
        copy.registry = self.registry
        return copy

    def _state_snapshot(self) -> dict[str, list[Any]]:
        """What the site holds now, comparable between copies (rooms add their stores)."""
        return {}

    def _next(self, counter: str) -> int:
        with self._lock:
            self._counter[counter] += 1
            return self._counter[counter]

    def __repr__(self) -> str:
        sources = ", ".join(self.registry.sources()) or "no sources"
        hooks = len(self.registry.hooks)
        counted = f"{len(self.registry)} handler(s)" + (f" and {hooks} data hook(s)" if hooks else "")
        return (f"<Site {self.mode}: {counted} from {sources}; "
                f"{len(self.history.fires)} fire(s), {len(self.history)} run(s)>")


def set_default_kind(kind: type[SiteCore]) -> None:
    """Make :func:`default_site` build sites of ``kind`` (:mod:`wixevents.site` registers ``Site``)."""
    _kind[:] = [kind]


def default_site() -> SiteCore:
    """The module-level site, for code that runs outside any fire (made on first use)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = (_kind[0] if _kind else SiteCore)()
        return _default
