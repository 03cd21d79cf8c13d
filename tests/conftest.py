"""Shared fixtures: the shipped sample files, found once."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_payloads"
REFERENCE = ROOT.parent / "shared" / "wix-reference"


def sample_files() -> list[Path]:
    """Every shipped sample payload, as ``<handler name>/<variant>.json`` paths."""
    return sorted(SAMPLES.glob("*/*.json"))


def sample_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"
