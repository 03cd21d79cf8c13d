"""The checks of ``notebooks/workshop.ipynb``, one function per exercise, kept here so tests can run them.

Each returns a :class:`~wixevents.notebook.teaching.Check`. Handler exercises use
:func:`~wixevents.notebook.teaching.check_handler`: every relevant sample variant
(plus a hand-made case where the samples miss an idea), each on a fresh site.
Hints point toward the idea, never the code.
"""

from __future__ import annotations

import copy
import math
import uuid
from typing import Any

from ..events.samples import sample, samples
from ..runtime.clock import FixedClock
from ..site import Site
from .teaching import Check, _remember, check, check_handler, raises

__all__ = [f"check_{n}" for n in range(1, 13)]

MEMBER, UPLOAD, INVOICE = "wixMembers_onMemberCreated", "wixMediaManager_onFileUploaded", "wixBilling_onInvoicePaid"
BOOKING, ITEM = "wixBookingsV2_onBookingCanceled", "wixData_onDataItemCreated"


def _not_none(answer: Any, name: str) -> None:
    assert answer is not None, f"{name} is still None: change the answer cell and run it."


def check_1(answer: str) -> Check:
    return check("1. the V2 handler for canceled bookings", lambda: answer == "wixBookingsV2_onBookingCanceled",
                 hint="the old Bookings module is deprecated; its replacement column names the handler to use")


def check_2(answer: str) -> Check:
    return check("2. where a new member's login email is", lambda: answer == "entity.loginEmail",
                 hint="the event's fields() table lists every dotted path; look for the one about signing in")


def check_3(answer: str) -> Check:
    def test() -> bool:
        assert answer in samples("wixForms_onSubmissionCreated"), f"{answer!r} is not a variant of this event."
        return bool(sample("wixForms_onSubmissionCreated", answer)["entity"]["status"] == "PAYMENT_WAITING")

    return check("3. the variant waiting for payment", test,
                 hint="compare the variants side by side and read the row of entity.status")


def display_name(payload: Any) -> Any:
    member = payload.get("entity") or {}
    return (member.get("profile") or {}).get("nickname") or member.get("loginEmail")


def _without_nickname() -> dict[str, Any]:
    payload = copy.deepcopy(sample(MEMBER, "default"))
    payload["entity"].get("profile", {}).pop("nickname", None)
    return payload


def check_4(site: Any) -> Check:
    return check_handler("4. the member's display name", site, MEMBER, display_name,
                         cases={"default without a nickname": _without_nickname()},
                         hint="not every member has a profile or a nickname: read optional fields so a missing "
                              "one gives None instead of an error, and fall back to the login email")


def check_5(site: Any) -> Check:
    return check_handler("5. each upload logs its file name", site, UPLOAD,
                         lambda payload: [payload["fileInfo"]["originalFileName"]],
                         got=lambda result: [line.message for run in result.runs for line in run.logs],
                         hint="the file's original name is in the event's file info; print exactly that, once")


def check_6(result: Any) -> Check:
    def test() -> bool:
        _not_none(result, "result_6")
        return bool(result.fire.variant == "default" and result.fire.payload["totals"]["total"] == 0
                    and result.value == 0)

    return check("6. a zero-total invoice fired", test,
                 hint="set= takes the dotted path of the field that holds the total and its new value")


def check_7(result: Any) -> Check:
    def test() -> bool:
        _not_none(result, "result_7")
        total = (result.fire.payload.get("totals") or {}).get("total")
        return bool(result.statuses == ["invalid_payload"] and isinstance(total, str)
                    and not total.replace(".", "", 1).isdigit())

    return check("7. an invalid payload is recorded, not run", test,
                 hint="override the total with words, not a number: text where a number is typed is rejected, "
                      "while a value the typings merely do not list is only a warning")


def _booking_outcome(payload: Any) -> Any:
    booking_id = ((payload.get("data") or {}).get("booking") or {}).get("_id")
    return booking_id if booking_id else raises("ValueError")


def _booking_cases() -> dict[str, Any]:
    """Every sample carries a booking with its ID: two hand-made payloads lack one."""
    no_id, no_booking = copy.deepcopy(sample(BOOKING, "minimal")), copy.deepcopy(sample(BOOKING, "minimal"))
    no_id["data"]["booking"].pop("_id", None)
    no_booking["data"].pop("booking", None)
    return {"booking without an _id": no_id, "no booking at all": no_booking}


def check_8(site: Any) -> Check:
    return check_handler("8. only the booking without an ID fails", site, BOOKING, _booking_outcome,
                         cases=_booking_cases(),
                         hint="the booking is at event.data.booking and may be missing or have no _id: "
                              "raise a ValueError then, return the _id otherwise")


def check_9(answer: Any, site: Any) -> Check:
    def test() -> bool:
        _not_none(answer, "answer_9")
        expected = site.history.to_frame()["status"].value_counts().to_dict()
        return bool(dict(answer.to_dict()) == expected)

    return check("9. runs per status", test, hint="one column of the history's DataFrame, counted by value")


def check_10(result: Any, site: Any) -> Check:
    def test() -> bool:
        _not_none(result, "result_10")
        assert site.mode == "published", "the site is still in preview: switch it back to published."
        return bool(result.fire.mode == "preview" and result.fire.variant == "zero-amount"
                    and result.fire.trigger == "test" and result.statuses == ["ok"])

    return check("10. tested by hand in preview", test,
                 hint="in preview Fire runs nothing; site.test runs handlers by hand in any mode")


def check_11(site: Any) -> Check:
    priced = [v for v in samples(INVOICE) if isinstance((sample(INVOICE, v).get("totals") or {}).get("total"),
                                                         (int, float))]

    def both(payload: Any) -> Any:
        total = payload["totals"]["total"]
        return [("notebook", total), ("loyalty", math.floor(total))]

    with_cents = copy.deepcopy(sample(INVOICE))
    with_cents["totals"]["total"] = 49.9  # rounding down and rounding differ here
    return check_handler("11. two sources, site first", site, INVOICE, both, variants=priced,
                         cases={"a total of 49.9": with_cents},
                         got=lambda result: [(run.source, run.value) for run in result.runs],
                         hint="a second handler cell with its own --source; the points are the total rounded "
                              "down to a whole number")


HINT_12 = ("the handler must remember event IDs between calls, in something defined outside the function; "
           "a repeat has the same metadata.id")


def check_12(site: Any) -> Check:
    """Three deliveries on a fresh site: an event, the same event again, another event.

    The event IDs are new on every run of the check, so a handler that still
    remembers the IDs of an earlier run gets the same verdict.
    """
    title = "12. a repeated delivery is spotted"
    handlers = [h for h in site.handlers if h.event.name == ITEM]
    if not handlers:
        return _remember(Check(title, False, HINT_12, f"No handler for {ITEM} is registered yet: "
                                                      "run the cell that defines it."))
    first, other = (copy.deepcopy(sample(ITEM, "orders-item")) for _ in range(2))
    first["metadata"]["id"], other["metadata"]["id"] = str(uuid.uuid4()), str(uuid.uuid4())
    fresh = Site(clock=FixedClock())
    for handler in handlers:
        fresh.register(handler.fn, source=handler.source, name=handler.name)
    rows = []
    for case, payload, want in [("first delivery", first, "new"), ("the same event again", first, "duplicate"),
                                ("another event", other, "new")]:
        run = fresh.fire(ITEM, payload=payload).runs[0]
        got = str(run.error) if run.error else repr(run.value)
        rows.append((case, repr(want), got, run.error is None and run.value == want))
    passed = all(r[3] for r in rows)
    return _remember(Check(title, passed, HINT_12, "" if passed else "the deliveries came back differently:",
                           tuple(rows)))
