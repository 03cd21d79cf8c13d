"""Every error wixevents raises on purpose.

Each class also subclasses the built-in exception a Python user would expect, so
``except KeyError`` or ``except ValueError`` keeps working::

    WixEventsError(Exception)
    ├── UnknownEventType(KeyError)     a handler or event name that is not in the catalog
    ├── UnknownSample(KeyError)        a sample variant that does not exist for an event
    ├── InvalidPayload(ValueError)     a payload that does not match its event's schema
    ├── InvalidOverride(KeyError)      a dotted override path the schema does not have
    ├── UnknownScenario(KeyError)      a scenario name that is not built in
    ├── InvalidScenario(ValueError)    a scenario definition that cannot be played (where and why)
    ├── HandlerError(TypeError)        something registered as a handler that cannot be one
    ├── FileExists(FileExistsError)    a write that would silently replace a file
    ├── HistoryFileError(ValueError)   a saved history file that cannot be read back (file, line, problem)
    ├── MissingJsEngine(ImportError)   the ``js`` extra (mini-racer, tree-sitter) is not installed
    ├── MissingHypothesis(ImportError) the ``fuzz`` extra (Hypothesis) is not installed
    ├── CheckFailed(AssertionError)    a test assertion (``result.assert_ok()``, ``wixevents.testing``) that failed
    ├── JsError(RuntimeError)          a JavaScript exception thrown by handler code
    ├── JsTimeout(TimeoutError)        a JavaScript handler still running at its timeout
    ├── JsOutOfMemory(MemoryError)     a JavaScript handler past the engine's hard memory limit
    ├── JsLoadError(ValueError)        an events.js / data.js that cannot be loaded (wixevents.js.errors)
    ├── JsExportError(ValueError)      an events.js export that would be unsafe (wixevents.js.errors)
    ├── VeloError(RuntimeError)        a simulated Wix API call failing as on Wix (wixevents.velo.errors)
    ├── UnknownExport(AttributeError)  a name a Wix module does not export (wixevents.velo.errors)
    └── UnknownWixModule(ModuleNotFoundError)  a wix-*/@wix/* name not in Wix's reference (wixevents.velo.errors)

Messages say what was expected, what was got, where, and how to fix it.

The JavaScript errors a *run* can end with live here, not in ``wixevents.js``,
so that the runner can tell them apart (``error``, ``timeout``,
``out_of_memory``) without importing the engine; ``wixevents.js.errors``
re-exports them. Loading and export errors carry JavaScript-specific data
(:class:`~wixevents.runtime.loader.LoadProblem`) and stay in ``wixevents.js.errors``.
"""

from __future__ import annotations

from dataclasses import dataclass


class WixEventsError(Exception):
    """Base class of every error raised by wixevents."""

    def __str__(self) -> str:  # KeyError would otherwise wrap the message in quotes
        return str(self.args[0]) if self.args else ""


class UnknownEventType(WixEventsError, KeyError):
    """A name that is not a handler name in the catalog; ``suggestions`` holds the closest."""

    def __init__(self, name: str, suggestions: list[str], what: str = "event handler name") -> None:
        hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(
            f"{name!r} is not a Wix {what}.{hint} "
            "Browse them with wixevents.catalog.search('...') or `wixevents list`."
        )
        self.name, self.suggestions = name, suggestions


class UnknownSample(WixEventsError, KeyError):
    """A sample variant that does not exist; ``variants`` lists those that do."""

    def __init__(self, event: str, variant: str, variants: list[str]) -> None:
        super().__init__(
            f"{event} has no sample variant {variant!r}; it has: {', '.join(variants) or 'none'}."
        )
        self.event, self.variant, self.variants = event, variant, variants


@dataclass(frozen=True)
class Problem:
    """One reason a payload is invalid, located by a JSON path such as ``$.entity.status``."""

    path: str
    expected: str
    got: str
    hint: str = ""

    def __str__(self) -> str:
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.path}: expected {self.expected}, got {self.got}{hint}"


class InvalidPayload(WixEventsError, ValueError):
    """A payload that does not match its event; ``problems`` lists each mismatch."""

    def __init__(self, event: str, problems: list[Problem], source: str | None = None) -> None:
        where = f" in {source}" if source else ""
        shown = "\n".join(f"  - {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(
            f"Invalid payload for {event}{where}: {len(problems)} problem(s)\n{shown}{more}"
        )
        self.event, self.problems, self.source = event, problems, source


class InvalidOverride(WixEventsError, KeyError):
    """A dotted override path that is not a field of the event's payload."""

    def __init__(self, event: str, path: str, nearest: str | None, reason: str | None = None) -> None:
        hint = f" The nearest valid path is {nearest!r}." if nearest else ""
        if reason:  # a path the schema has, that this payload cannot take (an index past the end...)
            message = f"{path!r} cannot be set in this {event} payload: {reason}."
        else:
            message = f"{path!r} is not a field path of {event}.{hint}"
        super().__init__(f"{message} See wixevents.catalog[{event!r}].fields() for every path.")
        self.event, self.path, self.nearest, self.reason = event, path, nearest, reason


class UnknownScenario(WixEventsError, KeyError):
    """A scenario name that is not one of the built-in scenarios (``wixevents.scenarios``)."""


class InvalidScenario(WixEventsError, ValueError):
    """A scenario definition that cannot be played; the message names the step and field."""


class HandlerError(WixEventsError, TypeError):
    """An object given as a handler that is not a callable with a Wix handler name."""


class FileExists(WixEventsError, FileExistsError):
    """A write refused because the target exists and overwriting was not asked for."""


class HistoryFileError(WixEventsError, ValueError):
    """A history file that is not what :meth:`History.save` writes.

    ``file`` is the path, ``line`` the 1-based line number (None for the file as a
    whole) and ``problem`` what is wrong there. ``problems`` holds every bad line
    ``(line, problem)`` found, when loading went on past the first.
    """

    def __init__(self, file: str, line: int | None, problem: str,
                 problems: list[tuple[int | None, str]] | None = None) -> None:
        where = f"{file}, line {line}" if line is not None else file
        more = f" (and {len(problems) - 1} more bad line(s))" if problems and len(problems) > 1 else ""
        super().__init__(f"{where}: {problem}{more}. Load the good lines with "
                         f"History.load(path, errors='skip'); bad ones are listed in history.load_problems.")
        self.file, self.line, self.problem = file, line, problem
        self.problems = problems if problems is not None else [(line, problem)]


#: How to install what JavaScript handlers need.
JS_INSTALL_HINT = 'pip install "wixevents[js]"'


class MissingJsEngine(WixEventsError, ImportError):
    """A package of the ``js`` extra (mini-racer, tree-sitter) cannot be imported."""

    def __init__(self, package: str) -> None:
        super().__init__(
            f"Running JavaScript handlers needs the {package!r} package, which is not installed. "
            f"Install the JavaScript extra with: {JS_INSTALL_HINT}  (no Node.js is needed)."
        )
        self.package = package


class MissingHypothesis(WixEventsError, ImportError):
    """Hypothesis (the ``fuzz`` extra) cannot be imported: payload strategies and ``site.fuzz`` need it."""

    def __init__(self) -> None:
        super().__init__("Generating payloads needs the 'hypothesis' package, which is not installed. "
                         "Install the fuzzing extra with: pip install 'wixevents[fuzz]'")


class CheckFailed(WixEventsError, AssertionError):
    """A test assertion about runs, effects, state or a snapshot failed; the message holds the run table and logs."""


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


class JsTimeout(WixEventsError, TimeoutError):
    """A JavaScript run stopped at its timeout (the engine was restarted afterwards)."""


class JsOutOfMemory(WixEventsError, MemoryError):
    """A JavaScript run stopped at the hard memory limit (the engine was restarted afterwards)."""
