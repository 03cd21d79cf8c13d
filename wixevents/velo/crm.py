"""The site's contact list and labels, as ``wix-crm-backend`` keeps them (behaviour in its module docstring).

Every function here expects the caller to hold ``site.velo.lock``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..runtime.clock import iso
from .errors import VeloError
from .items import normalise

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["append_or_create", "create", "find", "find_or_create_label", "label", "refresh", "update"]

_LISTS = ("emails", "phones", "addresses", "labelKeys")


def refresh(site: VeloSite, contact: dict[str, Any], activity: str | None = None,
            now: str | None = None) -> dict[str, Any]:
    """Derived fields: primary email and phone, display names, date, last activity."""
    info = contact["info"]
    for kind in ("emails", "phones"):
        for entry in info.get(kind) or []:
            entry.setdefault("_id", site.ids())
    name = info.get("name") or {}
    first, last = name.get("first") or "", name.get("last") or ""
    if first or last:
        info.setdefault("extendedFields", {}).update({"contacts.displayByFirstName": f"{first} {last}".strip(),
                                                      "contacts.displayByLastName": f"{last} {first}".strip()})
    primary = {k: next((e.get(field) for e in info.get(kind) or [] if e.get("primary")),
                       next((e.get(field) for e in info.get(kind) or []), None))
               for k, kind, field in (("email", "emails", "email"), ("phone", "phones", "phone"))}
    contact["primaryInfo"] = {k: v for k, v in primary.items() if v is not None}
    contact["_updatedDate"] = now or iso(site.clock.now())
    if activity:
        contact["lastActivity"] = {"activityDate": contact["_updatedDate"], "activityType": activity}
    return contact


def _same(kind: str, entry: Any) -> Any:
    """What makes two list entries the same: the address for emails, the number for phones."""
    if kind == "emails" and isinstance(entry, Mapping):
        return ("email", str(entry.get("email", "")).lower())
    if kind == "phones" and isinstance(entry, Mapping):
        return ("phone", entry.get("phone"))
    return repr(entry)


def find(site: VeloSite, contact_id: Any) -> dict[str, Any]:
    """The stored contact (rejects an unknown ID, as ``getContact`` does)."""
    found = site.velo.contacts.get(contact_id) if isinstance(contact_id, str) else None
    if found is None:
        raise VeloError(f"Contact {contact_id!r} not found.", "NOT_FOUND")
    return found


def create(site: VeloSite, info: Mapping[str, Any], allow_duplicates: bool) -> dict[str, Any]:
    """A new contact (revision 0) from ``info``; an email in use fails unless ``allow_duplicates``."""
    given = normalise(info)
    if not (given.get("name") or given.get("emails") or given.get("phones")):
        raise VeloError("A contact needs a name, an email address or a phone number.", "INVALID_ARGUMENT")
    emails = {e.get("email", "").lower() for e in given.get("emails") or []}
    if not allow_duplicates and any(e.get("email", "").lower() in emails for c in site.velo.contacts.values()
                                    for e in c["info"].get("emails") or []):
        raise VeloError(f"A contact with email {', '.join(sorted(emails))} already exists; pass "
                        "{'allowDuplicates': True} to create another.", "ALREADY_EXISTS")
    now = iso(site.clock.now())
    contact = {"_id": site.ids(), "revision": 0, "source": {"sourceType": "OTHER", "appId": "v4.createContact"},
               "_createdDate": now, "_updatedDate": now, "info": given}
    site.velo.contacts[contact["_id"]] = refresh(site, contact, "CONTACT_CREATED", now)
    return contact


def update(site: VeloSite, identifiers: Mapping[str, Any], info: Mapping[str, Any]) -> dict[str, Any]:
    """Replace the given top-level ``info`` fields of the contact (its ``revision`` must match)."""
    contact = find(site, identifiers.get("contactId"))
    if identifiers.get("revision") != contact["revision"]:
        raise VeloError(f"Contact {contact['_id']} is at revision {contact['revision']}, not "
                        f"{identifiers.get('revision')!r}: get it again and retry.", "ABORTED")
    contact["info"].update(normalise(info))
    contact["revision"] += 1
    return refresh(site, contact)


def _keys(info: Mapping[str, Any]) -> set[Any]:
    return {_same(kind, e) for kind in ("emails", "phones") for e in info.get(kind) or []}


def append_or_create(site: VeloSite, info: Mapping[str, Any]) -> dict[str, Any]:
    """The contact sharing an email or phone with ``info``, filled in and added to, else a new one."""
    given = normalise(info)
    wanted = _keys(given)
    match = next((c for c in site.velo.contacts.values() if wanted & _keys(c["info"])), None)
    if match is None:
        return create(site, given, allow_duplicates=True)
    have = match["info"]
    for key, value in given.items():
        if key in _LISTS:
            known = {_same(key, v) for v in have.get(key) or []}
            have[key] = (have.get(key) or []) + [v for v in value if _same(key, v) not in known]
        elif not have.get(key):
            have[key] = value
    match["revision"] += 1
    return refresh(site, match)


def find_or_create_label(site: VeloSite, display_name: str) -> tuple[dict[str, Any], bool]:
    """The label with key ``custom.<slug of display_name>`` and whether it was just made."""
    key = "custom." + (re.sub(r"[\W_]+", "-", display_name.strip().lower()).strip("-") or "label")
    new = key not in site.velo.labels
    if new:
        now = iso(site.clock.now())
        site.velo.labels[key] = {"key": key, "displayName": display_name, "labelType": "USER_DEFINED",
                                 "namespace": "custom", "_createdDate": now, "_updatedDate": now}
    return site.velo.labels[key], new


def label(site: VeloSite, contact_id: Any, keys: list[str], *, add: bool) -> dict[str, Any]:
    """Add (or remove) existing labels to (from) a contact."""
    contact = find(site, contact_id)
    unknown = [k for k in keys if k not in site.velo.labels]
    if unknown:
        raise VeloError(f"Label(s) {', '.join(unknown)} do not exist; create them with "
                        "contacts.findOrCreateLabel(displayName).", "NOT_FOUND")
    now = contact["info"].get("labelKeys") or []
    contact["info"]["labelKeys"] = [*now, *(k for k in keys if k not in now)] if add else [
        k for k in now if k not in keys]
    contact["revision"] += 1
    return refresh(site, contact)
