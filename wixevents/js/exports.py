"""Turn one ``export`` statement into :class:`~.model.Export` records, or into problems.

The forms, and what becomes of them in ``events.js``/``data.js`` (Wix's rules,
research doc 3.9) versus a helper module:

==========================================  ======================  ===========
form                                        events.js / data.js     helper
==========================================  ======================  ===========
``export [async] function f(e) {}``         handler                 export
``export const f = [async] (e) => ...``     handler                 export
``export const f = localFunction``          handler                 export
``export const f = importedFunction``       re-export: rejected     export
``export const f = obj.method``             object property: rej.   export
``export const f = make(...)``              dynamic: rejected       export
``export const o = { f() {} }``             object: rejected        export
``export { f, g as h }``                    handler(s)              export
``export { x } from 'm'``, ``export *``     re-export: rejected     re-export
``export { f as "quoted" }``                computed: rejected      export
``export default ...``                      warning (never called)  export
==========================================  ======================  ===========

A rejected form is a problem *and* still an :class:`~.model.Export` record
(which ``ParsedModule.handlers`` leaves out, its line having an error), so the
rewrite can still turn the statement into a working module export: a site
loader may then load the file as Wix does, without calling those functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from .model import Export
from .syntax import _LITERALS, FUNCTION_VALUES, FUNCTIONS, Walker, is_async

if TYPE_CHECKING:
    from tree_sitter import Node

__all__ = ["read_export"]


class _At(TypedDict):
    start: int
    body: int
    end: int


def read_export(w: Walker, stmt: Node) -> list[Export]:
    """The exports of ``stmt`` (an ``export_statement``); unsupported forms become ``w.problems``."""
    source = stmt.child_by_field_name("source")
    decl = stmt.child_by_field_name("declaration")
    value = stmt.child_by_field_name("value")
    clause = next((c for c in stmt.named_children if c.type == "export_clause"), None)
    if source is not None:
        return _reexport(w, stmt, clause, w.name(source))
    if decl is not None:
        return _declaration(w, stmt, decl, any(c.type == "default" for c in stmt.children))
    if value is not None:
        return _default_value(w, stmt, value)
    if clause is not None:
        return _clause(w, stmt, clause)
    return []


def _specifiers(clause: Node) -> list[tuple[Node, Node, Node | None]]:
    found = []
    for spec in (s for s in clause.named_children if s.type == "export_specifier"):
        name = spec.child_by_field_name("name")
        if name is not None:
            found.append((spec, name, spec.child_by_field_name("alias")))
    return found


def _reexport(w: Walker, stmt: Node, clause: Node | None, spec: str) -> list[Export]:
    at = _At(start=stmt.start_byte, body=stmt.start_byte, end=stmt.end_byte)
    if clause is None:
        if w.wix:
            w.problem("export-star", stmt, spec=spec)
        ns = next((c for c in stmt.named_children if c.type == "namespace_export"), None)
        if ns is not None:
            return [Export(w.name(ns.named_children[-1]), w.line(stmt), "reexport", "*", source=spec, **at)]
        return [Export("*", w.line(stmt), "star", source=spec, **at)]
    found: list[Export] = []
    for node, name, alias in _specifiers(clause):
        local = w.name(name)
        exported = w.name(alias) if alias is not None else local
        if w.wix:
            w.problem("reexport", node, name=exported, what=f"'{local}'", spec=spec, local=local)
        found.append(Export(exported, w.line(node), "reexport", local, source=spec, **at))
    return found


def _declaration(w: Walker, stmt: Node, decl: Node, default: bool) -> list[Export]:
    at = _At(start=stmt.start_byte, body=decl.start_byte, end=stmt.end_byte)
    if decl.type in ("function_declaration", "generator_function_declaration", "class_declaration"):
        name = w.text(decl.child_by_field_name("name"))
        is_fn = decl.type != "class_declaration"
        form = "default" if default else ("function" if is_fn else "class")
        if default and w.wix:
            w.problem("default-export", stmt, "warning")
        return [Export("default" if default else name, w.line(stmt), form, name, is_fn, is_async(decl), **at)]
    found: list[Export] = []
    for d in (d for d in decl.named_children if d.type == "variable_declarator"):
        target, value = d.child_by_field_name("name"), d.child_by_field_name("value")
        names = w.bound(target)
        if target is not None and target.type != "identifier":
            for n in (n for n in names if w.handler_like(n)):
                w.problem("member-export", d, name=n, what=w.text(value) or "a destructuring pattern")
            found.extend(Export(n, w.line(d), "const", n, **at) for n in names)
            continue
        is_fn, is_async_fn = _value(w, names[0], value, d)
        found.append(Export(names[0], w.line(d), "const", names[0], is_fn, is_async_fn, **at))
    return found


def _value(w: Walker, name: str, value: Node | None, node: Node) -> tuple[bool, bool]:
    """Is the value of ``export const name = value`` a function (and async)? Reports Wix's forms."""
    if value is None:
        return False, False
    kind = value.type
    if kind in FUNCTION_VALUES:
        return True, is_async(value)
    if kind == "object":
        _object(w, value, node)
        return False, False
    if kind == "identifier":
        ref = w.text(value)
        if ref in w.imported and w.wix and w.handler_like(name):
            w.problem("reexport", node, name=name, what=f"'{ref}'", spec=w.imported[ref], local=ref)
        return ref in w.functions, w.functions.get(ref, False)
    if not (w.wix and w.handler_like(name)):
        return False, False
    if kind in ("member_expression", "subscript_expression"):
        w.problem("member-export", node, name=name, what=w.text(value))
    elif kind in _LITERALS:
        w.problem("not-a-function", node, name=name, what=_LITERALS[kind])
    else:
        w.problem("dynamic-export", node, name=name, what=f"an expression ({w.text(value)[:40]})")
    return False, False


def _object(w: Walker, obj: Node, node: Node) -> None:
    """Report an exported object literal that carries functions (Wix never calls them)."""
    names = []
    for prop in obj.named_children:
        key = prop.child_by_field_name("key") or prop.child_by_field_name("name")
        value = prop.child_by_field_name("value")
        if prop.type == "method_definition" or (value is not None and value.type in FUNCTIONS) or (
                prop.type == "shorthand_property_identifier" and w.text(prop) in w.functions):
            names.append(w.text(key) if key is not None else w.text(prop))
    if names and w.wix:
        first = names[0].strip("[]'\"")
        w.problem("object-export", node, name=first if first.isidentifier() else "NAME", what=", ".join(names))


def _default_value(w: Walker, stmt: Node, value: Node) -> list[Export]:
    if value.type == "object":
        _object(w, value, stmt)
    if w.wix:
        w.problem("default-export", stmt, "warning")
    local = w.text(value) if value.type == "identifier" else None
    return [Export("default", w.line(stmt), "default-value", local, value.type in FUNCTION_VALUES, is_async(value),
                   start=stmt.start_byte, body=value.start_byte, end=stmt.end_byte)]


def _clause(w: Walker, stmt: Node, clause: Node) -> list[Export]:
    found = []
    for node, name, alias in _specifiers(clause):
        local = w.text(name)
        exported = w.name(alias) if alias is not None else local
        if alias is not None and alias.type == "string" and w.wix:
            w.problem("computed-name", node, name=exported)
        elif local in w.imported and w.wix and w.handler_like(exported):
            w.problem("reexport", node, name=exported, what=f"'{local}'", spec=w.imported[local], local=local)
        found.append(Export(exported, w.line(node), "clause", local, local in w.functions,
                            w.functions.get(local, False), start=stmt.start_byte, body=stmt.end_byte,
                            end=stmt.end_byte))
    return found
