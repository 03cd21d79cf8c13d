"""A checkpoint of a site's simulated Wix data, to put back after each of many trial fires.

``site.fuzz`` fires hundreds of payloads; each should meet the site as it was
when fuzzing began (a handler inserting an order by its ``_id`` would otherwise
fail from the second payload on, for a reason no real fire has). Collections,
contacts, labels, members, emails, HTTP calls and the call counter are copied;
handlers, hooks, HTTP stubs, secrets and the identity are not touched by fires
and stay as they are.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from .site_api import VeloSite

__all__ = ["checkpoint"]

_FIELDS = ("collections", "contacts", "labels", "emails", "http_calls", "outside", "_members", "_calls")


def checkpoint(site: VeloSite) -> Callable[[], None]:
    """Copy the site's simulated data now; the returned function puts that copy back (any number of times)."""
    state = site.velo
    with state.lock:
        saved: dict[str, Any] = copy.deepcopy({k: getattr(state, k) for k in _FIELDS if hasattr(state, k)})

    def restore() -> None:
        with state.lock:
            for key, value in saved.items():
                setattr(state, key, copy.deepcopy(value))

    return restore
