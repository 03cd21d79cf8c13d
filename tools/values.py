"""Realistic, deterministic sample values for a payload schema.

``Faker`` builds a payload from a catalog type: field names pick the value
(emails look like emails, money has a currency, ids are UUID-shaped), enum
fields take the member that matches the event's name where one does (``Paid``
for ``onInvoicePaid``), and everything is derived from the event name and the
field path, so the output is the same on every run.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from wixevents.events.catalog import schema

NS = uuid.UUID("8d6c1b4e-2f0a-4c7e-9a51-3b2d7e6f1a90")
BASE = datetime(2026, 1, 15, 10, 30, tzinfo=timezone.utc)

BY_NAME: dict[str, Any] = {
    "email": "ana.silva@example.com", "loginemail": "ana.silva@example.com",
    "firstname": "Ana", "lastname": "Silva", "fullname": "Ana Silva", "nickname": "anasilva",
    "name": "Ana Silva", "phone": "+1 212-555-0142", "currency": "USD", "country": "US",
    "city": "New York", "subdivision": "US-NY", "postalcode": "10011", "addressline": "235 W 23rd St",
    "addressline1": "235 W 23rd St", "formatted": "235 W 23rd St, New York, NY 10011, USA",
    "streetaddress": "235 W 23rd St", "language": "en", "locale": "en-US", "timezone": "America/New_York",
    "mimetype": "image/jpeg", "originalfilename": "team-photo.jpg", "filename": "team-photo.jpg",
    "displayname": "team-photo.jpg", "title": "Spring pottery workshop", "slug": "spring-pottery-workshop",
    "formname": "Contact us", "company": "Clay & Co.", "namespace": "wix.form_app.form",
    "formattedamount": "$49.90", "fieldname": "Email", "fieldvalue": "ana.silva@example.com",
    "description": "A sample value written by wixevents.", "summary": "A sample value written by wixevents.",
    "code": "SPRING10", "sku": "MUG-001", "label": "Customers", "tag": "vip",
    "number": "10001", "revision": "1", "url": "https://www.example.com/items/1001",
    "fileurl": "wix:image://v1/2d1f5a_3c4e.jpg/team-photo.jpg#originWidth=1200&originHeight=800",
    "datacollectionid": "Orders", "amount": "49.90", "entityeventsequence": "1",
    "entityfqdn": "wix.data.v2.data_item", "originatedfrom": "api",
    "submissions": {"first_name": "Ana", "last_name": "Silva", "email": "ana.silva@example.com"},
}
ITEM = {"title": "Blue ceramic mug", "price": 18.5, "inStock": True,
        "_owner": "3f1c9a52-6d0e-4b7a-9c2e-5a8d1f4b7e21",
        "_createdDate": "2026-01-15T10:00:00.000Z", "_updatedDate": "2026-01-15T10:00:00.000Z"}
NUMBERS = {"amount": 49.9, "total": 49.9, "subtotal": 45.0, "price": 45.0, "quantity": 1,
           "sizeinbytes": 245760, "width": 1200, "height": 800, "version": 3, "count": 1}


class Faker:
    """Fill a catalog type with values; ``full`` adds optional fields near the top."""

    def __init__(self, event: str, words: list[str], full: bool, depth: int = 4) -> None:
        self.event, self.words, self.full, self.depth = event, [w.lower() for w in words], full, depth

    def value(self, t: Any, path: str, name: str, stack: tuple[str, ...] = ()) -> Any:
        key = name.lower()
        if isinstance(t, dict) and "union" in t:
            return self.value(t["union"][0], path, name, stack)
        if isinstance(t, dict) and "enum" in t:
            return self.enum(t["enum"])
        if isinstance(t, dict) and "array" in t:
            return [self.value(t["array"], path + "[0]", name.rstrip("s"), stack)]
        if isinstance(t, dict) and "map" in t:
            if key == "data":  # a collection item: user fields plus Wix's system fields
                return dict(ITEM, _id=str(uuid.uuid5(NS, f"{self.event}:{path}")))
            return {"key1": self.value(t["map"], path + ".key1", "value", stack)}
        if isinstance(t, dict) and "ref" in t:
            return self.obj(t["ref"], path, stack)
        return self.native(t, path, key)

    def obj(self, fq: str, path: str, stack: tuple[str, ...]) -> dict[str, Any]:
        if fq in stack:
            return {}
        out = {}
        for f in schema.types()[fq]["fields"]:
            deep = path.count(".") + path.count("[") >= self.depth
            if f.get("optional") and (not self.full or deep) and not _required_meta(fq, f["name"]):
                continue
            out[f["name"]] = self.value(f["type"], f"{path}.{f['name']}", f["name"], (*stack, fq))
        return out

    def enum(self, values: list[str]) -> str:
        for v in values:
            if v.lower().replace("_", "") in self.words:
                return v
        return values[0]

    def native(self, t: str, path: str, key: str) -> Any:
        if t == "Date" or (t == "string" and (key.endswith("date") or key.endswith("time"))):
            stamp = BASE - timedelta(minutes=_seed(self.event, path) % 5000)
            return stamp.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        if t == "boolean":
            return False
        if t == "number":
            return NUMBERS.get(key, 1)
        if t in ("object", "any"):
            return BY_NAME.get(key, {})
        if key in BY_NAME and isinstance(BY_NAME[key], str):
            return BY_NAME[key]
        if key.endswith("id") or key.endswith("ids"):
            return str(uuid.uuid5(NS, f"{self.event}:{path}"))
        if key.endswith("email"):
            return "ana.silva@example.com"
        if key.endswith("url"):
            return "https://www.example.com/" + re.sub(r"\W+", "-", key)
        if key.endswith("amount") or key.endswith("price") or key.endswith("total"):
            return "49.90"
        return f"Sample {key}"


def _required_meta(fq: str, field: str) -> bool:
    return fq.endswith("Metadata") and field in ("id", "entityId", "eventTime")


def _seed(event: str, path: str) -> int:
    return uuid.uuid5(NS, f"{event}:{path}").int
