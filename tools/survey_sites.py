"""Load and fire the backends of public Wix site repositories, and say what stopped them.

Usage::

    python tools/survey_sites.py CHECKOUTS [--manifest tools/data/survey_sites.json] [--json]

``CHECKOUTS`` holds one folder per repository, named ``owner+name`` (as in the
manifest), each with the repository's ``src/backend`` (and ``src/public`` when
the site has one). For every site the script makes a fresh ``Site``, loads
``events.js`` and ``data.js`` with ``site.load_js`` (a backend with neither has
its web modules and ``http-functions.js`` loaded as helper modules instead), then
fires every registered event handler once with its default sample. It prints
``loaded X/Y, fired ok A/B`` and, per site, why a load or a fire failed, with
each failure classed as ``wixevents`` (something wixevents does not support)
or ``site`` (the site's own code: a file missing from the repository, a syntax
error, a throw in the handler) or ``npm-not-installed`` (the site needs npm
packages that its repository does not commit: run ``npm install`` in the checkout).

No repository's code is committed: the manifest names repositories and commits only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from pathlib import Path
from typing import Any

from wixevents import FixedClock, Site
from wixevents.js.errors import JsLoadError
from wixevents.runtime.loader import LoadProblem

#: Load-problem codes that are the site's own doing; any other error code is a gap in wixevents.
SITE_CODES = frozenset({"missing-module", "syntax", "outside-site", "load-error", "duplicate-export",
                        "not-a-function", "commonjs", "commonjs-helper"})
#: Phrases in a run's error that point at wixevents (a module or feature it does not run).
WIXEVENTS_PHRASES = ("not available yet", "wixevents does not", "is not simulated", "npm package",
                     "Node built-in", "is not supported by wixevents")
MODULE_FILES = (".web.js", ".jsw")


def _wix_export(problem: LoadProblem) -> bool:
    """A missing export of a Wix module (wixevents lacks it) rather than of a site file."""
    return ("does not provide an export named" in problem.message and "module 'wix-" in problem.message) \
        or "module '@wix/" in problem.message


NODE_GLOBALS = ("setInterval", "clearInterval", "setImmediate", "process", "Buffer", "require", "TextEncoder",
                "TextDecoder", "URL", "URLSearchParams", "structuredClone", "AbortController")


def _node_global(problem: LoadProblem) -> bool:
    """A Node global the engine lacks (Wix's Node.js has it): wixevents' gap, not the site's."""
    return problem.code == "load-error" and any(f"{g} is not defined" in problem.message for g in NODE_GLOBALS)


def _not_wix(problem: LoadProblem) -> bool:
    """An import of a ``wix-*`` name that Wix's reference does not document: Wix would refuse it too."""
    return problem.code == "unknown-module" and "documents no backend module" in problem.message


def classify_load(exc: JsLoadError) -> tuple[str, str]:
    errors = [p for p in exc.problems if p.severity == "error"] or exc.problems
    if any(_node_global(p) for p in errors):
        first = next(p for p in errors if _node_global(p))
        return "wixevents", f"{first.file}:{first.line}: {first.code}: {first.message[:160]}"
    if errors and all(p.code == "npm-module" for p in errors):
        first = errors[0]
        return "npm-not-installed", f"{first.file}:{first.line}: {first.message[:160]}"
    ours = [p for p in errors if (p.code not in SITE_CODES and p.code != "npm-module" and not _not_wix(p))
            or _wix_export(p)]
    if any(p.code == "load-error" and any(s in p.message for s in WIXEVENTS_PHRASES) for p in errors):
        ours = [p for p in errors if p.code == "load-error"]
    first = (ours or errors)[0]
    return ("wixevents" if ours else "site"), f"{first.file}:{first.line}: {first.code}: {first.message[:160]}"


def _load(site: Site, backend: Path) -> None:
    if (backend / "events.js").is_file() or (backend / "data.js").is_file():
        site.load_js(backend)
        return
    from wixevents.js.loader import load_file

    files = sorted(f for f in backend.rglob("*") if f.name.endswith(MODULE_FILES) or f.name == "http-functions.js")
    for file in files:
        load_file(site.js_engine, file, source="site", root=backend, kind="module", strict=False)


#: A require() of a package the checkout lacks fails when the module loads (a warning, then this error).
_REQUIRED = re.compile(r"Cannot find module '([^']+)' required by")


def _stand_in_missing_packages(site: Site, exc: JsLoadError) -> list[str]:
    """Placeholders for the npm packages a checkout lacks (any export imports; a call throws), or []."""
    from wixevents.js.npm import split_name
    from wixevents.js.shims import placeholder_code

    errors = [p for p in exc.problems if p.severity == "error"]
    required = {m.group(1) for p in errors if (m := _REQUIRED.search(p.message)) and not m.group(1).startswith(".")}
    if not errors or (any(p.code != "npm-module" for p in errors) and not required):
        return []
    names = sorted({p.message.split("'")[1] for p in errors if p.code == "npm-module"} | required)
    site.js_engine.register_code({n: placeholder_code(n) for n in names} | {
        split_name(n)[0]: placeholder_code(split_name(n)[0]) for n in names})
    return names


def survey_site(backend: Path, stand_ins: bool = True) -> dict[str, Any]:
    """Load one backend and fire its handlers; a dict of what happened.

    With ``stand_ins``, npm packages the checkout lacks (its repository does not commit
    ``node_modules``) are replaced by placeholders and the load is tried again; they are listed in
    ``"stand_ins"``, and a fire that calls one is blamed on ``npm-not-installed``."""
    out: dict[str, Any] = {"loaded": False, "fires": [], "reason": "", "blame": "", "stand_ins": []}
    with Site(clock=FixedClock()) as site, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            for _ in range(20):  # each file is loaded in turn: a later one may lack other packages
                try:
                    _load(site, backend)
                    break
                except JsLoadError as exc:
                    more = _stand_in_missing_packages(site, exc) if stand_ins else []
                    if not more:
                        raise
                    out["stand_ins"] = sorted({*out["stand_ins"], *more})
        except JsLoadError as exc:
            out["blame"], out["reason"] = classify_load(exc)
            if any(f"{n}." in out["reason"] or f"'{n}'" in out["reason"] for n in out["stand_ins"]):
                out["blame"] = "npm-not-installed"  # module code called a package the checkout lacks
            return out
        except Exception as exc:
            out["blame"], out["reason"] = "wixevents", f"{type(exc).__name__}: {exc}"
            return out
        out["loaded"] = True
        for name in sorted({h.name for h in site.registry}):
            try:
                result = site.fire(name)
            except Exception as exc:
                out["fires"].append({"name": name, "status": "crash", "blame": "wixevents", "error": repr(exc)})
                continue
            for run in result:
                error = f"{run.error.type}: {run.error.message}" if run.error else ""
                blame = "" if run.ok else (
                    "npm-not-installed" if any(f"'{n}'" in error for n in out["stand_ins"]) else
                    "wixevents" if any(s in error for s in WIXEVENTS_PHRASES) else "site")
                out["fires"].append({"name": name, "status": run.status, "blame": blame, "error": error[:200]})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("checkouts", type=Path, help="folder of owner+name checkouts")
    parser.add_argument("--manifest", type=Path, default=Path(__file__).parent / "data" / "survey_sites.json")
    parser.add_argument("--json", action="store_true", help="print the full results as JSON")
    parser.add_argument("--no-stand-ins", action="store_true",
                        help="do not replace npm packages a checkout lacks by placeholders (count those sites as "
                             "not loaded)")
    args = parser.parse_args(argv)
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    results: dict[str, dict[str, Any]] = {}
    for entry in manifest["sites"]:
        folder = args.checkouts / entry["repo"].replace("/", "+") / "src" / "backend"
        if not folder.is_dir():
            results[entry["repo"]] = {"loaded": False, "fires": [], "reason": "no checkout", "blame": "missing"}
            continue
        results[entry["repo"]] = survey_site(folder, stand_ins=not args.no_stand_ins)
    present = {k: v for k, v in results.items() if v["blame"] != "missing"}
    loaded = sum(r["loaded"] for r in present.values())
    fires = [f for r in present.values() for f in r["fires"]]
    ok = sum(f["status"] == "ok" for f in fires)
    if args.json:
        print(json.dumps(results, indent=1))
    for repo, r in results.items():
        bad = [f for f in r["fires"] if f["status"] != "ok"]
        if r["stand_ins"]:
            print(f"  {repo}: placeholders for npm packages not installed: {', '.join(r['stand_ins'])}")
        if not r["loaded"]:
            print(f"  {repo}: NOT LOADED [{r['blame']}] {r['reason']}")
        elif bad:
            for f in bad:
                print(f"  {repo}: {f['name']} {f['status']} [{f['blame']}] {f['error']}")
    ours_load = sum(r["blame"] == "wixevents" for r in present.values())
    npm = sum(r["blame"] == "npm-not-installed" for r in present.values())
    standing = sum(bool(r["stand_ins"]) and r["loaded"] for r in present.values())
    ours_fire = sum(f["blame"] == "wixevents" for f in fires)
    print(f"loaded {loaded}/{len(present)}, fired ok {ok}/{len(fires)} "
          f"(wixevents-caused: {ours_load} load(s), {ours_fire} fire(s); loaded with placeholders for npm packages "
          f"the checkout lacks: {standing}; not loaded for lack of them: {npm}; sites missing: "
          f"{len(results) - len(present)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
