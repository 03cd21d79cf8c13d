"""Cascades: a ``wix-data`` change in a user collection fires the matching data event.

On a published Wix site, inserting, updating or removing an item of a
collection the site owner created fires ``wixData_onDataItemCreated``,
``...Updated`` or ``...Deleted`` (research doc 4.5); Wix app collections
(IDs with a ``/``, like ``Stores/Products``) never do, and preview never does.
Its handlers may call Wix APIs in turn, so one fire can grow into a chain.

How wixevents runs it (choices, since on Wix the event arrives later, on its own):

* **Synchronously, inside the wix-data call**, once the operation is over (after
  its after-hooks and ``onFailure``), so the caller -- a handler, a hook or a
  notebook cell -- sees the cascade's rows in the history when the call returns,
  in a deterministic order. Each handler runs on its own worker thread under the
  site's timeout while the caller's thread waits; threads are never shared, so
  nested fires cannot deadlock. The caller's own timeout keeps running while its
  cascade works, and a caller that times out leaves its cascade to finish.
* The event's rows have ``trigger`` ``cascade`` and ``parent`` = the run that made
  the call (None from a notebook cell); ``site.cascade_limit`` caps the depth
  (:mod:`wixevents.runtime.dispatch`).
* Nothing is recorded when no handler is registered for the event (a site
  without data-event handlers gets no extra rows); in preview mode, a registered
  handler gets a ``not_triggered_in_preview`` row, as a direct fire would.
* Payload: ``entity`` = ``{_id, dataCollectionId, data}`` (``data`` the stored
  item, system fields included, for a removal the removed item), ``metadata`` =
  a new ``id``, ``entityId``, ``eventTime`` (site clock), ``entityFqdn``,
  ``eventType`` and ``slug`` as the SDK sends them. ``truncate`` fires nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..events.catalog import catalog
from ..runtime.clock import iso
from ..runtime.dispatch import dispatch
from ..runtime.firing import prepare
from .record import caused

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["cascade_event", "data_event", "is_user_collection"]


def is_user_collection(collection: str) -> bool:
    """True for a collection the site owner made (Wix app collection IDs contain ``/``)."""
    return "/" not in collection


def data_event(site: VeloSite, change: str, collection: str, item: dict[str, Any]) -> None:
    """Fire ``wixData_onDataItem<change>`` for ``item`` of ``collection`` if anything listens."""
    name = f"wixData_onDataItem{change}"
    handlers = site.registry.for_event(name)
    if not handlers or not is_user_collection(collection):
        return
    now = site.clock.now()
    payload = {"entity": {"_id": item["_id"], "dataCollectionId": collection, "data": item},
               "metadata": {"id": site.ids(), "entityId": item["_id"], "eventTime": iso(now),
                            "entityFqdn": "wix.data.v2.data_item", "eventType": catalog[name].slug,
                            "slug": change.lower()}}
    prepared = prepare(name, None, payload, None, now=now, new_id=site.ids)
    result = dispatch(site, prepared, handlers, "cascade")
    caused(run.seq for run in result.runs)


def cascade_event(site: VeloSite, name: str, payload: dict[str, Any]) -> None:
    """Fire backend event ``name`` with ``payload`` as a cascade of the current call, if anything listens.

    Used by simulated APIs that Wix documents as the cause of another event (a Media Manager
    upload fires ``wixMediaManager_onFileUploaded``), with the same rules as the data events.
    """
    handlers = site.registry.for_event(name)
    if not handlers:
        return
    now = site.clock.now()
    prepared = prepare(name, None, payload, None, now=now, new_id=site.ids)
    result = dispatch(site, prepared, handlers, "cascade")
    caused(run.seq for run in result.runs)
