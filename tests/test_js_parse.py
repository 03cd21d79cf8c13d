"""Handler discovery in events.js / data.js with a real JavaScript parser (tree-sitter).

Supported forms are found with their line and async-ness; each export form Wix
does not call is reported with an explanation of Wix's rule; unknown names get
catalog suggestions; problems are collected, never raised.
"""

from __future__ import annotations

import pytest

pytest.importorskip("tree_sitter_javascript", reason='tree-sitter is not installed: pip install "wixevents[js]"')

from wixevents.js.parse import parse


def names(text: str, file: str = "events.js") -> dict[str, tuple[int, bool]]:
    return {e.name: (e.line, e.is_async) for e in parse(text, file).handlers}


def codes(text: str, file: str = "events.js") -> list[tuple[int, str]]:
    return [(p.line, p.code) for p in parse(text, file).problems if p.severity == "error"]


def test_export_function_and_export_async_function_are_handlers() -> None:
    text = ("export function wixBilling_onInvoicePaid(event) {}\n"
            "\n"
            "export async function wixCrm_onFormSubmit(event) { await null; }\n")
    assert names(text) == {"wixBilling_onInvoicePaid": (1, False), "wixCrm_onFormSubmit": (3, True)}
    assert parse(text).problems == []


def test_exported_function_valued_consts_are_handlers() -> None:
    text = ("export const wixBilling_onInvoicePaid = (event) => event.id;\n"
            "export const wixCrm_onFormSubmit = async function (event) {};\n"
            "export let wixMembers_onMemberCreated = async (event) => {};\n")
    assert names(text) == {"wixBilling_onInvoicePaid": (1, False), "wixCrm_onFormSubmit": (2, True),
                           "wixMembers_onMemberCreated": (3, True)}


def test_a_local_function_exported_by_name_or_through_a_const_is_a_handler() -> None:
    text = ("async function onPaid(event) {}\n"
            "export { onPaid as wixBilling_onInvoicePaid };\n"
            "export const wixCrm_onFormSubmit = onPaid;\n")
    assert names(text) == {"wixBilling_onInvoicePaid": (2, True), "wixCrm_onFormSubmit": (3, True)}


@pytest.mark.parametrize(("text", "code", "says"), [
    ("export { wixBilling_onInvoicePaid } from './billing';", "reexport", "re-exports"),
    ("import { f } from 'my-package';\nexport const wixBilling_onInvoicePaid = f;", "reexport", "re-exports"),
    ("import { f } from './lib';\nexport { f as wixBilling_onInvoicePaid };", "reexport", "re-exports"),
    ("export * from './billing';", "export-star", "whole module"),
    ("export * as all from './billing';", "export-star", "whole module"),
    ("function f() {}\nexport { f as 'wixBilling_onInvoicePaid' };", "computed-name", "quoted or computed"),
    ("export default { wixBilling_onInvoicePaid(event) {} };", "object-export", "properties of an exported object"),
    ("export const handlers = { wixBilling_onInvoicePaid: (event) => 1 };", "object-export", "exported object"),
    ("export const handlers = { [name]: function () {} };", "object-export", "exported object"),
    ("const hooks = { paid() {} };\nexport const wixBilling_onInvoicePaid = hooks.paid;", "member-export",
     "property of an object"),
    ("export const wixBilling_onInvoicePaid = elevate(onPaid);", "dynamic-export", "dynamic export"),
    ("module.exports = { wixBilling_onInvoicePaid };", "commonjs", "CommonJS"),
    ("module.exports.wixBilling_onInvoicePaid = function () {};", "commonjs", "CommonJS"),
    ("exports.wixBilling_onInvoicePaid = function () {};", "commonjs", "CommonJS"),
    ("exports[name] = function () {};", "commonjs", "CommonJS"),
])
def test_each_export_form_wix_does_not_call_is_rejected_with_the_reason(text: str, code: str, says: str) -> None:
    module = parse(text)
    problem = next(p for p in module.problems if p.code == code)
    assert problem.severity == "error" and problem.file == "events.js"
    assert problem.line == text.count("\n") + 1
    assert says in problem.message and "never called when its event fires" in problem.message
    assert module.handlers == []


def test_the_explanation_shows_the_supported_way_to_write_it() -> None:
    problem = parse("import { f } from 'pkg';\nexport const wixMediaManager_onFileUploaded = f;").errors[0]
    assert "export const wixMediaManager_onFileUploaded = (event) => f(event);" in problem.message
    assert str(problem).startswith("events.js:2: error: ")


def test_unknown_handler_names_are_problems_with_catalog_suggestions() -> None:
    module = parse("export function wixBilling_onInvoicePayed(event) {}\nexport function wixBiling_onInvoicePaid() {}")
    assert [p.code for p in module.problems] == ["unknown-name", "unknown-name"]
    assert module.problems[0].suggestions[0] == "wixBilling_onInvoicePaid"
    assert "Did you mean wixBilling_onInvoicePaid" in module.problems[1].message
    assert module.handlers == []


def test_every_problem_of_a_file_is_reported_at_once_not_raised() -> None:
    text = ("export * from './a';\n"
            "export function wixBilling_onInvoicePayed(event) {}\n"
            "module.exports = {};\n"
            "export function wixBilling_onInvoicePaid(event) {}\n")
    module = parse(text)
    assert [(p.line, p.code) for p in module.errors] == [(1, "export-star"), (2, "unknown-name"), (3, "commonjs")]
    assert [h.name for h in module.handlers] == ["wixBilling_onInvoicePaid"]


def test_helpers_exported_from_events_js_get_a_warning_only() -> None:
    module = parse("export function formatMoney(x) {}\nexport const RATE = 0.2;")
    assert [(p.code, p.severity) for p in module.problems] == [("not-a-handler", "warning")]
    assert "Wix never calls it" in module.problems[0].message


def test_default_exports_are_never_called_by_wix() -> None:
    assert [p.code for p in parse("export default function (event) {}").problems] == ["default-export"]


def test_data_js_exports_are_checked_as_collection_hooks() -> None:
    text = ("export function Orders_beforeInsert(item, context) { return item; }\n"
            "export function Orders_beforeInsrt() {}")
    module = parse(text, "data.js")
    assert module.kind == "data" and [h.name for h in module.handlers] == ["Orders_beforeInsert"]
    assert module.problems[0].code == "unknown-hook" and "Orders_beforeInsert" in module.problems[0].suggestions


def test_imports_are_collected_with_specifier_names_and_line() -> None:
    module = parse("import wixData from 'wix-data';\n"
                   "import { items, auth as a } from '@wix/data';\n"
                   "import * as utils from './utils';\n"
                   "import './setup.js';\n")
    assert [(i.specifier, i.names, i.line) for i in module.imports] == [
        ("wix-data", (("default", "wixData"),), 1),
        ("@wix/data", (("items", "items"), ("auth", "a")), 2),
        ("./utils", (("*", "utils"),), 3),
        ("./setup.js", (), 4),
    ]


def test_helper_modules_may_use_every_es_export_form_but_not_commonjs() -> None:
    module = parse("export * from './a';\nexport { x as y } from './b';\nexport default { f() {} };", "utils.js")
    assert module.kind == "module" and module.problems == []
    assert [(e.name, e.form) for e in module.exports] == [
        ("*", "star"), ("y", "reexport"), ("default", "default-value")]
    assert [p.code for p in parse("module.exports = {};", "utils.js").problems] == ["commonjs-helper"]


def test_top_level_await_is_reported_and_dynamic_imports_are_recorded_not_refused() -> None:
    text = "const m = import('./x');\nconst v = await load();\nasync function f() { await import(name); }"
    assert codes(text) == [(2, "top-level-await")]
    assert [(d.specifier, d.line) for d in parse(text).dynamic] == [("./x", 1), (None, 3)]


def test_syntax_errors_are_reported_with_their_line() -> None:
    module = parse("export function wixBilling_onInvoicePaid(event) {\n  return event.;\n}\n")
    assert module.errors and module.errors[0].code == "syntax" and module.errors[0].line == 2


def test_duplicate_export_names_are_reported() -> None:
    text = "export function wixBilling_onInvoicePaid() {}\nexport { wixBilling_onInvoicePaid };"
    assert codes(text) == [(2, "duplicate-export")]
