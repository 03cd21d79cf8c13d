"""DataFrames wixevents returns show left-aligned, whole and without a needless index; other frames are untouched."""

from __future__ import annotations

from typing import Any

import pandas as pd
from IPython.core.interactiveshell import InteractiveShell

import wixevents
from wixevents import FixedClock, Site, _frames


def html_of(shell: InteractiveShell, value: Any) -> str:
    data, _ = shell.display_formatter.format(value)
    return str(data["text/html"])


def test_a_catalog_frame_is_left_aligned_keeps_whole_descriptions_and_hides_the_index() -> None:
    shell = InteractiveShell.instance()
    assert _frames.install(shell)
    fields = wixevents.catalog["wixBilling_onInvoicePaid"].fields()
    longest = max(fields["description"], key=len)
    assert len(longest) > 50
    shown = html_of(shell, fields[fields["description"] != ""])  # kept through filtering
    assert longest in shown and "…" not in shown and "..." not in shown
    assert '<td style="text-align:left;vertical-align:top">' in shown and "<td>" not in shown
    assert "<th></th>" not in shown and '<tr style="text-align: left;">' in shown  # no index column
    search = html_of(shell, wixevents.catalog.search("invoice paid")[["name", "replacement"]])
    assert "NaN" not in search and "None" not in search  # no replacement is an empty cell


def test_the_history_frame_hides_its_index_since_seq_names_each_row() -> None:
    shell = InteractiveShell.instance()
    _frames.install(shell)
    site = Site(clock=FixedClock())
    site.fire("wixBilling_onInvoicePaid")
    shown = html_of(shell, site.history.to_frame()[["seq", "status"]])
    assert "<th></th>" not in shown and ">seq</th>" in shown
    counts = html_of(shell, site.history.to_frame()["status"].value_counts().to_frame())
    assert ">no_handler</th>" in counts  # a frame indexed by status keeps its index


def test_a_frame_not_made_by_wixevents_keeps_the_pandas_look() -> None:
    shell = InteractiveShell.instance()
    _frames.install(shell)
    plain = pd.DataFrame({"a": ["x" * 80]})
    assert html_of(shell, plain) == plain._repr_html_()
    assert _frames.frame_html(plain) is None and _frames.frame_html("text") is None


def test_a_frame_with_a_meaningful_index_keeps_it() -> None:
    from wixevents.notebook.explore import compare_samples

    table = compare_samples("wixBilling_onInvoicePaid")
    shown = _frames.frame_html(table)
    assert shown is not None and ">field</th>" in shown and ">totals.total</th>" in shown
