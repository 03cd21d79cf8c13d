"""History files: JSON Lines written and read one line at a time, every line checked on the way in.

The file is a header line ``{"format": "wixevents-history", "version": 2}``, one
line per fire (``"kind": "fire"``), one per run (``"kind": "run"``) and an end
line ``{"end": "wixevents-history", "fires": F, "runs": R}``: a file cut short
anywhere, even between two lines, is reported, never loaded as if complete.
Version 1 files (no end line) still load.

Saving and loading stream: memory holds one line at a time beyond the records
themselves, so a history of a million runs never exists as one string.

What a line must hold is derived from the records themselves
(:mod:`wixevents.runtime.linecheck`).

Reversible escaping, so every history a site recorded saves and loads back
equal: text with lone surrogates (``"\\udc80"``, from a print of undecodable
bytes) is written with JSON ``\\u`` escapes; a dict with a key that is not text
(an invalid payload ``{1: "a"}``) or that starts with ``$wixevents:`` is written
as ``{"$wixevents:dict": [[key, value], ...]}``, a tuple as
``{"$wixevents:tuple": [...]}`` and an int longer than Python converts to text
(4,300 digits) as ``{"$wixevents:int": "<hex>"}``. Other values JSON cannot
hold (dates, sets, objects) are written as text, as when they are recorded.

Files are created with the permissions the umask allows (``0o666 & ~umask``),
like any file Python opens for writing, not the private ``0o600`` of a temporary file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from .._safe import safe_repr
from ..errors import FileExists, HistoryFileError
from .escaping import MARK, escape, plain
from .linecheck import LineProblem, record
from .records import Fire, Run, json_default

__all__ = ["FORMAT", "VERSION", "read", "write"]

FORMAT = "wixevents-history"
VERSION = 2
READABLE = (1, 2)


# ---- writing ---------------------------------------------------------------------------------------------

def _line(data: dict[str, Any]) -> bytes:
    try:
        text = json.dumps(data, ensure_ascii=False, default=json_default)
    except (ValueError, TypeError, RecursionError):  # odd keys, tuples as keys, ints too long for text
        data = escape(data)
        text = json.dumps(data, ensure_ascii=False, default=json_default)
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # lone surrogates: JSON \u escapes read back as the same text
        return json.dumps(data, ensure_ascii=True, default=json_default).encode("ascii") + b"\n"


def _fire_line(fire: Fire) -> bytes:
    data = fire.to_dict()
    if not plain(data["payload"]):
        try:
            data["payload"] = escape(data["payload"])
        except RecursionError:  # odd keys hundreds of levels deep: kept as text
            data["payload"] = safe_repr(data["payload"])
    try:
        return _line({"kind": "fire", **data})
    except RecursionError:  # deeper than JSON writes: kept as text
        return _line({"kind": "fire", **data, "payload": safe_repr(data["payload"])})


_RUN_FIELDS = tuple(f.name for f in fields(Run))


def _run_line(run: Run) -> bytes:
    """A run's line; a shallow conversion (``dataclasses.asdict`` deep-copies, and is most of a save's time)."""
    data: dict[str, Any] = {"kind": "run"}
    for name in _RUN_FIELDS:
        data[name] = getattr(run, name)
    error = data["error"]
    if error is not None:
        data["error"] = dict(vars(error))
    data["logs"] = [dict(vars(line)) for line in run.logs]
    data["effects"] = list(run.effects)
    if not (plain(data["value"]) and plain(data["effects"])):  # recorded values are JSON data; hand-made may not be
        data["value"], data["effects"] = escape(data["value"]), escape(data["effects"])
    return _line(data)


def _umask() -> int:
    try:  # Linux says it without changing it
        with open("/proc/self/status", encoding="ascii") as status:
            for row in status:
                if row.startswith("Umask:"):
                    return int(row.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write(target: Path, fires: Iterable[Fire], runs: Iterable[Run], *, overwrite: bool) -> Path:
    """Stream the history to a temporary file beside ``target``, then publish it in one step."""
    if target.exists() and not overwrite:
        raise FileExists(f"{target} exists; pass overwrite=True to replace it, or choose another name.")
    if not (target.parent if str(target.parent) else Path(".")).is_dir():
        raise FileNotFoundError(f"cannot save the history to {target}: the folder {target.parent} does not exist")
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        os.chmod(temp, 0o666 & ~_umask())
        counts = {"fires": 0, "runs": 0}
        with os.fdopen(handle, "wb", buffering=1 << 20) as out:
            out.write(_line({"format": FORMAT, "version": VERSION}))
            for fire in fires:
                out.write(_fire_line(fire))
                counts["fires"] += 1
            for run in runs:
                out.write(_run_line(run))
                counts["runs"] += 1
            out.write(_line({"end": FORMAT, **counts}))
        if overwrite:
            os.replace(temp, target)
        else:
            _publish(temp, target)
    except FileExistsError:
        os.unlink(temp)
        raise FileExists(f"{target} exists; pass overwrite=True to replace it.") from None
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    return target


def _publish(temp: str, target: Path) -> None:
    """Move ``temp`` to ``target`` only if ``target`` does not exist (a hard link fails if it does)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: check, then rename
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(temp, target)
        return
    os.unlink(temp)


def _lines(path: Path) -> Iterator[tuple[int, str, bool]]:
    """(number, text, ends with a newline) of each line, decoded one at a time."""
    with open(path, "rb") as raw:
        for number, chunk in enumerate(raw, 1):
            ended = chunk.endswith(b"\n")
            yield number, chunk.decode("utf-8"), ended


def read(path: Path, errors: str = "raise") -> tuple[list[Fire], list[Run], list[tuple[int | None, str]]]:
    """The fires and runs of a history file, and its bad lines (``errors="skip"``; else the first raises)."""
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', got {errors!r}")
    name = str(path)
    fires: list[Fire] = []
    runs: list[Run] = []
    problems: list[tuple[int | None, str]] = []

    def bad(line: int | None, problem: str, fatal: bool = False) -> None:
        problems.append((line, problem))
        if errors == "raise" or fatal:
            raise HistoryFileError(name, line, problem, problems)

    lines = _lines(path)
    try:
        first = next(lines, None)
    except UnicodeDecodeError as exc:
        raise HistoryFileError(name, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    header = _json(first[1]) if first else None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise HistoryFileError(name, 1 if first else None, f"not a wixevents history (the first line should be "
                               f"{{\"format\": \"{FORMAT}\", \"version\": {VERSION}}})")
    version = header.get("version")
    if version not in READABLE or type(version) is not int:
        raise HistoryFileError(name, 1, f"format version {version!r} is not one this wixevents reads "
                               f"({', '.join(map(str, READABLE))}); a newer wixevents wrote it, or it was edited")
    seqs: set[int] = set()
    fire_ids: set[int] = set()
    end: dict[str, Any] | None = None
    number, counted = 1, 0
    while True:
        try:
            item = next(lines, None)
        except UnicodeDecodeError as exc:
            bad(number + 1, f"not UTF-8 text ({exc.reason})")
            break  # the rest of the file cannot be split into lines reliably
        if item is None:
            break
        number, text, ended = item
        if not text.strip():
            continue
        if end is not None:
            bad(number, "a line after the end line")
            continue
        counted += 1
        data = _json(text)
        if data is _NOT_JSON:
            bad(number, "the last line is cut short (the file is truncated)" if not ended
                else f"not a JSON line: {text.strip()[:60]!r}")
            continue
        if isinstance(data, dict) and "end" in data and "kind" not in data:
            counted -= 1
            end = data
            continue
        try:
            built = record(data, MARK in text)
        except LineProblem as exc:
            bad(number, str(exc))
            continue
        except (TypeError, ValueError) as exc:
            bad(number, f"a record that cannot be built ({exc})")
            continue
        if isinstance(built, Fire):
            if built.fire in fire_ids:
                bad(number, f"fire {built.fire} appears twice")
                continue
            fire_ids.add(built.fire)
            fires.append(built)
        else:
            if built.seq in seqs:
                bad(number, f"run seq {built.seq} appears twice")
                continue
            if built.fire not in fire_ids:
                bad(number, f"run seq {built.seq} belongs to fire {built.fire}, which no earlier line records")
                continue
            seqs.add(built.seq)
            runs.append(built)
    if version >= 2:
        if end is None:
            bad(None, f"the file ends after line {number} without its end line: it was cut short (truncated)")
        elif end.get("end") != FORMAT or end.get("fires", 0) + end.get("runs", 0) != counted:
            bad(None, f"the end line counts {end.get('fires')} fire(s) and {end.get('runs')} run(s), but the "
                      f"file holds {counted} record line(s): lines were added or removed")
    orphans = [run for run in runs if run.parent is not None and run.parent not in seqs]
    for run in orphans:
        bad(None, f"run seq {run.seq} names parent {run.parent}, which the file does not hold")
    if orphans:
        runs = [run for run in runs if run.parent is None or run.parent in seqs]
    return fires, runs, problems


_NOT_JSON = object()


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return _NOT_JSON

