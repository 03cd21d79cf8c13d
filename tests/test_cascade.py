"""Cascades: wix-data changes fire data events whose handlers may change data again; the history keeps the chain."""

from __future__ import annotations

from typing import Any

import pytest

from wixevents import FixedClock, Site
from wixevents.runtime.dispatch import DEFAULT_CASCADE_LIMIT
from wixevents.runtime.trace import Trace
from wixevents.velo import wix_data


@pytest.fixture
def site() -> Site:
    return Site(clock=FixedClock())


def test_an_insert_fires_on_data_item_created_with_the_stored_item(site: Site) -> None:
    received: list[dict[str, Any]] = []

    @site.handler
    def wixData_onDataItemCreated(event: Any) -> None:
        received.append(dict(event))

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> Any:
        return wix_data.insert("Payments", {"invoice": event.id.id})

    result = site.fire("wixBilling_onInvoicePaid")
    item = result.value
    cascade = site.history[1]
    assert (cascade.handler, cascade.trigger, cascade.parent, cascade.status) == (
        "wixData_onDataItemCreated", "cascade", 1, "ok")
    fire = site.history.fires[1]
    assert received == [{
        "entity": {"_id": item["_id"], "dataCollectionId": "Payments", "data": item},
        "metadata": {"id": fire.event_id, "entityId": item["_id"], "eventTime": fire.time,
                     "entityFqdn": "wix.data.v2.data_item", "eventType": "wix.data.v2.data_item_created",
                     "slug": "created"}}]
    assert result.effects["caused"].tolist() == [[2]]


def test_update_save_and_remove_fire_the_matching_events(site: Site) -> None:
    seen: list[tuple[str, str, Any]] = []

    def record(change: str) -> Any:
        def handler(event: Any) -> None:
            seen.append((change, event.entity._id, event.entity.data.get("status")))
        handler.__name__ = f"wixData_onDataItem{change}"
        return handler

    for change in ("Created", "Updated", "Deleted"):
        site.register(record(change))
    with site.use():
        wix_data.insert("Orders", {"_id": "A", "status": "new"})
        wix_data.update("Orders", {"_id": "A", "status": "paid"})
        wix_data.save("Orders", {"_id": "A", "status": "shipped"})
        wix_data.remove("Orders", "A")
        wix_data.remove("Orders", "A")  # nothing removed: no event
        wix_data.bulkInsert("Orders", [{"_id": "B"}, {"_id": "C"}])
        wix_data.truncate("Orders", {"suppressAuth": True})  # truncate fires nothing
    assert seen == [("Created", "A", "new"), ("Updated", "A", "paid"), ("Updated", "A", "shipped"),
                    ("Deleted", "A", "shipped"), ("Created", "B", None), ("Created", "C", None)]
    assert all(r.parent is None and r.trigger == "cascade" for r in site.history)


def test_a_chain_is_recorded_with_parents_and_shown_as_a_tree(site: Site) -> None:
    def Orders_beforeInsert(item: Any, context: Any) -> Any:
        return {**item, "checked": True}

    @site.handler
    def wixData_onDataItemCreated(event: Any) -> None:
        if event.entity.dataCollectionId == "Orders":
            wix_data.insert("Audit", {"order": event.entity._id})

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        wix_data.insert("Orders", {"_id": "A"})
        wix_data.get("Orders", "A")

    site.register(Orders_beforeInsert)
    site.fire("wixBilling_onInvoicePaid")
    assert [(r.seq, r.handler, r.trigger, r.parent) for r in site.history] == [
        (1, "wixBilling_onInvoicePaid", "fire", None), (2, "Orders_beforeInsert", "hook", 1),
        (3, "wixData_onDataItemCreated", "cascade", 1), (4, "wixData_onDataItemCreated", "cascade", 3)]
    assert repr(site.trace(3)) == "\n".join([
        "Cascade of run 1 (fire 1): 4 run(s)",
        "#1 ok wixBilling_onInvoicePaid [fire]",
        "├─ wix-data.insert('Orders', {\"_id\": \"A\"})",
        "│  ├─ #2 ok Orders_beforeInsert [hook]",
        "│  └─ #3 ok wixData_onDataItemCreated [cascade] ◀",
        "│     └─ wix-data.insert('Audit', {\"order\": \"A\"})",
        "│        └─ #4 ok wixData_onDataItemCreated [cascade]",
        "└─ wix-data.get('Orders', 'A')"])
    html = site.trace(1)._repr_html_()
    assert html.count("<div>") == 7 and "wixData_onDataItemCreated [cascade]" in html
    assert "<span style='color:#999'>│  └─ </span>" in html  # drawn with connectors
    assert "wix-data.insert(&#x27;Orders&#x27;, {&quot;_id&quot;: &quot;A&quot;})" in html  # the call and its arguments
    assert list(site.trace(4).to_frame()["seq"]) == [1, 2, 3, 4]


def test_result_effects_include_what_the_runs_it_caused_did(site: Site) -> None:
    @site.handler
    def wixData_onDataItemCreated(event: Any) -> None:
        if event.entity.dataCollectionId == "Orders":
            wix_data.insert("Audit", {"order": event.entity._id})

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        wix_data.insert("Orders", {"_id": "A"})
        wix_data.get("Orders", "A")

    effects = site.fire("wixBilling_onInvoicePaid").effects
    assert list(zip(effects["seq"], effects["function"], effects["args"].map(lambda a: a["collectionId"]),
                    strict=True)) == [(1, "insert", "Orders"), (2, "insert", "Audit"), (1, "get", "Orders")]


def test_a_loop_ends_in_one_cascade_limit_row_at_the_default_depth(site: Site) -> None:
    @site.handler
    def wixData_onDataItemCreated(event: Any) -> None:
        wix_data.insert("Counter", {"n": event.entity.data["n"] + 1})  # fires itself again: a loop

    with site.use():
        wix_data.insert("Counter", {"n": 0})
    runs = list(site.history)
    assert DEFAULT_CASCADE_LIMIT == 10
    assert [r.status for r in runs] == ["ok"] * 10 + ["cascade_limit"]
    assert [r.parent for r in runs] == [None, *range(1, 11)]
    last = runs[-1]
    assert (last.handler, last.trigger, last.error and last.error.type) == (None, "cascade", "CascadeLimit")
    assert last.error is not None and "past the site's cascade_limit of 10" in last.error.message
    assert "site.trace(10)" in (last.note or "")
    assert list(site.collection("Counter")["n"]) == list(range(11))
    assert repr(site.trace(11)).splitlines()[-1].endswith("#11 cascade_limit wixData_onDataItemCreated [cascade] "
                                                          "CascadeLimit: wixData_onDataItemCreated did not run: it "
                                                          "would run 11 levels deep, past the site's cascade_limit "
                                                          "of 10. ◀")


def test_the_limit_is_a_site_setting_and_counts_hooks_and_direct_fires(site: Site) -> None:
    site.cascade_limit = 3

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        site.fire("wixBilling_onInvoicePaid")  # a handler firing its own event

    site.fire("wixBilling_onInvoicePaid")
    assert [r.status for r in site.history] == ["ok", "ok", "ok", "cascade_limit"]

    other = Site(clock=FixedClock())
    other.cascade_limit = 2

    def Orders_beforeInsert(item: Any, context: Any) -> Any:
        wix_data.insert("Orders", {"inner": True})  # a hook inserting into its own collection

    other.register(Orders_beforeInsert)
    with other.use(), pytest.raises(Exception, match="cascade_limit of 2"):
        wix_data.insert("Orders", {})
    assert [(r.handler, r.status) for r in other.history] == [
        ("Orders_beforeInsert", "error"), ("Orders_beforeInsert", "error"), ("Orders_beforeInsert", "cascade_limit")]


def test_data_events_do_not_fire_in_preview_but_leave_a_row(site: Site) -> None:
    site.mode = "preview"

    @site.handler
    def wixData_onDataItemCreated(event: Any) -> None: ...

    with site.use():
        wix_data.insert("Orders", {})
    assert [r.status for r in site.history] == ["not_triggered_in_preview"]


def test_nothing_is_recorded_without_a_handler_and_app_collections_never_fire(site: Site) -> None:
    with site.use():
        wix_data.insert("Orders", {})
    assert len(site.history) == 0

    @site.handler
    def wixData_onDataItemCreated(event: Any) -> None: ...

    with site.use():
        wix_data.insert("Stores/Products", {"name": "Mug"})
    assert len(site.history) == 0


def test_suppress_hooks_still_fires_data_events_and_a_failing_cascade_does_not_fail_the_call(site: Site) -> None:
    @site.handler
    def wixData_onDataItemCreated(event: Any) -> None:
        raise RuntimeError("downstream broke")

    with site.use():
        item = wix_data.insert("Orders", {"_id": "A"}, {"suppressHooks": True})
    assert item._id == "A"
    assert [(r.status, r.error and r.error.message) for r in site.history] == [("error", "downstream broke")]


def test_cascades_nest_on_their_own_worker_threads_without_deadlock(site: Site) -> None:
    threads: list[str] = []

    @site.handler
    async def wixData_onDataItemCreated(event: Any) -> None:  # an async handler calling sync APIs
        import threading

        threads.append(str(threading.get_ident()))
        if event.entity.data["n"] < 4:
            wix_data.insert("Chain", {"n": event.entity.data["n"] + 1})

    with site.use():
        wix_data.insert("Chain", {"n": 0})
    assert [r.status for r in site.history] == ["ok"] * 5
    assert len(set(threads)) == 5  # every nested run waits for the next on a thread of its own


def test_a_saved_history_keeps_hook_rows_cascades_and_effects(site: Site, tmp_path: Any) -> None:
    def Orders_beforeInsert(item: Any, context: Any) -> Any:
        return item

    @site.handler
    def wixData_onDataItemCreated(event: Any) -> None: ...

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        wix_data.insert("Orders", {"_id": "A"})

    site.register(Orders_beforeInsert)
    site.fire("wixBilling_onInvoicePaid")
    loaded = Site(clock=FixedClock()).load_history(site.history.save(tmp_path / "runs.jsonl"))
    assert loaded == site.history
    assert loaded[0].effects[0]["caused"] == [2, 3]
    assert repr(Trace(loaded, 1)) == repr(site.trace(1))
