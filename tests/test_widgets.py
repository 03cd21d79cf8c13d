"""The Workbench without a browser: set widget values, click buttons, read the site and ``result``."""

from __future__ import annotations

import json
from typing import Any

import pytest

import wixevents
from wixevents.notebook.explore import compare_samples, event_choices, handlers_frame, payload_problems
from wixevents.notebook.widgets import Workbench, cells

INVOICE = "wixBilling_onInvoicePaid"


@pytest.fixture
def site() -> wixevents.Site:
    site = wixevents.Site(clock=wixevents.FixedClock())

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> Any:
        print("paid", event.id.id)
        if event.totals.total == 0:
            raise ValueError("nothing to pay")
        return event.totals.total

    return site


def test_fire_button_fires_the_picked_sample(site: wixevents.Site) -> None:
    bench = Workbench(site, INVOICE)
    assert bench.event == INVOICE and bench.editor.variant.value == "default"
    bench.panel.fire_button.click()
    assert not bench.errors
    assert isinstance(bench.result, wixevents.Result)
    assert list(site.history.to_frame()["status"]) == ["ok"]
    row = bench.last_frame.iloc[0]  # type: ignore[union-attr]
    assert (row["handler"], row["variant"], row["status"]) == (INVOICE, "default", "ok")
    assert "wixevents" in bench.panel.last.value and INVOICE in bench.panel.history.value


def test_search_filters_and_marks_deprecated_events(site: wixevents.Site) -> None:
    assert Workbench(wixevents.Site(), "wixBookingsV2_onBookingCreated").event == "wixBookings_onBookingCreated"
    bench = Workbench(site)
    assert bench.event == INVOICE  # the event of the site's first handler
    assert repr(bench) == ("wixevents Workbench (published site, 1 handler(s)): "
                           "run this cell in Jupyter to open it")
    bench.picker.search.value = "booking confirmed"
    labels = dict((value, label) for label, value in bench.picker.dropdown.options)
    assert "wixBookingsV2_onBookingConfirmed" in labels
    assert "deprecated → wixBookingsV2_onBookingConfirmed" in labels["wixBookings_onBookingConfirmed"]
    bench.picker.dropdown.value = "wixBookings_onBookingConfirmed"
    assert "Deprecated" in bench.picker.info.value and "wixBookingsV2_onBookingConfirmed" in bench.picker.info.value
    assert bench.editor.event == "wixBookings_onBookingConfirmed"
    bench.picker.search.value = "no such event at all"
    assert bench.event is None and "no event matches" in bench.picker.count.value
    bench.panel.fire_button.click()
    assert isinstance(bench.errors[-1], ValueError) and "no event is picked" in str(bench.errors[-1])
    assert "no event is picked" in bench.message.value


def test_editor_validates_as_you_type_and_resets(site: wixevents.Site) -> None:
    bench = Workbench(site, INVOICE)
    payload = json.loads(bench.editor.text.value)
    payload["status"] = 7  # a number where text is typed: an error, not a warning
    bench.editor.text.value = json.dumps(payload)
    assert "$.status" in list(bench.editor.problems["path"])
    assert "✗ 1 problem(s)" in bench.editor.status.value and "$.status" in bench.editor.status.value
    bench.editor.text.value = "{not json"
    bench.editor.validate_button.click()
    assert "not valid JSON" in bench.editor.status.value and "line 1, column 2" in bench.editor.status.value
    bench.editor.reset_button.click()
    assert not bench.editor.edited and bench.editor.problems.empty and "✓" in bench.editor.status.value


def test_edited_payloads_are_fired_as_given(site: wixevents.Site) -> None:
    bench = Workbench(site, INVOICE)
    payload = json.loads(bench.editor.text.value)
    payload["totals"]["total"] = 0
    bench.editor.text.value = json.dumps(payload)
    bench.panel.fire_button.click()
    row = bench.last_frame.iloc[0]  # type: ignore[union-attr]
    assert row["status"] == "error" and row["variant"] is None and "nothing to pay" in row["error"]
    assert "nothing to pay" in bench.panel.last.value and "paid" in bench.panel.last.value  # logs + traceback
    bench.editor.text.value = json.dumps({"id": "not an object"})
    bench.panel.fire_button.click()
    assert list(bench.last_frame["status"]) == ["invalid_payload"]  # type: ignore[index]


def test_wix_api_calls_of_the_last_fire_are_shown(site: wixevents.Site) -> None:
    from wixevents.velo import wix_data

    @site.handler
    def wixBilling_onInvoiceSent(event: Any) -> None:
        wix_data.insert("Reminders", {"invoice": event.id.id})

    bench = Workbench(site, "wixBilling_onInvoiceSent")
    bench.panel.fire_button.click()
    assert "Wix API calls" in bench.panel.last.value and "wix-data insert" in bench.panel.last.value
    bench.picker.pick(INVOICE)
    bench.panel.fire_button.click()
    assert "Wix API calls" not in bench.panel.last.value


def test_fire_all_runs_every_variant(site: wixevents.Site) -> None:
    bench = Workbench(site, INVOICE)
    bench.panel.fire_all_button.click()
    assert isinstance(bench.result, wixevents.Results)
    assert list(bench.last_frame["variant"]) == wixevents.samples(INVOICE)  # type: ignore[index]
    assert len(site.history) == len(wixevents.samples(INVOICE))


def test_preview_mode_fires_nothing_and_test_runs_by_hand(site: wixevents.Site) -> None:
    bench = Workbench(site, INVOICE)
    bench.panel.mode.value = "preview"
    assert site.mode == "preview" and "not_triggered_in_preview" in bench.panel.mode_note.value
    bench.panel.fire_button.click()
    assert list(bench.last_frame["status"]) == ["not_triggered_in_preview"]  # type: ignore[index]
    bench.panel.test_button.click()
    assert list(bench.last_frame[["status", "trigger"]].iloc[0]) == ["ok", "test"]  # type: ignore[index]
    site.mode = "published"
    bench.refresh()
    assert bench.panel.mode.value == "published"


def test_handlers_view_and_stub(site: wixevents.Site, monkeypatch: pytest.MonkeyPatch) -> None:
    bench = Workbench(site, INVOICE)
    assert "notebook" in bench.handlers.value and INVOICE in bench.handlers.value
    bench.picker.pick("wixForms_onSubmissionCreated")
    assert "No handler registered" in bench.handlers.value
    bench.stub_button.click()
    assert bench.stub_text is not None and "def wixForms_onSubmissionCreated(event):" in bench.stub_text
    assert "site.register(wixForms_onSubmissionCreated)" in bench.stub_text  # no notebook: no variable to use

    class Shell:
        def __init__(self) -> None:
            self.user_ns = {"bench": bench, "my_site": site}

    monkeypatch.setattr(cells, "shell", Shell)
    assert cells.registered_stub(INVOICE, site).count("@my_site.handler\ndef wixBilling_onInvoicePaid(") == 1
    script = cells.insert_below_script("print(1)", bench.anchor)
    assert bench.anchor in script and "insert" in script


def test_explore_functions_answer_with_dataframes(site: wixevents.Site) -> None:
    assert list(event_choices("invoice paid")["name"]) == [INVOICE]
    table = compare_samples(INVOICE, ["default", "zero-amount"], differences=True)
    assert list(table.columns) == ["default", "zero-amount"] and "totals.total" in table.index
    assert "status" not in table.index  # both are Paid: no difference
    assert payload_problems(INVOICE, wixevents.sample(INVOICE)).empty
    assert list(payload_problems(INVOICE, "[]")["path"]) == ["$"]
    assert list(handlers_frame(site, INVOICE)[["order", "source"]].iloc[0]) == [1, "notebook"]


def test_a_message_sits_right_under_the_buttons_and_goes_away_on_the_next_action(site: wixevents.Site) -> None:
    bench = Workbench(site, INVOICE)
    children = list(bench.children)
    row = next(i for i, child in enumerate(children) if bench.panel.fire_button in getattr(child, "children", ()))
    assert bench.stub_button in children[row].children  # type: ignore[attr-defined]  # one row of buttons
    assert children[row + 1] is bench.message and children[row + 3] is bench.tabs  # the message, then the tabs
    assert bench.tabs.titles == ("Payload", "Fields", "Handler", "Result", "History")
    bench.picker.search.value = "no such event at all"
    bench.panel.fire_button.click()
    assert "no event is picked" in bench.message.value
    bench.picker.search.value = ""
    bench.picker.dropdown.value = INVOICE
    bench.tabs.selected_index = 0
    bench.panel.fire_button.click()
    assert bench.message.value == ""  # the old message is gone after a successful Fire
    assert bench.tabs.selected_index == 3 and "wixBilling_onInvoicePaid: sample" in bench.panel.last.value


def test_the_history_has_its_own_tab_newest_first(site: wixevents.Site) -> None:
    bench = Workbench(site, INVOICE)
    bench.panel.fire_all_button.click()
    shown = bench.panel.history.value
    assert shown.startswith("<div><b>History: 7 run(s), newest first")
    assert bench.tabs.children[bench.tabs.titles.index("History")] is bench.panel.history
    order = [shown.index(f">{seq}</span>") for seq in (7, 1)]
    assert order == sorted(order)  # run 7 comes before run 1


def test_a_json_syntax_error_shows_its_lines_with_a_caret_under_the_spot(site: wixevents.Site) -> None:
    from wixevents.notebook.widgets.editor import json_error_excerpt

    text = '{\n  "number": "1",\n  "status": "Paid"\n  "currency": "EUR"\n}'
    excerpt = json_error_excerpt(text)
    assert excerpt is not None
    assert excerpt.splitlines() == ["line 4, column 3: Expecting ',' delimiter", '2 │   "number": "1",',
                                    '3 │   "status": "Paid"', '4 │   "currency": "EUR"',
                                    "  │   ^ Expecting ',' delimiter", "5 │ }"]
    assert json_error_excerpt('{"a": 1}') is None
    bench = Workbench(site, INVOICE)
    bench.editor.text.value = text
    assert "not valid JSON" in bench.editor.status.value and "^ Expecting" in bench.editor.status.value
