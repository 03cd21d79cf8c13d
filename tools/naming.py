"""Handler names: the prefix table, documented aliases, and name repairs.

Velo handler names are ``<prefix>_<eventName>``; the prefix cannot be derived from
the module name. The generator takes it from the kept ``export function`` line of
each event's example (or ``syntaxName``) and falls back to ``MODULE_PREFIX`` only
where the example names another event. Source of this table: the handler names in
Wix's public Velo API reference pages, https://dev.wix.com/docs/velo/apis (one
``<prefix>_<event>`` example per event page), summarised in section 1.3 of the
project's research notes.
"""

from __future__ import annotations

import re

#: Reference module (``memberOf``) -> the prefix its events use when the kept example
#: does not say. Modules with several prefixes list the one of their main entity.
MODULE_PREFIX: dict[str, str] = {
    "wix-activity-counters-v2": "wixMembers",
    "wix-billing-backend": "wixBilling",
    "wix-blog-backend": "wixBlog",
    "wix-bookings-backend": "wixBookings",
    "wix-bookings-v2": "wixBookings",
    "wix-business-tools-v2": "wixLocations",
    "wix-chat-backend": "wixChat",
    "wix-comments-v2": "wixComments",
    "wix-crm-backend": "wixCrm",
    "wix-crm-v2": "wixCrm",
    "wix-data-v2": "wixData",
    "wix-ecom-backend": "wixEcom",
    "wix-ecom-v2": "wixEcom",
    "wix-email-marketing-v2": "wixEmailMarketing",
    "wix-events-backend": "wixEvents",
    "wix-events-v2": "wixEvents",
    "wix-forms-v2": "wixForms",
    "wix-forum-backend": "wixForum",
    "wix-forum-v2": "wixForum",
    "wix-groups-v2": "wixSocialGroups",
    "wix-inbox-v2": "wixCrmInbox",
    "wix-loyalty-v2": "wixLoyalty",
    "wix-marketing-backend": "wixMarketing",
    "wix-marketing-tags-v2": "wixMarketing",
    "wix-marketing-v2": "wixMarketing",
    "wix-media-backend": "wixMediaManager",
    "wix-media-v2": "wixMediaSiteMedia",
    "wix-members-backend": "wixMembers",
    "wix-members-v2": "wixMembers",
    "wix-paid-plans-backend": "wixPaidPlans",
    "wix-pay-backend": "wixPay",
    "wix-pricing-plans-backend": "wixPricingPlans",
    "wix-pricing-plans-v2": "wixPricingPlans",
    "wix-pro-gallery-backend": "wixProGallery",
    "wix-reviews-v2": "wixReviews",
    "wix-stores-backend": "wixStores",
    "wix-stores-v2": "wixStores",
    "wix-table-reservations-v2": "wixTableReservations",
}

#: Prefixes that Wix's current doc pages use where the reference examples use
#: another spelling (research notes 1.4): ``(module, example prefix) -> doc prefix``.
#: The doc spelling becomes canonical and the example spelling an alias, unless
#: the alias would collide with another event's canonical name.
DOC_PREFIX: dict[tuple[str, str], str] = {
    ("wix-events-v2", "wixEvents"): "wixEventsV3",
}

#: Extra spellings Wix documents for one event: canonical prefix -> alias prefix,
#: per module. Bookings V2 pages mix ``wixBookings_`` and ``wixBookingsV2_``;
#: the Stores catalog V1 page spells ``wixStoresCatalogV1_``.
ALIAS_PREFIX: dict[tuple[str, str], str] = {
    ("wix-bookings-v2", "wixBookings"): "wixBookingsV2",
    ("wix-stores-v2", "wixStoresCatalog"): "wixStoresCatalogV1",
    ("wix-groups-v2", "wixSocialGroups"): "wixSocialGroupsV2",
}

#: Events Wix's doc pages document (handler name in an example) that the reference's
#: ``Events`` service lacks, while the action body they carry is a reference message:
#: ``(module, event, handler prefix, data field, body message, metadata message)``.
#: Groups: https://dev.wix.com/docs/velo/events-service-plugins/groups/events/on-group-request-approved
DOC_EVENTS: list[tuple[str, str, str, str, str]] = [
    ("wix-groups-v2", "onGroupRequestApproved", "wixSocialGroups", "wix-groups-v2.CreateRequests.GroupRequestApproved",
     "wix-groups-v2.Events.socialGroupsV2JoinGroupRequestBackendEventMetadata"),
    ("wix-groups-v2", "onGroupRequestRejected", "wixSocialGroups", "wix-groups-v2.CreateRequests.GroupRequestRejected",
     "wix-groups-v2.Events.socialGroupsV2JoinGroupRequestBackendEventMetadata"),
]

_HANDLER = re.compile(r"export\s+(?:async\s+)?function\s+(\w+?)_(on[A-Z]\w*)\s*\(")


def example_prefixes(op: dict[str, object]) -> list[str]:
    """Prefixes of the example handlers that name this very operation."""
    docs = op.get("docs") or {}
    found = {
        m.group(1)
        for ex in docs.get("examples", [])  # type: ignore[union-attr]
        for line in ex.get("body", [])
        for m in _HANDLER.finditer(line)
        if m.group(2) == op["name"]
    }
    return sorted(found)


def handler_name(module: str, op: dict[str, object], report: list[str]) -> str:
    """The handler name the reference documents for one event operation."""
    event = str(op["name"])
    syntax = op.get("syntaxName")
    prefixes = example_prefixes(op)
    if isinstance(syntax, str) and syntax.endswith("_" + event) and (
        not prefixes or syntax.split("_")[0] in prefixes
    ):
        return syntax
    if syntax:
        report.append(f"{module}.{event}: syntaxName {syntax!r} disagrees with its example; example wins")
    if prefixes:
        return f"{prefixes[0]}_{event}"
    report.append(f"{module}.{event}: example names another event; prefix from MODULE_PREFIX")
    return f"{MODULE_PREFIX[module]}_{event}"


def words(event: str) -> list[str]:
    """``onInvoicePaid`` -> ``["Invoice", "Paid"]``."""
    return re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*", event[2:])
