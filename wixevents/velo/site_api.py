"""The simulated-Wix side of a :class:`~wixevents.Site`: its data, its effects, its cascades.

Mixed into ``Site``; everything here reads or changes ``site.velo``
(:class:`~wixevents.velo.state.VeloState`)::

    site.seed(collections={"Bookings": [...]}, secrets={"crm-key": "..."})
    site.http.stub("https://api.example.com/*", json={"ok": True})
    site.fire("wixBilling_onInvoicePaid")
    site.collection("Payments"); site.emails(); site.effects(); site.trace(1)
    site.reset()                         # data back to the seeds; history, handlers, stubs kept

Two kinds of record, kept apart on purpose: the **history** (what ran and what
each run did: ``site.effects()``) and the **state** (what the site holds now:
collections, contacts, members, emails, HTTP calls). ``reset`` clears the state
and keeps the history unless asked (``history=True``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from copy import deepcopy
from typing import TYPE_CHECKING, Any

from ..runtime.context import use_site
from ..runtime.core import SiteCore
from ..runtime.effects import effects_frame
from ..runtime.history import History
from ..runtime.trace import Trace
from . import frames, seeding
from .state import VeloState

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd

if TYPE_CHECKING:
    from ..runtime.hooks import DataHook
    from .api_stubs import ApiStubs
    from .http import HttpStubs

__all__ = ["VeloSite"]


class VeloSite(SiteCore):
    """Tables, seeding, reset and trace of the simulated Wix site (a room of ``Site``)."""

    velo: VeloState

    def _setup(self) -> None:
        super()._setup()
        self.velo = VeloState(self)

    def _fresh_copy(self) -> SiteCore:
        """The core's copy, plus this site's seeds, secrets, HTTP stubs and identity (not its data)."""
        copy = super()._fresh_copy()
        if isinstance(copy, VeloSite):
            with self.velo.lock:
                copy.velo.seeds = deepcopy(self.velo.seeds)
                copy.velo.secrets, copy.velo.http = dict(self.velo.secrets), self.velo.http
                copy.velo.identity = dict(self.velo.identity)
            copy.velo.restore()
        return copy

    def _state_snapshot(self) -> dict[str, list[Any]]:
        """Collections, contacts, emails and HTTP calls, without generated IDs and dates (see check_idempotent)."""
        with self.velo.lock:
            found = {f"collection {name}": [_plain(item) for item in items.values()]
                     for name, items in self.velo.collections.items()}
            found["contacts"] = [_plain(c) for c in self.velo.contacts.values()]
            found["emails"] = [_plain(e) for e in self.velo.emails]
            found["http calls"] = [_plain(c) for c in self.velo.http_calls]
        return {name: sorted(items, key=repr) for name, items in found.items() if items}

    def use(self) -> AbstractContextManager[SiteCore]:
        """``with site.use(): wix_data.insert(...)`` -- simulated calls outside any run act on this site."""
        return use_site(self)

    @property
    def hooks(self) -> list[DataHook]:
        """Every registered data hook, sources in call order."""
        return list(self.registry.hooks)

    @property
    def http(self) -> HttpStubs:
        """The site's ``wix-fetch`` stubs: ``site.http.stub(url_or_pattern, json=..., status=...)``."""
        return self.velo.http

    @property
    def api(self) -> ApiStubs:
        """Answers for Wix API functions of the generic tier: ``site.api.stub(module, function, returns=...)``."""
        return self.velo.api

    @property
    def secrets(self) -> dict[str, str]:
        """What ``wix-secrets-backend``'s ``getSecret(name)`` returns, by name (assign or update it)."""
        return self.velo.secrets

    @secrets.setter
    def secrets(self, value: dict[str, str]) -> None:
        self.velo.secrets = dict(value)

    def collection(self, name: str) -> pd.DataFrame:
        """The items of collection ``name`` now, one row each (empty for a collection never used)."""
        with self.velo.lock:
            items = list(self.velo.collections.get(name, {}).values())
        return frames.collection_frame(items)

    def collections(self) -> list[str]:
        """Names of the collections that hold or held items."""
        with self.velo.lock:
            return list(self.velo.collections)

    def effects(self) -> pd.DataFrame:
        """Every simulated Wix API call of the site, in call order (columns in :mod:`wixevents.runtime.effects`)."""
        with self.velo.lock:
            outside = list(self.velo.outside)
        return effects_frame([*(e for run in self.history for e in run.effects), *outside])

    def contacts(self) -> pd.DataFrame:
        """The site's contacts now (``wix-crm-backend``)."""
        with self.velo.lock:
            return frames.contacts_frame(list(self.velo.contacts.values()))

    def members(self) -> pd.DataFrame:
        """The site's members now (``wix-members-backend``; the sample members to start with)."""
        with self.velo.lock:
            return frames.members_frame(list(self.velo.members.values()))

    def emails(self) -> pd.DataFrame:
        """Triggered emails handlers asked for (recorded, never sent)."""
        with self.velo.lock:
            return frames.emails_frame(list(self.velo.emails))

    def notifications(self) -> pd.DataFrame:
        """Dashboard/mobile/browser notifications handlers sent (``wix-crm-backend``; recorded, never delivered)."""
        with self.velo.lock:
            return frames.notifications_frame(list(self.velo.notifications))

    def media_files(self) -> pd.DataFrame:
        """The files in the site's Media Manager now (``wix-media-backend`` uploads and imports)."""
        with self.velo.lock:
            return frames.media_frame(list(self.velo.media.values()))

    def http_calls(self) -> pd.DataFrame:
        """Every ``wix-fetch`` request, answered by a stub or failed for want of one."""
        with self.velo.lock:
            return frames.http_frame(list(self.velo.http_calls))

    def seed(self, data: Any = None, *, collections: dict[str, Any] | None = None, contacts: Any = None,
             members: Any = None, secrets: dict[str, str] | None = None) -> None:
        """Give the site data to start from (lists of dicts, DataFrames, JSON); see :mod:`.seeding`."""
        seeding.seed(self, data, collections=collections, contacts=contacts,
                     members=members, secrets=secrets)

    def seed_collection(self, name: str, data: Any) -> None:
        """Add ``data`` (list of dicts, DataFrame, JSON text or path) to collection ``name``."""
        seeding.seed_collection(self, name, data)

    def reset(self, *, seeds: bool = True, history: bool = False) -> None:
        """Clear collections, contacts, members, emails and HTTP calls, then put the seeds back.

        ``seeds=False`` forgets the seeds too (members go back to the samples'); ``history=True``
        also starts a new, empty history. Handlers, hooks, stubs and secrets stay.
        """
        with self.velo.lock:
            self.velo.clear()
            if not seeds:
                self.velo.seeds = {"collections": {}, "contacts": [], "members": []}
            self.velo.restore()
        if history:
            self.history = History()

    def trace(self, seq: int) -> Trace:
        """The cascade containing run ``seq`` as a tree: what ran, what it called, what that caused."""
        return Trace(self.history, seq)


_GENERATED = frozenset({"_id", "_createdDate", "_updatedDate", "_owner", "call", "seq", "time"})


def _plain(record: Any) -> Any:
    """``record`` without the keys a store generates (IDs, dates, call numbers), for comparing two sites."""
    if isinstance(record, dict):
        return {k: _plain(v) for k, v in record.items() if k not in _GENERATED}
    return record
