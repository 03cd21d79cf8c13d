"""Tests of the example site's backend events, as a Wix site repository would write them.

The ``wix_*`` fixtures and the ``wix_samples`` marker come from the wixevents
pytest plugin; ``wix_backend`` loads ``src/backend`` (see pyproject.toml) into a
fresh site for each test. Snapshots live in ``tests/snapshots/``; after a
deliberate change, rewrite them with ``python -m pytest --wix-update-snapshots``.
"""

from __future__ import annotations

from typing import Any

import pytest

from wixevents import Site
from wixevents.testing import Case, Snapshot, assert_effects, assert_state

CONTACT = "wixCrm_onContactCreated"
AUDIT_INSERT = {"module": "wix-data", "function": "insert", "args": {"collectionId": "AuditLog"}}


@pytest.mark.wix_samples(CONTACT)
def test_every_new_contact_is_written_to_the_audit_log(wix_backend: Site, wix_case: Case) -> None:
    result = wix_case.fire(wix_backend).assert_ok()
    assert_effects(result, [AUDIT_INSERT])


def test_the_audit_entry_names_the_contact_and_the_data_hooks_stamp_it(
        wix_backend: Site, wix_sample: Any) -> None:
    payload = wix_sample(CONTACT, set={"entity.info.name.first": "Zoë", "entity.info.name.last": "Faure"})
    result = wix_backend.fire(CONTACT, payload=payload).assert_ok()
    assert result.value == "zoe-faure"
    assert_effects(result, [{"module": "wix-data", "function": "insert",
                             "args": {"collectionId": "AuditLog",
                                      "item": {"title": "contact Zoë Faure", "slug": "zoe-faure"}}}])
    assert_state(wix_backend, "AuditLog", [{"title": "contact Zoë Faure", "slug": "zoe-faure",
                                            "stamp": "17:contact Zoë Faur", "collection": "AuditLog"}])
    assert "AuditLog now holds contact Zoë Faure" in wix_backend.logs()["message"].tolist()  # the afterInsert hook


def test_a_contact_without_a_name_is_audited_by_email(wix_backend: Site, wix_sample: Any) -> None:
    payload = wix_sample(CONTACT, set={"entity.info.name": {}, "entity.primaryInfo.email": "ana@example.com"})
    wix_backend.fire(CONTACT, payload=payload).assert_ok()
    assert_state(wix_backend, "AuditLog", [{"title": "contact ana@example.com", "slug": "ana-example-com"}])


@pytest.mark.parametrize(("media_type", "kind"), [("image", "image"), ("document", "document"), ("shape", "other")])
def test_uploads_are_audited_with_their_kind(wix_backend: Site, media_type: str, kind: str) -> None:
    result = wix_backend.fire("wixMediaManager_onFileUploaded", set={"fileInfo.mediaType": media_type})
    assert result.assert_ok().value == kind
    assert_state(wix_backend, "AuditLog", [{"kind": kind}])


def test_the_audit_of_a_new_contact_matches_its_snapshot(wix_backend: Site, wix_snapshot: Snapshot) -> None:
    result = wix_backend.fire(CONTACT, set={"entity._id": "4f0c2c1e-8d7b-4d55-9a8e-0c3f2b1a5d10",
                                            "entity.info.name.first": "Ana", "entity.info.name.last": "Silva"})
    wix_snapshot(result, name="new-contact-effects")   # the Wix API calls the handler made
    wix_snapshot(wix_backend, name="new-contact-data")  # the collections they left behind


def test_no_valid_contact_payload_breaks_the_contact_handler(wix_backend: Site) -> None:
    failures = wix_backend.fuzz(CONTACT, n=200, seed=1)
    assert failures.empty, failures.to_string()
