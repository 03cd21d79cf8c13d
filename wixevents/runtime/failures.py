"""How a run that raised is recorded: its status and its :class:`~wixevents.runtime.records.ErrorInfo`.

Python exceptions become status ``error`` with a traceback trimmed to the
user's code (:func:`describe`). The JavaScript engine's exceptions
(:mod:`wixevents.errors`, so nothing here imports the engine) map as follows:

* :class:`~wixevents.errors.JsError` -> ``error``; the type is the JavaScript
  error's name (``TypeError``), the message its message, and the "traceback"
  its JavaScript stack, whose frames name the user's file and line
  (``at wixBilling_onInvoicePaid (events.js:5:11)``): the Python frames of the
  engine that called it would tell a JavaScript developer nothing.
* :class:`~wixevents.errors.JsTimeout` -> ``timeout``, as for a Python handler,
  but the engine *did* stop the script (a Python thread cannot be stopped), so
  the message says so rather than "left to finish in the background".
* :class:`~wixevents.errors.JsOutOfMemory` -> ``out_of_memory``, a status of
  its own: the handler was stopped for using too much memory, which is neither
  a bug it threw nor slowness.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import threading
import traceback
from pathlib import Path

from .._safe import safe_str
from ..errors import JsError, JsOutOfMemory, JsTimeout
from .records import ErrorInfo

__all__ = ["describe", "ending"]

_CELL_FILE = re.compile(r"/ipykernel_\d+/\d+\.py$")
_PACKAGE = str(Path(__file__).resolve().parent.parent) + os.sep  # the whole wixevents package
_INTERNAL = (_PACKAGE, os.path.dirname(asyncio.__file__) + os.sep, threading.__file__)


def ending(exc: BaseException, timeout: float | None) -> tuple[str, ErrorInfo]:
    """``(status, error)`` of a run that raised ``exc`` under ``timeout`` seconds."""
    if isinstance(exc, JsTimeout):
        limit = f"the {timeout:g} s timeout" if timeout is not None else "its timeout"
        return "timeout", ErrorInfo("Timeout", f"still running after {limit}; the JavaScript engine stopped it "
                                               "and started over (module-level state is reset)")
    if isinstance(exc, JsOutOfMemory):
        return "out_of_memory", ErrorInfo("OutOfMemory", str(exc))
    if isinstance(exc, JsError):
        return "error", ErrorInfo(exc.js_name, exc.message, exc.stack)
    return "error", describe(exc)


def describe(exc: BaseException) -> ErrorInfo:
    """Type, message and a traceback trimmed to user code.

    Leading frames of wixevents, asyncio and threading (how the handler was called)
    and trailing frames of wixevents (how ``event.missing`` failed) are cut; frames
    of other libraries the handler called are kept.
    """
    try:
        return _describe(exc)
    except KeyboardInterrupt:
        raise
    except BaseException:  # (an exception whose __str__ raises or exits, a broken traceback)
        return ErrorInfo(_type_name(exc), safe_str(exc), "")


def _type_name(exc: BaseException) -> str:
    name = getattr(type(exc), "__name__", None)
    return name if isinstance(name, str) else "Exception"


def _describe(exc: BaseException) -> ErrorInfo:
    summary = traceback.TracebackException.from_exception(exc)
    frames = list(summary.stack)
    user = [i for i, f in enumerate(frames) if not f.filename.startswith(_INTERNAL)]
    first = user[0] if user else 0
    last = max((i for i, f in enumerate(frames) if not f.filename.startswith(_PACKAGE)), default=len(frames) - 1)
    kept = traceback.StackSummary.from_list(frames[first:max(first, last) + 1])
    for frame in kept:
        _ = frame.line  # read the source line before the file name is shortened
        frame.filename = _short(frame.filename)
    summary.stack = kept
    return ErrorInfo(_type_name(exc), safe_str(exc), "".join(summary.format()).rstrip("\n"))


def _short(filename: str) -> str:
    """A file name that reads the same on every machine: ``Cell In[3]`` for a notebook
    cell (as IPython writes it), else a path relative to the working folder when the
    file lies below it, else the path as it is."""
    cell = _cell_name(filename)
    if cell is not None:
        return cell
    try:
        return str(Path(filename).resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return filename


def _cell_name(filename: str) -> str | None:
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    numbers = getattr(getattr(shell, "compile", None), "_filename_map", None)  # IPython >= 8 keeps this map
    if isinstance(numbers, dict) and filename in numbers:
        return f"Cell In[{numbers[filename]}]"
    return "Cell" if _CELL_FILE.search(filename.replace("\\", "/")) else None
