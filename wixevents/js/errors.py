"""Errors of the JavaScript side of wixevents: loading problems, export refusals, and re-exports.

The errors a JavaScript *run* can end with (:class:`JsError`,
:class:`JsTimeout`, :class:`JsOutOfMemory`) and :class:`MissingJsEngine` live
in :mod:`wixevents.errors` (the runner maps them to statuses without importing
the engine); they are re-exported here, so ``from wixevents.js.errors import
JsError`` keeps working. Defined here, in the same tree::

    WixEventsError
    ├── JsLoadError(ValueError)        an events.js / data.js / helper file that cannot be loaded
    └── JsExportError(ValueError)      an export to events.js that would be unsafe or wrong

Loading reports *every* problem of a file at once: the parser and the loader
collect :class:`JsProblem` items (file, line, what is wrong and how Wix wants
it written) and :class:`JsLoadError` lists the errors among them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import JS_INSTALL_HINT, JsError, JsOutOfMemory, JsTimeout, MissingJsEngine, WixEventsError
from ..runtime.loader import LoadProblem as JsProblem

__all__ = ["JsError", "JsExportError", "JsLoadError", "JsOutOfMemory", "JsProblem", "JsTimeout", "MissingJsEngine",
           "js_error"]

INSTALL_HINT = JS_INSTALL_HINT


class JsLoadError(WixEventsError, ValueError):
    """A JavaScript file that cannot be loaded; ``problems`` lists every reason."""

    def __init__(self, problems: list[JsProblem]) -> None:
        errors = [p for p in problems if p.severity == "error"] or problems
        files = sorted({p.file for p in errors})
        shown = "\n".join(f"  {p}" for p in errors)
        super().__init__(f"Cannot load {', '.join(files)}: {len(errors)} problem(s)\n{shown}")
        self.problems = problems


class JsExportError(WixEventsError, ValueError):
    """An ``events.js`` export refused: a path outside the folder, or modules that cannot be merged."""


def _first_frame(stack: str) -> tuple[str | None, int | None]:
    """File and line of the first ``at ...`` frame of a V8 stack."""
    for raw in stack.splitlines():
        text = raw.strip()
        if not text.startswith("at "):
            continue
        where = text[text.rfind("(") + 1:-1] if text.endswith(")") else text[3:]
        file, _, rest = where.rpartition(":")
        file, _, line = file.rpartition(":")
        if file and line.isdigit() and rest.isdigit():
            return file, int(line)
    return None, None


def js_error(info: Mapping[str, Any] | str) -> JsError:
    """A :class:`JsError` from the prelude's ``{name, message, stack}`` or from mini-racer's error text.

    mini-racer reports errors of a top-level evaluation (syntax errors when a
    module is defined) as ``"events.js:3: SyntaxError: message\\n<source line>..."``.
    """
    if isinstance(info, str):
        first = info.partition("\n")[0]
        where, _, described = first.partition(": ")
        name, _, message = described.partition(": ")
        path, _, number = where.rpartition(":")
        if not (path and number.isdigit() and name and message):
            return JsError(info.strip() or "JavaScript error", "Error", info)
        return JsError(message, name, info, path, int(number))
    stack = str(info.get("stack") or "")
    file, line = _first_frame(stack)
    return JsError(str(info.get("message", "")), str(info.get("name") or "Error"), stack, file, line)
