"""Validation and fire: only InvalidPayload leaves validate; fire never raises for what a payload holds.

Every hostile payload here is fired too: the fire must end as one history row
(``invalid_payload`` or a run), never as an exception.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wixevents
from wixevents import FixedClock, InvalidPayload, Site

#: Hypothesis examples per generated test: more under --adversarial-full.
EXAMPLES = 3_000 if os.environ.get("WIXEVENTS_ADVERSARIAL_FULL") == "1" else 200
#: Hypothesis examples per generated test: more under --adversarial-full.
EXAMPLES = 3_000 if os.environ.get("WIXEVENTS_ADVERSARIAL_FULL") == "1" else 200
AREA = "validation and fire"
EVENT = "wixEcom_onOrderCreated"


def nested(depth: int, kind: str) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = {"a": value} if kind == "dict" else [value]
    return value


class ReprRaises:
    def __repr__(self) -> str:
        raise RuntimeError("repr refuses")


class ReprExits:
    def __repr__(self) -> str:
        sys.exit(4)


class StrExits:
    def __str__(self) -> str:
        sys.exit(4)

    __repr__ = __str__


def _sample_with(path: str, value: Any) -> dict[str, Any]:
    payload = wixevents.sample(EVENT)
    node = payload
    *parents, last = path.split(".")
    for key in parents:
        node = node[key]
    node[last] = value
    return payload


def hostile(depth: int) -> list[tuple[str, Any]]:
    return [
        (f"dict nested {depth} deep", _sample_with("entity.buyerInfo", nested(depth, "dict"))),
        (f"list nested {depth} deep", _sample_with("entity.lineItems", nested(depth, "list"))),
        (f"dict nested {depth} deep as the payload", nested(depth, "dict")),
        (f"JSON text nested {depth} deep", '{"a": ' * depth + "1" + "}" * depth),
        (f"JSON list text nested {depth} deep", "[" * depth + "]" * depth),
        ("4,301-digit number text", '{"entity": {"n": ' + "7" * 4301 + "}}"),
        ("50,000-digit number text", '{"metadata": {}, "entity": {"n": ' + "7" * 50_000 + "}}"),
        ("5,000-digit int value", _sample_with("entity.number", 10**5000)),
        ("5,000-digit int as the quantity", _sample_with("entity.lineItems", [{"quantity": 10**5000}])),
        ("value whose repr raises", _sample_with("entity.buyerInfo", ReprRaises())),
        ("value whose repr exits", _sample_with("entity.number", ReprExits())),
        ("value whose str and repr exit", _sample_with("entity.buyerInfo", StrExits())),
        ("non-text keys", {1: "a", None: 2, (1, 2): 3}),
        ("lone surrogate text", _sample_with("entity.number", "\udc80")),
        ("NaN and infinity", _sample_with("entity.priceSummary", {"total": {"amount": float("nan")},
                                                                  "tax": float("inf")})),
        ("bytes that are not UTF-8", b"\xff\xfe{\x00"),
        ("a set", _sample_with("entity.lineItems", {1, 2})),
        ("an object", object()),
        ("a self-referencing dict", (lambda d: (d.__setitem__("me", d), d)[1])({})),
        ("a self-referencing sample", (lambda p: (p["entity"].__setitem__("me", p), p)[1])(wixevents.sample(EVENT))),
    ]


@functools.cache
def cases(full: bool) -> list[tuple[str, Any]]:
    return hostile(10_000) + hostile(600) + (hostile(100_000) if full else [])


@pytest.mark.parametrize("index", range(len(cases(False))), ids=[name for name, _ in cases(False)])
def test_validate_raises_only_invalid_payload(index: int) -> None:
    """Contract: validate returns an event or raises InvalidPayload, whatever the payload holds."""
    _, payload = cases(False)[index]
    try:
        wixevents.validate(EVENT, payload)
    except InvalidPayload as exc:
        assert str(exc).startswith(f"Invalid payload for {EVENT}")


@pytest.mark.parametrize("index", range(len(cases(False))), ids=[name for name, _ in cases(False)])
def test_fire_records_exactly_one_row_and_raises_nothing(index: int) -> None:
    """Contract: fire never raises for a payload; the fire has exactly its row in the history,
    and the history still saves (checked in test_history_files for odd values)."""
    _, payload = cases(False)[index]
    site = Site(clock=FixedClock())
    site.register(_handler)
    result = site.fire(EVENT, payload=payload)
    assert len(site.history.fires) == 1 and [r.fire for r in site.history] == [result.fire.fire]
    assert result.runs[0].status in ("ok", "invalid_payload")
    repr(site.history), site.history._repr_html_()


def test_the_largest_inputs_under_full_mode(adversarial_full: bool) -> None:
    """Contract: at 100,000 levels of nesting (full mode) validate and fire still hold."""
    if not adversarial_full:
        pytest.skip("--adversarial-full runs 100,000-level nesting")
    site = Site(clock=FixedClock())
    site.register(_handler)
    for _, payload in hostile(100_000):
        with contextlib.suppress(InvalidPayload):
            wixevents.validate(EVENT, payload)
        assert site.fire(EVENT, payload=payload).runs[0].status in ("ok", "invalid_payload")


def _handler(event: Any) -> str:
    return "ran"


_handler.__name__ = EVENT

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                max_size=4), max_leaves=25)


@settings(derandomize=True, database=None, max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(payload=JSON | st.text() | st.binary())
def test_generated_payloads_never_escape_validate_or_fire(payload: Any) -> None:
    """Contract (Hypothesis): any JSON-like value, text or bytes: validate raises only InvalidPayload
    and fire records one row."""
    with contextlib.suppress(InvalidPayload):
        wixevents.validate(EVENT, payload)
    site = Site(clock=FixedClock())
    site.register(_handler)
    site.fire(EVENT, payload=payload)
    assert len(site.history) == 1


@settings(derandomize=True, database=None, max_examples=EXAMPLES // 2, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(["entity.number", "entity.buyerInfo", "entity.lineItems", "entity.priceSummary",
                             "metadata.id", "entity.status"]), value=JSON)
def test_generated_values_in_a_real_sample_never_escape(path: str, value: Any) -> None:
    """Contract (Hypothesis): any value put at a real field of the sample: validate raises only
    InvalidPayload; a text payload of it too."""
    payload = _sample_with(path, value)
    for given_payload in (payload, json.dumps(payload)):
        with contextlib.suppress(InvalidPayload):
            wixevents.validate(EVENT, given_payload)
