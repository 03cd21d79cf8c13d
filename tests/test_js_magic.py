"""``%%events_js`` in a real IPython shell, and ``site.export_events_js`` of the handlers it defines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')

import wixevents
from wixevents.errors import FileExists
from wixevents.js import JsExportError, JsHandler

InteractiveShell = pytest.importorskip("IPython.core.interactiveshell").InteractiveShell
UsageError = pytest.importorskip("IPython.core.error").UsageError

PAID = """%%events_js
import wixData from 'wix-data';

export async function wixBilling_onInvoicePaid(event) {
  console.log("paid", event.number);
  return (await wixData.insert("Payments", { number: event.number })).number;
}
"""


@pytest.fixture
def shell() -> Iterator[Any]:
    ip = InteractiveShell.instance()
    wixevents.load_ipython_extension(ip)  # what %load_ext runs (which runs it once per shell: other tests need it)
    site = ip.user_ns["site"] = wixevents.Site(clock=wixevents.FixedClock())
    yield ip
    site.close()
    ip.user_ns.pop("site", None)


def test_a_cell_registers_its_handlers_and_running_it_again_replaces_them(shell: Any,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert shell.run_cell(PAID).success and shell.run_cell(PAID).success
    out = capsys.readouterr().out.splitlines()
    assert out == ["registered wixBilling_onInvoicePaid · source 'notebook' · JavaScript",
                   "replaced wixBilling_onInvoicePaid · source 'notebook' · JavaScript"]
    site = shell.user_ns["site"]
    [handler] = site.handlers
    assert isinstance(handler.fn, JsHandler)
    result = site.fire("wixBilling_onInvoicePaid")
    assert result.value == result.fire.payload["number"] and site.logs()["origin"].tolist() == ["console"]


def test_misspelt_names_stop_the_cell_with_suggestions_and_the_good_ones_register(shell: Any) -> None:
    result = shell.run_cell("%%events_js\nexport function wixBilling_onInvoicePayed(event) {}\n"
                            "export function wixBilling_onInvoiceSent(event) {}\n")
    assert isinstance(result.error_in_exec, UsageError)
    assert "wixBilling_onInvoicePayed is not a Wix backend event handler name. Did you mean wixBilling_onInvoicePaid" \
        in str(result.error_in_exec)
    assert [h.name for h in shell.user_ns["site"].handlers] == ["wixBilling_onInvoiceSent"]


def test_a_cell_that_cannot_run_registers_nothing(shell: Any) -> None:
    for cell in ("export function wixBilling_onInvoicePaid(event) {\n  return (;\n}\n",
                 "import axios from 'axios';\nexport function wixBilling_onInvoicePaid(event) {}\n"):
        result = shell.run_cell("%%events_js\n" + cell)
        assert isinstance(result.error_in_exec, UsageError) and "In[" in str(result.error_in_exec)
    assert shell.user_ns["site"].handlers == []
    assert not shell.run_cell("%%events_js --nonsense x\n").success


def test_errors_name_the_cell_and_line(shell: Any) -> None:
    shell.run_cell("%%events_js\nexport function wixBilling_onInvoicePaid(event) {\n  return event.no.such;\n}\n")
    error = shell.user_ns["site"].fire("wixBilling_onInvoicePaid").runs[0].error
    assert error.type == "TypeError" and "at wixBilling_onInvoicePaid (In[" in error.traceback
    assert error.traceback.endswith(":2:19)")


def test_data_hooks_helpers_sources_and_aliases(shell: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert shell.run_cell("%%events_js --file utils.js\nexport const twice = (n) => n * 2;\n").success
    assert shell.run_cell("%%events_js --file data.js\nimport { twice } from './utils';\n"
                          "export function Orders_beforeInsert(item, context) {\n"
                          "  return { ...item, total: twice(item.total) };\n}\n").success
    assert shell.run_cell("%%events_js --source pkg\nimport wixData from 'wix-data';\n"
                          "export async function wixBookingsV2_onBookingCreated(event) {\n"
                          "  return (await wixData.insert('Orders', { total: 21 })).total;\n}\n").success
    out = capsys.readouterr().out.splitlines()
    assert out == ["loaded utils.js · source 'notebook': import it in later cells from './utils'",
                   "registered Orders_beforeInsert (data hook) · source 'notebook' · JavaScript",
                   "registered wixBookingsV2_onBookingCreated (alias of wixBookings_onBookingCreated) · source 'pkg' "
                   "· JavaScript"]
    assert shell.user_ns["site"].fire("wixBookings_onBookingCreated").value == 42


def test_the_line_magic_offers_a_stub_cell(shell: Any) -> None:
    shell.run_cell("%events_js wixForms_onSubmissionCreated")
    assert shell.rl_next_input.startswith("%%events_js\n// wixForms_onSubmissionCreated")
    assert "export function wixForms_onSubmissionCreated(event) {" in shell.rl_next_input
    assert not shell.run_cell("%events_js wixForms_onSubmissionCreate").success


def test_export_then_load_gives_the_same_handlers(shell: Any, tmp_path: Path) -> None:
    shell.run_cell(PAID)
    shell.run_cell("%%events_js\nexport const wixCrm_onFormSubmit = (event) => event.submissionData.length;\n")
    shell.run_cell("%%events_js --source billing\nexport function wixBilling_onInvoiceSent(event) {\n"
                   "  return `sent ${event.number}`;\n}\n")
    site = shell.user_ns["site"]
    written = site.export_events_js(tmp_path / "export")
    assert written == {"notebook": tmp_path / "export" / "events.js",
                       "billing": tmp_path / "export" / "billing" / "events.js"}
    assert "//   wixBilling_onInvoicePaid  wix-billing-backend:" in written["notebook"].read_text()
    with wixevents.Site(clock=wixevents.FixedClock()) as again:
        again.load_js(written["notebook"])
        again.load_js(written["billing"], source="billing")
        assert [(h.name, h.source, h.fn.is_async) for h in again.handlers] == [
            (h.name, h.source, h.fn.is_async) for h in site.handlers]
        for name in ("wixBilling_onInvoicePaid", "wixCrm_onFormSubmit", "wixBilling_onInvoiceSent"):
            assert again.fire(name).value == site.fire(name).value


def test_export_never_overwrites_unless_asked_and_then_keeps_a_backup(shell: Any, tmp_path: Path) -> None:
    shell.run_cell(PAID)
    site = shell.user_ns["site"]
    (tmp_path / "events.js").write_text("// mine\n")
    with pytest.raises(FileExists, match="overwrite=True"):
        site.export_events_js(tmp_path)
    site.export_events_js(tmp_path, overwrite=True)
    assert [p.read_text() for p in tmp_path.glob("events.js.*.bak")] == ["// mine\n"]
    shell.run_cell("%%events_js --source ../outside\nexport function wixBilling_onInvoiceSent(event) {}\n")
    with pytest.raises(JsExportError, match="not a plain folder name"):
        site.export_events_js(tmp_path / "out", overwrite=True)
    assert not (tmp_path / "outside").exists()
    with wixevents.Site() as empty, pytest.raises(JsExportError, match="no JavaScript handlers"):
        empty.export_events_js(tmp_path)
