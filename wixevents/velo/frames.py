"""DataFrames of the simulated site: a collection, contacts, members, emails, HTTP calls.

Each table is a fresh DataFrame built from a snapshot (changing it changes
nothing on the site). Rows keep the order things were added in; nested values
(lists, objects) stay Python lists and dicts in their cells; other columns get
the types pandas gives the values (``pd.DataFrame(rows)``), counters are
nullable integers (``Int64``).

* a collection: one row per item, ``_id``, ``_owner``, ``_createdDate``,
  ``_updatedDate`` first, then the fields in the order they first appear;
* contacts: ``_id``, ``firstName``, ``lastName``, ``email``, ``phone`` (the
  primary ones), ``labelKeys``, ``revision``, ``_createdDate``, ``_updatedDate``;
* members: ``_id``, ``loginEmail``, ``status``, ``contactId``, ``firstName``,
  ``lastName``, ``nickname``, ``_createdDate``, ``_updatedDate``;
* emails (triggered emails, never sent): ``seq``, ``call``, ``kind`` (``contact``
  or ``member``), ``emailId`` (the template), ``recipient`` (contact or member
  ID), ``to`` (the address when the site knows it), ``variables``, ``time``;
* HTTP calls: ``seq``, ``call``, ``method``, ``url``, ``body``, ``status``,
  ``response`` (the body text), ``error``, ``time``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .._frames import tagged
from .items import SYSTEM

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd

__all__ = ["EMAIL_COLUMNS", "HTTP_COLUMNS", "collection_frame", "contacts_frame", "emails_frame", "http_frame",
           "media_frame", "members_frame", "notifications_frame"]

CONTACT_COLUMNS = ["_id", "firstName", "lastName", "email", "phone", "labelKeys", "revision", "_createdDate",
                   "_updatedDate"]
MEMBER_COLUMNS = ["_id", "loginEmail", "status", "contactId", "firstName", "lastName", "nickname", "_createdDate",
                  "_updatedDate"]
EMAIL_COLUMNS = ["seq", "call", "kind", "emailId", "recipient", "to", "variables", "time"]
HTTP_COLUMNS = ["seq", "call", "method", "url", "body", "status", "response", "error", "time"]
MEDIA_COLUMNS = ["fileUrl", "originalFileName", "mimeType", "mediaType", "sizeInBytes", "parentFolderId", "isPrivate",
                 "sourceURL", "_createdDate"]


def _frame(rows: Iterable[Mapping[str, Any]], columns: list[str], ints: Iterable[str] = ()) -> pd.DataFrame:
    found = list(rows)
    frame = pd.DataFrame([{c: r.get(c) for c in columns} for r in found], columns=columns)
    for column in columns:
        if found and any(isinstance(r.get(column), (list, dict)) for r in found):  # JSON values as they are
            frame[column] = pd.Series([r.get(column) for r in found], dtype=object, index=frame.index)
    for column in ints:
        frame[column] = frame[column].astype("Int64")
    found_frame: pd.DataFrame = frame
    return tagged(found_frame, columns[0])


def collection_frame(items: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    found = list(items)
    columns = list(SYSTEM) + [k for k in dict.fromkeys(k for i in found for k in i) if k not in SYSTEM]
    frame: pd.DataFrame = pd.DataFrame(found, columns=columns) if found else pd.DataFrame(columns=columns)
    return tagged(frame, "_id")


def contacts_frame(contacts: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    rows = [{"_id": c["_id"], "firstName": (c.get("info", {}).get("name") or {}).get("first"),
             "lastName": (c.get("info", {}).get("name") or {}).get("last"),
             "email": (c.get("primaryInfo") or {}).get("email"), "phone": (c.get("primaryInfo") or {}).get("phone"),
             "labelKeys": list(c.get("info", {}).get("labelKeys") or []), "revision": c.get("revision"),
             "_createdDate": c.get("_createdDate"), "_updatedDate": c.get("_updatedDate")} for c in contacts]
    return _frame(rows, CONTACT_COLUMNS, ["revision"])


def members_frame(members: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    rows = [{**{k: m.get(k) for k in MEMBER_COLUMNS}, "firstName": (m.get("contactDetails") or {}).get("firstName"),
             "lastName": (m.get("contactDetails") or {}).get("lastName"),
             "nickname": (m.get("profile") or {}).get("nickname")} for m in members]
    return _frame(rows, MEMBER_COLUMNS)


def emails_frame(emails: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    return _frame(emails, EMAIL_COLUMNS, ["seq", "call"])


def http_frame(calls: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    return _frame(calls, HTTP_COLUMNS, ["seq", "call", "status"])


def media_frame(files: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    return _frame(files, MEDIA_COLUMNS, ["sizeInBytes"])


NOTIFICATION_COLUMNS = ["seq", "call", "body", "channels", "title", "recipients", "action", "time"]


def notifications_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    return _frame(rows, NOTIFICATION_COLUMNS, ["seq", "call"])
