"""Load ``events.js``, ``data.js`` and the backend files they import into an engine.

``load_file(engine, "src/backend/events.js", source="site")`` or
``load_source(engine, cell_text, source="notebook")`` parse the file, follow
its imports, report every problem at once (:class:`~.errors.JsLoadError`),
define each module in the isolate and run the entry module; the result is a
:class:`JsModule` whose ``handlers`` are :class:`~.handler.JsHandler` objects.

Decisions:

* Nothing runs unless the whole graph (entry file and every site file it
  imports, resolved by :mod:`.resolve`) is free of errors; then every module is
  defined and the entry module run, and a JavaScript error while it runs fails
  the load with its file and line.
* Module ids are ``<source>/<path>`` (``site/events.js``), so one file name from
  two sources never collides; loading the same id again replaces the module,
  and handlers from the earlier load call the new code. ``module_id`` lets a
  caller keep several modules of one source apart (one per notebook cell).
* ``strict=False`` loads a file whose exported names the catalog does not know,
  or that exports functions in forms Wix loads but never calls (re-exports,
  dynamic or object-property exports, :data:`~.rules.IGNORED_FORMS`), as Wix
  itself does: they stay in ``problems`` and are not handlers. Syntax errors,
  CommonJS and imports that cannot be resolved fail the load either way.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from .engine import JsEngine
from .errors import JsError, JsLoadError, JsProblem
from .handler import JsHandler
from .model import ParsedModule
from .npm import commonjs_code
from .parse import parse
from .resolve import Graph
from .rewrite import rewrite
from .rules import IGNORED_FORMS
from .shims import INTERNAL

__all__ = ["JsModule", "Plan", "compile_internal", "graded", "load_file", "load_plans", "load_source", "plan_file"]

_LENIENT = ("unknown-name", "unknown-hook", "hook-in-events", *IGNORED_FORMS)


@dataclass
class JsModule:
    """A loaded entry file: its handlers and the problems that did not stop it (warnings)."""

    id: str
    file: str
    source: str
    kind: str
    text: str = field(repr=False)
    parsed: ParsedModule = field(repr=False)
    path: Path | None = None
    handlers: list[JsHandler] = field(default_factory=list)
    problems: list[JsProblem] = field(default_factory=list)


def graded(problems: list[JsProblem], strict: bool) -> list[JsProblem]:
    """The problems with the severity they have in this load: one problem, one severity.

    Without ``strict``, the names and export forms Wix loads but never calls
    (:data:`_LENIENT`) are warnings, whether or not the file has other problems."""
    if strict:
        return list(problems)
    return [replace(p, severity="warning") if p.code in _LENIENT and p.severity == "error" else p for p in problems]


@dataclass
class Plan:
    """A parsed entry file and the site files it imports, not yet defined in the engine."""

    graph: Graph
    entry: str
    text: str
    path: Path | None
    strict: bool
    grade: bool = True

    @property
    def problems(self) -> list[JsProblem]:
        return graded(self.graph.problems, self.strict) if self.grade else list(self.graph.problems)


def _load(engine: JsEngine, plan: Plan) -> JsModule:
    graph, entry, text, path = plan.graph, plan.entry, plan.text, plan.path
    problems = plan.problems
    lenient = () if plan.strict or plan.grade else _LENIENT  # a cell keeps them as errors it skips
    if any(p.severity == "error" and p.code not in lenient for p in problems):
        raise JsLoadError(problems)
    parsed = graph.modules[entry][0]
    with engine.lock:
        for module_id, (module, resolved) in graph.modules.items():
            try:
                engine.define(module_id, commonjs_code(module_id, module.source.decode("utf-8"), resolved, module.file)
                              if module.kind == "commonjs" else rewrite(module, module_id, resolved, module.file))
            except JsError as exc:
                file = exc.file if exc.file not in (None, "<anonymous>") else module.file  # V8 names no file here
                raise JsLoadError([JsProblem(file, exc.line or 1, "syntax",
                                             f"{exc.js_name}: {exc}")]) from None
        try:
            exports = engine.instantiate(entry)
        except JsError as exc:
            raise JsLoadError([JsProblem(exc.file or parsed.file, exc.line or 1, "load-error",
                                         f"{exc.js_name} while loading: {exc}\n{exc.stack}")]) from None
    loaded = JsModule(entry, parsed.file, graph.source, parsed.kind, text, parsed, path, problems=problems)
    for export in parsed.handlers:
        meta = exports.get(export.name, {})
        if meta.get("type") != "function":
            raise JsLoadError([JsProblem(parsed.file, export.line, "not-a-function", f"{export.name} is "
                                         f"{meta.get('type', 'missing')} when the module has run, not a function.")])
        loaded.handlers.append(JsHandler(engine, loaded, export.name, line=export.line, is_async=bool(meta["async"])))
    return loaded


def load_source(engine: JsEngine, text: str, *, filename: str = "events.js", source: str = "notebook",
                base_dir: str | Path | None = None, kind: str | None = None, module_id: str | None = None,
                strict: bool = True) -> JsModule:
    """Load JavaScript text as ``filename`` (a notebook cell, say); relative imports resolve in ``base_dir``."""
    rel = PurePosixPath(filename).as_posix()
    graph = Graph(engine, source, Path(base_dir) if base_dir is not None else None)
    entry = graph.add(text, rel, kind, module_id)
    return _load(engine, Plan(graph, entry, text, None, strict, grade=False))


def plan_file(engine: JsEngine, path: str | Path, *, source: str = "site", root: str | Path | None = None,
              kind: str | None = None, strict: bool = True) -> Plan:
    """Parse a file from disk and the site files it imports; nothing is defined in the engine yet."""
    path = Path(path)
    base = Path(root) if root is not None else path.parent
    rel = path.resolve().relative_to(base.resolve()).as_posix()
    text = path.read_text(encoding="utf-8-sig")
    graph = Graph(engine, source, base)
    entry = graph.add(text, rel, kind)
    return Plan(graph, entry, text, path, strict)


def load_file(engine: JsEngine, path: str | Path, *, source: str = "site", root: str | Path | None = None,
              kind: str | None = None, strict: bool = True) -> JsModule:
    """Load a file from disk (``src/backend/events.js``) with the site files it imports; ``root`` = backend folder."""
    return _load(engine, plan_file(engine, path, source=source, root=root, kind=kind, strict=strict))


def load_plans(engine: JsEngine, plans: list[Plan]) -> list[JsModule]:
    """Load several entry files (events.js and data.js) as one: every problem of every file is reported
    before anything is defined, each once (a helper two entries import is read once per entry)."""
    problems = list(dict.fromkeys(p for plan in plans for p in plan.problems))
    if any(p.severity == "error" for p in problems):
        raise JsLoadError(problems)
    return [_load(engine, plan) for plan in plans]


def compile_internal(engine: JsEngine, name: str, text: str, also: Collection[str] = ()) -> str:
    """Define-code for a shim written as an ES module; it may import Wix modules, ``wixevents:host``,
    and the modules named in ``also`` (shims compiled together, before any is registered)."""
    parsed = parse(text, f"wixevents:shim/{name}", "module")
    missing = [spec for spec, _ in parsed.specifiers
               if spec != INTERNAL and spec not in also and not engine.provides(spec)]
    problems = parsed.errors + [JsProblem(parsed.file, line, "unknown-module", f"'{spec}' is not registered")
                                for spec, line in parsed.specifiers if spec in missing]
    if problems:
        raise JsLoadError(problems)
    return rewrite(parsed, name, {spec: spec for spec, _ in parsed.specifiers}, parsed.file)
