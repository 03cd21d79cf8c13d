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
    assert main(["sample", INVOICE, "--set", "totals.total=lots"]) == 1  # text where a number is typed
    assert "not valid after --set" in capsys.readouterr().err
    # an unlisted enum value is what Wix's own payloads may carry: exit 0, with a warning and the right hint
    assert main(["sample", INVOICE, "--set", "status=PAYED"]) == 0
    err = capsys.readouterr().err
    assert "$.status" in err and "use one of the listed values" in err and "case-sensitive" not in err
    assert main(["sample", INVOICE, "--set", "status=paid"]) == 0
    assert "enum values are case-sensitive" in capsys.readouterr().err
    assert main(["sample", INVOICE, "--set", "status=Paid"]) == 0
    assert capsys.readouterr().err == ""


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


def test_the_readmes_wix_api_block_runs_as_written_in_a_fresh_namespace() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Wix APIs inside handlers", 1)[1].split("\n## ", 1)[0]
    block = section.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(compile(block, "README.md", "exec"), namespace)
    assert namespace["result"].ok


def test_loading_a_folder_reads_its_events_py_and_a_folder_without_one_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "events.py").write_text("def wixBilling_onInvoicePaid(event):\n    return 1\n\n"
                                        "def Orders_beforeInsert(item, context):\n    return item\n", encoding="utf-8")
    site = Site(clock=FixedClock())
    report = site.load(tmp_path)
    assert [h.name for h in report.registered] == ["wixBilling_onInvoicePaid", "Orders_beforeInsert"]
    assert repr(report).splitlines()[0].endswith(": 1 handler(s), 1 data hook(s)")
    assert "1 handler(s) and 1 data hook(s)" in repr(site)  # the two messages agree
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FileNotFoundError, match=r"has no events\.py"):
        site.load(empty)


def test_seeded_contacts_may_use_velos_flat_field_names() -> None:
    site = Site(clock=FixedClock())
    site.seed(contacts=[{"_id": "c1", "firstName": "Ana", "lastName": "Silva", "email": "ana@example.com",
                         "phones": ["+1 555 0100"]}])
    row = site.contacts().iloc[0]
    assert (row["_id"], row["firstName"], row["lastName"], row["email"], row["phone"]) == (
        "c1", "Ana", "Silva", "ana@example.com", "+1 555 0100")


def test_emailing_a_contact_the_site_does_not_have_warns_in_the_runs_log() -> None:
    from wixevents.velo.wix_crm_backend import triggeredEmails

    site = Site(clock=FixedClock())

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        triggeredEmails.emailContact("paid", event.customer.contactId)

    run = site.fire(INVOICE).runs[0]
    assert run.status == "ok" and [line.level for line in run.logs] == ["WARNING"]
    assert "no contact" in run.logs[0].message and "site.seed(contacts=" in run.logs[0].message
    site.seed(contacts=[{"_id": wixevents.sample(INVOICE)["customer"]["contactId"], "email": "ana@example.com"}])
    again = site.fire(INVOICE).runs[0]
    assert again.logs == () and site.emails()["to"].tolist()[-1] == "ana@example.com"


def test_result_logs_reads_like_run_logs_and_called_gives_the_dataframe() -> None:
    site = Site(clock=FixedClock())

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        print("first")
        print("second")

    result = site.fire(INVOICE)
    assert tuple(result.logs) == result.runs[0].logs and result.logs[1].message == "second"
    assert list(result.logs()["message"]) == ["first", "second"]
    every = site.fire_all(INVOICE)
    assert len(every.logs) == 2 * len(wixevents.samples(INVOICE)) == len(every.logs())
