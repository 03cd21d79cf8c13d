"""wixevents: explore, fire and test Wix backend events in Jupyter.

The public API is what ``__all__`` lists; everything else may change.
"""

from typing import TYPE_CHECKING, Any

from .errors import (
    FileExists,
    HandlerError,
    HistoryFileError,
    InvalidOverride,
    InvalidPayload,
    InvalidScenario,
    UnknownEventType,
    UnknownSample,
    UnknownScenario,
    WixEventsError,
)
from .events.catalog import EventType, catalog
from .events.event import EventObject
from .events.payloads import validate
from .events.samples import sample, samples
from .events.scenario import Scenario
from .events.stubs import stub
from .runtime.clock import FixedClock, SystemClock
from .runtime.context import RunContext, current_run
from .runtime.delivery import Delivery
from .runtime.history import History
from .runtime.result import Result, Results
from .site import Site

if TYPE_CHECKING:
    import pandas as pd

    from .js.check import check
    from .notebook.magics import load_ipython_extension
    from .notebook.widgets import Workbench

    scenarios: pd.DataFrame

from . import _frames

__version__ = "0.1.0"
__all__ = [
    "Delivery",
    "EventObject",
    "EventType",
    "FileExists",
    "FixedClock",
    "HandlerError",
    "History",
    "HistoryFileError",
    "InvalidOverride",
    "InvalidPayload",
    "InvalidScenario",
    "Result",
    "Results",
    "RunContext",
    "Scenario",
    "Site",
    "SystemClock",
    "UnknownEventType",
    "UnknownSample",
    "UnknownScenario",
    "WixEventsError",
    "Workbench",
    "catalog",
    "check",
    "current_run",
    "load_ipython_extension",
    "sample",
    "samples",
    "scenarios",
    "stub",
    "validate",
]


def __getattr__(name: str) -> Any:
    """Import the Jupyter parts (ipywidgets, IPython) on first use, keeping ``import wixevents`` light."""
    if name == "Workbench":
        from .notebook.widgets import Workbench

        return Workbench
    if name == "scenarios":  # a DataFrame, made fresh on each read (so editing it changes nothing)
        from .events.lifecycles import scenarios_frame

        return scenarios_frame()
    if name == "check":
        from .js.check import check

        return check
    if name == "load_ipython_extension":
        from .notebook.magics import load_ipython_extension

        return load_ipython_extension
    raise AttributeError(f"module 'wixevents' has no attribute {name!r}")


_frames.install()  # in a notebook, the DataFrames wixevents returns show left-aligned and whole
