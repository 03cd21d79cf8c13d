"""One fire, start to end: record the fire, decide what runs, run it, record the rows.

Rows that are not handler runs get one row per fire, so nothing fired is lost
from the history: ``invalid_payload`` (the validation problems in ``error``),
``not_triggered_in_preview`` (with the handlers that would have run) and
``no_handler``. Handlers run one after another in the registry's call order,
each on its own copy of the event object, each isolated from the others'
failures. A fire made from inside a running handler of the same site records
that run's ``seq`` as ``parent`` and runs one level deeper (``RunContext.depth``).

The loop guard (Wix documents none, so this is a choice): a fire whose runs
would nest deeper than ``site.cascade_limit`` (default
:data:`DEFAULT_CASCADE_LIMIT`, 10) records one ``cascade_limit`` row instead of
running anything. Data events fired by simulated ``wix-data`` calls and data
hooks count, so a handler that keeps re-triggering itself ends in that row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from ..errors import HandlerError
from ..events.event import wrap
from . import runner
from .clock import iso
from .context import RunContext, current_run
from .failures import describe
from .firing import Prepared
from .handlers import Handler, Registry, check_callable, check_name
from .records import ErrorInfo, Fire, Run, jsonable
from .result import Result

if TYPE_CHECKING:
    from .core import SiteCore

__all__ = ["DEFAULT_CASCADE_LIMIT", "Progress", "dispatch", "limit_error", "pick_handler"]

#: How many runs may enclose each other, the outermost included (``site.cascade_limit``).
DEFAULT_CASCADE_LIMIT = 10


def dispatch(site: SiteCore, prepared: Prepared, handlers: list[Handler], trigger: str, *,
             check: bool = True, attempt: int = 1, delivered_at: str | None = None) -> Result:
    """Record the fire of ``prepared``, run ``handlers`` (unless a message row says why not).

    ``attempt`` and ``delivered_at`` (default: the fire's time) go on every row, for deliveries
    made by :mod:`wixevents.runtime.deliver`.
    """
    outer = current_run()
    inside = outer is not None and outer.site is site
    parent = outer.seq if outer is not None and inside else None
    depth = outer.depth + 1 if outer is not None and inside else 1
    fire = Fire(site._next("fire"), prepared.event, prepared.variant, prepared.payload, prepared.time,
                trigger, site.mode, prepared.event_id)
    site.history.add_fire(fire)
    delivery: dict[str, Any] = {"attempt": attempt, "delivered_at": delivered_at or fire.time}
    why = _why_nothing_runs(site, prepared, handlers, trigger, depth, parent)
    if why is not None:
        status, error, note = why
        run = Run(site._next("seq"), site.ids(), fire.fire, fire.event, None, None, fire.variant, status,
                  fire.time, 0.0, None, error, (), (), parent, trigger, note, **delivery)
        site.history.add_run(run)
        return Result(fire, [run], history=site.history)

    progress = Progress(site, prepared, fire, handlers, outer if inside else None, depth, check, delivery)
    watch = runner.watching()
    if watch is not None and watch.current is None:  # a fire of a batch: its supervisor may take over
        watch.progress = progress
    return progress.finish(0)


class Progress:
    """A fire's handler runs so far: lets a batch's supervisor finish the fire when a run times out."""

    def __init__(self, site: SiteCore, prepared: Prepared, fire: Fire, handlers: list[Handler],
                 outer: RunContext | None, depth: int, check: bool, delivery: dict[str, Any]) -> None:
        self.site, self.prepared, self.fire, self.handlers = site, prepared, fire, handlers
        self.outer, self.depth, self.check, self.delivery = outer, depth, check, delivery
        self.first = self.event()
        #: the payload's departures from the typings that validation accepted, on every run of the fire
        self.warned = tuple(str(w) for w in getattr(self.first, "warnings", ()))
        self.runs: list[Run] = []
        self.index = 0
        self.pending: tuple[int, str, str, RunContext] | None = None  # seq, run id, start time, context

    def event(self) -> Any:
        return self.prepared.event_object() if self.check else wrap(self.prepared.payload)

    def finish(self, start: int) -> Result:
        """Run the handlers from index ``start`` on; the fire's :class:`Result`."""
        for i in range(start, len(self.handlers)):
            self.index = i
            self.runs.append(self._run(self.handlers[i], self.first if i == 0 else self.event()))
        return Result(self.fire, self.runs, self.first, history=self.site.history)

    def take_over(self, outcome: runner.Outcome) -> Result:
        """Record the run in progress as ``outcome`` (its timeout) and run the rest in this thread."""
        assert self.pending is not None
        seq, run_id, started, context = self.pending
        self.runs.append(self._record(self.handlers[self.index], seq, run_id, started, context, outcome, None))
        return self.finish(self.index + 1)

    def _run(self, handler: Handler, event: Any) -> Run:
        site, fire = self.site, self.fire
        seq, run_id, started = site._next("seq"), site.ids(), iso(site.clock.now())
        context = RunContext(site, seq, handler.name, handler.source, event, fire.fire, self.depth, self.outer)
        self.pending = (seq, run_id, started, context)
        try:
            outcome = runner.run(handler.fn, event, context, clock=site.clock, timeout=site.timeout,
                                 measure=site.durations)
            value = jsonable(outcome.value)
        except (KeyboardInterrupt, runner.Abandoned):
            raise
        except BaseException as exc:  # every fire keeps its row, whatever escaped the handler
            outcome, value = runner.Outcome("error", None, describe(exc), (), 0.0), None
        return self._record(handler, seq, run_id, started, context, outcome, value)

    def _record(self, handler: Handler, seq: int, run_id: str, started: str, context: RunContext,
                outcome: runner.Outcome, value: Any) -> Run:
        fire = self.fire
        parent = self.outer.seq if self.outer is not None else None
        run = Run(seq, run_id, fire.fire, fire.event, handler.name, handler.source, fire.variant, outcome.status,
                  started, outcome.duration_ms, value, outcome.error, outcome.logs, tuple(context.close()), parent,
                  fire.trigger, **self.delivery, warnings=self.warned)
        self.site.history.add_run(run)
        return run


def limit_error(name: str, depth: int, limit: int, parent: int | None) -> tuple[ErrorInfo, str]:
    """The error and note of a ``cascade_limit`` row for ``name`` (an event or a data hook)."""
    message = (f"{name} did not run: it would run {depth} levels deep, past the site's cascade_limit of {limit}.")
    where = f" site.trace({parent}) shows the chain." if parent is not None else ""
    note = (f"Runs nest when a handler or data hook changes data that fires a handler or hook again; a chain "
            f"this deep is usually a loop.{where} If it is meant to be this deep, raise site.cascade_limit.")
    return ErrorInfo("CascadeLimit", message), note


def _why_nothing_runs(site: SiteCore, prepared: Prepared, handlers: list[Handler], trigger: str, depth: int,
                      parent: int | None) -> tuple[str, ErrorInfo | None, str] | None:
    """(status, error, note) of a fire that runs nothing, else None."""
    if depth > site.cascade_limit:
        return ("cascade_limit", *limit_error(prepared.event, depth, site.cascade_limit, parent))
    if prepared.error is not None:
        problems = [asdict(p) for p in prepared.problems]
        return ("invalid_payload", ErrorInfo("InvalidPayload", str(prepared.error), problems=problems),
                "The payload does not match the event's schema, so no handler ran.")
    names = ", ".join(f"{h.name} ({h.source})" for h in handlers) or "none registered"
    if trigger in ("fire", "cascade", "duplicate") and site.mode == "preview":
        return ("not_triggered_in_preview", None,
                f"Backend events do not fire in preview on Wix, only on the published site. Handlers that would "
                f"run when published: {names}. Run one by hand with site.test({prepared.event!r}, ...), like "
                "Wix's functional testing, or switch with site.mode = 'published'.")
    if not handlers:
        return ("no_handler", None,
                f"No handler is registered for {prepared.event}. Define def {prepared.event}(event): ... and "
                "register it with @site.handler, or load a file with site.load(path).")
    return None


def pick_handler(registry: Registry, handler: str | Callable[[Any], Any], source: str | None) -> Handler:
    """The one handler ``site.test`` runs: a function as given, or the registered one of that name."""
    if callable(handler):
        name = getattr(handler, "__name__", "")
        check_callable(handler, name)
        return Handler(name, check_name(name), handler, source or registry.primary)
    found = registry.find(handler, source)
    if len(found) == 1:
        return found[0]
    if not found:
        event = check_name(handler)  # an unknown name raises UnknownEventType here
        where = f" from source {source!r}" if source else ""
        raise HandlerError(f"no handler named {handler}{where} is registered (event {event.name}); "
                           "register it first or pass the function itself to site.test")
    sources = ", ".join(repr(h.source) for h in found)
    raise HandlerError(f"{handler} is registered from several sources ({sources}); pick one with source=...")

