"""Payloads that depart from the typings the way Wix's real payloads do are accepted with warnings.

The corpus in ``tests/data/departures/`` is written for these tests (facts only):
each file names the event, the class of departure, the Wix page that shows it,
and the JSON paths that must be reported. Files under ``errors/`` would break a
handler and stay rejected at both levels.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

import wixevents
from wixevents import FixedClock, History, InvalidPayload, Site

CORPUS = ROOT / "tests" / "data" / "departures"
DEPARTURES = sorted(CORPUS.glob("*.json"))
ERRORS = sorted((CORPUS / "errors").glob("*.json"))
CLASSES = {"enum value the typings do not list", "text where the typings describe an object", "required field absent"}


def _load(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def test_the_corpus_covers_every_class_of_departure() -> None:
    assert {_load(p)["class"] for p in DEPARTURES} == CLASSES
    assert all(_load(p)["source"].startswith("https://dev.wix.com/docs/") for p in DEPARTURES)


@pytest.mark.parametrize("path", DEPARTURES, ids=lambda p: p.stem)
def test_a_departure_wix_sends_is_accepted_with_a_warning_at_its_path(path: Path) -> None:
    case = _load(path)
    event = wixevents.validate(case["event"], case["payload"])
    assert sorted(w.path for w in event.warnings) == sorted(case["warnings"])
    assert all(w.expected and w.got for w in event.warnings)


@pytest.mark.parametrize("path", DEPARTURES, ids=lambda p: p.stem)
def test_strict_validation_rejects_each_departure_naming_the_same_paths(path: Path) -> None:
    case = _load(path)
    with pytest.raises(InvalidPayload) as info:
        wixevents.validate(case["event"], case["payload"], strict=True)
    assert sorted(p.path for p in info.value.problems) == sorted(case["warnings"])


@pytest.mark.parametrize("path", ERRORS, ids=lambda p: p.stem)
def test_a_payload_that_would_break_a_handler_is_an_error_at_both_levels(path: Path) -> None:
    case = _load(path)
    for strict in (False, True):
        with pytest.raises(InvalidPayload) as info:
            wixevents.validate(case["event"], case["payload"], strict=strict)
        assert sorted(p.path for p in info.value.problems) == sorted(case["errors"])


def test_an_unlisted_enum_value_is_reported_with_the_listed_ones_and_a_hint() -> None:
    case = _load(CORPUS / "enum-availability-available.json")
    [warning] = wixevents.validate(case["event"], case["payload"]).warnings
    assert "'NOT_AVAILABLE'" in warning.expected and "AVAILABLE" in warning.got
    assert "typings do not list" in warning.hint


def test_a_fire_with_departures_runs_the_handler_and_the_history_keeps_the_warnings() -> None:
    case = _load(CORPUS / "enum-availability-available.json")
    site = Site(clock=FixedClock())

    @site.handler
    def wixEcom_onCheckoutCreated(event: Any) -> Any:
        return [w.path for w in event.warnings]

    result = site.fire(case["event"], payload=case["payload"])
    assert result.statuses == ["ok"] and result.value == case["warnings"]
    [row] = site.history.to_frame()["warnings"]
    assert case["warnings"][0] in row
    assert f"! warning {case['warnings'][0]}" in repr(result)  # the run table shows them under the run


def test_samples_carry_no_warnings() -> None:
    for name in ("wixBilling_onInvoicePaid", "wixEcom_onCheckoutCompleted", "wixStoresCatalogV1_onProductCreated"):
        for variant in wixevents.samples(name):
            assert wixevents.validate(name, wixevents.sample(name, variant)).warnings == []


def test_saved_history_keeps_the_warnings_of_each_run(tmp_path: Path) -> None:
    case = _load(CORPUS / "link-as-text-product.json")
    site = Site(clock=FixedClock())

    @site.handler
    def wixStoresCatalogV1_onProductCreated(event: Any) -> Any:
        return event.entity.productPageUrl

    assert site.fire(case["event"], payload=case["payload"]).value == "/product-page/speckled-serving-bowl"
    loaded = History.load(site.history.save(tmp_path / "history.jsonl"))
    assert loaded.runs[0].warnings == site.history.runs[0].warnings
    assert sorted(w.split(":")[0] for w in loaded.runs[0].warnings) == sorted(case["warnings"])
