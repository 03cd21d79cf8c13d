"""The workshop's checks are always right: the solution passes, typical wrong answers fail, twice the same verdict."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

import wixevents
from wixevents import FixedClock, Site
from wixevents.notebook import teaching, workshop

Handler = Callable[..., Any]


def site_with(*handlers: Handler, source: str | None = None) -> Site:
    site = Site(clock=FixedClock())
    for fn in handlers:
        site.register(fn, source=source)
    return site


def named(name: str, fn: Handler) -> Handler:
    fn.__name__ = name
    return fn


MEMBER, UPLOAD, BOOKING, ITEM, INVOICE = (workshop.MEMBER, workshop.UPLOAD, workshop.BOOKING, workshop.ITEM,
                                          workshop.INVOICE)


def member_solution(event: Any) -> Any:
    return (event.entity.get("profile") or {}).get("nickname") or event.entity.get("loginEmail")


def upload_solution(event: Any) -> None:
    print(event.fileInfo.originalFileName)


def booking_solution(event: Any) -> Any:
    booking_id = (event.data.get("booking") or {}).get("_id")
    if not booking_id:
        raise ValueError("a canceled booking without an ID")
    return booking_id


def make_dedupe() -> Handler:
    seen: set[str] = set()

    def wixData_onDataItemCreated(event: Any) -> str:
        if event.metadata.id in seen:
            return "duplicate"
        seen.add(event.metadata.id)
        return "new"

    return wixData_onDataItemCreated


def invoice_site(loyalty: Handler | None) -> Site:
    site = site_with(named(INVOICE, lambda event: event.totals.total))
    if loyalty is not None:
        site.register(named(INVOICE, loyalty), source="loyalty")
    return site


HANDLER_CASES: dict[str, tuple[Callable[[Site], teaching.Check], Callable[[], Site], list[Callable[[], Site]]]] = {
    "4": (workshop.check_4, lambda: site_with(named(MEMBER, member_solution)), [
        lambda: site_with(named(MEMBER, lambda event: None)),
        lambda: site_with(named(MEMBER, lambda event: event.entity.profile.nickname)),  # crashes on minimal
        lambda: site_with(named(MEMBER, lambda event: (event.entity.get("profile") or {}).get("nickname"))),
        lambda: site_with(named(MEMBER, lambda event: event.entity.get("loginEmail"))),
    ]),
    "5": (workshop.check_5, lambda: site_with(named(UPLOAD, upload_solution)), [
        lambda: site_with(named(UPLOAD, lambda event: None)),
        lambda: site_with(named(UPLOAD, lambda event: print(event.fileInfo.fileName))),
        lambda: site_with(named(UPLOAD, lambda event: print(event.fileInfo.originalFileName) or print("done"))),
    ]),
    "8": (workshop.check_8, lambda: site_with(named(BOOKING, booking_solution)), [
        lambda: site_with(named(BOOKING, lambda event: None)),
        lambda: site_with(named(BOOKING, lambda event: event.data.booking._id)),  # AttributeError, not ValueError
        lambda: site_with(named(BOOKING, lambda event: (event.data.get("booking") or {}).get("_id"))),
    ]),
    "11": (workshop.check_11, lambda: invoice_site(lambda event: math.floor(event.totals.total)), [
        lambda: invoice_site(None),
        lambda: invoice_site(lambda event: round(event.totals.total)),
        lambda: invoice_site(lambda event: event.totals.total),
    ]),
    "12": (workshop.check_12, lambda: site_with(make_dedupe()), [
        lambda: site_with(named(ITEM, lambda event: "new")),
        lambda: site_with(named(ITEM, lambda event: None)),
        lambda: site_with(named(ITEM, lambda event: "duplicate")),
    ]),
}


@pytest.mark.parametrize("exercise", HANDLER_CASES)
def test_a_handler_check_passes_the_solution_twice(exercise: str) -> None:
    check, solved, _ = HANDLER_CASES[exercise]
    site = solved()
    first, second = check(site), check(site)
    assert first.passed and second.passed, repr(first)


@pytest.mark.parametrize(("exercise", "wrong"), [(name, i) for name, case in HANDLER_CASES.items()
                                                 for i in range(len(case[2]))])
def test_a_handler_check_fails_a_typical_wrong_answer_twice_with_a_table_of_cases(exercise: str, wrong: int) -> None:
    check, _, wrongs = HANDLER_CASES[exercise]
    site = wrongs[wrong]()
    first, second = check(site), check(site)
    assert not first.passed and not second.passed
    assert first.rows and any(not row[3] for row in first.rows)
    assert "<th style='text-align:left;padding:1px 8px;border:none;vertical-align:top'>expected</th>" in (
        first._repr_html_())


def test_a_check_with_no_handler_registered_says_which_cell_to_run() -> None:
    verdict = workshop.check_4(Site(clock=FixedClock()))
    assert not verdict and "No handler for wixMembers_onMemberCreated is registered yet" in repr(verdict)


def test_the_member_check_covers_a_member_without_a_nickname_though_no_sample_has_one() -> None:
    rows = workshop.check_4(site_with(named(MEMBER, member_solution))).rows
    assert ("default without a nickname", repr(wixevents.sample(MEMBER)["entity"]["loginEmail"]),
            repr(wixevents.sample(MEMBER)["entity"]["loginEmail"]), True) in rows
    assert {row[0] for row in rows} >= set(wixevents.samples(MEMBER))


def test_the_booking_check_shows_the_expected_error_and_what_came_back() -> None:
    verdict = workshop.check_8(site_with(named(BOOKING, lambda event: (event.data.get("booking") or {}).get("_id"))))
    assert ("booking without an _id", "raises ValueError", "no error, returned None", False) in verdict.rows
    assert "event.data.booking" in verdict.hint


@pytest.mark.parametrize(("check", "right", "wrong"), [
    (workshop.check_1, "wixBookingsV2_onBookingCanceled", "wixBookings_onBookingCanceled"),
    (workshop.check_2, "entity.loginEmail", "entity.contact.email"),
    (workshop.check_3, "payment-waiting", "default"),
])
def test_an_answer_check_passes_the_answer_and_fails_another(check: Callable[[str], teaching.Check], right: str,
                                                             wrong: str) -> None:
    assert check(right) and check(right)
    assert not check(wrong) and not check("") and not check(wrong)


def test_the_firing_answer_checks_pass_the_solution_and_fail_wrong_results() -> None:
    site = invoice_site(None)
    assert workshop.check_6(site.fire(INVOICE, set={"totals.total": 0}))
    assert not workshop.check_6(site.fire(INVOICE)) and not workshop.check_6(None)
    assert not workshop.check_6(site.fire(INVOICE, "zero-amount"))
    assert workshop.check_7(site.fire(INVOICE, set={"totals.total": "a lot"}))
    assert not workshop.check_7(site.fire(INVOICE, set={"status": "paid"}))  # accepted with a warning: it runs
    assert not workshop.check_7(site.fire(INVOICE, set={"totals.total": "12.50"}))  # numeric text is a number
    counts = site.history.to_frame()["status"].value_counts()
    assert workshop.check_9(counts, site) and not workshop.check_9(counts.head(1), site)
    assert not workshop.check_9(None, site)
    site.mode = "preview"
    tested = site.test(INVOICE, "zero-amount")
    assert not workshop.check_10(tested, site)  # still in preview
    site.mode = "published"
    assert workshop.check_10(tested, site) and workshop.check_10(tested, site)
    assert not workshop.check_10(site.test(INVOICE, "zero-amount"), site)  # tested, but not in preview
    assert not workshop.check_10(site.fire(INVOICE, "zero-amount"), site)


def test_progress_shows_a_bar_and_a_tick_per_exercise() -> None:
    teaching.reset()
    workshop.check_1("wixBookingsV2_onBookingCanceled")
    workshop.check_2("nope")
    shown = teaching.progress()
    assert repr(shown).splitlines() == ["1 of 2 done", "  ✔ 1. the V2 handler for canceled bookings",
                                        "  ✘ 2. where a new member's login email is"]
    assert "width:50%" in shown._repr_html_()
    assert shown.to_frame()["done"].tolist() == [True, False]
