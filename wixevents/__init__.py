"""wixevents: explore, fire and test Wix backend events in Jupyter.

The public API is what ``__all__`` lists; everything else may change.
"""

from .catalog import EventType, catalog
from .errors import (
    InvalidOverride,
    InvalidPayload,
    UnknownEventType,
    UnknownSample,
    WixEventsError,
)
from .event import EventObject
from .payloads import validate
from .samples import sample, samples

__version__ = "0.1.0"
__all__ = [
    "EventObject",
    "EventType",
    "InvalidOverride",
    "InvalidPayload",
    "UnknownEventType",
    "UnknownSample",
    "WixEventsError",
    "catalog",
    "sample",
    "samples",
    "validate",
]
