"""Read a backend file with tree-sitter: its imports, its exports and what Wix would not accept.

:func:`parse` never raises on bad code: it returns a :class:`ParsedModule`
whose ``problems`` list every syntax error, every unsupported export form
(explained by :mod:`.rules`) and every exported name the catalog does not know,
each with the file and line, so a loader can report them all at once.

Decisions:

* The *kind* of a file comes from its name: ``events.js`` holds event handlers,
  ``data.js`` data hooks, anything else is a helper ``module``. Wix's export rules
  and the catalog apply to the first two only.
* Line numbers are 1-based; byte offsets (``start``/``body``/``end``, hidden
  from repr) locate each statement for :mod:`.rewrite`, which blanks or replaces
  exactly those bytes and so keeps every line where the user wrote it.
* Export forms are recognised from the syntax tree, not by regular expressions;
  a name is "handler-like" when it has the ``<prefix>_<name>`` shape.
"""

from __future__ import annotations

from functools import cache
from pathlib import PurePosixPath

from .errors import MissingJsEngine
from .exports import read_export
from .model import Export, Import, ParsedModule
from .rules import check_name, explain, handler_like
from .syntax import Walker

try:
    from tree_sitter import Language, Node, Parser
    from tree_sitter_javascript import language
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise MissingJsEngine(exc.name or "tree-sitter") from exc

__all__ = ["Export", "Import", "ParsedModule", "file_kind", "parse"]


def file_kind(file: str) -> str:
    """``events`` for events.js, ``data`` for data.js, ``module`` for any other file."""
    return {"events.js": "events", "data.js": "data"}.get(PurePosixPath(file).name, "module")


@cache
def _language() -> Language:
    return Language(language())


def parse(text: str | bytes, file: str = "events.js", kind: str | None = None) -> ParsedModule:
    """Parse ``text`` (the content of ``file``) and collect imports, exports and problems."""
    source = text.encode("utf-8") if isinstance(text, str) else text
    root = Parser(_language()).parse(source).root_node
    module = ParsedModule(file, kind or file_kind(file), source)
    walker = Walker(source, file, module.kind)
    for stmt in root.named_children:
        if stmt.type == "import_statement":
            module.imports.append(_import(walker, stmt))
    walker.scan_declarations(root, {local: i.specifier for i in module.imports for _, local in i.names})
    for stmt in root.named_children:
        if stmt.type == "export_statement":
            module.exports.extend(read_export(walker, stmt))
    module.problems.extend(walker.problems)
    module.problems.extend(walker.scan_tree(root))
    module.declared = set(walker.declared)
    module.dynamic = list(walker.dynamic)
    _check_names(module)
    module.problems.sort(key=lambda p: p.line)
    return module


def _import(walker: Walker, stmt: Node) -> Import:
    names: list[tuple[str, str]] = []
    clause = next((c for c in stmt.named_children if c.type == "import_clause"), None)
    for part in clause.named_children if clause else []:
        if part.type == "identifier":
            names.append(("default", walker.text(part)))
        elif part.type == "namespace_import":
            names.append(("*", walker.text(part.named_children[-1])))
        elif part.type == "named_imports":
            for item in (s for s in part.named_children if s.type == "import_specifier"):
                name, alias = item.child_by_field_name("name"), item.child_by_field_name("alias")
                imported = walker.name(name) if name else ""
                names.append((imported, walker.text(alias) if alias else imported))
    source = stmt.child_by_field_name("source")
    spec = walker.name(source) if source else ""
    return Import(spec, tuple(names), walker.line(stmt), stmt.start_byte, stmt.end_byte)


def _check_names(module: ParsedModule) -> None:
    seen: set[str] = set()
    for export in module.exports:
        if export.name in seen and export.form != "star":
            module.problems.append(explain("duplicate-export", module.file, export.line, name=export.name))
        seen.add(export.name)
        if export.name == "default" or export.form in ("reexport", "star"):
            continue
        if export.is_function or handler_like(export.name, module.kind):
            problem = check_name(export.name, module.kind, module.file, export.line)
            if problem is not None:
                module.problems.append(problem)

