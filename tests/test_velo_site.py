"""wix-fetch stubs, secrets and elevation; seeding, reset and state isolation between sites."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from wixevents import FixedClock, Site
from wixevents.velo import wix_data
from wixevents.velo.errors import SecretNotFound, UnstubbedRequest, VeloError
from wixevents.velo.frames import HTTP_COLUMNS
from wixevents.velo.wix_auth import call_elevated, elevate
from wixevents.velo.wix_fetch import fetch, getJSON
from wixevents.velo.wix_secrets_backend import getSecret


@pytest.fixture
def site() -> Site:
    return Site(clock=FixedClock())


# -- wix-fetch --------------------------------------------------------------------------------------

def test_an_unstubbed_request_fails_with_the_stub_line_to_add_and_is_recorded(site: Site) -> None:
    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        fetch("https://crm.example.com/invoices", {"method": "POST", "body": json.dumps({"id": event.id.id})})

    result = site.fire("wixBilling_onInvoicePaid")
    message = ("wix-fetch has no stub for POST https://crm.example.com/invoices, and wixevents never uses the "
               "network. Stub it before firing: site.http.stub('https://crm.example.com/invoices', json={...}, "
               "status=200, method='POST')")
    assert result.runs[0].status == "error" and result.runs[0].error is not None
    assert (result.runs[0].error.type, result.runs[0].error.message) == ("UnstubbedRequest", message)
    assert result.effects["error"].tolist() == [f"UnstubbedRequest: {message}"]
    calls = site.http_calls()
    expected = pd.DataFrame([{"seq": 1, "call": 1, "method": "POST", "url": "https://crm.example.com/invoices",
                              "body": json.dumps({"id": result.fire.payload["id"]["id"]}), "status": None,
                              "response": None, "error": message, "time": calls["time"][0]}],
                            columns=HTTP_COLUMNS).astype({"seq": "Int64", "call": "Int64", "status": "Int64"})
    pd.testing.assert_frame_equal(calls, expected)


def test_stubs_match_exact_urls_wildcards_and_patterns_newest_first_by_method(site: Site) -> None:
    site.http.stub("https://api.example.com/*", json={"any": True})
    site.http.stub("https://api.example.com/rates", json={"EUR": 0.92})
    site.http.stub(re.compile(r"/orders/\d+$"), status=404, text="no such order")
    site.http.stub("https://api.example.com/orders/*", status=201, json={"ok": True}, method="POST")
    with site.use():
        rates = fetch("https://api.example.com/rates")
        other = getJSON("https://api.example.com/other")
        missing = fetch("https://api.example.com/orders/7")
        created = fetch("https://api.example.com/orders/7", {"method": "post"})
    assert (rates.status, rates.ok, rates.statusText, rates.json()) == (200, True, "OK", {"EUR": 0.92})
    assert other == {"any": True}
    assert (missing.status, missing.ok, missing.text(), missing.bodyUsed) == (404, False, "no such order", True)
    assert (created.status, created.json()) == (201, {"ok": True})
    site.http.stub("https://api.example.com/rates", json={"EUR": 0.95})  # re-stubbing replaces
    with site.use():
        assert fetch("https://api.example.com/rates").json() == {"EUR": 0.95}
    assert len(site.http.stubs) == 4


def test_a_stubbed_network_error_rejects_the_fetch(site: Site) -> None:
    site.http.stub("https://down.example.com/*", error="connection refused")
    with site.use(), pytest.raises(VeloError, match="connection refused") as caught:
        fetch("https://down.example.com/ping")
    assert not isinstance(caught.value, UnstubbedRequest)
    assert site.http_calls()["error"][0] == "GET https://down.example.com/ping failed: connection refused"


# -- secrets and elevation --------------------------------------------------------------------------

def test_get_secret_reads_site_secrets_and_never_records_the_value(site: Site) -> None:
    site.secrets["crm-key"] = "sk_test_123"
    with site.use():
        assert getSecret("crm-key") == "sk_test_123"
        with pytest.raises(SecretNotFound, match=r"site.secrets\['stripe'\]"):
            getSecret("stripe")
    assert site.effects()["result"].tolist() == ["***", None]
    assert "sk_test_123" not in site.effects().to_json()


def test_elevate_records_each_call_and_marks_the_calls_inside_it(site: Site) -> None:
    @elevate
    def archive(collection: str) -> int:
        wix_data.insert("Archive", {"from": collection})
        wix_data.truncate(collection)
        return 1

    with site.use():
        assert archive("Drafts") == 1
        wix_data.insert("Drafts", {})
    effects = site.effects()
    assert list(zip(effects["module"], effects["function"], effects["elevated"], strict=True)) == [
        ("wix-auth", "elevate", True), ("wix-data", "insert", True), ("wix-data", "truncate", True),
        ("wix-data", "insert", False)]
    assert effects["args"][0] == {"function": "test_elevate_records_each_call_and_marks_the_calls_inside_it."
                                              "<locals>.archive", "args": ["Drafts"]}


def test_javascript_shims_call_one_function_elevated_by_its_name(site: Site) -> None:
    with site.use():
        wix_data.insert("Drafts", {})
        call_elevated("wix-data:truncate", "Drafts")
        with pytest.raises(KeyError, match="wix-data:insert"):
            call_elevated("wix-data:nope")
    effects = site.effects()
    assert list(zip(effects["function"], effects["elevated"], strict=True)) == [
        ("insert", False), ("elevate", True), ("truncate", True)]
    assert site.collection("Drafts").empty


# -- seeding, reset, isolation ----------------------------------------------------------------------

def test_seeding_takes_lists_frames_json_and_files_and_fills_system_fields_once(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "bookings.json"
    path.write_text(json.dumps([{"_id": "B1", "status": "CONFIRMED"}]), encoding="utf-8")
    site.seed(collections={"Bookings": path, "Rooms": pd.DataFrame([{"name": "Studio", "seats": 8},
                                                                     {"name": "Kiln room", "seats": None}])},
              secrets={"api": "k"})
    site.seed_collection("Notes", '[{"_id": "N1", "text": "hello", "_createdDate": "2025-12-01T00:00:00.000Z"}]')
    rooms = site.collection("Rooms")
    assert list(rooms["name"]) == ["Studio", "Kiln room"] and "seats" not in site.velo.collections["Rooms"][
        rooms["_id"][1]]  # an empty cell is left out of the item
    assert site.collection("Notes")["_createdDate"][0] == "2025-12-01T00:00:00.000Z"
    assert site.secrets == {"api": "k"} and len(site.history) == 0 and site.effects().empty


def test_reset_clears_the_data_and_puts_the_seeds_back(site: Site) -> None:
    site.seed(collections={"Bookings": [{"_id": "B1", "status": "CONFIRMED"}]})
    site.http.stub("https://api.example.com/*", json={})

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        wix_data.update("Bookings", {"_id": "B1", "status": "PAID"})
        wix_data.insert("Payments", {"n": 1})
        fetch("https://api.example.com/x")

    site.fire("wixBilling_onInvoicePaid")
    seeded = site.collection("Bookings")
    site.reset()
    assert site.collection("Bookings")["status"].tolist() == ["CONFIRMED"]
    assert site.collection("Payments").empty and site.http_calls().empty
    assert len(site.history) == 1 and len(site.effects()) == 3  # the history stays unless asked
    assert len(site.http.stubs) == 1 and len(site.handlers) == 1  # configuration stays
    assert seeded["status"].tolist() == ["PAID"]
    site.reset(seeds=False, history=True)
    assert site.collections() == [] and len(site.history) == 0 and site.effects().empty


def test_every_site_keeps_its_own_state_even_when_fired_at_the_same_time() -> None:
    sites = [Site(clock=FixedClock()) for _ in range(3)]
    for number, one in enumerate(sites):
        def wixBilling_onInvoicePaid(event: Any, number: int = number) -> None:
            wix_data.insert("Payments", {"site": number})
        one.register(wixBilling_onInvoicePaid)
    import threading

    threads = [threading.Thread(target=one.fire, args=("wixBilling_onInvoicePaid",)) for one in sites]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [one.collection("Payments")["site"].tolist() for one in sites] == [[0], [1], [2]]
    assert Site.default().collection("Payments").empty


def test_calls_outside_any_run_and_outside_use_act_on_the_default_site() -> None:
    default = Site.default()
    default.reset(seeds=False, history=True)
    try:
        wix_data.insert("Scratch", {"n": 1})
        assert default.collection("Scratch")["n"].tolist() == [1]
        assert default.effects()["seq"].isna().all()
    finally:
        default.reset(seeds=False, history=True)
