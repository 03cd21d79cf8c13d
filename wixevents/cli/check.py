"""``wixevents check PATH``: the static report of a site's backend (:func:`wixevents.js.check.check`).

Prints one line per finding (``file:line: verdict: message``), imports grouped
by tier, and a last line saying whether Wix would call every handler. Exit
code 0 when it would (and every file would load), 1 otherwise, 2 when PATH is
not a site backend.
"""

from __future__ import annotations

import argparse
import json

from .commands import command


def _setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="the site's folder, its src/backend, or an events.js / data.js file")
    p.add_argument("--json", action="store_true", help="print the findings as JSON records")
    p.add_argument("--imports", action="store_true", help="list every import with its tier (default: a summary)")


@command("check", "Check a site's backend without running it: handler names Wix never calls, deprecated "
         "events, export forms, imports by tier.", _setup)
def cmd_check(args: argparse.Namespace) -> int:
    from ..js.check import calls_every_handler, check

    frame = check(args.path)
    ok = calls_every_handler(frame)
    if args.json:
        print(json.dumps(frame.to_dict(orient="records"), indent=1))
        return 0 if ok else 1
    findings = frame[frame["category"] != "import"]
    for row in findings.itertuples():
        hint = f" (try: {row.suggestions})" if row.suggestions else ""
        print(f"{row.file}:{row.line}: {row.verdict}: {row.message}{hint}")
    imports = frame[frame["category"] == "import"]
    if args.imports:
        for row in imports.itertuples():
            print(f"{row.file}:{row.line}: {row.message}")
    elif len(imports):
        tiers = imports["message"].str.rpartition(": ")[2]
        for tier, specs in imports.groupby(tiers)["name"]:
            print(f"imports, {tier}: {', '.join(sorted(set(specs)))}")
    bad = frame["verdict"].isin(["never-called", "error"]).sum()
    print("Wix would call every handler." if ok else f"{bad} finding(s) stop a handler from being called or a file "
          "from loading.")
    return 0 if ok else 1
