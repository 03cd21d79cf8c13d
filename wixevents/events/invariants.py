"""The rules every sample payload keeps, and ``check`` that reports each broken one.

``check(name, payload, variant)`` returns one :class:`Violation` per broken rule
(JSON path, rule name, what is wrong). The rules: ``placeholder`` (no filler
text, no field name echoed as its value), ``line-total``, ``subtotal``,
``total``, ``paid-balance``, ``formatted-amount``, ``time-order``,
``event-time``, ``entity-id``, ``contact-id``, ``event-state``,
``minimal-entity`` and ``mime-type``. :mod:`.settle` makes a payload obey them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from . import money

TIME_PAIRS = (("_createdDate", "_updatedDate", False), ("createdDate", "updatedDate", False),
              ("dateCreated", "dateUpdated", False), ("issueDate", "dueDate", False),
              ("startDate", "endDate", True), ("start", "end", True), ("startTime", "endTime", True))
UPDATED = ("_updatedDate", "updatedDate", "dateUpdated", "_createdDate", "createdDate", "dateCreated")
STATES = {"paid": ("PAID",), "canceled": ("CANCELED", "CANCELLED"), "confirmed": ("CONFIRMED",),
          "declined": ("DECLINED",), "approved": ("APPROVED",), "rejected": ("REJECTED",),
          "archived": ("ARCHIVED",), "completed": ("COMPLETED",), "expired": ("EXPIRED",), "ended": ("ENDED",)}
PLACEHOLDER = re.compile(r"^sample\b|a sample value|lorem ipsum|placeholder|\bfoo\b|\btodo\b", re.I)


@dataclass(frozen=True)
class Violation:
    path: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: [{self.rule}] {self.message}"


def walk(node: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    yield path, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, f"{path}[{i}]")


def dicts(payload: Any) -> Iterator[dict[str, Any]]:
    return (n for _, n in walk(payload) if isinstance(n, dict))


def _currency_walk(node: Any, currency: str, path: str = "$") -> Iterator[tuple[str, dict[str, Any], str]]:
    if isinstance(node, dict):
        found = node.get("currency")
        currency = found if isinstance(found, str) and len(found) == 3 else currency
        yield path, node, currency
        for k, v in node.items():
            yield from _currency_walk(v, currency, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _currency_walk(v, currency, f"{path}[{i}]")


def currency_of(payload: Any) -> str:
    found = values_of(payload, "currency")
    return next((c for c in found if len(c) == 3), "USD")


def money_nodes(payload: Any) -> Iterator[tuple[dict[str, Any], str]]:
    for _, node, cur in _currency_walk(payload, currency_of(payload)):
        if lines_of(node) or list(summaries(node)):
            yield node, cur


def price_objects(payload: Any, with_path: bool = False) -> Iterator[Any]:
    for path, node, cur in _currency_walk(payload, currency_of(payload)):
        if "amount" in node and "formattedAmount" in node:
            yield (path, node, cur) if with_path else (node, cur)


def lines_of(node: dict[str, Any]) -> list[dict[str, Any]]:
    for key in money.LINE_KEYS:
        items = node.get(key)
        if isinstance(items, list) and items and all(
                isinstance(i, dict) and any(k in i for k in money.PRICE_KEYS) for i in items):
            return items
    return []


def summaries(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for key in money.SUMMARY_KEYS:
        if isinstance(node.get(key), dict) and "total" in node[key] and "subtotal" in node[key]:
            yield node[key]


def balances(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for key in ("balanceSummary", "dynamicTotals"):
        if isinstance(node.get(key), dict) and "balance" in node[key]:
            yield node[key]


def says_paid(node: dict[str, Any]) -> bool:
    return any(isinstance(node.get(k), str) and node[k].upper() in ("PAID", "FULLY_PAID")
               for k in ("status", "paymentStatus"))


def stamp(value: Any) -> datetime | None:
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d\d-\d\dT", value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def write_stamp(old: Any, when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def entities(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """The entity objects of a payload: ``entity``, the objects in ``data``, or a flat payload itself."""
    if isinstance(payload.get("entity"), dict):
        return [payload["entity"]]
    if isinstance(payload.get("data"), dict):
        return [v for v in payload["data"].values() if isinstance(v, dict) and ("_id" in v or "id" in v)]
    return [] if is_envelope(payload) else [payload]


def is_envelope(payload: dict[str, Any]) -> bool:
    """An ``entity``/``data`` + ``metadata`` envelope (a legacy invoice has a ``metadata`` of its own)."""
    meta = payload.get("metadata")
    return isinstance(meta, dict) and ("eventTime" in meta or "entityId" in meta)


def entity_id(payload: dict[str, Any]) -> str | None:
    found = entities(payload) if is_envelope(payload) else []
    ids = [e.get("_id", e.get("id")) for e in found]
    return ids[0] if len(ids) == 1 and isinstance(ids[0], str) else None


def latest_update(payload: dict[str, Any]) -> datetime | None:
    found = [s for e in entities(payload) for k in UPDATED if (s := stamp(e.get(k)))
             if is_envelope(payload)]
    return max(found) if found else None


def values_of(payload: Any, key: str) -> list[str]:
    return [n[key] for n in dicts(payload) if isinstance(n.get(key), str)]
