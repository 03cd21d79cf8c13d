"""The catalog covers every backend event Wix documents, under the names a site exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import REFERENCE

import wixevents
from wixevents import UnknownEventType, catalog
from wixevents.events.catalog import schema

HANDLER = re.compile(r"^[a-z][A-Za-z0-9]*_on[A-Z][A-Za-z0-9]*$")


def reference_operations() -> set[str]:
    ops = set()
    for path in REFERENCE.glob("*/*/Events.service.json"):
        svc = json.loads(path.read_text(encoding="utf-8"))
        ops |= {f"{svc['memberOf']}.{op['name']}" for op in svc["operations"]}
    return ops


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the Velo reference is not beside this checkout")
def test_every_reference_event_operation_belongs_to_exactly_one_catalog_entry() -> None:
    listed = [op for name in catalog if catalog[name].source != "docs" for op in catalog[name].operations]
    assert len(listed) == len(set(listed)), "an operation is claimed by two entries"
    assert set(listed) == reference_operations()


def test_the_catalog_counts_the_documented_events() -> None:
    """326 reference operations, 272 names, +7 Events V3 spellings, +3 data-item events, +2 from doc pages."""
    assert sum(len(catalog[n].operations) for n in catalog) == 328
    assert len(catalog) == 284
    assert {"wixData_onDataItemCreated", "wixData_onDataItemUpdated", "wixData_onDataItemDeleted"} <= set(catalog)


def test_every_name_follows_the_velo_naming_rule() -> None:
    for name in catalog:
        event = catalog[name]
        assert HANDLER.match(name), name
        assert name.endswith("_" + event.event)
        assert event.kind in {"flat", "entity", "data", "metadata"}
        assert event.docs_url.startswith("https://dev.wix.com/docs/velo/")
        assert event.summary and event.summary.endswith(".")


def test_a_legacy_and_a_v2_module_sharing_a_name_are_one_event_with_two_shapes() -> None:
    member = catalog["wixMembers_onMemberCreated"]
    assert member.module == "wix-members.v2"
    assert [s.module for s in member.shapes] == ["wix-members.v2", "wix-members-backend"]
    assert "legacy" not in member.samples()
    assert "wix-members-backend" in member.samples()


def test_documented_alternative_spellings_resolve_to_the_canonical_entry() -> None:
    assert catalog["wixBookingsV2_onBookingCreated"] is catalog["wixBookings_onBookingCreated"]
    assert catalog["wixEvents_onPolicyCreated"] is catalog["wixEventsV3_onPolicyCreated"]
    assert catalog["wixStoresCatalogV1_onProductCreated"].name == "wixStoresCatalog_onProductCreated"
    assert "wixBookingsV2_onBookingCreated" in catalog


def test_legacy_booking_and_wix_events_names_are_not_merged_with_their_v2_namesakes() -> None:
    assert catalog["wixBookings_onBookingConfirmed"].kind == "flat"
    assert catalog["wixBookingsV2_onBookingConfirmed"].kind == "data"
    assert catalog["wixEvents_onEventCreated"].kind == "flat"
    assert catalog["wixEventsV3_onEventCreated"].module == "wix-events.v2"


def test_deprecated_events_name_their_replacement_when_the_reference_does() -> None:
    old = catalog["wixBookings_onBookingCanceled"]
    assert old.deprecated and old.replacement == "wixBookingsV2_onBookingCanceled"
    assert catalog["wixStores_onNewOrder"].replacement == "wixEcom_onOrderApproved"
    assert not catalog["wixEcom_onOrderCreated"].deprecated


def test_webhook_slugs_come_from_the_sdk_packages() -> None:
    assert catalog["wixEcom_onOrderCreated"].slug == "wix.ecom.v1.order_created"
    assert catalog["wixData_onDataItemUpdated"].slug == "wix.data.v2.data_item_updated"
    assert catalog["wixBilling_onInvoicePaid"].slug is None


def test_an_unknown_name_is_a_key_error_that_suggests_the_closest_names() -> None:
    with pytest.raises(UnknownEventType) as info:
        catalog["wixEcom_onOrderCreate"]
    assert isinstance(info.value, KeyError)
    assert info.value.suggestions[0] == "wixEcom_onOrderCreated"
    assert "Did you mean wixEcom_onOrderCreated" in str(info.value)


def test_the_catalog_is_read_only() -> None:
    with pytest.raises(TypeError):
        catalog["x"] = catalog["wixBilling_onInvoicePaid"]  # type: ignore[index]


def test_to_frame_has_one_row_per_event_with_sample_counts() -> None:
    frame = catalog.to_frame()
    assert len(frame) == len(catalog)
    assert {"name", "module", "kind", "deprecated", "replacement", "summary", "docs_url", "samples"} <= set(frame)
    assert (frame["samples"] >= 1).all()


def test_search_finds_events_by_name_module_or_summary() -> None:
    names = set(catalog.search("invoice")["name"])
    assert "wixBilling_onInvoicePaid" in names
    assert list(catalog.search("Invoice PAID")["name"]) == ["wixBilling_onInvoicePaid"], "every word, any case"
    assert "wixEcom_onOrderCreated" in set(catalog.search("wix.ecom.v1.order_created")["name"]), "slugs too"
    assert "wixBookings_onBookingCreated" in set(catalog.search("wixBookingsV2_onBookingCreated")["name"])
    assert set(catalog.search("wix-forms.v2")["name"]) == {
        "wixForms_onSubmissionCreated", "wixForms_onSubmissionUpdated", "wixForms_onSubmissionDeleted"}


def test_fields_lists_every_path_with_type_enum_and_hand_written_notes() -> None:
    fields = catalog["wixBilling_onInvoicePaid"].fields().set_index("path")
    assert fields.loc["status", "type"] == "enum"
    assert "Paid" in fields.loc["status", "enum"].split(", ")
    assert fields.loc["lineItems", "type"].startswith("array<")
    assert fields.loc["id.id", "description"]
    assert catalog["wixForms_onSubmissionCreated"].fields().set_index("path").loc["entity._id", "type"] == "string"


def test_data_hooks_are_a_separate_kind_split_by_their_last_underscore() -> None:
    collection, hook = catalog.hook("My_Orders_beforeInsert")
    assert (collection, hook.name, hook.stage, hook.argument) == ("My_Orders", "beforeInsert", "before", "item")
    assert len(catalog.hooks) == 17
    assert "My_Orders_beforeInsert" not in catalog
    with pytest.raises(UnknownEventType, match="Orders_beforeInsert"):
        catalog.hook("Orders_beforeInsret")


def test_the_public_api_is_small_and_exported() -> None:
    for name in wixevents.__all__:
        assert hasattr(wixevents, name), name


DOC_NAMES = Path(__file__).resolve().parent.parent / "tools" / "data" / "doc_handler_names.txt"


def test_every_handler_name_spelled_in_wixs_doc_pages_resolves() -> None:
    names = [line.split()[0] for line in DOC_NAMES.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert len(names) >= 20
    assert [n for n in names if n not in catalog] == []


def test_the_groups_v2_spelling_and_the_group_request_events_resolve() -> None:
    approved = catalog["wixSocialGroupsV2_onGroupRequestApproved"]
    assert approved.name == "wixSocialGroups_onGroupRequestApproved" and approved.kind == "data"
    assert catalog["wixSocialGroupsV2_onGroupMemberAdded"] is catalog["wixSocialGroups_onGroupMemberAdded"]
    assert "groupRequest" in {f["name"] for f in schema.fields_of(schema.child(approved.payload_type, "data")) or []}
