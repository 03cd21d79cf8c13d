"""Wix's rules for ``events.js`` and ``data.js`` exports, in wixevents' own words.

Wix's "Module export syntax" page (research doc 3.9) lists four export forms
that ``events.js``, ``data.js``, ``routers.js`` and service-plugin files do not
support: re-exporting a function imported from another module, dynamic exports
(an expression that has to run to produce the function), functions defined as
properties of an object, and CommonJS exports. Wix still loads such a file, but
the function is never called when its event fires. wixevents rejects these forms
with an explanation, so a handler that works here also fires on Wix.

Helper modules (any other backend file) may use every ES export form; only
CommonJS is refused there too, because there is no ``module`` object to run it.

Names: in ``events.js`` an export named ``<prefix>_<event>`` that the catalog
does not know is an error with suggestions (as for Python handlers); an export
without an underscore is a helper and only gets a warning that Wix never calls
it. In ``data.js`` the same holds for ``<Collection>_<hook>`` names.
"""

from __future__ import annotations

from ..errors import UnknownEventType
from ..events.catalog import catalog
from .errors import JsProblem

__all__ = ["IGNORED_FORMS", "NEVER_CALLED", "check_name", "explain", "handler_like"]

NEVER_CALLED = "On Wix a function exported this way is never called when its event fires."

_EXPLAIN = {
    "reexport": "{name} re-exports {what} from '{spec}'. Wix does not call handlers that {file} re-exports from "
                "another module; define the handler here and call the import from it: "
                "export const {name} = (event) => {local}(event);",
    "export-star": "export * from '{spec}' re-exports a whole module. Wix calls only handlers that {file} itself "
                   "defines and exports by name: export function wixPrefix_onEvent(event) {{...}}",
    "dynamic-export": "{name} is exported as the result of {what}, which has to run before the function exists "
                      "(a dynamic export). Create the function first, then export a wrapper: "
                      "const impl = ...; export const {name} = (event) => impl(event);",
    "member-export": "{name} is exported as a property of an object ({what}). Wix does not call functions "
                     "exported as object properties; export a wrapper: export const {name} = (event) => {what}(event);",
    "object-export": "Functions defined as properties of an exported object ({what}) are not handlers: Wix "
                     "calls only functions exported under their own name, never methods of an exported object. "
                     "Export each one: export function {name}(event) {{...}}",
    "computed-name": "'{name}' is exported under a quoted or computed name. Wix calls only functions exported "
                     "under a plain name: export function NAME(event) {{...}} with a valid identifier.",
    "commonjs": "{what} is a CommonJS export. {file} must use ES module exports: Wix never calls functions "
                "exported with module.exports or exports.name; write export function name(event) {{...}}",
    "commonjs-helper": "{what} is a CommonJS export. wixevents runs backend files as ES modules, where "
                       "module and exports do not exist; write export function name(...) {{...}}",
    "not-a-function": "{name} is exported as {what}, not a function; Wix calls handlers as functions: "
                      "export function {name}(event) {{...}}",
    "top-level-await": "await at the top level of a module is not supported by wixevents; "
                       "move it into the handler (async function).",
    "duplicate-export": "{name} is exported twice; a module can export a name only once.",
    "default-export": "The default export of {file} is never called by Wix: handlers are found by name. "
                      "Export each handler by name: export function wixPrefix_onEvent(event) {{...}}",
    "syntax": "JavaScript syntax error {what}.",
}
_WIX_FORMS = {"reexport", "export-star", "dynamic-export", "member-export", "object-export", "computed-name",
              "commonjs", "not-a-function"}
#: Forms Wix loads but never calls, and that still run as module code here (CommonJS does not: no ``module``).
IGNORED_FORMS = ("reexport", "export-star", "dynamic-export", "member-export", "object-export", "computed-name",
                 "not-a-function")


def explain(code: str, file: str, line: int, severity: str = "error", **fields: str) -> JsProblem:
    """A :class:`JsProblem` with the explanation for ``code`` (Wix's rule where one applies)."""
    values = {"name": "", "what": "", "spec": "", "local": "", "file": file} | fields
    message = _EXPLAIN[code].format(**values)
    if code in _WIX_FORMS and severity == "error":
        message += " " + NEVER_CALLED
    return JsProblem(file, line, code, message, severity, name=values["name"])


def handler_like(name: str, kind: str) -> bool:
    """Is ``name`` meant as a handler (events) or a hook (data)? Decided on the name alone."""
    if kind not in ("events", "data"):
        return False
    prefix, sep, rest = name.partition("_")
    return bool(sep and prefix and rest)


def check_name(name: str, kind: str, file: str, line: int) -> JsProblem | None:
    """Check an exported function's name against the catalog; a problem or None."""
    if kind == "events":
        if name in catalog:
            return None
        if not handler_like(name, kind):
            return JsProblem(file, line, "not-a-handler", f"{name} is not a Wix event name, so Wix never calls it "
                             "(fine for a helper; move helpers to another backend file to keep events.js clear).",
                             "warning", name=name)
        collection, _, hook = name.rpartition("_")
        if collection and hook in catalog.hooks:
            return JsProblem(file, line, "hook-in-events", f"{name} is a data hook ({hook} of collection "
                             f"{collection}), and data hooks run from data.js: Wix never calls a hook exported "
                             f"from {file}. Move it to backend/data.js.", "error", ("data.js",), name)
        found = catalog.suggest(name)
        hint = f" Did you mean {', '.join(found)}?" if found else ""
        return JsProblem(file, line, "unknown-name", f"{name} is not a Wix backend event handler name.{hint} "
                         "Handler names are <prefix>_<eventName>, e.g. wixBilling_onInvoicePaid; "
                         "browse them with wixevents.catalog.search('...').", "error", tuple(found), name)
    if kind == "data":
        if not handler_like(name, kind):
            return JsProblem(file, line, "not-a-hook", f"{name} is not a data hook name (<Collection>_<hook>), "
                             "so Wix never calls it.", "warning", name=name)
        try:
            catalog.hook(name)
        except UnknownEventType as exc:
            return JsProblem(file, line, "unknown-hook", str(exc), "error", tuple(exc.suggestions), name)
    return None
