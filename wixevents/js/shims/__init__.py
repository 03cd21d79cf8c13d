"""The Wix modules a handler may import: simulated ones (JavaScript shims) and placeholders for the rest.

Handlers import Wix APIs under their Velo names (``import wixData from
'wix-data'``) or their SDK names (``import { items } from '@wix/data'``,
``import { auth } from '@wix/essentials'`` for ``auth.elevate``). Every name in
:data:`WIX_MODULES` resolves at load time, so a real site's ``events.js`` loads
as it is. A site's engine registers the shims of this folder
(:mod:`.install`: ``wix-data``, ``wix-crm-backend``, ``wix-members-backend``,
``wix-fetch``, ``wix-secrets-backend``, ``wix-auth`` and the SDK spellings
``@wix/data``, ``@wix/crm``, ``@wix/members``, ``@wix/secrets``,
``@wix/essentials``), which call the simulated Python APIs. Every other name
resolves to a *placeholder*: any export can be imported, and calling anything
in it throws ``Error: wix-bookings-backend.x() is not available yet: ...``.

Any other bare specifier is an npm package, which fails at load time with the
module name and the importing file and line (see :func:`unknown_module`).
"""

from __future__ import annotations

import difflib
import json

from ...events.catalog import catalog
from ...velo.generic import frontend_modules, modules_table
from ..errors import JsProblem

__all__ = ["INTERNAL", "SDK_MODULES", "VELO_MODULES", "WIX_MODULES", "placeholder_code", "unknown_module"]

#: The Velo modules named by the issue, then every module the event catalog documents.
VELO_MODULES = ("wix-data", "wix-crm-backend", "wix-members-backend", "wix-fetch", "wix-secrets-backend",
                "wix-auth", "wix-media-backend", "wix-bookings-backend", "wix-stores-backend", "wix-pay-backend",
                "wix-billing-backend", "wix-users-backend")
#: SDK packages: the issue's list, plus those of the six seed categories.
SDK_MODULES = ("@wix/data", "@wix/crm", "@wix/members", "@wix/secrets", "@wix/essentials", "@wix/media",
               "@wix/forms", "@wix/bookings", "@wix/ecom", "@wix/stores", "@wix/pricing-plans")
WIX_MODULES = tuple(dict.fromkeys((*VELO_MODULES, *catalog.modules, *SDK_MODULES, *modules_table())))
#: Built into the prelude; importable by shims only, never by user files.
INTERNAL = "wixevents:host"


def placeholder_code(name: str) -> str:
    """Code that registers the placeholder module ``name``."""
    return f"__wixevents.placeholder({json.dumps(name)});"


def unknown_module(spec: str, file: str, line: int) -> JsProblem:
    """The problem for an import that is neither a Wix module nor a backend file."""
    if spec.startswith("wixevents:"):
        return JsProblem(file, line, "reserved-module", f"'{spec}' is internal to wixevents and cannot be imported "
                         "by site code.")
    if spec in frontend_modules():
        return JsProblem(file, line, "frontend-module", f"'{spec}' is a frontend module: Wix lets only page code "
                         "import it, and backend files (events.js, data.js and what they import) cannot.")
    if spec.startswith(("wix-", "@wix/")):
        near = difflib.get_close_matches(spec, WIX_MODULES, n=1, cutoff=0.75)
        hint = f"Did you mean '{near[0]}'? " if near else ""
        return JsProblem(file, line, "unknown-module", f"'{spec}' is not a Wix module: Wix's reference documents "
                         f"no backend module of that name. {hint}Known: {', '.join(WIX_MODULES[:8])}, ... "
                         "(wixevents.js.shims.WIX_MODULES lists all).")
    return JsProblem(file, line, "npm-module", f"cannot import '{spec}' (line {line}): npm packages are not "
                     "available, because wixevents runs backend code in an embedded engine without Node.js or "
                     "node_modules. Import Wix modules (wix-data, @wix/data, ...) or your own backend files "
                     "('./utils.js', 'backend/utils.js'), or move the package's logic into a backend file.")
