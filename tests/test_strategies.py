"""wixevents.strategies.payloads: valid, varied payloads of every event, shrinking toward the sample."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wixevents
from wixevents.errors import UnknownEventType, UnknownSample
from wixevents.events.strategies import DATES
from wixevents.strategies import payloads

FAST = settings(max_examples=10, database=None, deadline=None, suppress_health_check=list(HealthCheck))
ORDER = "wixEcom_onOrderCreated"


@pytest.mark.parametrize("name", sorted(wixevents.catalog))
def test_every_generated_payload_of_every_event_passes_validation(name: str) -> None:
    @FAST
    @given(payloads(name))
    def check(payload: dict) -> None:
        wixevents.validate(name, payload)

    check()


def test_order_payloads_vary_list_lengths_enums_unicode_dates_and_optional_fields() -> None:
    seen: dict[str, set] = {"lengths": set(), "payment": set(), "non_ascii": set(), "dates": set(), "absent": set()}

    @settings(max_examples=300, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(payloads(ORDER, "default"))
    def collect(payload: dict) -> None:
        entity = payload["entity"]
        items = entity.get("lineItems", [])
        seen["lengths"].add(len(items))
        seen["payment"].update(i.get("paymentOption") for i in items if isinstance(i, dict))
        seen["non_ascii"].update(f.get("name") for f in entity.get("additionalFees", [])
                                 if isinstance(f.get("name"), str) and not f["name"].isascii())
        seen["dates"].add(entity.get("_createdDate"))
        seen["absent"].update(k for k in wixevents.sample(ORDER) ["entity"] if k not in entity)

    collect()
    assert {0, 1, 2} <= seen["lengths"], seen["lengths"]
    assert len(seen["payment"] - {None}) >= 2, "an enum field takes more than the sample's value"
    assert seen["non_ascii"], "text fields take non-ASCII text"
    assert set(DATES) & seen["dates"], "Date fields take boundary dates"
    assert seen["absent"], "optional fields are sometimes absent"


def test_identifiers_stay_as_in_the_sample_so_the_payload_is_self_consistent() -> None:
    @FAST
    @given(payloads(ORDER, "default"))
    def check(payload: dict) -> None:
        assert payload["metadata"] == wixevents.sample(ORDER)["metadata"]
        assert payload["entity"]["_id"] == payload["metadata"]["entityId"]

    check()


def test_the_minimal_payload_is_the_default_sample_itself() -> None:
    from hypothesis import find

    assert find(payloads(ORDER), lambda p: True) == wixevents.sample(ORDER, "default")


def test_shrinking_keeps_the_sample_and_changes_only_what_the_condition_needs() -> None:
    from hypothesis import find

    found = find(payloads(ORDER, "default"), lambda p: p["entity"].get("lineItems") == [],
                 settings=settings(database=None, max_examples=2000, suppress_health_check=list(HealthCheck)))
    expected = wixevents.sample(ORDER, "default")
    expected["entity"]["lineItems"] = []
    assert found == expected


def test_a_strategy_draws_inside_other_strategies() -> None:
    @FAST
    @given(st.lists(payloads("wixCrm_onContactCreated"), min_size=2, max_size=2))
    def check(batch: list) -> None:
        assert all(wixevents.validate("wixCrm_onContactCreated", p) for p in batch)

    check()


def test_unknown_events_and_variants_are_named_errors() -> None:
    with pytest.raises(UnknownEventType):
        payloads("wixEcom_onOrderMade")
    with pytest.raises(UnknownSample, match="default"):
        payloads(ORDER, "huge")


def test_without_hypothesis_strategies_and_fuzz_say_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from wixevents.errors import MissingHypothesis

    monkeypatch.setitem(__import__("sys").modules, "hypothesis", None)  # as if not installed
    with pytest.raises(MissingHypothesis, match=r"pip install 'wixevents\[fuzz\]'"):
        payloads(ORDER)
    site = wixevents.Site(clock=wixevents.FixedClock())
    site.register(lambda event: None, name=ORDER)
    with pytest.raises(ImportError, match="fuzz"):
        site.fuzz(ORDER)
