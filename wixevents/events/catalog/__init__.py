"""The catalog of Wix backend events: a read-only mapping of handler name -> EventType.

Generated from Wix's Velo reference by ``tools/gen_catalog.py`` (data in
``catalog/data/``, never edited by hand). One entry per handler name a site can
export from ``backend/events.js``. Decisions that users should know:

* Where Wix documents two spellings of one handler (``wixBookings_`` and
  ``wixBookingsV2_`` for Bookings V2, ``wixEventsV3_`` for Wix Events V3,
  ``wixStoresCatalogV1_``), the entry has one canonical ``name`` and the other
  spelling in ``aliases``; ``catalog[alias]`` returns the same entry.
* Where two modules document the same handler name (a legacy and a V2 module),
  a site has one function by that name, so there is one entry. Its payload
  follows the current module (not deprecated, V2 dialect); ``shapes`` keeps the
  other module's payload, which has a sample variant of its own.
* Wix's Groups pages spell every groups handler ``wixSocialGroupsV2_``; that
  spelling is an alias of ``wixSocialGroups_``. ``onGroupRequestApproved`` and
  ``onGroupRequestRejected`` are documented on Wix's pages but missing from the
  reference's event list; their entries (``source == "docs"``) wrap the
  reference's own group-request body type in a ``{data, metadata}`` envelope.
* ``wixEvents_onEventCreated`` and its six siblings stay the legacy (flat) Wix
  Events handlers; the Events V3 versions are ``wixEventsV3_...``.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..._frames import tagged
from ..._paths import CATALOG_DATA, sample_variants
from ...errors import UnknownEventType
from . import schema

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Catalog", "EventType", "HookType", "Shape", "catalog"]


@dataclass(frozen=True)
class Shape:
    """One module's payload for an event: its module, kind and root type."""

    module: str
    kind: str
    payload: Any
    v2: bool = True


@dataclass(frozen=True)
class EventType:
    """One backend event: how to name its handler and what its payload holds."""

    name: str
    module: str
    event: str
    kind: str
    summary: str
    docs_url: str
    aliases: tuple[str, ...] = ()
    deprecated: bool = False
    replacement: str | None = None
    slug: str | None = None
    beta: bool = False
    source: str = "reference"
    reference_module: str = ""
    mixed_envelope: bool = False
    shapes: tuple[Shape, ...] = ()
    operations: tuple[str, ...] = ()
    notes: Mapping[str, str] = field(default_factory=dict)

    @property
    def payload_type(self) -> Any:
        """The root type of the payload (of the main shape)."""
        return self.shapes[0].payload

    def samples(self) -> list[str]:
        """Names of this event's sample variants, ``default`` first."""
        return sample_variants(self.name)

    def fields(self, shape: int = 0) -> pd.DataFrame:
        """One row per payload field: path, type, optional, enum values, description."""
        import pandas as pd

        rows = [
            {"path": path, "type": schema.display(t), "optional": optional,
             "enum": ", ".join(t["enum"]) if isinstance(t, dict) and "enum" in t else "",
             "description": self.notes.get(path, "")}
            for path, t, optional in schema.walk(self.shapes[shape].payload)
        ]
        frame: pd.DataFrame = pd.DataFrame(rows, columns=["path", "type", "optional", "enum", "description"])
        return tagged(frame, "path")

    def __repr__(self) -> str:
        flag = " (deprecated)" if self.deprecated else ""
        return f"<EventType {self.name}{flag}: {self.kind} payload from {self.module}>"


@dataclass(frozen=True)
class HookType:
    """A data hook of ``backend/data.js``: ``<collection>_<name>(argument, context)``."""

    name: str
    argument: str
    stage: str
    argument_type: Any = None
    context: Any = None


def _event(raw: dict[str, Any]) -> EventType:
    shapes = tuple(Shape(s["module"], s["kind"], s["payload"], s["v2"]) for s in raw["shapes"])
    keep = {k: v for k, v in raw.items() if k in EventType.__dataclass_fields__}
    return EventType(**keep | {"aliases": tuple(raw["aliases"]), "shapes": shapes,
                               "operations": tuple(raw["operations"])})


class Catalog(Mapping[str, EventType]):
    """Read-only mapping from handler name (or alias) to :class:`EventType`."""

    def __init__(self, events: list[EventType], hooks: dict[str, HookType]) -> None:
        self._events = {e.name: e for e in events}
        self._aliases = {a: e.name for e in events for a in e.aliases}
        self.hooks: Mapping[str, HookType] = hooks

    def __getitem__(self, name: str) -> EventType:
        found = self._events.get(self._aliases.get(name, name))
        if found is None:
            raise UnknownEventType(name, self.suggest(name))
        return found

    def __contains__(self, name: object) -> bool:
        return name in self._events or name in self._aliases

    def __iter__(self) -> Iterator[str]:
        return iter(self._events)

    def __len__(self) -> int:
        return len(self._events)

    def __repr__(self) -> str:
        modules = len({e.module for e in self._events.values()})
        return (f"<wixevents catalog: {len(self._events)} events from {modules} modules, "
                f"{len(self.hooks)} data hooks; .search(text), [name], .to_frame()>")

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """The closest handler names, for "did you mean" messages."""
        pool = [*self._events, *self._aliases]
        close = difflib.get_close_matches(name, pool, n=n, cutoff=0.6)
        if not close and "_" in name:
            event = name.split("_", 1)[1]
            close = sorted(k for k in self._events if k.split("_", 1)[1] == event)[:n]
        return close

    def search(self, text: str) -> pd.DataFrame:
        """The rows of :meth:`to_frame` whose name, module, summary or slug contain every word of ``text``.

        Case does not matter, so ``"invoice paid"`` finds ``wixBilling_onInvoicePaid``.
        """
        frame = self.to_frame()
        hay = (frame["name"] + " " + frame["aliases"] + " " + frame["module"] + " " + frame["summary"] + " "
               + frame["slug"].fillna("")).str.lower()
        words = text.lower().split()
        found: pd.DataFrame = frame[hay.map(lambda h: all(w in h for w in words))].reset_index(drop=True)
        return tagged(found, "name")

    def to_frame(self) -> pd.DataFrame:
        """One row per event: name, module, kind, deprecation, summary, docs URL, samples."""
        import pandas as pd

        rows = [
            {"name": e.name, "module": e.module, "event": e.event, "kind": e.kind,
             "deprecated": e.deprecated, "replacement": e.replacement, "summary": e.summary,
             "docs_url": e.docs_url, "samples": len(e.samples()), "slug": e.slug,
             "aliases": ", ".join(e.aliases), "source": e.source}
            for e in self._events.values()
        ]
        frame: pd.DataFrame = pd.DataFrame(rows)
        return tagged(frame, "name")

    def hook(self, handler_name: str) -> tuple[str, HookType]:
        """Split a data hook name ``<collection>_<hook>`` into (collection, HookType)."""
        collection, _, hook = handler_name.rpartition("_")
        if not collection or hook not in self.hooks:
            close = difflib.get_close_matches(hook, list(self.hooks), n=3)
            raise UnknownEventType(handler_name, [f"{collection}_{c}" for c in close], "data hook name")
        return collection, self.hooks[hook]

    @cached_property
    def modules(self) -> list[str]:
        return sorted({e.module for e in self._events.values()})


def _load() -> Catalog:
    events = json.loads((CATALOG_DATA / "events.json").read_text(encoding="utf-8"))["events"]
    hooks = json.loads((CATALOG_DATA / "hooks.json").read_text(encoding="utf-8"))["hooks"]
    return Catalog([_event(e) for e in events], {k: HookType(**v) for k, v in hooks.items()})


catalog = _load()
