"""Delivery: Wix's whole webhook resend schedule for one always-failing handler, on the virtual clock.

One fire with ``Delivery(retries=True)`` makes 13 deliveries (the first and 12
resends) spread over about 47 virtual hours -- more than a day of retries -- and
must take well under a second of real time (nothing sleeps). The baseline fires
the same failing handler 13 times exactly once.
"""

from __future__ import annotations

from typing import Any

from wixevents import Delivery, FixedClock, Site

from .harness import Row, compare


def _site(delivery: Delivery) -> Site:
    site = Site(clock=FixedClock(), timeout=None)

    def wixEcom_onOrderCreated(event: Any) -> None:
        raise RuntimeError("the shipping service is down")

    site.register(wixEcom_onOrderCreated)
    site.delivery = delivery
    return site


def run(quick: bool) -> list[Row]:
    retrying, plain = _site(Delivery(retries=True)), _site(Delivery())
    result = retrying.fire("wixEcom_onOrderCreated")
    span = f"{len(result.runs)} attempts, last at +{_hours(result)} h virtual"
    row = compare("delivery", "Wix resend schedule, 1 failing handler", lambda: retrying.fire("wixEcom_onOrderCreated"),
                  "13 plain fires", lambda: [plain.fire("wixEcom_onOrderCreated") for _ in range(13)],
                  rounds=3 if quick else 7, number=1, target="< 1 s", note=span)
    return [row]


def _hours(result: Any) -> str:
    from wixevents.runtime.clock import parse_time

    first, last = (parse_time(result.runs[i].delivered_at) for i in (0, -1))
    return f"{(last - first).total_seconds() / 3600:.1f}"
