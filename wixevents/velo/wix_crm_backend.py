"""``wix-crm-backend``, simulated: ``contacts`` and ``triggeredEmails``.

::

    from wixevents.velo.wix_crm_backend import contacts, triggeredEmails
    found = contacts.appendOrCreateContact({"emails": [{"email": "ana@example.com"}]})
    label = contacts.findOrCreateLabel("Web lead")["label"]
    contacts.labelContact(found["contactId"], [label["key"]])
    triggeredEmails.emailContact("thanks", found["contactId"], {"variables": {"name": "Ana"}})

Contacts are shaped as Wix returns them (``_id``, ``revision``, ``info``,
``primaryInfo``, ``lastActivity``, ``source``, dates) and follow Wix's rules:
``createContact`` needs a name, an email or a phone and refuses an email another
contact has unless ``allowDuplicates``; a new contact has ``revision`` 0, and
every change adds 1; ``updateContact`` needs the current ``revision``;
``appendOrCreateContact`` finds a contact by email or phone (no member is logged
in inside a backend event), fills its empty fields and adds to its lists, else
creates one, and returns ``{contactId, identityType}``; labels must exist
(``findOrCreateLabel``, key ``custom.<display-name-slug>``) before
``labelContact`` adds them. Triggered emails are recorded in ``site.emails()``,
never sent; variable values must be text, as Wix requires.

Choices: ``updateContact`` replaces each top-level ``info`` field it is given and
keeps the others; emailing a contact or member the site does not know is
recorded with an empty ``to`` (sample payloads name contacts a fresh site lacks)
and warns, so the run's log says which ID to seed;
subscription status is not modelled.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..events.event import WixObject
from ..runtime.clock import iso
from . import contacts_query, crm
from .contacts_query import ContactsQuery
from .errors import VeloError
from .items import returned
from .record import current_call, recorded

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["contacts", "notifications", "triggeredEmails"]

MODULE = "wix-crm-backend"


def _call(function: str, args: dict[str, Any], body: Callable[[VeloSite], Mapping[str, Any]],
          options: Any = None) -> WixObject:
    """One recorded contacts call: ``body`` runs under the state lock; the caller gets a copy."""
    def locked(site: VeloSite) -> WixObject:
        with site.velo.lock:
            return returned(body(site))
    auth = isinstance(options, Mapping) and bool(options.get("suppressAuth"))
    return recorded(MODULE, function, {**args, "options": options}, locked, elevated=auth)


class Contacts:
    """``contacts`` of ``wix-crm-backend``."""

    def createContact(self, contactInfo: Mapping[str, Any], options: Mapping[str, Any] | None = None) -> WixObject:
        allow = isinstance(options, Mapping) and bool(options.get("allowDuplicates"))
        return _call("contacts.createContact", {"contactInfo": contactInfo},
                     lambda site: crm.create(site, contactInfo, allow), options)

    def getContact(self, contactId: str, options: Mapping[str, Any] | None = None) -> WixObject:
        return _call("contacts.getContact", {"contactId": contactId}, lambda site: crm.find(site, contactId), options)

    def updateContact(self, identifiers: Mapping[str, Any], contactInfo: Mapping[str, Any],
                      options: Mapping[str, Any] | None = None) -> WixObject:
        return _call("contacts.updateContact", {"identifiers": identifiers, "contactInfo": contactInfo},
                     lambda site: crm.update(site, identifiers, contactInfo), options)

    def appendOrCreateContact(self, contactInfo: Mapping[str, Any]) -> WixObject:
        def body(site: VeloSite) -> dict[str, Any]:
            return {"contactId": crm.append_or_create(site, contactInfo)["_id"], "identityType": "CONTACT"}
        return _call("contacts.appendOrCreateContact", {"contactInfo": contactInfo}, body)

    def findOrCreateLabel(self, displayName: str, options: Mapping[str, Any] | None = None) -> WixObject:
        def body(site: VeloSite) -> dict[str, Any]:
            found, new = crm.find_or_create_label(site, displayName)
            return {"label": found, "newLabel": new}
        return _call("contacts.findOrCreateLabel", {"displayName": displayName}, body, options)

    def labelContact(self, contactId: str, labelKeys: list[str], options: Mapping[str, Any] | None = None) -> WixObject:
        return _call("contacts.labelContact", {"contactId": contactId, "labelKeys": labelKeys},
                     lambda site: crm.label(site, contactId, labelKeys, add=True), options)

    def unlabelContact(self, contactId: str, labelKeys: list[str],
                       options: Mapping[str, Any] | None = None) -> WixObject:
        return _call("contacts.unlabelContact", {"contactId": contactId, "labelKeys": labelKeys},
                     lambda site: crm.label(site, contactId, labelKeys, add=False), options)

    def queryContacts(self) -> ContactsQuery:
        """A query of the site's contacts (:mod:`.contacts_query`); ``find()``/``count()`` are the recorded calls."""
        return ContactsQuery()

    def query_find(self, spec: dict[str, Any], options: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """``queryContacts().find()`` for a query given as JSON data (the JavaScript builder's)."""
        return contacts_query.query_find(spec, dict(options) if options is not None else None)

    def query_count(self, spec: dict[str, Any], options: Mapping[str, Any] | None = None) -> int:
        return contacts_query.query_count(spec, dict(options) if options is not None else None)


class Notifications:
    """``notifications`` of ``wix-crm-backend``: ``notify`` is kept in ``site.notifications()``, never delivered."""

    CHANNELS = ("Mobile", "Dashboard", "Browser")

    def notify(self, body: str, channels: list[str], options: Mapping[str, Any] | None = None) -> None:
        def work(site: VeloSite) -> None:
            wrong = [c for c in channels or [] if c not in self.CHANNELS]
            if not channels or wrong:
                raise VeloError(f"notify needs channels from {', '.join(self.CHANNELS)}; got {channels!r}.",
                                "INVALID_ARGUMENT")
            seq, call = current_call()
            given = dict(options or {})
            with site.velo.lock:
                site.velo.notifications.append({
                    "seq": seq, "call": call, "body": body, "channels": list(channels),
                    "title": given.get("title"), "recipients": given.get("recipients"),
                    "action": given.get("actionTitle"), "time": iso(site.clock.now())})
        recorded(MODULE, "notifications.notify", {"body": body, "channels": channels, "options": options}, work)


class TriggeredEmails:
    """``triggeredEmails`` of ``wix-crm-backend``: emails are recorded in ``site.emails()``, not sent."""

    def emailContact(self, emailId: str, contactId: str, options: Mapping[str, Any] | None = None) -> None:
        self._send("emailContact", "contact", emailId, contactId, options)

    def emailMember(self, emailId: str, memberId: str, options: Mapping[str, Any] | None = None) -> None:
        self._send("emailMember", "member", emailId, memberId, options)

    def _send(self, function: str, kind: str, email_id: str, recipient: str, options: Any,
              module: str = MODULE, key: str | None = None) -> None:
        """Record one triggered email; ``module``/``key`` let ``wix-users-backend``'s ``emailUser`` share it."""
        def body(site: VeloSite) -> None:
            variables = dict((options or {}).get("variables") or {})
            wrong = {k: type(v).__name__ for k, v in variables.items() if not isinstance(v, str)}
            if wrong:
                raise VeloError(f"Triggered email variables must be text; got {wrong}. Pass str(value).",
                                "INVALID_ARGUMENT")
            with site.velo.lock:
                store = site.velo.contacts if kind == "contact" else site.velo.members
                if kind == "contact":
                    to = (store.get(recipient) or {}).get("primaryInfo", {}).get("email")
                else:
                    to = (store.get(recipient) or {}).get("loginEmail")
                if recipient not in store:
                    seeds = "contacts" if kind == "contact" else "members"
                    warnings.warn(f"{function}: no {kind} {recipient!r} on this site, so the email is recorded with "
                                  f"no address; seed one with site.seed({seeds}=[{{'_id': {recipient!r}, ...}}])",
                                  UserWarning, stacklevel=2)
                seq, call = current_call()
                site.velo.emails.append({"seq": seq, "call": call, "kind": kind, "emailId": email_id,
                                         "recipient": recipient, "to": to, "variables": variables,
                                         "time": iso(site.clock.now())})
        key = key or ("contactId" if kind == "contact" else "memberId")
        name = f"triggeredEmails.{function}" if module == MODULE else function
        recorded(module, name, {"emailId": email_id, key: recipient, "options": options}, body)


contacts = Contacts()
triggeredEmails = TriggeredEmails()
notifications = Notifications()
