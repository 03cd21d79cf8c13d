"""A JavaScript handler is called like a Python one: payload in as Wix delivers it, JSON values out.

Datetimes arrive as JavaScript Dates, ``_id`` keys stay, async handlers are
awaited, and a thrown error becomes a ``JsError`` whose stack names the user's
file and line.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import pytest

pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')

import wixevents
from wixevents.js import JsEngine, JsError, JsHandler, load_source

HANDLERS = """\
export function wixEcom_onOrderCreated(event) {
  const created = event.entity._createdDate;
  return { isDate: created instanceof Date, iso: created.toISOString(), id: event.entity._id,
           keys: Object.keys(event.entity).filter((k) => k.startsWith("_")).sort() };
}

export async function wixBilling_onInvoicePaid(event) {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return { paid: event.when, at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), nothing: undefined, list: [1, "a", null] };
}

export const wixCrm_onFormSubmit = (event) => { throw new RangeError(`bad form ${event.id}`); };

export async function wixBilling_onInvoiceSent(event) {
  await null;
  return Promise.reject("plain text");
}

export function wixBilling_onInvoiceCreated() {
  const cyclic = {}; cyclic.self = cyclic;
  return cyclic;
}
"""


@pytest.fixture(scope="module")
def handlers() -> Iterator[dict[str, JsHandler]]:
    with JsEngine() as engine:
        yield {h.__name__: h for h in load_source(engine, HANDLERS, source="site").handlers}


def test_a_js_handler_looks_like_a_python_handler(handlers: dict[str, JsHandler]) -> None:
    paid = handlers["wixBilling_onInvoicePaid"]
    assert (paid.__name__, paid.source, paid.file, paid.line, paid.is_async) == (
        "wixBilling_onInvoicePaid", "site", "events.js", 7, True)
    assert handlers["wixCrm_onFormSubmit"].is_async is False
    inspect.signature(paid).bind({})  # callable as fn(event), like a def
    assert not inspect.iscoroutinefunction(paid)  # the call itself waits for the promise
    assert repr(paid) == "<JsHandler async wixBilling_onInvoicePaid from events.js:7 (source 'site')>"


def test_the_payload_arrives_as_wix_delivers_it_dates_as_date_objects_and_id_keys_kept(
        handlers: dict[str, JsHandler]) -> None:
    event = wixevents.validate("wixEcom_onOrderCreated", wixevents.sample("wixEcom_onOrderCreated"))
    got = handlers["wixEcom_onOrderCreated"](event)
    assert got["isDate"] is True
    assert got["iso"] == event["entity"]["_createdDate"].isoformat(timespec="milliseconds").replace("+00:00", "Z")
    assert got["id"] == event["entity"]["_id"] and {"_id", "_createdDate", "_updatedDate"} <= set(got["keys"])


def test_naive_datetimes_are_taken_as_utc(handlers: dict[str, JsHandler]) -> None:
    got = handlers["wixEcom_onOrderCreated"]({"entity": {"_id": "o1", "_createdDate": datetime(2024, 3, 4, 5, 6)}})
    assert got["iso"] == "2024-03-04T05:06:00.000Z"


def test_payload_keys_stay_data_and_values_json_cannot_spell_become_null(handlers: dict[str, JsHandler]) -> None:
    event = {"entity": {"_id": "o2", "_createdDate": datetime(2024, 1, 1), "__proto__": {"polluted": True},
                        "score": float("nan")}}
    got = handlers["wixEcom_onOrderCreated"](event)
    assert got["id"] == "o2" and "__proto__" in got["keys"]  # an own key (data), not the prototype
    assert handlers["wixBilling_onInvoicePaid"]({"when": float("inf")})["paid"] is None


def test_async_handlers_are_awaited_and_return_json_values_with_dates(handlers: dict[str, JsHandler]) -> None:
    when = datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=timezone.utc)
    assert handlers["wixBilling_onInvoicePaid"]({"when": when}) == {
        "paid": when, "at": datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc), "list": [1, "a", None]}


def test_a_thrown_error_becomes_a_js_error_with_message_name_and_the_users_line(
        handlers: dict[str, JsHandler]) -> None:
    with pytest.raises(JsError) as caught:
        handlers["wixCrm_onFormSubmit"]({"id": "f-1"})
    error = caught.value
    assert (str(error), error.js_name, error.file, error.line) == ("bad form f-1", "RangeError", "events.js", 12)
    assert error.stack.splitlines() == ["RangeError: bad form f-1",
                                        "    at wixCrm_onFormSubmit (events.js:12:55)"]


def test_a_rejected_promise_with_a_plain_value_is_an_error_too(handlers: dict[str, JsHandler]) -> None:
    with pytest.raises(JsError, match="plain text") as caught:
        handlers["wixBilling_onInvoiceSent"]({})
    assert caught.value.js_name == "Error" and caught.value.stack == ""


def test_a_value_json_cannot_hold_comes_back_as_a_note(handlers: dict[str, JsHandler]) -> None:
    got: Any = handlers["wixBilling_onInvoiceCreated"]({})
    assert isinstance(got, str) and got.startswith("[value JSON cannot hold: Converting circular structure")
