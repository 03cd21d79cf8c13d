"""``wix-data``, simulated: ``import wixData from 'wix-data'`` becomes ``from wixevents.velo import wix_data``.

::

    order = wix_data.insert("Orders", {"title": "Mug", "total": 18.5})   # -> the stored item, system fields set
    wix_data.update("Orders", {**order, "status": "paid"})
    wix_data.query("Orders").eq("status", "paid").descending("total").limit(10).find().items

Functions, with Velo's names and parameters, each returning its value at once
(sync; see :mod:`wixevents.velo`): ``insert``, ``save``, ``update``, ``get``,
``remove``, ``bulkInsert``, ``truncate`` and ``query`` (a
:class:`~wixevents.velo.query.WixDataQuery`). ``options`` takes
``suppressAuth`` (recorded as elevated; wixevents checks no collection
permissions except ``truncate``'s, which Wix documents: site owner or
``suppressAuth`` only) and ``suppressHooks`` (no data hooks run).

Behaviour Wix documents: ``insert`` fails for an ``_id`` already stored; ``update``
replaces every field of an existing item (fields left out are lost) and fails
for an unknown ``_id``; ``save`` updates when the ``_id`` exists, else inserts;
``get`` and ``remove`` return None for an unknown ID; ``bulkInsert`` skips items
whose ``_id`` exists and reports counts, IDs and per-item errors (dicts with
``message`` and ``code``); ``truncate`` runs no hooks. System fields, copies and
dates: :mod:`wixevents.velo.items`; hooks: :mod:`wixevents.velo.datahooks`; the
data events an insert, update or remove fires: :mod:`wixevents.velo.cascade`.
A collection springs into being on first use (Wix needs it created first: a
choice, to keep notebooks short). Building a query records nothing; running it
does (``query.find``/``query.count``, with the query as JSON data in ``args``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from ..events.event import WixObject
from . import operations as ops
from .datahooks import Operation
from .finder import run_count, run_find
from .items import check_collection, check_item
from .operations import auth, name
from .query import WixDataQuery
from .record import recorded

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["DataApi", "bulkInsert", "get", "insert", "query", "query_count", "query_find", "remove", "save",
           "truncate", "update"]

MODULE = "wix-data"
T = TypeVar("T")
Options = Mapping[str, Any] | None


class DataApi:
    """The data functions of one module spelling (``wix-data`` here, ``@wix/data``'s ``items``)."""

    def __init__(self, module: str) -> None:
        self.module = module

    def insert(self, collectionId: str, item: Mapping[str, Any], options: Options = None) -> WixObject:
        """Add ``item``; returns it as stored (system fields set), or as ``afterInsert`` changed it."""
        return _op(self.module, "insert", collectionId, options, {"item": item},
                   lambda op: ops.insert(op, check_item(item, op.collection)))

    def update(self, collectionId: str, item: Mapping[str, Any], options: Options = None) -> WixObject:
        """Replace the stored item with ``item``'s ``_id`` by ``item`` (fields left out are lost)."""
        return _op(self.module, "update", collectionId, options, {"item": item},
                   lambda op: ops.update(op, check_item(item, op.collection, need_id=True)))

    def save(self, collectionId: str, item: Mapping[str, Any], options: Options = None) -> WixObject:
        """``update`` when ``item``'s ``_id`` is stored, else ``insert``."""
        return _op(self.module, "save", collectionId, options, {"item": item}, lambda op: ops.save(op, item))

    def get(self, collectionId: str, itemId: str, options: Options = None) -> WixObject | None:
        """The item with ``itemId``, or None."""
        return _op(self.module, "get", collectionId, options, {"itemId": itemId}, lambda op: ops.get(op, itemId))

    def remove(self, collectionId: str, itemId: str, options: Options = None) -> WixObject | None:
        """Remove the item with ``itemId``; returns it, or None when there was none."""
        return _op(self.module, "remove", collectionId, options, {"itemId": itemId},
                   lambda op: ops.remove(op, itemId))

    def bulkInsert(self, collectionId: str, items: list[Mapping[str, Any]], options: Options = None) -> WixObject:
        """Insert each item (skipping stored ``_id``s); returns counts, IDs and per-item errors."""
        return _op(self.module, "bulkInsert", collectionId, options, {"items": items},
                   lambda op: ops.bulk_insert(op, items), failing=False)

    def truncate(self, collectionId: str, options: Options = None) -> None:
        """Remove every item (site owner or ``suppressAuth`` only; no hooks, no data events)."""
        return ops.truncate(self.module, collectionId, options)

    def query(self, collectionId: str) -> WixDataQuery:
        """A query of every item of ``collectionId``; refine it, then ``find()`` or ``count()``."""
        return WixDataQuery(check_collection(collectionId), module=self.module)

    def query_find(self, spec: dict[str, Any], options: Options = None) -> dict[str, Any]:
        """``find`` for a query given as JSON data (``WixDataQuery.to_spec``); the result as JSON data."""
        return run_find(WixDataQuery.from_spec(spec, self.module), options).to_dict()

    def query_count(self, spec: dict[str, Any], options: Options = None) -> int:
        """``count`` for a query given as JSON data."""
        return run_count(WixDataQuery.from_spec(spec, self.module), options)


_api = DataApi(MODULE)
insert, update, save, get, remove = _api.insert, _api.update, _api.save, _api.get, _api.remove
bulkInsert, truncate, query, query_find, query_count = (_api.bulkInsert, _api.truncate, _api.query,
                                                        _api.query_find, _api.query_count)


def _op(module: str, function: str, collectionId: str, options: Options, args: dict[str, Any],
        work: Callable[[Operation], T], *, failing: bool = True) -> T:
    """One recorded operation: ``work(op)`` inside ``op.run`` (onFailure, then data events)."""
    def body(site: VeloSite) -> T:
        op = Operation(site, check_collection(collectionId), options)
        return op.run(partial(work, op)) if failing else work(op)
    return recorded(module, name(module, function), {"collectionId": collectionId, **args, "options": options},
                    body, elevated=auth(options))
