"""The Wix API shims in JavaScript call the same simulated Python functions, with Wix's JavaScript shapes.

Queries built with the chainable JavaScript builder record the same query spec
as Python's; fetch answers with a Response (``ok``, ``status``, ``json()``,
``text()``, ``headers.get``); rejections carry Wix's ``code`` and a stack that
names the handler's line; ``elevate`` routes through ``call_elevated``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest

pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')


from wixevents import FixedClock, Site
from wixevents.js import load_source
from wixevents.js.register import register_module
from wixevents.js.shims.install import SHIMS, host_functions
from wixevents.runtime.loader import LoadReport
from wixevents.velo import wix_data

ORDERS = [{"_id": f"o{i}", "title": f"Order {i}", "total": 10 * i, "tags": ["gift"] if i % 2 else [],
           "paidAt": f"2026-01-{i + 1:02d}T00:00:00.000Z"} for i in range(1, 8)]


@pytest.fixture
def site() -> Iterator[Site]:
    with Site(clock=FixedClock()) as made:
        made.seed(collections={"Orders": ORDERS})
        yield made


def js(site: Site, text: str, file: str = "events.js") -> Any:
    """Load ``text`` into the site as a notebook cell; its first handler."""
    module = load_source(site.js_engine, text, filename=file, source="notebook")
    return register_module(site.registry, module, LoadReport(file, "notebook"))[0]


def call_once(site: Site, payload: dict[str, Any] | None = None) -> Any:
    """Run the loaded handler once by hand with ``payload`` as it is (not checked against the event's schema)."""
    return site.test("wixBilling_onInvoicePaid", payload or {}, validate=False)


QUERIES_JS = """import wixData from "wix-data";
export async function wixBilling_onInvoicePaid(event) {
  const q = wixData.query("Orders");
  const a = await q.gt("total", 20).le("total", 60).descending("total").limit(2).find();
  const b = await a.next();
  const c = await q.hasSome("tags", "gift").or(q.eq("_id", "o2")).ascending("title").fields("title").find();
  const d = await q.between("paidAt", new Date(Date.UTC(2026, 0, 3)), new Date(Date.UTC(2026, 0, 5))).count();
  const e = await q.not(q.startsWith("title", "Order 1")).isNotEmpty("tags").skip(1).find();
  return { a: a.items.map((i) => i._id), more: [a.hasNext(), a.hasPrev(), b.hasPrev(), b.currentPage],
           b: b.items.map((i) => i._id), c: c.items, d, e: e.items.map((i) => i._id), total: a.totalCount };
}
"""


def test_the_javascript_query_builder_records_the_same_queries_as_python(site: Site) -> None:
    js(site, QUERIES_JS)
    got = call_once(site)
    assert got.ok, got.to_frame()[["status", "error"]]
    q = wix_data.query("Orders")
    with site.use():
        a = q.gt("total", 20).le("total", 60).descending("total").limit(2).find()
        b = a.next()
        c = q.hasSome("tags", "gift").or_(q.eq("_id", "o2")).ascending("title").fields("title").find()
        d = q.between("paidAt", pd.Timestamp("2026-01-03", tz="UTC").to_pydatetime(),
                      pd.Timestamp("2026-01-05", tz="UTC").to_pydatetime()).count()
        e = q.not_(q.startsWith("title", "Order 1")).isNotEmpty("tags").skip(1).find()
    assert got.value == {"a": [i["_id"] for i in a.items],
                         "more": [a.hasNext(), a.hasPrev(), b.hasPrev(), b.currentPage],
                         "b": [i["_id"] for i in b.items], "c": [dict(i) for i in c.items], "d": d,
                         "e": [i["_id"] for i in e.items], "total": a.totalCount}
    effects = site.effects()
    from_js, from_python = effects[effects["seq"].notna()], effects[effects["seq"].isna()]
    assert from_js["args"].tolist() == from_python["args"].tolist()
    assert from_js["result"].tolist() == from_python["result"].tolist()


FETCH_JS = """import { fetch, getJSON } from "wix-fetch";
export async function wixBilling_onInvoicePaid(event) {
  const ok = await fetch("https://api.example.com/rates", { method: "GET" });
  const missing = await fetch("https://api.example.com/missing");
  const rates = await ok.json();
  const failures = [];
  for (const url of ["https://down.example.com/x", "https://nowhere.example.com/"]) {
    try { await fetch(url); } catch (e) { failures.push(e.code); }
  }
  return { ok: [ok.ok, ok.status, ok.statusText, ok.headers.get("Content-Type"), ok.bodyUsed, rates.EUR],
           missing: [missing.ok, missing.status, await missing.text(), missing.bodyUsed],
           json: await getJSON("https://api.example.com/rates"), failures };
}
"""


def test_fetch_answers_with_a_response_and_rejects_only_without_one(site: Site) -> None:
    site.http.stub("https://api.example.com/rates", json={"EUR": 0.92})
    site.http.stub("https://api.example.com/missing", status=404, text="no such thing")
    site.http.stub("https://down.example.com/*", error="connection refused")
    js(site, FETCH_JS)
    assert call_once(site).value == {
        "ok": [True, 200, "OK", "application/json", True, 0.92], "missing": [False, 404, "no such thing", True],
        "json": {"EUR": 0.92}, "failures": ["NETWORK_ERROR", "UNSTUBBED"]}
    assert len(site.http_calls()) == 5


CRM_JS = """import { contacts } from "@wix/crm";
import { members, authentication } from "@wix/members";
import { secrets } from "@wix/secrets";
export async function wixBilling_onInvoicePaid(event) {
  const made = await contacts.createContact({ emails: [{ email: "ana@example.com" }] });
  let duplicate;
  try { await contacts.createContact({ emails: [{ email: "ana@example.com" }] }); } catch (e) { duplicate = e.code; }
  const member = await members.getMember(event.memberId);
  const token = await authentication.approveByEmail(member.loginEmail);
  const { value } = await secrets.getSecretValue("api-key");
  return { revision: made.revision, duplicate, email: member.loginEmail, token: token.startsWith("session-"), value };
}
"""


def test_sdk_spellings_reach_the_same_contacts_members_and_secrets(site: Site) -> None:
    member = site.members().iloc[0]
    site.secrets["api-key"] = "k-123"
    js(site, CRM_JS)
    result = call_once(site, {"memberId": member["_id"]})
    assert result.value == {"revision": 0, "duplicate": "ALREADY_EXISTS", "email": member["loginEmail"], "token": True,
                            "value": "k-123"}
    assert site.members().iloc[0]["status"] == "APPROVED" and len(site.contacts()) == 1
    assert site.effects()["module"].tolist() == ["wix-crm-backend", "wix-crm-backend", "wix-members-backend",
                                                 "wix-members-backend", "wix-secrets-backend"]
    assert site.effects()["result"].tolist()[-1] == "***"


ELEVATE_JS = """import wixData from "wix-data";
import { elevate } from "wix-auth";
export async function wixBilling_onInvoicePaid(event) {
  let denied;
  try { await wixData.truncate("Orders"); } catch (e) { denied = e.code; }
  await elevate(wixData.truncate)("Orders");
  let own;
  try { elevate(async () => 1); } catch (e) { own = e.message; }
  return { denied, own, left: await wixData.query("Orders").count() };
}
"""


def test_elevate_runs_a_wix_api_call_elevated_and_refuses_other_functions(site: Site) -> None:
    js(site, ELEVATE_JS)
    value = call_once(site).value
    assert value["denied"] == "PERMISSION_DENIED" and value["left"] == 0
    assert value["own"].startswith("elevate() takes a Wix API function") and "is not one" in value["own"]
    rows = site.effects()[["module", "function", "elevated"]].values.tolist()
    assert rows == [["wix-data", "truncate", False], ["wix-auth", "elevate", True], ["wix-data", "truncate", True],
                    ["wix-data", "query.count", False]]
    assert site.effects()["args"].tolist()[1] == {"function": "DataApi.truncate", "args": ["Orders"]}


def test_a_failed_call_rejects_with_wixs_code_and_a_stack_at_the_handlers_line(site: Site) -> None:
    js(site, "import wixData from 'wix-data';\n\nexport async function wixBilling_onInvoicePaid(event) {\n"
             "  await wixData.insert('Orders', { _id: 'o1' });\n}\n")
    run = call_once(site).runs[0]
    assert run.error is not None and run.error.message == "An item with _id [o1] already exists in Orders."
    assert run.error.traceback.splitlines()[1:] == ["    at async wixBilling_onInvoicePaid (events.js:4:3)"]


def test_a_function_wix_does_not_document_fails_naming_what_the_namespace_has(site: Site) -> None:
    js(site, "import wixData from 'wix-data';\nimport { items } from '@wix/data';\n"
             "export async function wixBilling_onInvoicePaid(event) {\n  await items.agregate('Orders');\n}\n")
    error = call_once(site).runs[0].error
    assert error is not None and error.message.startswith("@wix/data.items.agregate is not a function: Wix's reference")
    assert "aggregateDataItems" in error.message and "insert" in error.message


def test_every_simulated_function_is_reachable_from_a_shim(site: Site) -> None:
    modules = [m for m in SHIMS if not m.startswith("wixevents:")]
    handler = js(site, "".join(f"import * as m{i} from '{m}';\n" for i, m in enumerate(modules)) + (
        "const HOST = Symbol.for('wixevents.host');\n"
        "function walk(v, found, depth) {\n"
        "  if (typeof v === 'function' && v[HOST]) found.add(v[HOST].name);\n"
        "  else if (v && typeof v === 'object' && depth < 3) {\n"
        "    for (const k of Object.keys(v)) walk(v[k], found, depth + 1);\n  }\n"
        "}\n"
        "export function wixBilling_onInvoicePaid() {\n  const found = new Set();\n"
        f"  [{', '.join(f'm{i}' for i in range(len(modules)))}].forEach((m) => walk(m, found, 0));\n"
        "  return [...found].sort();\n}\n"))
    reached = set(handler.fn({}))
    queries = {n for n in host_functions() if n.endswith(("query_find", "query_count"))}  # the query builder's
    assert set(host_functions()) - queries - {"wix-auth:call_elevated"} <= reached
