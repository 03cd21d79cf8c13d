"""Merge facts from Wix's npm SDK packages (``tools/data/sdk_events.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "sdk_events.json"


def merge(entries: dict[str, Any], types: dict[str, Any], report: list[str]) -> None:
    if not DATA.exists():
        report.append(f"no {DATA.name}: SDK slugs and SDK-only events skipped")
        return
