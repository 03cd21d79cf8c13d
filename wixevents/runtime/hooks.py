"""Data hooks (``backend/data.js``): registration by Wix's naming rule.

On Wix a data hook is a function exported from ``backend/data.js`` and named
``<collectionName>_<hookName>``, called with ``(argument, context)``:
``Orders_beforeInsert(item, context)``. The 17 hook names (``beforeInsert`` ...
``onFailure``) come from the catalog (``catalog.hooks``). Hooks register the
same way handlers do -- ``site.register``, ``@site.handler``, ``site.load`` --
and the name decides which one it is; a name that is neither gets suggestions
of both kinds. The simulated ``wix-data`` calls run them (:mod:`wixevents.velo.datahooks`).

Choices where Wix documents nothing: a hook name registered from several sources
(a site has one ``data.js``) runs once per source, in the registry's call order,
each getting the previous one's result; re-registering a name from the same
source replaces it, as for handlers.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import HandlerError, UnknownEventType
from ..events.catalog import HookType, catalog

__all__ = ["DataHook", "HookRegistry", "hook_parts", "unknown_name"]


@dataclass(frozen=True)
class DataHook:
    """A registered data hook: its name, collection, hook type, function and source."""

    name: str
    collection: str
    hook: HookType
    fn: Callable[..., Any]
    source: str

    @property
    def event(self) -> HookType:
        """The hook type (``event.name`` is ``beforeInsert``...), so code listing handlers reads hooks too."""
        return self.hook

    @property
    def stage(self) -> str:
        """``before``, ``after`` or ``failure``."""
        return self.hook.stage

    def __repr__(self) -> str:
        return f"<DataHook {self.name} from {self.source!r}: {self.hook.name} of {self.collection}>"


def hook_parts(name: str) -> tuple[str, HookType] | None:
    """``(collection, HookType)`` when ``name`` is ``<collection>_<hook>`` with a known hook, else None."""
    collection, _, hook = name.rpartition("_")
    found = catalog.hooks.get(hook)
    return (collection, found) if collection and found is not None else None


def unknown_name(name: str) -> UnknownEventType:
    """The error for a name that is neither a handler nor a hook name, with the closest of both."""
    collection, _, suffix = name.rpartition("_")
    close = difflib.get_close_matches(suffix, list(catalog.hooks), n=3) if collection else []
    hooks = [f"{collection}_{h}" for h in close]
    events = catalog.suggest(name)
    if suffix.startswith(("before", "after")) or (hooks and not events):
        return UnknownEventType(name, hooks or events, "event handler or data hook name")
    return UnknownEventType(name, events + hooks, "event handler or data hook name")


def check_hook_callable(fn: Any, name: str) -> None:
    """A hook is called as ``fn(argument, context)``: it must accept exactly that call."""
    if not callable(fn):
        raise HandlerError(f"{name} is a {type(fn).__name__}, not a function; a data hook is a function "
                           "of (argument, context).")
    try:
        inspect.signature(fn).bind(object(), object())
    except TypeError:
        raise HandlerError(f"{name}{inspect.signature(fn)} cannot be called with two arguments; "
                           f"write it as def {name}(item, context): ...") from None
    except ValueError:  # builtins without a signature
        pass


class HookRegistry:
    """The data hooks of one site, keyed by (source, name)."""

    def __init__(self, primary: str = "notebook") -> None:
        self.primary = primary
        self._hooks: dict[tuple[str, str], DataHook] = {}

    def add(self, fn: Callable[..., Any], name: str, source: str | None = None) -> DataHook:
        parts = hook_parts(name)
        if parts is None:
            raise unknown_name(name)
        check_hook_callable(fn, name)
        hook = DataHook(name, parts[0], parts[1], fn, source or self.primary)
        self._hooks[(hook.source, name)] = hook
        return hook

    def remove(self, name: str, source: str | None = None) -> list[DataHook]:
        gone = [h for key, h in self._hooks.items() if key[1] == name and source in (None, key[0])]
        for h in gone:
            del self._hooks[(h.source, h.name)]
        return gone

    def find(self, collection: str, hook: str) -> list[DataHook]:
        """The hooks named ``<collection>_<hook>``, in call order (the site's own source first).

        A collection ID holding ``/`` (an app collection such as ``Members/PrivateMembersData``) is
        written with ``$`` in a hook's name, as Wix's code sidebar names it:
        ``Members$PrivateMembersData_beforeGet``; either spelling of the ID finds the hook.
        """
        key = collection.replace("/", "$")
        found = [h for h in self._hooks.values()
                 if h.collection.replace("/", "$") == key and h.hook.name == hook]
        return sorted(found, key=lambda h: (h.source != self.primary, h.source))

    def __iter__(self) -> Iterator[DataHook]:
        return iter(sorted(self._hooks.values(), key=lambda h: (h.source != self.primary, h.source)))

    def __len__(self) -> int:
        return len(self._hooks)

    def clear(self) -> None:
        self._hooks.clear()
