"""Samples are fresh copies; dotted overrides edit them and refuse paths the schema lacks."""

from __future__ import annotations

import pytest

import wixevents
from wixevents import InvalidOverride, UnknownSample


def test_every_event_has_a_default_and_a_minimal_sample() -> None:
    for name in wixevents.catalog:
        variants = wixevents.samples(name)
        assert variants[:2] == ["default", "minimal"], name


def test_each_call_returns_a_fresh_copy() -> None:
    first = wixevents.sample("wixBilling_onInvoicePaid")
    first["status"] = "Void"
    assert wixevents.sample("wixBilling_onInvoicePaid")["status"] == "Paid"


def test_generated_values_fit_the_event() -> None:
    """Enum members that match the event's name are chosen, and the envelope agrees with itself."""
    assert wixevents.sample("wixBilling_onInvoicePaid")["status"] == "Paid"
    created = wixevents.sample("wixForms_onSubmissionCreated")
    assert created["metadata"]["entityId"] == created["entity"]["_id"]
    assert wixevents.sample("wixForms_onSubmissionCreated") == created, "samples are deterministic"


def test_an_alias_reads_the_canonical_samples() -> None:
    assert wixevents.sample("wixBookingsV2_onBookingCreated") == wixevents.sample("wixBookings_onBookingCreated")


def test_overrides_set_nested_fields_and_list_items() -> None:
    payload = wixevents.sample("wixEcom_onOrderCreated", overrides={
        "entity.priceSummary.total.amount": "0",
        "entity.lineItems[0].quantity": 3,
        "entity.lineItems.0.productName.original": "Mug",
    })
    assert payload["entity"]["priceSummary"]["total"]["amount"] == "0"
    assert payload["entity"]["lineItems"][0]["quantity"] == 3
    assert payload["entity"]["lineItems"][0]["productName"]["original"] == "Mug"
    wixevents.validate("wixEcom_onOrderCreated", payload)


def test_an_override_creates_missing_optional_objects() -> None:
    gdpr = {"metadata.triggeredByAnonymizeRequest": True}
    payload = wixevents.sample("wixForms_onSubmissionCreated", "minimal", gdpr)
    assert payload["metadata"]["triggeredByAnonymizeRequest"] is True


def test_an_override_path_outside_the_schema_names_the_nearest_valid_path() -> None:
    with pytest.raises(InvalidOverride) as info:
        wixevents.sample("wixEcom_onOrderCreated", overrides={"entity.priceSumary.total.amount": "0"})
    assert isinstance(info.value, KeyError)
    assert info.value.nearest == "entity.priceSummary.total.amount"
    assert "entity.priceSummary.total.amount" in str(info.value)


def test_an_override_index_past_the_end_of_a_list_is_refused() -> None:
    with pytest.raises(InvalidOverride, match="1 item"):
        wixevents.sample("wixEcom_onOrderCreated", overrides={"entity.lineItems.5.quantity": 1})


def test_free_form_objects_accept_any_key() -> None:
    payload = wixevents.sample("wixData_onDataItemCreated", overrides={"entity.data.color": "blue"})
    assert payload["entity"]["data"]["color"] == "blue"


def test_an_unknown_variant_lists_the_existing_ones() -> None:
    with pytest.raises(UnknownSample, match="it has: default, ") as info:
        wixevents.sample("wixBilling_onInvoicePaid", "nope")
    assert info.value.variants == wixevents.samples("wixBilling_onInvoicePaid")
