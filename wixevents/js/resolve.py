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
* anything else is an npm package and fails, naming the module, file and line;
* every problem of every file is collected; nothing is raised here.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

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

    def add(self, text: str, rel: str, kind: str | None, module_id: str | None = None) -> str:
        module_id = module_id or f"{self.source}/{rel}"
        if module_id in self.modules:
            return module_id
        parsed = parse(text, rel.removeprefix("../"), kind)
        resolved: dict[str, str] = {}
        self.modules[module_id] = (parsed, resolved)  # before the imports: cycles end here
        self.problems.extend(parsed.problems)
        for spec, line in parsed.specifiers:
            target = self.resolve(spec, rel, parsed.file, line)
            if target is not None:
                resolved[spec] = target
        for imp in parsed.imports:
            if imp.specifier in resolved and resolved[imp.specifier] == imp.specifier:
                self.problems.extend(import_problems(imp, parsed.file, self.engine))
        return module_id

    def resolve(self, spec: str, rel: str, file: str, line: int) -> str | None:
        if not spec.startswith(("./", "../", "/", "backend/", "public/")):
            if self.engine.provides(spec):
                return spec
            self.problems.append(unknown_module(spec, file, line))
            return None
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
                return self.add(path.read_text(encoding="utf-8-sig"), candidate, None)
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
