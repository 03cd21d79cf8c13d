"""``wixevents.Workbench(site)``: pick an event, edit a payload, write the handler, fire, read the tables.

A thin ipywidgets shell over plain calls; each button does one thing you can also type:

=====================  ==========================================================
picker                 ``explore.event_choices(search)``, ``catalog[name].fields()``
editor                 ``wixevents.sample(name, variant)``, ``explore.payload_problems(name, text)``
Handler stub           ``wixevents.stub(name)`` (inserted as a new cell below; see :mod:`.cells`)
handlers view          ``explore.handlers_frame(site, name)``
Fire / Fire all        ``site.fire(name, variant)`` or ``site.fire(name, payload=...)``; ``site.fire_all(name)``
Test                   ``site.test(handler, payload)`` for each handler of the event
mode                   ``site.mode = "published" | "preview"``
=====================  ==========================================================

The last outcome is kept in ``result`` (``last_frame`` is its DataFrame), so the
panel can be driven and checked without a browser: set widget values, call
``.click()`` on a button, and read ``result`` and ``site.history``. What a
callback raises shows in ``message`` right under the buttons (and is kept in
``errors``); what it prints lands in ``output``, just below.
"""

from __future__ import annotations

import traceback
import uuid
from collections.abc import Callable
from html import escape
from typing import Any, TypeVar

import ipywidgets as W
import pandas as pd
from IPython.display import Javascript, display

from ...runtime.result import Result, Results
from ...site import Site
from ..explore import handlers_frame
from . import live
from .cells import insert_below_script, registered_stub, shell
from .editor import PayloadEditor
from .live import refresh_all
from .panel import FiringPanel
from .picker import EventPicker

__all__ = ["TABS", "Workbench", "refresh_all"]

#: The Workbench's tabs, in order; Fire, Fire all and Test open ``Result``.
TABS = ("Payload", "Fields", "Handler", "Result", "History")

R = TypeVar("R", Result, Results)


class Workbench(W.VBox):
    """The panel; ``site`` defaults to ``wixevents.Site.default()``; ``event`` to the event of the site's
    first handler, else ``wixBilling_onInvoicePaid``."""

    def __init__(self, site: Site | None = None, event: str | None = None, **kwargs: Any) -> None:
        self.site = site if site is not None else Site.default()
        self.result: Result | Results | None = None
        self.last_frame: pd.DataFrame | None = None
        self.stub_text: str | None = None
        self.errors: list[BaseException] = []
        first = event or next((h.event.name for h in self.site.handlers), None)  # else the picker's default
        self.picker, self.editor, self.panel = EventPicker(first), PayloadEditor(), FiringPanel(self.site)
        self.stub_button = W.Button(description="Handler stub", icon="code",
                                    tooltip="Insert a new cell below with a handler for this event")
        self.handlers = W.HTML()
        self.output, self._script = W.Output(), W.Output(layout=W.Layout(display="none"))
        self.message = W.HTML()  # what the last button press has to say (an error, where the stub went)
        self.message.add_class("wixevents-message")
        self.header = W.HTML()
        # One row of buttons; the message of the last action and the tabs right under it.
        mode_row, buttons, last, history = self.panel.box.children
        buttons.children = (*buttons.children, self.stub_button)
        self.panel.box.children = ()  # its parts now live in the Workbench
        self.tabs = W.Tab(children=[self.editor.box, self.picker.fields, self.handlers, last, history],
                          titles=TABS)
        self.tabs.add_class("wixevents-tabs")
        children = [self.header, self.picker.box, mode_row, buttons, self.message, self.output, self.tabs,
                    self._script]
        super().__init__(children, layout=W.Layout(max_width="100%", overflow="hidden"), **kwargs)
        self.anchor = f"wixevents-wb-{uuid.uuid4().hex[:12]}"
        self.add_class("wixevents-workbench")
        self.add_class(self.anchor)
        self.picker.dropdown.observe(self._guard(lambda change: self._on_event()), "value")
        for button, action in [(self.stub_button, self.insert_stub), (self.panel.fire_button, self.fire),
                               (self.panel.fire_all_button, self.fire_all), (self.panel.test_button, self.test)]:
            button.on_click(self._guard(lambda _, action=action: action(), clear=True))
        self._on_event()
        live.follow(self)

    @property
    def event(self) -> str | None:
        """The picked event's name."""
        return self.picker.name

    def _need_event(self) -> str:
        if self.event is None:
            raise ValueError("no event is picked: clear the search box or choose one from the list")
        return self.event

    def fire(self) -> Result:
        """Fire the editor's payload: the sample as a sample (fresh event ID), an edited one as given."""
        name = self._need_event()
        if self.editor.edited:
            result = self.site.fire(name, payload=self.editor.payload())
            return self._show(result, f"{name}: edited payload fired")
        variant = str(self.editor.variant.value)
        return self._show(self.site.fire(name, variant), f"{name}: sample {variant!r} fired")

    def fire_all(self) -> Results:
        """Fire every sample variant of the event."""
        name = self._need_event()
        return self._show(self.site.fire_all(name), f"{name}: every sample variant fired")

    def test(self) -> Results:
        """Run each registered handler of the event by hand with the editor's payload (works in preview)."""
        name = self._need_event()
        handlers = self.site.registry.for_event(name)
        if not handlers:
            raise ValueError(f"no handler is registered for {name}: click 'Handler stub', run the new cell, "
                             "then Test")
        payload = self.editor.payload() if self.editor.edited else self.editor.variant.value
        results = Results(self.site.test(h.name, payload, source=h.source) for h in handlers)
        return self._show(results, f"{name}: tested by hand")

    def insert_stub(self) -> str:
        """Put a handler for the event in a new cell below (JupyterLab) and show it here to copy."""
        name = self._need_event()
        text = registered_stub(name, self.site)
        self.stub_text = text
        if shell() is not None:  # the script only means something to a notebook front end
            with self._script:
                display(Javascript(insert_below_script(text.rstrip("\n"), self.anchor)))  # type: ignore[no-untyped-call]
            self._script.outputs = ()  # sent once; never saved with the notebook to run again
        self.message.value = (f"<details><summary>New cell inserted below (JupyterLab): run it to register the "
                              f"handler. Not there? Open this to copy it.</summary><pre>{escape(text)}</pre></details>")
        return text

    def refresh(self) -> None:
        """Re-read the site: its handlers for the event, its mode and history."""
        name = self.event
        frame = handlers_frame(self.site, name) if name else pd.DataFrame()
        table = frame.to_html(index=False, border=0).replace("<th>", "<th style='text-align:left;padding:0 8px'>")
        table = table.replace("<td>", "<td style='text-align:left;padding:0 8px'>")
        self.handlers.value = (f"<small>Handlers that run, in order:</small>{table}" if not frame.empty else
                               "<small>No handler registered for this event yet: click <b>Handler stub</b>, "
                               "run the new cell below, and it shows here.</small>")
        self.panel.refresh()
        self.header.value = (f"<b>wixevents Workbench</b> · site {escape(self.site.mode)} · "
                             f"{len(self.site.handlers)} handler(s) · {len(self.site.history)} run(s)")

    def __repr__(self) -> str:  # the text a notebook keeps and shows where widgets do not run
        return (f"wixevents Workbench ({self.site.mode} site, {len(self.site.handlers)} handler(s)): "
                "run this cell in Jupyter to open it")

    def _show(self, result: R, title: str) -> R:
        self.result, self.last_frame = result, result.to_frame()
        self.panel.show(result, title)
        self.tabs.selected_index = TABS.index("Result")
        self.refresh()
        return result

    def _on_event(self) -> None:
        self.editor.load(self.event)
        self.refresh()

    def _guard(self, action: Callable[..., Any], *, clear: bool = False) -> Callable[..., Any]:
        """Run a callback with its prints and errors shown in the panel, not lost.

        ``clear``: a button press first removes the message of the previous action.
        Picking an event does not, since the browser may echo a changed dropdown
        back to the kernel after a later click.
        """
        def run(*args: Any) -> Any:
            if clear:
                self.message.value = ""
                self.output.outputs = ()
            with self.output:  # whatever the action prints
                try:
                    return action(*args)
                except Exception as exc:
                    self.errors.append(exc)
                    text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                    self.message.value = (f"<div style='color:#b21f2d;white-space:pre-wrap;overflow-wrap:break-word'>"
                                          f"{escape(text)}</div>")
                    return None
        return run
