"""Parity pairs, continued: data item events (cascades, queries) and bookings (Velo and SDK spellings).

See :mod:`parity_handlers` for what a pair is and how the two languages are kept equal.
"""

from __future__ import annotations

import json
from typing import Any

from parity_handlers import CALENDAR, first, ids

from wixevents import Site
from wixevents.velo import wix_data
from wixevents.velo.wix_auth import elevate
from wixevents.velo.wix_crm_backend import triggeredEmails
from wixevents.velo.wix_fetch import fetch
from wixevents.velo.wix_secrets_backend import getSecret


# -- data items: a count per collection (its own inserts cascade back), an audit log, comments removed by query -------
def item_created(event: Any) -> Any:
    entity = first(event.get("entity"), {})
    collection = entity.get("dataCollectionId")
    if not collection or collection == "CollectionStats":
        return None
    stats = wix_data.get("CollectionStats", collection)
    return wix_data.save("CollectionStats", {"_id": collection, "created": first((stats or {}).get("created"), 0) + 1,
                                             "lastItemId": entity["_id"]})


CREATED_JS = """import wixData from "wix-data";

export async function wixData_onDataItemCreated(event) {
  const entity = event.entity ?? {};
  const collection = entity.dataCollectionId;
  if (!collection || collection === "CollectionStats") return null;
  const stats = await wixData.get("CollectionStats", collection);
  return wixData.save("CollectionStats", { _id: collection, created: (stats?.created ?? 0) + 1,
                                           lastItemId: entity._id });
}
"""


def item_updated(event: Any) -> Any:
    entity = first(event.get("entity"), {})
    if not entity.get("_id"):
        return None
    data = first(entity.get("data"), {})
    return wix_data.insert("AuditLog", {"collection": entity.get("dataCollectionId"), "itemId": entity["_id"],
                                        "title": data.get("title"), "at": event.metadata.eventTime})


UPDATED_JS = """import { insert } from "wix-data";

export async function wixData_onDataItemUpdated(event) {
  const entity = event.entity ?? {};
  if (!entity._id) return null;
  const data = entity.data ?? {};
  return insert("AuditLog", { collection: entity.dataCollectionId ?? null, itemId: entity._id,
                              title: data.title ?? null, at: event.metadata.eventTime });
}
"""


def item_deleted(event: Any) -> Any:
    entity = first(event.get("entity"), {})
    if not entity.get("_id"):
        return 0
    found = wix_data.query("Comments").eq("itemId", entity["_id"]).ascending("text").limit(10).find()
    for comment in found.items:
        wix_data.remove("Comments", comment._id)
    print(f"removed {found.length} of {found.totalCount} comment(s)")
    return found.length


DELETED_JS = """import wixData from "wix-data";

export async function wixData_onDataItemDeleted(event) {
  const entity = event.entity ?? {};
  if (!entity._id) return 0;
  const found = await wixData.query("Comments").eq("itemId", entity._id).ascending("text").limit(10).find();
  for (const comment of found.items) await wixData.remove("Comments", comment._id);
  console.log(`removed ${found.length} of ${found.totalCount} comment(s)`);
  return found.length;
}
"""


def seed_comments(site: Site) -> None:
    deleted = ids("wixData_onDataItemDeleted", lambda p: (p.get("entity") or {}).get("_id"))
    site.seed(collections={"Comments": [{"_id": f"c-{n}-{i}", "itemId": item, "text": f"comment {i}"}
                                        for n, item in enumerate(deleted) for i in range(n % 3)]})


# -- bookings, Velo spellings: stored, confirmed with an email, canceled elevated with a calendar call ----------------
def booking_created(event: Any) -> Any:
    entity = first(event.get("entity"), {})
    if not entity.get("_id"):
        return None
    details = first(entity.get("contactDetails"), {})
    return wix_data.insert("Bookings", {"_id": entity["_id"], "status": entity.get("status"),
                                        "email": details.get("email"), "start": entity.get("startDate"),
                                        "participants": entity.get("totalParticipants")})


BOOKING_CREATED_JS = """import wixData from "wix-data";

export async function wixBookings_onBookingCreated(event) {
  const entity = event.entity ?? {};
  if (!entity._id) return null;
  const details = entity.contactDetails ?? {};
  return wixData.insert("Bookings", { _id: entity._id, status: entity.status ?? null, email: details.email ?? null,
                                      start: entity.startDate ?? null,
                                      participants: entity.totalParticipants ?? null });
}
"""


def booking_confirmed(event: Any) -> Any:
    booking = first(event.get("booking"), {})
    if not booking.get("_id"):
        return None
    stored = wix_data.get("Bookings", booking["_id"])
    saved = wix_data.save("Bookings", {**(stored or {"_id": booking["_id"]}), "status": "CONFIRMED"})
    contact = first(first(booking.get("formInfo"), {}).get("contactDetails"), {})
    if contact.get("contactId"):
        title = first(booking.get("bookedEntity"), {}).get("title") or ""
        triggeredEmails.emailContact("booking_confirmed", contact["contactId"], {"variables": {"title": title}})
    return saved


BOOKING_CONFIRMED_JS = """import wixData from "wix-data";
import { triggeredEmails } from "wix-crm-backend";

export async function wixBookings_onBookingConfirmed(event) {
  const booking = event.booking ?? {};
  if (!booking._id) return null;
  const stored = await wixData.get("Bookings", booking._id);
  const saved = await wixData.save("Bookings", { ...(stored ?? { _id: booking._id }), status: "CONFIRMED" });
  const contact = (booking.formInfo ?? {}).contactDetails ?? {};
  if (contact.contactId) {
    const title = (booking.bookedEntity ?? {}).title || "";
    await triggeredEmails.emailContact("booking_confirmed", contact.contactId, { variables: { title } });
  }
  return saved;
}
"""


def booking_canceled(event: Any) -> Any:
    booking = first(event.get("booking"), {})
    stored = wix_data.get("Bookings", booking["_id"]) if booking.get("_id") else None
    if stored is None:
        print("not a booking of ours")
        return None
    updated = elevate(wix_data.update)("Bookings", {**stored, "status": "CANCELED"})
    response = fetch(CALENDAR, {"method": "POST", "headers": {"Authorization": f"Bearer {getSecret('calendar-token')}"},
                                "body": json.dumps({"bookingId": booking["_id"]}, separators=(",", ":"))})
    return {"booking": updated, "calendar": response.json(), "ok": response.ok}


BOOKING_CANCELED_JS = """import wixData from "wix-data";
import { elevate } from "wix-auth";
import { fetch } from "wix-fetch";
import { getSecret } from "wix-secrets-backend";

export async function wixBookings_onBookingCanceled(event) {
  const booking = event.booking ?? {};
  const stored = booking._id ? await wixData.get("Bookings", booking._id) : null;
  if (stored === null) {
    console.log("not a booking of ours");
    return null;
  }
  const updated = await elevate(wixData.update)("Bookings", { ...stored, status: "CANCELED" });
  const response = await fetch("https://calendar.example.com/api/cancel", { method: "POST",
    headers: { Authorization: `Bearer ${await getSecret("calendar-token")}` },
    body: JSON.stringify({ bookingId: booking._id }) });
  return { booking: updated, calendar: await response.json(), ok: response.ok };
}
"""
