"""What the simulated Wix APIs keep for one site: collections, contacts, members, emails, HTTP calls.

One :class:`VeloState` per site (``site.velo``). State is data a real site would
hold: cleared by ``site.reset()``, which then puts the seeds back (``site.seed``).
Configuration -- secrets, HTTP stubs, the identity hooks see -- survives a reset.

Members start out as the members of the shipped ``wixMembers_onMemberCreated``
samples (the legacy ``wix-members-backend`` shape, ``contactDetails``), so a
handler fired with a member sample finds that member with ``getMember``.

Identity (Wix documents none for backend events, research doc 3.10): hooks see
``userId`` None and ``userRole`` ``"anonymous"``; set ``site.velo.identity`` to
act as a member or the site owner. Items get ``_owner`` = the identity's user ID,
else the site owner's ID, a fixed ID derived from the site's ID seed.
"""

from __future__ import annotations

import copy
import threading
import uuid
from typing import TYPE_CHECKING, Any

from ..runtime.clock import ID_NAMESPACE
from .api_stubs import ApiStubs
from .http import HttpStubs

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["VeloState", "sample_members"]


class VeloState:
    """The simulated site data of one :class:`~wixevents.Site`; every store is guarded by ``lock``."""

    def __init__(self, site: VeloSite) -> None:
        self.lock = threading.RLock()
        self.secrets: dict[str, str] = {}
        self.http = HttpStubs()
        self.api = ApiStubs()
        self.identity: dict[str, Any] = {"userId": None, "userRole": "anonymous"}
        self.owner_id = str(uuid.uuid5(ID_NAMESPACE, f"{site.ids.seed}/site-owner"))
        self.seeds: dict[str, Any] = {"collections": {}, "contacts": [], "members": []}
        self._calls = 0
        self.clear()

    def clear(self) -> None:
        """Empty every store (seeds are put back by :meth:`restore`)."""
        with self.lock:
            self.collections: dict[str, dict[str, dict[str, Any]]] = {}
            self.contacts: dict[str, dict[str, Any]] = {}
            self.labels: dict[str, dict[str, Any]] = {}
            self.emails: list[dict[str, Any]] = []
            self.http_calls: list[dict[str, Any]] = []
            self.media: dict[str, dict[str, Any]] = {}
            self.notifications: list[dict[str, Any]] = []
            self.media_folders: dict[str, dict[str, Any]] = {}
            self.outside: list[dict[str, Any]] = []
            self._members: dict[str, dict[str, Any]] | None = None

    def restore(self) -> None:
        """Put the remembered seeds back into the (cleared) stores."""
        with self.lock:
            for name, items in self.seeds["collections"].items():
                self.collection(name).update({item["_id"]: copy.deepcopy(item) for item in items})
            self.contacts.update({c["_id"]: copy.deepcopy(c) for c in self.seeds["contacts"]})

    def next_call(self) -> int:
        with self.lock:
            self._calls += 1
            return self._calls

    def keep(self, effect: dict[str, Any]) -> None:
        """Keep the effect of a call made outside any run."""
        with self.lock:
            self.outside.append(effect)

    def collection(self, name: str) -> dict[str, dict[str, Any]]:
        """The items of collection ``name`` by ``_id`` in insertion order (made empty on first use)."""
        with self.lock:
            return self.collections.setdefault(name, {})

    @property
    def members(self) -> dict[str, dict[str, Any]]:
        """Members by ``_id``: the sample members, then seeded ones (made on first use)."""
        with self.lock:
            if self._members is None:
                self._members = sample_members()
                self._members.update({m["_id"]: copy.deepcopy(m) for m in self.seeds["members"]})
            return self._members


def sample_members() -> dict[str, dict[str, Any]]:
    """The members of the ``wixMembers_onMemberCreated`` samples, as ``wix-members-backend`` returns them."""
    from ..events.samples import sample, samples

    found: dict[str, dict[str, Any]] = {}
    for variant in samples("wixMembers_onMemberCreated"):
        entity = sample("wixMembers_onMemberCreated", variant).get("entity") or {}
        if isinstance(entity.get("_id"), str) and entity["_id"] not in found:
            member = dict(entity)
            if "contact" in member and "contactDetails" not in member:
                member["contactDetails"] = member.pop("contact")
            found[member["_id"]] = member
    return found
