"""Put the simulated Wix APIs into an engine: Python functions exposed, JavaScript shims registered.

:func:`install` exposes every simulated function of :func:`wixevents.velo.modules`
under its ``"<module>:<member path>"`` name (``"wix-data:insert"``,
``"wix-crm-backend:contacts.createContact"``) and registers the JavaScript
shims in this folder (:data:`SHIMS`), which call those names. So a JavaScript
handler's ``await wixData.insert(...)`` runs the very function a Python
handler's ``wix_data.insert(...)`` runs: same checks, hooks, cascades, state and
effects (the parity tests compare the tables).

Decisions:

* Shims are small ES modules, one per Wix module, built from two internal
  modules site code cannot import: ``wixevents:wix`` (``common.js``: the call,
  errors whose stack names the handler's line, ``elevate``, the fetch
  response) and ``wixevents:query`` (``query.js``: the chainable query builder,
  which only builds Python's query spec).
* Functions that return Python objects (``query`` builders, ``DataApi``, the
  ``elevate`` decorator) are not exposed; JavaScript has its own.
* Each exposed function runs with the site made current (``use_site``), so a
  call made while a module loads (outside any run) acts on this engine's site;
  inside a run the run's site wins anyway. The site is held weakly: an engine
  never keeps its site alive.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Mapping
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from ...runtime.context import use_site

if TYPE_CHECKING:
    from ...runtime.core import SiteCore
    from ..engine import JsEngine

__all__ = ["NOT_EXPOSED", "SHIMS", "host_functions", "install"]

#: Module name -> shim file, in registration order (a shim may import those before it).
SHIMS = {"wixevents:wix": "common.js", "wixevents:query": "query.js", "wix-data": "wix-data.js",
         "@wix/data": "sdk-data.js", "wix-crm-backend": "wix-crm-backend.js",
         "wix-members-backend": "wix-members-backend.js", "wix-fetch": "wix-fetch.js",
         "wix-secrets-backend": "wix-secrets-backend.js", "wix-auth": "wix-auth.js", "@wix/crm": "sdk-crm.js",
         "@wix/members": "sdk-members.js", "@wix/secrets": "sdk-secrets.js", "@wix/essentials": "sdk-essentials.js",
         "wix-secrets-backend.v2": "sdk-secrets-v2.js", "wix-web-module": "wix-web-module.js",
         "wix-http-functions": "wix-http-functions.js", "wix-media-backend": "wix-media-backend.js",
         "wix-users-backend": "wix-users-backend.js", "wix-data.v2": "wix-data-v2.js",
         "@wix/web-methods": "sdk-web-methods.js"}
#: Simulated Python functions JavaScript does not call: they return Python objects.
NOT_EXPOSED = frozenset({"wix-data:DataApi", "wix-data:query", "@wix/data:items.query", "wix-auth:elevate",
                         "wix-crm-backend:contacts.queryContacts"})


_CODE: dict[str, str] = {}


def host_functions() -> dict[str, Callable[..., Any]]:
    """Every simulated function JavaScript may call, by ``"<module>:<member path>"``."""
    from ...velo import modules

    found: dict[str, Callable[..., Any]] = {}

    def walk(module: str, members: Mapping[str, Any], path: str) -> None:
        for key, value in members.items():
            if isinstance(value, Mapping):
                walk(module, value, f"{path}{key}.")
            elif f"{module}:{path}{key}" not in NOT_EXPOSED:
                found[f"{module}:{path}{key}"] = value

    for module, members in modules().items():
        walk(module, members, "")
    return found


def shim_source(file: str) -> str:
    return files(__package__).joinpath(file).read_text(encoding="utf-8")


def install(engine: JsEngine, site: SiteCore | None = None) -> None:
    """Expose the simulated functions (acting on ``site`` outside runs) and register the shims."""
    ref = weakref.ref(site) if site is not None else None
    from ...velo.generic import call
    from ...velo.generic_query import find

    for name, fn in host_functions().items():
        engine.expose(name, _on_site(ref, fn))
    engine.expose("wixevents:generic", _on_site(ref, call))
    engine.expose("wixevents:generic-find", _on_site(ref, find))
    engine.register_code(_compiled(engine))
    from ..node import codes  # Node built-ins (crypto, buffer, util, url) and the global fetch

    engine.register_code(codes(engine))


@functools.cache
def sources() -> dict[str, str]:
    """Every module's ES source by the name it is registered under: shims, then the module table's modules.

    A shim of a module the table knows is registered as ``wixevents:sim/<name>`` and wrapped by
    the table's module (:mod:`.modules`), so its undocumented-by-shim functions are generic-tier calls.
    """
    from ...velo.generic import modules_table
    from ..parse import parse
    from .modules import SIM_PREFIX, module_source

    out: dict[str, str] = {}
    for module, file in SHIMS.items():
        text = shim_source(file)
        if module in modules_table():
            names = [e.name for e in parse(text, f"wixevents:shim/{module}", "module").exports]
            out[SIM_PREFIX + module] = text
            out[module] = module_source(module, names)
        else:
            out[module] = text
    for module in modules_table():
        out.setdefault(module, module_source(module, None))
    return out


def _compiled(engine: JsEngine) -> dict[str, str]:
    """The modules' define-code, compiled once per process (they are constants of the package)."""
    if not _CODE:
        from ..loader import compile_internal

        found = sources()
        for module, text in found.items():
            _CODE[module] = compile_internal(engine, module, text, also=found)
    return dict(_CODE)


def _on_site(ref: weakref.ref[SiteCore] | None, fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any) -> Any:
        site = ref() if ref is not None else None
        if site is None:
            return fn(*args)
        with use_site(site):
            return fn(*args)
    run.__name__ = getattr(fn, "__name__", "simulated")
    return run
