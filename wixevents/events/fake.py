"""Realistic, deterministic values for a payload type, chosen by meaning.

``Faker`` walks a catalog type and picks each value from the field's name, its
JSON type and the field that holds it: numbers in range (sizes and durations of
the persona's file, quantities, coordinates of the persona's city), moments in
order, IDs that repeat where one thing is meant twice, and text by
:class:`~.text.TextPicker` (names, goods, taxes, addresses, links). Enum
fields take the member that names the event (``Paid`` for ``onInvoicePaid``).
Everything derives from the event name, the seed and the field path, so the
same arguments give the same payload. :mod:`.settle` then makes the numbers,
dates and IDs agree with each other.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from . import vocab
from .catalog import schema
from .text import TextPicker

NS = uuid.UUID("8d6c1b4e-2f0a-4c7e-9a51-3b2d7e6f1a90")
BASE = datetime(2026, 1, 15, 10, 30, tzinfo=timezone.utc)
_PLACEHOLDER_ENUM = re.compile(r"UNKNOWN|UNSPECIFIED|UNDEFINED|^NONE$|^NULL$", re.I)
_HOURS = {"eventtime": 0, "updated": -0.25, "modified": -0.25, "created": -48, "submitted": -48,
          "purchased": -48, "issue": -48, "due": 24 * 28, "paid": -1, "payment": -1, "start": 24 * 7,
          "end": 24 * 7 + 2, "expir": 24 * 365, "valid": 24 * 365, "last": -24, "deleted": -0.2,
          "cancel": -0.2, "publish": -24, "sent": -1}


class Faker(TextPicker):
    """Fill a catalog type with values; ``full`` adds optional fields near the top."""

    def __init__(self, event: str, words: list[str], full: bool, depth: int = 6, seed: int = 0) -> None:
        self.event, self.words, self.full, self.depth, self.seed = event, [w.lower() for w in words], full, depth, seed
        self.person = vocab.pick(seed, vocab.PERSONAS)
        kinds = [f for f in vocab.FILES if f[2] in self.words]  # onAudioTranscoded: an audio file
        self.file = vocab.pick(seed, kinds or vocab.FILES)
        self.base = BASE + timedelta(days=3 * seed, minutes=17 * seed)

    def uid(self, path: str) -> str:
        variant = "" if self.full else ":minimal"  # a minimal sample is another entity, not the default's twin
        return str(uuid.uuid5(NS, f"{self.event}:{self.seed}{variant}:{path}"))

    def fields(self, t: Any, path: str) -> list[dict[str, str]] | None:
        """A form's answers: a list of ``fieldName``/``fieldValue`` pairs reads as a real form."""
        inner = schema.fields_of(t) or []
        if {"fieldName", "fieldValue"} <= {f["name"] for f in inner}:
            p = self.person
            return [{"fieldName": "First name", "fieldValue": str(p["first"])},
                    {"fieldName": "Last name", "fieldValue": str(p["last"])},
                    {"fieldName": "Email", "fieldValue": self.email()}]
        return None

    def value(self, t: Any, path: str, name: str, stack: tuple[str, ...] = (), parent: str = "") -> Any:
        key = name.lower()
        if isinstance(t, dict) and "union" in t:
            return self.value(t["union"][0], path, name, stack, parent)
        if isinstance(t, dict) and "enum" in t:
            return self.enum(t["enum"], key)
        if isinstance(t, dict) and "array" in t and (answers := self.fields(t["array"], path)) is not None:
            return answers
        if isinstance(t, dict) and "array" in t:
            return [self.value(t["array"], path + "[0]", _singular(name), stack, parent)]
        if isinstance(t, dict) and "map" in t:
            return self.mapping(t["map"], path, key, stack)
        if isinstance(t, dict) and "ref" in t:
            return self.obj(t["ref"], path, stack, key)
        return self.native(t, path, key, parent)

    def mapping(self, t: Any, path: str, key: str, stack: tuple[str, ...]) -> dict[str, Any]:
        if key == "data":  # a collection item: user fields plus Wix's system fields
            product, _, price = vocab.pick(self.seed, vocab.PRODUCTS)
            return {"_id": self.uid(path), "title": product, "price": price, "inStock": True,
                    "_owner": self.uid("owner"), "_createdDate": self.stamp("created"),
                    "_updatedDate": self.stamp("updated")}
        if key == "namespaces":  # extended fields: the site's own namespace
            return {"_user_fields": {"favouriteColour": "Blue"}}
        return {"color": self.value(t, path + ".color", "value", stack, key)}

    def obj(self, fq: str, path: str, stack: tuple[str, ...], key: str) -> dict[str, Any]:
        if fq in stack:
            return {}
        out = {}
        for f in schema.types()[fq]["fields"]:
            deep = path.count(".") + path.count("[") >= self.depth
            if f.get("optional") and (not self.full or deep) and not _required_meta(fq, f["name"]) \
                    and not self.minimal_keep(path, f, fq):
                continue
            got = self.value(f["type"], f"{path}.{f['name']}", f["name"], (*stack, fq),
                             _singular(key) or fq.rsplit(".", 1)[-1].lower())
            if got in ({}, [{}], []) and f.get("optional"):
                continue  # an empty object says nothing a real payload would
            out[f["name"]] = got
        return out

    def minimal_keep(self, path: str, f: dict[str, Any], fq: str) -> bool:
        """In a minimal payload, the entity still has its ID and status, and ``data`` its entity."""
        if self.full:
            return False
        fields = schema.types()[fq]["fields"]
        if (path.startswith("$.entity") or path.startswith("$.data.")) and path.count(".") <= 3:
            keys = [x["name"] for x in fields if x["name"] in ("_id", "id", "key", "status")
                    or x["name"].endswith("aymentStatus")]
            keys = keys or [x["name"] for x in fields if x["name"] == "name"]
            top = path == "$.entity" or path.count(".") == 2
            return f["name"] in (keys or ([fields[0]["name"]] if top else []))
        if path == "$.data":
            refs = [x["name"] for x in fields if isinstance(x["type"], dict) and "ref" in x["type"]]
            named = [r for r in refs if r.lower() in self.words or r.lower() in "".join(self.words).lower()]
            ids = [x["name"] for x in fields if x["name"].lower().endswith("id")]
            return f["name"] in (named or refs[:1] or ids or [fields[0]["name"]])
        return False

    def enum(self, values: list[str], key: str) -> str:
        for v in values:
            if v.lower().replace("_", "") in self.words or v.lower().replace("_", "") in ("".join(self.words),):
                return v
        real = [v for v in values if not _PLACEHOLDER_ENUM.search(v)] or values
        if "status" in key:
            return next((v for v in real if v.upper() in ("ACTIVE", "APPROVED", "CONFIRMED", "PUBLISHED")), real[0])
        return real[self.seed % len(real)]

    def stamp(self, key: str) -> str:
        if "birth" in key:
            return "1990-04-12T00:00:00.000Z"
        hours = next((h for word, h in _HOURS.items() if word in key), -24)
        return (self.base + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%S.000Z")

    def native(self, t: str, path: str, key: str, parent: str) -> Any:
        if t == "Date" or (t == "string" and _is_time(key)):
            return self.stamp(key)
        if t == "boolean":
            return key.startswith(("is", "has", "enabled", "visible", "instock", "active", "public"))
        if t == "number":
            return self.number(key, parent)
        if t in ("object", "any"):
            return {"color": "Blue"} if key not in ("submissions",) else {
                "first_name": self.person["first"], "email": self.email()}
        return self.text(key, path, parent)

    def number(self, key: str, parent: str) -> Any:
        file = self.file
        table: dict[str, Any] = {
            "quantity": 1 + self.seed % 3, "width": file[4] or 1200, "height": file[5] or 800,
            "sizeinbytes": file[3], "duration": file[6] or 60,
            "lat": self.person["lat"], "latitude": self.person["lat"],
            "lng": self.person["lng"], "longitude": self.person["lng"], "rate": vocab.pick(self.seed, vocab.TAXES)[1],
            "version": 3, "revision": 3, "weight": 0.45, "percentage": 10, "percentoffrate": 10, "minutes": 120,
            "numberofparticipants": 1, "seatsmax": 12, "seatsmin": 1, "freetrialdays": 7, "billingcycles": 12,
        }
        if key in table:
            return table[key]
        if "fee" in parent and ("price" in key or "amount" in key):
            return 2.5
        if "price" in key or "amount" in key or key in ("total", "subtotal", "value", "discount", "tax", "shipping"):
            return vocab.pick(self.seed, vocab.PRODUCTS)[2]
        return 1 + self.seed % 4

def _is_time(key: str) -> bool:
    """A text field that holds a moment: ``dateCreated``, ``startTime``, ``firstSessionStart``."""
    return ("date" in key and "format" not in key and not key.endswith("tbd")) or key.endswith("time") \
        or key.endswith(("sessionstart", "sessionend")) or key in ("start", "end", "timestamp")


def _singular(name: str) -> str:
    low = name.lower()
    return low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") and not low.endswith("ss") else low


def _required_meta(fq: str, field: str) -> bool:
    return fq.endswith("Metadata") and field in ("id", "entityId", "eventTime")
