"""Each seed category, as a notebook would do it: a handler that does real work through the simulated Wix APIs.

Every test fires every sample variant of its event (``site.fire_all``) at a
handler written the way a Wix developer would, then checks the effects table
and the state tables against DataFrames built from the fired payloads' own
fields. Values the site makes up (item IDs, dates) come from what the handler
itself got back (its return value), so the tables, the effects and what the
caller saw must all agree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
import pytest

import wixevents
from wixevents import FixedClock, Site
from wixevents.runtime.effects import EFFECT_COLUMNS
from wixevents.velo import wix_data
from wixevents.velo.errors import VeloError
from wixevents.velo.frames import EMAIL_COLUMNS, HTTP_COLUMNS
from wixevents.velo.items import SYSTEM
from wixevents.velo.wix_crm_backend import contacts, triggeredEmails
from wixevents.velo.wix_fetch import fetch
from wixevents.velo.wix_secrets_backend import getSecret


@pytest.fixture
def site() -> Site:
    return Site(clock=FixedClock())


def frame(rows: Iterable[Mapping[str, Any]], columns: list[str] | None = None, *, ints: Iterable[str] = (),
          objects: Iterable[str] = ()) -> pd.DataFrame:
    """An expected table: pandas' own types, nullable ints for ``ints``, values as given in ``objects``."""
    rows = list(rows)
    found = pd.DataFrame(rows, columns=columns)
    for column in objects:
        found[column] = pd.Series([r.get(column) for r in rows], dtype=object)
    return found.astype({c: "Int64" for c in ints})


def effect(seq: int, call: int, module: str, function: str, args: dict[str, Any], result: Any = None,
           error: str | None = None, caused: list[int] | None = None) -> dict[str, Any]:
    return {"seq": seq, "call": call, "module": module, "function": function, "args": args, "result": result,
            "error": error, "elevated": False, "caused": caused or []}


def effects(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return frame(rows, EFFECT_COLUMNS, ints=["seq"], objects=["args", "result", "caused"])


def system(item: Mapping[str, Any]) -> dict[str, Any]:
    return {k: item[k] for k in SYSTEM}


def fire_every_sample(site: Site, name: str) -> tuple[list[dict[str, Any]], list[Any], list[int]]:
    """Fire every variant; the fired payloads, the handler's return values and the run seqs."""
    results = site.fire_all(name)
    assert [r.fire.variant for r in results] == wixevents.samples(name)
    assert results.ok, results.to_frame()[["variant", "status", "error"]]
    return [r.fire.payload for r in results], [r.value for r in results], [r.runs[0].seq for r in results]


def test_an_invoice_is_paid_records_a_payment_and_emails_the_customer(site: Site) -> None:
    name = "wixBilling_onInvoicePaid"
    customers = [wixevents.sample(name, v)["customer"] for v in wixevents.samples(name)]
    site.seed(contacts=[{"_id": c["contactId"], "revision": 0, "info": {"emails": [{"email": c["email"]}]},
                         "primaryInfo": {"email": c["email"]}} for c in customers])

    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> Any:
        payment = wix_data.insert("Payments", {
            "invoiceId": event.id.id, "number": event.number, "amount": event.totals.total,
            "currency": event.currency, "customerEmail": event.customer.email})
        triggeredEmails.emailContact("invoice_paid", event.customer.contactId, {"variables": {
            "number": event.number, "amount": f"{event.totals.total:.2f} {event.currency}"}})
        return payment

    fired, payments, seqs = fire_every_sample(site, name)
    fields = [{"invoiceId": p["id"]["id"], "number": p["number"], "amount": p["totals"]["total"],
               "currency": p["currency"], "customerEmail": p["customer"]["email"]} for p in fired]
    variables = [{"number": p["number"], "amount": f"{p['totals']['total']:.2f} {p['currency']}"} for p in fired]

    pd.testing.assert_frame_equal(site.collection("Payments"),
                                  frame({**system(item), **f} for item, f in zip(payments, fields, strict=True)))
    assert {item["_owner"] for item in payments} == {site.velo.owner_id}
    assert all(item["_createdDate"] == item["_updatedDate"] for item in payments)
    emails = site.emails()
    pd.testing.assert_frame_equal(emails, frame((
        {"seq": seq, "call": 2 * i + 2, "kind": "contact", "emailId": "invoice_paid",
         "recipient": p["customer"]["contactId"], "to": p["customer"]["email"], "variables": v, "time": time}
        for i, (seq, p, v, time) in enumerate(zip(seqs, fired, variables, emails["time"], strict=True))),
        EMAIL_COLUMNS, ints=["seq", "call"], objects=["variables"]))
    pd.testing.assert_frame_equal(site.effects(), effects([row for i, (seq, p, f, v, item) in enumerate(zip(
        seqs, fired, fields, variables, payments, strict=True)) for row in (
        effect(seq, 2 * i + 1, "wix-data", "insert", {"collectionId": "Payments", "item": f}, item),
        effect(seq, 2 * i + 2, "wix-crm-backend", "triggeredEmails.emailContact", {
            "emailId": "invoice_paid", "contactId": p["customer"]["contactId"], "options": {"variables": v}}))]))


def test_a_file_upload_is_recorded_in_a_media_collection(site: Site) -> None:
    @site.handler
    def wixMediaManager_onFileUploaded(event: Any) -> Any:
        info = event.fileInfo
        return wix_data.insert("Media", {"fileName": info.fileName, "url": info.fileUrl, "mediaType": info.mediaType,
                                         "mimeType": info.mimeType, "sizeInBytes": info.sizeInBytes,
                                         "private": info.isPrivate})

    fired, items, seqs = fire_every_sample(site, "wixMediaManager_onFileUploaded")
    fields = [{"fileName": f["fileName"], "url": f["fileUrl"], "mediaType": f["mediaType"], "mimeType": f["mimeType"],
               "sizeInBytes": f["sizeInBytes"], "private": f["isPrivate"]} for f in (p["fileInfo"] for p in fired)]
    pd.testing.assert_frame_equal(site.collection("Media"),
                                  frame({**system(item), **f} for item, f in zip(items, fields, strict=True)))
    pd.testing.assert_frame_equal(site.effects(), effects([
        effect(seq, i + 1, "wix-data", "insert", {"collectionId": "Media", "item": f}, item)
        for i, (seq, f, item) in enumerate(zip(seqs, fields, items, strict=True))]))


def test_a_form_submission_creates_or_updates_a_contact_with_a_label(site: Site) -> None:
    @site.handler
    def wixCrm_onFormSubmit(event: Any) -> Any:
        answers = {field.fieldName: field.fieldValue for field in event.submissionData}
        info: dict[str, Any] = {"emails": [{"email": answers["Email"]}]}
        if "First Name" in answers:
            info["name"] = {"first": answers["First Name"], "last": answers.get("Last Name", "")}
        found = contacts.appendOrCreateContact(info)
        label = contacts.findOrCreateLabel(f"Form: {event.formName}")
        contacts.labelContact(found.contactId, [label.label.key])
        return contacts.getContact(found.contactId)

    fired, returned, seqs = fire_every_sample(site, "wixCrm_onFormSubmit")
    answers = [{f["fieldName"]: f["fieldValue"] for f in p["submissionData"]} for p in fired]
    last = {a["Email"]: contact for a, contact in zip(answers, returned, strict=True)}  # final state per address
    first = {a["Email"]: a for a in reversed(answers)}  # the first submission names the contact
    submissions = {email: sum(a["Email"] == email for a in answers) for email in last}
    keys = {email: ["custom.form-" + "-".join(p["formName"].lower().split()) for p, a in zip(
        fired, answers, strict=True) if a["Email"] == email] for email in last}
    pd.testing.assert_frame_equal(site.contacts(), frame((
        {"_id": c["_id"], "firstName": first[email].get("First Name"), "lastName": first[email].get("Last Name"),
         "email": email, "phone": None, "labelKeys": list(dict.fromkeys(keys[email])),
         "revision": 2 * submissions[email] - 1, "_createdDate": c["_createdDate"], "_updatedDate": c["_updatedDate"]}
        for email, c in last.items()), objects=["labelKeys"], ints=["revision"]))
    assert len(site.contacts()) == 5  # the two "Contact us" submissions from one address made one contact
    assert site.effects().groupby("seq")["function"].apply(list).tolist() == [[
        "contacts.appendOrCreateContact", "contacts.findOrCreateLabel", "contacts.labelContact",
        "contacts.getContact"]] * len(seqs)


def test_a_new_member_becomes_a_labelled_contact_once(site: Site) -> None:
    @site.handler
    def wixMembers_onMemberCreated(event: Any) -> Any:
        member = event.get("entity") or {}
        if not member.get("loginEmail"):
            return None
        details = member.get("contact") or member.get("contactDetails") or {}
        try:
            contact = contacts.createContact({"name": {"first": details.get("firstName"),
                                                       "last": details.get("lastName")},
                                              "emails": [{"email": member["loginEmail"]}]})
        except VeloError as exc:
            if exc.code != "ALREADY_EXISTS":
                raise
            print(f"{member['loginEmail']} is a contact already")
            return None
        label = contacts.findOrCreateLabel("Member")
        return contacts.labelContact(contact._id, [label.label.key])

    fired, returned, _ = fire_every_sample(site, "wixMembers_onMemberCreated")
    members = [p.get("entity") or {} for p in fired]
    made = [(m, c) for m, c in zip(members, returned, strict=True) if c is not None]
    pd.testing.assert_frame_equal(site.contacts(), frame((
        {"_id": c["_id"], "firstName": (m.get("contact") or m.get("contactDetails"))["firstName"],
         "lastName": (m.get("contact") or m.get("contactDetails"))["lastName"], "email": m["loginEmail"],
         "phone": None, "labelKeys": ["custom.member"], "revision": 1, "_createdDate": c["_createdDate"],
         "_updatedDate": c["_updatedDate"]} for m, c in made), objects=["labelKeys"], ints=["revision"]))
    repeated = [m["loginEmail"] for m, c in zip(members, returned, strict=True) if m.get("loginEmail") and c is None]
    default = wixevents.sample("wixMembers_onMemberCreated")["entity"]["loginEmail"]
    assert repeated == [default]  # the legacy-shaped sample repeats the default member
    errors = site.effects().dropna(subset=["error"])
    assert errors["error"].tolist() == [f"VeloError: A contact with email {default} already exists; pass "
                                        "{'allowDuplicates': True} to create another."]


def test_a_created_item_updates_another_collection_through_a_cascade(site: Site) -> None:
    @site.handler
    def wixData_onDataItemCreated(event: Any) -> Any:
        entity = event.get("entity") or {}
        collection = entity.get("dataCollectionId")
        if not collection or collection == "CollectionStats":  # its own writes come back here: skip them
            return None
        stats = wix_data.get("CollectionStats", collection)
        return wix_data.save("CollectionStats", {"_id": collection, "created": (stats or {}).get("created", 0) + 1,
                                                 "lastItemId": entity["_id"]})

    results = site.fire_all("wixData_onDataItemCreated")
    assert results.ok
    fired = [r.fire.payload for r in results]
    saved = {r.value["_id"]: r.value for r in results if r.value is not None}  # the last save per collection
    created = {}
    for r in results:
        if r.value is not None:
            created.setdefault(r.value["_id"], r.value["_createdDate"])
    counted: dict[str, list[str]] = {}
    for p in fired:
        if (p.get("entity") or {}).get("dataCollectionId"):
            counted.setdefault(p["entity"]["dataCollectionId"], []).append(p["entity"]["_id"])
    pd.testing.assert_frame_equal(site.collection("CollectionStats"), frame(
        {"_id": c, "_owner": site.velo.owner_id, "_createdDate": created[c], "_updatedDate": saved[c]["_updatedDate"],
         "created": len(ids), "lastItemId": ids[-1]} for c, ids in counted.items()))
    # a first save inserts, which fires the handler again (one cascade row, parent = the run that saved)
    history = [(r.variant, r.trigger, r.parent, r.status) for r in site.history]
    firsts = {ids[0] for ids in counted.values()}
    expected: list[tuple[Any, ...]] = []
    for r in results:
        expected.append((r.fire.variant, "fire", None, "ok"))
        if (r.fire.payload.get("entity") or {}).get("_id") in firsts:
            expected.append((None, "cascade", r.runs[0].seq, "ok"))
    assert history == expected


def test_a_canceled_booking_updates_the_bookings_item_and_calls_the_calendar_api(site: Site) -> None:
    name = "wixBookingsV2_onBookingCanceled"
    bookings = [b for b in ((wixevents.sample(name, v).get("data") or {}).get("booking") or {}
                            for v in wixevents.samples(name)) if b.get("contactDetails")]
    site.seed(collections={"Bookings": [{"_id": b["_id"], "status": "CONFIRMED",
                                         "email": b["contactDetails"]["email"]} for b in bookings]},
              secrets={"calendar-token": "cal_test_42"})
    site.http.stub("https://calendar.example.com/api/cancel", json={"released": True}, method="POST")
    seeded = site.collection("Bookings")
    known = {b["_id"] for b in bookings}

    @site.handler
    def wixBookingsV2_onBookingCanceled(event: Any) -> Any:
        booking = (event.get("data") or {}).get("booking") or {}
        if booking.get("_id") not in known:  # a minimal payload names a booking this site never stored
            return None
        stored = wix_data.get("Bookings", booking["_id"])
        updated = wix_data.update("Bookings", {**stored, "status": "CANCELED", "canceledAt": event.metadata.eventTime})
        response = fetch("https://calendar.example.com/api/cancel", {
            "method": "POST", "headers": {"Authorization": f"Bearer {getSecret('calendar-token')}"},
            "body": json.dumps({"bookingId": booking["_id"]})})
        return {"booking": updated, "calendar": response.json()}

    fired, returned, seqs = fire_every_sample(site, name)
    done = [(p, r, s) for p, r, s in zip(fired, returned, seqs, strict=True) if r is not None]
    canceled = {r["booking"]["_id"]: (p, r) for p, r, _ in done}
    pd.testing.assert_frame_equal(site.collection("Bookings"), frame(
        {**row, "status": "CANCELED", "_updatedDate": canceled[row["_id"]][1]["booking"]["_updatedDate"],
         "canceledAt": canceled[row["_id"]][0]["metadata"]["eventTime"]}
        for row in seeded.to_dict("records")))
    calls = site.http_calls()
    pd.testing.assert_frame_equal(calls, frame((
        {"seq": s, "call": 4 * i + 4, "method": "POST", "url": "https://calendar.example.com/api/cancel",
         "body": json.dumps({"bookingId": r["booking"]["_id"]}), "status": 200, "response": '{"released": true}',
         "error": None, "time": t} for i, ((_, r, s), t) in enumerate(zip(done, calls["time"], strict=True))),
        HTTP_COLUMNS, ints=["seq", "call", "status"]))
    rows = []
    for i, (p, r, s) in enumerate(done):
        booking_id = p["data"]["booking"]["_id"]
        before = {**seeded.set_index("_id").loc[booking_id].to_dict(), "_id": booking_id}
        before = {k: before[k] for k in seeded.columns}
        rows += [
            effect(s, 4 * i + 1, "wix-data", "get", {"collectionId": "Bookings", "itemId": booking_id}, before),
            effect(s, 4 * i + 2, "wix-data", "update", {"collectionId": "Bookings", "item": {
                **before, "status": "CANCELED", "canceledAt": p["metadata"]["eventTime"]}}, r["booking"]),
            effect(s, 4 * i + 3, "wix-secrets-backend", "getSecret", {"name": "calendar-token"}, "***"),
            effect(s, 4 * i + 4, "wix-fetch", "fetch", {"url": "https://calendar.example.com/api/cancel", "options": {
                "method": "POST", "headers": {"Authorization": "Bearer ***"},  # the secret is masked
                "body": json.dumps({"bookingId": booking_id})}}, {
                "url": "https://calendar.example.com/api/cancel", "status": 200, "statusText": "OK", "ok": True,
                "headers": {"content-type": "application/json"}, "body": '{"released": true}'})]
    pd.testing.assert_frame_equal(site.effects(), effects(rows))
    assert all(r["calendar"] == {"released": True} for _, r, _ in done)
