"""Values between Python and JavaScript: JSON text, with dates kept as dates.

Every value that crosses the engine boundary is JSON text, decoded on the
other side; a date travels as the one-key object ``{"\\u0000date": ISO}``, which
the prelude turns into a JavaScript ``Date`` and :func:`loads` back into an
aware :class:`~datetime.datetime`. So a payload's datetimes reach a handler as
``Date`` objects, as Wix delivers them, and the ``Date``s a handler passes to a
simulated Wix API or returns arrive in Python as datetimes, as a Python handler's
would (the parity of result tables depends on it).

Decisions: naive datetimes are taken as UTC; a ``date`` becomes its ISO text;
NaN and infinities become ``null`` (JSON has no spelling for them); other
objects (``Decimal``, ``UUID``, enums...) become their ``str``; tuples become
lists; keys (``_id`` included) are kept as they are.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import date, datetime, timezone
from typing import Any

__all__ = ["DATE_KEY", "dumps", "js_literal", "loads"]

DATE_KEY = "\u0000date"


def _iso(value: datetime) -> str:
    aware = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
    return aware.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _prepare(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, datetime):
        return {DATE_KEY: _iso(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _prepare(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_prepare(v) for v in value]
    return str(value)


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return {DATE_KEY: _iso(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return dict(value)
    return str(value)


def dumps(value: Any) -> str:
    """JSON text for ``value``, dates marked for the prelude's decoder."""
    try:  # the fast path: the json module walks the value, calling _default for what it cannot write
        return json.dumps(value, default=_default, allow_nan=False, ensure_ascii=False, separators=(",", ":"))
    except (ValueError, TypeError):  # NaN or infinity, or keys JSON cannot have: walk it in Python
        return json.dumps(_prepare(value), ensure_ascii=False, separators=(",", ":"))


def js_literal(text: str) -> str:
    """``text`` as a JavaScript string literal (ASCII only, so any Python str is safe to send)."""
    return json.dumps(text)


def _revive(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and isinstance(obj.get(DATE_KEY), str):
        return datetime.fromisoformat(obj[DATE_KEY].replace("Z", "+00:00"))
    return obj


def loads(text: str) -> Any:
    """Decode JSON text from the prelude; marked dates become aware datetimes."""
    return json.loads(text, object_hook=_revive)
