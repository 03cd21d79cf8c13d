"""``wix-data.v2`` ``items``, simulated: the request/response spelling of wix-data, on the same collections.

::

    from wixevents.velo.data_v2 import items
    made = items.insertDataItem({"dataCollectionId": "Orders", "dataItem": {"data": {"title": "Mug"}}})
    made["dataItem"]["_id"]; items.getDataItem(made["dataItem"]["_id"], {"dataCollectionId": "Orders"})

Each function takes Wix's ``options`` object (``dataCollectionId``,
``dataItem: {_id?, data}``) and answers ``{"dataItem": {_id, dataCollectionId,
data}}`` (``saveDataItem`` adds ``action``: ``INSERTED`` / ``UPDATED``), running
the same operation as ``wix-data`` -- same hooks, cascades, checks and state --
recorded as module ``wix-data.v2``, function ``items.insertDataItem`` and so on.
``getDataItem`` of a missing item and ``removeDataItem`` of one reject with
``NOT_FOUND`` (the v2 API answers with an error where wix-data answers null).
The other ``items`` functions (queries, references, aggregates) are generic-tier
calls (:mod:`.generic`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import operations as ops
from .errors import WixDataError
from .items import check_item
from .wix_data import _op

__all__ = ["items"]

MODULE = "wix-data.v2"
Options = Mapping[str, Any]


def _answer(collection: str, item: Any) -> dict[str, Any]:
    if not isinstance(item, Mapping):
        raise WixDataError(f"No item found in {collection}.", "NOT_FOUND")
    return {"dataItem": {"_id": item.get("_id"), "dataCollectionId": collection, "data": dict(item)}}


def _collection(options: Any) -> str:
    found = (options or {}).get("dataCollectionId") if isinstance(options, Mapping) else None
    if not isinstance(found, str) or not found:
        raise WixDataError(f"options.dataCollectionId must name a collection, got {found!r}.", "WDE0001")
    return found


def _data(options: Any, item_id: Any = None) -> dict[str, Any]:
    given = dict((options or {}).get("dataItem") or {})
    data = dict(given.get("data") or {})
    if item_id is not None or given.get("_id") is not None:
        data["_id"] = item_id if item_id is not None else given["_id"]
    return data


class ItemsV2:
    """``items`` of ``wix-data.v2``."""

    def insertDataItem(self, options: Options) -> dict[str, Any]:
        collection = _collection(options)
        return _op(MODULE, "insertDataItem", collection, None, {"dataItem": options.get("dataItem")},
                   lambda op: _answer(collection, ops.insert(op, check_item(_data(options), collection))))

    def updateDataItem(self, _id: str, options: Options) -> dict[str, Any]:
        collection = _collection(options)
        return _op(MODULE, "updateDataItem", collection, None, {"_id": _id, "dataItem": options.get("dataItem")},
                   lambda op: _answer(collection, ops.update(op, check_item(_data(options, _id), collection,
                                                                             need_id=True))))

    def saveDataItem(self, options: Options) -> dict[str, Any]:
        collection = _collection(options)

        def work(op: Any) -> dict[str, Any]:
            data = _data(options)
            with op.site.velo.lock:  # a plain look, so no get hooks run for it
                existed = data.get("_id") in op.site.velo.collection(collection)
            answer = _answer(collection, ops.save(op, data))
            return {"action": "UPDATED" if existed else "INSERTED", **answer}
        return _op(MODULE, "saveDataItem", collection, None, {"dataItem": options.get("dataItem")}, work)

    def getDataItem(self, dataItemId: str, options: Options) -> dict[str, Any]:
        collection = _collection(options)
        return _op(MODULE, "getDataItem", collection, None, {"dataItemId": dataItemId},
                   lambda op: _answer(collection, ops.get(op, dataItemId)))

    def removeDataItem(self, dataItemId: str, options: Options) -> dict[str, Any]:
        collection = _collection(options)
        return _op(MODULE, "removeDataItem", collection, None, {"dataItemId": dataItemId},
                   lambda op: _answer(collection, ops.remove(op, dataItemId)))


items = ItemsV2()
