"""The payload viewer: a collapsible tree with each field's catalog type and description, problems at their paths."""

from __future__ import annotations

import pytest

import wixevents
from wixevents import FixedClock, Site
from wixevents.events.viewer import PayloadView, field_path
from wixevents.notebook.explore import show_payload

INVOICE = "wixBilling_onInvoicePaid"


@pytest.mark.parametrize(("json_path", "field"), [("$.lineItems[0].name", "lineItems[].name"), ("$", ""),
                                                  ("$.id.id", "id.id"), ("$.a[10][2].b", "a[][].b")])
def test_a_json_path_maps_to_the_catalogs_field_path(json_path: str, field: str) -> None:
    assert field_path(json_path) == field


@pytest.mark.parametrize("variant", wixevents.samples(INVOICE))
def test_every_sample_shows_every_field_with_its_type_and_no_problem(variant: str) -> None:
    view = show_payload(INVOICE, variant)
    assert view.problems == {} and "problem" not in repr(view).splitlines()[0]
    html = view._repr_html_()
    nested = sum(isinstance(v, (dict, list)) for v in wixevents.sample(INVOICE, variant).values())
    assert html.count("<details") >= nested
    assert "string" in html


def test_a_fired_invalid_payload_marks_each_problem_at_its_path_and_opens_its_parents() -> None:
    site = Site(clock=FixedClock())
    rejected = site.fire(INVOICE, set={"lineItems.0.price": "lots"})
    view = show_payload(INVOICE, rejected)
    assert rejected.statuses == ["invalid_payload"] and set(view.problems) == {"$.lineItems[0].price"}
    accepted = site.fire(INVOICE, set={"status": "paid"})  # an unlisted enum value: a warning, still marked
    assert accepted.statuses == ["no_handler"] and set(show_payload(INVOICE, accepted).problems) == {"$.status"}
    text = repr(show_payload(INVOICE, accepted))
    status = next(line for line in text.splitlines() if line.strip().startswith("status"))
    assert "[enum]" in status and "✗ expected 'Draft'" in status and "case-sensitive" in status
    html = view._repr_html_()
    assert "<details open><summary><span style='color:#b21f2d;font-weight:600'>lineItems</span>" in html
    assert "Where the invoice stands" in html  # the catalog's description of status


def test_an_event_object_shows_as_a_tree_and_marks_fields_the_catalog_does_not_know() -> None:
    payload = wixevents.sample(INVOICE) | {"loyaltyTier": "gold"}
    event = wixevents.validate(INVOICE, payload)
    html = event._repr_html_()
    assert "wixevents-payload" in html and "not in the catalog" in html and "loyaltyTier" in html
    assert "loyaltyTier = \"gold\"  not in the catalog" in repr(PayloadView(INVOICE, payload, [], ["$.loyaltyTier"]))


def test_a_payload_that_is_not_an_object_says_so_at_the_top() -> None:
    view = show_payload(INVOICE, "[1, 2]")
    assert list(view.problems) == ["$"] and "a JSON object" in repr(view)
