"""Parity pairs, last part: bookings V2 in the SDK's spellings, and the list of every pair.

See :mod:`parity_handlers` for what a pair is and how the two languages are kept equal.
"""

from __future__ import annotations

import json
from typing import Any

import parity_data as d
import parity_handlers as h
from parity_handlers import CALENDAR, Pair, first, ids

from wixevents import Site
from wixevents.velo.sdk_data import items
from wixevents.velo.wix_auth import elevate
from wixevents.velo.wix_fetch import fetch
from wixevents.velo.wix_secrets_backend import getSecret


def booking_created_v2(event: Any) -> Any:
    entity = first(event.get("entity"), {})
    if not entity.get("_id"):
        return None
    print(f"booking {entity['_id']} for {first(entity.get('totalParticipants'), 0)}")
    return items.save("Bookings", {"_id": entity["_id"], "status": entity.get("status"),
                                   "start": entity.get("startDate")})


CREATED_V2_JS = """import { items } from "@wix/data";

export async function wixBookingsV2_onBookingCreated(event) {
  const entity = event.entity ?? {};
  if (!entity._id) return null;
  console.log(`booking ${entity._id} for ${entity.totalParticipants ?? 0}`);
  return items.save("Bookings", { _id: entity._id, status: entity.status ?? null, start: entity.startDate ?? null });
}
"""


def booking_confirmed_v2(event: Any) -> Any:
    booking = first(first(event.get("data"), {}).get("booking"), {})
    if not booking.get("_id"):
        return None
    saved = elevate(items.save)("Bookings", {"_id": booking["_id"], "status": "CONFIRMED",
                                             "email": first(booking.get("contactDetails"), {}).get("email"),
                                             "confirmedAt": event.metadata.eventTime})
    confirmed = items.query("Bookings").eq("status", "CONFIRMED").count()
    print(f"{confirmed} confirmed booking(s)")
    return saved


CONFIRMED_V2_JS = """import { items } from "@wix/data";
import { auth } from "@wix/essentials";

export async function wixBookingsV2_onBookingConfirmed(event) {
  const booking = (event.data ?? {}).booking ?? {};
  if (!booking._id) return null;
  const saved = await auth.elevate(items.save)("Bookings", { _id: booking._id, status: "CONFIRMED",
    email: (booking.contactDetails ?? {}).email ?? null, confirmedAt: event.metadata.eventTime });
  const confirmed = await items.query("Bookings").eq("status", "CONFIRMED").count();
  console.log(`${confirmed} confirmed booking(s)`);
  return saved;
}
"""


def booking_canceled_v2(event: Any) -> Any:
    booking = first(first(event.get("data"), {}).get("booking"), {})
    if not booking.get("_id"):
        return None
    stored = items.get("Bookings", booking["_id"])
    updated = items.update("Bookings", {**stored, "status": "CANCELED", "canceledAt": event.metadata.eventTime})
    response = fetch(CALENDAR, {"method": "POST", "headers": {"Authorization": f"Bearer {getSecret('calendar-token')}"},
                                "body": json.dumps({"bookingId": booking["_id"]}, separators=(",", ":"))})
    return {"booking": updated, "calendar": response.json()}


CANCELED_V2_JS = """import { items } from "@wix/data";
import { secrets } from "@wix/secrets";
import wixFetch from "wix-fetch";

export async function wixBookingsV2_onBookingCanceled(event) {
  const booking = event.data?.booking ?? {};
  if (!booking._id) return null;
  const stored = await items.get("Bookings", booking._id);
  const updated = await items.update("Bookings", { ...stored, status: "CANCELED",
                                                    canceledAt: event.metadata.eventTime });
  const { value } = await secrets.getSecretValue("calendar-token");
  const response = await wixFetch.fetch("https://calendar.example.com/api/cancel", {
    method: "POST", headers: { Authorization: `Bearer ${value}` }, body: JSON.stringify({ bookingId: booking._id }) });
  return { booking: updated, calendar: await response.json() };
}
"""


def seed_bookings(event: str, path: Any) -> Any:
    """A setup seeding Bookings with every sample's booking (every other one for V1, so some are missing)."""
    def setup(site: Site) -> None:
        found = ids(event, path)
        if event.startswith("wixBookings_"):
            found = found[::2]
        site.seed(collections={"Bookings": [{"_id": b, "status": "PENDING"} for b in found]},
                  secrets={"calendar-token": "cal_test_42"})
        site.http.stub(CALENDAR, json={"released": True}, method="POST")
    return setup


def _v1(p: dict[str, Any]) -> Any:
    return (p.get("booking") or {}).get("_id")


def _v2(p: dict[str, Any]) -> Any:
    return ((p.get("data") or {}).get("booking") or {}).get("_id")


PAIRS = [
    Pair("wixBilling_onInvoicePaid", {"wixBilling_onInvoicePaid": h.invoice_paid,
                                      "Payments_beforeInsert": h.payments_before_insert},
         {"events.js": h.INVOICE_JS, "data.js": h.PAYMENTS_HOOK_JS}, h.seed_customers),
    Pair("wixMediaManager_onFileUploaded", {"wixMediaManager_onFileUploaded": h.file_uploaded},
         {"events.js": h.MEDIA_JS}),
    Pair("wixCrm_onFormSubmit", {"wixCrm_onFormSubmit": h.form_submit}, {"events.js": h.FORM_JS}),
    Pair("wixForms_onSubmissionCreated", {"wixForms_onSubmissionCreated": h.submission_created},
         {"events.js": h.SUBMISSION_JS}),
    Pair("wixMembers_onMemberCreated", {"wixMembers_onMemberCreated": h.member_created}, {"events.js": h.MEMBER_JS}),
    Pair("wixData_onDataItemCreated", {"wixData_onDataItemCreated": d.item_created}, {"events.js": d.CREATED_JS}),
    Pair("wixData_onDataItemUpdated", {"wixData_onDataItemUpdated": d.item_updated}, {"events.js": d.UPDATED_JS}),
    Pair("wixData_onDataItemDeleted", {"wixData_onDataItemDeleted": d.item_deleted}, {"events.js": d.DELETED_JS},
         d.seed_comments),
    Pair("wixBookings_onBookingCreated", {"wixBookings_onBookingCreated": d.booking_created},
         {"events.js": d.BOOKING_CREATED_JS}),
    Pair("wixBookings_onBookingConfirmed", {"wixBookings_onBookingConfirmed": d.booking_confirmed},
         {"events.js": d.BOOKING_CONFIRMED_JS}, seed_bookings("wixBookings_onBookingConfirmed", _v1)),
    Pair("wixBookings_onBookingCanceled", {"wixBookings_onBookingCanceled": d.booking_canceled},
         {"events.js": d.BOOKING_CANCELED_JS}, seed_bookings("wixBookings_onBookingCanceled", _v1)),
    Pair("wixBookingsV2_onBookingCreated", {"wixBookingsV2_onBookingCreated": booking_created_v2},
         {"events.js": CREATED_V2_JS}),
    Pair("wixBookingsV2_onBookingConfirmed", {"wixBookingsV2_onBookingConfirmed": booking_confirmed_v2},
         {"events.js": CONFIRMED_V2_JS}, seed_bookings("wixBookingsV2_onBookingConfirmed", _v2)),
    Pair("wixBookingsV2_onBookingCanceled", {"wixBookingsV2_onBookingCanceled": booking_canceled_v2},
         {"events.js": CANCELED_V2_JS}, seed_bookings("wixBookingsV2_onBookingCanceled", _v2)),
]
