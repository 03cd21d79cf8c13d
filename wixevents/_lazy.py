"""pandas imported on first use, so ``import wixevents`` stays light.

Browsing the catalog, validating payloads and firing events need no pandas; the
tables do. Modules write ``pd.DataFrame(...)`` as usual: the first attribute read
imports pandas (once; Python caches it in ``sys.modules``). Type checkers see the
real module (``if TYPE_CHECKING: import pandas as pd``).
"""

from __future__ import annotations

import importlib
from typing import Any


class LazyModule:
    """A stand-in for a module that imports it when an attribute is first read."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)


pandas = LazyModule("pandas")
