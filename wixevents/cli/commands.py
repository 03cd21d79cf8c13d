"""The command registry of the CLI and the helpers its commands share.

Each sub-command is one function ``cmd_<name>(args) -> exit code``, registered
with ``@command(name, help, setup)``; :func:`wixevents.cli.build_parser` turns
``COMMANDS`` into argparse sub-parsers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["COMMANDS", "command", "parse_sets", "parse_value"]

Setup = Callable[[argparse.ArgumentParser], None]
COMMANDS: dict[str, tuple[str, Setup, Callable[[argparse.Namespace], int]]] = {}


def command(name: str, help: str, setup: Setup) -> Callable[[Callable[[argparse.Namespace], int]], Any]:
    def register(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = (help, setup, fn)
        return fn
    return register


def parse_value(text: str) -> Any:
    """``--set`` values are JSON when they parse as JSON (``0``, ``true``, ``{...}``), else text."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def parse_sets(pairs: list[str] | None) -> dict[str, Any]:
    out = {}
    for pair in pairs or []:
        path, sep, value = pair.partition("=")
        if not sep:
            print(f"error: --set takes PATH=VALUE, got {pair!r}", file=sys.stderr)
            raise SystemExit(2)
        out[path] = parse_value(value)
    return out
