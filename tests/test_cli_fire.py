"""`wixevents fire` and `wixevents stub`: result tables on stdout, exit code 1 when a handler failed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import wixevents
from wixevents.cli import main

HANDLERS = '''
def wixBilling_onInvoicePaid(event):
    print("paid", event.number)
    return event.totals.total

def wixForms_onSubmissionCreated(event):
    raise RuntimeError("form handler broke")

def wixBilling_onInvoicePayed(event):
    pass
'''


@pytest.fixture
def handlers(tmp_path: Path) -> Path:
    path = tmp_path / "events.py"
    path.write_text(HANDLERS, encoding="utf-8")
    return path


def test_fire_prints_the_result_table_and_logs_and_exits_0(handlers: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fire", "wixBilling_onInvoicePaid", "--handlers", str(handlers), "--sample", "minimal"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "wixBilling_onInvoicePaid sample 'minimal' fired (fire 1)"
    row = out.splitlines()[2].split()
    assert row[:4] == ["ok", "1", "wixBilling_onInvoicePaid", "minimal"]  # status first, handler = event
    assert f"INFO    paid {wixevents.sample('wixBilling_onInvoicePaid', 'minimal')['number']}" in out
    assert "wixBilling_onInvoicePayed in events.py is not a Wix handler name" in err


def test_fire_exits_1_when_a_handler_raises(handlers: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fire", "wixForms_onSubmissionCreated", "--handlers", str(handlers)]) == 1
    out = capsys.readouterr().out
    assert "RuntimeError: form handler broke" in out
    assert 'raise RuntimeError("form handler broke")' in out  # the trimmed traceback


def test_fire_exits_1_for_an_invalid_payload_file_or_override(handlers: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"status": "Paid"}', encoding="utf-8")
    assert main(["fire", "wixBilling_onInvoicePaid", "--handlers", str(handlers), "--payload", str(bad)]) == 1
    assert main(["fire", "wixBilling_onInvoicePaid", "--handlers", str(handlers), "--set", "status=7"]) == 1
    assert capsys.readouterr().out.count("invalid_payload") >= 2


def test_fire_exits_1_when_the_file_has_no_handler_for_the_event(handlers: Path) -> None:
    assert main(["fire", "wixMembers_onMemberCreated", "--handlers", str(handlers)]) == 1


def test_fire_in_preview_mode_runs_nothing_and_exits_0(handlers: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fire", "wixForms_onSubmissionCreated", "--handlers", str(handlers), "--mode", "preview"]) == 0
    assert "not_triggered_in_preview" in capsys.readouterr().out


def test_fire_as_json_gives_the_fire_and_its_runs(handlers: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fire", "wixBilling_onInvoicePaid", "--handlers", str(handlers), "--format", "json",
                 "--set", "title=Kiln"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data["fire"]["payload"]["title"] == "Kiln"
    invoice = wixevents.sample("wixBilling_onInvoicePaid")
    assert [(r["status"], r["value"], r["logs"][0]["message"]) for r in data["runs"]] == [
        ("ok", invoice["totals"]["total"], f"paid {invoice['number']}")]


def test_usage_errors_exit_2(handlers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fire", "wixBilling_onInvoicePayed", "--handlers", str(handlers)]) == 2
    assert main(["fire", "wixBilling_onInvoicePaid", "--handlers", str(tmp_path / "missing.py")]) == 2
    assert main(["fire", "wixBilling_onInvoicePaid", "--handlers", str(handlers), "--sample", "nope"]) == 2
    assert "Did you mean wixBilling_onInvoicePaid" in capsys.readouterr().err


def test_stub_prints_a_handler_skeleton(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stub", "wixBilling_onInvoicePaid", "--lang", "js"]) == 0
    assert "export function wixBilling_onInvoicePaid(event) {" in capsys.readouterr().out


def test_python_dash_m_wixevents_fire_works_as_the_readme_shows(handlers: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "wixevents", "fire", "wixForms_onSubmissionCreated",
                           "--handlers", str(handlers)], capture_output=True, text=True, cwd=handlers.parent)
    assert done.returncode == 1, done.stderr
    assert "error" in done.stdout and "form handler broke" in done.stdout


EVENTS_JS = """import wixData from "wix-data";

export async function wixBilling_onInvoicePaid(event) {
  console.log("paid", event.number);
  return (await wixData.insert("Payments", { total: event.totals.total })).total;
}

export function wixForms_onSubmissionCreated(event) {
  throw new RangeError("form handler broke");
}
"""


def test_fire_runs_a_javascript_events_js_as_it_runs_python(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')
    path = tmp_path / "events.js"
    path.write_text(EVENTS_JS + "export function wixBilling_onInvoicePayed(event) {}\n", encoding="utf-8")
    assert main(["fire", "wixBilling_onInvoicePaid", "--handlers", str(path), "--sample", "minimal"]) == 0
    out, err = capsys.readouterr()
    row = out.splitlines()[2].split()
    assert row[:4] == ["ok", "1", "wixBilling_onInvoicePaid", "minimal"]  # status first, handler = event
    assert f"INFO    paid {wixevents.sample('wixBilling_onInvoicePaid', 'minimal')['number']}" in out
    assert "wixBilling_onInvoicePayed in events.js is not a Wix handler name (did you mean" in err
    assert main(["fire", "wixForms_onSubmissionCreated", "--handlers", str(path), "--format", "json"]) == 1
    run = json.loads(capsys.readouterr().out)["runs"][0]
    assert run["error"]["type"] == "RangeError"
    assert run["error"]["traceback"].endswith("at wixForms_onSubmissionCreated (events.js:9:9)")


def test_fire_says_why_a_javascript_file_cannot_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')
    path = tmp_path / "events.js"
    path.write_text("import axios from 'axios';\nexport function wixBilling_onInvoicePaid(event) {}\n")
    assert main(["fire", "wixBilling_onInvoicePaid", "--handlers", str(path)]) == 2
    assert "events.js:1: error: cannot import 'axios'" in capsys.readouterr().err


def test_rows_that_ran_nothing_are_explained_with_command_options_not_python_calls(
        handlers: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fire", "wixBookingsV2_onBookingCanceled", "--handlers", str(handlers)]) == 1
    out = capsys.readouterr().out
    assert "--handlers" in out and "@site.handler" not in out and "site.load(" not in out
    assert main(["fire", "wixBilling_onInvoicePaid", "--handlers", str(handlers), "--mode", "preview"]) == 0
    out = capsys.readouterr().out
    assert "--mode published" in out and "site.test(" not in out and "site.mode" not in out
