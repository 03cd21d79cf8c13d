"""Build the text of one ``events.js`` from the loaded modules its handlers come from.

Decisions:

* A module is exported **whole**, as the user wrote it (helpers, comments and
  all), under a header comment naming the events it handles. One module gives
  its text unchanged, so loading the export gives the same handlers on the
  same lines plus the header's.
* Several modules (e.g. several notebook cells of one source) are merged: their
  ``import`` declarations are combined at the top, one per module specifier,
  and each body follows under a ``// --- from ...`` line. Two modules that bind
  the same top-level name differently cannot share one file: that raises
  :class:`~.errors.JsExportError` naming the name and the modules, rather than
  writing a file Wix would reject.
* Data hooks belong in ``data.js``; asking to export one raises.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..events.catalog import catalog
from .errors import JsExportError
from .rewrite import blank

if TYPE_CHECKING:
    from .handler import JsHandler
    from .loader import JsModule

__all__ = ["events_js_text"]

MARK = "// events.js exported by wixevents"


def header(handlers: Sequence[JsHandler], source: str) -> str:
    lines = [f"{MARK} from source {source!r}: put it in your Wix site's backend",
             "// (Editor: Backend > events.js; Wix IDE or GitHub: src/backend/events.js).",
             "// Wix calls each of these functions when its event fires on the published site:"]
    width = max(len(h.__name__) for h in handlers)
    for h in sorted(handlers, key=lambda h: h.__name__):
        event = catalog[h.__name__]
        summary = " ".join(event.summary.split())
        summary = summary if len(summary) <= 70 else summary[:67] + "..."
        lines.append(f"//   {h.__name__.ljust(width)}  {event.module}: {summary}")
    return "\n".join(lines) + "\n\n"


def events_js_text(handlers: Sequence[JsHandler], source: str) -> str:
    """The ``events.js`` text for ``handlers`` of one source."""
    if not handlers:
        raise JsExportError(f"source {source!r} has no JavaScript handlers to export")
    hooks = [h.__name__ for h in handlers if h.kind != "events"]
    if hooks:
        raise JsExportError(f"{', '.join(hooks)} are data hooks: they belong in data.js, not events.js")
    modules = list({h.module.id: h.module for h in handlers}.values())
    if len(modules) == 1:
        return header(handlers, source) + _without_header(modules[0].text)
    return header(handlers, source) + _merge(modules)


def _without_header(text: str) -> str:
    """``text`` minus a header an earlier export wrote (so export, load, export gives the same file)."""
    if not text.startswith(MARK):
        return text
    lines = text.splitlines(keepends=True)
    body = next((i for i, line in enumerate(lines) if not line.startswith("//")), len(lines))
    return "".join(lines[body + 1 if body < len(lines) and not lines[body].strip() else body:])


def _merge(modules: list[JsModule]) -> str:
    owners: dict[str, str] = {}
    imports: dict[str, dict[str, str]] = {}  # specifier -> {local: imported}
    for module in modules:
        for imp in module.parsed.imports:
            bound = imports.setdefault(imp.specifier, {})
            for imported, local in imp.names:
                if bound.get(local, imported) != imported or owners.get(local, imp.specifier) != imp.specifier:
                    raise JsExportError(f"{local!r} is imported differently by two of the modules ({module.file} "
                                        f"from {module.id}); rename it in one of them to export them together")
                bound[local], owners[local] = imported, imp.specifier
    exported: dict[str, str] = {}
    for module in modules:
        for export in module.parsed.exports:
            if exported.setdefault(export.name, module.id) != module.id:
                raise JsExportError(f"{export.name} is exported by two modules ({exported[export.name]} and "
                                    f"{module.id}); one events.js can export a name once")
    seen: dict[str, str] = {}
    for module in modules:
        own = module.parsed.declared - {local for i in module.parsed.imports for _, local in i.names}
        for name in sorted(own):
            if name in seen or name in owners:
                raise JsExportError(f"{name!r} is defined by two modules ({seen.get(name, 'an import')} and "
                                    f"{module.id}); one events.js cannot hold both: rename one of them")
            seen[name] = module.id
    head = [_import_line(spec, bound) for spec, bound in imports.items()]
    parts = ["\n".join(line for lines in head for line in lines)] if head else []
    for module in modules:
        spans = [(i.start, i.end, "") for i in module.parsed.imports]
        body = _without_header(blank(module.parsed.source, spans)).strip("\n")
        parts.append(f"// --- from {module.file} ({module.id}) ---\n{body}")
    return "\n\n".join(parts) + "\n"


def _import_line(spec: str, bound: dict[str, str]) -> list[str]:
    quoted = repr(spec) if "'" not in spec else f'"{spec}"'
    lines = [f"import * as {local} from {quoted};" for local, imported in bound.items() if imported == "*"]
    defaults = [local for local, imported in bound.items() if imported == "default"]
    lines += [f"import {local} from {quoted};" for local in defaults[1:]]
    named = [local if local == imported else f"{imported} as {local}"
             for local, imported in bound.items() if imported not in ("*", "default")]
    parts = defaults[:1] + (["{ " + ", ".join(named) + " }"] if named else [])
    if parts or not lines:
        lines.append(f"import {', '.join(parts)} from {quoted};" if parts else f"import {quoted};")
    return lines
