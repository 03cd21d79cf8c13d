"""The tree-sitter walk behind :func:`wixevents.js.parse.parse`: exports and whole-file checks.

One :class:`Walker` per file. It knows the file's imports and top-level
declarations, turns each ``export`` statement into :class:`~.parse.Export`
records (or into problems, for the forms Wix does not call), and scans the
whole tree for CommonJS exports, ``import()`` calls, top-level ``await`` and
syntax errors. Only syntax nodes are inspected; the source text is sliced by
the byte ranges tree-sitter reports, never searched with patterns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import JsProblem
from .model import DynamicImport
from .rules import explain, handler_like

if TYPE_CHECKING:
    from tree_sitter import Node

FUNCTIONS = frozenset({"function_declaration", "function_expression", "arrow_function", "method_definition",
                       "generator_function_declaration", "generator_function"})
FUNCTION_VALUES = frozenset({"function_expression", "arrow_function", "generator_function"})
_LITERALS = {"number": "a number", "string": "a string", "template_string": "a string", "true": "a boolean",
             "false": "a boolean", "null": "null", "undefined": "undefined", "array": "an array",
             "regex": "a regular expression", "class": "a class"}


def is_async(node: Node) -> bool:
    return any(c.type == "async" for c in node.children)


class Walker:
    """Collects exports, declarations and problems of one parsed file."""

    def __init__(self, source: bytes, file: str, kind: str) -> None:
        self.source, self.file, self.kind = source, file, kind
        self.wix = kind in ("events", "data")
        self.problems: list[JsProblem] = []
        self.declared: set[str] = set()
        self.functions: dict[str, bool] = {}
        self.imported: dict[str, str] = {}
        self.dynamic: list[DynamicImport] = []

    def text(self, node: Node | None) -> str:
        return "" if node is None else self.source[node.start_byte:node.end_byte].decode("utf-8", "replace")

    def name(self, node: Node) -> str:
        """An identifier's text, or a string literal's content."""
        text = self.text(node)
        return text[1:-1] if node.type == "string" else text

    def line(self, node: Node) -> int:
        return node.start_point.row + 1

    def problem(self, code: str, node: Node, severity: str = "error", **fields: str) -> None:
        self.problems.append(explain(code, self.file, self.line(node), severity, **fields))

    def scan_declarations(self, root: Node, imported: dict[str, str]) -> None:
        """Record top-level names, and which of them are functions (and async)."""
        self.imported = imported
        self.declared |= set(imported)
        for stmt in root.named_children:
            node = stmt.child_by_field_name("declaration") if stmt.type == "export_statement" else stmt
            if node is None:
                continue
            if node.type in ("function_declaration", "generator_function_declaration", "class_declaration"):
                name = self.text(node.child_by_field_name("name"))
                self.declared.add(name)
                if node.type != "class_declaration":
                    self.functions[name] = is_async(node)
            elif node.type in ("lexical_declaration", "variable_declaration"):
                for decl in (d for d in node.named_children if d.type == "variable_declarator"):
                    names, value = self.bound(decl.child_by_field_name("name")), decl.child_by_field_name("value")
                    self.declared.update(names)
                    if len(names) == 1 and value is not None and value.type in FUNCTION_VALUES:
                        self.functions[names[0]] = is_async(value)

    def bound(self, pattern: Node | None) -> list[str]:
        """Names a declaration binds (a plain name, or those inside a destructuring pattern)."""
        found, stack = [], [pattern] if pattern is not None else []
        while stack:
            node = stack.pop()
            if node.type in ("identifier", "shorthand_property_identifier_pattern"):
                found.append(self.text(node))
            elif node.type in ("assignment_pattern", "object_assignment_pattern"):
                left = node.child_by_field_name("left")
                stack.extend([left] if left is not None else [])
            elif node.type == "pair_pattern":
                value = node.child_by_field_name("value")
                stack.extend([value] if value is not None else [])
            else:
                stack.extend(reversed(node.named_children))
        return found

    def scan_tree(self, root: Node) -> list[JsProblem]:
        """CommonJS exports, ``import()``, top-level ``await`` and syntax errors anywhere in the file."""
        found: list[JsProblem] = self._syntax(root) if root.has_error else []
        stack: list[tuple[Node, bool]] = [(root, False)]
        while stack:
            node, inside = stack.pop()
            if node.type in ("assignment_expression", "augmented_assignment_expression"):
                left = node.child_by_field_name("left")
                if left is not None and self._commonjs(left):
                    code = "commonjs" if self.wix else "commonjs-helper"
                    found.append(explain(code, self.file, self.line(node), what=self.text(left)))
            elif node.type == "call_expression":
                fn, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
                if fn is not None and fn.type == "import":
                    first = args.named_children[0] if args is not None and args.named_children else None
                    literal = (first is not None and args is not None and first.type == "string"
                               and len(args.named_children) == 1)
                    self.dynamic.append(DynamicImport(self.name(first) if literal and first else None,
                                                      self.line(node), fn.start_byte, fn.end_byte))
            elif node.type == "await_expression" and not inside:
                found.append(explain("top-level-await", self.file, self.line(node)))
            inner = inside or node.type in FUNCTIONS
            stack.extend((child, inner) for child in reversed(node.children))
        return found

    def _commonjs(self, left: Node) -> bool:
        node: Any = left
        depth = 0
        while node is not None and node.type in ("member_expression", "subscript_expression"):
            obj = node.child_by_field_name("object")
            if (node.type == "member_expression" and obj is not None and self.text(obj) == "module"
                    and self.text(node.child_by_field_name("property")) == "exports"):
                return "module" not in self.declared
            node, depth = obj, depth + 1
        return depth > 0 and node is not None and self.text(node) == "exports" and "exports" not in self.declared

    def _syntax(self, root: Node) -> list[JsProblem]:
        found: list[JsProblem] = []
        stack = [root]
        while stack and len(found) < 3:
            node = stack.pop()
            if node.is_missing:
                found.append(explain("syntax", self.file, self.line(node), what=f"near here: missing {node.type!r}"))
            elif node.is_error:
                snippet = self.text(node).strip().splitlines()[0][:40] if self.text(node).strip() else ""
                found.append(explain("syntax", self.file, self.line(node), what=f"near {snippet!r}"))
            else:
                stack.extend(reversed([c for c in node.children if c.has_error or c.is_missing]))
        return found

    def handler_like(self, name: str) -> bool:
        return handler_like(name, self.kind)
