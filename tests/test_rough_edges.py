"""Rough edges a newcomer hit, each fixed: file payloads, loading a history into a site, clear messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import wixevents
from wixevents import FixedClock, Site
from wixevents.cli import main
from wixevents.runtime.history import History

INVOICE = "wixBilling_onInvoicePaid"


def invoice_site() -> Site:
    site = Site(clock=FixedClock())

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> Any:
        return event.number

    return site


@pytest.mark.parametrize("as_path", [True, False])
def test_fire_reads_the_payload_from_a_json_file_given_as_a_path_or_its_name(tmp_path: Path, as_path: bool) -> None:
    payload = wixevents.sample(INVOICE) | {"number": "77"}
    file = tmp_path / "payload.json"
    file.write_text(json.dumps(payload), encoding="utf-8")
    result = invoice_site().fire(INVOICE, payload=file if as_path else str(file))
    assert result.statuses == ["ok"] and result.value == "77"


def test_fire_with_a_missing_payload_file_names_it() -> None:
    with pytest.raises(FileNotFoundError, match=r"payload= names the file nowhere/payload\.json"):
        invoice_site().fire(INVOICE, payload="nowhere/payload.json")


def test_json_text_is_still_json_text() -> None:
    assert invoice_site().fire(INVOICE, payload=json.dumps(wixevents.sample(INVOICE))).value == "10001"


def test_load_history_adds_the_saved_runs_to_the_site_and_numbers_on(tmp_path: Path) -> None:
    saved = invoice_site()
    saved.fire_all(INVOICE)
    path = saved.history.save(tmp_path / "h.jsonl")
    site = invoice_site()
    loaded = site.load_history(path)
    assert site.history == loaded == History.load(path) and len(site.history) == len(saved.history)
    after = site.fire(INVOICE)
    assert after.runs[0].seq == len(saved.history) + 1 and after.fire.fire == len(saved.history.fires) + 1
    with pytest.raises(ValueError, match="already has"):
        site.load_history(path)


def test_saving_a_history_into_a_missing_folder_names_that_folder(tmp_path: Path) -> None:
    site = invoice_site()
    site.fire(INVOICE)
    target = tmp_path / "missing" / "h.jsonl"
    with pytest.raises(FileNotFoundError, match=f"the folder {tmp_path / 'missing'} does not exist"):
        site.history.save(target)
    assert not (tmp_path / "missing").exists()


def test_the_version_option_prints_the_version() -> None:
    done = subprocess.run([sys.executable, "-m", "wixevents", "--version"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0 and done.stdout.startswith("wixevents ")


def test_sample_with_a_set_that_breaks_the_payload_exits_1_with_the_right_hint(capsys: pytest.CaptureFixture[str]
                                                                              ) -> None:
    assert main(["sample", INVOICE, "--set", "status=PAYED"]) == 1
    err = capsys.readouterr().err
    assert "not valid after --set" in err and "use one of the listed values" in err
    assert "case-sensitive" not in err
    assert main(["sample", INVOICE, "--set", "status=paid"]) == 1
    assert "enum values are case-sensitive" in capsys.readouterr().err
    assert main(["sample", INVOICE, "--set", "status=Paid"]) == 0


def test_a_number_field_names_each_accepted_form_once() -> None:
    result = invoice_site().fire(INVOICE, set={"totals.total": "abc"})
    message = result.runs[0].error.message  # type: ignore[union-attr]
    assert "expected a number or numeric text, got" in message
    assert "a number or a number" not in message


def test_the_catalog_has_a_readable_repr() -> None:
    text = repr(wixevents.catalog)
    assert text.startswith(f"<wixevents catalog: {len(wixevents.catalog)} events from ")
    assert "data hooks" in text and "object at 0x" not in text


def test_print_output_of_a_handler_shows_in_the_plain_text_result() -> None:
    site = Site(clock=FixedClock())

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        print("charging", event.number)

    assert "INFO    charging 10001" in repr(site.fire(INVOICE))
