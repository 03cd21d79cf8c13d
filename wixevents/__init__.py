"""wixevents: explore, fire and test Wix backend events in Jupyter.

The public API is what ``__all__`` lists; everything else may change.
"""

from typing import TYPE_CHECKING, Any

from .errors import (
    FileExists,
    HandlerError,
    InvalidOverride,
    InvalidPayload,
    UnknownEventType,
    UnknownSample,
    WixEventsError,
)
from .events.catalog import EventType, catalog
from .events.event import EventObject
from .events.payloads import validate
from .events.samples import sample, samples
from .events.stubs import stub
from .runtime.clock import FixedClock, SystemClock
from .runtime.context import RunContext, current_run
from .runtime.history import History
from .runtime.result import Result, Results
from .site import Site

if TYPE_CHECKING:
    from .notebook.magics import load_ipython_extension
    from .notebook.widgets import Workbench

from . import _frames

__version__ = "0.1.0"
__all__ = [
    "EventObject",
    "EventType",
    "FileExists",
    "FixedClock",
    "HandlerError",
    "History",
    "InvalidOverride",
    "InvalidPayload",
    "Result",
    "Results",
    "RunContext",
    "Site",
    "SystemClock",
    "UnknownEventType",
    "UnknownSample",
    "WixEventsError",
    "Workbench",
    "catalog",
    "current_run",
    "load_ipython_extension",
    "sample",
    "samples",
    "stub",
    "validate",
]


def __getattr__(name: str) -> Any:
    """Import the Jupyter parts (ipywidgets, IPython) on first use, keeping ``import wixevents`` light."""
    if name == "Workbench":
        from .notebook.widgets import Workbench

        return Workbench
    if name == "load_ipython_extension":
        from .notebook.magics import load_ipython_extension

        return load_ipython_extension
    raise AttributeError(f"module 'wixevents' has no attribute {name!r}")


_frames.install()  # in a notebook, the DataFrames wixevents returns show left-aligned and whole
