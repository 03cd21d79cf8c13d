"""Resolve the imports of a site file, following site files, into a graph of modules to define.

Decisions:

* a Wix module name (``wix-data``, ``@wix/data``... see :mod:`.shims`) resolves
  to the shim or placeholder registered in the engine under that name;
* ``./x``, ``../x``, ``backend/x`` (Wix's absolute form) and ``public/x`` are
  files of the site: ``backend/`` is the folder of the loaded file (``root``),
  ``public/`` its sibling ``public`` folder; ``.js`` and ``.jsw`` are tried
  after the exact name. A file outside those folders is refused, symbolic
  links included. Without a folder (a notebook cell), a relative import finds
  a module loaded before for the same source under that name;
* anything else is a Node built-in or an npm package from the site's ``node_modules``
  (:mod:`.npm`), or fails naming the package, file and line;
* every problem of every file is collected; nothing is raised here.
"""

from __future__ import annotations

import posixpath
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import npm
from .errors import JsProblem
from .model import ParsedModule
from .parse import parse
from .shims import unknown_module
from .shims.modules import import_problems

if TYPE_CHECKING:
    from .engine import JsEngine

__all__ = ["Graph"]


class Graph:
    """The entry module and every site file it imports, in load order."""

    def __init__(self, engine: JsEngine, source: str, root: Path | None) -> None:
        self.engine, self.source, self.root = engine, source, root
        self.modules: dict[str, tuple[ParsedModule, dict[str, str]]] = {}
        self.problems: list[JsProblem] = []
        self.npm_files: dict[str, Path] = {}  # rel -> file, for the files of npm packages

    def add(self, text: str, rel: str, kind: str | None, module_id: str | None = None) -> str:
        module_id = module_id or f"{self.source}/{rel}"
        if module_id in self.modules:
            return module_id
        return self.add_parsed(parse(text, rel.removeprefix("../"), kind), rel, module_id)

    def add_parsed(self, parsed: ParsedModule, rel: str, module_id: str, soft: bool = False) -> str:
        """Add a parsed module and resolve its imports; with ``soft`` (CommonJS ``require``) a module that
        cannot be found is a warning: the ``require`` throws only if it runs."""
        resolved: dict[str, str] = {}
        self.modules[module_id] = (parsed, resolved)  # before the imports: cycles end here
        self.problems.extend(parsed.problems)
        for spec, line in parsed.specifiers:
            before = len(self.problems)
            target = self.resolve(spec, rel, parsed.file, line)
            if target is not None:
                resolved[spec] = target
            if soft:
                self.problems[before:] = [replace(p, severity="warning") for p in self.problems[before:]]
        for dyn in parsed.dynamic:  # import('x'): a module that cannot be found fails when the line runs
            if dyn.specifier is None or dyn.specifier in resolved:
                continue
            before = len(self.problems)
            target = self.resolve(dyn.specifier, rel, parsed.file, dyn.line)
            if target is not None:
                resolved[dyn.specifier] = target
            self.problems[before:] = [replace(p, severity="warning", message=f"{p.message} (a dynamic import: "
                                              "its promise rejects when this line runs)")
                                      for p in self.problems[before:]]
        if parsed.kind != "commonjs" and not module_id.startswith("npm:"):
            self._requires(parsed, rel, resolved)
        for imp in parsed.imports:
            if imp.specifier in resolved and resolved[imp.specifier] == imp.specifier:
                self.problems.extend(import_problems(imp, parsed.file, self.engine))
        return module_id

    def _requires(self, parsed: ParsedModule, rel: str, resolved: dict[str, str]) -> None:
        """``require('x')`` in a site file (Wix bundles backend code, so real sites mix it with imports):
        resolved like an import; one that cannot be found is a warning, and throws when it runs."""
        for spec, line in npm.required(parsed.source.decode("utf-8", "replace")):
            if spec in resolved:
                continue
            before = len(self.problems)
            target = self.resolve(spec, rel, parsed.file, line)
            if target is not None:
                resolved[spec] = target
            self.problems[before:] = [replace(p, severity="warning", message=f"{p.message} (a require(): "
                                              "it throws when this line runs)") for p in self.problems[before:]]

    def resolve(self, spec: str, rel: str, file: str, line: int) -> str | None:
        if rel in self.npm_files:
            return npm.resolve_in_package(self, spec, self.npm_files[rel], file, line)
        if not spec.startswith(("./", "../", "/", "backend/", "public/")):
            if self.engine.provides(spec):
                return spec
            if spec.startswith(("wix-", "@wix/", "wixevents:")):
                self.problems.append(unknown_module(spec, file, line))
                return None
            here = (self.root / posixpath.dirname(rel)) if self.root is not None else None
            return npm.resolve_bare(self, spec, here, file, line)
        if spec.startswith("backend/"):
            target = posixpath.normpath(spec.removeprefix("backend/"))
        elif spec.startswith("public/"):
            target = "../" + posixpath.normpath(spec)
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), spec))
        if spec.startswith("/") or (target.startswith("..") and not target.startswith("../public/")):
            self.problems.append(JsProblem(file, line, "outside-site", f"'{spec}' points outside the site's "
                                           "backend and public folders; only site files can be imported."))
            return None
        for candidate in (target, f"{target}.js", f"{target}.jsw"):
            module_id = f"{self.source}/{candidate}"
            if module_id in self.modules or (self.root is None and self.engine.has_module(module_id)):
                return module_id
            path = _site_file(self.root, candidate)
            if path is not None:
                text = path.read_text(encoding="utf-8-sig")  # a JSON file imports as its value (default export)
                return self.add(f"export default {text};" if path.suffix == ".json" else text, candidate, None)
        where = f"next to {file}" if self.root is not None else "(no folder given: load the file from disk)"
        self.problems.append(JsProblem(file, line, "missing-module", f"cannot find '{spec}' {where}; looked for "
                                       f"{target}, {target}.js and {target}.jsw."))
        return None


def _site_file(root: Path | None, rel: str) -> Path | None:
    """The file ``rel`` under the backend folder ``root`` (or its sibling public/), if it exists inside them."""
    if root is None:
        return None
    path = (root / rel).resolve()
    allowed = (root.resolve(), (root / ".." / "public").resolve())
    return path if path.is_file() and any(path.is_relative_to(a) for a in allowed) else None
