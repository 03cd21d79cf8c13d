"""Where wixevents finds its data files, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CATALOG_DATA = PACKAGE / "events" / "catalog" / "data"


@cache
def samples_dir() -> Path:
    """The ``sample_payloads`` folder: inside the wheel, else at the checkout root."""
    for candidate in (PACKAGE / "sample_payloads", PACKAGE.parent / "sample_payloads"):
        if candidate.is_dir():
            return candidate
    return PACKAGE.parent / "sample_payloads"


def sample_variants(name: str) -> list[str]:
    """Variant names of one event's samples: ``default``, ``minimal``, then the rest alphabetically."""
    folder = samples_dir() / name
    names = sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []
    first = {"default": 0, "minimal": 1}
    return sorted(names, key=lambda n: (first.get(n, 2), n))
