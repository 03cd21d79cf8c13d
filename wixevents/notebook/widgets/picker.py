"""The event picker: a search box, a dropdown grouped by module, and what the picked event is."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as W

from ..._frames import frame_html
from ...events.catalog import catalog
from ..explore import event_choices

__all__ = ["EventPicker", "event_html"]


def event_html(name: str) -> str:
    """Summary, docs link, payload kind, aliases and deprecation of one event, as HTML."""
    event = catalog[name]
    parts = [f"<b>{escape(event.name)}</b> <small>({escape(event.module)}, {escape(event.kind)} payload)</small>",
             f"<div>{escape(event.summary)}</div>",
             f"<div><a href='{escape(event.docs_url, quote=True)}' target='_blank' rel='noopener'>"
             "Wix docs ↗</a></div>"]
    if event.aliases:
        parts.append(f"<div><small>Also exported as {escape(', '.join(event.aliases))}</small></div>")
    if event.deprecated:
        instead = f" Use <b>{escape(event.replacement)}</b> instead." if event.replacement else ""
        parts.append(f"<div style='color:#8a4b00'>⚠ Deprecated.{instead}</div>")
    return "".join(parts)


class EventPicker:
    """Search box + dropdown (``module › name``, sorted by module); ``name`` is the picked event."""

    def __init__(self, initial: str | None = None) -> None:
        self.search = W.Text(placeholder="search: invoice, upload, form, member, booking…",
                             description="Search", continuous_update=True, layout=W.Layout(width="340px"))
        self.dropdown = W.Dropdown(description="Event", layout=W.Layout(width="640px"))
        self.count = W.HTML()
        self.info = W.HTML()
        self.fields = W.HTML()
        self.box = W.VBox([W.HBox([self.search, self.count]), self.dropdown, self.info])
        self._fill("", catalog[initial].name if initial else "wixBilling_onInvoicePaid")
        self.search.observe(self._on_search, "value")
        self.dropdown.observe(self._on_pick, "value")
        self._on_pick(None)

    @property
    def name(self) -> str | None:
        """The picked event's canonical name (None while the search matches nothing)."""
        value = self.dropdown.value
        return str(value) if value else None

    def pick(self, name: str) -> None:
        """Select event ``name`` (any spelling), clearing a search that would hide it."""
        canonical = catalog[name].name
        if canonical not in [value for _, value in self.dropdown.options]:
            self.search.value = ""
        self.dropdown.value = canonical

    def _fill(self, search: str, keep: str | None) -> None:
        frame = event_choices(search)
        options = list(zip(frame["label"], frame["name"], strict=True))
        names = set(frame["name"])
        self.dropdown.options = options
        self.dropdown.value = keep if keep in names else (options[0][1] if options else None)
        shown = f"{len(options)} of {len(catalog)} events" if options else f"no event matches {search!r}"
        self.count.value = f"<small>{escape(shown)}</small>"

    def _on_search(self, change: Any) -> None:
        self._fill(self.search.value, self.name)

    def _on_pick(self, change: Any) -> None:
        name = self.name
        self.info.value = event_html(name) if name else ""
        self.fields.value = (frame_html(catalog[name].fields()) or "") if name else ""

