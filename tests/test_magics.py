"""``%load_ext wixevents`` and ``%%handler`` in a real IPython shell (no kernel needed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import wixevents

InteractiveShell = pytest.importorskip("IPython.core.interactiveshell").InteractiveShell
UsageError = pytest.importorskip("IPython.core.error").UsageError


@pytest.fixture
def shell() -> Iterator[Any]:
    ip = InteractiveShell.instance()
    ip.user_ns.pop("site", None)
    ip.run_cell("%load_ext wixevents")
    yield ip
    ip.user_ns.pop("site", None)


def test_load_ext_gives_the_notebook_a_site(shell: Any) -> None:
    assert shell.user_ns["site"] is wixevents.Site.default()
    mine = wixevents.Site(clock=wixevents.FixedClock())
    shell.user_ns["site"] = mine
    shell.run_cell("%load_ext wixevents")
    assert shell.user_ns["site"] is mine  # an existing site is kept


def test_handler_cell_registers_and_replaces(shell: Any, capsys: pytest.CaptureFixture[str]) -> None:
    site = shell.user_ns["site"] = wixevents.Site(clock=wixevents.FixedClock())
    cell = "%%handler\ndef wixBilling_onInvoicePaid(event):\n    return event.id.id\n\ndef helper():\n    pass\n"
    assert shell.run_cell(cell).success
    assert shell.run_cell(cell).success
    out = capsys.readouterr().out
    assert "registered wixBilling_onInvoicePaid · source 'notebook'" in out
    assert "replaced wixBilling_onInvoicePaid · source 'notebook'" in out
    assert [h.name for h in site.handlers] == ["wixBilling_onInvoicePaid"]
    assert site.fire("wixBilling_onInvoicePaid").ok


def test_aliases_sources_and_other_sites(shell: Any, capsys: pytest.CaptureFixture[str]) -> None:
    other = shell.user_ns["other"] = wixevents.Site(clock=wixevents.FixedClock())
    cell = "%%handler --site other --source pkg\nasync def wixBookingsV2_onBookingCreated(event):\n    return 1\n"
    assert shell.run_cell(cell).success
    assert "(alias of wixBookings_onBookingCreated) · source 'pkg'" in capsys.readouterr().out
    assert [(h.source, h.is_async) for h in other.handlers] == [("pkg", True)]
    assert not shell.run_cell("%%handler --nonsense x\npass\n").success
    assert shell.run_cell("%%handler\nx = 1\n").success
    assert "no Wix handler in this cell" in capsys.readouterr().out


def test_misspelt_names_stop_the_cell_with_suggestions(shell: Any, capsys: pytest.CaptureFixture[str]) -> None:
    site = shell.user_ns["site"] = wixevents.Site(clock=wixevents.FixedClock())
    cell = ("%%handler\ndef wixBilling_onInvoicePayed(event):\n    pass\n\n"
            "def wixBilling_onInvoiceSent(event):\n    pass\n")
    result = shell.run_cell(cell)
    assert isinstance(result.error_in_exec, UsageError)
    assert "wixBilling_onInvoicePayed is not a Wix handler name; did you mean wixBilling_onInvoicePaid" in str(
        result.error_in_exec)
    assert [h.name for h in site.handlers] == ["wixBilling_onInvoiceSent"]  # the good one is registered


def test_tracebacks_name_the_cell(shell: Any) -> None:
    site = shell.user_ns["site"] = wixevents.Site(clock=wixevents.FixedClock())
    shell.run_cell("%%handler\ndef wixBilling_onInvoicePaid(event):\n    raise ValueError('boom')\n")
    run = site.fire("wixBilling_onInvoicePaid").runs[0]
    assert run.status == "error" and run.error is not None
    assert "Cell In[" in run.error.traceback and "raise ValueError('boom')" in run.error.traceback


def test_line_magic_offers_a_stub_cell(shell: Any) -> None:
    shell.run_cell("%handler wixForms_onSubmissionCreated")
    assert shell.rl_next_input.startswith("%%handler\n# wixForms_onSubmissionCreated")
    assert "def wixForms_onSubmissionCreated(event):" in shell.rl_next_input
    result = shell.run_cell("%handler wixForms_onSubmissionCreate")
    assert isinstance(result.error_in_exec, UsageError) and "did you mean" in str(result.error_in_exec)


def test_open_workbenches_follow_cells(shell: Any) -> None:
    site = shell.user_ns["site"] = wixevents.Site(clock=wixevents.FixedClock())
    bench = wixevents.Workbench(site, "wixMembers_onMemberCreated")
    assert "No handler registered" in bench.handlers.value
    shell.run_cell("@site.handler\ndef wixMembers_onMemberCreated(event):\n    return 1\n")
    assert "wixMembers_onMemberCreated" in bench.handlers.value  # refreshed after the cell, no click
    shell.run_cell("site.mode = 'preview'")
    assert bench.panel.mode.value == "preview"
