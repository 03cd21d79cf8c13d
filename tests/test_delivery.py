"""Scenarios, delivery modes (duplicates, reorder, retries on a virtual clock) and the idempotency check."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wixevents
from wixevents import Delivery, FixedClock, History, InvalidScenario, Scenario, Site, UnknownScenario
from wixevents.events.lifecycles import BUILT_IN
from wixevents.runtime.clock import parse_time
from wixevents.runtime.delivery import WIX_RETRY_SCHEDULE
from wixevents.velo import wix_data

SCENARIOS = sorted(BUILT_IN)


def _key(event_name: str, event: Any) -> str | None:
    """The event's ``metadata.id``; flat events (invoices) have none, so the event name and invoice ID."""
    meta = event.get("metadata")
    found = meta.get("id") if meta is not None and event_name.startswith(("wixEcom", "wixData", "wixMembers",
                                                                          "wixForms", "wixCrm", "wixBookings",
                                                                          "wixPricing")) else None
    return found if isinstance(found, str) else f"{event_name}:{event.get('id').get('id')}"


def _own_write(event: Any) -> bool:
    """A data event caused by the handlers' own inserts (Log, Processed): not part of the scenario."""
    entity = event.get("entity")
    return entity is not None and entity.get("dataCollectionId") in ("Log", "Processed")


def naive(event_name: str) -> Callable[[Any], Any]:
    def handler(event: Any) -> None:
        if not _own_write(event):
            wix_data.insert("Log", {"event": event_name, "key": _key(event_name, event)})
    return handler


def idempotent(event_name: str) -> Callable[[Any], Any]:
    """Remembers each event's ID in wix-data and skips one it has seen."""
    def handler(event: Any) -> str | None:
        if _own_write(event):
            return None
        key = _key(event_name, event)
        if wix_data.query("Processed").eq("key", key).find().items:
            return "duplicate"
        wix_data.insert("Processed", {"key": key})
        wix_data.insert("Log", {"event": event_name, "key": key})
        return None
    return handler


def site_with(make: Callable[[str], Callable[[Any], Any]], scenario: str) -> Site:
    site = Site(clock=FixedClock())
    for name in {step.event for step in BUILT_IN[scenario].steps}:
        site.register(make(name), name=name)
    return site


def history_rows(site: Site) -> list[dict[str, Any]]:
    frame = site.history.to_frame().drop(columns=["duration_ms"])
    return frame.astype(str).to_dict("records")  # type: ignore[no-any-return]


# -- scenarios -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_built_in_scenario_fires_valid_payloads_about_one_entity_at_increasing_times(name: str) -> None:
    site = Site(clock=FixedClock())
    results = site.play(name)
    assert [r.fire.event for r in results] == [s.event for s in BUILT_IN[name].steps]
    assert all(r.statuses == ["no_handler"] for r in results), [r.statuses for r in results]
    payloads = [r.fire.payload for r in results]
    times = [parse_time(p["metadata"]["eventTime"]) for p in payloads if "metadata" in p and "eventTime"
             in p["metadata"]]
    assert times == sorted(times) and len(set(times)) == len(times)
    first = BUILT_IN[name].steps[0]
    ids = {wixevents.events.scenario.entity_id(p) for p in payloads}
    # one entity per scenario, except the form that also creates a contact
    assert len(ids) == (2 if name == "form-submission" else 1), (first.event, ids)
    event_ids = [p["metadata"]["id"] for p in payloads if isinstance(p.get("metadata"), dict) and "id" in p["metadata"]]
    assert len(event_ids) == len(set(event_ids))  # every event its own metadata.id


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_fixed_seed_gives_the_same_history_on_every_play_of_every_scenario(name: str) -> None:
    def once() -> list[dict[str, Any]]:
        site = site_with(naive, name)
        site.delivery = Delivery(duplicates=0.5, reorder=3, retries=2, seed=11)
        site.play(name)
        return history_rows(site)
    assert once() == once()


def test_a_different_seed_gives_a_different_delivery_order() -> None:
    def order(seed: int) -> list[str]:
        site = Site(clock=FixedClock())
        site.delivery = Delivery(duplicates=1.0, reorder=4, seed=seed)
        return [f"{r.fire.event}/{r.fire.trigger}" for r in site.play("order-lifecycle")]
    assert len({tuple(order(s)) for s in range(6)}) > 1


def test_a_scenario_written_as_json_refers_to_earlier_steps_and_makes_fresh_ids() -> None:
    text = json.dumps({"name": "paid", "steps": [
        {"event": "wixEcom_onOrderCreated", "as": "order",
         "set": {"entity._id": "{{new.order}}", "metadata.entityId": "{{new.order}}", "entity.number": "777"}},
        {"event": "wixEcom_onOrderPaymentStatusUpdated", "after": 30,
         "set": {"data.order._id": "{{order.id}}", "data.order.number": "#{{order.entity.number}}"}}]})
    site = Site(clock=FixedClock())
    created, paid = site.play(text)
    order_id = created.fire.payload["entity"]["_id"]
    assert order_id != BUILT_IN["order-lifecycle"].steps[0].set["entity._id"]  # a fresh ID, not the template
    assert paid.fire.payload["data"]["order"]["_id"] == order_id
    assert paid.fire.payload["data"]["order"]["number"] == "#777"
    again = site.play(text)[0].fire.payload["entity"]["_id"]
    assert again != order_id  # each play makes new IDs


def test_a_scenario_file_plays_like_its_data_and_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "signup.json"
    path.write_text(json.dumps(BUILT_IN["member-lifecycle"].to_dict()), encoding="utf-8")
    site = Site(clock=FixedClock())
    assert [r.fire.event for r in site.play(path)] == [s.event for s in BUILT_IN["member-lifecycle"].steps]
    assert [r.fire.event for r in site.play(str(path))] == [s.event for s in BUILT_IN["member-lifecycle"].steps]
    with pytest.raises(InvalidScenario, match="cannot read scenario file"):
        site.play(str(tmp_path / "missing.json"))


def test_play_overrides_address_steps_by_name_index_or_event() -> None:
    site = Site(clock=FixedClock())
    results = site.play("order-lifecycle", overrides={"order": {"entity.number": "42"},
                                                      "wixEcom_onOrderCanceled": {"data.order.buyerNote": "late"}})
    assert results[0].fire.payload["entity"]["number"] == "42"
    assert results[1].fire.payload["data"]["order"]["number"] == "42"  # referenced by later steps
    assert results[3].fire.payload["data"]["order"]["buyerNote"] == "late"
    with pytest.raises(InvalidScenario, match="matches no step"):
        site.play("order-lifecycle", overrides={"nope": {"entity.number": "1"}})


@pytest.mark.parametrize(("steps", "message"), [
    ([], "non-empty 'steps'"),
    ([{"event": "wixEcom_onOrderCreatd"}], r"steps\[0\].event"),
    ([{"event": "wixEcom_onOrderCreated", "variant": "huge"}], "has no sample 'huge'"),
    ([{"event": "wixEcom_onOrderCreated", "colour": 1}], "unknown key"),
    ([{"event": "wixEcom_onOrderCreated", "set": {"entity._id": "{{order.id}}"}}], "names no earlier step"),
    ([{"event": "wixEcom_onOrderCreated", "after": -1}], "after"),
])
def test_a_scenario_that_cannot_be_played_is_refused_with_the_step_and_field(steps: Any, message: str) -> None:
    with pytest.raises(InvalidScenario, match=message):
        Scenario.from_data(steps)


def test_an_unknown_scenario_name_lists_the_built_in_ones() -> None:
    with pytest.raises(UnknownScenario, match="order-lifecycle"):
        Site().play("order-lifecycel")
    assert isinstance(UnknownScenario("x"), KeyError) and isinstance(InvalidScenario("x"), ValueError)


def test_wixevents_scenarios_lists_every_built_in_scenario_with_its_events() -> None:
    frame = wixevents.scenarios
    assert list(frame["name"]) == list(BUILT_IN)
    row = frame.set_index("name").loc["booking-lifecycle"]
    assert row["events"].split(" → ") == ["wixBookings_onBookingCreated", "wixBookingsV2_onBookingConfirmed",
                                          "wixBookings_onBookingRescheduled", "wixBookingsV2_onBookingCanceled"]


# -- entity event sequence ---------------------------------------------------------------------------


def test_data_item_events_carry_an_entity_event_sequence_that_grows_and_survives_duplicates() -> None:
    site = Site(clock=FixedClock())
    site.delivery = Delivery(duplicates=1.0, seed=3)
    results = site.play("data-item-lifecycle")
    by_event_id: dict[str, set[str]] = {}
    for r in results:
        meta = r.fire.payload["metadata"]
        by_event_id.setdefault(meta["id"], set()).add(meta["entityEventSequence"])
    assert all(len(v) == 1 for v in by_event_id.values())  # a duplicate keeps its sequence
    first = [r.fire.payload["metadata"]["entityEventSequence"] for r in results if r.fire.trigger == "fire"]
    assert first == ["1", "2", "3", "4"]
    assert [r.fire.payload["metadata"]["entityEventSequence"] for r in site.play("data-item-lifecycle")
            if r.fire.trigger == "fire"] == ["1", "2", "3", "4"]  # a new item starts at 1


def test_a_handler_can_discard_stale_updates_with_the_sequence() -> None:
    site = Site(clock=FixedClock())

    @site.handler
    def wixData_onDataItemUpdated(event: Any) -> str:
        seq = int(event.metadata.entityEventSequence)
        last = wix_data.get("Seen", event.metadata.entityId)
        if last and last["seq"] >= seq:
            return "stale"
        wix_data.save("Seen", {"_id": event.metadata.entityId, "seq": seq})
        return "applied"

    results = site.play("data-item-lifecycle", delivery=Delivery())
    ordered = [r.value for r in results if r.fire.event == "wixData_onDataItemUpdated"]
    assert ordered == ["applied", "applied"]
    steps = BUILT_IN["data-item-lifecycle"].steps
    reversed_scenario = Scenario("reversed", tuple(steps))
    report = site.check_idempotent(reversed_scenario)
    assert report.set_index("check").loc["reordered", "idempotent"]


# -- delivery modes --------------------------------------------------------------------------------


def test_exactly_once_is_the_default_and_changes_nothing() -> None:
    site = Site(clock=FixedClock())
    assert site.delivery.exactly_once and repr(site.delivery).startswith("Delivery(exactly_once")
    site.register(naive("wixEcom_onOrderCreated"), name="wixEcom_onOrderCreated")
    result = site.fire("wixEcom_onOrderCreated")
    assert [(r.attempt, r.trigger, r.delivered_at) for r in result] == [(1, "fire", result.fire.time)]


def test_duplicates_deliver_the_same_payload_with_the_same_event_id() -> None:
    site = Site(clock=FixedClock())
    site.register(naive("wixEcom_onOrderCreated"), name="wixEcom_onOrderCreated")
    site.delivery = Delivery(duplicates=True)
    result = site.fire("wixEcom_onOrderCreated")
    assert [r.trigger for r in result] == ["fire", "duplicate"]
    first, second = site.history.fires
    assert first.payload == second.payload and first.event_id == second.event_id is not None
    assert len(site.collection("Log")) == 2  # the naive handler inserted twice


@pytest.mark.parametrize("window", [2, 3, 5])
def test_reordering_moves_no_event_further_than_its_window(window: int) -> None:
    plan = Delivery(reorder=window, seed=5).plan(40, Delivery(seed=5).rng())
    assert sorted(i for i, _ in plan) == list(range(40))
    assert all(abs(position - index) < window for position, (index, _) in enumerate(plan))
    assert [i for i, _ in plan] != list(range(40))


@given(count=st.integers(0, 30), window=st.integers(0, 6), chance=st.floats(0, 1), seed=st.integers(0, 2**32))
def test_every_delivery_plan_delivers_each_event_once_first_and_duplicates_after_it(
        count: int, window: int, chance: float, seed: int) -> None:
    mode = Delivery(duplicates=chance, reorder=window, seed=seed)
    plan = mode.plan(count, mode.rng())
    firsts = [i for i, dup in plan if not dup]
    assert sorted(firsts) == list(range(count))
    assert all(abs(pos - i) < max(window, 1) for pos, i in enumerate(firsts))
    first_at = {i: n for n, (i, dup) in reversed(list(enumerate(plan))) if not dup}
    assert all(first_at[i] < n for n, (i, dup) in enumerate(plan) if dup)  # a duplicate never overtakes its original
    assert plan == mode.plan(count, mode.rng())  # one seed, one plan
    if chance == 0:
        assert len(plan) == count


def test_retries_follow_wixs_resend_schedule_on_the_virtual_clock_and_only_for_the_failing_handler() -> None:
    site = Site(clock=FixedClock())
    calls = {"fails": 0}

    def wixEcom_onOrderCreated(event: Any) -> None:
        calls["fails"] += 1
        raise RuntimeError("down")

    site.register(wixEcom_onOrderCreated)
    site.register(naive("wixEcom_onOrderCreated"), name="wixEcom_onOrderCreated", source="package")
    site.delivery = Delivery(retries=True)
    result = site.fire("wixEcom_onOrderCreated")
    failing = [r for r in result if r.source == "notebook"]
    assert [r.attempt for r in failing] == list(range(1, 14)) and calls["fails"] == 13
    assert len([r for r in result if r.source == "package"]) == 1  # a handler that succeeded is not rerun
    times = [parse_time(r.delivered_at) for r in failing if r.delivered_at]
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
    assert tuple(gaps) == WIX_RETRY_SCHEDULE
    assert {r.fire for r in failing[1:]}.isdisjoint({failing[0].fire})  # each attempt its own fire
    assert all(f.payload == site.history.fires[0].payload for f in site.history.fires)


def test_retries_stop_at_the_first_success() -> None:
    site = Site(clock=FixedClock())
    state = {"n": 0}

    def wixEcom_onOrderCreated(event: Any) -> str:
        state["n"] += 1
        if state["n"] < 3:
            raise RuntimeError("down")
        return "done"

    site.register(wixEcom_onOrderCreated)
    site.delivery = Delivery(retries=[5, 5, 5, 5])
    result = site.fire("wixEcom_onOrderCreated")
    assert [(r.attempt, r.status) for r in result] == [(1, "error"), (2, "error"), (3, "ok")]


def test_a_resend_carries_the_payload_as_first_fired_not_the_entitys_later_state() -> None:
    site = Site(clock=FixedClock())
    seen: list[str] = []

    def wixEcom_onOrderApproved(event: Any) -> None:
        seen.append(event.data.order.status)
        if len(seen) == 1:
            raise RuntimeError("down")

    site.register(wixEcom_onOrderApproved)
    site.delivery = Delivery(retries=[86400 * 2])  # the retry lands after the order was canceled
    results = site.play("order-lifecycle")
    assert [r.fire.event for r in results][-1] == "wixEcom_onOrderApproved"
    assert seen == ["APPROVED", "APPROVED"]
    retry = next(r for r in results if r.fire.trigger == "retry")
    assert retry.runs[0].attempt == 2


def test_a_retry_can_arrive_after_a_later_event() -> None:
    site = Site(clock=FixedClock())
    failed: list[bool] = []

    def wixEcom_onOrderApproved(event: Any) -> None:
        if not failed:
            failed.append(True)
            raise RuntimeError("down")

    site.register(wixEcom_onOrderApproved)
    site.delivery = Delivery(retries=[3600])  # payment status comes 30 s after approval
    order = [(r.fire.event, r.fire.trigger) for r in site.play("order-lifecycle")]
    assert order.index(("wixEcom_onOrderApproved", "retry")) > order.index(("wixEcom_onOrderPaymentStatusUpdated",
                                                                             "fire"))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"duplicates": 1.5}, "duplicates"), ({"reorder": -1}, "reorder"), ({"retries": -2}, "retries"),
    ({"retries": [60, -1]}, "delays"),
])
def test_an_impossible_delivery_mode_is_refused(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Delivery(**kwargs)
    with pytest.raises(ValueError, match="exactly_once"):
        Delivery.named("twice")


def test_attempt_and_delivered_at_survive_saving_and_loading_the_history(tmp_path: Path) -> None:
    site = Site(clock=FixedClock())
    site.register(lambda event: 1 / 0, name="wixEcom_onOrderCreated")
    site.delivery = Delivery(retries=2)
    site.fire("wixEcom_onOrderCreated")
    loaded = History.load(site.history.save(tmp_path / "h.jsonl"))
    assert [(r.attempt, r.delivered_at) for r in loaded] == [(r.attempt, r.delivered_at) for r in site.history]
    assert list(site.history.to_frame()["attempt"]) == [1, 2, 3]


# -- the idempotency check -------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCENARIOS)
def test_check_idempotent_tells_the_naive_handlers_from_the_idempotent_ones_in_every_scenario(name: str) -> None:
    bad = site_with(naive, name).check_idempotent(name)
    dup = bad[bad["check"] == "duplicates"]
    assert not dup["idempotent"].any()
    assert all(any(d.startswith("+1 wix-data insert") for d in diffs) for diffs in dup[dup["handler"].notna()]
               ["differences"])
    good = site_with(idempotent, name).check_idempotent(name)
    assert good[good["check"] == "duplicates"]["idempotent"].all(), good.to_string()
    assert set(good["check"]) == {"duplicates", "reordered"}


def test_check_idempotent_of_one_event_uses_a_fresh_site_and_leaves_the_site_alone() -> None:
    site = Site(clock=FixedClock())
    site.seed(collections={"Log": [{"_id": "seeded", "event": "seed"}]})
    site.register(naive("wixEcom_onOrderCreated"), name="wixEcom_onOrderCreated")
    report = site.check_idempotent("wixEcom_onOrderCreated")
    handler_row = report[report["handler"] == "wixEcom_onOrderCreated"].iloc[0]
    assert (handler_row["once"], handler_row["delivered"], handler_row["idempotent"]) == (1, 2, False)
    state = report[report["source"] == "final state"].iloc[0]
    assert (state["once"], state["delivered"]) == (2, 3)  # the seeded item plus one, or two
    assert len(site.history) == 0 and list(site.collection("Log")["_id"]) == ["seeded"]


def test_the_cli_fires_with_duplicates_and_fails_on_a_handler_that_is_not_idempotent(tmp_path: Path) -> None:
    handlers = tmp_path / "events.py"
    handlers.write_text("from wixevents.velo import wix_data\n\n\ndef wixEcom_onOrderCreated(event):\n"
                        "    wix_data.insert('Orders', {'orderId': event.entity._id})\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "wixevents", "fire", "wixEcom_onOrderCreated", "--handlers", str(handlers)]
    plain = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert plain.returncode == 0, plain.stderr
    twice = subprocess.run([*cmd, "--delivery", "duplicates"], capture_output=True, text=True, timeout=120)
    assert twice.returncode == 1 and "idempotency" in twice.stdout and "+1 wix-data insert" in twice.stdout


JS_NAIVE = """import wixData from "wix-data";
export async function wixEcom_onOrderCreated(event) {
  await wixData.insert("Orders", { orderId: event.entity._id });
}
"""
JS_IDEMPOTENT = """import wixData from "wix-data";
export async function wixEcom_onOrderCreated(event) {
  const seen = await wixData.query("Processed").eq("eventId", event.metadata.id).find();
  if (seen.items.length > 0) return "duplicate";
  await wixData.insert("Processed", { eventId: event.metadata.id });
  await wixData.insert("Orders", { orderId: event.entity._id });
}
"""


@pytest.mark.parametrize(("code", "expected"), [(JS_NAIVE, False), (JS_IDEMPOTENT, True)])
def test_check_idempotent_tells_javascript_handlers_apart_too(tmp_path: Path, code: str, expected: bool) -> None:
    pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')
    (tmp_path / "events.js").write_text(code, encoding="utf-8")
    with Site(clock=FixedClock()) as site:
        site.load_js(tmp_path / "events.js")
        for target in ("wixEcom_onOrderCreated", "order-lifecycle"):
            report = site.check_idempotent(target)
            rows = report[report["check"] == "duplicates"]
            assert rows["idempotent"].all() == expected, report.to_string()
        site.delivery = Delivery(duplicates=True, retries=True)
        result = site.fire("wixEcom_onOrderCreated")
        assert [(r.trigger, r.attempt) for r in result] == [("fire", 1), ("duplicate", 1)]
        assert len(site.collection("Orders")) == (1 if expected else 2)


def test_fire_many_delivers_its_payloads_as_one_sequence_under_the_sites_mode() -> None:
    site = Site(clock=FixedClock())
    site.register(naive("wixEcom_onOrderCreated"), name="wixEcom_onOrderCreated")
    payloads = [wixevents.sample("wixEcom_onOrderCreated", overrides={"metadata.id": f"evt-{n}"}) for n in range(6)]
    site.delivery = Delivery(duplicates=1.0, reorder=3, seed=2)
    results = site.fire_many("wixEcom_onOrderCreated", payloads)
    ids = [r.fire.event_id for r in results]
    assert sorted(ids) == sorted([f"evt-{n}" for n in range(6)] * 2)
    assert ids != sorted(ids)  # reordered, duplicates included
    assert len(site.collection("Log")) == 12


def test_in_preview_a_duplicate_is_not_triggered_either_and_nothing_is_retried() -> None:
    site = Site(clock=FixedClock(), mode="preview")
    site.register(lambda event: 1 / 0, name="wixEcom_onOrderCreated")
    site.delivery = Delivery(duplicates=True, retries=True)
    result = site.fire("wixEcom_onOrderCreated")
    assert [(r.status, r.trigger) for r in result] == [("not_triggered_in_preview", "fire"),
                                                       ("not_triggered_in_preview", "duplicate")]


def test_a_fire_from_inside_a_handler_is_delivered_once_whatever_the_mode() -> None:
    site = Site(clock=FixedClock())

    @site.handler
    def wixEcom_onOrderApproved(event: Any) -> None:
        site.fire("wixEcom_onOrderPaymentStatusUpdated")

    calls: list[int] = []
    site.register(lambda event: calls.append(1), name="wixEcom_onOrderPaymentStatusUpdated")
    site.delivery = Delivery(duplicates=True)
    site.fire("wixEcom_onOrderApproved")
    assert len(calls) == 2  # once per delivery of the outer event, never duplicated on its own


def test_a_failing_javascript_handler_is_retried_on_the_same_schedule(tmp_path: Path) -> None:
    pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')
    (tmp_path / "events.js").write_text(
        "export function wixEcom_onOrderCreated(event) {\n"
        "  throw new Error(`shipping down for ${event.metadata.id}`);\n}\n", encoding="utf-8")
    with Site(clock=FixedClock()) as site:
        site.load_js(tmp_path / "events.js")
        site.delivery = Delivery(retries=True)
        frame = site.fire("wixEcom_onOrderCreated").to_frame()
        assert list(frame["attempt"]) == list(range(1, 14)) and set(frame["status"]) == {"error"}
        assert frame["error"].nunique() == 1  # every resend carried the same metadata.id
        hours = (parse_time(frame["delivered_at"].iloc[-1]) - parse_time(frame["delivered_at"].iloc[0]))
        assert hours.total_seconds() == sum(WIX_RETRY_SCHEDULE)
