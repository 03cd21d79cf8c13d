"""Execute notebooks in place, top to bottom, in this Python's kernel, ready for nbval.

    python tools/run_notebooks.py                              # every notebook in notebooks/
    python tools/run_notebooks.py notebooks/10_invoices.ipynb  # just these

Run it after editing a notebook (in JupyterLab or by hand) and commit the result:
``python -m pytest`` compares every cell's output with what is committed
(``nbval``), and ``tests/test_notebooks.py`` checks that the execution counts
run 1..n. A cell may raise only when it carries the ``raises-exception`` tag;
any other error stops the run and names the cell.

The kernel is always this interpreter (``sys.executable``), whatever kernels
are installed elsewhere, and the working directory is the notebook's folder,
as under nbval. Machine-specific metadata (Python version, cell timings) is
dropped so that re-running on another machine changes only what the cells print.
Widget state is not saved: it is large, changes on every run (random model IDs),
and a widget only works once its cell has run in a live kernel anyway.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import nbformat
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {"name": "python", "mimetype": "text/x-python", "file_extension": ".py",
                 "codemirror_mode": {"name": "ipython", "version": 3}, "pygments_lexer": "ipython3",
                 "nbconvert_exporter": "python"}


class ThisPython(KernelSpecManager):
    """Every kernel name resolves to an IPython kernel of the running interpreter."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                          display_name=KERNELSPEC["display_name"], language="python")


def execute(path: Path, timeout: int = 120) -> float:
    """Run every cell of the notebook at ``path``, write it back, and return the seconds taken."""
    nb = nbformat.read(path, as_version=4)
    manager = KernelManager(kernel_name="python3", kernel_spec_manager=ThisPython())
    client = NotebookClient(nb, km=manager, timeout=timeout, record_timing=False, store_widget_state=False,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    tidy(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def tidy(nb: Any) -> None:
    """Drop what depends on the machine rather than on the notebook's code."""
    nb.metadata = nbformat.from_dict({"kernelspec": KERNELSPEC, "language_info": LANGUAGE_INFO})
    for cell in nb.cells:
        cell.metadata.pop("execution", None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks to run (default: notebooks/*.ipynb)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell")
    args = parser.parse_args(argv)
    paths = args.paths or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        seconds = execute(path.resolve(), args.timeout)
        print(f"{path.name}: {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
