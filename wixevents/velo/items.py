"""Collection items as ``wix-data`` stores them: checks, system fields, copies.

Wix adds system fields to every item (reference ``wix-data`` ``insert``):
``_id`` (kept when the caller gives one, else generated -- here by the site's ID
generator, so a fixed clock gives the same IDs every run), ``_owner`` (the user
who added it; see :mod:`wixevents.velo.state`), ``_createdDate`` and
``_updatedDate`` (equal on insert; ``update`` moves only ``_updatedDate``, keeps
``_createdDate`` and ``_owner``, and replaces every other field).

Choices: dates are stored and returned as Wix's ISO text
(``2026-01-15T10:30:00.000Z``) -- the form data events deliver them in -- and a
``datetime`` given in an item or a query is turned into that text, so notebooks
compare and show one form. An ``_id`` of None counts as not given (Python has no
``undefined``); an empty ``_id`` is an error, as on Wix. Every item handed in or
out is a copy: a handler editing a returned item changes nothing stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, overload

from ..events.event import WixObject, wrap
from ..runtime.clock import iso
from .errors import WixDataError

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["SYSTEM", "check_collection", "check_item", "normalise", "returned", "stamp_new", "stamp_update"]

SYSTEM = ("_id", "_owner", "_createdDate", "_updatedDate")


def normalise(value: Any) -> Any:
    """A stored copy of ``value``: dicts and lists copied, tuples as lists, dates as Wix's ISO text."""
    if isinstance(value, Mapping):
        return {str(k): normalise(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


@overload
def returned(item: Mapping[str, Any]) -> WixObject: ...
@overload
def returned(item: None) -> None: ...


def returned(item: Mapping[str, Any] | None) -> WixObject | None:
    """What a caller gets: a copy that reads like Velo (``item.title`` as well as ``item["title"]``)."""
    if item is None:
        return None
    found: WixObject = wrap(normalise(item))
    return found


def check_collection(name: Any) -> str:
    if not isinstance(name, str) or not name:
        raise WixDataError(f"Collection name must be a string, got {name!r}.", "WDE0001")
    return name


def check_item(item: Any, collection: str, *, need_id: bool = False) -> dict[str, Any]:
    """A normalised copy of ``item``; raises as Wix does for non-objects and bad IDs."""
    if not isinstance(item, Mapping):
        raise WixDataError(f"Failed to save {item!r} into {collection}. Items must be JavaScript objects "
                           "(Python dicts).", "WDE0004")
    found: dict[str, Any] = normalise(item)
    if found.get("_id") is None:
        found.pop("_id", None)
        if need_id:
            raise WixDataError("Invalid update. Updated object must have an _id property that is a string.",
                               "WDE0007")
    elif not isinstance(found["_id"], str) or not found["_id"]:
        raise WixDataError(f"Item ID must be a non-empty string, got {found['_id']!r}.", "WDE0002")
    return found


def stamp_new(site: VeloSite, item: Mapping[str, Any]) -> dict[str, Any]:
    """``item`` with the system fields of a new item, system fields first."""
    now = iso(site.clock.now())
    owner = site.velo.identity.get("userId") or site.velo.owner_id
    head = {"_id": item.get("_id") or site.ids(), "_owner": owner, "_createdDate": now, "_updatedDate": now}
    return {**head, **{k: v for k, v in item.items() if k not in SYSTEM}}


def stamp_update(site: VeloSite, item: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    """``item`` replacing ``current``: its fields, ``current``'s ``_owner`` and ``_createdDate``, a new date."""
    head = {"_id": current["_id"], "_owner": current.get("_owner"), "_createdDate": current.get("_createdDate"),
            "_updatedDate": iso(site.clock.now())}
    return {**head, **{k: v for k, v in item.items() if k not in SYSTEM}}
