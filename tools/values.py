"""Realistic sample values: the generator lives in the package (``wixevents.events.fake``).

Kept as the tools-side name of the value picker, so scripts can ``from values import
Faker``; the package owns it because ``wixevents.sample(name, seed=N)`` generates
payloads at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent)]

from wixevents.events.fake import BASE, NS, Faker  # noqa: E402  (tools/ is a folder of scripts)

__all__ = ["BASE", "NS", "Faker"]
