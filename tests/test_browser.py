"""A real browser: JupyterLab opens the quickstart, runs every cell, and the Workbench fires an event.

The test starts ``jupyter lab`` on a free localhost port with a random token in a
temporary directory (a copy of the quickstart, fresh Jupyter config, settings and
workspace folders), and drives Debian's Chromium through Playwright. It never
downloads a browser: without ``/usr/bin/chromium`` it skips and says how to
install one (``apt-get install chromium``). Every wait is bounded; the server is
stopped in ``finally``; on failure a screenshot and the server log are saved in
``test-artifacts/``.

On every run it also checks the Workbench as an attendee meets it at 1400×1000:
nothing scrolls sideways, Fire's result starts on the first screen, a message
appears right under the button that caused it and goes away on the next
action, the handler stub lands in a selected cell right below, and the console
has no warning about wixevents. It saves ``workbench.png``, ``run-table.png``,
``browser-measurements.json`` (the Workbench's size, the widest run table) and
the console log in ``test-artifacts/``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
NOTEBOOK = "00_quickstart.ipynb"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVER_START_S = 90
RUN_ALL_S = 120
STEP_MS = 30_000
VIEWPORT = {"width": 1400, "height": 1000}
#: Console lines that would tell an attendee something of ours is wrong.
OURS = re.compile(r"wixevents|cmView", re.IGNORECASE)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="the browser test needs Debian's Chromium: run `apt-get install chromium` (as root) to enable it")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def settings(folder: Path) -> None:
    """User settings that keep JupyterLab quiet: no news or update pop-ups over the notebook."""
    notification = folder / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notification.parent.mkdir(parents=True)
    notification.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8")


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A running JupyterLab serving a copy of the quickstart: yields (notebook URL, log file)."""
    root = tmp_path / "lab"
    root.mkdir()
    shutil.copy(ROOT / "notebooks" / NOTEBOOK, root / NOTEBOOK)
    settings(tmp_path / "settings")
    port, token = free_port(), secrets.token_hex(16)
    env = os.environ | {
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_DATA_DIR": str(tmp_path / "data"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"), "JUPYTER_PLATFORM_DIRS": "1",
    }
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={root}", "--LabApp.news_url=", "--ServerApp.terminals_enabled=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers run as root
        command.append("--allow-root")
    log_path = tmp_path / "jupyter.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_for_server(server, port, token, log_path)
            yield f"http://127.0.0.1:{port}/lab/tree/{NOTEBOOK}?token={token}", log_path
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=15)


def wait_for_server(server: subprocess.Popen[bytes], port: int, token: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"jupyter lab exited with {server.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"jupyter lab did not answer within {SERVER_START_S} s:\n{log.read_text(errors='replace')[-3000:]}")


def save_artifacts(page: Any, log: Path, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True, timeout=10_000)
    finally:
        shutil.copy(log, ARTIFACTS / f"{name}.log")


def run_all_cells(page: Any, appears: str) -> None:
    """Run > Run All Cells from the menu bar; wait for ``appears`` (made by a cell) and for no cell left to run."""
    page.locator(".jp-Notebook").first.wait_for(state="visible", timeout=STEP_MS)
    # The status bar reads "Python 3 (ipykernel) | Idle" once the notebook's kernel has started.
    page.locator(".jp-StatusBar-Widget", has_text="| Idle").first.wait_for(timeout=RUN_ALL_S * 1000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click(timeout=STEP_MS)
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click(timeout=STEP_MS)
    # The notebook is saved without widget state, so the selector only matches once its cell has run.
    page.locator(appears).first.wait_for(state="visible", timeout=RUN_ALL_S * 1000)
    page.wait_for_function(
        """() => { const prompts = [...document.querySelectorAll('.jp-InputArea-prompt')];
                   return prompts.length > 0 && prompts.every(p => !p.textContent.includes('*')) }""",
        timeout=RUN_ALL_S * 1000)


def bench_box(page: Any) -> dict[str, float]:
    """The Workbench's size and whether anything in its cell scrolls sideways."""
    box: dict[str, float] = page.evaluate(
        """() => { const bench = document.querySelector('.wixevents-workbench');
                   const cell = bench.closest('.jp-Cell'), out = bench.closest('.jp-OutputArea');
                   const scroller = bench.closest('.jp-WindowedPanel-outer') || document.scrollingElement;
                   const over = [bench, out, scroller, ...bench.querySelectorAll('*')].filter(
                       e => e && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'hidden'
                            && e.clientWidth > 0);
                   return {height: bench.getBoundingClientRect().height, width: bench.getBoundingClientRect().width,
                           cellWidth: cell.getBoundingClientRect().width, sideways: over.length} }""")
    return box


def widest_run_table(page: Any) -> dict[str, Any]:
    """The widest run table on the page: its width in pixels, whether it fits its output, its first words."""
    widest: dict[str, Any] = page.evaluate(
        """() => [...document.querySelectorAll('div.wixevents-runs')].map(d => ({
                   width: d.querySelector('table') ? d.querySelector('table').getBoundingClientRect().width : 0,
                   fits: d.scrollWidth <= d.clientWidth + 1, text: d.innerText.slice(0, 60)}))
                 .reduce((a, b) => (b.width > a.width ? b : a), {width: 0, fits: true, text: ''})""")
    return widest


def use_the_workbench(page: Any, measured: dict[str, Any]) -> None:
    """Search for an event, pick it, click Fire: the result shows right under the buttons, on the first screen."""
    bench = page.locator(".wixevents-workbench").first
    bench.wait_for(state="visible", timeout=STEP_MS)
    bench.evaluate("bench => bench.scrollIntoView({block: 'start'})")
    measured["workbench"] = bench_box(page)
    assert measured["workbench"]["sideways"] == 0, measured
    bench.locator(".widget-text input").first.fill("submission created")
    picker = bench.locator(".widget-dropdown select").first
    name = "wixForms_onSubmissionCreated"
    find = """([select, name]) => [...select.options].findIndex(o => o.textContent.endsWith(name))"""
    page.wait_for_function(f"a => ({find})(a) >= 0", arg=[picker.element_handle(), name], timeout=STEP_MS)
    label = picker.evaluate("(select, name) => [...select.options].find(o => o.textContent.endsWith(name))"
                            ".textContent", name)
    picker.select_option(label=label)
    bench.get_by_text("Runs when a submission is created", exact=False).first.wait_for(timeout=STEP_MS)
    bench.evaluate("bench => bench.scrollIntoView({block: 'start'})")
    bench.locator("button", has_text=re.compile(r"^\s*Fire\s*$")).first.click()
    last = bench.locator(".wixevents-runs", has_text="wixForms_onSubmissionCreated: sample 'default' fired")
    last.first.wait_for(state="visible", timeout=STEP_MS)
    cells = last.first.locator("tbody tr").first.locator("td").all_inner_texts()
    assert cells[0] == "ok" and cells[2] == "wixForms_onSubmissionCreated" and cells[3] == "default", cells
    top = last.first.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < VIEWPORT["height"] - 60, f"the result starts at {top} px, below the first screen"
    measured["workbench_after_fire"] = bench_box(page)
    assert measured["workbench_after_fire"]["sideways"] == 0, measured


def a_message_sits_by_its_button(page: Any) -> None:
    """A search that matches nothing, then Fire: the message appears right under the button, and goes on success."""
    bench = page.locator(".wixevents-workbench").first
    search = bench.locator(".widget-text input").first
    search.fill("no such event at all")
    bench.get_by_text("no event matches", exact=False).first.wait_for(timeout=STEP_MS)  # the kernel has it
    fire = bench.locator("button", has_text=re.compile(r"^\s*Fire\s*$")).first
    fire.click()
    message = bench.locator(".wixevents-message", has_text="no event is picked")
    message.first.wait_for(state="visible", timeout=STEP_MS)
    gap = message.first.evaluate("e => e.getBoundingClientRect().top") - fire.evaluate(
        "e => e.getBoundingClientRect().bottom")
    assert 0 <= gap < 40, f"the message is {gap} px below the Fire button"
    search.fill("submission created")
    fire.click()
    page.wait_for_function(
        "() => !document.querySelector('.wixevents-message').innerText.includes('no event is picked')",
        timeout=STEP_MS)


def insert_a_stub(page: Any) -> None:
    """Handler stub puts the picked event's handler, registered on ``site``, in a new cell right below the panel."""
    cells = page.locator(".jp-Notebook .jp-Cell")
    before = cells.count()
    bench_cell = page.locator(".jp-Cell", has=page.locator(".wixevents-workbench")).first
    bench_cell.locator("button", has_text="Handler stub").first.click()
    page.wait_for_function(f"() => document.querySelectorAll('.jp-Notebook .jp-Cell').length === {before + 1}",
                           timeout=STEP_MS)
    below = bench_cell.locator("xpath=following-sibling::div[1]")
    assert "jp-CodeCell" in (below.get_attribute("class") or "")
    page.wait_for_function("cell => cell.classList.contains('jp-mod-selected')", arg=below.element_handle(),
                           timeout=STEP_MS)
    page.wait_for_function("cell => cell.innerText.includes('def wixForms_onSubmissionCreated(event):')",
                           arg=below.element_handle(timeout=STEP_MS), timeout=STEP_MS)
    text = below.locator(".cm-content").inner_text()
    assert text.startswith("# wixForms_onSubmissionCreated") and "@site.handler\ndef wixForms" in text, text


def test_quickstart_runs_in_jupyterlab(lab: tuple[str, Path], tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    url, log = lab
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport=VIEWPORT)
        page = browser.pages[0] if browser.pages else browser.new_page()
        page.set_default_timeout(STEP_MS)
        console: list[str] = []
        page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
        measured: dict[str, Any] = {"viewport": VIEWPORT}
        try:
            page.goto(url, timeout=STEP_MS)
            run_all_cells(page, appears=".wixevents-workbench")
            errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], "
                                  ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']")
            assert errors.count() == 0, errors.first.inner_text()
            page.get_by_text("Not yet: the handler returns the ID of the submitted form").first.wait_for()
            measured["widest_run_table"] = widest_run_table(page)
            assert measured["widest_run_table"]["fits"], measured
            screenshot_a_run_table(page)
            use_the_workbench(page, measured)
            a_message_sits_by_its_button(page)
            insert_a_stub(page)
            page.locator(".wixevents-workbench").first.screenshot(path=str(ARTIFACTS / "workbench.png"))
            after = widest_run_table(page)
            assert after["fits"], after
            if after["width"] > measured["widest_run_table"]["width"]:
                measured["widest_run_table"] = after
            ours = [line for line in console if line.split(":", 1)[0] in ("warning", "error") and OURS.search(line)]
            assert not ours, ours
        except BaseException:
            save_artifacts(page, log, "browser-quickstart")
            raise
        finally:
            ARTIFACTS.mkdir(exist_ok=True)
            (ARTIFACTS / "browser-measurements.json").write_text(json.dumps(measured, indent=2), encoding="utf-8")
            (ARTIFACTS / "browser-console.log").write_text("\n".join(console), encoding="utf-8")
            browser.close()


def screenshot_a_run_table(page: Any) -> None:
    """Save the fire_all table of the quickstart as it looks to an attendee."""
    ARTIFACTS.mkdir(exist_ok=True)
    table = page.locator("div.wixevents-runs", has_text="7 fire(s)").first
    table.scroll_into_view_if_needed()
    table.screenshot(path=str(ARTIFACTS / "run-table.png"))
