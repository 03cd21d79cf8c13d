"""Sample overrides: every path either sets its field or raises InvalidOverride saying why.

Paths come from the catalog's own field lists, then are bent the ways people
mistype them: a step into text or a number, an index past a list's end, a
Unicode digit as an index, empty steps, stray brackets.
"""

from __future__ import annotations

import functools
import os
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wixevents
from wixevents import InvalidOverride

#: Hypothesis examples per generated test: more under --adversarial-full.
EXAMPLES = 5_000 if os.environ.get("WIXEVENTS_ADVERSARIAL_FULL") == "1" else 300
AREA = "sample overrides"
EVENTS = ["wixEcom_onOrderCreated", "wixBilling_onInvoicePaid", "wixForms_onSubmissionCreated",
          "wixMembers_onMemberCreated", "wixBookings_onBookingCreated"]


@functools.cache
def paths(event: str) -> list[str]:
    return [p.replace("[]", "[0]") for p in wixevents.catalog[event].fields()["path"]]


def _get(payload: Any, path: str) -> Any:
    node = payload
    for step in re.sub(r"\[([0-9]+)\]", r".\1", path).split("."):
        node = node[int(step)] if isinstance(node, list) else node[step]
    return node


@pytest.mark.parametrize(("path", "words"), [
    ("entity.buyerInfo.email.x", "is not a field path"),
    ("entity.number.deeper.still", "is not a field path"),
    ("entity.lineItems[²].quantity", "digits 0-9"),
    ("entity.lineItems[٣].quantity", "digits 0-9"),
    ("entity.lineItems.²", "is not a field path"),
    ("entity.lineItems[10000000].quantity", "index 10000000 is out of range: entity.lineItems has 1 item(s)"),
    ("entity.lineItems.5", "index 5 is out of range: entity.lineItems has 1 item(s) (indexes 0 to 0)"),
    ("entity.lineItems[0].quantity.x", "is not a field path"),
    ("entity..number", "is not a field path"),
    ("", "a path is dotted text"),
    (".", "a path is dotted text"),
    ("entity.lineItems[-1].quantity", "digits 0-9"),
    ("entity.lineItems[0x1].quantity", "digits 0-9"),
    ("nothing", "is not a field path"),
])
def test_a_bad_path_is_invalid_override_with_the_reason(path: str, words: str) -> None:
    """Contract: a bad path raises InvalidOverride (a KeyError) whose message says why."""
    with pytest.raises(InvalidOverride) as caught:
        wixevents.sample("wixEcom_onOrderCreated", overrides={path: 1})
    assert isinstance(caught.value, KeyError) and words in str(caught.value)
    assert "The nearest valid path is 'entity.lineItems has" not in str(caught.value)


def test_an_index_into_an_empty_list_says_the_list_is_empty() -> None:
    """Contract: out of range on an empty list says it is empty."""
    payload = wixevents.sample("wixEcom_onOrderCreated")
    payload["entity"]["lineItems"] = []
    from wixevents.events.samples import apply_overrides

    with pytest.raises(InvalidOverride, match=re.escape("entity.lineItems is an empty list")):
        apply_overrides("wixEcom_onOrderCreated", payload, {"entity.lineItems[0].quantity": 2})


def test_a_path_through_a_value_that_is_text_says_what_it_is() -> None:
    """Contract: a schema path through a payload value of another kind (text where an object was
    expected) says what the value is, instead of a TypeError."""
    from wixevents.events.samples import apply_overrides

    payload = wixevents.sample("wixEcom_onOrderCreated")
    payload["entity"]["buyerInfo"] = "just text"
    with pytest.raises(InvalidOverride, match=re.escape("entity.buyerInfo is text, which has no field 'email'")):
        apply_overrides("wixEcom_onOrderCreated", payload, {"entity.buyerInfo.email": "a@b.c"})
    payload["entity"]["lineItems"] = {"0": 1}
    with pytest.raises(InvalidOverride, match=re.escape("entity.lineItems is an object, not a list")):
        apply_overrides("wixEcom_onOrderCreated", payload, {"entity.lineItems[0].quantity": 2})


def bent(path: str, how: int, extra: str, index: int) -> str:
    """One way of mistyping ``path``."""
    steps = path.split(".")
    cut = index % (len(steps) + 1)
    return [
        path,
        path + "." + extra,
        ".".join([*steps[:cut], extra, *steps[cut:]]),
        f"{path}[{index}]",
        f"{path}[{extra}]",
        path.replace("[0]", f"[{index}]"),
        ".".join(steps[:cut]) + ".." + ".".join(steps[cut:]),
        path.replace(".", "/"),
    ][how % 8]


@settings(derandomize=True, database=None, max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(event=st.sampled_from(EVENTS), data=st.data(), how=st.integers(0, 7),
       extra=st.text(max_size=6) | st.sampled_from(["²", "٣", "0", "99", "x", "", "[0]", "-1"]),
       index=st.integers(0, 10**12) | st.sampled_from([0, 1, 2, 5]), value=st.integers() | st.text() | st.none())
def test_every_generated_path_sets_its_field_or_is_invalid_override(event: str, data: st.DataObject, how: int,
                                                                    extra: str, index: int, value: Any) -> None:
    """Contract (Hypothesis, catalog paths bent many ways): an override sets exactly that field,
    or raises InvalidOverride with a message; never TypeError, ValueError, AttributeError, IndexError."""
    path = bent(data.draw(st.sampled_from(paths(event))), how, extra, index)
    try:
        payload = wixevents.sample(event, overrides={path: value})
    except InvalidOverride as exc:
        assert repr(path) in str(exc) or str(path) in str(exc)
        if "out of range" in str(exc):
            assert re.search(r"has \d+ item\(s\)|is an empty list", str(exc))
        return
    assert _get(payload, path.strip(".")) == value
