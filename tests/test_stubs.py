"""Handler stubs: runnable Python and JavaScript skeletons that name the event's key fields."""

from __future__ import annotations

from typing import Any

import pytest

import wixevents
from wixevents import FixedClock, Site


def test_a_python_stub_names_the_annotated_key_fields_and_runs_on_every_sample() -> None:
    text = wixevents.stub("wixBilling_onInvoicePaid")
    assert "def wixBilling_onInvoicePaid(event):" in text
    for path in wixevents.catalog["wixBilling_onInvoicePaid"].notes:
        assert f"event.{path}" in text
    namespace: dict[str, Any] = {}
    exec(compile(text, "events.py", "exec"), namespace)  # the stub is valid Python
    site = Site(clock=FixedClock())
    site.register(namespace["wixBilling_onInvoicePaid"])
    results = site.fire_all("wixBilling_onInvoicePaid")
    assert results.ok
    assert results[0].runs[0].logs[0].message.startswith("wixBilling_onInvoicePaid ")


@pytest.mark.parametrize("name", ["wixEcom_onOrderCreated", "wixBookingsV2_onBookingConfirmed", "wixStores_onNewOrder"])
def test_a_stub_for_any_event_compiles_and_survives_the_minimal_sample(name: str) -> None:
    namespace: dict[str, Any] = {}
    exec(compile(wixevents.stub(name), "events.py", "exec"), namespace)
    site = Site(clock=FixedClock())
    site.register(namespace[name])
    assert site.fire(name, "minimal").statuses == ["ok"]


def test_an_envelope_stub_names_entity_fields_before_the_metadata_id() -> None:
    text = wixevents.stub("wixEcom_onOrderCreated")
    assert text.index("event.entity._id") < text.index("event.metadata.id")
    assert 'print("wixEcom_onOrderCreated", event.metadata.id)' in text


def test_a_javascript_stub_is_an_events_js_export() -> None:
    text = wixevents.stub("wixForms_onSubmissionCreated", lang="js")
    assert "export function wixForms_onSubmissionCreated(event) {" in text
    assert "//   event.entity.formId" in text
    assert 'console.log("wixForms_onSubmissionCreated", event.metadata.id);' in text
    assert text.rstrip().endswith("}")
    assert text._repr_markdown_().startswith("```javascript")


def test_a_stub_keeps_the_alias_spelling_and_flags_deprecated_events() -> None:
    assert "def wixBookingsV2_onBookingCreated(event):" in wixevents.stub("wixBookingsV2_onBookingCreated")
    assert "# Deprecated: use wixEcom_onOrderApproved." in wixevents.stub("wixStores_onNewOrder")


def test_a_stub_for_an_unknown_name_or_language_says_so() -> None:
    with pytest.raises(wixevents.UnknownEventType):
        wixevents.stub("wixBilling_onInvoicePayed")
    with pytest.raises(ValueError, match="'py' or 'js'"):
        wixevents.stub("wixBilling_onInvoicePaid", lang="ts")  # type: ignore[arg-type]
