"""Errors of the JavaScript side of wixevents, in the project's error tree.

Each class subclasses :class:`~wixevents.errors.WixEventsError` and the built-in
exception a Python user would catch for the same trouble::

    WixEventsError
    ├── MissingJsEngine(ImportError)   the ``js`` extra is not installed
    ├── JsLoadError(ValueError)        an events.js / data.js / helper file that cannot be loaded
    ├── JsError(RuntimeError)          a JavaScript exception thrown by handler code
    ├── JsTimeout(TimeoutError)        a handler still running at its timeout
    ├── JsOutOfMemory(MemoryError)     a handler past the engine's hard memory limit
    └── JsExportError(ValueError)      an export to events.js that would be unsafe or wrong

They live here rather than in ``wixevents/errors.py`` so that this subpackage
stays self-contained; moving them there later changes no import of user code
that goes through ``wixevents.js``.

Loading reports *every* problem of a file at once: the parser and the loader
collect :class:`JsProblem` items (file, line, what is wrong and how Wix wants
it written) and :class:`JsLoadError` lists the errors among them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import WixEventsError

__all__ = ["JsError", "JsExportError", "JsLoadError", "JsOutOfMemory", "JsProblem", "JsTimeout", "MissingJsEngine",
           "js_error"]

INSTALL_HINT = 'pip install "wixevents[js]"'


class MissingJsEngine(WixEventsError, ImportError):
    """A package of the ``js`` extra (mini-racer, tree-sitter) cannot be imported."""

    def __init__(self, package: str) -> None:
        super().__init__(
            f"Running JavaScript handlers needs the {package!r} package, which is not installed. "
            f"Install the JavaScript extra with: {INSTALL_HINT}  (no Node.js is needed)."
        )
        self.package = package


@dataclass(frozen=True)
class JsProblem:
    """One thing wrong with a JavaScript file, at a 1-based line.

    ``severity`` is ``"error"`` (the file is not loaded) or ``"warning"`` (it is
    loaded, the problem is reported). ``code`` is a short stable tag such as
    ``"reexport"`` or ``"unknown-name"``, for tests and filters.
    """

    file: str
    line: int
    code: str
    message: str
    severity: str = "error"
    suggestions: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"


class JsLoadError(WixEventsError, ValueError):
    """A JavaScript file that cannot be loaded; ``problems`` lists every reason."""

    def __init__(self, problems: list[JsProblem]) -> None:
        errors = [p for p in problems if p.severity == "error"] or problems
        files = sorted({p.file for p in errors})
        shown = "\n".join(f"  {p}" for p in errors)
        super().__init__(f"Cannot load {', '.join(files)}: {len(errors)} problem(s)\n{shown}")
        self.problems = problems


class JsError(WixEventsError, RuntimeError):
    """An exception thrown by JavaScript code.

    ``str(exc)`` is the JavaScript message; ``js_name`` the error's name
    (``TypeError``...); ``stack`` the JavaScript stack, whose frames name the
    user's file and line (``at wixBilling_onInvoicePaid (events.js:5:11)``);
    ``file`` and ``line`` are those of the first such frame, when there is one.
    """

    def __init__(self, message: str, js_name: str = "Error", stack: str = "",
                 file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.js_name, self.stack, self.file, self.line = message, js_name, stack, file, line

    def __repr__(self) -> str:
        return f"JsError({self.js_name}: {self.message!r})"


class JsExportError(WixEventsError, ValueError):
    """An ``events.js`` export refused: a path outside the folder, or modules that cannot be merged."""


class JsTimeout(WixEventsError, TimeoutError):
    """A JavaScript run stopped at its timeout (the engine was restarted afterwards)."""


class JsOutOfMemory(WixEventsError, MemoryError):
    """A JavaScript run stopped at the hard memory limit (the engine was restarted afterwards)."""


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
