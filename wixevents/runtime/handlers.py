"""Handler registration by Wix's naming rule, with sources and a stable call order.

A handler is a function named like the Velo export, ``<prefix>_<eventName>``
(``wixBilling_onInvoicePaid``); the name is checked against the catalog when the
function is registered, so a typo fails at once with suggestions. Aliases
(``wixBookingsV2_onBookingCreated``) register for the canonical event.

Each handler belongs to a *source*: the notebook, a file or a package, the way a
Wix site can hold its own ``events.js`` and one per Velo package. One function
name per source: registering the same name from the same source again replaces
the earlier function in place (re-running a notebook cell does not add a copy).

Call order (Wix documents none): the site's own source first (``"notebook"`` unless
the site says otherwise), then the other sources by name; inside a source,
in order of first registration.

Data hooks (``Orders_beforeInsert``) register through the same :meth:`Registry.add`;
they are kept apart in ``registry.hooks`` (see :mod:`wixevents.runtime.hooks`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import HandlerError
from ..events.catalog import EventType, catalog
from .hooks import DataHook, HookRegistry, hook_parts, unknown_name

__all__ = ["Handler", "Registry", "check_name"]


@dataclass(frozen=True)
class Handler:
    """A registered handler: its exported name, its event, its function and source."""

    name: str
    event: EventType
    fn: Callable[[Any], Any]
    source: str

    @property
    def is_async(self) -> bool:
        """True for ``async def`` and for a JavaScript ``export async function`` (which says so itself)."""
        declared = getattr(self.fn, "is_async", None)
        return declared if isinstance(declared, bool) else inspect.iscoroutinefunction(self.fn)

    def __repr__(self) -> str:
        kind = "async " if self.is_async else ""
        return f"<Handler {kind}{self.name} from {self.source!r} for {self.event.name}>"


def check_name(name: str) -> EventType:
    """The event a handler name stands for; ``UnknownEventType`` with suggestions if none."""
    if name not in catalog:
        raise unknown_name(name)
    return catalog[name]


def check_callable(fn: Any, name: str) -> None:
    """A handler is called as ``fn(event)``: it must accept exactly that call."""
    if not callable(fn):
        raise HandlerError(f"{name} is a {type(fn).__name__}, not a function; a Wix handler is a function of event.")
    try:
        inspect.signature(fn).bind(object())
    except TypeError:
        raise HandlerError(f"{name}{inspect.signature(fn)} cannot be called with one argument; "
                           f"write it as def {name}(event): ...") from None
    except ValueError:  # builtins without a signature: let them be
        pass


class Registry:
    """The handlers of one site, keyed by (source, name)."""

    def __init__(self, primary: str = "notebook") -> None:
        self.primary = primary
        self._handlers: dict[tuple[str, str], Handler] = {}
        self.hooks = HookRegistry(primary)

    def add(self, fn: Callable[..., Any], *, source: str | None = None,
            name: str | None = None) -> Handler | DataHook:
        """Register ``fn`` under its own name (or ``name``); replace any same name from that source.

        A data hook name (``<collection>_<hook>``) registers a data hook instead.
        """
        name = name or str(getattr(fn, "__name__", ""))
        if name not in catalog and hook_parts(name) is not None:
            return self.hooks.add(fn, name, source or self.primary)
        event = check_name(name)
        check_callable(fn, name)
        handler = Handler(name, event, fn, source or self.primary)
        self._handlers[(handler.source, name)] = handler  # an existing key keeps its position
        return handler

    def remove(self, name: str, source: str | None = None) -> list[Handler | DataHook]:
        """Unregister ``name`` (a handler or data hook) from ``source`` (every source when None)."""
        gone = [h for key, h in self._handlers.items() if key[1] == name and source in (None, key[0])]
        for h in gone:
            del self._handlers[(h.source, h.name)]
        return [*gone, *self.hooks.remove(name, source)]

    def for_event(self, event: str) -> list[Handler]:
        """Handlers of ``event`` (any spelling) in call order."""
        canonical = catalog[event].name
        found = [h for h in self._handlers.values() if h.event.name == canonical]
        return sorted(found, key=lambda h: (h.source != self.primary, h.source))  # stable sort

    def find(self, name: str, source: str | None = None) -> list[Handler]:
        """Handlers registered under exactly ``name`` (from ``source`` when given)."""
        return [h for (s, n), h in self._handlers.items() if n == name and source in (None, s)]

    def sources(self) -> list[str]:
        """Every source with a handler, in call order."""
        return sorted({s for s, _ in self._handlers}, key=lambda s: (s != self.primary, s))

    def __iter__(self) -> Iterator[Handler]:
        by_source = {s: i for i, s in enumerate(self.sources())}
        return iter(sorted(self._handlers.values(), key=lambda h: by_source[h.source]))

    def __len__(self) -> int:
        return len(self._handlers)

    def clear(self) -> None:
        self._handlers.clear()
        self.hooks.clear()
