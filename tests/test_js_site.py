"""A site runs JavaScript handlers: load_js, the runner's statuses, logs, hooks, cascades, the engine's life."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')

import wixevents
from wixevents import FixedClock, Site
from wixevents.errors import MissingJsEngine
from wixevents.js import JsHandler, JsLoadError
from wixevents.runtime.tables import COLOURS

EVENTS = """\
import wixData from "wix-data";
import { label } from "./util";

let calls = 0;
export function wixBilling_onInvoicePaid(event) {
  calls += 1;
  console.log("paid", event.number);
  console.warn("call", calls);
  return { calls, label: label(event.number) };
}
export function wixBilling_onInvoiceSent(event) { while (true) {} }
export function wixBilling_onInvoiceCreated(event) { const a = []; while (true) a.push(new Array(1e4).fill(1)); }
export function wixBilling_onInvoiceOverdue(event) {
  return event.nothing.here;
}
export async function wixData_onDataItemCreated(event) {
  const collection = event.entity.dataCollectionId;
  if (collection === "Stats") return null;
  const stats = await wixData.get("Stats", collection);
  return wixData.save("Stats", { _id: collection, n: (stats?.n ?? 0) + 1 });
}
export function wixBilling_onInvoicePayed(event) {}
export { label as wixBilling_onPriceQuoteSent } from "./util";
"""
DATA = """\
export function Stats_beforeInsert(item, context) {
  console.info("hook", context.collectionName);
  return { ...item, checked: true };
}
"""


@pytest.fixture
def backend(tmp_path: Path) -> Path:
    folder = tmp_path / "src" / "backend"
    folder.mkdir(parents=True)
    (folder / "events.js").write_text(EVENTS, encoding="utf-8")
    (folder / "data.js").write_text(DATA, encoding="utf-8")
    (folder / "util.js").write_text("export const label = (n) => `#${n}`;\n", encoding="utf-8")
    return folder


@pytest.fixture
def site(backend: Path) -> Iterator[Site]:
    with Site(clock=FixedClock(), timeout=0.5) as made:
        with pytest.warns(UserWarning, match="wixBilling_onInvoicePayed"):
            made.load_js(backend)
        yield made


def test_a_backend_folder_loads_events_js_with_its_imports_and_data_js_hooks(backend: Path) -> None:
    site = Site(clock=FixedClock())
    with pytest.warns(UserWarning):
        report = site.load_js(backend, source="site-repo")
    assert [h.name for h in report.registered] == [
        "wixBilling_onInvoicePaid", "wixBilling_onInvoiceSent", "wixBilling_onInvoiceCreated",
        "wixBilling_onInvoiceOverdue", "wixData_onDataItemCreated", "Stats_beforeInsert"]
    assert [h.source for h in site.handlers] == ["site-repo"] * 5 and [h.name for h in site.hooks] == [
        "Stats_beforeInsert"]
    assert all(isinstance(h.fn, JsHandler) for h in site.handlers)
    assert report.lookalikes == {"wixBilling_onInvoicePayed": [
        "wixBilling_onInvoicePaid", "wixBilling_onInvoiceCreated", "wixBilling_onInvoiceSent"]}
    assert [(p.line, p.code) for p in report.problems] == [(22, "unknown-name"), (23, "reexport")]
    text = repr(report)
    assert "? wixBilling_onInvoicePayed is not a Wix handler name; did you mean wixBilling_onInvoicePaid" in text
    assert "! events.js:23: warning: wixBilling_onPriceQuoteSent re-exports 'label'" in text
    assert "never called when its event fires" in text
    site.close()


def test_console_lines_go_to_the_runs_logs_and_module_state_lives_in_the_engine(site: Site) -> None:
    first, second = site.fire("wixBilling_onInvoicePaid"), site.fire("wixBilling_onInvoicePaid")
    assert (first.value, second.value["calls"]) == ({"calls": 1, "label": f"#{first.fire.payload['number']}"}, 2)
    logs = site.logs()
    assert logs[["seq", "level", "origin"]].values.tolist() == [
        [1, "INFO", "console"], [1, "WARNING", "console"], [2, "INFO", "console"], [2, "WARNING", "console"]]
    assert logs["message"].tolist()[:2] == [f"paid {first.fire.payload['number']}", "call 1"]
    assert site.history.to_frame()["log_lines"].tolist() == [2, 2]


def test_a_thrown_error_is_an_error_row_with_the_javascript_message_and_stack(site: Site) -> None:
    run = site.fire("wixBilling_onInvoiceOverdue").runs[0]
    assert run.status == "error" and run.error is not None
    assert str(run.error) == "TypeError: Cannot read properties of undefined (reading 'here')"
    assert run.error.traceback.splitlines() == ["TypeError: Cannot read properties of undefined (reading 'here')",
                                                "    at wixBilling_onInvoiceOverdue (events.js:14:24)"]
    assert [(line.level, line.origin) for line in run.logs] == [("ERROR", "uncaught")]


def test_timeout_and_out_of_memory_are_statuses_and_the_handlers_keep_working(site: Site) -> None:
    site.js_engine.memory_limit = 24 * 2**20
    site.js_engine.restart()
    timed_out = site.fire("wixBilling_onInvoiceSent").runs[0]
    assert (timed_out.status, str(timed_out.error)) == ("timeout", "Timeout: still running after the 0.5 s timeout; "
                                                        "the JavaScript engine stopped it and started over "
                                                        "(module-level state is reset)")
    assert site.fire("wixBilling_onInvoicePaid").value["calls"] == 1  # the engine started over
    full = site.fire("wixBilling_onInvoiceCreated").runs[0]
    assert full.status == "out_of_memory" and "24 MB memory limit" in str(full.error) and not full.ok
    assert site.fire("wixBilling_onInvoicePaid").value["calls"] == 1
    assert "out_of_memory" in wixevents.runtime.records.STATUSES and "out_of_memory" in COLOURS
    assert 'background:#f3c4e3' in site.history._repr_html_()


def test_hooks_and_cascades_nest_javascript_inside_javascript(site: Site) -> None:
    result = site.fire("wixData_onDataItemCreated")
    collection = result.fire.payload["entity"]["dataCollectionId"]
    rows = [(r.seq, r.event, r.trigger, r.parent, r.status) for r in site.history]
    assert rows == [(1, "wixData_onDataItemCreated", "fire", None, "ok"), (2, "Stats_beforeInsert", "hook", 1, "ok"),
                    (3, "wixData_onDataItemCreated", "cascade", 1, "ok")]
    assert site.collection("Stats")[["_id", "n", "checked"]].values.tolist() == [[collection, 1, True]]
    assert site.logs()[["seq", "message"]].values.tolist() == [[2, "hook Stats"]]


def test_loading_again_replaces_handlers_and_drops_those_no_longer_exported(site: Site, backend: Path) -> None:
    (backend / "events.js").write_text("export function wixBilling_onInvoicePaid(event) { return 'v2'; }\n")
    report = site.load_js(backend / "events.js")
    assert [h.name for h in report.registered] == ["wixBilling_onInvoicePaid"]
    assert [h.name for h in site.handlers] == ["wixBilling_onInvoicePaid"] and len(site.hooks) == 1
    assert site.fire("wixBilling_onInvoicePaid").value == "v2"


def test_files_that_cannot_run_fail_with_every_problem(tmp_path: Path) -> None:
    (tmp_path / "events.js").write_text("import axios from 'axios';\nexport function wixBilling_onInvoicePaid() {}\n"
                                        "module.exports = {};\n")
    with Site() as site, pytest.raises(JsLoadError) as caught:
        site.load_js(tmp_path / "events.js")
    assert sorted((p.line, p.code) for p in caught.value.problems) == [(1, "npm-module"), (3, "commonjs")]
    with Site() as site, pytest.raises(FileNotFoundError, match="does not exist"):
        site.load_js(tmp_path / "nope.js")


def test_the_engine_is_made_on_first_use_and_closed_with_the_site(backend: Path) -> None:
    site = Site()
    assert site._js is None  # a site without JavaScript never starts V8
    with pytest.warns(UserWarning):
        site.load_js(backend)
    engine = site.js_engine
    site.close()
    assert site._js is None and site.handlers == [] and site.hooks == []
    with pytest.raises(RuntimeError, match="closed"):
        engine.evaluate("1")
    site.close()  # twice is fine


def test_without_the_js_extra_load_js_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, backend: Path) -> None:
    monkeypatch.setitem(sys.modules, "py_mini_racer", None)  # as if mini-racer were not installed
    for name in ("wixevents.js.engine", "wixevents.js.isolate"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    site = Site()
    with pytest.raises(MissingJsEngine, match=r'pip install "wixevents\[js\]"') as caught:
        site.load_js(backend)
    assert isinstance(caught.value, ImportError) and caught.value.package == "mini-racer"
    assert site.handlers == []
    monkeypatch.undo()
    importlib.import_module("wixevents.js.engine")


def test_a_file_by_another_name_is_read_as_an_events_js(tmp_path: Path) -> None:
    (tmp_path / "billing-handlers.js").write_text("export function wixBilling_onInvoicePaid(event) { return 1; }\n")
    with Site() as site:
        report = site.load_js(tmp_path / "billing-handlers.js", source="billing")
        assert [h.name for h in report.registered] == ["wixBilling_onInvoicePaid"]
        assert site.fire("wixBilling_onInvoicePaid").value == 1


def test_the_run_errors_live_in_wixevents_errors_and_js_errors_re_exports_them() -> None:
    from wixevents import errors
    from wixevents.js import errors as js_errors

    for name in ("JsError", "JsTimeout", "JsOutOfMemory", "MissingJsEngine"):
        assert getattr(js_errors, name) is getattr(errors, name)
        assert issubclass(getattr(errors, name), errors.WixEventsError)
        assert name in (errors.__doc__ or "")


def test_console_lines_outside_any_run_go_to_the_wixevents_js_logger(tmp_path: Path,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "events.js").write_text("console.warn('loading');\nexport function wixBilling_onInvoicePaid() {}\n")
    with Site() as site, caplog.at_level("DEBUG", logger="wixevents.js"):
        site.load_js(tmp_path / "events.js")
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records] == [("wixevents.js", "WARNING", "loading")]


def test_a_site_that_is_garbage_collected_closes_its_engine(backend: Path) -> None:
    import gc
    import weakref

    site = Site()
    with pytest.warns(UserWarning):
        site.load_js(backend)
    site.fire("wixBilling_onInvoicePaid")
    engine, gone = site.js_engine, weakref.ref(site)
    del site
    gc.collect()
    assert gone() is None  # the engine does not keep its site alive
    with pytest.raises(RuntimeError, match="closed"):
        engine.evaluate("1")


def test_concurrent_runs_on_one_engine_keep_their_own_effects_and_logs(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    (tmp_path / "events.js").write_text(
        "import wixData from 'wix-data';\n"
        "export async function wixBilling_onInvoicePaid(event) {\n"
        "  await new Promise((resolve) => setTimeout(resolve, 2));\n"
        "  await wixData.insert('Seen', { n: event.n });\n"
        "  console.log(`n=${event.n}`);\n"
        "  return event.n;\n}\n")
    with Site(clock=FixedClock()) as site:
        site.load_js(tmp_path / "events.js")
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda n: site.test("wixBilling_onInvoicePaid", {"n": n}, validate=False),
                                    range(12)))
        for n, result in enumerate(results):
            [run] = result.runs
            assert (run.status, run.value) == ("ok", n)
            assert [e["args"]["item"]["n"] for e in run.effects] == [n]
            assert [line.message for line in run.logs] == [f"n={n}"]
        assert sorted(site.collection("Seen")["n"]) == list(range(12))


def test_a_javascript_data_hook_past_the_timeout_is_stopped_and_fails_the_operation(tmp_path: Path) -> None:
    from wixevents.velo import wix_data
    from wixevents.velo.errors import HookTimeout

    (tmp_path / "data.js").write_text("export function Orders_beforeInsert(item, context) {\n"
                                      "  if (item.stuck) { while (true) {} }\n  return { ...item, seen: true };\n}\n")
    with Site(clock=FixedClock(), timeout=0.3) as site:
        site.load_js(tmp_path)
        with site.use(), pytest.raises(HookTimeout, match="JavaScript engine stopped it"):
            wix_data.insert("Orders", {"stuck": True})
        row = site.history.runs[-1]
        assert (row.event, row.trigger, row.status) == ("Orders_beforeInsert", "hook", "timeout")
        with site.use():
            assert wix_data.insert("Orders", {"stuck": False})["seen"] is True
