"""The command line: list, show, sample and validate, with clear errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import wixevents
from wixevents.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_filters_by_module_search_and_deprecation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--module", "wix-bookings-backend", "--no-deprecated")
    assert code == 0 and out.strip() == "0 event(s)"
    code, out, _ = run(capsys, "list", "--search", "invoice", "--deprecated")
    assert out.strip() == "0 event(s)"
    code, out, _ = run(capsys, "list", "--search", "invoicepaid")
    assert "wixBilling_onInvoicePaid" in out and out.strip().endswith("1 event(s)")


def test_show_prints_summary_docs_link_and_field_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "wixBookings_onBookingCanceled")
    assert code == 0
    assert "Deprecated; use wixBookingsV2_onBookingCanceled" in out
    assert "https://dev.wix.com/docs/velo/apis/wix-bookings-backend/events/on-booking-canceled" in out
    assert "booking.status" in out


def test_sample_prints_json_with_overrides_parsed_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sample", "wixBilling_onInvoicePaid", "--set", "totals.total=0", "--set", "title=Free")
    payload = json.loads(out)
    assert code == 0 and payload["totals"]["total"] == 0 and payload["title"] == "Free"


def test_validate_accepts_a_good_file_and_explains_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(wixevents.sample("wixCrm_onFormSubmit")), encoding="utf-8")
    code, out, _ = run(capsys, "validate", "wixCrm_onFormSubmit", str(good))
    assert code == 0 and "valid wixCrm_onFormSubmit payload" in out
    bad = tmp_path / "bad.json"
    bad.write_text('{"contactId": 1,', encoding="utf-8")
    code, _, err = run(capsys, "validate", "wixCrm_onFormSubmit", str(bad))
    assert code == 2 and "line 1, column 17" in err and str(bad) in err


def test_errors_are_one_message_and_exit_code_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "wixBilling_onInvoicePayed")
    assert code == 2 and err.startswith("error: 'wixBilling_onInvoicePayed' is not a Wix event handler name")
    code, _, err = run(capsys, "validate", "wixCrm_onFormSubmit", "no-such-file.json")
    assert code == 2 and "cannot read no-such-file.json" in err


def test_python_dash_m_runs_the_same_cli() -> None:
    done = subprocess.run([sys.executable, "-m", "wixevents", "list", "--search", "onFileUploaded"],
                          capture_output=True, text=True, check=True)
    assert "wixMediaManager_onFileUploaded" in done.stdout


def test_validate_lists_warnings_and_strict_turns_them_into_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = wixevents.sample("wixEcom_onCheckoutCreated")
    payload["entity"]["lineItems"][0]["availability"] = {"status": "AVAILABLE"}
    path = tmp_path / "checkout.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    code, out, _ = run(capsys, "validate", "wixEcom_onCheckoutCreated", str(path))
    assert code == 0 and "warning: $.entity.lineItems[0].availability.status" in out
    code, _, err = run(capsys, "validate", "wixEcom_onCheckoutCreated", str(path), "--strict")
    assert code == 2 and "availability.status" in err


def test_sample_with_a_seed_prints_another_consistent_payload(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sample", "wixBilling_onInvoicePaid", "--seed", "4")
    assert code == 0 and json.loads(out) == wixevents.sample("wixBilling_onInvoicePaid", seed=4)
    assert json.loads(out) != wixevents.sample("wixBilling_onInvoicePaid")
