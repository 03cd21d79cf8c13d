"""wixevents: explore, fire and test Wix backend events in Jupyter.

The public API is what ``__all__`` lists; everything else may change.
"""

from typing import TYPE_CHECKING, Any

from .catalog import EventType, catalog
from .clock import FixedClock, SystemClock
from .context import RunContext, current_run
from .errors import (
    FileExists,
    HandlerError,
    InvalidOverride,
    InvalidPayload,
    UnknownEventType,
    UnknownSample,
    WixEventsError,
)
from .event import EventObject
from .history import History
from .payloads import validate
from .result import Result, Results
from .samples import sample, samples
from .site import Site
from .stubs import stub

if TYPE_CHECKING:
    from .magics import load_ipython_extension
    from .widgets import Workbench

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
        from .widgets import Workbench

        return Workbench
    if name == "load_ipython_extension":
        from .magics import load_ipython_extension

        return load_ipython_extension
    raise AttributeError(f"module 'wixevents' has no attribute {name!r}")
