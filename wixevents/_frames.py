"""How the DataFrames wixevents returns look in a notebook: left-aligned, whole cells, no needless index.

A frame made by wixevents carries ``frame.attrs["wixevents"]`` (set by
:func:`tagged`, kept by pandas through column selection and filtering) naming
its key column (``seq``, ``name``, ``path``...). When IPython shows such a
frame, :func:`frame_html` writes it with text aligned left, no cell cut short
(descriptions are read whole), empty cells for missing values instead of
``NaN``, and without the 0, 1, 2... index when the key column already names
each row. Every other DataFrame keeps pandas' own look: :func:`install`
registers the formatter with IPython only for frames carrying the tag, and the
static HTML it writes is what notebooks save (and nbval compares).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TAG", "frame_html", "install", "tagged"]

TAG = "wixevents"
_CELL = '<td style="text-align:left;vertical-align:top">'
_HEAD = '<th style="text-align:left">'


def tagged(frame: pd.DataFrame, key: str | None = None) -> pd.DataFrame:
    """Mark ``frame`` as made by wixevents, ``key`` being the column that names each row."""
    frame.attrs[TAG] = {"key": key}
    return frame


def frame_html(frame: Any) -> str | None:
    """The notebook HTML of a tagged frame; None for any other object."""
    import pandas as pd

    info = getattr(frame, "attrs", {}).get(TAG) if isinstance(frame, pd.DataFrame) else None
    if info is None:
        return None
    key = info.get("key")
    plain_index = isinstance(frame.index, pd.RangeIndex) and frame.index.name is None
    index = not (plain_index and (key is None or key in frame.columns))
    with pd.option_context("display.max_colwidth", None, "display.max_rows", 500):
        table: str = frame.to_html(index=index, border=0, na_rep="", justify="left", max_rows=500)
    return table.replace("<td>", _CELL).replace("<th>", _HEAD)


def install(shell: Any = None) -> bool:
    """Show tagged frames with :func:`frame_html` in the running IPython; False outside IPython."""
    if shell is None:
        if "IPython" not in sys.modules:
            return False
        from IPython import get_ipython

        shell = get_ipython()
    if shell is None:
        return False
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type_by_name("pandas", "DataFrame", _html)  # pandas names its classes from the top level
    return True


def _html(frame: Any) -> str | None:
    found = frame_html(frame)
    if found is not None:
        return found
    method = getattr(frame, "_repr_html_", None)
    return method() if callable(method) else None
