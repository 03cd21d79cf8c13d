"""Fire overhead (Python): a no-op handler fired through a Site, against the work it wraps.

Baselines, on the same payload in the same process: (a) calling the handler
directly, (b) validating the payload with the same pydantic model alone. The
overhead per fire is the fire's median minus (b)'s; the target is a fire within
2x of (b).
"""

from __future__ import annotations

from typing import Any

import wixevents
from wixevents import Site
from wixevents.events.models import adapter

from .harness import Row, compare

SMALL = "wixForms_onSubmissionCreated"
LARGE = "wixEcom_onOrderCreated"


def large_order(items: int = 50) -> dict[str, Any]:
    """An eCommerce order with ``items`` line items (each a copy of the sample's first)."""
    payload = wixevents.sample(LARGE)
    first = payload["entity"]["lineItems"][0]
    payload["entity"]["lineItems"] = [dict(first, quantity=i + 1) for i in range(items)]
    return payload


def run(quick: bool) -> list[Row]:
    rounds, number = (3, 20) if quick else (9, 200)
    rows = []
    for label, name, payload in (("small event (form submission)", SMALL, wixevents.sample(SMALL)),
                                 ("large event (order, 50 items)", LARGE, large_order())):
        site = Site(durations=False)

        def noop(event: Any) -> None:
            return None

        site.register(noop, name=name)
        check = adapter(name).validate_python
        fire = compare("fire (python)", label, lambda p=payload, s=site, n=name: s.fire(n, payload=p),
                       "validate alone", lambda p=payload, c=check: c(p), rounds=rounds, number=number,
                       target="<= 2x validate")
        bare = compare("fire (python)", label, lambda p=payload, s=site, n=name: s.fire(n, payload=p),
                       "bare handler call", lambda p=payload: noop(p), rounds=rounds, number=number)
        overhead = fire.candidate_us - (fire.baseline_us or 0.0)
        fire.note = f"overhead {overhead:.0f} us per fire"
        rows += [fire, bare]
    return rows
