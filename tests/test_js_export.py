"""Exporting JavaScript handlers as events.js files: safe writes, and export then load gives the same handlers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')

from wixevents.errors import FileExists
from wixevents.js import JsEngine, JsExportError, JsHandler, export_events_js, load_file, load_source

CELL = """import wixData from 'wix-data';

const PREFIX = "paid:";

export async function wixBilling_onInvoicePaid(event) {
  await null;
  return PREFIX + event.id;
}

export function wixCrm_onFormSubmit(event) { return event.submissionData.length; }
"""
OTHER_CELL = """import wixData, { query } from 'wix-data';
import * as crm from 'wix-crm-backend';

export function wixMembers_onMemberCreated(event) { return "member " + event.entity._id; }
"""


@pytest.fixture(scope="module")
def engine() -> Iterator[JsEngine]:
    with JsEngine() as shared:
        yield shared


@pytest.fixture()
def notebook(engine: JsEngine) -> list[JsHandler]:
    return load_source(engine, CELL, source="notebook").handlers


def test_one_events_js_per_source_with_a_header_naming_its_events(engine: JsEngine, notebook: list[JsHandler],
                                                                   tmp_path: Path) -> None:
    package = load_source(engine, OTHER_CELL, source="billing").handlers
    written = export_events_js({"notebook": notebook, "billing": package}, tmp_path)
    assert written == {"notebook": tmp_path / "events.js", "billing": tmp_path / "billing" / "events.js"}
    text = (tmp_path / "events.js").read_text()
    header = text.split("\n\n")[0]
    assert "wixBilling_onInvoicePaid  wix-billing-backend:" in header and "wixCrm_onFormSubmit" in header
    assert text.endswith(CELL)


def test_export_then_load_gives_the_same_handlers(engine: JsEngine, notebook: list[JsHandler], tmp_path: Path) -> None:
    export_events_js({"notebook": notebook}, tmp_path)
    loaded = load_file(engine, tmp_path / "events.js", source="exported").handlers
    assert [(h.__name__, h.is_async) for h in loaded] == [(h.__name__, h.is_async) for h in notebook]
    event: dict[str, Any] = {"id": "inv-9", "submissionData": [1, 2]}
    assert [h(event) for h in loaded] == [h(event) for h in notebook] == ["paid:inv-9", 2]


def test_export_load_export_writes_the_same_file(engine: JsEngine, notebook: list[JsHandler], tmp_path: Path) -> None:
    first = export_events_js({"notebook": notebook}, tmp_path / "a")["notebook"]
    again = load_file(engine, first, source="again").handlers
    second = export_events_js({"again": again}, tmp_path / "b", primary="again")["again"]
    assert second.read_text() == first.read_text().replace("source 'notebook'", "source 'again'")


def test_several_cells_of_one_source_merge_into_one_loadable_file(engine: JsEngine, notebook: list[JsHandler],
                                                                  tmp_path: Path) -> None:
    second = load_source(engine, OTHER_CELL, source="notebook", module_id="notebook/cell-2").handlers
    export_events_js({"notebook": notebook + second}, tmp_path)
    text = (tmp_path / "events.js").read_text()
    assert "import wixData, { query } from 'wix-data';\nimport * as crm from 'wix-crm-backend';" in text
    loaded = load_file(engine, tmp_path / "events.js", source="merged").handlers
    assert sorted(h.__name__ for h in loaded) == sorted(h.__name__ for h in notebook + second)
    assert next(h for h in loaded if h.__name__ == "wixMembers_onMemberCreated")({"entity": {"_id": "m"}}) == "member m"


def test_cells_defining_the_same_name_cannot_be_merged(engine: JsEngine, notebook: list[JsHandler],
                                                       tmp_path: Path) -> None:
    clash = load_source(engine, "const PREFIX = 1;\nexport function wixMembers_onMemberCreated() {}",
                        source="notebook", module_id="notebook/clash").handlers
    with pytest.raises(JsExportError, match="'PREFIX' is defined by two modules"):
        export_events_js({"notebook": notebook + clash}, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_cells_exporting_the_same_handler_cannot_be_merged(engine: JsEngine, notebook: list[JsHandler],
                                                          tmp_path: Path) -> None:
    twin = load_source(engine, "function paid() {}\nexport { paid as wixBilling_onInvoicePaid };",
                       source="notebook", module_id="notebook/twin").handlers
    with pytest.raises(JsExportError, match="exported by two modules"):
        export_events_js({"notebook": notebook + twin}, tmp_path)


def test_an_existing_file_is_never_overwritten_unless_asked(notebook: list[JsHandler], tmp_path: Path) -> None:
    (tmp_path / "events.js").write_text("// mine\n")
    with pytest.raises(FileExists, match="overwrite=True"):
        export_events_js({"notebook": notebook}, tmp_path)
    assert (tmp_path / "events.js").read_text() == "// mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.js"]


def test_overwrite_keeps_a_backup_of_the_old_file(notebook: list[JsHandler], tmp_path: Path) -> None:
    (tmp_path / "events.js").write_text("// mine\n")
    export_events_js({"notebook": notebook}, tmp_path, overwrite=True)
    export_events_js({"notebook": notebook}, tmp_path, overwrite=True)
    backups = [p.read_text() for p in tmp_path.glob("events.js.*.bak")]
    assert len(backups) == 2 and "// mine\n" in backups
    assert (tmp_path / "events.js").read_text().endswith(CELL)


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_file(notebook: list[JsHandler], tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "events.js").write_text("// mine\n")
    real_replace = os.replace

    def crash(src: Any, dst: Any) -> None:
        if Path(dst).name == "events.js":
            raise OSError("disk full")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        export_events_js({"notebook": notebook}, tmp_path, overwrite=True)
    assert (tmp_path / "events.js").read_text() == "// mine\n"
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("source", ["..", "../elsewhere", "a/b", "/abs/x", "", "."])
def test_a_source_name_that_would_leave_the_folder_is_refused(notebook: list[JsHandler], tmp_path: Path,
                                                              source: str) -> None:
    with pytest.raises(JsExportError, match="not a plain folder name"):
        export_events_js({source: notebook}, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_symbolic_link_pointing_out_of_the_folder_is_refused(notebook: list[JsHandler], tmp_path: Path) -> None:
    outside, folder = tmp_path / "outside", tmp_path / "export"
    outside.mkdir()
    folder.mkdir()
    (folder / "pkg").symlink_to(outside, target_is_directory=True)
    with pytest.raises(JsExportError, match="outside"):
        export_events_js({"pkg": notebook}, folder)
    (folder / "events.js").symlink_to(outside / "events.js")
    with pytest.raises(JsExportError, match="symbolic link"):
        export_events_js({"notebook": notebook}, folder, overwrite=True)
    assert list(outside.iterdir()) == []


def test_data_hooks_are_not_exported_to_events_js(engine: JsEngine, tmp_path: Path) -> None:
    hooks = load_source(engine, "export function Orders_beforeInsert(item) { return item; }",
                        filename="data.js").handlers
    with pytest.raises(JsExportError, match=r"belong in data\.js"):
        export_events_js({"notebook": hooks}, tmp_path)


def test_export_writes_the_helper_files_the_handlers_import(engine: JsEngine, tmp_path: Path) -> None:
    backend = tmp_path / "backend"
    (backend / "lib").mkdir(parents=True)
    (backend / "lib" / "money.js").write_text("export const cents = (x) => Math.round(x * 100);\n", encoding="utf-8")
    (backend / "util.js").write_text('import { cents } from "./lib/money.js";\n'
                                     "export function label(e) { return `${e.number}:${cents(e.totals.total)}`; }\n",
                                     encoding="utf-8")
    (backend / "events.js").write_text('import { label } from "./util";\n'
                                       "export function wixBilling_onInvoicePaid(event) { return label(event); }\n",
                                       encoding="utf-8")
    handlers = load_file(engine, backend / "events.js", source="notebook").handlers
    out = tmp_path / "out"
    export_events_js({"notebook": handlers}, out)
    assert (out / "util.js").read_bytes() == (backend / "util.js").read_bytes()
    assert (out / "lib" / "money.js").read_bytes() == (backend / "lib" / "money.js").read_bytes()
    again = load_file(engine, out / "events.js", source="exported").handlers
    assert [h.__name__ for h in again] == ["wixBilling_onInvoicePaid"]
    export_events_js({"notebook": handlers}, out, overwrite=True)  # same helpers: written again without fuss
    other = tmp_path / "other"
    other.mkdir()
    (other / "util.js").write_text("// someone else's util\n", encoding="utf-8")
    with pytest.raises(FileExists, match=r"util\.js already exist"):
        export_events_js({"notebook": handlers}, other)
    assert not (other / "events.js").exists()  # nothing was written
