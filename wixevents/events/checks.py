"""``check``: every rule of :mod:`.invariants` applied to one payload, each break reported."""

from __future__ import annotations

import re
from typing import Any

from . import invariants as inv
from . import money
from .invariants import Violation

__all__ = ["Violation", "check"]
_CENT = 0.005


def check(name: str, payload: Any, variant: str = "default") -> list[Violation]:
    """Every broken rule in ``payload`` (a sample of event ``name``), as path, rule and message."""
    if not isinstance(payload, dict):
        return [Violation("$", "envelope", "a payload is a JSON object")]
    found = _placeholders(payload) + _money(name, payload) + _time(payload) + _ids(payload)
    return found + _state(name, payload) + _minimal(payload, variant) + _files(name, payload)


def _placeholders(payload: dict[str, Any]) -> list[Violation]:
    out = []
    for path, value in inv.walk(payload):
        key = re.split(r"[.\[]", path)[-1].rstrip("]")
        if isinstance(value, str) and (inv.PLACEHOLDER.search(value) or (
                len(value) > 3 and value.lower().replace("_", "") == key.lower().replace("_", ""))):
            out.append(Violation(path, "placeholder", f"filler text {value!r} instead of a realistic value"))
        if isinstance(value, dict) and any(re.fullmatch(r"key\d+", str(k)) for k in value):
            out.append(Violation(path, "placeholder", "a map key like 'key1' instead of a realistic key"))
    return out


def _near(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) < _CENT


def _money(name: str, payload: dict[str, Any]) -> list[Violation]:
    out, paid_event = [], "paid" in name.split("_", 1)[-1].lower()
    for path, node, cur in inv.price_objects(payload, with_path=True):
        if not money.formatted_matches(node, cur):
            out.append(Violation(f"{path}.formattedAmount", "formatted-amount",
                                 f"{node['formattedAmount']!r} does not show {node['amount']} {cur}"))
    for path, node, _ in inv._currency_walk(payload, inv.currency_of(payload)):
        lines, subtotal = inv.lines_of(node), 0.0
        lkey = next((k for k in money.LINE_KEYS if node.get(k) is lines), "lineItems")
        for i, line in enumerate(lines):
            price = _price(line)
            qty = line.get("quantity", 1)
            if price is None or not isinstance(qty, (int, float)):
                continue
            subtotal += price * qty
            for key in money.LINE_TOTAL_KEYS:
                if key in line and not _near(money.read(line[key]), price * qty):
                    out.append(Violation(f"{path}.{lkey}[{i}].{key}", "line-total",
                                         f"{money.read(line[key])} is not price {price} x quantity {qty}"))
        for summary in inv.summaries(node):
            spath = f"{path}.{_key(node, summary)}"
            sub = money.read(summary.get("subtotal"))
            if lines and not _near(sub, subtotal):
                out.append(Violation(f"{spath}.subtotal", "subtotal", f"{sub} is not the sum of the lines {subtotal}"))
            adds = (*money.TAX_KEYS, *money.SHIPPING_KEYS, "totalAdditionalFees")
            parts = {k: money.read(summary.get(k)) or 0.0 for k in (*money.DISCOUNT_KEYS, *adds)}
            want = (sub or 0.0) - sum(parts[k] for k in money.DISCOUNT_KEYS) + sum(parts[k] for k in adds)
            fees = [f for f in summary.get("fees") or [] if isinstance(f, dict)]
            want += sum(money.read(f.get("price")) or 0.0 for f in fees)
            total = money.read(summary.get("total"))
            if not _near(total, want):
                out.append(Violation(f"{spath}.total", "total", f"{total} is not subtotal - discount + tax"
                                     f" + shipping (+ fees) = {round(want, 2)}"))
            for bal in inv.balances(node):
                bpath = f"{path}.{_key(node, bal)}.balance"
                paid = next((money.read(bal[k]) for k in money.PAID_KEYS if k in bal), None)
                balance = money.read(bal.get("balance"))
                if paid is not None and balance is not None and not _near(paid + balance, total or 0.0):
                    out.append(Violation(bpath, "paid-balance", f"paid {paid} + balance {balance} "
                                         f"is not the total {total}"))
                if paid_event and balance is not None and not _near(balance, 0.0):
                    out.append(Violation(bpath, "event-state", f"a paid event shows balance {balance}"))
    return out


def _price(line: dict[str, Any]) -> float | None:
    return next((money.read(line[k]) for k in money.PRICE_KEYS if money.read(line.get(k)) is not None), None)


def _key(node: dict[str, Any], child: Any) -> str:
    return next((k for k, v in node.items() if v is child), "")


def _time(payload: dict[str, Any]) -> list[Violation]:
    out = []
    for path, node in inv.walk(payload):
        if not isinstance(node, dict):
            continue
        for early, late, strict in inv.TIME_PAIRS:
            a, b = inv.stamp(node.get(early)), inv.stamp(node.get(late))
            if a is not None and b is not None and (b <= a if strict else b < a):
                out.append(Violation(f"{path}.{late}", "time-order", f"{late} {node[late]} is before {early}"))
    meta = payload.get("metadata")
    when = inv.stamp(meta.get("eventTime")) if isinstance(meta, dict) else None
    latest = inv.latest_update(payload)
    if when is not None and latest is not None and when < latest:
        out.append(Violation("$.metadata.eventTime", "event-time",
                             "the event happens before the entity's last update"))
    return out


def _ids(payload: dict[str, Any]) -> list[Violation]:
    out, meta, wanted = [], payload.get("metadata"), inv.entity_id(payload)
    if isinstance(meta, dict) and wanted is not None and meta.get("entityId") not in (None, wanted):
        out.append(Violation("$.metadata.entityId", "entity-id",
                             f"{meta['entityId']} is not the entity's ID {wanted}"))
    contacts = set(inv.values_of(payload, "contactId"))
    if len(contacts) > 1:
        out.append(Violation("$", "contact-id", f"{len(contacts)} different contactId values for one contact"))
    return out


def _state(name: str, payload: dict[str, Any]) -> list[Violation]:
    word = re.findall(r"[A-Z][a-z]+", name.split("_", 1)[-1])[-1:] or [""]
    allowed = inv.STATES.get(word[0].lower())
    out = []
    if allowed:
        for entity in inv.entities(payload):
            states = [v for k, v in entity.items() if k.lower().endswith("status") and isinstance(v, str)]
            if states and not any(s.upper() in allowed for s in states) and _state_is_typed(name, allowed):
                out.append(Violation("$..status", "event-state", f"a {word[0]} event carries status {states[0]!r}"))
    return out


def _state_is_typed(name: str, allowed: tuple[str, ...]) -> bool:
    from .catalog import catalog, schema

    for _, t, _ in schema.walk(catalog[name].payload_type):
        if isinstance(t, dict) and "enum" in t and any(v.upper() in allowed for v in t["enum"]):
            return True
    return False


MIME_EXTENSIONS = {"image/jpeg": ("jpg", "jpeg"), "image/png": ("png",), "image/gif": ("gif",),
                   "video/mp4": ("mp4",), "audio/mpeg": ("mp3",), "application/pdf": ("pdf",)}
_FILE_KEYS = ("fileName", "originalFileName", "displayName")


def _files(name: str, payload: dict[str, Any]) -> list[Violation]:
    """A MIME type agrees with the file's name, and with the event (an audio event's file is audio)."""
    out = []
    kind = next((k for k in ("audio", "video") if k.capitalize() in name.split("_", 1)[-1]), None)
    for path, node in inv.walk(payload):
        if not isinstance(node, dict) or not isinstance(node.get("mimeType"), str):
            continue
        mime = node["mimeType"]
        for key in _FILE_KEYS:
            found = node.get(key)
            ext = found.rpartition(".")[2].lower() if isinstance(found, str) and "." in found else ""
            if ext and mime in MIME_EXTENSIONS and ext not in MIME_EXTENSIONS[mime]:
                out.append(Violation(f"{path}.{key}", "mime-type", f"a .{ext} file is not {mime}"))
        if kind and not mime.startswith(kind + "/"):
            out.append(Violation(f"{path}.mimeType", "mime-type", f"the {kind} event's file is {mime}"))
    return out


def _minimal(payload: dict[str, Any], variant: str) -> list[Violation]:
    if variant != "minimal":
        return []
    return [Violation(f"$.{k}", "minimal-entity", "a real event always carries its entity, never an empty object")
            for k in ("entity", "data") if payload.get(k) == {}]
