"""Result tables: the history's columns, log and payload tables, HTML with status colours, terminal text."""

from __future__ import annotations

from typing import Any

import wixevents
from wixevents import FixedClock, Site
from wixevents.runtime.tables import COLOURS, RUN_COLUMNS

INVOICE = "wixBilling_onInvoicePaid"


def mixed_site() -> Site:
    site = Site(clock=FixedClock())

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> str:
        print("first <b>line</b>")
        print("second line")
        return str(event.number)

    @site.handler(source="broken-package")
    def wixBilling_onInvoicePaid(event: Any) -> None:  # noqa: F811
        raise ValueError("no <stock>")

    site.fire(INVOICE)
    site.fire(INVOICE, set={"status": 7})
    return site


def test_the_history_has_one_row_per_handler_run_with_the_documented_columns() -> None:
    frame = mixed_site().history.to_frame()
    assert list(frame.columns) == RUN_COLUMNS
    assert list(frame["seq"]) == [1, 2, 3]
    assert list(frame["status"]) == ["ok", "error", "invalid_payload"]
    assert frame["source"].fillna("-").tolist() == ["notebook", "broken-package", "-"]
    assert list(frame["variant"]) == ["default"] * 3
    assert frame["value"].tolist() == [wixevents.sample(INVOICE)["number"], None, None]
    assert frame["error"].isna().tolist() == [True, False, False]
    assert frame["error"][1] == "ValueError: no <stock>"
    assert frame["error"][2].startswith("InvalidPayload: Invalid payload for wixBilling_onInvoicePaid")
    assert list(frame["log_lines"]) == [2, 1, 0]
    assert list(frame["fire"]) == [1, 1, 2]
    assert frame["parent"].isna().all()


def test_logs_have_one_row_per_line_with_its_run_and_level() -> None:
    logs = mixed_site().logs()
    assert list(logs.columns) == ["seq", "handler", "source", "level", "message", "time", "origin"]
    assert list(logs["seq"]) == [1, 1, 2]
    assert list(logs["level"]) == ["INFO", "INFO", "ERROR"]


def test_payloads_are_flattened_by_dotted_path_to_compare_variants() -> None:
    site = Site(clock=FixedClock())
    site.fire_all("wixMembers_onMemberCreated")
    frame = site.payloads("wixMembers_onMemberCreated")
    assert list(frame["variant"]) == wixevents.samples("wixMembers_onMemberCreated")
    assert {"fire", "metadata.id", "metadata.entityId"} <= set(frame.columns)
    assert frame["metadata.id"].is_unique


def test_a_result_renders_as_html_with_a_colour_per_status_and_escaped_text() -> None:
    site = mixed_site()
    html = site.history._repr_html_()
    assert html.count(f"background:{COLOURS['ok']}") == 1
    assert html.count(f"background:{COLOURS['error']}") == 1
    assert html.count(f"background:{COLOURS['invalid_payload']}") == 1
    assert "no &lt;stock&gt;" in html and "<stock>" not in html
    result_html = site.fire(INVOICE)._repr_html_()
    assert "<table" in result_html and "first &lt;b&gt;line&lt;/b&gt;" in result_html


def test_the_plain_text_form_reads_in_a_terminal() -> None:
    site = mixed_site()
    text = repr(site.fire(INVOICE, set={"status": 7}))
    lines = text.splitlines()
    assert lines[0] == "wixBilling_onInvoicePaid sample 'default' fired (fire 3)"
    assert lines[1].split() == ["status", "seq", "event", "variant", "value", "duration"]
    assert "invalid_payload" in lines[2]
    assert "$.status" in text  # the problems are listed under the table
    assert all(len(line) < 200 for line in lines[:3])
