"""The built-in scenarios: lifecycles of an order, an invoice, a booking, a member, a form, a data item, a plan.

Each is plain data (see :mod:`wixevents.events.scenario`), uses only events of the
catalog, gives its entity one ID made fresh at each play, and sets the states in
between (an order ``INITIALIZED`` → ``APPROVED``, payment ``NOT_PAID`` → ``PAID``,
...). Where Wix documents the order of the events of a flow, the scenario follows
it and its ``source`` names the page; elsewhere the order is the plain order of the
entity's life (created before updated before deleted), which Wix does not spell out.

* ``order-lifecycle``, ``order-refund`` -- Wix's ``onOrderApproved`` page
  (dev.wix.com/docs/velo/api-reference/wix-ecom-backend/events/on-order-approved):
  an order is approved after it is created; payment status updates follow. eCommerce
  has no refund event of its own: a refund shows as a payment status update
  (``FULLY_REFUNDED``).
* ``booking-lifecycle`` -- the Bookings V2 statuses
  (dev.wix.com/api/rest/wix-bookings/bookings-v2): a ``PENDING`` booking waits for the
  owner, then is ``CONFIRMED``; rescheduling keeps it confirmed; canceling ends it.
  The catalog names the created and rescheduled events ``wixBookings_...`` (module
  ``wix-bookings.v2``) and the confirmed and canceled ones ``wixBookingsV2_...``.
* ``pricing-plan-order`` -- the Pricing Plans "order events and statuses" table
  (dev.wix.com/docs/velo/api-reference/wix-pricing-plans-v2/events/introduction):
  created (``DRAFT``), purchased (``PENDING``), started and cycle started
  (``ACTIVE``), ended (``ENDED``).
* ``form-submission`` -- Wix Forms can upsert a contact on submission
  (dev.wix.com/docs/api-reference/crm/forms/skills/create-form); the order of the two
  events is not documented, so the contact follows the submission by one second.
* ``invoice-lifecycle``, ``member-lifecycle``, ``data-item-lifecycle`` -- no flow
  page; the entity's plain life order (invoice statuses ``Draft`` → ``Sent`` →
  ``Overdue`` → ``Paid``, from the catalog's enum).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import UnknownScenario
from .scenario import Scenario

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd

__all__ = ["BUILT_IN", "builtin", "scenarios_frame"]

_ID, _ORDER = "{{new.order}}", "{{order.id}}"


def _order_update(status: str, payment: str, after: float, event: str, **more: Any) -> dict[str, Any]:
    return {"event": event, "after": after, "set": {"data.order._id": _ORDER, "metadata.entityId": _ORDER,
                                                    "data.order.number": "{{order.entity.number}}",
                                                    "data.order.status": status, "data.order.paymentStatus": payment,
                                                    **more}}


_ORDER_CREATED = {"event": "wixEcom_onOrderCreated", "as": "order", "after": 0,
                  "set": {"entity._id": _ID, "metadata.entityId": _ID, "entity.status": "INITIALIZED",
                          "entity.paymentStatus": "NOT_PAID"}}
_ECOM_SOURCE = ("https://dev.wix.com/docs/velo/api-reference/wix-ecom-backend/events/on-order-approved "
                "(an order is approved after it is created)")


def _item(event: str, after: float, **more: Any) -> dict[str, Any]:
    return {"event": event, "after": after, "set": {"entity._id": "{{item.id}}", "metadata.entityId": "{{item.id}}",
                                                    "entity.dataCollectionId": "Orders", **more}}


def _plan_step(event: str, status: str, after: float) -> dict[str, Any]:
    return {"event": event, "after": after, "set": {"data.order._id": "{{plan.id}}", "metadata.entityId":
                                                    "{{plan.id}}", "data.order.status": status}}


def _booking(event: str, status: str, after: float, **more: Any) -> dict[str, Any]:
    return {"event": event, "after": after, "set": {"data.booking._id": "{{booking.id}}", "metadata.entityId":
                                                    "{{booking.id}}", "data.booking.status": status, **more}}


def _member(event: str, after: float, **more: Any) -> dict[str, Any]:
    return {"event": event, "after": after, "set": {"metadata.entityId": "{{member.id}}", **more}}


_DATA: list[dict[str, Any]] = [
    {"name": "order-lifecycle", "source": _ECOM_SOURCE,
     "description": "An eCommerce order is created, approved, paid, then canceled.",
     "steps": [_ORDER_CREATED,
               _order_update("APPROVED", "NOT_PAID", 5, "wixEcom_onOrderApproved"),
               _order_update("APPROVED", "PAID", 30, "wixEcom_onOrderPaymentStatusUpdated",
                             **{"data.previousPaymentStatus": "NOT_PAID"}),
               _order_update("CANCELED", "PAID", 86400, "wixEcom_onOrderCanceled")]},
    {"name": "order-refund", "source": _ECOM_SOURCE,
     "description": "An eCommerce order is created, approved, paid, then fully refunded (a payment status update).",
     "steps": [_ORDER_CREATED,
               _order_update("APPROVED", "NOT_PAID", 5, "wixEcom_onOrderApproved"),
               _order_update("APPROVED", "PAID", 30, "wixEcom_onOrderPaymentStatusUpdated",
                             **{"data.previousPaymentStatus": "NOT_PAID"}),
               _order_update("APPROVED", "FULLY_REFUNDED", 172800, "wixEcom_onOrderPaymentStatusUpdated",
                             **{"data.previousPaymentStatus": "PAID"})]},
    {"name": "invoice-lifecycle", "source": "",
     "description": "An invoice is created as a draft, sent, becomes overdue, then is paid.",
     "steps": [{"event": "wixBilling_onInvoiceCreated", "as": "invoice", "after": 0,
                "set": {"id.id": "{{new.invoice}}", "status": "Draft"}},
               {"event": "wixBilling_onInvoiceSent", "after": 600,
                "set": {"id.id": "{{invoice.id}}", "number": "{{invoice.number}}", "status": "Sent"}},
               {"event": "wixBilling_onInvoiceOverdue", "after": 2592000,
                "set": {"id.id": "{{invoice.id}}", "number": "{{invoice.number}}", "status": "Overdue"}},
               {"event": "wixBilling_onInvoicePaid", "after": 86400,
                "set": {"id.id": "{{invoice.id}}", "number": "{{invoice.number}}", "status": "Paid"}}]},
    {"name": "booking-lifecycle", "source": "https://dev.wix.com/api/rest/wix-bookings/bookings-v2 (booking "
                                            "statuses: PENDING waits for the owner, then CONFIRMED or CANCELED)",
     "description": "A booking (Bookings V2) is created, confirmed, rescheduled, then canceled.",
     "steps": [{"event": "wixBookings_onBookingCreated", "as": "booking", "after": 0,
                "set": {"entity._id": "{{new.booking}}", "metadata.entityId": "{{new.booking}}",
                        "entity.status": "PENDING"}},
               _booking("wixBookingsV2_onBookingConfirmed", "CONFIRMED", 300, **{"data.previousStatus": "PENDING"}),
               _booking("wixBookings_onBookingRescheduled", "CONFIRMED", 3600,
                        **{"data.previousStartDate": "{{booking.entity.startDate}}"}),
               _booking("wixBookingsV2_onBookingCanceled", "CANCELED", 7200, **{"data.previousStatus": "CONFIRMED"})]},
    {"name": "member-lifecycle", "source": "",
     "description": "A site member signs up, is approved and updated, then deleted.",
     "steps": [{"event": "wixMembers_onMemberCreated", "as": "member", "after": 0,
                "set": {"entity._id": "{{new.member}}", "metadata.entityId": "{{new.member}}",
                        "entity.status": "PENDING"}},
               _member("wixMembers_onMemberUpdated", 3600, **{"entity._id": "{{member.id}}",
                                                              "entity.status": "APPROVED"}),
               _member("wixMembers_onMemberDeleted", 604800)]},
    {"name": "form-submission", "source": "https://dev.wix.com/docs/api-reference/crm/forms/skills/create-form "
                                          "(a form can upsert a contact on submission; the order of the two "
                                          "events is not documented)",
     "description": "A visitor submits a form (Wix Forms); the submission also creates a contact.",
     "steps": [{"event": "wixForms_onSubmissionCreated", "as": "submission", "after": 0,
                "set": {"entity._id": "{{new.submission}}", "metadata.entityId": "{{new.submission}}",
                        "entity.status": "CONFIRMED",
                        "entity.submissions": {"first_name": "Ana", "last_name": "Silva",
                                               "email": "ana.silva@example.com"}}},
               {"event": "wixCrm_onContactCreated", "as": "contact", "after": 1,
                "set": {"entity._id": "{{new.contact}}", "metadata.entityId": "{{new.contact}}",
                        "entity.primaryInfo.email": "{{submission.entity.submissions.email}}",
                        "entity.info.name.first": "{{submission.entity.submissions.first_name}}",
                        "entity.info.name.last": "{{submission.entity.submissions.last_name}}"}}]},
    {"name": "data-item-lifecycle", "source": "",
     "description": "An item of the Orders collection is created, updated twice, then deleted; each event carries "
                    "the item's entityEventSequence.",
     "steps": [{"event": "wixData_onDataItemCreated", "as": "item", "after": 0,
                "set": {"entity._id": "{{new.item}}", "metadata.entityId": "{{new.item}}",
                        "entity.dataCollectionId": "Orders"}},
               _item("wixData_onDataItemUpdated", 60), _item("wixData_onDataItemUpdated", 120),
               _item("wixData_onDataItemDeleted", 3600)]},
    {"name": "pricing-plan-order", "source": "https://dev.wix.com/docs/velo/api-reference/wix-pricing-plans-v2/events/"
                                             "introduction (order events and their statuses)",
     "description": "A pricing plan order is created (DRAFT), purchased (PENDING), started and its first cycle "
                    "started (ACTIVE), then ended (ENDED).",
     "steps": [{"event": "wixPricingPlans_onOrderCreated", "as": "plan", "after": 0,
                "set": {"entity._id": "{{new.plan}}", "metadata.entityId": "{{new.plan}}", "entity.status": "DRAFT"}},
               _plan_step("wixPricingPlans_onOrderPurchased", "PENDING", 60),
               _plan_step("wixPricingPlans_onOrderStarted", "ACTIVE", 86400),
               _plan_step("wixPricingPlans_onOrderCycleStarted", "ACTIVE", 1),
               _plan_step("wixPricingPlans_onOrderEnded", "ENDED", 2592000)]},
]


def _build(data: dict[str, Any]) -> Scenario:
    scenario = Scenario.from_data(data)
    return Scenario(scenario.name, scenario.steps, scenario.description, str(data.get("source", "")))


#: The built-in scenarios by name.
BUILT_IN: dict[str, Scenario] = {d["name"]: _build(d) for d in _DATA}


def builtin(name: str) -> Scenario:
    """The built-in scenario ``name``; :class:`UnknownScenario` lists them when there is none."""
    try:
        return BUILT_IN[name]
    except KeyError:
        raise UnknownScenario(f"no built-in scenario {name!r}; there are {', '.join(BUILT_IN)}. Write your own as a "
                              "list of steps (see wixevents.Scenario).") from None


def scenarios_frame() -> pd.DataFrame:
    """One row per built-in scenario: name, number of steps, events in order, description, source."""
    rows = [{"name": s.name, "steps": len(s.steps), "events": " → ".join(step.event for step in s.steps),
             "description": s.description, "source": s.source} for s in BUILT_IN.values()]
    frame: pd.DataFrame = pd.DataFrame(rows, columns=["name", "steps", "events", "description", "source"])
    return frame
