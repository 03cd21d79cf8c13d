"""Data hooks (backend/data.js): registration by name, and Wix's semantics inside the simulated wix-data calls."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest

from wixevents import FixedClock, HandlerError, Site, UnknownEventType
from wixevents.runtime.hooks import DataHook
from wixevents.velo import wix_data
from wixevents.velo.errors import HookTimeout


@pytest.fixture
def site() -> Site:
    return Site(clock=FixedClock())


# -- registration -----------------------------------------------------------------------------------

def test_a_hook_name_registers_a_data_hook_not_a_handler(site: Site) -> None:
    def Orders_beforeInsert(item: dict[str, Any], context: Any) -> dict[str, Any]:
        return item

    hook = site.register(Orders_beforeInsert)
    assert isinstance(hook, DataHook)
    assert (hook.collection, hook.hook.name, hook.stage, hook.source) == ("Orders", "beforeInsert", "before",
                                                                          "notebook")
    assert site.handlers == [] and site.hooks == [hook]
    assert site.unregister("Orders_beforeInsert") == [hook] and site.hooks == []


def test_the_decorator_registers_hooks_too_and_checks_their_two_arguments(site: Site) -> None:
    @site.handler
    def My_Collection_afterQuery(item: dict[str, Any], context: Any) -> dict[str, Any]:
        return item

    assert site.hooks[0].collection == "My_Collection"  # the hook name is what follows the last underscore
    with pytest.raises(HandlerError, match=r"def Orders_beforeInsert\(item, context\)"):
        @site.handler
        def Orders_beforeInsert(item: dict[str, Any]) -> None: ...


def test_a_misspelt_hook_name_fails_with_hook_suggestions(site: Site) -> None:
    def Orders_beforeInsrt(item: Any, context: Any) -> None: ...

    with pytest.raises(UnknownEventType) as caught:
        site.register(Orders_beforeInsrt)
    assert caught.value.suggestions[0] == "Orders_beforeInsert"
    assert "event handler or data hook name" in str(caught.value)


def test_load_registers_the_hooks_of_a_data_file(site: Site, tmp_path: Path) -> None:
    data = tmp_path / "data.py"
    data.write_text("def Orders_beforeInsert(item, context):\n    return item\n\n"
                    "def Orders_onFailure(error, context):\n    return None\n\n"
                    "def helper(x):\n    return x\n", encoding="utf-8")
    report = site.load(data)
    assert [h.name for h in report.registered] == ["Orders_beforeInsert", "Orders_onFailure"]
    assert not report.lookalikes
    assert [h.name for h in site.hooks] == ["Orders_beforeInsert", "Orders_onFailure"]


# -- before hooks -----------------------------------------------------------------------------------

def test_before_insert_changes_what_is_stored_by_returning_or_by_editing_in_place(site: Site) -> None:
    def Orders_beforeInsert(item: Any, context: Any) -> dict[str, Any]:
        return {**item, "title": item["title"].title()}

    def Notes_beforeInsert(item: Any, context: Any) -> None:
        item.text = item.text.strip()  # no return value: a "wrong type", ignored; the edit stands

    site.register(Orders_beforeInsert)
    site.register(Notes_beforeInsert)
    given = {"title": "celadon mug"}
    with site.use():
        order = wix_data.insert("Orders", given)
        note = wix_data.insert("Notes", {"text": "  hello  "})
    assert (order.title, note.text) == ("Celadon Mug", "hello")
    assert given == {"title": "celadon mug"}  # the caller's dict is never touched
    assert list(site.collection("Orders")["title"]) == ["Celadon Mug"]


def test_a_before_hook_that_raises_blocks_the_operation_and_on_failure_runs(site: Site) -> None:
    failures: list[tuple[str, str]] = []

    def Orders_beforeInsert(item: Any, context: Any) -> Any:
        if "@" not in item.get("email", ""):
            raise ValueError("Invalid email address.")
        return item

    def Orders_onFailure(error: Exception, context: Any) -> None:
        failures.append((str(error), context.collectionName))

    site.register(Orders_beforeInsert)
    site.register(Orders_onFailure)

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> str:
        try:
            wix_data.insert("Orders", {"email": "not-an-address"})
        except ValueError as exc:  # the caller gets the hook's own exception
            return f"refused: {exc}"
        return "stored"

    result = site.fire("wixBilling_onInvoicePaid")
    assert result.value == "refused: Invalid email address."
    assert site.collection("Orders").empty
    assert failures == [("Invalid email address.", "Orders")]
    rows = [(r.seq, r.handler, r.status, r.parent, r.trigger) for r in site.history]
    assert rows == [(1, "wixBilling_onInvoicePaid", "ok", None, "fire"),
                    (2, "Orders_beforeInsert", "error", 1, "hook"),
                    (3, "Orders_onFailure", "ok", 1, "hook")]
    assert site.history.to_frame()["error"][1] == "ValueError: Invalid email address."
    assert result.effects["caused"].tolist() == [[2, 3]]


def test_on_failure_returning_a_value_makes_the_operation_succeed_with_it(site: Site) -> None:
    def Orders_beforeInsert(item: Any, context: Any) -> Any:
        raise PermissionError("closed for the night")

    def Orders_onFailure(error: Exception, context: Any) -> dict[str, Any]:
        return {"queued": True, "reason": str(error)}

    site.register(Orders_beforeInsert)
    site.register(Orders_onFailure)
    with site.use():
        assert wix_data.insert("Orders", {"title": "Mug"}) == {"queued": True, "reason": "closed for the night"}
    assert site.collection("Orders").empty


def test_update_and_remove_hooks_see_the_stored_item_as_current_item(site: Site) -> None:
    seen: list[tuple[str, Any, Any]] = []

    def Orders_beforeUpdate(item: Any, context: Any) -> Any:
        seen.append(("beforeUpdate", context.currentItem["status"], item["status"]))
        return item

    def Orders_afterUpdate(item: Any, context: Any) -> Any:
        seen.append(("afterUpdate", context.currentItem["status"], item["status"]))
        return item

    def Orders_beforeRemove(item_id: str, context: Any) -> str:
        seen.append(("beforeRemove", context.currentItem["status"], item_id))
        return item_id

    for hook in (Orders_beforeUpdate, Orders_afterUpdate, Orders_beforeRemove):
        site.register(hook)
    site.velo.identity = {"userId": "owner-1", "userRole": "siteOwner"}
    with site.use():
        wix_data.insert("Orders", {"_id": "A", "status": "new"})
        wix_data.update("Orders", {"_id": "A", "status": "paid"})
        wix_data.remove("Orders", "A")
    assert seen == [("beforeUpdate", "new", "paid"), ("afterUpdate", "new", "paid"), ("beforeRemove", "paid", "A")]


def test_the_hook_context_carries_collection_user_id_and_role(site: Site) -> None:
    contexts: list[dict[str, Any]] = []

    def Orders_beforeInsert(item: Any, context: Any) -> Any:
        contexts.append(dict(context))

    site.register(Orders_beforeInsert)
    with site.use():
        wix_data.insert("Orders", {"n": 1})
        site.velo.identity = {"userId": "m-1", "userRole": "siteMember"}
        wix_data.insert("Orders", {"n": 2})
    assert contexts == [{"collectionName": "Orders", "userId": None, "userRole": "anonymous"},
                        {"collectionName": "Orders", "userId": "m-1", "userRole": "siteMember"}]


def test_before_get_and_before_remove_may_swap_the_item_id(site: Site) -> None:
    def Orders_beforeGet(item_id: str, context: Any) -> str:
        return "B" if item_id == "alias" else item_id

    def Orders_beforeRemove(item_id: str, context: Any) -> int:
        return 42  # the wrong type: ignored

    site.register(Orders_beforeGet)
    site.register(Orders_beforeRemove)
    with site.use():
        wix_data.bulkInsert("Orders", [{"_id": "A"}, {"_id": "B"}])
        got = wix_data.get("Orders", "alias")
        assert got is not None and got._id == "B"
        removed = wix_data.remove("Orders", "A")
        assert removed is not None and removed._id == "A"


# -- after hooks ------------------------------------------------------------------------------------

def test_after_hooks_change_what_the_caller_gets_but_not_what_is_stored(site: Site) -> None:
    def Orders_afterInsert(item: Any, context: Any) -> Any:
        return {**item, "label": f"#{item['n']}"}

    def Orders_afterGet(item: Any, context: Any) -> Any:
        return {**item, "fetched": True}

    site.register(Orders_afterInsert)
    site.register(Orders_afterGet)
    with site.use():
        inserted = wix_data.insert("Orders", {"_id": "A", "n": 7})
        got = wix_data.get("Orders", "A")
    assert (inserted["label"], got is not None and got["fetched"]) == ("#7", True)
    assert list(site.collection("Orders").columns) == ["_id", "_owner", "_createdDate", "_updatedDate", "n"]


def test_an_after_hook_that_raises_does_not_undo_the_operation_but_fails_the_call(site: Site) -> None:
    failures: list[str] = []

    def Orders_afterInsert(item: Any, context: Any) -> Any:
        raise RuntimeError("audit log unavailable")

    def Orders_onFailure(error: Exception, context: Any) -> None:
        failures.append(type(error).__name__)

    site.register(Orders_afterInsert)
    site.register(Orders_onFailure)
    with site.use(), pytest.raises(RuntimeError, match="audit log unavailable"):
        wix_data.insert("Orders", {"_id": "A"})
    assert list(site.collection("Orders")["_id"]) == ["A"]
    assert failures == ["RuntimeError"]


def test_after_query_runs_once_per_result_item_and_query_and_count_hooks_apply(site: Site) -> None:
    def Orders_beforeQuery(query: Any, context: Any) -> Any:
        return query.ne("hidden", True)

    def Orders_afterQuery(item: Any, context: Any) -> Any:
        return {**item, "shown": True}

    def Orders_beforeCount(query: Any, context: Any) -> Any:
        return query.ne("hidden", True)

    def Orders_afterCount(count: int, context: Any) -> int:
        return count * 10

    for hook in (Orders_beforeQuery, Orders_afterQuery, Orders_beforeCount, Orders_afterCount):
        site.register(hook)
    site.seed_collection("Orders", [{"_id": "A"}, {"_id": "B", "hidden": True}, {"_id": "C"}])
    with site.use():
        found = wix_data.query("Orders").ascending("_id").find()
        counted = wix_data.query("Orders").count()
    assert [(i._id, i.shown) for i in found.items] == [("A", True), ("C", True)]
    assert counted == 20
    hooks = [r.handler for r in site.history]
    assert hooks == ["Orders_beforeQuery", "Orders_afterQuery", "Orders_afterQuery", "Orders_beforeCount",
                     "Orders_afterCount"]


def test_suppress_hooks_runs_none_of_them(site: Site) -> None:
    def Orders_beforeInsert(item: Any, context: Any) -> Any:
        raise AssertionError("must not run")

    site.register(Orders_beforeInsert)
    with site.use():
        wix_data.insert("Orders", {"_id": "A"}, {"suppressHooks": True})
        wix_data.query("Orders").find({"suppressHooks": True})
    assert len(site.history) == 0 and list(site.collection("Orders")["_id"]) == ["A"]


# -- runs -------------------------------------------------------------------------------------------

def test_hooks_run_in_preview_mode_too() -> None:
    site = Site(clock=FixedClock(), mode="preview")

    def Orders_beforeInsert(item: Any, context: Any) -> Any:
        return {**item, "checked": True}

    site.register(Orders_beforeInsert)
    with site.use():
        assert wix_data.insert("Orders", {"n": 1})["checked"] is True
    assert site.history[0].status == "ok"


def test_a_hook_is_a_history_row_with_its_own_logs_and_effects(site: Site) -> None:
    def Orders_afterInsert(item: Any, context: Any) -> Any:
        print(f"audited {item['_id']}")
        wix_data.insert("Audit", {"order": item["_id"]})
        return item

    site.register(Orders_afterInsert)

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        wix_data.insert("Orders", {"_id": "A"})

    site.fire("wixBilling_onInvoicePaid")
    hook = site.history[1]
    assert (hook.event, hook.handler, hook.trigger, hook.parent, hook.fire) == (
        "Orders_afterInsert", "Orders_afterInsert", "hook", 1, 1)
    assert [line.message for line in hook.logs] == ["audited A"]
    assert [(e["seq"], e["function"], e["args"]["collectionId"]) for e in hook.effects] == [(2, "insert", "Audit")]


def test_an_async_hook_is_awaited(site: Site) -> None:
    async def Orders_beforeInsert(item: Any, context: Any) -> Any:
        await asyncio.sleep(0)
        return {**item, "async": True}

    site.register(Orders_beforeInsert)
    with site.use():
        assert wix_data.insert("Orders", {})["async"] is True


def test_a_hook_past_the_timeout_fails_the_operation() -> None:
    site = Site(clock=FixedClock(), timeout=0.2)
    release = threading.Event()

    def Orders_beforeInsert(item: Any, context: Any) -> Any:
        release.wait(10)
        return item

    site.register(Orders_beforeInsert)
    try:
        with site.use(), pytest.raises(HookTimeout):
            wix_data.insert("Orders", {"n": 1})
    finally:
        release.set()
    assert site.collection("Orders").empty and site.history[0].status == "timeout"


def test_hooks_of_several_sources_run_in_turn_each_getting_the_last_result(site: Site) -> None:
    def make(tag: str) -> Any:
        def Orders_beforeInsert(item: Any, context: Any) -> Any:
            return {**item, "trail": [*item.get("trail", []), tag]}
        return Orders_beforeInsert

    site.register(make("package"), source="my-package")
    site.register(make("site"))
    with site.use():
        assert wix_data.insert("Orders", {})["trail"] == ["site", "package"]
