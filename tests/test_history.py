"""The history: JSON Lines save/load round trip, refusal to overwrite, reproducible output under a fixed clock."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import wixevents
from wixevents import FileExists, FixedClock, History, Site

INVOICE = "wixBilling_onInvoicePaid"
FORM = "wixForms_onSubmissionCreated"


def busy_site(**options: Any) -> Site:
    """A site whose history has every kind of row: ok, error, invalid payload, preview, effects, logs."""
    site = Site(clock=FixedClock(), **options)

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> Any:
        print("paid", event.number, "ünïcödé")
        return {"total": event.totals.total, "when": event.dates.issueDate}

    @site.handler(source="package")
    def wixBilling_onInvoicePaid(event: Any) -> None:  # noqa: F811
        raise ValueError("no stock")

    @site.handler
    def wixForms_onSubmissionCreated(event: Any) -> str:
        wixevents.current_run().record({"api": "wix-data.insert", "item": {"n": 1}})  # type: ignore[union-attr]
        return str(event.metadata.id)

    site.fire_all(INVOICE)
    site.fire(FORM, set={"entity.status": "nope"})
    site.fire(FORM)
    site.mode = "preview"
    site.fire(FORM)
    site.test(FORM, "minimal")
    return site


def test_save_then_load_gives_back_equal_records(tmp_path: Path) -> None:
    site = busy_site()
    path = site.history.save(tmp_path / "history.jsonl")
    loaded = Site(clock=FixedClock()).load_history(path)
    assert loaded == site.history
    assert loaded.runs == site.history.runs and loaded.fires == site.history.fires
    pd.testing.assert_frame_equal(loaded.to_frame(), site.history.to_frame())
    pd.testing.assert_frame_equal(loaded.logs(), site.logs())
    pd.testing.assert_frame_equal(loaded.payloads(FORM), site.payloads(FORM))


def test_return_values_are_stored_as_json_values() -> None:
    run = busy_site().history[0]
    invoice = wixevents.sample("wixBilling_onInvoicePaid")
    issued = datetime.fromisoformat(invoice["dates"]["issueDate"].replace("Z", "+00:00")).isoformat()
    assert run.value == {"total": invoice["totals"]["total"], "when": issued}  # a datetime becomes ISO text


def test_save_refuses_to_replace_an_existing_file_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "history.jsonl"
    target.write_text("precious\n", encoding="utf-8")
    site = busy_site()
    with pytest.raises(FileExists, match="overwrite=True"):
        site.history.save(target)
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert [p.name for p in tmp_path.iterdir()] == ["history.jsonl"]  # no temporary file left behind
    site.history.save(target, overwrite=True)
    assert History.load(target) == site.history


def test_loading_a_file_that_is_not_a_history_says_so(tmp_path: Path) -> None:
    other = tmp_path / "other.jsonl"
    other.write_text('{"hello": 1}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="not a wixevents history"):
        History.load(other)


def test_two_sites_with_fixed_clocks_produce_identical_tables(tmp_path: Path) -> None:
    one, two = busy_site(), busy_site()
    for table in ("to_frame", "logs"):
        pd.testing.assert_frame_equal(getattr(one.history, table)(), getattr(two.history, table)())
    pd.testing.assert_frame_equal(one.payloads(), two.payloads())
    assert set(one.history.to_frame()["duration_ms"]) == {0.0}
    first = one.history.save(tmp_path / "one.jsonl").read_bytes()
    assert first == two.history.save(tmp_path / "two.jsonl").read_bytes()


def test_a_wall_clock_site_measures_durations_and_makes_new_ids_each_time() -> None:
    one, two = Site(), Site()
    for site in (one, two):
        site.register(lambda event: None, name=FORM)
        site.fire(FORM)
    assert one.history[0].run_id != two.history[0].run_id
    assert one.history.fires[0].event_id != two.history.fires[0].event_id
    assert one.durations and not Site(clock=FixedClock()).durations
