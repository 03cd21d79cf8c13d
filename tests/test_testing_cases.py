"""wixevents.testing.cases: sample variants first, built-in scenarios where installed, then registered providers."""

from __future__ import annotations

import importlib
import sys
import types
from dataclasses import dataclass
from typing import Any

import pytest

import wixevents
from wixevents.errors import UnknownEventType
from wixevents.testing import Case, cases

cases_module = importlib.import_module("wixevents.testing.cases")  # the module, not the function of that name

ORDER = "wixEcom_onOrderCreated"


def test_the_cases_of_an_event_start_with_its_sample_variants_in_order() -> None:
    found = cases(ORDER)
    samples = [c for c in found if c.kind == "sample"]
    assert [c.id for c in samples] == wixevents.samples(ORDER)
    assert samples[0].payload == wixevents.sample(ORDER, samples[0].variant)


def test_an_unknown_event_is_a_named_error() -> None:
    with pytest.raises(UnknownEventType):
        cases("wixEcom_onOrderMade")


@dataclass(frozen=True)
class _Step:
    event: str


def test_built_in_scenarios_containing_the_event_become_cases_that_play_them(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("wixevents.events.lifecycles")
    fake.BUILT_IN = {  # type: ignore[attr-defined]
        "order-lifecycle": types.SimpleNamespace(steps=(_Step(ORDER), _Step("wixEcom_onOrderApproved"))),
        "invoice-lifecycle": types.SimpleNamespace(steps=(_Step("wixBilling_onInvoiceCreated"),)),
    }
    monkeypatch.setitem(sys.modules, "wixevents.events.lifecycles", fake)
    monkeypatch.setattr(cases_module, "_providers", [])
    scenarios = [c for c in cases(ORDER) if c.kind == "scenario"]
    assert [c.id for c in scenarios] == ["order-lifecycle"]
    played: list[str] = []

    class Player:
        def play(self, name: str) -> Any:
            played.append(name)
            return "rows"

    assert scenarios[0].fire(Player()) == "rows"  # type: ignore[arg-type]
    assert played == ["order-lifecycle"]
    with pytest.raises(ValueError, match="scenario, not a sample"):
        _ = scenarios[0].payload


def test_registered_providers_add_their_cases_last(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cases_module, "_providers", [])
    extra = Case(ORDER, "mine", kind="custom", runner=lambda site: site.fire(ORDER))
    cases_module.register_cases(lambda event: [extra] if event == ORDER else [])
    assert cases(ORDER)[-1] is extra
    assert extra not in cases("wixCrm_onContactCreated")


def test_assert_ok_passes_a_batch_where_some_events_have_no_handler_but_not_one_where_none_ran() -> None:
    from wixevents import FixedClock, Site
    from wixevents.errors import CheckFailed

    site = Site(clock=FixedClock())
    site.register(lambda event: None, name=ORDER)
    both = wixevents.Results([site.fire(ORDER), site.fire("wixCrm_onContactCreated")])
    assert both.assert_ok() is both
    with pytest.raises(CheckFailed, match="no handler ran"):
        site.fire("wixCrm_onContactCreated").assert_ok()
    site.register(lambda event: 1 / 0, name="wixCrm_onContactCreated")
    with pytest.raises(CheckFailed, match=r"1 of 2 run\(s\) failed") as caught:
        wixevents.Results([site.fire(ORDER), site.fire("wixCrm_onContactCreated")]).assert_ok()
    assert "ZeroDivisionError" in str(caught.value)
