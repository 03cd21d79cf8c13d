"""Hand-written field notes for the key fields of the six seed categories.

These sentences are the project's own words (facts such as field names and enum
values come from the reference). ``apply`` copies them into the generated
catalog entries; ``Catalog.fields()`` shows them in its ``description`` column.
"""

from __future__ import annotations

from typing import Any

_META = {
    "metadata.id": "ID of this delivery of the event; a repeated delivery keeps it, so use it to skip duplicates.",
    "metadata.entityId": "ID of the object the event is about.",
    "metadata.eventTime": "When the change happened on the site (UTC, ISO 8601 text).",
    "metadata.triggeredByAnonymizeRequest": "True when a privacy (GDPR) erase request caused the change.",
}

_INVOICE = {
    "id.id": "The invoice ID (the outer `id` also carries a version number).",
    "status": "Where the invoice stands; `Paid` for this event.",
    "number": "Human-facing invoice number, as printed on the invoice.",
    "currency": "Three-letter currency code of every amount on the invoice.",
    "customer.email": "Where the invoice was sent; the usual key to find the contact.",
    "customer.contactId": "Contact ID of the customer in the site's contact list.",
    "totals.total": "Amount due, taxes and discounts included (a number).",
    "payments": "Payments recorded against the invoice, newest last.",
    "dates.dueDate": "Day the payment was due.",
}

_MEDIA = {
    "fileInfo.fileUrl": "Wix media URL of the new file (`wix:image://`, `wix:video://`, ...).",
    "fileInfo.originalFileName": "Name of the file on the uploader's computer.",
    "fileInfo.mediaType": "Broad kind of file: image, video, audio, document or shape.",
    "fileInfo.sizeInBytes": "File size in bytes.",
    "fileInfo.isPrivate": "True for files kept out of public URLs.",
    "fileInfo.parentFolderId": "Media Manager folder the file was put in.",
    "context": "The key/value strings the uploading code attached, if any.",
}

_FORM_OLD = {
    "contactId": "Contact created or matched for the person who submitted.",
    "formName": "Name the site owner gave the form.",
    "submissionTime": "When the form was sent.",
    "submissionData": "One `{fieldName, fieldValue}` pair per form field, in form order.",
    "attachments": "Files uploaded through the form.",
}

_FORM_NEW = {
    "entity._id": "Submission ID.",
    "entity.formId": "ID of the form that was filled in.",
    "entity.status": "Submission state; forms with payment wait in `PAYMENT_WAITING`.",
    "entity.submissions": "The answers, keyed by form field key.",
    "entity.submitter": "Who submitted: a member, a visitor, an app or a Wix user.",
}

_MEMBER = {
    "entity._id": "Member ID.",
    "entity.loginEmail": "Email the member signs in with.",
    "entity.status": "Site access: `PENDING` while the owner must approve, then `APPROVED` or `BLOCKED`.",
    "entity.contactId": "The member's contact in the site's contact list.",
    "entity.profile.nickname": "Name shown on the member's profile.",
    "entity.privacyStatus": "Whether the profile is public or private.",
}

_DATA = {
    "entity._id": "ID of the item that changed.",
    "entity.dataCollectionId": "Collection the item belongs to; one handler serves every collection.",
    "entity.data": "The item's fields, with the collection's own field keys (no renaming).",
}

_BOOKING_V2 = {
    "entity._id": "Booking ID.",
    "entity.status": "Booking state, e.g. `CREATED`, `CONFIRMED`, `CANCELED`.",
    "entity.paymentStatus": "Whether the booking is paid.",
    "entity.contactDetails.email": "Email of the person who booked.",
    "entity.startDate": "When the booked session starts.",
}

_BOOKING_V2_ACTION = {k.replace("entity.", "data.booking."): v for k, v in _BOOKING_V2.items()} | {
    "data.previousStatus": "Booking status before this change.",
}

_BOOKING_V1 = {
    "trigger": "What caused the event, e.g. `OWNER_CANCELED` or `MEMBER_CANCELED`.",
    "booking._id": "Booking ID.",
    "booking.status": "Booking state after the change.",
    "previousBooking": "The booking as it was before the change.",
}

NOTES: dict[str, dict[str, str]] = {
    "wixBilling_onInvoicePaid": _INVOICE,
    "wixMediaManager_onFileUploaded": _MEDIA,
    "wixCrm_onFormSubmit": _FORM_OLD,
    "wixForms_onSubmissionCreated": _FORM_NEW | _META,
    "wixMembers_onMemberCreated": _MEMBER | _META,
    "wixMembers_onMemberUpdated": _MEMBER | _META,
    "wixData_onDataItemCreated": _DATA | _META,
    "wixData_onDataItemUpdated": _DATA | _META,
    "wixData_onDataItemDeleted": _DATA | _META,
    "wixBookings_onBookingCreated": _BOOKING_V2 | _META,
    "wixBookingsV2_onBookingConfirmed": _BOOKING_V2_ACTION | _META,
    "wixBookingsV2_onBookingCanceled": _BOOKING_V2_ACTION | _META,
    "wixBookings_onBookingConfirmed": _BOOKING_V1,
    "wixBookings_onBookingCanceled": _BOOKING_V1,
    "wixBookings_onBookingRequestCreated": _BOOKING_V1,
}


def apply(entries: dict[str, Any]) -> None:
    """Attach the notes to their catalog entries (every entry gets the key)."""
    for name, e in entries.items():
        e["notes"] = dict(sorted(NOTES.get(name, {}).items()))
