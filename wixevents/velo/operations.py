"""The item operations behind ``wix-data``: insert, update, save, get, remove, bulkInsert, truncate.

Each function runs inside an :class:`~wixevents.velo.datahooks.Operation` (its
hooks, ``onFailure`` and data events) and works on the site's collections under
the state lock, never holding it while a hook or a cascaded handler runs.
Behaviour and choices are described in :mod:`wixevents.velo.wix_data`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from ..events.event import WixObject, wrap
from .datahooks import Operation, is_item, is_text
from .errors import WixDataError
from .items import check_collection, check_item, normalise, returned, stamp_new, stamp_update
from .record import is_elevated, recorded

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["bulk_insert", "get", "insert", "remove", "save", "truncate", "update"]

Options = Mapping[str, Any] | None


def auth(options: Options) -> bool:
    """True when the options say ``suppressAuth``."""
    return isinstance(options, Mapping) and bool(options.get("suppressAuth"))


def name(module: str, function: str) -> str:
    """How a function is recorded: ``insert`` in ``wix-data``, ``items.insert`` in ``@wix/data`` (and
    ``items.insertDataItem`` in ``wix-data.v2``)."""
    return f"items.{function}" if module in ("@wix/data", "wix-data.v2") else function


def _stored(op: Operation, item_id: Any) -> dict[str, Any] | None:
    with op.site.velo.lock:
        found = op.site.velo.collection(op.collection).get(item_id) if isinstance(item_id, str) else None
        return normalise(found) if found is not None else None


class _Skip(Exception):
    """``bulkInsert`` met an ``_id`` already stored: the item is skipped, not an error."""


def insert(op: Operation, item: dict[str, Any], *, skip_existing: bool = False) -> WixObject:
    given = check_item(op.hook("beforeInsert", item, is_item), op.collection)
    with op.site.velo.lock:
        store = op.site.velo.collection(op.collection)
        if given.get("_id") in store:
            if skip_existing:
                raise _Skip(given["_id"])
            raise WixDataError(f"An item with _id [{given['_id']}] already exists in {op.collection}.",
                               "ALREADY_EXISTS")
        stored = stamp_new(op.site, given)
        store[stored["_id"]] = stored
    op.changed("Created", normalise(stored))
    answer: dict[str, Any] = op.hook("afterInsert", stored, is_item)
    return returned(answer)


def update(op: Operation, item: dict[str, Any]) -> WixObject:
    current = _stored(op, item["_id"])
    if current is None:
        raise WixDataError(f"Item [{item['_id']}] does not exist in {op.collection}; update() needs an "
                           "existing _id (save() inserts or updates).", "NOT_FOUND")
    given = check_item(op.hook("beforeUpdate", item, is_item, current), op.collection, need_id=True)
    with op.site.velo.lock:
        store = op.site.velo.collection(op.collection)
        if given["_id"] not in store:
            raise WixDataError(f"Item [{given['_id']}] does not exist in {op.collection}.", "NOT_FOUND")
        stored = stamp_update(op.site, given, store[given["_id"]])
        store[stored["_id"]] = stored
    op.changed("Updated", normalise(stored))
    answer: dict[str, Any] = op.hook("afterUpdate", stored, is_item, current)
    return returned(answer)


def save(op: Operation, item: Mapping[str, Any]) -> WixObject:
    given = check_item(item, op.collection)
    return update(op, given) if _stored(op, given.get("_id")) is not None else insert(op, given)


def get(op: Operation, item_id: Any) -> WixObject | None:
    _check_id(item_id)
    found = _stored(op, op.hook("beforeGet", item_id, is_text))
    if found is None:
        return None
    answer: dict[str, Any] = op.hook("afterGet", found, is_item)
    return returned(answer)


def remove(op: Operation, item_id: Any) -> WixObject | None:
    _check_id(item_id)
    target = op.hook("beforeRemove", item_id, is_text, _stored(op, item_id))
    with op.site.velo.lock:
        removed = op.site.velo.collection(op.collection).pop(target, None) if isinstance(target, str) else None
    if removed is None:
        return None
    op.changed("Deleted", normalise(removed))
    answer: dict[str, Any] = op.hook("afterRemove", removed, is_item)
    return returned(answer)


def bulk_insert(op: Operation, items: Any) -> WixObject:
    if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
        raise WixDataError(f"Failed to bulk save items into {op.collection}. Items must be a list of objects.",
                           "WDE0005")
    if len(items) > 1000:
        raise WixDataError(f"Failed to bulk save items into {op.collection}. Cannot insert more than 1000 items "
                           "in one request.", "WDE0006")
    counts: dict[str, Any] = {"inserted": 0, "updated": 0, "skipped": 0, "insertedItemIds": [],
                              "updatedItemIds": [], "errors": []}
    for item in items:
        try:
            done = op.run(partial(insert, op, check_item(item, op.collection), skip_existing=True))
        except _Skip:
            counts["skipped"] += 1
            continue
        except Exception as exc:
            counts["errors"].append({"message": str(exc), "code": getattr(exc, "code", None)})
            continue
        if not isinstance(done, Mapping):  # onFailure answered instead of the item
            counts["skipped"] += 1
        else:
            counts["inserted"] += 1
            counts["insertedItemIds"].append(done.get("_id"))
    found: WixObject = wrap(counts)
    return found


def truncate(module: str, collectionId: str, options: Options) -> None:
    def body(site: VeloSite) -> None:
        collection = check_collection(collectionId)
        if not (auth(options) or is_elevated() or site.velo.identity.get("userRole") == "siteOwner"):
            raise WixDataError(f"truncate({collection!r}) runs only for the site owner or with suppressAuth; pass "
                               "{'suppressAuth': True} or wrap the call with wix_auth.elevate.", "PERMISSION_DENIED")
        with site.velo.lock:
            site.velo.collection(collection).clear()
    recorded(module, name(module, "truncate"), {"collectionId": collectionId, "options": options}, body,
             elevated=auth(options))


def _check_id(item_id: Any) -> None:
    if not isinstance(item_id, str) or not item_id:
        raise WixDataError(f"Item ID must be a non-empty string, got {item_id!r}.", "WDE0002")


