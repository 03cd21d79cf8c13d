"""The generic tier: every documented Wix backend function, callable, recorded, answering with a sample value.

::

    from wixevents.velo.generic import module
    stores = module("wix-stores.v2")
    product = stores.products.getProduct("a1b2")        # recorded; a generated Product
    module("wix-pay-backend").createPayment({...})

    site.api.stub("wix-stores.v2", "products.getProduct", returns={"product": {"name": "Mug"}})  # .api_stubs
    site.api.stub("wix-pay-backend", "createPayment", returns=lambda paymentInfo: {"id": "p-1"})

The module table (``velo/data/modules.json``, made by ``tools/gen_modules.py``
from Wix's reference) lists every backend module, the names it exports, each
function's parameter names and a sample value of its documented return type.
A call is one effect (module, ``function`` = the member path such as
``products.getProduct``, ``args`` by parameter name; extra arguments as
``arg3``...) and returns a fresh copy of that sample value, or what a stub of
``site.api`` gives: a value, or a Python callable called with the arguments.
Nothing else changes: these functions keep no state. Where wixevents simulates
a function (``wixevents.velo.modules()``, ``wix-http-functions``,
``wix-web-module``), ``module(name)`` gives the simulated one, as JavaScript's
import does. Each call is synchronous, like the rest of
``wixevents.velo``; the JavaScript shims return promises.
"""

from __future__ import annotations

import copy
import difflib
import functools
import json
from collections.abc import Callable
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from .errors import UnknownExport, UnknownWixModule
from .record import recorded

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["GenericModule", "call", "closest", "exports", "function_paths", "module", "modules_table",
           "simulated", "tier"]


@functools.cache
def modules_table() -> dict[str, Any]:
    """``{module name: {"exports": {name: entry}}}`` as generated (a function, a namespace or a value)."""
    text = files("wixevents.velo").joinpath("data/modules.json").read_text(encoding="utf-8")
    table: dict[str, Any] = json.loads(text)["modules"]
    return table


@functools.cache
def frontend_modules() -> frozenset[str]:
    """Wix modules only page code can import (``wix-window``, ``wix-location-frontend``...)."""
    text = files("wixevents.velo").joinpath("data/modules.json").read_text(encoding="utf-8")
    return frozenset(json.loads(text)["frontend"])


def exports(name: str) -> list[str] | None:
    """The names module ``name`` exports, or None for a module the table does not know."""
    found = modules_table().get(name)
    return None if found is None else sorted(found["exports"])


def closest(word: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    if not found:
        lowered = {c.lower(): c for c in choices}
        return lowered.get(word.lower())
    return found[0]


def missing_export(module_name: str, name: str, known: list[str]) -> str:
    """The message for ``import { name } from module_name`` when the module does not export it."""
    near = closest(name, known)
    hint = f" Did you mean '{near}'?" if near else ""
    shown = ", ".join(known[:40]) + (", ..." if len(known) > 40 else "")
    return f"'{module_name}' has no export named '{name}'.{hint} It exports: {shown}."


def entry(module_name: str, path: str) -> dict[str, Any] | None:
    """The table entry of ``path`` (``getProduct`` or ``products.getProduct``) in ``module_name``."""
    mod = modules_table().get(module_name)
    if mod is None:
        return None
    head, _, rest = path.partition(".")
    found = mod["exports"].get(head)
    if found is not None and rest:
        found = found.get("functions", {}).get(rest) if found["kind"] == "namespace" else None
    return found if found is not None and found.get("kind") == "function" else None


#: SDK spellings whose simulated functions are those of a Velo module (as their JavaScript shims re-export).
SAME_AS = {"@wix/crm": "wix-crm-backend", "@wix/members": "wix-members-backend"}


def function_paths(module_name: str) -> list[str]:
    out = []
    for name, value in modules_table()[module_name]["exports"].items():
        if value["kind"] == "function":
            out.append(name)
        elif value["kind"] == "namespace":
            out.extend(f"{name}.{f}" for f in value["functions"])
    return out


def call(module_name: str, function: str, *args: Any) -> Any:
    """Run the generic-tier function ``function`` (member path) of ``module_name`` with ``args``: recorded."""
    found = entry(module_name, function)
    if found is None:
        raise AttributeError(f"'{module_name}' has no function '{function}' in Wix's reference")
    if "builder" in found:  # queryProducts(): a builder now, a recorded call at find()
        from .generic_query import GenericQuery

        return GenericQuery(module_name, function, found["builder"])
    params = found["params"]
    named = {(params[i] if i < len(params) else f"arg{i}"): a for i, a in enumerate(args)}

    def body(site: VeloSite) -> Any:
        stubbed, answer = site.velo.api.answer(module_name, function)
        if stubbed:
            return answer(*args) if callable(answer) else copy.deepcopy(answer)
        return copy.deepcopy(found["returns"])
    return recorded(module_name, function, named, body)


class GenericModule:
    """A module (or a namespace of one) whose functions are generic-tier calls: ``module("wix-pay-backend")``."""

    def __init__(self, module_name: str, path: str = "") -> None:
        self._module, self._path = module_name, path
        mod = modules_table()[module_name]["exports"]
        self._names = sorted(mod[path]["functions"]) if path else sorted(mod)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self._names:
            where = f"{self._module}.{self._path}" if self._path else self._module
            raise UnknownExport(missing_export(where, name, self._names))
        if not self._path:
            value = modules_table()[self._module]["exports"][name]
            if value["kind"] == "namespace":
                return GenericModule(self._module, name)
            if value["kind"] == "value":
                return copy.deepcopy(value["value"])
        path = f"{self._path}.{name}" if self._path else name
        own = simulated(self._module, path)
        if own is not None:
            return own
        fn: Callable[..., Any] = functools.partial(call, self._module, path)
        return fn

    def __dir__(self) -> list[str]:
        return list(self._names)

    def __repr__(self) -> str:
        return f"<Wix module {self._module}{'.' + self._path if self._path else ''} (generic tier)>"


def simulated(module_name: str, path: str) -> Any:
    """The simulated function at ``path`` of ``module_name`` when wixevents simulates it, else None."""
    from . import modules, wix_http_functions, wix_secrets_backend, wix_web_module

    pure = {"wix-http-functions": wix_http_functions, "wix-web-module": wix_web_module,
            "@wix/web-methods": wix_web_module,
            "@wix/secrets": wix_secrets_backend, "wix-secrets-backend.v2": wix_secrets_backend}
    if module_name in pure:
        found: Any = pure[module_name]
        for step in path.split("."):
            found = getattr(found, step, None)
        return found if callable(found) else None
    target: Any = modules().get(SAME_AS.get(module_name, module_name))
    for step in path.split("."):
        target = target.get(step) if isinstance(target, dict) else None
    return target if callable(target) else None


#: Modules with simulated functions beyond ``wixevents.velo.modules()`` (pure helpers and SDK spellings).
SIMULATED_TOO = ("wix-http-functions", "wix-web-module", "@wix/web-methods", "@wix/secrets", "wix-secrets-backend.v2",
                 "@wix/essentials", *SAME_AS)


def tier(name: str) -> str:
    """Which tier module ``name`` is in: ``simulated`` (some functions keep state), ``generic``, ``frontend``
    (page code only) or ``unknown`` (not a Wix module). A simulated module's other functions are generic."""
    from . import modules

    if name in modules() or name in SIMULATED_TOO:
        return "simulated"
    if name in modules_table():
        return "generic"
    return "frontend" if name in frontend_modules() else "unknown"


def module(name: str) -> GenericModule:
    """The generic-tier module ``name`` (``"wix-stores-backend"``, ``"@wix/stores"``...)."""
    if name in frontend_modules():
        raise UnknownWixModule(f"'{name}' is a frontend module: only page code can import it, not backend code.")
    if name not in modules_table():
        near = closest(name, sorted(modules_table()))
        raise UnknownWixModule(f"'{name}' is not a Wix backend module wixevents knows"
                                  + (f"; did you mean '{near}'?" if near else "."))
    return GenericModule(name)
