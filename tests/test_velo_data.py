"""wix-data, simulated: system fields, Wix's rules for each operation, options, and the effects they record."""

from __future__ import annotations

import contextlib
import uuid
from datetime import datetime, timezone
from typing import Any

import pandas as pd
import pytest

from wixevents import FixedClock, Site
from wixevents.runtime.clock import ID_NAMESPACE
from wixevents.runtime.effects import EFFECT_COLUMNS
from wixevents.velo import modules, wix_data
from wixevents.velo.errors import WixDataError
from wixevents.velo.sdk_data import items
from wixevents.velo.wix_auth import elevate


@pytest.fixture
def site() -> Site:
    return Site(clock=FixedClock())


def test_insert_sets_id_owner_and_dates_as_wix_does_from_the_site_ids_and_clock(site: Site) -> None:
    with site.use():
        item = wix_data.insert("Orders", {"title": "Mug", "price": 18.5})
    assert item == {"_id": str(uuid.uuid5(ID_NAMESPACE, "wixevents/1")), "_owner": site.velo.owner_id,
                    "_createdDate": "2026-01-15T10:30:00.000Z", "_updatedDate": "2026-01-15T10:30:00.000Z",
                    "title": "Mug", "price": 18.5}
    assert item.title == "Mug"  # reads like Velo
    assert site.velo.owner_id == str(uuid.uuid5(ID_NAMESPACE, "wixevents/site-owner"))


def test_two_sites_with_fixed_clocks_store_identical_items_and_never_share_them() -> None:
    first, second = Site(clock=FixedClock()), Site(clock=FixedClock())
    with first.use():
        a = wix_data.insert("Orders", {"title": "Mug"})
    with second.use():
        b = wix_data.insert("Orders", {"title": "Mug"})
        assert wix_data.query("Orders").count() == 1
    assert a == b
    pd.testing.assert_frame_equal(first.collection("Orders"), second.collection("Orders"))


def test_a_given_id_is_kept_and_the_owner_is_the_identity_when_one_is_set(site: Site) -> None:
    site.velo.identity = {"userId": "member-7", "userRole": "siteMember"}
    with site.use():
        when = datetime(2026, 2, 1, tzinfo=timezone.utc)
        item = wix_data.insert("Orders", {"_id": "00001", "title": "Mug", "when": when})
    assert (item["_id"], item["_owner"], item["when"]) == ("00001", "member-7", "2026-02-01T00:00:00.000Z")


def test_insert_refuses_a_stored_id_an_empty_id_and_a_non_object(site: Site) -> None:
    with site.use():
        wix_data.insert("Orders", {"_id": "00001", "title": "Mug"})
        with pytest.raises(WixDataError, match=r"_id \[00001\] already exists") as caught:
            wix_data.insert("Orders", {"_id": "00001", "title": "Bowl"})
        assert caught.value.code == "ALREADY_EXISTS"
        with pytest.raises(WixDataError) as empty:
            wix_data.insert("Orders", {"_id": "", "title": "Bowl"})
        assert empty.value.code == "WDE0002"
        with pytest.raises(WixDataError) as not_object:
            wix_data.insert("Orders", ["title", "Bowl"])  # type: ignore[arg-type]
        assert not_object.value.code == "WDE0004"
    assert list(site.collection("Orders")["title"]) == ["Mug"]


def test_update_replaces_every_field_keeps_created_date_and_owner_and_moves_updated_date(site: Site) -> None:
    with site.use():
        first = wix_data.insert("Orders", {"title": "Mug", "price": 18.5, "note": "gift"})
        updated = wix_data.update("Orders", {"_id": first._id, "title": "Mug", "price": 20})
    assert updated == {"_id": first._id, "_owner": first._owner, "_createdDate": first._createdDate,
                       "_updatedDate": "2026-01-15T10:30:01.000Z", "title": "Mug", "price": 20}
    assert "note" not in site.collection("Orders").columns  # fields left out are lost, as on Wix


def test_update_needs_an_existing_id(site: Site) -> None:
    with site.use():
        with pytest.raises(WixDataError) as missing:
            wix_data.update("Orders", {"title": "Mug"})
        with pytest.raises(WixDataError, match="does not exist") as unknown:
            wix_data.update("Orders", {"_id": "nope", "title": "Mug"})
    assert (missing.value.code, unknown.value.code) == ("WDE0007", "NOT_FOUND")


def test_save_inserts_a_new_item_and_updates_a_stored_one(site: Site) -> None:
    with site.use():
        saved = wix_data.save("Orders", {"_id": "A", "status": "new"})
        again = wix_data.save("Orders", {"_id": "A", "status": "paid"})
    assert saved._createdDate == again._createdDate and again.status == "paid"
    assert list(site.effects()["function"]) == ["save", "save"]
    assert site.collection("Orders")[["_id", "status"]].to_dict("records") == [{"_id": "A", "status": "paid"}]


def test_get_and_remove_return_copies_or_none(site: Site) -> None:
    with site.use():
        stored = wix_data.insert("Orders", {"_id": "A", "tags": ["red"]})
        got = wix_data.get("Orders", "A")
        assert got is not None
        got.tags.append("blue")  # editing a returned item changes nothing stored
        assert wix_data.get("Orders", "A") == stored
        assert wix_data.get("Orders", "missing") is None
        assert wix_data.remove("Orders", "A") == stored
        assert wix_data.remove("Orders", "A") is None
    assert site.collection("Orders").empty


def test_bulk_insert_counts_inserted_and_skipped_items(site: Site) -> None:
    with site.use():
        wix_data.insert("Orders", {"_id": "A"})
        result = wix_data.bulkInsert("Orders", [{"_id": "A"}, {"_id": "B"}, {"title": "no id"}])
    new_id = site.collection("Orders")["_id"].iloc[-1]
    assert result == {"inserted": 2, "updated": 0, "skipped": 1, "insertedItemIds": ["B", new_id],
                      "updatedItemIds": [], "errors": []}


def test_truncate_needs_the_site_owner_suppress_auth_or_elevation(site: Site) -> None:
    with site.use():
        wix_data.bulkInsert("Drafts", [{"n": 1}, {"n": 2}])
        with pytest.raises(WixDataError) as denied:
            wix_data.truncate("Drafts")
        assert denied.value.code == "PERMISSION_DENIED"
        wix_data.truncate("Drafts", {"suppressAuth": True})
        wix_data.insert("Drafts", {"n": 3})
        elevate(wix_data.truncate)("Drafts")
    assert site.collection("Drafts").empty
    effects = site.effects()
    assert list(zip(effects["function"], effects["elevated"], effects["error"].notna(), strict=True)) == [
        ("bulkInsert", False, False), ("truncate", False, True), ("truncate", True, False),
        ("insert", False, False), ("elevate", True, False), ("truncate", True, False)]


# -- queries against a hand-checked table -------------------------------------------------------

ROWS = [
    {"_id": "1", "title": "Celadon mug", "price": 34, "tags": ["mug", "green"], "stock": 5, "code": "A-1"},
    {"_id": "2", "title": "tenmoku bowl", "price": 74, "tags": ["bowl"], "stock": 0, "code": "B-7"},
    {"_id": "3", "title": "Speckled plate", "price": 28.5, "tags": ["plate"], "code": "a-2"},
    {"_id": "4", "title": "Mug rack", "price": "34", "tags": [], "stock": None, "code": "R-1"},
    {"_id": "5", "title": "Glaze kit", "price": 120, "tags": ["kit", "green"], "stock": 12, "code": "K-9",
     "shipping": {"weight": 2}},
]

FILTERS = [
    (lambda q: q.eq("price", 34), ["1"]),                          # the text "34" is not the number 34
    (lambda q: q.eq("title", "celadon mug"), []),                  # eq is case sensitive
    (lambda q: q.eq("tags", "green"), ["1", "5"]),                 # on an array: any element
    (lambda q: q.ne("tags", "green"), ["2", "3", "4"]),
    (lambda q: q.gt("price", 34), ["2", "5"]),                     # numbers only compare with numbers
    (lambda q: q.ge("price", 34), ["1", "2", "5"]),
    (lambda q: q.lt("price", 34), ["3"]),
    (lambda q: q.le("code", "B-7"), ["1", "2"]),                   # text: "a-2" > "B-7" (lowercase sorts after)
    (lambda q: q.between("price", 28.5, 74), ["1", "3"]),          # start included, end excluded
    (lambda q: q.contains("title", "MUG"), ["1", "4"]),            # contains ignores case
    (lambda q: q.startsWith("code", "a"), ["1", "3"]),
    (lambda q: q.endsWith("title", "BOWL"), ["2"]),
    (lambda q: q.hasSome("tags", ["kit", "plate"]), ["3", "5"]),
    (lambda q: q.hasSome("code", "A-1", "R-1"), ["1", "4"]),       # values as arguments or one list
    (lambda q: q.hasAll("tags", ["mug", "green"]), ["1"]),
    (lambda q: q.isEmpty("stock"), ["3", "4"]),                    # missing or null
    (lambda q: q.isNotEmpty("stock"), ["1", "2", "5"]),            # 0 is a value
    (lambda q: q.eq("shipping.weight", 2), ["5"]),                 # dotted paths reach into objects
    (lambda q: q.gt("price", 30).lt("price", 100), ["1", "2"]),    # chained conditions all hold
    (lambda q: q.eq("_id", "1").or_(wix_data.query("Products").eq("_id", "3")), ["1", "3"]),
    (lambda q: q.gt("price", 30).and_(wix_data.query("Products").contains("title", "mug")), ["1"]),
    (lambda q: q.isNotEmpty("tags").not_(wix_data.query("Products").eq("tags", "green")), ["2", "3", "4"]),
    (lambda q: getattr(q.eq("_id", "2"), "or")(wix_data.query("Products").eq("_id", "4")), ["2", "4"]),
]


@pytest.mark.parametrize(("build", "expected"), FILTERS, ids=[str(i) for i in range(len(FILTERS))])
def test_query_filters_match_a_hand_checked_table(site: Site, build: Any, expected: list[str]) -> None:
    site.seed_collection("Products", ROWS)
    with site.use():
        found = build(wix_data.query("Products")).ascending("_id").find()
        assert [i["_id"] for i in found.items] == expected
        assert build(wix_data.query("Products")).count() == len(expected)


def test_sorting_defaults_to_newest_first_and_ranks_missing_values_lowest(site: Site) -> None:
    site.seed_collection("Products", ROWS)  # seeded in order: _createdDate rises with each row
    with site.use():
        newest_first = wix_data.query("Products").find().items
        by_stock = wix_data.query("Products").ascending("stock", "_id").find().items
        by_stock_desc = wix_data.query("Products").descending("stock").ascending("_id").find().items
    assert [i._id for i in newest_first] == ["5", "4", "3", "2", "1"]
    assert [i._id for i in by_stock] == ["3", "4", "2", "1", "5"]
    assert [i._id for i in by_stock_desc] == ["5", "1", "2", "3", "4"]


def test_pages_limit_skip_and_the_result_properties(site: Site) -> None:
    site.seed_collection("Products", ROWS)
    with site.use():
        first = wix_data.query("Products").ascending("_id").limit(2).find()
        second = first.next()
        last = second.next()
    assert [[i._id for i in r.items] for r in (first, second, last)] == [["1", "2"], ["3", "4"], ["5"]]
    assert (first.totalCount, first.pageSize, first.totalPages, first.length) == (5, 2, 3, 2)
    assert [(r.currentPage, r.hasNext(), r.hasPrev()) for r in (first, second, last)] == [
        (0, True, False), (1, True, True), (2, False, True)]
    assert last.prev().items == second.items
    with pytest.raises(WixDataError):
        wix_data.query("Products").limit(1001)


def test_fields_keeps_only_the_named_fields_and_the_id(site: Site) -> None:
    site.seed_collection("Products", ROWS)
    with site.use():
        found = wix_data.query("Products").fields("title").ascending("_id").limit(1).find()
    assert found.items == [{"_id": "1", "title": "Celadon mug"}]


def test_the_sdk_spelling_shares_the_store_and_is_recorded_as_at_wix_data(site: Site) -> None:
    with site.use():
        item = items.insert("Orders", {"title": "Mug"})
        assert wix_data.get("Orders", item._id) == item
        assert items.query("Orders").eq("title", "Mug").find().totalCount == 1
    assert list(zip(site.effects()["module"], site.effects()["function"], strict=True)) == [
        ("@wix/data", "items.insert"), ("wix-data", "get"), ("@wix/data", "items.query.find")]


def test_javascript_shims_find_the_functions_by_module_and_name_and_query_with_json_specs(site: Site) -> None:
    found = modules()
    assert found["wix-data"]["insert"] == wix_data.insert
    assert found["@wix/data"]["items"]["insert"] == items.insert
    assert {"createContact", "appendOrCreateContact", "labelContact"} <= set(found["wix-crm-backend"]["contacts"])
    site.seed_collection("Products", ROWS)
    spec = wix_data.query("Products").gt("price", 30).ascending("price").limit(2).to_spec()
    with site.use():
        result = found["wix-data"]["query_find"](spec)
        assert found["wix-data"]["query_count"](spec) == 3
    assert [i["_id"] for i in result["items"]] == ["1", "2"]
    assert (result["totalCount"], result["query"]) == (3, spec)


def test_every_call_is_one_effect_with_its_arguments_result_and_error(site: Site) -> None:
    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        wix_data.insert("Payments", {"invoice": event.id.id}, {"suppressAuth": True})
        wix_data.get("Payments", "missing")
        with contextlib.suppress(WixDataError):
            wix_data.update("Payments", {"_id": "missing"})

    result = site.fire("wixBilling_onInvoicePaid")
    stored = site.collection("Payments").iloc[0].to_dict()
    expected = pd.DataFrame({
        "seq": pd.array([1, 1, 1], dtype="Int64"), "call": [1, 2, 3],
        "module": ["wix-data"] * 3, "function": ["insert", "get", "update"],
        "args": [{"collectionId": "Payments", "item": {"invoice": result.fire.payload["id"]["id"]},
                  "options": {"suppressAuth": True}},
                 {"collectionId": "Payments", "itemId": "missing"},
                 {"collectionId": "Payments", "item": {"_id": "missing"}}],
        "result": [stored, None, None],
        "error": [None, None, "WixDataError: Item [missing] does not exist in Payments; update() needs an existing "
                  "_id (save() inserts or updates)."],
        "elevated": [True, False, False], "caused": [[], [], []]}, columns=EFFECT_COLUMNS)
    expected = expected.astype({"args": object, "result": object, "caused": object})
    pd.testing.assert_frame_equal(result.effects, expected)
    pd.testing.assert_frame_equal(site.effects(), expected)
    assert [e["function"] for e in result.runs[0].effects] == ["insert", "get", "update"]  # stored on the run


def test_calls_outside_any_run_are_recorded_on_the_site_with_no_seq(site: Site) -> None:
    with site.use():
        wix_data.insert("Orders", {"title": "Mug"})
    effects = site.effects()
    assert effects["seq"].isna().all() and list(effects["function"]) == ["insert"]
    assert len(site.history) == 0
