"""Amounts in a payload, in the three forms Wix uses, and how Wix formats them.

Wix writes money as a JSON number (legacy invoices: ``"price": 45``), as decimal
text (``"amount": "49.90"``) or as a price object (``{"amount": "49.90",
"formattedAmount": "$49.90"}``). ``read`` gets a number out of any of them;
``write`` puts one back in the same form, so a sample keeps its shape.
"""

from __future__ import annotations

import re
from typing import Any

SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "BRL": "R$", "ILS": "₪", "JPY": "¥", "CAD": "CA$",
           "AUD": "A$", "SEK": "kr", "CHF": "CHF"}
LINE_KEYS = ("lineItems", "items", "lines")
PRICE_KEYS = ("price", "unitPrice", "itemPrice")
LINE_TOTAL_KEYS = ("lineItemPrice", "totalPrice", "totalPriceBeforeTax", "total")
SUMMARY_KEYS = ("priceSummary", "totals", "summary")
DISCOUNT_KEYS = ("discount", "discountAmount")
TAX_KEYS = ("tax", "taxedAmount", "totalTax", "taxAmount")
SHIPPING_KEYS = ("shipping", "shippingAmount")
PAID_KEYS = ("paid", "paidAmount")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


def read(value: Any) -> float | None:
    """The amount in a number, decimal text or price object, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        return float(value)
    if isinstance(value, dict):
        return read(value.get("amount", value.get("value")))
    return None


def fmt(amount: float, currency: str) -> str:
    """Wix's display form of an amount: the currency symbol and two decimals (``$1,049.90``)."""
    symbol = SYMBOLS.get(currency, currency + " ")
    sign = "-" if amount < 0 else ""
    text = f"{abs(amount):,.2f}"
    return f"{sign}{text} {symbol}" if symbol == "kr" else f"{sign}{symbol}{text}"


def write(old: Any, amount: float, currency: str) -> Any:
    """``amount`` in the form of ``old`` (number, text or price object)."""
    amount = round(amount + 0.0, 2)
    if isinstance(old, dict):
        new = dict(old)
        key = "amount" if "amount" in old or "value" not in old else "value"
        new[key] = write(old.get(key, "0.00"), amount, currency)
        if "formattedAmount" in old:
            new["formattedAmount"] = fmt(amount, currency)
        if "convertedAmount" in old:
            new["convertedAmount"] = new[key]
        if "formattedConvertedAmount" in old:
            new["formattedConvertedAmount"] = fmt(amount, currency)
        return new
    if isinstance(old, str):
        return f"{amount:.2f}"
    return int(amount) if amount == int(amount) and isinstance(old, int) else amount


def formatted_matches(price: dict[str, Any], currency: str) -> bool:
    """Does ``formattedAmount`` show ``amount`` (to the cent) in ``currency``?"""
    amount, text = read(price), price.get("formattedAmount")
    if amount is None or not isinstance(text, str):
        return True
    digits = text.replace(",", "").replace("\u00a0", " ")
    found = _NUMBER.search(digits)
    symbol = SYMBOLS.get(currency, currency)
    return found is not None and abs(float(found.group()) - abs(amount)) < 0.005 and (
        symbol in text or currency in text)
