"""Checks of one history-file line against the records it must build.

What a line must hold is derived from the records themselves (the fields and
type hints of :class:`~wixevents.runtime.records.Run` and its parts, the
arguments of :class:`~wixevents.runtime.records.Fire`), so a field added to a
record is checked without touching this module; a field with a default may be
missing (files written before it existed). A fast yes/no test compiled once per
type runs on every line; only a line that fails it gets the slower check that
says what is wrong and where.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable
from dataclasses import MISSING, fields, is_dataclass
from typing import Any, Union

from .escaping import unescape
from .records import Fire, Run

__all__ = ["LineProblem", "record"]


class LineProblem(Exception):
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
    """Raise :class:`LineProblem` unless JSON ``value`` fits the type hint ``hint``."""
    if hint is Any:
        return
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        for option in typing.get_args(hint):
            try:
                _check(value, option, where)
                return
            except LineProblem:
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
    raise LineProblem(f"{where} should be {_shape(hint)}, got {_got(value)}")


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
        raise LineProblem(f"missing field(s) {', '.join(prefix + m for m in missing)}")
    extra = sorted(data.keys() - hints.keys())
    if extra:
        raise LineProblem(f"unknown field(s) {', '.join(prefix + e for e in extra)}")
    for name, value in data.items():
        _check(value, hints[name], prefix + name)


def record(data: Any, marked: bool) -> Fire | Run:
    if not isinstance(data, dict):
        raise LineProblem(f"expected a JSON object, got {_got(data)}")
    kind = data.pop("kind", None)
    if kind == "fire":
        _fields(data, _spec(Fire))
        if marked:
            data["payload"] = unescape(data["payload"])
        return Fire(**data)
    if kind == "run":
        _fields(data, _spec(Run))
        if marked:
            data = {k: unescape(v) if k in ("value", "effects") else v for k, v in data.items()}
        return Run.from_dict(data)
    raise LineProblem(f"\"kind\" should be \"fire\" or \"run\", got {_got(kind)}")
