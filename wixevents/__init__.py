"""wixevents: explore, fire and test Wix backend events in Jupyter.

The public API is what ``__all__`` lists; everything else may change.
"""

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
from .magics import load_ipython_extension
from .payloads import validate
from .result import Result, Results
from .samples import sample, samples
from .site import Site
from .stubs import stub
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
