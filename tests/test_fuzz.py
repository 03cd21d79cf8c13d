"""site.fuzz: planted bugs are found within the default budget, shrunk, and found again with the same seed."""

from __future__ import annotations

from typing import Any

import pytest

import wixevents
from wixevents import FixedClock, Site

ORDER = "wixEcom_onOrderCreated"
CONTACT = "wixCrm_onContactCreated"


def order_site() -> Site:
    site = Site(clock=FixedClock())

    @site.handler
    def wixEcom_onOrderCreated(event: Any) -> int:
        items = event.entity.get("lineItems", [None])
        return items[0] is not None and len(items)  # IndexError only on an empty list

    return site


def contact_site() -> Site:
    site = Site(clock=FixedClock())

    @site.handler
    def wixCrm_onContactCreated(event: Any) -> str:
        first = ((event.entity.get("info") or {}).get("name") or {}).get("first") or ""
        return first.encode("ascii").decode()  # UnicodeEncodeError only on a non-ASCII first name

    return site


def test_fuzz_finds_the_empty_line_item_list_and_shrinks_the_payload_to_the_sample_with_no_items() -> None:
    site = order_site()
    table = site.fuzz(ORDER, seed=1)
    assert list(table.columns) == ["handler", "status", "error", "changed", "payload"]
    assert len(table) == 1, table
    row = table.iloc[0]
    assert (row.handler, row.status) == ("wixEcom_onOrderCreated", "error")
    assert row.error.startswith("IndexError")
    assert row.payload["entity"]["lineItems"] == []
    assert "lineItems" in row.changed
    wixevents.validate(ORDER, row.payload)
    assert not site.fire(ORDER, payload=row.payload).ok, "the reported payload fails when fired again"


def test_fuzz_finds_a_non_ascii_first_name_and_reports_the_sample_with_only_that_name_changed() -> None:
    table = contact_site().fuzz(CONTACT, seed=2)
    assert len(table) == 1, table
    row = table.iloc[0]
    assert row.error.startswith("UnicodeEncodeError")
    first = row.payload["entity"]["info"]["name"]["first"]
    assert not first.isascii(), first
    assert row.changed == "entity.info.name.first = " + repr(first)


def test_the_same_seed_finds_the_same_rows() -> None:
    first = contact_site().fuzz(CONTACT, n=200, seed=7)
    again = contact_site().fuzz(CONTACT, n=200, seed=7)
    assert first.to_dict("records") == again.to_dict("records")
    assert first.attrs["examples"] == again.attrs["examples"]


def test_a_handler_that_never_fails_gives_an_empty_table_after_the_whole_budget() -> None:
    site = Site(clock=FixedClock())
    site.register(lambda event: None, name=ORDER)
    table = site.fuzz(ORDER, n=50)
    assert table.empty and list(table.columns) == ["handler", "status", "error", "changed", "payload"]
    assert table.attrs["examples"] == 50


def test_fuzzing_leaves_history_and_data_as_they_were_and_each_payload_meets_the_starting_data() -> None:
    site = Site(clock=FixedClock())
    site.seed(collections={"Orders": [{"_id": "seeded", "total": 1}]})

    @site.handler
    def wixEcom_onOrderCreated(event: Any) -> None:
        from wixevents.velo import wix_data

        wix_data.insert("Orders", {"_id": event.entity._id})  # a second insert of the same _id would fail

    site.fire(ORDER)
    before = site.collection("Orders").to_dict("records")
    site.reset()  # back to the seeded row only
    table = site.fuzz(ORDER, n=30, variant="default")
    assert table.empty, table
    assert len(site.history) == 1, "only the fire before fuzzing"
    assert site.collection("Orders")["_id"].tolist() == ["seeded"]
    assert len(before) == 2


def test_fuzz_refuses_a_site_without_handlers_or_in_preview() -> None:
    with pytest.raises(ValueError, match="no handler of wixEcom_onOrderCreated"):
        Site(clock=FixedClock()).fuzz(ORDER)
    site = order_site()
    site.mode = "preview"
    with pytest.raises(ValueError, match="preview"):
        site.fuzz(ORDER)


def test_fuzz_keeps_looking_after_a_first_failure_and_reports_each_kind_shrunk_on_its_own() -> None:
    site = Site(clock=FixedClock())

    @site.handler
    def wixCrm_onContactCreated(event: Any) -> str:
        name = event.entity.info.name  # AttributeError on the 'minimal' sample (no info)
        return str(name.first[0])  # IndexError on an empty first name

    table = site.fuzz(CONTACT, seed=3)
    by_error = {row.error.split(":")[0]: row for row in table.itertuples()}
    assert set(by_error) == {"AttributeError", "IndexError"}, table
    assert by_error["AttributeError"].changed == "(nothing: the 'minimal' sample as it is)"
    assert by_error["IndexError"].changed == "entity.info.name.first = ''"
