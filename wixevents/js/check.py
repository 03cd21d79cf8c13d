"""``wixevents check``: a static report of a site's backend, without running any of it.

:func:`check` reads ``events.js``, ``data.js`` and every file they import
(web modules, helpers, npm packages in ``node_modules``) with the same parser
and resolver as ``site.load_js``, and returns one row per finding:

* handler and hook names Wix never calls (misspelt, wrong prefix, a data hook
  in events.js), with suggestions; export forms Wix does not call;
* deprecated events, with their replacement and how the payload's top-level
  fields differ; old Wix Forms (``wixCrm_onFormSubmit``) vs new
  (``wixForms_onSubmissionCreated``);
* every import, by tier (:mod:`.tiers`: simulated, generic, npm present /
  missing, unknown, site file);
* anything else that would stop a load (syntax errors, missing files).

``verdict`` is ``never-called`` for a handler Wix would not call, ``error``
for a file Wix would not load (a syntax error, a missing site file),
``warning`` for what wixevents cannot run but Wix can (an npm package not
installed here, a Wix module wixevents does not know), ``info`` otherwise;
:func:`calls_every_handler` is what ``wixevents check`` turns into exit 0 / 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import WixEventsError
from ..events.catalog import catalog
from .rules import IGNORED_FORMS
from .tiers import COMPLETE, module_tier

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CheckInputError", "calls_every_handler", "check", "check_rows"]

COLUMNS = ["file", "line", "category", "name", "verdict", "message", "suggestions"]
_NEVER = {"unknown-name", "unknown-hook", "hook-in-events", "commonjs", *IGNORED_FORMS}
_OLD_FORMS = {"wixCrm_onFormSubmit": "wixForms_onSubmissionCreated"}


class CheckInputError(WixEventsError, FileNotFoundError):
    """``check`` was given a path that is not a site backend (no events.js or data.js)."""


class _Static:
    """What the resolver asks of an engine, answered without one (no module was registered by hand)."""

    _modules: dict[str, str] = {}  # noqa: RUF012  (read only: the engine's hand-registered modules, none here)

    def provides(self, name: str) -> bool:
        return module_tier(name) in ("simulated", "generic") and not name.startswith("node:")

    def has_module(self, module_id: str) -> bool:
        return False


def _files(path: Path) -> tuple[Path, list[Path]]:
    """The backend folder and its entry files (events.js, data.js; none for a backend of web modules only)."""
    if path.is_dir():
        for backend in (path / "src" / "backend", path / "backend", path):
            found = [f for f in (backend / "events.js", backend / "data.js") if f.is_file()]
            if found or (backend != path and backend.is_dir()) or any(backend.glob("*.jsw")) \
                    or any(backend.glob("*.web.js")) or (backend / "http-functions.js").is_file():
                return backend, found
    elif path.is_file() and path.suffix in (".js", ".jsw"):
        return path.parent, [path]
    raise CheckInputError(f"{path} is not a site backend: give the site's folder, its src/backend, or a backend "
                          "file (events.js, data.js)")


def _payload_change(old: str, new: str) -> str:
    from ..events.samples import sample

    try:
        a, b = set(sample(old).keys()), set(sample(new).keys())
    except WixEventsError:
        return ""
    if a == b:
        return f" The event object keeps its top-level fields ({', '.join(sorted(a))})."
    return (f" The event object changes: {old} has {', '.join(sorted(a))}; {new} has {', '.join(sorted(b))}.")


def check_rows(path: str | Path) -> list[dict[str, Any]]:
    """The findings as a list of dicts (the columns of :func:`check`)."""
    from .resolve import Graph

    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, int, str, str]] = set()

    def add(file: str, line: int, category: str, name: str, verdict: str, message: str,
            suggestions: tuple[str, ...] = ()) -> None:
        key = (file, line, category, name or message)
        if key not in seen:
            seen.add(key)
            rows.append(dict(zip(COLUMNS, (file, line, category, name, verdict, message, ", ".join(suggestions)),
                                 strict=True)))

    backend, entries = _files(Path(path))
    # every other backend file, but not node_modules, nor folders Wix and tools generate or test with
    # (___spi___, ___config___, __tests__: service-plugin schemas hold TypeScript, tests are not site code)
    others = sorted(f for f in backend.rglob("*") if f.suffix in (".js", ".jsw") and f.is_file() and f not in entries
                    and not any(p == "node_modules" or p.startswith("__") for p in f.relative_to(backend).parts))
    graph = Graph(_Static(), "site", backend)  # type: ignore[arg-type]  # the resolver's two questions
    for entry in [*entries, *others]:  # events.js, data.js, then every other backend file (web modules, http-functions)
        kind = "data" if entry.name == "data.js" else "events" if entry in entries else "module"
        rel = entry.relative_to(backend).as_posix()
        if f"site/{rel}" not in graph.modules:
            graph.add(entry.read_text(encoding="utf-8-sig"), rel, kind)
    for problem in graph.problems:
        if problem.code in _NEVER:
            category, verdict = ("name" if problem.code.startswith(("unknown", "hook")) else "export-form",
                                 "never-called")
        elif problem.code in ("npm-module", "npm-entry", "unknown-module", "node-builtin"):
            continue  # reported with the imports below
        elif problem.code in ("not-a-handler", "not-a-hook"):
            category, verdict = "helper", "info"
        else:
            category, verdict = "load", problem.severity
        add(problem.file, problem.line, category, problem.name, verdict, problem.message, problem.suggestions)
    for module_id, (parsed, resolved) in graph.modules.items():
        if parsed.kind in ("events", "data"):
            for export in parsed.handlers:
                _handler_rows(add, parsed.file, export.line, export.name)
        dynamic = [(d.specifier, d.line) for d in parsed.dynamic if d.specifier is not None]
        for spec, line in [*parsed.specifiers, *dynamic]:
            if spec.startswith((".", "/", "backend/", "public/")):
                tier = "site file" if spec in resolved else "site file missing"
            elif spec in resolved and resolved[spec].startswith("npm:"):
                tier = "npm present"
            else:
                tier = module_tier(spec)
                tier = "npm missing" if tier == "npm" else tier
            # Wix installs npm packages from package.json, so a missing one is wixevents' problem, not Wix's
            verdict = "error" if tier in ("site file missing", "frontend") or (tier == "unknown" and COMPLETE) else (
                "warning" if tier in ("npm missing", "unknown") else "info")
            if not module_id.startswith("npm:"):
                add(parsed.file, line, "import", spec, verdict, f"imports '{spec}': {tier}")
    return rows


def _handler_rows(add: Any, file: str, line: int, name: str) -> None:
    if name not in catalog:
        return
    event = catalog[name]
    if event.deprecated:
        replacement = event.replacement
        change = _payload_change(name, replacement) if replacement else ""
        instead = f" Use {replacement} instead." if replacement else " Wix names no replacement."
        add(file, line, "deprecated", name, "warning", f"{name} is deprecated.{instead}{change}",
            (replacement,) if replacement else ())
    if name in _OLD_FORMS:
        new = _OLD_FORMS[name]
        add(file, line, "forms", name, "warning", f"{name} fires for submissions of the old Wix Forms only; the "
            f"new Wix Forms fire {new}.{_payload_change(name, new)}", (new,))


def check(path: str | Path) -> pd.DataFrame:
    """A static report of the site backend at ``path`` (its root, ``src/backend``, or a file): a DataFrame."""
    import pandas as pd

    frame: pd.DataFrame = pd.DataFrame(check_rows(path), columns=COLUMNS)
    return frame


def calls_every_handler(frame: pd.DataFrame) -> bool:
    """Would Wix call every handler, and would every file load? (``wixevents check`` exits 0 when so)."""
    return not bool(frame["verdict"].isin(["never-called", "error"]).any())
