"""``site.api``: answers for generic-tier Wix functions (:mod:`.generic`), by module and member path.

::

    site.api.stub("wix-stores.v2", "products.getProduct", returns={"product": {"name": "Mug"}})
    site.api.stub("wix-pay-backend", "createPayment", returns=lambda paymentInfo: {"id": "pay-1"})

A stub is a value (each call gets a fresh copy) or a callable given the call's
arguments; stubbing the same function again replaces it. A module or function
Wix does not document is refused with the closest name; so is a simulated
function, which keeps state and never reads stubs.
"""

from __future__ import annotations

import threading
from typing import Any

from .errors import UnknownWixModule
from .generic import closest, entry, function_paths, modules_table, simulated

__all__ = ["ApiStubs"]


class ApiStubs:
    """``site.api``: answers for generic-tier functions, by module and member path (newest wins)."""

    def __init__(self) -> None:
        self._stubs: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()

    def stub(self, module_name: str, function: str, *, returns: Any = None) -> None:
        """Answer ``module_name``'s ``function`` with ``returns`` (a value, or a callable taking the call's args)."""
        if module_name not in modules_table():
            raise UnknownWixModule(f"'{module_name}' is not a Wix backend module wixevents knows; known: "
                           f"{', '.join(sorted(modules_table())[:12])}, ...")
        if entry(module_name, function) is None:
            known = function_paths(module_name)
            near = closest(function, known)
            raise KeyError(f"'{module_name}' has no function '{function}'"
                           + (f"; did you mean '{near}'?" if near else f"; it has {', '.join(known[:20])}"))
        if simulated(module_name, function) is not None:
            raise ValueError(f"'{module_name}' {function} is simulated (it keeps state and follows Wix's rules), so "
                             "a stub would never answer; seed the site instead (site.seed(...), site.secrets, "
                             "site.http.stub for wix-fetch).")
        with self._lock:
            self._stubs[(module_name, function)] = returns

    def answer(self, module_name: str, function: str) -> tuple[bool, Any]:
        with self._lock:
            key = (module_name, function)
            return (key in self._stubs, self._stubs.get(key))

    def clear(self) -> None:
        with self._lock:
            self._stubs.clear()

    def __repr__(self) -> str:
        with self._lock:
            lines = [f"{m} {f}" for m, f in self._stubs]
        empty = "No API stubs (site.api.stub(module, function, returns=...))"
        return "\n".join(["API stubs:", *lines]) if lines else empty
