"""The compact run table: status first, handler only when it differs, errors under their rows, cascades indented."""

from __future__ import annotations

import dataclasses
import html as html_module
import re
from typing import Any

from wixevents import FixedClock, Site
from wixevents.runtime import runview
from wixevents.runtime.tables import RUN_COLUMNS
from wixevents.velo import wix_data

INVOICE = "wixBilling_onInvoicePaid"


def cascading_site() -> Site:
    site = Site(clock=FixedClock())

    @site.handler
    def wixData_onDataItemCreated(event: Any) -> str:
        return "seen"

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> Any:
        wix_data.insert("Payments", {"invoice": event.id.id})
        return {"invoice": event.number, "lines": [{"sku": f"SKU-{i}", "qty": i} for i in range(6)]}

    def Payments_beforeInsert(item: Any, context: Any) -> Any:
        return item

    site.register(Payments_beforeInsert)
    return site


def test_a_fire_shows_its_cascaded_and_hook_runs_indented_under_the_run_that_caused_them() -> None:
    site = cascading_site()
    result = site.fire(INVOICE)
    assert [r.seq for r in result.runs] == [1]  # the runs of the fire itself
    assert [r.seq for r in result.shown] == [1, 2, 3]  # and what they caused
    lines = repr(result).splitlines()
    assert lines[1].split() == ["status", "seq", "event", "variant", "value", "duration"]
    hook = next(line for line in lines if "Payments_beforeInsert" in line)
    cascade = next(line for line in lines if "wixData_onDataItemCreated" in line)
    assert "↳ Payments_beforeInsert (hook)" in hook and "↳ wixData_onDataItemCreated (cascade)" in cascade
    assert hook.index("↳") > lines[2].index(INVOICE)
    assert lines[-1] == "3 ok · 2 cascaded"
    html = result._repr_html_()
    assert html.count("↳ ") == 2 and "3 ok · 2 cascaded" in html


def test_a_long_return_value_is_cut_in_its_cell_and_folded_whole_as_json_under_the_row() -> None:
    html = cascading_site().fire(INVOICE)._repr_html_()
    assert "<details><summary style='color:#666'>value</summary>" in html
    assert "&quot;SKU-5&quot;" in html  # the whole value, indented JSON, is in the folded block
    row = re.search(r"<code>(.*?)</code>", html)
    assert row is not None
    shown = html_module.unescape(row.group(1))
    assert len(shown) == runview.VALUE_WIDTH and shown.endswith("…")


def test_an_error_is_a_full_line_under_its_row_with_the_traceback_folded() -> None:
    site = Site(clock=FixedClock())
    message = "the stock service said no " * 8

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        raise ValueError(message)

    result = site.fire(INVOICE)
    text = repr(result)
    assert f"└ ValueError: {message}" in text  # never cut
    html = result._repr_html_()
    assert f"ValueError: {message.strip()}" in html
    assert "<summary style='color:#666'>traceback</summary>" in html
    assert text.splitlines()[-1] == "1 error"


def test_the_handler_shows_only_when_its_name_differs_from_the_event_and_the_source_only_when_mixed() -> None:
    site = Site(clock=FixedClock())

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> int:
        return 1

    one = repr(site.fire(INVOICE)).splitlines()[2]
    assert one.count(INVOICE) == 1 and "notebook" not in one

    @site.handler(source="loyalty")
    def wixBilling_onInvoicePaid(event: Any) -> int:  # noqa: F811
        return 2

    two = repr(site.fire(INVOICE)).splitlines()
    assert f"{INVOICE} [notebook]" in two[2] and f"{INVOICE} [loyalty]" in two[3]


def test_a_row_that_ran_nothing_says_why_under_it() -> None:
    site = Site(clock=FixedClock())
    text = repr(site.fire(INVOICE, set={"totals.total": "a lot"}))
    assert "invalid_payload" in text.splitlines()[2]
    assert "└ InvalidPayload:" in text and "$.totals.total" in text
    assert text.splitlines()[-1] == "1 invalid_payload"


def test_to_frame_keeps_every_column_while_the_display_stays_narrow() -> None:
    site = cascading_site()
    site.fire_all(INVOICE)
    assert list(site.history.to_frame().columns) == RUN_COLUMNS
    widest = max(len(line) for line in repr(site.history).splitlines())
    assert widest < 150  # ten columns took over 200


def test_the_display_reads_only_run_attributes_so_extra_record_fields_do_not_disturb_it() -> None:
    site = cascading_site()
    runs = site.fire(INVOICE).shown

    @dataclasses.dataclass(frozen=True)
    class Wider(type(runs[0])):  # type: ignore[misc]  # a Run with a column added by another feature
        attempt: int = 1

    wider = [Wider(**dataclasses.asdict(r) | {"error": r.error, "logs": r.logs, "effects": r.effects}) for r in runs]
    assert runview.text_runs(wider) == runview.text_runs(runs)


def test_the_summary_counts_statuses_in_order_of_appearance_and_cascaded_runs() -> None:
    site = cascading_site()
    site.fire(INVOICE)
    site.fire(INVOICE, set={"totals.total": "a lot"})
    assert runview.summary(site.history.runs) == "3 ok · 1 invalid_payload · 2 cascaded"
    assert runview.summary([]) == "no runs"


def test_fire_all_draws_a_timeline_strip_with_one_block_per_run_coloured_by_status() -> None:
    site = Site(clock=FixedClock())

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> Any:
        if event.totals.total == 0:
            raise ValueError("nothing to pay")
        return event.totals.total

    results = site.fire_all(INVOICE)
    html = results._repr_html_()
    strip = html[: html.index("</div>")]
    assert strip.count("<span title=") == len(results.shown) == len(wixevents_samples())
    failed = [r for r in results.shown if r.status == "error"]
    assert len(failed) == 1 and strip.count(f"background:{runview.TEXT_COLOURS['error']}") == 1
    assert f"title='#{failed[0].seq} error {INVOICE} zero-amount'" in strip


def wixevents_samples() -> list[str]:
    import wixevents

    return wixevents.samples(INVOICE)
