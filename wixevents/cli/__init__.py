"""The ``wixevents`` command line (also ``python -m wixevents``).

``commands`` holds the registry (``@command``) and shared helpers; ``browse``
the catalog commands (list, show, sample, validate); ``fire`` the commands that
run handlers (fire, stub); ``check`` the static report of a site's backend.
Errors of wixevents become one clear message on
stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from .._safe import safe_str
from ..errors import WixEventsError
from . import browse, check, fire  # noqa: F401  (each registers its commands in COMMANDS)
from .commands import COMMANDS


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wixevents")
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "(not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wixevents", description="Explore and fire Wix backend events.")
    parser.add_argument("--version", action="version", version=f"wixevents {_version()}")
    subs = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, setup, fn) in COMMANDS.items():
        sub = subs.add_parser(name, help=help_text)
        setup(sub)
        sub.set_defaults(func=fn)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except WixEventsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head`: stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (stdout must stay open until exit)
        return 0
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a bug of ours: still one line, the traceback on request
        if os.environ.get("WIXEVENTS_DEBUG"):
            raise
        print(f"error: unexpected {type(exc).__name__}: {safe_str(exc)} (set WIXEVENTS_DEBUG=1 to see the "
              "traceback)", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
