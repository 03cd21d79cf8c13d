"""Validation: every sample passes, bad payloads fail with located, typed problems."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import sample_files, sample_id

import wixevents
from wixevents import InvalidPayload


@pytest.mark.parametrize("path", sample_files(), ids=sample_id)
def test_every_shipped_sample_validates_with_no_unknown_fields(path: Path) -> None:
    event = wixevents.validate(path.parent.name, json.loads(path.read_text(encoding="utf-8")))
    assert event.unknown_fields == []


def test_the_event_object_reads_like_velo() -> None:
    event = wixevents.validate("wixForms_onSubmissionCreated", wixevents.sample("wixForms_onSubmissionCreated"))
    assert event.entity._id == event["entity"]["_id"] == event.metadata.entityId
    assert isinstance(event.entity._createdDate, dt.datetime), "Date fields become datetime"
    assert isinstance(event.metadata.eventTime, str), "eventTime is text, as the reference types it"
    assert event.event_name == "wixForms_onSubmissionCreated"
    with pytest.raises(AttributeError, match="entity, metadata"):
        _ = event.entty


def test_legacy_flat_payloads_are_the_object_itself() -> None:
    event = wixevents.validate("wixBilling_onInvoicePaid", wixevents.sample("wixBilling_onInvoicePaid"))
    sample = wixevents.sample("wixBilling_onInvoicePaid")
    assert event.id.id and event.customer.email == sample["customer"]["email"]
    assert isinstance(event.dates.dueDate, dt.datetime)


def test_unknown_extra_fields_are_kept_and_reported_not_rejected() -> None:
    payload = wixevents.sample("wixForms_onSubmissionCreated", overrides={"entity.submissions.x": 1})
    payload["entity"]["newWixField"] = {"a": 1}
    event = wixevents.validate("wixForms_onSubmissionCreated", payload)
    assert event.entity.newWixField == {"a": 1}
    assert event.unknown_fields == ["$.entity.newWixField"]


def test_a_payload_of_the_other_module_is_recognised_by_its_shape() -> None:
    legacy = wixevents.sample("wixMembers_onMemberCreated", "wix-members-backend")
    assert wixevents.validate("wixMembers_onMemberCreated", legacy).shape == "wix-members-backend"
    current = wixevents.sample("wixMembers_onMemberCreated")
    assert wixevents.validate("wixMembers_onMemberCreated", current).shape == "wix-members.v2"


def test_lenient_where_real_payloads_depart_from_the_typings() -> None:
    payload = wixevents.sample("wixBilling_onInvoicePaid", overrides={"totals.total": "49.90"})
    payload["dates"]["dueDate"] = "2024-01-10T11:28:27.479909037Z"  # nanoseconds, as Wix's samples show
    event = wixevents.validate("wixBilling_onInvoicePaid", payload)
    assert event.totals.total == "49.90", "numeric text is accepted and kept as sent"
    assert event.dates.dueDate == dt.datetime(2024, 1, 10, 11, 28, 27, 479909, tzinfo=dt.timezone.utc)
    optional_null = wixevents.sample("wixForms_onSubmissionCreated", overrides={"entity.formId": None})
    assert wixevents.validate("wixForms_onSubmissionCreated", optional_null).entity.formId is None


def _without(payload: dict[str, Any], *path: str) -> dict[str, Any]:
    out = copy.deepcopy(payload)
    node = out
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return out


INVOICE = "wixBilling_onInvoicePaid"
FORM = "wixForms_onSubmissionCreated"
BAD = [
    ("wrong type", INVOICE, {"customer.email": 42}, "$.customer.email", "text"),
    ("number as garbage text", INVOICE, {"totals.total": "lots"}, "$.totals.total", "number"),
    ("enum given a number", INVOICE, {"status": 7}, "$.status", "'Draft'"),
    ("bad date", FORM, {"entity._createdDate": "yesterday"}, "$.entity._createdDate", "date-time"),
    ("boolean as text", FORM, {"entity.seen": "true"}, "$.entity.seen", "true or false"),
    ("object expected", FORM, {"entity.submitter": "me"}, "$.entity.submitter", "object"),
    ("list expected", INVOICE, {"lineItems": {"id": "x"}}, "$.lineItems", "list"),
    ("deep list item", INVOICE, {"lineItems.0.quantity": "two"}, "$.lineItems[0].quantity", "number"),
]


@pytest.mark.parametrize(("name", "overrides", "path", "expected"),
                         [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_a_bad_field_is_reported_at_its_json_path(name: str, overrides: dict[str, Any], path: str,
                                                 expected: str) -> None:
    with pytest.raises(InvalidPayload) as info:
        wixevents.validate(name, wixevents.sample(name, overrides=overrides))
    assert isinstance(info.value, ValueError)
    problem = next(p for p in info.value.problems if p.path == path)
    assert expected in problem.expected
    assert path in str(info.value)


def test_a_missing_required_field_says_what_is_missing_and_how_to_fix_it() -> None:
    lacking = _without(wixevents.sample(FORM), "metadata", "eventTime")
    [warning] = wixevents.validate(FORM, lacking).warnings  # Wix's own examples leave metadata parts out
    assert (warning.path, warning.got) == ("$.metadata.eventTime", "nothing")
    assert "required" in warning.expected and ".get()" in warning.hint
    with pytest.raises(InvalidPayload) as info:
        wixevents.validate(FORM, lacking, strict=True)
    [problem] = info.value.problems
    assert (problem.path, problem.got) == ("$.metadata.eventTime", "nothing")
    with pytest.raises(InvalidPayload, match=r"\$\.entity: expected a value"):
        wixevents.validate(FORM, _without(wixevents.sample(FORM), "entity"))


@pytest.mark.parametrize("payload", [[], "[1, 2]", 3, None, '"text"'], ids=repr)
def test_a_top_level_that_is_not_an_object_is_invalid(payload: Any) -> None:
    with pytest.raises(InvalidPayload, match=r"\$: expected a JSON object"):
        wixevents.validate(INVOICE, payload)


def test_malformed_json_text_reports_line_and_column() -> None:
    with pytest.raises(InvalidPayload, match="line 2, column 12"):
        wixevents.validate(INVOICE, '{"status": "Paid",\n "number": }', source="paid.json")
    with pytest.raises(InvalidPayload, match=r"in paid\.json"):
        wixevents.validate(INVOICE, "{", source="paid.json")


def test_deeply_nested_garbage_is_an_invalid_payload_not_a_crash() -> None:
    garbage: Any = 1
    for _ in range(5000):
        garbage = {"x": [garbage]}
    with pytest.raises(InvalidPayload):
        wixevents.validate(FORM, {"entity": {"submitter": garbage}, "metadata": [garbage]})
    with pytest.raises(InvalidPayload, match="nested"):
        wixevents.validate(FORM, "[" * 100_000 + "]" * 100_000)


def test_a_ten_megabyte_payload_validates_and_keeps_every_item() -> None:
    payload = wixevents.sample(INVOICE)
    item = payload["lineItems"][0]
    payload["lineItems"] = [dict(item, name=f"item {i}", description="x" * 200) for i in range(36_000)]
    assert len(json.dumps(payload)) > 10_000_000
    event = wixevents.validate(INVOICE, payload)
    assert len(event.lineItems) == 36_000 and event.lineItems[-1].name == "item 35999"


def test_a_ten_megabyte_invalid_payload_lists_its_problems_compactly() -> None:
    payload = wixevents.sample(INVOICE)
    payload["lineItems"] = [{"quantity": "many", "description": "x" * 300}] * 36_000
    with pytest.raises(InvalidPayload) as info:
        wixevents.validate(INVOICE, payload)
    assert len(info.value.problems) > 20
    assert "more" in str(info.value) and len(str(info.value)) < 10_000


def test_an_unknown_event_name_is_an_unknown_event_type() -> None:
    with pytest.raises(wixevents.UnknownEventType):
        wixevents.validate("wixBilling_onInvoicePayed", {})


def test_legacy_payloads_require_their_top_level_fields_but_not_every_nested_one() -> None:
    """Legacy typings call fields like a file's ``iconUrl`` required; Wix's own examples omit them."""
    upload = wixevents.sample("wixMediaManager_onFileUploaded")
    del upload["fileInfo"]["iconUrl"]
    assert "iconUrl" not in wixevents.validate("wixMediaManager_onFileUploaded", upload).fileInfo
    without = wixevents.validate("wixMediaManager_onFileUploaded", _without(upload, "fileInfo"))
    assert [w.path for w in without.warnings] == ["$.fileInfo"]
    with pytest.raises(InvalidPayload, match=r"\$\.fileInfo: expected a value"):
        wixevents.validate("wixMediaManager_onFileUploaded", _without(upload, "fileInfo"), strict=True)
