"""Rewrite an ES module into code the isolate can run, keeping every line where it was.

V8 in mini-racer evaluates scripts, not modules, so module syntax is turned
into calls on the prelude's registry (``__wixevents``)::

    __wixevents.define("site:events.js", function (__wx_import, __wx_ns, __wixevents) {"use strict"; <imports>  LINE 1
    ... the user's lines 2..N, module syntax blanked in place ...
    });
    //# sourceURL=events.js

Decisions:

* **Lines never move.** The wrapper's head shares line 1 with the user's first
  line; every ``import``/``export`` keyword or statement that is removed is
  replaced by spaces (newlines kept), so stack traces and syntax errors name
  the user's file (``sourceURL``) and line. Only columns on line 1 shift.
* **Imports are hoisted** into the head, as ES modules hoist them: each becomes
  ``const local = __wixevents.get(ns, "name", ...)``, which throws a
  ``SyntaxError`` naming the file and line when the module lacks that export.
  Bindings are read once at load (not live); circular imports see what was
  exported so far.
* **Exports are getters** on the module namespace, defined before the imports
  run, so ``export let`` values are read when used and, in an import cycle,
  a module already sees the other's (hoisted) functions, as in ES modules.
* Module code is strict and its top-level ``this`` is ``undefined``, as in ES modules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from .model import ParsedModule
from .npm import required

__all__ = ["blank", "rewrite"]

_DEFAULT = "__wx_default = "  # as long as "export default ", so columns rarely move


_DECLARES_REQUIRE = re.compile(rb"\b(?:const|let|var|function|class)\s+require\b")


def rewrite(module: ParsedModule, module_id: str, resolved: Mapping[str, str], display: str | None = None) -> str:
    """The define-code for ``module``; ``resolved`` maps each specifier to a registered module id."""
    shown = " ".join((display or module.file).split())
    src = module.source
    edits: list[tuple[int, int, str]] = []
    head: list[str] = []
    getters: dict[str, str] = {}
    tail: list[str] = []
    names: dict[str, str] = {}

    def namespace(spec: str) -> str:
        if spec not in names:
            names[spec] = f"__wx_m{len(names)}"
            if spec in resolved:
                head.append(f"const {names[spec]} = __wx_import({json.dumps(resolved[spec])});")
            else:  # left unresolved by a dynamic import's load (a warning then): it fails when that import runs
                message = json.dumps(f"{shown}: cannot import '{spec}' (see the load report's warnings)")
                head.append(f"const {names[spec]} = (() => {{ throw new Error({message}); }})();")
        return names[spec]

    for imp in module.imports:
        var = namespace(imp.specifier)
        for imported, local in imp.names:
            where = json.dumps(f"{shown}:{imp.line}")
            value = var if imported == "*" else (
                f"__wixevents.get({var}, {json.dumps(imported)}, {json.dumps(imp.specifier)}, {where})")
            head.append(f"const {local} = {value};")
        edits.append((imp.start, imp.end, ""))
    uses_default = False
    for e in module.exports:
        if e.form in ("reexport", "star"):
            var = namespace(e.source or "")
            if e.form == "star":
                tail.append(f"__wixevents.reexport(__wx_ns, {var});")
            else:
                getters[e.name] = var if e.local == "*" else f"{var}[{json.dumps(e.local)}]"
            edits.append((e.start, e.end, ""))
        elif e.form == "default-value":
            uses_default = True
            edits += [(e.start, e.body, _DEFAULT), (e.end, e.end, ";")]
            getters["default"] = "__wx_default"
        else:  # function, class, const, clause, default (a named declaration)
            edits.append((e.start, e.body, ""))
            getters[e.name] = e.local or e.name
    if module.dynamic:  # import(x) -> __wx_d(x): the same length, so columns stay where they were
        table = dict(resolved)
        where = json.dumps(shown)
        head.append(f"const __wx_d = (s) => Object.prototype.hasOwnProperty.call(__wx_dt, s) ? "
                    f"Promise.resolve().then(() => __wx_import(__wx_dt[s])) : Promise.reject(new Error("
                    f"`Cannot find module '${{s}}' imported by ${{{where}}}: import() of a module wixevents "
                    f"could not resolve when the file loaded (a string literal resolves; a computed name "
                    f"only if that module is imported elsewhere)`)); const __wx_dt = {json.dumps(table)};")
        edits += [(d.start, d.end, "__wx_d") for d in module.dynamic]
    calls = required(src.decode("utf-8", "replace"))
    requires = {spec: resolved[spec] for spec, _ in calls if spec in resolved}
    if calls and not _DECLARES_REQUIRE.search(src):  # require() in a site file: the module it names
        where = json.dumps(shown)
        head.append("const require = (s) => { if (!Object.prototype.hasOwnProperty.call(__wx_rq, s)) throw new "
                    f"Error(`Cannot find module '${{s}}' required by ${{{where}}}: wixevents resolves require() "
                    "calls with a string literal when the file loads`); const ns = __wx_import(__wx_rq[s]); "
                    f"return ns.__wx_cjs !== undefined ? ns.__wx_cjs : ns; }}; const __wx_rq = {json.dumps(requires)};")
    if src.startswith(b"#!"):
        edits.append((0, src.find(b"\n") if b"\n" in src else len(src), ""))
    exported = ", ".join(f"{json.dumps(name)}: () => {local}" for name, local in getters.items())
    wrapper = (f'__wixevents.define({json.dumps(module_id)}, '
               'function (__wx_import, __wx_ns, __wixevents) {"use strict"; '
               f'{"let __wx_default; " if uses_default else ""}__wixevents.exported(__wx_ns, {{{exported}}}); '
               f'{" ".join(head)} {" ".join(tail)}')
    return f"{wrapper}{blank(src, edits)}\n}});\n//# sourceURL={shown}\n"


def blank(src: bytes, edits: list[tuple[int, int, str]]) -> str:
    """Replace each byte range by its text plus the range's newlines (blank ranges become spaces)."""
    out: list[str] = []
    pos = 0
    for start, end, text in sorted(set(edits), key=lambda e: (e[0], e[1])):
        if start < pos:  # overlapping edit (same statement listed twice): already applied
            continue
        out.append(src[pos:start].decode("utf-8", "replace"))
        removed = src[start:end].decode("utf-8", "replace")
        if text:
            out.append(text + "\n" * removed.count("\n"))
        else:
            out.append("".join(c if c == "\n" else " " for c in removed))
        pos = end
    out.append(src[pos:].decode("utf-8", "replace"))
    return "".join(out)
