"""Merge facts from Wix's npm SDK packages (``tools/data/sdk_events.json``).

Two things come from the SDK rather than the reference:

* webhook slugs (``wix.ecom.v1.order_created``) for the catalog events that the
  SDK also defines, matched by event name and the package's domain;
* the data-item events ``wixData_onDataItemCreated/Updated/Deleted``, which
  Wix documents (``https://dev.wix.com/docs/velo/events-service-plugins/data/events/``)
  and ``@wix/data_items`` defines, but the reference lacks. Their metadata
  follows the Velo convention of the reference's V2 events (``id``, ``entityId``,
  ``eventTime`` as text); the SDK's extra metadata fields are optional.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "sdk_events.json"
DATA_DOCS = "https://dev.wix.com/docs/velo/events-service-plugins/data/events/"
NS = "sdk.data_items"


def merge(entries: dict[str, Any], types: dict[str, Any], report: list[str]) -> None:
    facts = json.loads(DATA.read_text(encoding="utf-8"))
    add_data_item_events(entries, types, facts["data_items"], report)
    attach_slugs(entries, facts["events"], report)


def _domain(package: str) -> str:
    """``@wix/auto_sdk_pricing-plans_orders`` -> ``pricing-plans``; ``@wix/data_items`` -> ``data``."""
    return package.removeprefix("@wix/auto_sdk_").removeprefix("@wix/").split("_")[0]


def attach_slugs(entries: dict[str, Any], events: list[dict[str, Any]], report: list[str]) -> None:
    unmatched = []
    for sdk in sorted(events, key=lambda e: ("-v-3" in e["package"], e["package"], e["export"])):
        domain = _domain(sdk["package"])
        cands = [e for e in entries.values() if e["event"] == sdk["export"] and domain in e["module"]]
        current = [e for e in cands if e["kind"] != "flat"]
        cands = current or cands
        if len(cands) != 1:
            unmatched.append(f"{sdk['package']}:{sdk['export']}")
            continue
        target = cands[0]
        if target["slug"] and target["slug"] != sdk["slug"]:
            report.append(f"{target['name']}: keeps slug {target['slug']}, not {sdk['slug']}")
            continue
        target["slug"] = sdk["slug"]
    report.append(f"{len(events) - len(unmatched)} SDK events matched a catalog event; "
                  f"{len(unmatched)} have no Velo handler in the reference: {', '.join(unmatched)}")


def _ts_type(text: str, enums: dict[str, list[str]]) -> Any:
    """Translate the few TypeScript types of ``@wix/data_items`` into the type language."""
    alts = [a.strip() for a in text.split("|") if a.strip() not in ("null", "undefined")]
    if len(alts) > 1:
        return {"union": [_ts_type(a, enums) for a in alts]}
    t = alts[0]
    if t.endswith("[]"):
        return {"array": _ts_type(t[:-2], enums)}
    if m := re.fullmatch(r"Record<string,\s*(.+)>", t):
        return {"map": _ts_type(m.group(1), enums)}
    if t in enums:
        return {"enum": enums[t]}
    if t in ("string", "number", "boolean", "Date", "any"):
        return t
    return {"ref": f"{NS}.{t}"}


def add_data_item_events(entries: dict[str, Any], types: dict[str, Any], facts: dict[str, Any],
                         report: list[str]) -> None:
    enums, interfaces = facts["enums"], facts["interfaces"]
    for name, iface in interfaces.items():
        fields = [{"name": f["name"], "type": _ts_type(f["type"], enums), "optional": True}
                  for f in iface["fields"]]
        if name == "EventMetadata":  # Velo spelling: `id`, and eventTime as ISO text
            velo = [{"name": "id", "type": "string"}, {"name": "entityId", "type": "string"},
                    {"name": "eventTime", "type": "string"}]
            fields = velo + [f for f in fields if f["name"] not in ("entityId", "eventTime")]
            for parent in iface["extends"]:
                fields += [{"name": f["name"], "type": _ts_type(f["type"], enums), "optional": True}
                           for f in interfaces[parent]["fields"] if f["name"] != "accountInfo"]
        types[f"{NS}.{name}"] = {"name": name, "fields": sorted(fields, key=lambda f: f["name"])}
    for export, info in sorted(facts["events"].items()):
        envelope = f"{NS}.{export[2:]}"
        deleted = export.endswith("Deleted")  # the wire may carry no deleted entity: {metadata} only
        types[envelope] = {"name": export[2:], "fields": [
            {"name": "entity", "type": {"ref": f"{NS}.DataItem"}} | ({"optional": True} if deleted else {}),
            {"name": "metadata", "type": {"ref": f"{NS}.EventMetadata"}},
        ]}
        kebab = re.sub(r"(?<!^)(?=[A-Z])", "-", export).lower()
        name = f"wixData_{export}"
        entries[name] = {
            "name": name, "aliases": [], "module": "wix-data.v2", "reference_module": "wix-data-v2",
            "event": export, "kind": "entity", "mixed_envelope": False, "beta": False,
            "deprecated": False, "replacement": None, "docs_url": DATA_DOCS + kebab,
            "summary": _summary(export), "source": "sdk", "slug": info["slug"],
            "shapes": [{"module": "wix-data.v2", "kind": "entity", "v2": True, "payload": {"ref": envelope}}],
            "operations": [],
        }
    report.append(f"added {len(facts['events'])} data-item events from @wix/data_items")


def _summary(export: str) -> str:
    verb = export.removeprefix("onDataItem").lower()
    return (f"Runs when an item of a site collection is {verb} (by code, a dataset or the CMS). "
            "The handler receives the item and event metadata; one handler serves every collection.")
