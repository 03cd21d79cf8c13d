"""Site behaviour: registration by Wix's naming rule, sources and order, modes, payload checks, stamping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import wixevents
from wixevents import FixedClock, HandlerError, Site, UnknownEventType

INVOICE = "wixBilling_onInvoicePaid"
FORM = "wixForms_onSubmissionCreated"


@pytest.fixture
def site() -> Site:
    return Site(clock=FixedClock())


def test_an_unknown_handler_name_fails_at_registration_with_suggestions(site: Site) -> None:
    def wixBilling_onInvoicePayed(event: Any) -> None: ...

    with pytest.raises(UnknownEventType) as caught:
        site.register(wixBilling_onInvoicePayed)
    assert INVOICE in caught.value.suggestions
    assert len(site.handlers) == 0


def test_the_decorator_rejects_unknown_names_and_functions_that_take_no_event(site: Site) -> None:
    with pytest.raises(UnknownEventType):
        @site.handler
        def wixEcom_onOrderCreate(event: Any) -> None: ...

    with pytest.raises(HandlerError, match="one argument"):
        @site.handler
        def wixBilling_onInvoicePaid() -> None: ...


def test_registering_the_same_name_from_the_same_source_replaces_it(site: Site) -> None:
    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> str:
        return "first"

    @site.handler  # the cell is edited and run again
    def wixBilling_onInvoicePaid(event: Any) -> str:  # noqa: F811
        return "second"

    assert len(site.handlers) == 1
    assert site.fire(INVOICE).value == "second"


def test_an_alias_registers_for_the_canonical_event(site: Site) -> None:
    @site.handler
    def wixBookingsV2_onBookingCreated(event: Any) -> str:
        return str(event.metadata.entityId)

    result = site.fire("wixBookings_onBookingCreated")
    assert result.runs[0].handler == "wixBookingsV2_onBookingCreated"
    assert result.runs[0].event == "wixBookings_onBookingCreated"
    assert result.value == result.fire.payload["metadata"]["entityId"]


def test_every_source_runs_in_documented_order_and_one_failure_does_not_stop_the_others(site: Site) -> None:
    def make(label: str, fail: bool = False) -> Any:
        def wixBilling_onInvoicePaid(event: Any) -> str:
            if fail:
                raise RuntimeError(f"{label} broke on invoice {event.id.id}")
            return label
        return wixBilling_onInvoicePaid

    site.register(make("zeta-package"), source="zeta-package")
    site.register(make("alpha-package", fail=True), source="alpha-package")
    site.register(make("notebook"))  # the site's own source, registered last, runs first

    result = site.fire(INVOICE)
    assert [r.source for r in result] == ["notebook", "alpha-package", "zeta-package"]
    assert result.statuses == ["ok", "error", "ok"]
    assert [r.value for r in result] == ["notebook", None, "zeta-package"]
    failed = result.runs[1].error
    assert failed is not None and failed.type == "RuntimeError"
    assert "alpha-package broke on invoice" in failed.message
    assert not result.ok


def test_preview_mode_records_why_nothing_ran_and_site_test_still_runs_the_handler() -> None:
    site = Site(mode="preview", clock=FixedClock())
    calls: list[str] = []

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> str:
        calls.append(event.number)
        return str(event.number)

    fired = site.fire(INVOICE)
    assert fired.statuses == ["not_triggered_in_preview"]
    assert fired.ok and calls == []
    note = fired.runs[0].note or ""
    assert "published site" in note and "site.test" in note and "wixBilling_onInvoicePaid (notebook)" in note

    tested = site.test(INVOICE, "minimal")
    assert tested.statuses == ["ok"]
    assert tested.runs[0].trigger == "test" and calls == [tested.value]
    assert list(site.history.to_frame()["status"]) == ["not_triggered_in_preview", "ok"]


def test_site_test_runs_an_unregistered_function_with_a_payload_dict(site: Site) -> None:
    def wixBilling_onInvoicePaid(event: Any) -> Any:
        return event.title

    payload = wixevents.sample(INVOICE, overrides={"title": "Kiln repair"})
    assert site.test(wixBilling_onInvoicePaid, payload).value == "Kiln repair"
    assert len(site.handlers) == 0


def test_an_invalid_payload_records_its_problems_and_runs_nothing(site: Site) -> None:
    calls: list[Any] = []
    site.register(lambda event: calls.append(event), name=INVOICE)

    result = site.fire(INVOICE, set={"status": 7})  # a number where the handler expects text
    assert result.statuses == ["invalid_payload"] and calls == []
    error = result.runs[0].error
    assert error is not None and error.type == "InvalidPayload"
    assert [p["path"] for p in error.problems] == ["$.status"]
    assert "Paid" in error.problems[0]["expected"]


def test_a_fire_with_no_handler_is_recorded_not_lost(site: Site) -> None:
    result = site.fire(FORM)
    assert result.statuses == ["no_handler"] and not result.ok
    assert len(site.payloads(FORM)) == 1


def test_a_sample_fire_gets_a_fresh_event_id_and_time_unless_set_overrides_them(site: Site) -> None:
    seen: list[tuple[str, str]] = []
    site.register(lambda event: seen.append((event.metadata.id, event.metadata.eventTime)), name=FORM)

    first, second = site.fire(FORM), site.fire(FORM)
    pinned = site.fire(FORM, set={"metadata.id": "dup-1", "metadata.eventTime": "2026-02-01T00:00:00.000Z"})

    assert seen[0][0] != seen[1][0] and seen[0][0] != wixevents.sample(FORM)["metadata"]["id"]
    assert (first.fire.event_id, second.fire.event_id) == (seen[0][0], seen[1][0])
    assert first.fire.payload["metadata"]["eventTime"] == first.fire.time
    assert pinned.fire.payload["metadata"]["id"] == "dup-1" and pinned.fire.event_id == "dup-1"
    assert str(seen[2][1]).startswith("2026-02-01")


def test_an_explicit_payload_is_fired_as_given(site: Site) -> None:
    site.register(lambda event: event.metadata.id, name=FORM)
    payload = wixevents.sample(FORM)
    result = site.fire(FORM, payload=payload)
    assert result.fire.payload == payload and result.value == payload["metadata"]["id"]
    assert result.fire.variant is None


def test_fire_many_and_fire_all_return_one_result_per_fire(site: Site) -> None:
    site.register(lambda event: event.title, name=INVOICE)
    titles = ["A", "B", "C"]
    many = site.fire_many(INVOICE, [wixevents.sample(INVOICE, overrides={"title": t}) for t in titles])
    assert [r.value for r in many] == titles and many.ok
    every = site.fire_all(INVOICE)
    assert [r.fire.variant for r in every] == wixevents.samples(INVOICE)
    assert list(site.payloads(INVOICE)["title"])[:3] == titles


def test_load_registers_handlers_from_a_file_and_reports_look_alikes(site: Site, tmp_path: Path) -> None:
    file = tmp_path / "events.py"
    file.write_text(
        "from pottery_helpers import shout\n"
        "def wixBilling_onInvoicePaid(event):\n    return shout(event.title)\n"
        "def wixBilling_onInvoicePayed(event):\n    pass\n"
        "def format_price(amount):\n    return amount\n", encoding="utf-8")
    (tmp_path / "pottery_helpers.py").write_text("def shout(text):\n    return text.upper()\n", encoding="utf-8")

    with pytest.warns(UserWarning, match="wixBilling_onInvoicePayed"):
        report = site.load(file, source="my-package")
    assert [h.name for h in report.registered] == [INVOICE]
    assert list(report.lookalikes) == ["wixBilling_onInvoicePayed"]  # format_price is no look-alike
    assert INVOICE in report.lookalikes["wixBilling_onInvoicePayed"]
    result = site.fire(INVOICE)
    assert result.runs[0].source == "my-package" and result.value == wixevents.sample(INVOICE)["title"].upper()


def test_site_test_asks_which_source_when_a_name_is_registered_by_several(site: Site) -> None:
    site.register(lambda event: "site", name=INVOICE)
    site.register(lambda event: "package", name=INVOICE, source="package")
    with pytest.raises(HandlerError, match="several sources"):
        site.test(INVOICE)
    assert site.test(INVOICE, source="package").value == "package"
    with pytest.raises(HandlerError, match="no handler named"):
        site.test(FORM)


def test_site_test_without_validation_hands_a_broken_payload_to_the_handler(site: Site) -> None:
    def wixBilling_onInvoicePaid(event: Any) -> Any:
        return event.get("status", "no status")

    assert site.test(wixBilling_onInvoicePaid, {"title": ["not", "text"]}).statuses == ["invalid_payload"]
    assert site.test(wixBilling_onInvoicePaid, {"title": ["not", "text"]}, validate=False).value == "no status"


def test_code_outside_a_fire_uses_the_default_site_and_code_inside_uses_its_own(site: Site) -> None:
    from wixevents.runtime.context import current_site

    assert current_site() is Site.default() is Site.default()
    site.register(lambda event: current_site() is site, name=INVOICE)
    assert site.fire(INVOICE).value is True


def test_a_site_refuses_an_unknown_mode_or_a_timeout_that_is_not_positive() -> None:
    with pytest.raises(ValueError, match="published"):
        Site(mode="live")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timeout"):
        Site(timeout=0)
