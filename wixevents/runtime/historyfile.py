"""History files: JSON Lines written and read one line at a time, every line checked on the way in.

The file is a header line ``{"format": "wixevents-history", "version": 2}``, one
line per fire (``"kind": "fire"``), one per run (``"kind": "run"``) and an end
line ``{"end": "wixevents-history", "fires": F, "runs": R}``: a file cut short
anywhere, even between two lines, is reported, never loaded as if complete.
Version 1 files (no end line) still load.

Saving and loading stream: memory holds one line at a time beyond the records
themselves, so a history of a million runs never exists as one string.

What a line must hold is derived from the records themselves (the fields and
type hints of :class:`~wixevents.runtime.records.Run` and the arguments of
:class:`~wixevents.runtime.records.Fire`), so a field added to a record is
checked without touching this module; a field with a default may be missing
(files written before it existed).

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
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import MISSING, fields, is_dataclass
from pathlib import Path
from typing import Any, Union

from .._safe import int_digits, safe_repr
from ..errors import FileExists, HistoryFileError
from .records import Fire, Run, json_default

__all__ = ["FORMAT", "VERSION", "read", "write"]

FORMAT = "wixevents-history"
VERSION = 2
READABLE = (1, 2)
_MARK = "$wixevents:"
_MAX_DIGITS = 4300


# ---- writing ---------------------------------------------------------------------------------------------

def _escape(value: Any) -> Any:
    """``value`` with the non-JSON shapes above tagged; the same object when nothing needs it."""
    kind = type(value)
    if kind is str or kind is float or kind is bool or value is None:
        return value
    if kind is int:
        return value if int_digits(value) <= _MAX_DIGITS else {_MARK + "int": format(value, "x")}
    if kind is list:
        items = [_escape(v) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if kind is tuple:
        return {_MARK + "tuple": [_escape(v) for v in value]}
    if kind is dict:
        if all(type(k) is str and not k.startswith(_MARK) for k in value):
            escaped = {k: _escape(v) for k, v in value.items()}
            return value if all(escaped[k] is v for k, v in value.items()) else escaped
        return {_MARK + "dict": [[_escape(k), _escape(v)] for k, v in value.items()]}
    return value  # json_default writes it as text


def _plain(value: Any) -> bool:
    """True when JSON writes ``value`` and reads it back equal: no escaping needed (walked without recursion)."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            for key, inner in item.items():
                if type(key) is not str or key.startswith(_MARK):
                    return False
                stack.append(inner)
        elif kind is list:
            stack.extend(item)
        elif kind is int:
            if int_digits(item) > _MAX_DIGITS:
                return False
        elif kind is tuple:
            return False
    return True


def _unescape(value: Any) -> Any:
    if isinstance(value, list):
        return [_unescape(v) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        (key, inner), = value.items()
        if key == _MARK + "dict":
            return {_key(_unescape(k)): _unescape(v) for k, v in inner}
        if key == _MARK + "tuple":
            return tuple(_unescape(v) for v in inner)
        if key == _MARK + "int":
            return int(inner, 16)
    return {k: _unescape(v) for k, v in value.items()}


def _key(key: Any) -> Any:
    return tuple(_key(k) for k in key) if isinstance(key, list) else key


def _line(data: dict[str, Any]) -> bytes:
    try:
        text = json.dumps(data, ensure_ascii=False, default=json_default)
    except (ValueError, TypeError, RecursionError):  # odd keys, tuples as keys, ints too long for text
        data = _escape(data)
        text = json.dumps(data, ensure_ascii=False, default=json_default)
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # lone surrogates: JSON \u escapes read back as the same text
        return json.dumps(data, ensure_ascii=True, default=json_default).encode("ascii") + b"\n"


def _fire_line(fire: Fire) -> bytes:
    data = fire.to_dict()
    if not _plain(data["payload"]):
        try:
            data["payload"] = _escape(data["payload"])
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
    if not (_plain(data["value"]) and _plain(data["effects"])):  # recorded values are JSON data; hand-made may not be
        data["value"], data["effects"] = _escape(data["value"]), _escape(data["effects"])
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


# ---- reading ---------------------------------------------------------------------------------------------

class _Bad(Exception):
    """One line's problem."""


def _shape(hint: Any) -> str:
    names = {int: "an integer", float: "a number", str: "text", bool: "true or false", type(None): "null"}
    if hint in names:
        return names[hint]
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        return " or ".join(_shape(a) for a in typing.get_args(hint))
    if origin in (tuple, list):
        return "a list"
    return "an object"


def _check(value: Any, hint: Any, where: str) -> None:
    """Raise :class:`_Bad` unless JSON ``value`` fits the type hint ``hint``."""
    if hint is Any:
        return
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        for option in typing.get_args(hint):
            try:
                _check(value, option, where)
                return
            except _Bad:
                continue
    elif hint is type(None):
        if value is None:
            return
    elif hint is bool or hint is str:
        if type(value) is hint:
            return
    elif hint is int:
        if type(value) is int:
            return
    elif hint is float:
        if type(value) in (int, float):
            return
    elif origin in (tuple, list):
        if isinstance(value, list):
            inner = typing.get_args(hint)[0] if typing.get_args(hint) else Any
            for i, item in enumerate(value):
                _check(item, inner, f"{where}[{i}]")
            return
    elif origin is dict:
        if isinstance(value, dict):
            return
    elif is_dataclass(hint) and isinstance(value, dict):
        _fields(value, _spec(hint), where + ".")
        return
    raise _Bad(f"{where} should be {_shape(hint)}, got {_got(value)}")


def _got(value: Any) -> str:
    if value is None:
        return "null"
    kind = {bool: "true or false", int: "an integer", float: "a number", str: "text", list: "a list",
            dict: "an object"}.get(type(value), type(value).__name__)
    text = json.dumps(value, ensure_ascii=False)
    return f"{kind} {text[:40]}{'...' if len(text) > 40 else ''}"


_SPECS: dict[Any, tuple[dict[str, Any], frozenset[str]]] = {}


def _spec(kind: Any) -> tuple[dict[str, Any], frozenset[str]]:
    """(type hint of each field, the fields that must be present) of a record class."""
    if kind not in _SPECS:
        if is_dataclass(kind):
            hints = typing.get_type_hints(kind)
            every = {f.name: hints[f.name] for f in fields(kind)}
            required = frozenset(f.name for f in fields(kind)
                                 if f.default is MISSING and f.default_factory is MISSING)
        else:  # Fire: its constructor's arguments
            hints = typing.get_type_hints(kind.__init__)
            every = {name: hints[name] for name in kind.FIELDS}
            defaults = kind.__init__.__defaults__ or ()
            required = frozenset(kind.FIELDS[:len(kind.FIELDS) - len(defaults)])
        _SPECS[kind] = (every, required)
    return _SPECS[kind]


_Ok = Callable[[Any], bool]
_OKS: dict[Any, _Ok | None] = {}
_SIMPLE = {int: (int,), float: (int, float), str: (str,), bool: (bool,), type(None): (type(None),)}


def _ok(hint: Any) -> _Ok | None:
    """A fast yes/no test of JSON data against ``hint``, built once per hint (None: anything goes).

    Only a line that fails it goes through :func:`_check`, which says what is wrong and where.
    """
    if hint in _OKS:
        return _OKS[hint]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    test: _Ok | None
    if hint is Any:
        test = None
    elif hint in _SIMPLE:
        kinds = frozenset(_SIMPLE[hint])
        test = lambda v: type(v) in kinds  # noqa: E731  (a small closure per hint)
    elif origin in (Union, types.UnionType):
        options = [_ok(a) for a in args]
        if any(o is None for o in options):
            test = None
        elif all(a in _SIMPLE for a in args):
            kinds = frozenset(k for a in args for k in _SIMPLE[a])
            test = lambda v: type(v) in kinds  # noqa: E731
        else:
            test = lambda v: any(o(v) for o in options if o is not None)  # noqa: E731
    elif origin in (tuple, list):
        inner = _ok(args[0]) if args else None
        test = (lambda v: type(v) is list) if inner is None else (
            lambda v: type(v) is list and all(inner(i) for i in v))
    elif origin is dict:
        test = lambda v: type(v) is dict  # noqa: E731
    elif is_dataclass(hint):
        spec = _spec(hint)
        test = lambda v: type(v) is dict and _fields_ok(v, spec)  # noqa: E731
    else:
        test = lambda v: False  # noqa: E731  (unknown hint: the slow check explains)
    _OKS[hint] = test
    return test


def _fields_ok(data: dict[str, Any], spec: tuple[dict[str, Any], frozenset[str]]) -> bool:
    hints, required = spec
    if not (data.keys() <= hints.keys() and required <= data.keys()):
        return False
    for name, value in data.items():
        test = _ok(hints[name])
        if test is not None and not test(value):
            return False
    return True


def _fields(data: dict[str, Any], spec: tuple[dict[str, Any], frozenset[str]], prefix: str = "") -> None:
    if _fields_ok(data, spec):
        return
    hints, required = spec
    missing = sorted(required - data.keys())
    if missing:
        raise _Bad(f"missing field(s) {', '.join(prefix + m for m in missing)}")
    extra = sorted(data.keys() - hints.keys())
    if extra:
        raise _Bad(f"unknown field(s) {', '.join(prefix + e for e in extra)}")
    for name, value in data.items():
        _check(value, hints[name], prefix + name)


def _record(data: Any, marked: bool) -> Fire | Run:
    if not isinstance(data, dict):
        raise _Bad(f"expected a JSON object, got {_got(data)}")
    kind = data.pop("kind", None)
    if kind == "fire":
        _fields(data, _spec(Fire))
        if marked:
            data["payload"] = _unescape(data["payload"])
        return Fire(**data)
    if kind == "run":
        _fields(data, _spec(Run))
        if marked:
            data = {k: _unescape(v) if k in ("value", "effects") else v for k, v in data.items()}
        return Run.from_dict(data)
    raise _Bad(f"\"kind\" should be \"fire\" or \"run\", got {_got(kind)}")


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
            record = _record(data, _MARK in text)
        except _Bad as exc:
            bad(number, str(exc))
            continue
        except (TypeError, ValueError) as exc:
            bad(number, f"a record that cannot be built ({exc})")
            continue
        if isinstance(record, Fire):
            if record.fire in fire_ids:
                bad(number, f"fire {record.fire} appears twice")
                continue
            fire_ids.add(record.fire)
            fires.append(record)
        else:
            if record.seq in seqs:
                bad(number, f"run seq {record.seq} appears twice")
                continue
            if record.fire not in fire_ids:
                bad(number, f"run seq {record.seq} belongs to fire {record.fire}, which no earlier line records")
                continue
            seqs.add(record.seq)
            runs.append(record)
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

