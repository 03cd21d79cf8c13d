"""wix-crm-backend and wix-members-backend, simulated: contacts, labels, triggered emails, members."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import wixevents
from wixevents import FixedClock, Site
from wixevents.velo.errors import VeloError
from wixevents.velo.frames import EMAIL_COLUMNS
from wixevents.velo.wix_crm_backend import contacts, triggeredEmails
from wixevents.velo.wix_members_backend import authentication, members


@pytest.fixture
def site() -> Site:
    return Site(clock=FixedClock())


ANA = {"name": {"first": "Ana", "last": "Silva"}, "emails": [{"email": "ana@example.com"}]}


def test_create_contact_returns_the_contact_as_wix_shapes_it_at_revision_zero(site: Site) -> None:
    with site.use():
        contact = contacts.createContact(ANA)
    assert contact["revision"] == 0 and contact["_createdDate"] == contact["_updatedDate"]
    assert contact.info.name == {"first": "Ana", "last": "Silva"}
    assert contact.info.extendedFields == {"contacts.displayByFirstName": "Ana Silva",
                                           "contacts.displayByLastName": "Silva Ana"}
    assert contact.primaryInfo == {"email": "ana@example.com"}
    assert contact.lastActivity == {"activityDate": contact._createdDate, "activityType": "CONTACT_CREATED"}


def test_create_contact_needs_a_name_email_or_phone_and_refuses_a_duplicate_email(site: Site) -> None:
    with site.use():
        contacts.createContact(ANA)
        with pytest.raises(VeloError) as duplicate:
            contacts.createContact({"emails": [{"email": "ANA@example.com"}]})
        assert duplicate.value.code == "ALREADY_EXISTS"
        contacts.createContact({"emails": [{"email": "ana@example.com"}]}, {"allowDuplicates": True})
        with pytest.raises(VeloError, match="needs a name"):
            contacts.createContact({"company": "Clay & Co."})
    assert len(site.contacts()) == 2


def test_update_contact_needs_the_current_revision_and_keeps_fields_it_is_not_given(site: Site) -> None:
    with site.use():
        contact = contacts.createContact(ANA)
        updated = contacts.updateContact({"contactId": contact._id, "revision": 0}, {"company": "Clay & Co."})
        with pytest.raises(VeloError) as stale:
            contacts.updateContact({"contactId": contact._id, "revision": 0}, {"company": "Other"})
    assert (updated.revision, updated.info.company, updated.info.name.first) == (1, "Clay & Co.", "Ana")
    assert stale.value.code == "ABORTED"


def test_append_or_create_reconciles_by_email_or_phone_and_only_adds(site: Site) -> None:
    with site.use():
        first = contacts.appendOrCreateContact({"name": {"first": "Ana"}, "emails": [{"email": "ana@example.com"}]})
        again = contacts.appendOrCreateContact({"name": {"first": "Anna", "last": "Silva"},
                                                "emails": [{"email": "ANA@example.com"}],
                                                "phones": [{"phone": "+1 212-555-0142"}]})
        by_phone = contacts.appendOrCreateContact({"phones": [{"phone": "+1 212-555-0142"}]})
        other = contacts.appendOrCreateContact({"emails": [{"email": "sam@example.com"}]})
        stored = contacts.getContact(first.contactId)
    assert first == again == by_phone == {"contactId": stored._id, "identityType": "CONTACT"}
    assert other.contactId != stored._id
    assert stored.info.name == {"first": "Ana"}  # existing values are never overwritten
    assert [e["email"] for e in stored.info.emails] == ["ana@example.com"]
    assert stored.primaryInfo == {"email": "ana@example.com", "phone": "+1 212-555-0142"}


def test_labels_must_exist_before_a_contact_gets_them(site: Site) -> None:
    with site.use():
        contact = contacts.createContact(ANA)
        with pytest.raises(VeloError, match="findOrCreateLabel"):
            contacts.labelContact(contact._id, ["custom.vip"])
        made = contacts.findOrCreateLabel("VIP Café guests")
        found = contacts.findOrCreateLabel("VIP Café guests")
        labelled = contacts.labelContact(contact._id, [made.label.key])
        unlabelled = contacts.unlabelContact(contact._id, [made.label.key])
    assert (made.newLabel, found.newLabel, made.label.key) == (True, False, "custom.vip-café-guests")
    assert made.label == found.label and made.label.labelType == "USER_DEFINED"
    assert (labelled.info.labelKeys, labelled.revision) == (["custom.vip-café-guests"], 1)
    assert (unlabelled.info.labelKeys, unlabelled.revision) == ([], 2)


def test_triggered_emails_are_recorded_never_sent_and_need_text_variables(site: Site) -> None:
    @site.handler
    def wixBilling_onInvoicePaid(event: Any) -> None:
        contact = contacts.createContact({"emails": [{"email": event.customer.email}]})
        triggeredEmails.emailContact("invoice_paid", contact._id, {"variables": {"total": str(event.totals.total)}})
        triggeredEmails.emailMember("thanks", "unknown-member")
        triggeredEmails.emailContact("invoice_paid", contact._id, {"variables": {"total": event.totals.total}})

    result = site.fire("wixBilling_onInvoicePaid")
    payload = result.fire.payload
    contact_id = site.contacts()["_id"][0]
    times = list(site.emails()["time"])
    expected = pd.DataFrame([
        {"seq": 1, "call": 2, "kind": "contact", "emailId": "invoice_paid", "recipient": contact_id,
         "to": payload["customer"]["email"], "variables": {"total": str(payload["totals"]["total"])},
         "time": times[0]},
        {"seq": 1, "call": 3, "kind": "member", "emailId": "thanks", "recipient": "unknown-member", "to": None,
         "variables": {}, "time": times[1]}], columns=EMAIL_COLUMNS).astype({"seq": "Int64", "call": "Int64"})
    pd.testing.assert_frame_equal(site.emails(), expected)
    assert result.runs[0].status == "error" and "must be text" in str(result.runs[0].error)


def test_members_start_as_the_sample_members_and_can_be_updated_approved_and_blocked(site: Site) -> None:
    sample_ids = [(wixevents.sample("wixMembers_onMemberCreated", v).get("entity") or {}).get("_id")
                  for v in wixevents.samples("wixMembers_onMemberCreated")]
    assert list(site.members()["_id"]) == list(dict.fromkeys(i for i in sample_ids if i))
    pending = site.members().query("status == 'PENDING'").iloc[0]
    with site.use():
        member = members.getMember(pending["_id"])
        assert member.contactDetails.firstName == pending["firstName"]
        updated = members.updateMember(member._id, {"profile": {"nickname": "clay-fan"}})
        token = authentication.approveByEmail(member.loginEmail)
        authentication.blockByEmail(member.loginEmail)
        with pytest.raises(VeloError) as missing:
            members.getMember("nobody")
    assert updated.profile.nickname == "clay-fan" and updated.profile.slug == member.profile.slug
    assert token == f"session-token-{member._id}"
    assert site.members().set_index("_id").loc[member._id, "status"] == "BLOCKED"
    assert missing.value.code == "NOT_FOUND"
