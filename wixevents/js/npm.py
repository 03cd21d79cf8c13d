"""npm packages and Node built-ins for site code: Node's resolution over the site's ``node_modules``.

A bare import (``import axios from 'axios'``, ``require('lodash/get')``) that
is not a Wix module resolves, in order, to:

1. a module the site registered (``site.js_modules["axios"] = ...``, a stand-in);
2. a Node built-in wixevents provides (:mod:`.node`: ``crypto``, ``buffer``,
   ``util``, ``url``, also as ``node:crypto``); any other built-in is an error
   naming it;
3. a package in a ``node_modules`` folder of the importing file's folder or
   any folder above it (the site's root ``node_modules`` for a Wix site), as
   Node finds it: ``exports`` (conditions ``import``, ``module``, ``node``,
   ``default``, ``require``; subpaths), then ``module``, then ``main``, then
   ``index.js``; a subpath (``lodash/get``) is a file of the package;
4. else an error naming the package and the ``npm install`` line.

A package file is an ES module when it is ``.mjs``, its package says
``"type": "module"``, or it has ``import``/``export`` statements; otherwise it
is CommonJS and runs in a ``module``/``exports``/``require`` wrapper
(:func:`commonjs_code`) whose ``require`` calls were resolved at load time.
Pure-JavaScript packages run; packages that need Node's I/O fail when they
import a built-in wixevents does not provide.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import JsProblem
from .model import Import, ParsedModule
from .node import BUILTINS, builtin_name

if TYPE_CHECKING:
    from .resolve import Graph

__all__ = ["commonjs_code", "is_esm", "required", "resolve_bare", "resolve_in_package"]

_CONDITIONS = ("import", "module", "node", "default", "require")
_REQUIRE = re.compile(r"""\brequire\(\s*(['"])([^'"]+)\1\s*\)""")
_ESM = re.compile(r"^\s*(import\s*[\w{*'\"]|export\s+[\w{*])", re.MULTILINE)
_EXTENSIONS = ("", ".js", ".mjs", ".cjs", ".json", "/index.js", "/index.mjs", "/index.json")


def split_name(spec: str) -> tuple[str, str]:
    """``("@scope/pkg", "./sub")`` from ``@scope/pkg/sub``; the subpath is ``"."`` for the package itself."""
    parts = spec.split("/")
    n = 2 if spec.startswith("@") else 1
    rest = "/".join(parts[n:])
    return "/".join(parts[:n]), f"./{rest}" if rest else "."


def find_package(name: str, start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "node_modules" / name
        if (candidate / "package.json").is_file() or candidate.is_dir():
            return candidate
    return None


def _pick(target: Any) -> str | None:
    """A target of ``exports``: a path, or the first matching condition (nested conditions too)."""
    if isinstance(target, str):
        return target
    if isinstance(target, list):
        return next((p for p in map(_pick, target) if p), None)
    if isinstance(target, dict):
        for cond in _CONDITIONS:
            if cond in target:
                found = _pick(target[cond])
                if found:
                    return found
    return None


def _exports_target(exports: Any, sub: str) -> str | None:
    if not isinstance(exports, dict) or not any(k.startswith(".") for k in exports):
        return _pick(exports) if sub == "." else None
    if sub in exports:
        return _pick(exports[sub])
    for key, target in exports.items():  # "./*" patterns
        if "*" in key:
            head, _, tail = key.partition("*")
            if sub.startswith(head) and sub.endswith(tail):
                found = _pick(target)
                return found.replace("*", sub[len(head):len(sub) - len(tail) or None]) if found else None
    return None


def _file(path: Path) -> Path | None:
    for ext in _EXTENSIONS:
        candidate = Path(f"{path}{ext}")
        if candidate.is_file():
            return candidate
    return None


def package_entry(pkg: Path, sub: str) -> Path | None:
    """The file a package's ``sub`` path (``.`` or ``./x``) resolves to, by Node's rules."""
    meta: dict[str, Any] = {}
    if (pkg / "package.json").is_file():
        meta = json.loads((pkg / "package.json").read_text(encoding="utf-8"))
    if "exports" in meta:
        target = _exports_target(meta["exports"], sub)
        return _file(pkg / target) if target else None
    if sub != ".":
        return _file(pkg / sub)
    for field in ("module", "main"):
        if isinstance(meta.get(field), str):
            found = _file(pkg / meta[field])
            if found:
                return found
    return _file(pkg / "index")


def is_esm(path: Path, text: str) -> bool:
    if path.suffix in (".mjs", ".cjs"):
        return path.suffix == ".mjs"
    for folder in path.parents:
        meta = folder / "package.json"
        if meta.is_file():
            if json.loads(meta.read_text(encoding="utf-8")).get("type") == "module":
                return True
            break
    if not _ESM.search(text):
        return False
    from .parse import parse  # a line that looks like an import may sit in a comment: ask the parser

    parsed = parse(text, path.name, "module")
    return bool(parsed.imports or parsed.exports)


def resolve_bare(graph: Graph, spec: str, start: Path | None, file: str, line: int) -> str | None:
    """Resolve a bare specifier that no registered module provides; on failure add one problem."""
    builtin = builtin_name(spec)
    if builtin is not None:
        if builtin in BUILTINS:
            return builtin
        graph.problems.append(JsProblem(file, line, "node-builtin", f"'{spec}' is a Node built-in that wixevents "
                                        f"does not provide (it provides {', '.join(sorted(BUILTINS))}); wixevents "
                                        "runs backend code in an embedded engine, not in Node.js. Move the code "
                                        "that needs it out of the handler's path, or stand in a module: "
                                        f"site.js_modules[{spec!r}] = {{...}}."))
        return None
    name, sub = split_name(spec)
    pkg = find_package(name, start) if start is not None else None
    if pkg is None:
        where = "the site has no node_modules folder" if start is None or not any(
            (f / "node_modules").is_dir() for f in (start, *start.parents)) else f"no node_modules/{name} was found"
        graph.problems.append(JsProblem(file, line, "npm-module", f"cannot import '{spec}' (line {line}): it is an "
                                        f"npm package and {where} above the backend folder. Install it in the site's "
                                        f"folder (where package.json is): npm install {name} -- or stand one in: "
                                        f"site.js_modules[{name!r}] = '<JavaScript source>' or a Python object."))
        return None
    entry = package_entry(pkg, sub)
    if entry is None:
        graph.problems.append(JsProblem(file, line, "npm-entry", f"'{spec}': the package at node_modules/{name} "
                                        f"has no file for '{sub}' (looked at exports, module, main, index.js)."))
        return None
    return add_package_file(graph, entry)


def resolve_in_package(graph: Graph, spec: str, here: Path, file: str, line: int) -> str | None:
    """Resolve an import made by a package file: relative to it, else as a bare specifier from its folder."""
    if graph.engine.provides(spec):
        return spec
    if not spec.startswith((".", "/")):
        return resolve_bare(graph, spec, here.parent, file, line)
    target = _file(here.parent / spec)
    if target is None:
        graph.problems.append(JsProblem(file, line, "missing-module", f"cannot find '{spec}' next to {file}."))
        return None
    return add_package_file(graph, target)


def add_package_file(graph: Graph, path: Path) -> str:
    """Add a package file (ES module or CommonJS) to the graph; its module id."""
    parts = path.resolve().parts
    at = max(i for i, p in enumerate(parts) if p == "node_modules")
    rel = "/".join(parts[at:])
    module_id = f"npm:{rel}"
    if module_id in graph.modules:
        return module_id
    graph.npm_files[rel] = path
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".json":
        text = f"export default {text};"
    if path.suffix == ".json" or is_esm(path, text):
        return graph.add(text, rel, "module", module_id)
    parsed = ParsedModule(rel, "commonjs", text.encode("utf-8"))
    seen: set[str] = set()
    for match in _REQUIRE.finditer(text):
        spec = match.group(2)
        if spec not in seen:
            seen.add(spec)
            parsed.imports.append(Import(spec, (), text.count("\n", 0, match.start()) + 1))
    return graph.add_parsed(parsed, rel, module_id, soft=True)


def required(text: str) -> list[tuple[str, int]]:
    """Each ``require('x')`` with a string literal in ``text``: its specifier and line, first use only."""
    seen: dict[str, int] = {}
    for match in _REQUIRE.finditer(text):
        seen.setdefault(match.group(2), text.count("\n", 0, match.start()) + 1)
    return list(seen.items())


def commonjs_code(module_id: str, source: str, resolved: dict[str, str], file: str) -> str:
    """Define-code running CommonJS ``source`` with ``module``, ``exports`` and ``require`` (lines kept)."""
    head = (f"__wixevents.define({json.dumps(module_id)}, function (__wx_import, __wx_ns, __wixevents) {{ "
            f"const __wx_req = {json.dumps(resolved)}; const module = {{ exports: {{}} }}; "
            "const require = (s) => { if (!Object.prototype.hasOwnProperty.call(__wx_req, s)) throw new Error("
            f"`Cannot find module '${{s}}' required by {file}: wixevents resolves require() calls with a string "
            "literal when the package loads`); const ns = __wx_import(__wx_req[s]); "
            "return ns.__wx_cjs !== undefined ? ns.__wx_cjs : ns; }; "
            "Object.defineProperty(__wx_ns, '__wx_cjs', { get: () => module.exports }); "
            "const process = globalThis.process || { env: { NODE_ENV: 'production' }, platform: 'linux', "
            "version: 'v18.0.0', versions: {}, nextTick: (f, ...a) => Promise.resolve().then(() => f(...a)) }; "
            "(function (exports, require, module, __filename, __dirname, process, global) {")
    tail = (f"\n}}).call(module.exports, module.exports, require, module, {json.dumps(file)}, "
            f"{json.dumps(file.rpartition('/')[0])}, process, globalThis); "
            "__wixevents.exported(__wx_ns, { default: () => module.exports }); "
            "const e = module.exports; if (e !== null && (typeof e === 'object' || typeof e === 'function')) "
            "for (const k of Object.keys(e)) if (k !== 'default') __wixevents.exported(__wx_ns, { [k]: () => e[k] }); "
            f"}});\n//# sourceURL={file}\n")
    return head + source + tail
