"""The same handlers written twice, in Python and in JavaScript, for the parity tests (tests/test_js_parity.py).

One :class:`Pair` per seed-category event: Python functions (handlers and
``data.js`` hooks, registered under their names) and the JavaScript files of a
Wix site's backend, doing the same work through the simulated Wix APIs, line
for line. Writing "the same handler" twice takes care where the languages
differ: a missing field is ``None`` in Python (``.get``) and ``undefined`` in
JavaScript, which JSON drops, so the JavaScript says ``?? null``; Python's
``or`` treats ``{}`` as false where JavaScript's ``??`` does not; text bodies
are built with ``json.dumps(..., separators=(",", ":"))`` to match
``JSON.stringify``. Velo spellings are used for some events and the SDK's
(``@wix/data``, ``@wix/secrets``, ``@wix/essentials``) for others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import wixevents
from wixevents import Site
from wixevents.velo import wix_data
from wixevents.velo.errors import VeloError
from wixevents.velo.wix_crm_backend import contacts, triggeredEmails

CALENDAR = "https://calendar.example.com/api/cancel"


@dataclass(frozen=True)
class Pair:
    """One event's handler in both languages, and how to prepare a site for it."""

    event: str
    python: dict[str, Callable[..., Any]]
    js: dict[str, str]
    setup: Callable[[Site], None] = field(default=lambda site: None)


def first(*values: Any) -> Any:
    """The first value that is not None (JavaScript's ``a ?? b``)."""
    return next((v for v in values if v is not None), None)


def ids(event: str, path: Callable[[dict[str, Any]], Any]) -> list[str]:
    """``path(payload)`` of every sample of ``event`` that has one."""
    found = [path(wixevents.sample(event, v)) for v in wixevents.samples(event)]
    return list(dict.fromkeys(f for f in found if f))


# -- invoices: wix-data insert (with a data.js hook) and a triggered email -------------------------------------------
def invoice_paid(event: Any) -> Any:
    payment = wix_data.insert("Payments", {
        "invoiceId": event.id.id, "number": event.number, "amount": event.totals.total,
        "currency": event.currency, "customerEmail": event.customer.email})
    triggeredEmails.emailContact("invoice_paid", event.customer.contactId, {"variables": {
        "number": event.number, "amount": f"{event.totals.total:.2f} {event.currency}"}})
    print(f"invoice {event.number} paid")
    return payment


def payments_before_insert(item: Any, context: Any) -> Any:
    return {**item, "collection": context.collectionName}


INVOICE_JS = """import wixData from "wix-data";
import { triggeredEmails } from "wix-crm-backend";

export async function wixBilling_onInvoicePaid(event) {
  const payment = await wixData.insert("Payments", {
    invoiceId: event.id.id, number: event.number, amount: event.totals.total,
    currency: event.currency, customerEmail: event.customer.email });
  await triggeredEmails.emailContact("invoice_paid", event.customer.contactId, { variables: {
    number: event.number, amount: `${event.totals.total.toFixed(2)} ${event.currency}` } });
  console.log(`invoice ${event.number} paid`);
  return payment;
}
"""
PAYMENTS_HOOK_JS = """export function Payments_beforeInsert(item, context) {
  return { ...item, collection: context.collectionName };
}
"""


def seed_customers(site: Site) -> None:
    name = "wixBilling_onInvoicePaid"
    customers = [wixevents.sample(name, v)["customer"] for v in wixevents.samples(name)]
    site.seed(contacts=[{"_id": c["contactId"], "revision": 0, "info": {"emails": [{"email": c["email"]}]},
                         "primaryInfo": {"email": c["email"]}} for c in customers])


# -- media: a file upload recorded in a collection --------------------------------------------------------------------
def file_uploaded(event: Any) -> Any:
    info = event.fileInfo
    if info.isPrivate:
        print(f"private file {info.fileName}")
    return wix_data.insert("Media", {"fileName": info.fileName, "url": info.fileUrl, "mediaType": info.mediaType,
                                     "mimeType": info.mimeType, "sizeInBytes": info.sizeInBytes,
                                     "private": info.isPrivate})


MEDIA_JS = """import { insert } from "wix-data";

export function wixMediaManager_onFileUploaded(event) {
  const info = event.fileInfo;
  if (info.isPrivate) console.log(`private file ${info.fileName}`);
  return insert("Media", { fileName: info.fileName, url: info.fileUrl, mediaType: info.mediaType,
                           mimeType: info.mimeType, sizeInBytes: info.sizeInBytes, private: info.isPrivate });
}
"""


# -- old forms: a contact found or created, labelled with the form's name ---------------------------------------------
def form_submit(event: Any) -> Any:
    answers = {f.fieldName: f.fieldValue for f in event.submissionData}
    info: dict[str, Any] = {"emails": [{"email": answers["Email"]}]}
    if "First Name" in answers:
        info["name"] = {"first": answers["First Name"], "last": answers.get("Last Name", "")}
    found = contacts.appendOrCreateContact(info)
    label = contacts.findOrCreateLabel(f"Form: {event.formName}")
    contacts.labelContact(found.contactId, [label.label.key])
    return contacts.getContact(found.contactId)


FORM_JS = """import { contacts } from "wix-crm-backend";

export async function wixCrm_onFormSubmit(event) {
  const answers = Object.fromEntries(event.submissionData.map((f) => [f.fieldName, f.fieldValue]));
  const info = { emails: [{ email: answers["Email"] }] };
  if ("First Name" in answers) info.name = { first: answers["First Name"], last: answers["Last Name"] ?? "" };
  const found = await contacts.appendOrCreateContact(info);
  const label = await contacts.findOrCreateLabel(`Form: ${event.formName}`);
  await contacts.labelContact(found.contactId, [label.label.key]);
  return contacts.getContact(found.contactId);
}
"""


# -- new forms: the submission stored, its sender made a contact ------------------------------------------------------
def submission_created(event: Any) -> Any:
    entity = first(event.get("entity"), {})
    answers = first(entity.get("submissions"), {})
    if not answers.get("email"):
        print("a submission without an email")
        return None
    found = contacts.appendOrCreateContact({"name": {"first": first(answers.get("first_name"), ""),
                                                     "last": first(answers.get("last_name"), "")},
                                            "emails": [{"email": answers["email"]}]})
    return wix_data.insert("Submissions", {"submissionId": entity["_id"], "formId": entity.get("formId"),
                                           "status": entity.get("status"), "contactId": found.contactId,
                                           "answers": answers})


SUBMISSION_JS = """import wixData from "wix-data";
import { contacts } from "wix-crm-backend";

export const wixForms_onSubmissionCreated = async (event) => {
  const entity = event.entity ?? {};
  const answers = entity.submissions ?? {};
  if (!answers.email) {
    console.log("a submission without an email");
    return null;
  }
  const found = await contacts.appendOrCreateContact({ name: { first: answers.first_name ?? "",
                                                               last: answers.last_name ?? "" },
                                                       emails: [{ email: answers.email }] });
  return wixData.insert("Submissions", { submissionId: entity._id, formId: entity.formId ?? null,
                                         status: entity.status ?? null, contactId: found.contactId, answers });
};
"""


# -- members: a contact once per address, labelled; a duplicate is caught by its error code ---------------------------
def member_created(event: Any) -> Any:
    member = first(event.get("entity"), {})
    if not member.get("loginEmail"):
        return None
    details = first(member.get("contact"), member.get("contactDetails"), {})
    try:
        contact = contacts.createContact({"name": {"first": details.get("firstName"), "last": details.get("lastName")},
                                          "emails": [{"email": member["loginEmail"]}]})
    except VeloError as exc:
        if exc.code != "ALREADY_EXISTS":
            raise
        print(f"{member['loginEmail']} is a contact already")
        return None
    label = contacts.findOrCreateLabel("Member")
    return contacts.labelContact(contact._id, [label.label.key])


MEMBER_JS = """import { contacts } from "wix-crm-backend";

export async function wixMembers_onMemberCreated(event) {
  const member = event.entity ?? {};
  if (!member.loginEmail) return null;
  const details = member.contact ?? member.contactDetails ?? {};
  let contact;
  try {
    contact = await contacts.createContact({ name: { first: details.firstName ?? null, last: details.lastName ?? null },
                                             emails: [{ email: member.loginEmail }] });
  } catch (e) {
    if (e.code !== "ALREADY_EXISTS") throw e;
    console.log(`${member.loginEmail} is a contact already`);
    return null;
  }
  const label = await contacts.findOrCreateLabel("Member");
  return contacts.labelContact(contact._id, [label.label.key]);
}
"""
