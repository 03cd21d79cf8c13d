"""``contacts.queryContacts()`` of ``wix-crm-backend``: wix-data's query builder, run over the site's contacts.

::

    found = contacts.queryContacts().eq("info.name.first", "Ana").limit(10).find()
    found.items; found.totalCount; found.hasNext()

The builder is :class:`~wixevents.velo.query.WixDataQuery` (same filters,
sorting, paging and ``next()``/``prev()``), on the contacts as
``contacts.getContact`` returns them, so paths look like ``info.name.first``
or ``primaryInfo.email``. ``find()`` and ``count()`` are each one recorded call
(``contacts.queryContacts.find`` / ``.count``, the query as JSON data). No data
hooks run: Wix runs data hooks on collections, not on contacts.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .filters import matches, sort_items
from .items import normalise, returned
from .query import WixDataQuery
from .record import recorded
from .results import WixDataQueryResult

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["ContactsQuery", "query_count", "query_find"]

MODULE = "wix-crm-backend"


@dataclass(frozen=True)
class ContactsQuery(WixDataQuery):
    """A query of the site's contacts (``contacts.queryContacts()``)."""

    collectionName: str = "Contacts"
    module: str = field(default=MODULE, repr=False, compare=False)

    def _hits(self, site: VeloSite) -> list[dict[str, Any]]:
        with site.velo.lock:
            return [normalise(c) for c in site.velo.contacts.values() if matches(c, self.condition())]

    def find(self, options: dict[str, Any] | None = None) -> WixDataQueryResult:
        if self.elevated:
            from .wix_auth import elevated_query

            return elevated_query(self, "find", options, lambda: replace(self, elevated=False).find(options))

        def body(site: VeloSite) -> WixDataQueryResult:
            hits = sort_items(self._hits(site), self.sort_order())
            page = hits[self.skip_count:self.skip_count + self.page_size]
            if self.projection:
                page = [{k: v for k, v in c.items() if k == "_id" or k in self.projection} for c in page]
            return WixDataQueryResult([returned(c) for c in page], len(hits), self, dict(options or {}))
        return recorded(MODULE, "contacts.queryContacts.find", {"query": self.to_spec(), "options": options}, body,
                        shown=lambda r: r.to_dict())

    def count(self, options: dict[str, Any] | None = None) -> int:
        if self.elevated:
            from .wix_auth import elevated_query

            return elevated_query(self, "count", options, lambda: replace(self, elevated=False).count(options))
        return recorded(MODULE, "contacts.queryContacts.count", {"query": self.to_spec(), "options": options},
                        lambda site: len(self._hits(site)))


def query_find(spec: dict[str, Any], options: dict[str, Any] | None = None) -> dict[str, Any]:
    """``find`` for a contacts query given as JSON data (what the JavaScript builder sends)."""
    base = WixDataQuery.from_spec(spec, MODULE)
    query = ContactsQuery("Contacts", base.conditions, base.order, base.skip_count, base.page_size, base.projection)
    return query.find(options).to_dict()


def query_count(spec: dict[str, Any], options: dict[str, Any] | None = None) -> int:
    base = WixDataQuery.from_spec(spec, MODULE)
    return ContactsQuery("Contacts", base.conditions, base.order, base.skip_count, base.page_size).count(options)
