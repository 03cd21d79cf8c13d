"""Every sample of every seed-category event fires at a handler that reads real fields.

One test per category. Each fires every sample variant (``site.fire_all``) at a
handler written the way a Wix developer would, and checks the history rows: one
``ok`` row per variant, in variant order, with the handler's return value
computed from the fields the handler read and the handler's one log line.
Envelope events also check the stamping rule: the handler sees a fresh
``metadata.id`` (the row's fire ``event_id``), not the sample's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import wixevents
from wixevents import FixedClock, Site
from wixevents.runtime.records import Fire


@pytest.fixture
def site() -> Site:
    return Site(clock=FixedClock())


def fire_every_variant(site: Site, handler: Callable[[Any], Any], expected: Callable[[dict[str, Any]], Any]) -> None:
    """Register ``handler``, fire all variants, and check one ok row per variant."""
    name = handler.__name__
    if name not in wixevents.catalog:
        pytest.skip(f"{name} is not in the catalog yet")
    site.register(handler)
    variants = wixevents.samples(name)
    results = site.fire_all(name)

    frame = site.history.to_frame()
    assert list(frame["variant"]) == variants
    assert set(frame["status"]) == {"ok"}, frame[["variant", "status", "error"]]
    assert set(frame["handler"]) == {name}
    assert set(frame["event"]) == {wixevents.catalog[name].name}
    assert list(frame["log_lines"]) == [1] * len(variants)
    for result, variant in zip(results, variants, strict=True):
        fired = result.fire.payload
        assert fired == _as_stamped(wixevents.sample(name, variant), result.fire)
        assert result.value == expected(fired)
        assert result.runs[0].logs[0].message == f"{name}: {result.value}"


def _as_stamped(payload: dict[str, Any], fire: Fire) -> dict[str, Any]:
    """The sample as fired: envelope metadata carries the fire's own new ID and time."""
    meta = payload.get("metadata")
    if fire.event_id is not None and isinstance(meta, dict):
        assert fire.event_id != meta["id"], "a sample fire gets a fresh metadata.id"
        meta["id"] = fire.event_id
        meta["eventTime"] = fire.time
        if "_id" in meta:
            meta["_id"] = fire.event_id
    return payload


def _fired_meta(payload: dict[str, Any]) -> tuple[str, str]:
    return payload["metadata"]["id"], payload["metadata"]["entityId"]


def test_an_invoice_is_paid(site: Site) -> None:
    def wixBilling_onInvoicePaid(event: Any) -> Any:
        summary = [event.id.id, event.status, event.totals.total, event.customer.email]
        print(f"wixBilling_onInvoicePaid: {summary}")
        return summary

    fire_every_variant(site, wixBilling_onInvoicePaid, lambda p: [
        p["id"]["id"], "Paid", p["totals"]["total"], p["customer"]["email"]])


def test_a_file_is_uploaded_to_the_media_manager(site: Site) -> None:
    def wixMediaManager_onFileUploaded(event: Any) -> Any:
        info = event.fileInfo
        summary = [info.fileName, info.mimeType, info.sizeInBytes]
        print(f"wixMediaManager_onFileUploaded: {summary}")
        return summary

    fire_every_variant(site, wixMediaManager_onFileUploaded, lambda p: [
        p["fileInfo"]["fileName"], p["fileInfo"]["mimeType"], p["fileInfo"]["sizeInBytes"]])


def test_a_form_is_submitted_with_old_wix_forms(site: Site) -> None:
    def wixCrm_onFormSubmit(event: Any) -> Any:
        answers = {field.fieldName: field.fieldValue for field in event.submissionData}
        summary = [event.formName, event.contactId, answers]
        print(f"wixCrm_onFormSubmit: {summary}")
        return summary

    fire_every_variant(site, wixCrm_onFormSubmit, lambda p: [
        p["formName"], p["contactId"], {f["fieldName"]: f["fieldValue"] for f in p["submissionData"]}])


def test_a_form_is_submitted_with_new_wix_forms(site: Site) -> None:
    def wixForms_onSubmissionCreated(event: Any) -> Any:
        summary = [event.metadata.id, event.metadata.entityId, event.entity.get("formId"),
                   event.entity.get("submissions")]
        print(f"wixForms_onSubmissionCreated: {summary}")
        return summary

    fire_every_variant(site, wixForms_onSubmissionCreated, lambda p: [
        *_fired_meta(p), p["entity"].get("formId"), p["entity"].get("submissions")])


def test_a_member_registers(site: Site) -> None:
    def wixMembers_onMemberCreated(event: Any) -> Any:
        member = event.get("entity") or {}
        summary = [event.metadata.id, event.metadata.entityId, member.get("loginEmail"), member.get("status")]
        print(f"wixMembers_onMemberCreated: {summary}")
        return summary

    fire_every_variant(site, wixMembers_onMemberCreated, lambda p: [
        *_fired_meta(p), (p.get("entity") or {}).get("loginEmail"), (p.get("entity") or {}).get("status")])


@pytest.mark.parametrize("change", ["Created", "Updated", "Deleted"])
def test_a_database_item_changes(site: Site, change: str) -> None:
    def handler(event: Any) -> Any:
        item = event.get("entity") or {}
        summary = [event.metadata.id, event.metadata.entityId, item.get("dataCollectionId")]
        print(f"{handler.__name__}: {summary}")
        return summary

    handler.__name__ = f"wixData_onDataItem{change}"
    fire_every_variant(site, handler, lambda p: [*_fired_meta(p), (p.get("entity") or {}).get("dataCollectionId")])


def test_a_booking_is_created(site: Site) -> None:
    def wixBookings_onBookingCreated(event: Any) -> Any:
        summary = [event.metadata.id, event.metadata.entityId, event.entity.get("status")]
        print(f"wixBookings_onBookingCreated: {summary}")
        return summary

    fire_every_variant(site, wixBookings_onBookingCreated, lambda p: [*_fired_meta(p), p["entity"].get("status")])


@pytest.mark.parametrize("change", ["Confirmed", "Canceled"])
def test_a_bookings_v2_booking_is_confirmed_or_canceled(site: Site, change: str) -> None:
    def handler(event: Any) -> Any:
        booking = (event.get("data") or {}).get("booking") or {}
        summary = [event.metadata.id, event.metadata.entityId, booking.get("status")]
        print(f"{handler.__name__}: {summary}")
        return summary

    handler.__name__ = f"wixBookingsV2_onBooking{change}"
    fire_every_variant(site, handler, lambda p: [
        *_fired_meta(p), ((p.get("data") or {}).get("booking") or {}).get("status")])


@pytest.mark.parametrize("change", ["Confirmed", "Canceled"])
def test_a_legacy_v1_booking_is_confirmed_or_canceled(site: Site, change: str) -> None:
    def handler(event: Any) -> Any:
        summary = [event.booking._id, event.booking.status, event.trigger]
        print(f"{handler.__name__}: {summary}")
        return summary

    handler.__name__ = f"wixBookings_onBooking{change}"
    fire_every_variant(site, handler, lambda p: [p["booking"]["_id"], p["booking"]["status"], p["trigger"]])
