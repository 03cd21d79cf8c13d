"""Running handlers: async handlers anywhere, timeouts, log capture per run, errors, interrupts, run context."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

import wixevents
from wixevents import FixedClock, Site, current_run

INVOICE = "wixBilling_onInvoicePaid"
FORM = "wixForms_onSubmissionCreated"


@pytest.fixture
def site() -> Site:
    return Site(clock=FixedClock())


def test_an_async_handler_runs_inside_an_already_running_event_loop(site: Site) -> None:
    """The Jupyter situation: a cell's code runs while the kernel's event loop is running."""
    @site.handler
    async def wixBilling_onInvoicePaid(event: Any) -> str:
        await asyncio.sleep(0)
        return str(event.number)

    async def notebook_cell() -> tuple[Any, Any]:
        assert asyncio.get_running_loop().is_running()
        plain = site.fire(INVOICE)                # a plain call inside a running loop
        awaited = await site.fire_async(INVOICE)  # and the awaitable form
        return plain, awaited

    plain, awaited = asyncio.run(notebook_cell())
    assert plain.statuses == awaited.statuses == ["ok"]
    assert plain.value == awaited.value == wixevents.sample(INVOICE)["number"]


def test_a_handler_past_the_timeout_is_recorded_and_its_late_output_goes_nowhere() -> None:
    site = Site(clock=FixedClock(), timeout=0.2)
    release, finished = threading.Event(), threading.Event()

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        print("started")
        release.wait(10)
        print("late line")  # after the timeout: must not reach any row
        finished.set()

    @site.handler
    def wixForms_onSubmissionCreated(event: Any) -> None:
        print("form handler")

    slow = site.fire(INVOICE)
    assert slow.statuses == ["timeout"]
    assert slow.runs[0].error is not None and "0.2 s timeout" in slow.runs[0].error.message
    fast = site.fire(FORM)  # the site stays usable
    release.set()
    assert finished.wait(10)
    assert fast.statuses == ["ok"]
    assert list(site.logs()["message"]) == ["started", "form handler"]


def test_an_async_handler_past_the_timeout_is_cancelled() -> None:
    site = Site(clock=FixedClock(), timeout=0.2)
    cancelled = threading.Event()

    @site.handler
    async def wixBilling_onInvoicePaid(event: Any) -> None:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    assert site.fire(INVOICE).statuses == ["timeout"]
    assert cancelled.wait(10)


def test_print_logging_and_warnings_are_captured_per_handler_run(site: Site) -> None:
    logging.getLogger("pottery").setLevel(logging.INFO)

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        print("invoice", event.number, "paid\nsecond line")
        print("to stderr", file=sys.stderr)
        logging.getLogger("pottery").info("info via logging")
        warnings.warn("check the currency", UserWarning, stacklevel=1)

    for _ in range(2):  # a warning shown "once" by Python is still captured in every run
        site.fire(INVOICE)
    logs = site.logs()
    first = logs[logs["seq"] == 1]
    assert list(first["message"]) == ["invoice 10001 paid", "second line", "to stderr", "info via logging",
                                      "UserWarning: check the currency"]
    assert list(first["level"]) == ["INFO", "INFO", "ERROR", "INFO", "WARNING"]
    assert list(first["origin"]) == ["stdout", "stdout", "stderr", "logging:pottery", "warnings"]
    assert list(logs[logs["seq"] == 2]["message"]) == list(first["message"])


def test_logs_of_concurrent_fires_are_not_interleaved(site: Site) -> None:
    @site.handler
    async def wixForms_onSubmissionCreated(event: Any) -> None:
        for i in range(5):
            print(f"{event.metadata.id} line {i}")
            await asyncio.sleep(0.001)

    async def two_at_once() -> Any:
        return await asyncio.gather(site.fire_async(FORM), site.fire_async(FORM))

    results = asyncio.run(two_at_once())
    for result in results:
        run = result.runs[0]
        assert [line.message for line in run.logs] == [f"{result.fire.event_id} line {i}" for i in range(5)]


def test_an_error_keeps_type_message_and_a_traceback_trimmed_to_user_code(site: Site) -> None:
    def total_of(event: Any) -> float:
        return float(event.totals["grandTotal"])

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> float:
        return total_of(event)

    run = site.fire(INVOICE).runs[0]
    assert run.status == "error" and run.error is not None
    assert (run.error.type, run.error.message) == ("KeyError", "'grandTotal'")
    trace = run.error.traceback
    assert Path(__file__).name in trace.splitlines()[1]  # the first frame is the handler's
    assert "in wixBilling_onInvoicePaid" in trace and "in total_of" in trace
    assert "wixevents" not in trace and "threading" not in trace
    assert run.logs[-1].origin == "uncaught" and run.logs[-1].level == "ERROR"


def test_keyboard_interrupt_is_not_turned_into_data(site: Site) -> None:
    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        site.fire(INVOICE)


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT to this process")
def test_ctrl_c_while_a_handler_runs_interrupts_the_fire(site: Site) -> None:
    started, release = threading.Event(), threading.Event()

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        started.set()
        release.wait(10)

    def press_ctrl_c() -> None:
        if started.wait(10):
            os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=press_ctrl_c, daemon=True).start()
    try:
        with pytest.raises(KeyboardInterrupt):
            site.fire(INVOICE)
    finally:
        release.set()


def test_the_run_context_is_current_inside_a_handler_and_records_effects(site: Site) -> None:
    assert current_run() is None

    @site.handler
    async def wixBilling_onInvoicePaid(event: Any) -> Any:
        run = current_run()
        assert run is not None and run.site is site and run.event is event
        run.record({"api": "wix-crm.contacts.getContact", "contactId": event.customer.contactId})
        return [run.seq, run.handler]

    result = site.fire(INVOICE)
    assert result.value == [result.runs[0].seq, INVOICE]
    assert result.runs[0].effects == ({"api": "wix-crm.contacts.getContact",
                                       "contactId": result.fire.payload["customer"]["contactId"]},)
    assert current_run() is None


def test_a_fire_from_inside_a_handler_records_its_parent(site: Site) -> None:
    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        site.fire(FORM)

    site.register(lambda event: None, name=FORM)
    site.fire(INVOICE)
    frame = site.history.to_frame()
    assert list(frame["event"]) == [INVOICE, FORM]
    assert frame["parent"].isna().iloc[0] and frame["parent"].iloc[1] == frame["seq"].iloc[0]


def test_capture_leaves_stdout_and_logging_as_it_found_them(site: Site) -> None:
    before = (sys.stdout, sys.stderr, warnings.showwarning, list(logging.getLogger().handlers))
    site.register(lambda event: print("x"), name=INVOICE)
    site.fire(INVOICE)
    assert (sys.stdout, sys.stderr, warnings.showwarning, list(logging.getLogger().handlers)) == before


def test_a_missing_field_error_ends_at_the_handler_line_that_read_it(site: Site) -> None:
    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> Any:
        return event.totals.grandTotal

    error = site.fire(INVOICE).runs[0].error
    assert error is not None and error.type == "AttributeError"
    assert "its fields are: " in error.message and "total" in error.message
    frames = [line for line in error.traceback.splitlines() if line.lstrip().startswith("File ")]
    assert len(frames) == 1 and frames[0].endswith("in wixBilling_onInvoicePaid")
