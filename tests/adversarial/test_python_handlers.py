"""Python handler faults: whatever a handler raises or returns, the fire returns and keeps its row.

Values and errors that cannot be shown get a safe fallback text
(``<unprintable int of 5001 digits>``, ``<unprintable Widget object>``); the
history still shows as a table and still saves.
"""

from __future__ import annotations

import asyncio
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wixevents import FixedClock, History, Site

AREA = "Python handler faults"
EVENT = "wixEcom_onOrderCreated"


class StrRaises(Exception):
    def __str__(self) -> str:
        raise RuntimeError("str refuses")


class StrExits(Exception):
    def __str__(self) -> str:
        sys.exit(9)


class ReprRaises:
    def __repr__(self) -> str:
        raise RuntimeError("repr refuses")


class ReprExits:
    def __repr__(self) -> str:
        sys.exit(9)


class ReprNotText:
    def __repr__(self) -> Any:
        return 42


class WeirdName(Exception):
    pass


WeirdName.__name__ = "Weird\u202eName\n"


def deep(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def _raise(exc: BaseException) -> Callable[[Any], Any]:
    def handler(event: Any) -> Any:
        raise exc
    return handler


def _return(value: Any) -> Callable[[Any], Any]:
    return lambda event: value


async def _async_raise(event: Any) -> Any:
    raise StrExits()


def _prints_then_exits(event: Any) -> Any:
    print("about to leave")
    sys.exit(0)


def _warns(event: Any) -> Any:
    warnings.warn(ReprRaises(), stacklevel=1)  # type: ignore[arg-type]
    return 1


def _recurses(event: Any) -> Any:
    return _recurses(event)


def _generator(event: Any) -> Any:
    yield 1


# (id, handler, expected status, text the value or error must contain)
CASES: list[tuple[str, Callable[[Any], Any], str, str]] = [
    ("exception whose __str__ raises", _raise(StrRaises()), "error", "StrRaises"),
    ("exception whose __str__ exits", _raise(StrExits()), "error", "StrExits"),
    ("SystemExit raised", _raise(SystemExit(3)), "error", "SystemExit"),
    ("GeneratorExit raised", _raise(GeneratorExit()), "error", "GeneratorExit"),
    ("exception with a control character in its type name", _raise(WeirdName("x")), "error", "Weird"),
    ("RecursionError", _recurses, "error", "RecursionError"),
    ("MemoryError raised", _raise(MemoryError()), "error", "MemoryError"),
    ("async handler raising an exception whose __str__ exits", _async_raise, "error", "StrExits"),
    ("prints then sys.exit", _prints_then_exits, "error", "SystemExit"),
    ("return value whose __repr__ raises", _return(ReprRaises()), "ok", "<unprintable ReprRaises object>"),
    ("return value whose __repr__ exits", _return(ReprExits()), "ok", "<unprintable ReprExits object>"),
    ("return value whose __repr__ is not text", _return(ReprNotText()), "ok", "<unprintable ReprNotText object>"),
    ("5,000-deep returned list", _return(deep(5_000)), "ok", "<unprintable list object>"),
    ("returned 10**5000", _return(10**5000), "ok", "<unprintable int of 5001 digits>"),
    ("returned -10**4300", _return(-(10**4300)), "ok", "<unprintable int of 4301 digits>"),
    ("returned dict with a 10**5000 inside", _return({"n": 10**5000}), "ok", "<unprintable"),
    ("returned self-referencing list", _return((lambda x: (x.append(x), x)[1])([])), "ok", "[[...]]"),
    ("returned lone surrogate", _return("\udc80"), "ok", "\udc80"),
    ("returned non-text keys", _return({(1, 2): 3, None: 4}), "ok", "(1, 2)"),
    ("warning whose message repr raises", _warns, "ok", "1"),
    ("a generator function", _generator, "ok", "generator"),
]


@pytest.mark.parametrize(("handler", "status", "shown"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_handler_fault_is_a_row_never_an_exception(tmp_path: Path, handler: Callable[[Any], Any], status: str,
                                                     shown: str) -> None:
    """Contract: fire returns; the fire has exactly its run; the value or error is shown by a safe
    fallback; the history shows as a table and saves and loads back equal."""
    handler.__name__ = EVENT
    site = Site(clock=FixedClock(), timeout=30)
    site.register(handler)
    result = site.fire(EVENT)
    run = result.runs[0]
    assert [r.fire for r in site.history] == [result.fire.fire] and run.status == status
    text = str(run.value) if status == "ok" else f"{run.error}"
    assert shown in text
    repr(site.history), site.history._repr_html_(), site.history.to_frame()
    assert History.load(site.history.save(tmp_path / "h.jsonl")) == site.history


def test_test_and_fire_all_and_fire_many_hold_too(tmp_path: Path) -> None:
    """Contract: site.test, fire_all and fire_many never raise for a handler fault and keep every row."""
    site = Site(clock=FixedClock())
    handler = _raise(StrExits())
    handler.__name__ = EVENT
    site.register(handler)
    assert site.test(handler).runs[0].status == "error"
    site.fire_all(EVENT)
    site.fire_many(EVENT, [None, {}, "x", 10**5000])
    fires = {f.fire for f in site.history.fires}
    assert sorted({r.fire for r in site.history}) == sorted(fires)


def test_fire_async_holds_on_an_event_loop() -> None:
    """Contract: fire_async from an event loop returns the row of a handler whose error cannot be shown."""
    site = Site(clock=FixedClock())
    handler = _raise(StrExits())
    handler.__name__ = EVENT
    site.register(handler)
    result = asyncio.run(site.fire_async(EVENT))
    assert result.runs[0].status == "error"


def test_keyboard_interrupt_from_a_handler_still_stops_the_fire() -> None:
    """Contract: KeyboardInterrupt is the user stopping work: it propagates (the one exception that does)."""
    site = Site(clock=FixedClock())
    handler = _raise(KeyboardInterrupt())
    handler.__name__ = EVENT
    site.register(handler)
    with pytest.raises(KeyboardInterrupt):
        site.fire(EVENT)


