"""Put a handler stub into a new notebook cell below the Workbench.

JupyterLab 4 gives kernel code no way to add a cell from a widget callback:
``IPython.get_ipython().set_next_input`` only works while a cell is executing
(the new cell comes back with that cell's reply), and a button click is not a
cell execution. So the button sends a short script (a ``Javascript`` display,
which JupyterLab runs for outputs of the live session) that:

1. finds the notebook cell holding this Workbench (by a CSS class unique to it),
2. selects that cell and presses ``B`` (JupyterLab's "insert cell below" shortcut),
3. types the stub into the new cell's editor as text input (the browser's
   ``insertText`` command, which CodeMirror handles like typing or pasting; no
   private editor object), then presses Escape so the new cell stays selected.

The script is removed from the page state right after it is sent, so reopening
the notebook never runs it again. Where it cannot work (classic Notebook, VS Code,
a static viewer) nothing is inserted; the stub is also shown in the panel to
copy. From a cell, :func:`next_cell` uses ``set_next_input``, which works in
JupyterLab, Notebook 7 and VS Code alike.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ...events.stubs import stub

if TYPE_CHECKING:
    from ...site import Site

__all__ = ["insert_below_script", "next_cell", "registered_stub", "shell"]

_SCRIPT = """
(function () {
  const text = %(text)s, anchor = %(anchor)s;
  let tries = 0;
  function insert() {
    const box = document.querySelector('.' + anchor);
    const cell = box && box.closest('.jp-Cell');
    const notebook = cell && cell.closest('.jp-Notebook');
    if (!notebook) { if (tries++ < 40) { setTimeout(insert, 50); } return; }
    const prompt = cell.querySelector('.jp-InputPrompt') || cell;
    for (const type of ['mousedown', 'mouseup']) {
      prompt.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true, button: 0}));
    }
    notebook.focus();
    const before = cell.nextElementSibling;
    const key = {key: 'b', code: 'KeyB', keyCode: 66, which: 66, bubbles: true, cancelable: true};
    (document.activeElement || notebook).dispatchEvent(new KeyboardEvent('keydown', key));
    let waits = 0;
    function fill() {
      const fresh = cell.nextElementSibling;
      const isNew = fresh && fresh !== before && fresh.classList.contains('jp-CodeCell');
      const content = isNew && fresh.querySelector('.cm-content[contenteditable="true"]');
      if (!content || content.textContent.length > 0) { if (waits++ < 40) { setTimeout(fill, 50); } return; }
      content.focus();
      document.execCommand('insertText', false, text);
      const escape = {key: 'Escape', code: 'Escape', keyCode: 27, which: 27, bubbles: true, cancelable: true};
      content.dispatchEvent(new KeyboardEvent('keydown', escape));
      fresh.scrollIntoView({block: 'nearest'});
    }
    fill();
  }
  insert();
})();
"""


def insert_below_script(text: str, anchor: str) -> str:
    """JavaScript that inserts a code cell holding ``text`` below the cell containing ``.anchor``."""
    return _SCRIPT % {"text": json.dumps(text), "anchor": json.dumps(anchor)}


def next_cell(text: str) -> bool:
    """Ask the front end for a new cell holding ``text`` below the running cell; False outside IPython."""
    ip = shell()
    if ip is None:
        return False
    ip.set_next_input(text, replace=False)
    return True


def registered_stub(name: str, site: Site) -> str:
    """The stub, decorated to register on ``site`` under the variable name the notebook uses for it."""
    text = str(stub(name))
    names = _names_of(site)
    if not names:
        return text + f"\n# register it: site.register({name})\n"
    return text.replace(f"def {name}(", f"@{names[0]}.handler\ndef {name}(", 1)


def _names_of(site: Site) -> list[str]:
    """Variables of the notebook that hold ``site`` (``site`` first)."""
    ip = shell()
    space = getattr(ip, "user_ns", {}) if ip is not None else {}
    found = [k for k, v in space.items() if v is site and not k.startswith("_")]
    return sorted(found, key=lambda k: (k != "site", k))


def shell() -> Any:
    """The running IPython shell, or None in a plain interpreter."""
    from IPython import get_ipython

    return get_ipython()
