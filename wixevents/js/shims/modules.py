"""JavaScript for every Wix backend module of the module table: generic-tier functions over the simulated ones.

Each module of :func:`wixevents.velo.generic.modules_table` becomes an ES module
whose named exports and default export are built by ``wixModule`` of
``common.js``: every documented function calls Python's generic tier
(:func:`wixevents.velo.generic.call`), except those a shim simulates, which
come from the shim. A simulated module's shim is registered under
``wixevents:sim/<name>`` and the public module wraps it, so ``import { notify }
from 'wix-crm-backend'`` works although only ``contacts`` and
``triggeredEmails`` keep state. :func:`wix_exports` lists the names site code
may import from a module (the resolver checks every import against it).
"""

from __future__ import annotations

import functools
import json
import re
from typing import TYPE_CHECKING, Any

from ...velo.generic import missing_export, modules_table
from ..errors import JsProblem
from ..model import Import

if TYPE_CHECKING:
    from ..engine import JsEngine

__all__ = ["SIM_PREFIX", "import_problems", "module_source", "wix_exports"]

SIM_PREFIX = "wixevents:sim/"
_IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
_RESERVED = frozenset({
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "export",
    "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return",
    "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let",
    "static", "enum", "await", "implements", "package", "protected", "interface", "private", "public"})


def _table(name: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in modules_table().get(name, {}).get("exports", {}).items():
        if value["kind"] == "function":
            out[key] = None
        elif value["kind"] == "namespace":
            out[key] = sorted(value["functions"])
        else:
            out[key] = {"value": value.get("value", {})}
    return out


def _builders(name: str) -> dict[str, list[str]]:
    """The query functions of module ``name`` by member path, with their builders' methods."""
    out: dict[str, list[str]] = {}
    for key, value in modules_table().get(name, {}).get("exports", {}).items():
        functions = {key: value} if value["kind"] == "function" else value.get("functions", {})
        for fn, spec in functions.items():
            if "builder" in spec:
                out[key if fn == key and value["kind"] == "function" else f"{key}.{fn}"] = spec["builder"]["methods"]
    return out


def _exportable(name: str) -> bool:
    return bool(_IDENT.match(name)) and name not in _RESERVED


def module_source(name: str, simulated: list[str] | None) -> str:
    """The ES module ``name``: its table's exports, over the shim's ``simulated`` exports when it has a shim."""
    names = sorted({*_table(name), *(simulated or [])} - {"default"})
    head = ['import { wixModule } from "wixevents:wix";']
    if simulated is not None:
        head.append(f"import * as sim from {json.dumps(SIM_PREFIX + name)};")
    head.append(f"const m = wixModule({json.dumps(name)}, {json.dumps(_table(name))}, "
                f"{'sim' if simulated is not None else 'null'}, {json.dumps(_builders(name))});")
    body = [f"export const {n} = m[{json.dumps(n)}];" for n in names if _exportable(n)]
    return "\n".join([*head, *body, "export default m;", ""])


@functools.cache
def wix_exports(name: str) -> tuple[str, ...] | None:
    """The names site code may import from Wix module ``name``; None when wixevents cannot tell (a placeholder)."""
    from ..parse import parse
    from .install import sources

    text = sources().get(name)
    if text is None or name.startswith("wixevents:"):
        return None
    found = parse(text, f"wixevents:shim/{name}", "module").exports
    if any(e.form == "star" for e in found):
        return None
    names = {e.name for e in found}
    return tuple(sorted(names))


def import_problems(imp: Import, file: str, engine: JsEngine | None = None) -> list[JsProblem]:
    """A problem for each name ``imp`` imports that its Wix module does not export (the closest suggested).

    A module the engine was given by hand (``engine.register_module("@wix/data", {...})``) is the
    user's own stand-in: its names are not checked against Wix's.
    """
    from .install import _CODE

    known = wix_exports(imp.specifier)
    own = engine._modules.get(imp.specifier) if engine is not None else None
    if known is None or (own is not None and own[0] != _CODE.get(imp.specifier)):
        return []
    out = []
    for imported, _ in imp.names:
        if imported in ("*",) or imported in known:
            continue
        choices = [k for k in known if k != "default"]
        out.append(JsProblem(file, imp.line, "unknown-export", missing_export(imp.specifier, imported, choices)))
    return out
