"""Per-run log capture: ``print``, ``logging`` and ``warnings``, like Wix Logs for one handler call.

While any handler runs, wixevents routes three global outlets through itself:
``sys.stdout``/``sys.stderr`` (a thin proxy), the root logger (one extra
handler) and ``warnings.showwarning``. Each write or record goes to the
:class:`Sink` of the run whose thread produced it (found through a context
variable), so two runs never mix their lines; output from any other thread passes
through untouched. When the last run ends the outlets are put back (unless
someone replaced them meanwhile, e.g. pytest's capture, which is then left alone).
Stand-ins are never freed (see ``_streams``): a thread printing while another
swaps ``sys.stdout`` must never write through a freed object.

Decisions, since Wix documents nothing comparable:

* ``print`` becomes level INFO and ``print(..., file=sys.stderr)`` ERROR, one log
  line per text line, like ``console.log`` and ``console.error``.
* ``logging`` records keep their level and still reach your own logging handlers;
  the logger's level filters as usual (``logging.info`` needs an INFO level).
* Each run starts with a fresh "shown once" warnings registry, so a warning that
  Python shows once per code location is captured in every run that raises it.
* A sink closed at the end of its run (or at its timeout) drops later output: a
  timed-out handler still running in the background never writes into other rows.
"""

from __future__ import annotations

import logging
import sys
import threading
import warnings
from contextvars import ContextVar
from typing import Any, TextIO

from .._safe import safe_str
from .clock import Clock, iso
from .records import LogLine

__all__ = ["Sink", "acquire", "release"]

SINK: ContextVar[Sink | None] = ContextVar("wixevents_log_sink", default=None)


class Sink:
    """The log lines of one run; thread-safe; drops everything once closed."""

    def __init__(self, clock: Clock) -> None:
        self.clock, self.lines, self.closed = clock, list[LogLine](), False
        self._partial: dict[str, str] = {}
        self._lock = threading.Lock()

    def emit(self, level: str, message: str, origin: str) -> None:
        with self._lock:
            if not self.closed:
                self.lines.append(LogLine(level, message, iso(self.clock.now()), origin))

    def write(self, stream: str, text: str) -> None:
        with self._lock:
            if self.closed:
                return
            *done, rest = (self._partial.get(stream, "") + text).split("\n")
            self._partial[stream] = rest
        for line in done:
            self.emit("ERROR" if stream == "stderr" else "INFO", line, stream)

    def close(self) -> tuple[LogLine, ...]:
        """Flush unterminated text, stop accepting lines and return them all."""
        with self._lock:
            partial, self._partial = self._partial, {}
        for stream, rest in partial.items():
            if rest:
                self.emit("ERROR" if stream == "stderr" else "INFO", rest, stream)
        with self._lock:
            self.closed = True
            return tuple(self.lines)


class _Stream:
    """Stands in for sys.stdout/sys.stderr: writes from a run go to its sink, others pass through."""

    def __init__(self, name: str, target: TextIO) -> None:
        self._name, self._target = name, target

    def write(self, text: str) -> int:
        sink = SINK.get()
        if sink is None:
            return self._target.write(text)
        sink.write(self._name, text)
        return len(text)

    def flush(self) -> None:
        if SINK.get() is None:
            self._target.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)


class _LogHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        sink = SINK.get()
        if sink is not None:
            sink.emit(record.levelname, self.format(record), f"logging:{record.name}")
        elif len(logging.getLogger().handlers) == 1 and logging.lastResort is not None \
                and record.levelno >= logging.lastResort.level:
            logging.lastResort.handle(record)  # what logging does when we are the only handler


def _showwarning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                 file: TextIO | None = None, line: str | None = None) -> None:
    sink = SINK.get()
    if sink is None:
        _saved["showwarning"](message, category, filename, lineno, file, line)
    else:
        sink.emit("WARNING", f"{category.__name__}: {safe_str(message)}", "warnings")


#: Every stand-in ever installed, kept alive for good (one per stream and target, so a handful).
#: ``print`` in CPython 3.11/3.12 holds a *borrowed* reference to ``sys.stdout`` while it
#: writes: if another thread swapped the stand-in out and it were freed, that print would
#: write through freed memory (a segfault). Keeping each stand-in (and the stream it wraps)
#: alive makes swapping safe; re-installing over the same stream reuses its stand-in.
_streams: dict[tuple[str, int], _Stream] = {}


def _stream(name: str, target: TextIO) -> _Stream:
    key = (name, id(target))  # the stand-in holds ``target``, so its id stays unique while kept
    found = _streams.get(key)
    if found is None or found._target is not target:
        found = _streams[key] = _Stream(name, target)
    return found


_lock = threading.Lock()
_users = 0
_saved: dict[str, Any] = {}
_handler = _LogHandler()


def acquire() -> None:
    """Route the outlets through the capture (first user installs, later users count)."""
    global _users
    with _lock:
        _users += 1
        for name in ("stdout", "stderr"):
            current = getattr(sys, name)
            if not isinstance(current, _Stream):
                setattr(sys, name, _stream(name, current))
        if warnings.showwarning is not _showwarning:
            _saved["showwarning"] = warnings.showwarning
            warnings.showwarning = _showwarning
        if _handler not in logging.getLogger().handlers:
            logging.getLogger().addHandler(_handler)
        reset = getattr(warnings, "_filters_mutated", None)  # starts a fresh "once" registry
        if callable(reset):
            reset()


def release() -> None:
    """One user is done; the last one puts every outlet back (if it is still ours)."""
    global _users
    with _lock:
        _users -= 1
        if _users > 0:
            return
        for name in ("stdout", "stderr"):
            current = getattr(sys, name)
            if isinstance(current, _Stream):
                setattr(sys, name, current._target)
        if warnings.showwarning is _showwarning:
            warnings.showwarning = _saved.pop("showwarning")
        logging.getLogger().removeHandler(_handler)
