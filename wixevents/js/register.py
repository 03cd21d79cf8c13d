"""Register a loaded JavaScript module's handlers and hooks in a site's registry, and report them.

Shared by ``site.load_js`` and the ``%%events_js`` cell magic. A module's
handlers are :class:`~.handler.JsHandler` objects, registered exactly as
Python functions are (``Registry.add``: a handler name registers a handler, a
``<Collection>_<hook>`` name a data hook), so the runtime calls them like a
``def``. Decisions:

* Loading a module again (same module id) **replaces** its handlers and
  unregisters the ones it no longer exports: their JavaScript function is gone,
  so leaving them registered would only fail at the next fire.
* Problems of a module that still loaded go into the report: unknown names
  (with the catalog's suggestions) as ``lookalikes``, every problem in
  ``problems``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .handler import JsHandler

if TYPE_CHECKING:
    from ..runtime.handlers import Handler, Registry
    from ..runtime.hooks import DataHook
    from ..runtime.loader import LoadReport
    from .loader import JsModule

__all__ = ["register_module"]

_UNKNOWN = ("unknown-name", "unknown-hook", "hook-in-events")


def register_module(registry: Registry, module: JsModule, report: LoadReport) -> list[Handler | DataHook]:
    """Register ``module``'s handlers under ``report.source``; add them and its problems to ``report``."""
    names = {h.__name__ for h in module.handlers}
    for item in [*registry, *registry.hooks]:
        if isinstance(item.fn, JsHandler) and item.fn.module.id == module.id and item.name not in names:
            registry.remove(item.name, item.source)
    added = [registry.add(handler, source=report.source, name=handler.__name__) for handler in module.handlers]
    report.registered.extend(added)
    for problem in module.problems:
        report.problems.append(problem)
        if problem.code in _UNKNOWN and problem.name:
            report.lookalikes[problem.name] = list(problem.suggestions)
    return added
