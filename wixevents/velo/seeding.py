"""Seeding a simulated site with data it holds before anything fires.

``site.seed(...)`` and ``site.seed_collection(name, data)`` accept, for each
collection (and for contacts and members): a list of dicts, a DataFrame (one row
per item; empty cells are left out of the item), JSON text of a list, or the
path of a ``.json`` file holding one. ``site.seed(data)`` also takes one mapping
(or JSON text, or a path) with the keys ``collections`` (name -> items),
``contacts``, ``members`` and ``secrets``.

A contact may be given in the shape Wix stores (``info.name.first``,
``info.emails``...) or with Velo's flat names (``firstName``, ``lastName``,
``email``, ``phone``, ``emails``, ``phones``, ``labelKeys``), which are moved
into ``info``; its ``primaryInfo`` is derived as ``createContact`` does.

Seeded items get the system fields they lack (an ``_id`` from the site's ID
generator, ``_owner``, dates from the site clock) once, when seeded; seeding
runs no data hooks, fires no data events and records no effects: it is the
state the site starts from, not something a handler did. Seeds are remembered,
and ``site.reset()`` puts them back.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import crm
from .items import SYSTEM, check_collection, check_item, normalise, stamp_new

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["records", "seed", "seed_collection"]


def _load(data: Any) -> Any:
    if isinstance(data, (os.PathLike, Path)) or (isinstance(data, str) and data.strip().endswith(".json")):
        return json.loads(Path(data).read_text(encoding="utf-8"))
    if isinstance(data, str):
        return json.loads(data)
    return data


def _present(value: Any) -> bool:
    return not (value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT)


def records(data: Any) -> list[dict[str, Any]]:
    """Items as a list of dicts, from any of the accepted forms."""
    data = _load(data)
    if isinstance(data, pd.DataFrame):
        return [{str(k): v for k, v in row.items() if _present(v)} for row in data.to_dict("records")]
    if isinstance(data, Mapping) or not isinstance(data, list):
        raise TypeError(f"seed items as a list of dicts, a DataFrame, JSON text or a .json path; got "
                        f"{type(data).__name__}")
    return [dict(item) for item in data]


def seed_collection(site: VeloSite, name: str, data: Any) -> None:
    """Add the items of ``data`` to collection ``name`` (replacing items with the same ``_id``); remember them."""
    name = check_collection(name)
    items = [_seeded(site, check_item(i, name)) for i in records(data)]
    with site.velo.lock:
        for item in items:
            site.velo.collection(name)[item["_id"]] = dict(item)
        remembered = site.velo.seeds["collections"].setdefault(name, [])
        remembered[:] = [i for i in remembered if i["_id"] not in {x["_id"] for x in items}] + items


def _seeded(site: VeloSite, given: dict[str, Any]) -> dict[str, Any]:
    """``given`` with the system fields it lacks; those it has are kept."""
    return {**stamp_new(site, given), **{k: given[k] for k in SYSTEM if given.get(k) is not None}}


#: Velo's flat contact fields (``createContact``'s ``contactInfo``), as accepted by ``seed(contacts=...)``.
FLAT_CONTACT = ("firstName", "lastName", "email", "phone", "emails", "phones", "labelKeys", "company", "jobTitle")


def _contact(item: dict[str, Any]) -> dict[str, Any]:
    """A contact given with Velo's flat names (``firstName``, ``email``...) in the stored ``info`` shape."""
    flat = [key for key in FLAT_CONTACT if key in item]
    if "info" in item or not flat:
        return item
    rest = {k: v for k, v in item.items() if k not in FLAT_CONTACT}
    info: dict[str, Any] = {}
    if item.get("firstName") or item.get("lastName"):
        info["name"] = {k: item[f] for k, f in (("first", "firstName"), ("last", "lastName")) if item.get(f)}
    for kind, single, field in (("emails", "email", "email"), ("phones", "phone", "phone")):
        entries = [e if isinstance(e, Mapping) else {field: e} for e in item.get(kind) or []]
        if item.get(single):
            entries.insert(0, {field: item[single], "primary": True})
        if entries:
            info[kind] = entries
    for key in ("labelKeys", "company", "jobTitle"):
        if item.get(key):
            info[key] = item[key]
    return {**rest, "info": info}


def seed(site: VeloSite, data: Any = None, *, collections: Mapping[str, Any] | None = None, contacts: Any = None,
         members: Any = None, secrets: Mapping[str, str] | None = None) -> None:
    """Seed collections, contacts, members and secrets (see the module docstring)."""
    given = dict(_load(data) or {})
    for name, items in {**(given.get("collections") or {}), **(collections or {})}.items():
        seed_collection(site, name, items)
    with site.velo.lock:
        for kind, value in (("contacts", given.get("contacts")), ("contacts", contacts),
                            ("members", given.get("members")), ("members", members)):
            if value is None:
                continue
            given_items = [_contact(item) if kind == "contacts" else item for item in records(value)]
            found = [{"_id": site.ids(), **normalise(item)} if not item.get("_id") else normalise(item)
                     for item in given_items]
            if kind == "contacts":
                found = [crm.refresh(site, item, now=item.get("_updatedDate")) if "primaryInfo" not in item
                         else item for item in found]
            site.velo.seeds[kind].extend(found)
            store = site.velo.contacts if kind == "contacts" else site.velo.members
            store.update({item["_id"]: dict(item) for item in found})
        site.velo.secrets.update({**(given.get("secrets") or {}), **(secrets or {})})
