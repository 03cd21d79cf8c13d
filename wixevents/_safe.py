"""Text for any value, even one whose ``repr``/``str`` raises or exits: what tables and errors show.

A handler may return, raise or put in a payload anything: an int of 5,000 digits
(Python refuses to turn it into text past 4,300), a list nested 5,000 deep, an
object whose ``__repr__`` raises or calls ``sys.exit``. None of that may escape
from a fire, so wherever wixevents turns a user's value into text it goes
through :func:`safe_repr` or :func:`safe_str`, which fall back to a description
such as ``<unprintable int of 5001 digits>`` or ``<unprintable Widget object>``.
Only ``KeyboardInterrupt`` passes through: it is the user stopping work.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["int_digits", "safe_repr", "safe_str", "unprintable"]


def int_digits(value: int) -> int:
    """How many decimal digits ``value`` has, without converting it to text."""
    size = abs(value)
    if size < 10:
        return 1
    digits = int(size.bit_length() * math.log10(2))
    while 10 ** digits <= size:  # the estimate is at most one short
        digits += 1
    return digits


def unprintable(value: Any) -> str:
    """The fallback text of a value that cannot be shown."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"<unprintable int of {int_digits(value)} digits>"
    try:
        name = type(value).__name__
    except KeyboardInterrupt:
        raise
    except BaseException:
        name = "object"
    return f"<unprintable {name} object>"


def safe_repr(value: Any) -> str:
    """``repr(value)``, or :func:`unprintable` when that raises (anything but KeyboardInterrupt)."""
    try:
        text = repr(value)
        return text if isinstance(text, str) else unprintable(value)
    except KeyboardInterrupt:
        raise
    except BaseException:
        return unprintable(value)


def safe_str(value: Any) -> str:
    """``str(value)``, or :func:`unprintable` when that raises (anything but KeyboardInterrupt)."""
    try:
        text = str(value)
        return text if isinstance(text, str) else unprintable(value)
    except KeyboardInterrupt:
        raise
    except BaseException:
        return unprintable(value)
