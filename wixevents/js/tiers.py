"""Which tier a module a site imports belongs to: the one place that decides it.

``simulated``: a Wix module wixevents runs with state and Wix's rules, or a
Node built-in it provides; ``generic``: another documented Wix backend module
(the module table, :func:`wixevents.velo.generic.tier`): it imports, and calls
are recorded and answered without state; ``frontend``: a Wix module only page
code can import; ``unknown``: a ``wix-*`` or ``@wix/*`` name that is no Wix
backend module, or a Node built-in wixevents does not provide; ``npm`` for
anything else (present or missing is decided by the resolver).
"""

from __future__ import annotations

from ..velo.generic import tier
from .node import BUILTINS, builtin_name

__all__ = ["COMPLETE", "module_tier"]

#: Does :func:`module_tier` know every Wix module? It does: the module table is generated from Wix's
#: whole reference, so an ``unknown`` Wix module is one Wix would refuse and ``wixevents check`` says so.
COMPLETE = True


def module_tier(spec: str) -> str:
    """``simulated``, ``generic``, ``frontend``, ``unknown`` or ``npm`` for a bare import specifier."""
    builtin = builtin_name(spec)
    if builtin is not None:
        return "simulated" if builtin in BUILTINS else "unknown"
    if spec.startswith(("wix-", "@wix/")):
        return tier(spec)
    return "npm"
