"""Make a sample payload agree with itself: money adds up, time runs forward, IDs match.

``settle(name, payload)`` edits a generated (or hand-described) payload in
place so that it satisfies every rule :mod:`.invariants` checks:

* money: each line total is price x quantity, the subtotal is the sum of the
  lines, a discount is the ``SPRING10`` 10 %, tax follows the persona's rate,
  total = subtotal - discount + tax + shipping, paid + balance = total (all
  paid when the payload says so), and every formatted amount shows its amount
  in the payload's currency;
* time: created <= updated, issue <= due, start < end, and
  ``metadata.eventTime`` is not before anything in the entity;
* IDs: ``metadata.entityId`` is the entity's ID, every ``contactId`` is one contact.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from . import invariants as inv
from . import money


def settle(name: str, payload: dict[str, Any], rate: float = 20.0, fresh: bool = False) -> dict[str, Any]:
    """Repair ``payload`` (in place) for event ``name`` and return it.

    ``rate`` is the tax rate in percent, unless the payload names its own (a ``taxes[].rate``).
    A ``fresh`` (generated) payload gets the 10 % discount, the tax at ``rate`` and a 5.00
    shipping; a described (curated) one keeps its own discount, tax and shipping and only
    has the sums made right.
    """
    paid_event = "paid" in name.lower().split("_", 1)[-1]
    rate = next((float(t["rate"]) for n in inv.dicts(payload) for t in n.get("taxes") or []
                 if isinstance(t, dict) and isinstance(t.get("rate"), (int, float))), rate)
    for node, currency in inv.money_nodes(payload):
        _money(node, currency, rate, paid_event, fresh)
    for node, currency in inv.price_objects(payload):
        node.update(money.write(node, money.read(node) or 0.0, currency))
    for node in inv.dicts(payload):
        _time(node)
    _event_time(payload)
    _ids(payload)
    return payload


def _set(node: dict[str, Any], keys: tuple[str, ...], amount: float, currency: str) -> None:
    for key in keys:
        if key in node and money.read(node[key]) is not None:
            node[key] = money.write(node[key], amount, currency)


def _money(node: dict[str, Any], currency: str, rate: float, paid_event: bool, fresh: bool) -> None:
    lines = inv.lines_of(node)
    subtotal = 0.0
    for line in lines:
        price = next((money.read(line[k]) for k in money.PRICE_KEYS if money.read(line.get(k)) is not None), None)
        if price is None:
            continue
        found = line.get("quantity")
        quantity: int = found if isinstance(found, int) and found > 0 else 1
        if "quantity" in line:
            line["quantity"] = quantity
        total = round(price * quantity, 2)
        _set(line, money.LINE_TOTAL_KEYS, total, currency)
        _set(line, ("priceBeforeDiscounts",), price, currency)
        _set(line, ("totalDiscount", "depositAmount"), 0.0, currency)
        _set(line, ("totalPriceAfterTax",), total + round(total * rate / 100, 2), currency)
        subtotal += total
    for summary in inv.summaries(node):
        sub = round(subtotal, 2) if lines else money.read(summary.get("subtotal"))
        if sub is None:
            continue
        discount = round(sub * 0.10, 2) if any(k in summary for k in money.DISCOUNT_KEYS) else 0.0
        tax = round((sub - discount) * rate / 100, 2) if any(k in summary for k in money.TAX_KEYS) else 0.0
        shipping = 5.0 if any(k in summary for k in money.SHIPPING_KEYS) else 0.0
        if not fresh:
            discount, tax, shipping = (_own(summary, keys) for keys in (
                money.DISCOUNT_KEYS, money.TAX_KEYS, money.SHIPPING_KEYS))
        fees = sum(money.read(f.get("price")) or 0.0 for f in summary.get("fees") or [] if isinstance(f, dict))
        _set(summary, ("subtotal",), sub, currency)
        _set(summary, money.DISCOUNT_KEYS, discount, currency)
        _set(summary, money.TAX_KEYS, tax, currency)
        _set(summary, money.SHIPPING_KEYS, shipping, currency)
        _set(summary, ("totalAdditionalFees",), 0.0, currency)
        total = round(sub - discount + tax + shipping + fees, 2)
        if fresh:
            _describe(node, sub - discount, discount, tax, currency)
        _set(summary, ("total",), total, currency)
        for balance in inv.balances(node):
            paid = total if paid_event or inv.says_paid(node) else 0.0
            _set(balance, money.PAID_KEYS, paid, currency)
            _set(balance, ("balance",), round(total - paid, 2), currency)
            _set(balance, ("refunded",), 0.0, currency)
            _payments(node, paid, currency)


def _own(summary: dict[str, Any], keys: tuple[str, ...]) -> float:
    return next((found for k in keys if (found := money.read(summary.get(k))) is not None), 0.0)


def _describe(node: dict[str, Any], taxable: float, discount: float, tax: float, currency: str) -> None:
    """The invoice-style discount and tax lines tell the same story as the totals."""
    if isinstance(node.get("discount"), dict) and "value" in node["discount"] and node["discount"].get("type") \
            in ("Fixed", "FIXED", "AMOUNT"):
        node["discount"]["value"] = money.write(node["discount"]["value"], discount, currency)
    taxes = [t for t in node.get("taxes") or [] if isinstance(t, dict)]
    if len(taxes) == 1:
        _set(taxes[0], ("taxable",), round(taxable, 2), currency)
        _set(taxes[0], ("taxed",), tax, currency)


def _payments(node: dict[str, Any], paid: float, currency: str) -> None:
    payments = [p for p in node.get("payments") or []
                if isinstance(p, dict) and money.read(p.get("amount")) is not None]
    if payments:
        others = sum(money.read(p["amount"]) or 0.0 for p in payments[:-1])
        payments[-1]["amount"] = money.write(payments[-1]["amount"], max(paid - others, 0.0), currency)


def _time(node: dict[str, Any]) -> None:
    for early, late, gap in inv.TIME_PAIRS:
        first, second = inv.stamp(node.get(early)), inv.stamp(node.get(late))
        if first is None or second is None or (second > first if gap else second >= first):
            continue
        node[late] = inv.write_stamp(node[late], first + (timedelta(hours=2) if gap else timedelta(0)))


def _event_time(payload: dict[str, Any]) -> None:
    meta = payload.get("metadata")
    when = inv.stamp(meta.get("eventTime")) if isinstance(meta, dict) else None
    latest = inv.latest_update(payload)
    if when is not None and latest is not None and when < latest:
        meta["eventTime"] = inv.write_stamp(meta["eventTime"], latest)  # type: ignore[index]


def _ids(payload: dict[str, Any]) -> None:
    meta, entity_id = payload.get("metadata"), inv.entity_id(payload)
    if isinstance(meta, dict) and "entityId" in meta and entity_id is not None:
        meta["entityId"] = entity_id
    contacts = inv.values_of(payload, "contactId")
    for node in inv.dicts(payload):
        if isinstance(node.get("contactId"), str) and contacts:
            node["contactId"] = contacts[0]
