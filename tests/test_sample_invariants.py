"""Every sample keeps the rules of real payloads, and each rule catches a sample that breaks it."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SAMPLES

import wixevents
from wixevents.events.checks import check
from wixevents.events.generate import generate

FILES = sorted(SAMPLES.glob("*/*.json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_sample_file_keeps_every_rule(path: Path) -> None:
    payload = json.loads(path.read_text(encoding="utf-8"))
    broken = check(path.parent.name, payload, path.stem)
    assert broken == [], "\n".join(map(str, broken))
    assert wixevents.validate(path.parent.name, payload).warnings == []  # samples follow the typings exactly


def test_the_checker_script_passes_on_the_committed_samples() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "check_samples.py")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert f"{len(FILES)} sample file(s)" in run.stdout


def test_the_checker_script_names_file_path_and_rule(tmp_path: Path) -> None:
    payload = generate("wixBilling_onInvoicePaid")
    payload["totals"]["total"] += 1
    bad = tmp_path / "wixBilling_onInvoicePaid" / "default.json"
    bad.parent.mkdir()
    bad.write_text(json.dumps(payload), encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "check_samples.py"), str(bad)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "default.json: $.totals.total: [total]" in run.stdout


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(p: dict[str, Any]) -> None:
        steps = [int(s) if s.isdigit() else s for s in path.split(".")]
        node: Any = p
        for s in steps[:-1]:
            node = node[s]
        node[steps[-1]] = value(node[steps[-1]]) if callable(value) else value
    return edit


def _first_line_price(p: dict[str, Any]) -> None:
    p["lineItems"][0]["quantity"] = 3  # the line total no longer matches


BREAKS: list[tuple[str, str, str, Callable[[dict[str, Any]], None]]] = [
    ("placeholder", "wixBilling_onInvoicePaid", "default", _set("lineItems.0.name", "Sample name")),
    ("placeholder", "wixBilling_onInvoicePaid", "default", _set("lineItems.0.description", "description")),
    ("line-total", "wixEcom_onOrderCanceled", "default", _set("data.order.lineItems.0.quantity", 3)),
    ("subtotal", "wixBilling_onInvoicePaid", "default", _set("lineItems.0.price", lambda v: v + 10)),
    ("total", "wixBilling_onInvoicePaid", "default", _set("totals.total", lambda v: v + 1)),
    ("paid-balance", "wixEcom_onOrderCanceled", "default",
     _set("data.order.balanceSummary.paid", lambda v: dict(v, amount="1.00", formattedAmount="$1.00"))),
    ("formatted-amount", "wixEcom_onOrderCanceled", "default",
     _set("data.order.priceSummary.total", lambda v: dict(v, formattedAmount="€999.00"))),
    ("time-order", "wixEcom_onOrderCanceled", "default", _set("data.order._updatedDate", "2020-01-01T00:00:00.000Z")),
    ("time-order", "wixBilling_onInvoicePaid", "default", _set("dates.dueDate", "2020-01-01T00:00:00.000Z")),
    ("time-order", "wixBookingsV2_onBookingConfirmed", "default",
     _set("data.booking.endDate", "2020-01-01T00:00:00.000Z")),
    ("event-time", "wixEcom_onOrderCanceled", "default", _set("metadata.eventTime", "2020-01-01T00:00:00.000Z")),
    ("entity-id", "wixEcom_onOrderCanceled", "default", _set("metadata.entityId", "another-id")),
    ("contact-id", "wixBookingsV2_onBookingCanceled", "default",
     _set("data.booking.contactDetails.contactId", "another-contact")),
    ("event-state", "wixBilling_onInvoicePaid", "default", _set("status", "Sent")),
    ("event-state", "wixBilling_onInvoicePaid", "default",
     lambda p: p["dynamicTotals"].update(paidAmount=0, balance=p["totals"]["total"])),
    ("event-state", "wixEcom_onOrderCanceled", "default", _set("data.order.status", "APPROVED")),
    ("event-state", "wixBookingsV2_onBookingConfirmed", "default", _set("data.booking.status", "PENDING")),
    ("minimal-entity", "wixEcom_onCheckoutCompleted", "minimal", _set("data", {})),
    ("mime-type", "wixMediaManager_onFileUploaded", "default", _set("fileInfo.mimeType", "application/pdf")),
    ("mime-type", "wixMediaManager_onAudioTranscoded", "default", _set("fileInfo.mimeType", "image/png")),
]


@pytest.mark.parametrize(("rule", "name", "variant", "edit"), BREAKS, ids=[f"{b[0]}-{b[1]}" for b in BREAKS])
def test_each_rule_catches_a_sample_that_breaks_it(rule: str, name: str, variant: str,
                                                   edit: Callable[[dict[str, Any]], None]) -> None:
    payload = generate(name, variant)
    assert check(name, payload, variant) == []
    broken = copy.deepcopy(payload)
    edit(broken)
    assert rule in {v.rule for v in check(name, broken, variant)}


@pytest.mark.parametrize("name", ["wixBilling_onInvoicePaid", "wixEcom_onOrderCanceled", "wixStores_onNewOrder",
                                  "wixBookingsV2_onBookingConfirmed", "wixEcom_onCheckoutCompleted"])
@pytest.mark.parametrize("seed", range(6))
def test_every_seed_gives_a_payload_that_keeps_every_rule(name: str, seed: int) -> None:
    for variant in ("default", "minimal"):
        assert check(name, generate(name, variant, seed), variant) == []


SEEDED = ["wixBilling_onInvoicePaid", "wixEcom_onOrderCanceled", "wixForms_onSubmissionCreated",
          "wixMediaManager_onFileUploaded", "wixMembers_onMemberCreated", "wixBookingsV2_onBookingConfirmed"]


@pytest.mark.parametrize("name", SEEDED)
def test_each_seed_gives_another_payload_that_still_validates_and_keeps_every_rule(name: str) -> None:
    payloads = [wixevents.sample(name, seed=seed) for seed in range(8)]
    assert len({json.dumps(p, sort_keys=True) for p in payloads}) == 8
    for variant in ("default", "minimal"):
        for seed in range(8):
            payload = wixevents.sample(name, variant, seed=seed)
            assert check(name, payload, variant) == []
            assert wixevents.validate(name, payload).warnings == []


def test_seed_zero_is_the_shipped_sample_and_a_seed_always_gives_the_same_payload() -> None:
    name = "wixBilling_onInvoicePaid"
    assert wixevents.sample(name, seed=0) == wixevents.sample(name)
    assert wixevents.sample(name, seed=5) == wixevents.sample(name, seed=5)


def test_a_seed_changes_the_person_and_the_currency_consistently() -> None:
    invoice = wixevents.sample("wixBilling_onInvoicePaid", seed=1)
    customer = invoice["customer"]
    assert customer["fullName"] == f"{customer['firstName']} {customer['lastName']}"
    assert customer["address"]["country"] == customer["address"]["subdivision"][:2]
    assert invoice["currency"] != wixevents.sample("wixBilling_onInvoicePaid")["currency"]


def test_each_seed_gives_its_order_its_own_number() -> None:
    numbers = [wixevents.sample("wixEcom_onOrderCreated", seed=seed)["entity"]["number"] for seed in range(5)]
    assert numbers[0] == wixevents.sample("wixEcom_onOrderCreated")["entity"]["number"]
    assert len(set(numbers)) == 5


def test_a_seeded_sample_takes_overrides_and_a_curated_variant_has_no_seeds() -> None:
    name = "wixBilling_onInvoicePaid"
    assert wixevents.sample(name, overrides={"title": "Kiln"}, seed=2)["title"] == "Kiln"
    with pytest.raises(wixevents.UnknownSample, match="seeded"):
        wixevents.sample(name, "eur-with-tax", seed=2)
