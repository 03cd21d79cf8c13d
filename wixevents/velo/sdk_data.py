"""``@wix/data``, simulated: ``import { items } from '@wix/data'`` is ``from wixevents.velo.sdk_data import items``.

The SDK's ``items`` functions take the same arguments as ``wix-data``'s
(``items.insert(dataCollectionId, item, options)``, ``items.query(dataCollectionId)``...)
and here act on the same collections, with the same hooks and data events; their
effects are recorded as module ``@wix/data``, function ``items.insert`` and so on,
so a table shows which spelling a handler used.
"""

from __future__ import annotations

from .wix_data import DataApi

__all__ = ["FUNCTIONS", "items"]

#: The ``items`` functions offered (those ``wix-data`` simulates).
FUNCTIONS = ("insert", "update", "save", "get", "remove", "bulkInsert", "truncate", "query", "query_find",
             "query_count")

items = DataApi("@wix/data")
