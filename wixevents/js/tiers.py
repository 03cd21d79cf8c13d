"""Which tier a module a site imports belongs to: the one place that decides it.

``simulated``: a Wix module wixevents runs with state and Wix's rules (a shim of
:data:`~.shims.install.SHIMS`), or a Node built-in it provides;
``generic``: another Wix module wixevents knows (:data:`~.shims.WIX_MODULES`):
it imports, and calls are answered without state; ``unknown``: a ``wix-*`` or
``@wix/*`` name wixevents does not know, or a Node built-in it does not provide;
``npm`` for anything else (present or missing is decided by the resolver).
"""

from __future__ import annotations

from .node import BUILTINS, builtin_name
from .shims import WIX_MODULES
from .shims.install import SHIMS

__all__ = ["COMPLETE", "module_tier"]

#: Does :func:`module_tier` know every Wix module? While it does not (the list above is the modules
#: wixevents simulates or names, not Wix's full module table), an ``unknown`` Wix module may be a real one
#: that Wix loads, so ``wixevents check`` reports it as a warning, not as a file Wix would refuse.
COMPLETE = False


def module_tier(spec: str) -> str:
    """``simulated``, ``generic``, ``unknown`` or ``npm`` for a bare import specifier."""
    builtin = builtin_name(spec)
    if builtin is not None:
        return "simulated" if builtin in BUILTINS else "unknown"
    if spec in SHIMS:
        return "simulated"
    if spec in WIX_MODULES:
        return "generic"
    if spec.startswith(("wix-", "@wix/")):
        return "unknown"
    return "npm"
