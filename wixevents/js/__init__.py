"""Run real ``events.js`` / ``data.js`` handler code (JavaScript) in an embedded V8 engine.

Needs the ``js`` extra (``pip install "wixevents[js]"``: mini-racer and
tree-sitter; no Node.js). Names are imported on first use, so parsing and
export work with tree-sitter alone; using the engine without mini-racer raises
:class:`~wixevents.errors.MissingJsEngine`, an ``ImportError`` that says
how to install it.

Most code goes through a site instead (:mod:`.site_api`): ``site.load_js(path)``,
the ``%%events_js`` cell magic (:mod:`.magic`), ``site.export_events_js(folder)``;
the site's engine has the simulated Wix APIs installed (:mod:`.shims`). The
engine on its own:

::

    from wixevents.js import JsEngine, load_source

    engine = JsEngine()                                  # one isolate per site
    module = load_source(engine, '''
    export async function wixBilling_onInvoicePaid(event) {
      console.log("paid", event.id);
      return { total: event.amount?.value };
    }''')
    handler = module.handlers[0]                         # a JsHandler
    handler({"id": "inv-1", "amount": {"value": "10"}})  # -> {'total': '10'}
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import JsError, JsExportError, JsLoadError, JsOutOfMemory, JsProblem, JsTimeout, MissingJsEngine

if TYPE_CHECKING:
    from .engine import DEFAULT_MEMORY_LIMIT, DEFAULT_TIMEOUT, JsEngine
    from .export import export_events_js
    from .handler import JsHandler
    from .loader import JsModule, load_file, load_source
    from .model import Export, Import, ParsedModule
    from .parse import parse
    from .shims import WIX_MODULES

__all__ = [
    "DEFAULT_MEMORY_LIMIT", "DEFAULT_TIMEOUT", "WIX_MODULES", "Export", "Import", "JsEngine", "JsError",
    "JsExportError", "JsHandler", "JsLoadError", "JsModule", "JsOutOfMemory", "JsProblem", "JsTimeout",
    "MissingJsEngine", "ParsedModule", "export_events_js", "load_file", "load_source", "parse",
]

_WHERE = {
    "DEFAULT_MEMORY_LIMIT": "engine", "DEFAULT_TIMEOUT": "engine", "JsEngine": "engine",
    "export_events_js": "export", "JsHandler": "handler", "JsModule": "loader", "load_file": "loader",
    "load_source": "loader", "Export": "model", "Import": "model", "ParsedModule": "model", "parse": "parse",
    "WIX_MODULES": "shims",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'wixevents.js' has no attribute {name!r}")
    return getattr(import_module(f".{_WHERE[name]}", __name__), name)
