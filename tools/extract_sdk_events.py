"""Extract facts about backend events from the official ``@wix`` npm packages.

What it reads
    A folder (PACKAGES_DIR) with one sub-folder per unpacked npm package, as made by
    ``npm pack <name>`` + ``tar xzf``. Each sub-folder holds either ``package/...`` or the
    package root directly. Only these files are read:

    * ``package.json``: package name and version;
    * ``build/cjs/index.js`` and, for older layouts (``@wix/data_items@1.0.64``),
      ``build/cjs/src/*.public.js``: ``EventDefinition("<slug>", <isDomainEvent>, ...)``
      calls (regex ``EVDEF``) plus, for the data-item events, the transform path lists;
    * ``build/cjs/*.d.ts`` and ``build/cjs/src/*.universal.d.ts``: the
      ``interface XEnvelope {...}`` bodies (regex ``ENVELOPE``), the
      ``declare function onX(handler: (event: XEnvelope) => ...)`` declarations (regex
      ``HANDLER_DECL``) and the JSDoc block right before each declaration
      (``@eventType``, ``@slug``, ``@deprecated``, ``@replacedBy``, ``@targetRemovalDate``).

    The regexes are the ones from section 5.9 of ``shared/docs/wix-backend-events.md``.

What it writes
    ``tools/data/sdk_events.json`` (or ``--output``): facts only (names, slugs, booleans,
    field names, TypeScript type expressions, enum values, dates), never package code or
    doc sentences. Deterministic: sorted keys, sorted lists, ``indent=1``, trailing newline.

    Top-level keys:

    * ``_generated``: provenance note;
    * ``packages``: ``{npm name: version}`` of every package scanned;
    * ``events``: one object per SDK event, sorted by (package, export)::

        {"package", "export", "slug", "domain_event",
         "envelope": "entity" | "data" | "metadata",   # member besides metadata
         "modified_fields",                            # envelope has modifiedFields
         "payload_type",      # TS type of entity/data, null for "metadata"
         "metadata_type",     # TS type of metadata (EventMetadata / BaseEventMetadata)
         "action",            # JSDoc @slug (e.g. "created"), null when absent
         "deprecated", "replaced_by", "target_removal_date"}

    * ``data_items``: facts for ``onDataItemCreated/Updated/Deleted`` of ``@wix/data_items``,
      all parsed from the package's ``.d.ts`` (nothing hand-typed):
      ``events`` (per export: slug, domain_event, envelope interface name, envelope
      ``members``, ``timestamp_paths`` and ``rename_ignore_paths`` of the transform),
      ``interfaces`` (``DataItem``, the metadata interface and everything it extends or
      references, each ``{"extends": [...], "fields": [{"name", "type", "optional"}]}``)
      and ``enums`` (e.g. ``WebhookIdentityType`` values) and ``type_aliases``. Note that
      ``@wix/data_items@1.0.64`` declares no ``accountInfo`` / ``AccountInfoMetadata``;
    * ``event_metadata``: the distinct definitions of the envelope metadata types across
      all packages, each ``{"packages", "roots", "interfaces", "enums", "type_aliases"}``
      (``roots`` = the metadata types used by that package's envelopes). Newer packages
      add ``accountInfo`` (``AccountInfo`` in ``BaseEventMetadata``, overridden by
      ``AccountInfoMetadata`` in ``EventMetadata``).

How to run
    Fetch the packages into a scratch folder outside the repository, then scan it::

        python tools/extract_sdk_events.py PACKAGES_DIR [--output FILE] [--check]

    or let the script do the npm part itself (needs ``npm`` on PATH; it packs every
    package in ``PACKAGES`` into a temporary folder and extracts only the files above)::

        python tools/extract_sdk_events.py --fetch [--output FILE] [--check]

    ``--check`` compares with the existing output instead of writing it (exit 1 on a
    difference). A summary (counts by envelope, domain/non-domain, deprecations) is
    printed to stdout; warnings (missing packages, unmatched definitions) go to stderr.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "tools" / "data" / "sdk_events.json"
GENERATED = (
    "by tools/extract_sdk_events.py from the @wix npm packages listed below; "
    "do not edit by hand"
)

DATA_ITEMS_PACKAGE = "@wix/data_items"
DATA_ITEMS_EVENTS = ("onDataItemCreated", "onDataItemUpdated", "onDataItemDeleted")

#: The packages that define backend events (section 5.9 of the research doc).
AUTO_SDK_SUFFIXES: tuple[str, ...] = (
    "blog_categories", "blog_draft-posts", "blog_posts", "bookings_bookings",
    "bookings_services", "crm_contacts", "ecom_abandoned-checkouts", "ecom_cart",
    "ecom_checkout", "ecom_current-cart", "ecom_order-fulfillments",
    "ecom_order-transactions", "ecom_orders", "events_guests", "events_orders",
    "events_rsvp-v-2", "events_wix-events-v-2", "forms_forms", "forms_submissions",
    "loyalty_accounts", "media_files", "members_members", "pricing-plans_orders",
    "pricing-plans_plans", "stores_inventory-items-v-3", "stores_products",
    "stores_products-v-3",
)
PACKAGES: tuple[str, ...] = (DATA_ITEMS_PACKAGE, *("@wix/auto_sdk_" + s for s in AUTO_SDK_SUFFIXES))

# --- regexes from section 5.9 -------------------------------------------------------------
EVDEF = re.compile(
    r"(?:(?:var|const|let)\s+|exports\.)(on[A-Za-z0-9]+)\s*=\s*(?:/\*\s*@__PURE__\s*\*/\s*)?"
    r"(?:\(0,\s*)?[\w$.]*EventDefinition\)?\(\s*[\"']([^\"']+)[\"']\s*,\s*(true|false)"
)
ENVELOPE = re.compile(r"(?:export\s+)?interface\s+(\w+Envelope)\s*\{([^{}]*)\}")
HANDLER_DECL = re.compile(r"declare function\s+(on\w+)\s*\(\s*handler:\s*\(\s*event:\s*(\w+)\s*\)")

# --- helpers for the .d.ts parsing ----------------------------------------------------------
JSDOC_TAG = re.compile(r"@(\w+)[ \t]*([^\n]*)")
INTERFACE_HEAD = re.compile(
    r"(?:export\s+)?(?:declare\s+)?interface\s+(\w+)\s*(?:<[^>{]*>)?\s*"
    r"(?:extends\s+([^{]+?))?\s*\{"
)
ENUM_HEAD = re.compile(r"(?:export\s+)?(?:declare\s+)?(?:const\s+)?enum\s+(\w+)\s*\{")
TYPE_ALIAS_HEAD = re.compile(
    r"(?:^|\n)[ \t]*(?:export\s+)?(?:declare\s+)?type\s+(\w+)\s*(?:<[^>=]*>)?\s*="
)
ENUM_MEMBER = re.compile(r"(\w+)\s*(?:=\s*(?:\"([^\"]*)\"|'([^']*)'|(-?\d+)))?")
MEMBER = re.compile(
    r"^(?:readonly\s+)?(\[[^\]]+\]|[\w$]+|\"[^\"]+\"|'[^']+')\s*(\?)?\s*:\s*(.+)$", re.DOTALL
)
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*$", re.MULTILINE)
IDENT = re.compile(r"\b[A-Za-z_$][\w$]*\b")
TS_BUILTINS = frozenset({
    "string", "number", "boolean", "any", "unknown", "null", "undefined", "void", "never",
    "object", "Date", "Record", "Array", "Partial", "Pick", "Omit", "Readonly", "Promise",
    "true", "false", "Function",
})
#: Fields that make up an envelope besides the payload.
ENVELOPE_PAYLOAD_KEYS = ("entity", "data")


@dataclass
class EventFact:
    package: str
    export: str
    slug: str
    domain_event: bool
    envelope: str | None = None
    modified_fields: bool = False
    payload_type: str | None = None
    metadata_type: str | None = None
    action: str | None = None
    deprecated: bool = False
    replaced_by: str | None = None
    target_removal_date: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "package": self.package, "export": self.export, "slug": self.slug,
            "domain_event": self.domain_event, "envelope": self.envelope,
            "modified_fields": self.modified_fields, "payload_type": self.payload_type,
            "metadata_type": self.metadata_type, "action": self.action,
            "deprecated": self.deprecated, "replaced_by": self.replaced_by,
            "target_removal_date": self.target_removal_date,
        }


@dataclass
class Declaration:
    """A ``declare function onX(handler: (event: Envelope) => ...)`` plus its JSDoc."""

    export: str
    envelope_name: str
    tags: dict[str, list[str]]
    source: Path


@dataclass
class PackageScan:
    name: str
    version: str
    root: Path
    definitions: dict[str, tuple[str, bool]] = field(default_factory=dict)
    declarations: dict[str, Declaration] = field(default_factory=dict)
    envelopes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def normalise_type(text: str) -> str:
    """Collapse whitespace in a TypeScript type expression."""
    text = re.sub(r"\s+", " ", text.strip())
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"\s+\)", ")", text)
    return text.rstrip(",; ")


def strip_comments(text: str) -> str:
    return LINE_COMMENT.sub("", BLOCK_COMMENT.sub("", text))


def split_top_level(body: str, separators: str = ";") -> list[str]:
    """Split an interface body on separators that are not nested in brackets."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    previous = ""
    for char in body:
        if char in "{[(<":
            depth += 1
        elif char in "}])>" and not (char == ">" and previous == "="):
            depth -= 1
        previous = char
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse_members(body: str) -> list[dict[str, Any]]:
    """``{"name", "type", "optional"}`` for each member of an interface body."""
    members: list[dict[str, Any]] = []
    for part in split_top_level(strip_comments(body), ";"):
        match = MEMBER.match(part)
        if match is None:
            continue
        name, optional, type_text = match.groups()
        members.append({
            "name": name.strip("\"'"),
            "optional": optional is not None,
            "type": normalise_type(type_text),
        })
    return sorted(members, key=lambda m: m["name"])


def top_level_semicolon(text: str, start: int) -> int:
    """Index of the first ``;`` after ``start`` that is not nested in brackets."""
    depth = 0
    previous = ""
    for index in range(start, len(text)):
        char = text[index]
        if char in "{[(<":
            depth += 1
        elif char in "}])>" and not (char == ">" and previous == "="):
            depth -= 1
        elif char == ";" and depth <= 0:
            return index
        previous = char
    return len(text)


def matching_brace(text: str, open_index: int) -> int:
    """Index of the ``}`` that closes the ``{`` at ``open_index`` (comments skipped)."""
    depth = 0
    i = open_index
    while i < len(text):
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
            continue
        char = text[i]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError("unbalanced braces")


def jsdoc_before(text: str, position: int) -> str:
    """The ``/** ... */`` block that ends right before ``position`` ('' if none)."""
    head = text[:position].rstrip()
    if head.endswith("export"):
        head = head[: -len("export")].rstrip()
    if not head.endswith("*/"):
        return ""
    start = head.rfind("/**")
    return head[start:] if start >= 0 else ""


def jsdoc_tags(block: str) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for line in block.splitlines():
        line = line.strip().lstrip("/*").strip()
        line = re.sub(r"\*/$", "", line).strip()
        for match in JSDOC_TAG.finditer(line):
            if match.start() != 0:
                continue
            tags.setdefault(match.group(1), []).append(match.group(2).strip())
    return tags


def first_tag(tags: dict[str, list[str]], name: str) -> str | None:
    """The value of the first ``@name`` tag, or None when absent or empty."""
    values = tags.get(name)
    return values[0] or None if values else None


def package_root(folder: Path) -> Path | None:
    for candidate in (folder / "package", folder):
        if (candidate / "package.json").is_file():
            return candidate
    return None


def js_sources(root: Path) -> list[Path]:
    cjs = root / "build" / "cjs"
    files = [cjs / "index.js", *sorted((cjs / "src").glob("*.public.js"))]
    return [f for f in files if f.is_file()]


def dts_sources(root: Path) -> list[Path]:
    cjs = root / "build" / "cjs"
    return sorted(cjs.glob("*.d.ts")) + sorted((cjs / "src").glob("*.universal.d.ts"))


def scan_package(root: Path) -> PackageScan:
    meta = json.loads((root / "package.json").read_text(encoding="utf-8"))
    scan = PackageScan(name=meta["name"], version=meta["version"], root=root)
    for path in js_sources(root):
        for match in EVDEF.finditer(path.read_text(encoding="utf-8")):
            export, slug, domain = match.groups()
            previous = scan.definitions.get(export)
            if previous is not None and previous != (slug, domain == "true"):
                scan.warnings.append(f"{export}: conflicting EventDefinition calls")
            scan.definitions[export] = (slug, domain == "true")
    for path in dts_sources(root):
        text = path.read_text(encoding="utf-8")
        local_envelopes = {m.group(1): parse_members(m.group(2)) for m in ENVELOPE.finditer(text)}
        for match in HANDLER_DECL.finditer(text):
            export, envelope_name = match.groups()
            if export in scan.declarations:
                continue
            scan.declarations[export] = Declaration(
                export=export, envelope_name=envelope_name,
                tags=jsdoc_tags(jsdoc_before(text, match.start())), source=path,
            )
            if envelope_name in local_envelopes:
                scan.envelopes.setdefault(envelope_name, local_envelopes[envelope_name])
        for name, members in local_envelopes.items():
            scan.envelopes.setdefault(name, members)
    return scan


def event_facts(scan: PackageScan) -> list[EventFact]:
    facts: list[EventFact] = []
    for export in sorted(set(scan.definitions) | set(scan.declarations)):
        if export not in scan.definitions:
            scan.warnings.append(f"{export}: declared in .d.ts but no EventDefinition in .js")
            continue
        slug, domain = scan.definitions[export]
        fact = EventFact(package=scan.name, export=export, slug=slug, domain_event=domain)
        decl = scan.declarations.get(export)
        if decl is None:
            scan.warnings.append(f"{export}: EventDefinition without a handler declaration")
            facts.append(fact)
            continue
        tags = decl.tags
        event_type = first_tag(tags, "eventType")
        if event_type is not None and event_type != slug:
            scan.warnings.append(f"{export}: @eventType {event_type} != EventDefinition {slug}")
        fact.action = first_tag(tags, "slug")
        fact.deprecated = "deprecated" in tags
        fact.replaced_by = first_tag(tags, "replacedBy")
        fact.target_removal_date = first_tag(tags, "targetRemovalDate")
        members = scan.envelopes.get(decl.envelope_name)
        if members is None:
            scan.warnings.append(f"{export}: envelope {decl.envelope_name} not found")
            facts.append(fact)
            continue
        by_name = {m["name"]: m for m in members}
        payload = [key for key in ENVELOPE_PAYLOAD_KEYS if key in by_name]
        unknown = sorted(set(by_name) - {"entity", "data", "metadata", "modifiedFields"})
        if unknown or len(payload) > 1 or "metadata" not in by_name:
            scan.warnings.append(f"{export}: unusual envelope members {sorted(by_name)}")
        fact.envelope = payload[0] if payload else "metadata"
        fact.payload_type = by_name[payload[0]]["type"] if payload else None
        fact.metadata_type = by_name["metadata"]["type"] if "metadata" in by_name else None
        fact.modified_fields = "modifiedFields" in by_name
        facts.append(fact)
    return facts


# --- full interface / enum / alias parsing (data_items and event_metadata) -------------
@dataclass
class Declarations:
    """Interfaces, enums and type aliases declared in .d.ts files."""

    interfaces: dict[str, dict[str, Any]] = field(default_factory=dict)
    enums: dict[str, list[str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)

    def merge(self, other: Declarations) -> None:
        for name, value in other.interfaces.items():
            self.interfaces.setdefault(name, value)
        for name, values in other.enums.items():
            self.enums.setdefault(name, values)
        for name, text in other.aliases.items():
            self.aliases.setdefault(name, text)

    def as_json(self) -> dict[str, Any]:
        return {"interfaces": self.interfaces, "enums": self.enums, "type_aliases": self.aliases}


def parse_declarations(text: str) -> Declarations:
    """All interfaces (extends + members), enums (values) and type aliases in a .d.ts text."""
    found = Declarations()
    for match in INTERFACE_HEAD.finditer(text):
        close = matching_brace(text, match.end() - 1)
        extends = [normalise_type(e) for e in split_top_level(match.group(2) or "", ",")]
        found.interfaces.setdefault(match.group(1), {
            "extends": sorted(extends),
            "fields": parse_members(text[match.end():close]),
        })
    for match in ENUM_HEAD.finditer(text):
        close = matching_brace(text, match.end() - 1)
        values: list[str] = []
        for item in split_top_level(strip_comments(text[match.end():close]), ","):
            member = ENUM_MEMBER.match(item)
            if member:
                name, dq, sq, num = member.groups()
                values.append(dq if dq is not None else sq if sq is not None else num or name)
        found.enums.setdefault(match.group(1), sorted(values))
    for match in TYPE_ALIAS_HEAD.finditer(text):
        end = top_level_semicolon(text, match.end())
        found.aliases.setdefault(
            match.group(1), normalise_type(strip_comments(text[match.end():end]))
        )
    return found


def type_closure(roots: list[str], known: Declarations) -> Declarations:
    """Interfaces, enums and aliases reachable from ``roots`` via extends and member types."""
    seen = Declarations()
    todo = list(roots)
    while todo:
        name = todo.pop()
        done = name in seen.interfaces or name in seen.enums or name in seen.aliases
        if done or name in TS_BUILTINS:
            continue
        refs: list[str] = []
        if name in known.enums:
            seen.enums[name] = known.enums[name]
        elif name in known.interfaces:
            seen.interfaces[name] = known.interfaces[name]
            refs = list(known.interfaces[name]["extends"])
            refs += [f["type"] for f in known.interfaces[name]["fields"]]
        elif name in known.aliases:
            seen.aliases[name] = known.aliases[name]
            refs = [_without_string_literals(known.aliases[name])]
        todo.extend(ident for ref in refs for ident in IDENT.findall(_without_string_literals(ref)))
    return seen


def _without_string_literals(type_text: str) -> str:
    return re.sub(r"\"[^\"]*\"|'[^']*'", "", type_text)


@functools.cache
def package_declarations(root: Path) -> Declarations:
    known = Declarations()
    for path in dts_sources(root):
        known.merge(parse_declarations(path.read_text(encoding="utf-8")))
    return known


TRANSFORM_BLOCK = re.compile(
    r"transformFn:\s*[\w$.]*(\w+Timestamp\w*)\s*,\s*paths:\s*\[(.*?)\]", re.DOTALL
)
PATH_ITEM = re.compile(r"path:\s*[\"']([^\"']+)[\"']")
#: ``renameKeysFromRESTResponseToSDKResponse(transformPaths(...), ['entity.data'])``
IGNORE_PATHS = re.compile(r"\]\s*\)\s*,\s*\[([^\]]*)\]\s*\)\s*\)")


def data_items_facts(scan: PackageScan) -> dict[str, Any]:
    events: dict[str, Any] = {}
    js_text = "\n".join(p.read_text(encoding="utf-8") for p in js_sources(scan.root))
    known = package_declarations(scan.root)
    roots: list[str] = []
    for export in DATA_ITEMS_EVENTS:
        decl = scan.declarations.get(export)
        if decl is None or export not in scan.definitions:
            scan.warnings.append(f"data_items: {export} not found")
            continue
        members = known.interfaces.get(decl.envelope_name, {}).get("fields", [])
        roots += [ident for m in members for ident in IDENT.findall(m["type"])]
        timestamp_paths, ignore_paths = _transform_paths(js_text, export)
        slug, domain = scan.definitions[export]
        events[export] = {
            "slug": slug, "domain_event": domain, "envelope_interface": decl.envelope_name,
            "members": members, "timestamp_paths": timestamp_paths,
            "rename_ignore_paths": ignore_paths,
        }
    closure = type_closure(sorted(set(roots)), known)
    return {"package": scan.name, "version": scan.version, "events": events, **closure.as_json()}


def metadata_variants(scans: list[PackageScan], facts: list[EventFact]) -> list[dict[str, Any]]:
    """Distinct definitions of the envelope metadata types, with the packages using each."""
    variants: dict[str, dict[str, Any]] = {}
    for scan in scans:
        roots = sorted(
            {f.metadata_type for f in facts if f.package == scan.name and f.metadata_type}
        )
        if not roots:
            continue
        closure = type_closure(roots, package_declarations(scan.root)).as_json()
        key = json.dumps([roots, closure], sort_keys=True)
        entry = variants.setdefault(key, {"roots": roots, **closure, "packages": []})
        entry["packages"].append(scan.name)
    return sorted(
        ({**v, "packages": sorted(v["packages"])} for v in variants.values()),
        key=lambda v: v["packages"][0],
    )


def _transform_paths(js_text: str, export: str) -> tuple[list[str], list[str]]:
    """Timestamp paths and rename-ignore paths of one EventDefinition's transform.

    The transform of an event is the text from its ``EventDefinition`` call up to the
    next one (or the end of the file).
    """
    calls = list(EVDEF.finditer(js_text))
    for index, call in enumerate(calls):
        if call.group(1) != export:
            continue
        end = calls[index + 1].start() if index + 1 < len(calls) else len(js_text)
        chunk = js_text[call.end():end]
        timestamps = sorted({
            path
            for block in TRANSFORM_BLOCK.finditer(chunk)
            for path in PATH_ITEM.findall(block.group(2))
        })
        ignore = IGNORE_PATHS.search(chunk)
        ignored = sorted(re.findall(r"[\"']([^\"']+)[\"']", ignore.group(1))) if ignore else []
        return timestamps, ignored
    return [], []


# --- driver ------------------------------------------------------------------------------------
def build(packages_dir: Path) -> tuple[dict[str, Any], list[str]]:
    scans: list[PackageScan] = []
    warnings: list[str] = []
    for folder in sorted(p for p in packages_dir.iterdir() if p.is_dir()):
        root = package_root(folder)
        if root is None:
            warnings.append(f"{folder.name}: no package.json, skipped")
            continue
        scans.append(scan_package(root))
    names = {s.name for s in scans}
    warnings += [f"{name}: expected package missing" for name in PACKAGES if name not in names]
    events: list[EventFact] = []
    data_items: dict[str, Any] | None = None
    for scan in sorted(scans, key=lambda s: s.name):
        events += event_facts(scan)
        if scan.name == DATA_ITEMS_PACKAGE:
            data_items = data_items_facts(scan)
        warnings += [f"{scan.name}: {w}" for w in scan.warnings]
    result: dict[str, Any] = {
        "_generated": GENERATED,
        "packages": {s.name: s.version for s in scans},
        "event_metadata": metadata_variants(scans, events),
        "events": [e.as_json() for e in sorted(events, key=lambda e: (e.package, e.export))],
        "data_items": data_items,
    }
    return result, warnings


def fetch(target: Path, packages: tuple[str, ...] = PACKAGES) -> list[str]:
    """``npm pack`` each package into ``target`` and extract only the files read above."""
    failed: list[str] = []
    wanted = re.compile(
        r"^package/(package\.json|build/cjs/index\.js|build/cjs/[^/]+\.d\.ts|"
        r"build/cjs/src/[^/]+\.public\.js|build/cjs/src/[^/]+\.universal\.d\.ts)$"
    )
    for name in packages:
        proc = subprocess.run(
            ["npm", "pack", name, "--silent"],
            cwd=target, capture_output=True, text=True, check=False,
        )
        tgz = target / proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else None
        if proc.returncode != 0 or tgz is None or not tgz.is_file():
            failed.append(name)
            continue
        folder = target / tgz.name.removesuffix(".tgz")
        with tarfile.open(tgz) as archive:
            members = [m for m in archive.getmembers() if m.isfile() and wanted.match(m.name)]
            for member in members:
                if hasattr(tarfile, "data_filter"):  # Python >= 3.10.12 / 3.11.4
                    archive.extract(member, folder, filter="data")
                else:  # names already restricted to plain files under package/
                    archive.extract(member, folder)
        tgz.unlink()
    return failed


def dump(result: dict[str, Any]) -> str:
    return json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def summary(result: dict[str, Any]) -> str:
    events = result["events"]
    packages_with_events = {e["package"] for e in events}
    envelopes = Counter(e["envelope"] for e in events)
    lines = [
        f"packages scanned: {len(result['packages'])}; with events: {len(packages_with_events)}",
        (
            f"events: {len(events)} ({sum(e['domain_event'] for e in events)} domain, "
            f"{sum(not e['domain_event'] for e in events)} non-domain)"
        ),
        "envelopes: " + ", ".join(f"{k}={v}" for k, v in sorted(envelopes.items(), key=str)),
        f"  entity with modifiedFields: {sum(e['modified_fields'] for e in events)}",
        "  metadata types: " + ", ".join(
            f"{k}={v}" for k, v in sorted(Counter(str(e['metadata_type']) for e in events).items())
        ),
        f"deprecated events: {sum(e['deprecated'] for e in events)}",
    ]
    for e in events:
        if e["deprecated"]:
            lines.append(
                f"  {e['slug']} -> {e['replaced_by']} (removal {e['target_removal_date']})"
            )
    data_items = result.get("data_items") or {}
    if data_items:
        lines.append(
            f"data_items: {len(data_items['events'])} events, interfaces "
            f"{', '.join(sorted(data_items['interfaces']))}; "
            f"enums {', '.join(sorted(data_items['enums']))}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packages_dir", nargs="?", type=Path, help="folder of unpacked packages")
    parser.add_argument("--fetch", action="store_true", help="npm pack PACKAGES into a temp dir")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare with --output, do not write")
    args = parser.parse_args(argv)
    if (args.packages_dir is None) == (not args.fetch):
        parser.error("give exactly one of PACKAGES_DIR or --fetch")
    temp: Path | None = None
    try:
        if args.fetch:
            temp = Path(tempfile.mkdtemp(prefix="wix-sdk-packages-"))
            for name in fetch(temp):
                print(f"warning: npm refused {name}", file=sys.stderr)
        packages_dir = temp if temp is not None else args.packages_dir
        result, warnings = build(packages_dir)
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    text = dump(result)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
        if current != text:
            print(f"{args.output} is out of date", file=sys.stderr)
            return 1
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    print(summary(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
