"""Plain functions behind the Workbench: each answers one question with a DataFrame.

The notebook widgets (:mod:`wixevents.notebook.widgets`) only call these and the site's own
methods, so everything the panel shows can also be had in one line of code::

    from wixevents.notebook.explore import compare_samples, event_choices, handlers_frame, payload_problems

    event_choices("invoice")                         # events to pick from, grouped by module
    compare_samples("wixBilling_onInvoicePaid")      # sample variants side by side, one row per field
    payload_problems("wixBilling_onInvoicePaid", text)   # what is wrong with an edited payload
    handlers_frame(site, "wixBilling_onInvoicePaid")     # who runs when it fires, in call order
"""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING, Any

from .._frames import tagged
from ..errors import InvalidPayload
from ..events.catalog import catalog
from ..events.payloads import validate
from ..events.samples import sample, samples
from ..events.viewer import PayloadView

if TYPE_CHECKING:
    import pandas as pd
else:
    from .._lazy import pandas as pd

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["compare_samples", "event_choices", "event_label", "handlers_frame", "payload_problems", "show_payload"]

CHOICE_COLUMNS = ["name", "module", "kind", "deprecated", "replacement", "label"]
PROBLEM_COLUMNS = ["path", "expected", "got", "hint", "level"]
HANDLER_COLUMNS = ["order", "handler", "event", "source", "is_async"]


def event_label(name: str) -> str:
    """How the picker lists an event: ``module › name``, deprecated ones marked with their replacement."""
    event = catalog[name]
    label = f"{event.module} › {event.name}"
    if event.deprecated:
        label += f"  ⚠ deprecated → {event.replacement}" if event.replacement else "  ⚠ deprecated"
    return label


def event_choices(search: str = "") -> pd.DataFrame:
    """Events whose name, module or summary contain every word of ``search``, sorted by module then name."""
    frame = catalog.to_frame()
    hay = (frame["name"] + " " + frame["module"] + " " + frame["summary"] + " " + frame["aliases"]).str.lower()
    for word in search.lower().split():
        frame, hay = frame[hay.str.contains(word, regex=False)], hay[hay.str.contains(word, regex=False)]
    frame = frame.sort_values(["module", "name"], kind="stable").reset_index(drop=True)
    frame["label"] = [event_label(name) for name in frame["name"]]
    chosen: pd.DataFrame = frame[CHOICE_COLUMNS]
    return tagged(chosen, "name")


def compare_samples(name: str, variants: list[str] | None = None, *, differences: bool = False) -> pd.DataFrame:
    """Sample variants side by side: one row per dotted field path, one column per variant.

    A field a variant does not have shows as None. ``differences=True`` keeps only
    the rows where the variants disagree.
    """
    chosen = variants or samples(name)
    flat = pd.json_normalize([sample(name, v) for v in chosen])
    flat.index = pd.Index(chosen, name="variant")
    table: pd.DataFrame = flat.T.astype(object)
    table = table.where(table.notna(), None)
    table.index.name = "field"
    if differences and len(chosen) > 1:
        keys = table.apply(lambda row: len({json.dumps(v, sort_keys=True, default=str) for v in row}) > 1, axis=1)
        table = table[keys]
    return tagged(table)


def payload_problems(name: str, payload: Any) -> pd.DataFrame:
    """What is wrong with ``payload`` (a dict or JSON text) for event ``name``; no rows when it is valid.

    ``level`` is ``error`` (the payload is rejected) or ``warning`` (accepted: a departure
    from the typings that Wix's own payloads show; see ``event.warnings``).
    """
    try:
        found, level = validate(name, payload).warnings, "warning"
    except InvalidPayload as exc:
        found, level = list(exc.problems), "error"
    rows = [{"path": p.path, "expected": p.expected, "got": p.got, "hint": p.hint, "level": level} for p in found]
    frame: pd.DataFrame = pd.DataFrame(rows, columns=PROBLEM_COLUMNS)
    return tagged(frame, "path")


def handlers_frame(site: Site, name: str | None = None) -> pd.DataFrame:
    """Handlers of ``site`` (of event ``name`` when given), in the order a fire calls them."""
    if name is not None:
        handlers = site.registry.for_event(name)
        rows = [(i, h) for i, h in enumerate(handlers, 1)]
    else:
        rows = [(0, h) for h in site.handlers]
    records = [{"order": i or None, "handler": h.name, "event": h.event.name, "source": h.source,
                "is_async": h.is_async} for i, h in rows]
    frame: pd.DataFrame = pd.DataFrame(records, columns=HANDLER_COLUMNS)
    if name is None:
        without: pd.DataFrame = frame.drop(columns="order")
        return tagged(without, "handler")
    return tagged(frame, "handler")


def show_payload(name: str, payload: Any = "default") -> PayloadView:
    """A payload of event ``name`` as a collapsible tree with types, descriptions and problems marked.

    ``payload`` is a sample variant name, a dict or JSON text, or a fire's
    ``Result`` (its payload as fired, invalid or not).
    """
    fire = getattr(payload, "fire", None)
    if fire is not None:
        payload = fire.payload
    elif isinstance(payload, str) and payload in samples(name):
        payload = sample(name, payload)
    elif isinstance(payload, str):
        with contextlib.suppress(json.JSONDecodeError):
            payload = json.loads(payload)
    return PayloadView(name, payload)
