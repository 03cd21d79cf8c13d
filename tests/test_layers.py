"""The package's layers import only downward: a test walks every import statement of every module.

Module-level, type-only (``if TYPE_CHECKING:``) and function-local imports all
count: a type-only import upward still ties a lower layer to a higher one for
a reader. The layers, lowest first, are drawn in ARCHITECTURE.md.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "wixevents"

#: Lowest first. A module may import its own layer and any lower one; peers of equal rank
#: (the notebook, the CLI and testing) may not import each other.
LAYERS: list[tuple[str, int, tuple[str, ...]]] = [
    ("foundation", 0, ("wixevents.errors", "wixevents._lazy", "wixevents._paths", "wixevents._safe",
                       "wixevents._frames")),
    ("events", 1, ("wixevents.events",)),
    ("runtime", 2, ("wixevents.runtime",)),
    ("velo", 3, ("wixevents.velo",)),
    ("js", 4, ("wixevents.js",)),
    ("site", 5, ("wixevents.site",)),
    ("notebook", 6, ("wixevents.notebook",)),
    ("cli", 6, ("wixevents.cli",)),
    ("testing", 6, ("wixevents.testing",)),
    ("package", 7, ("wixevents", "wixevents.__main__", "wixevents.strategies")),
]


@dataclass(frozen=True)
class Import:
    file: str
    line: int
    source: str
    target: str


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> tuple[str, int]:
    best: tuple[str, int, int] | None = None
    for name, rank, prefixes in LAYERS:
        for prefix in prefixes:
            inside = module == prefix or (prefix != "wixevents" and module.startswith(prefix + "."))
            if inside and (best is None or len(prefix) > best[2]):
                best = (name, rank, len(prefix))
    if best is None:
        raise AssertionError(f"{module} belongs to no layer: add it to LAYERS and to ARCHITECTURE.md")
    return best[0], best[1]


def imports_of(path: Path) -> list[Import]:
    """Every ``wixevents`` import in ``path``, wherever it stands (module level, TYPE_CHECKING, a function)."""
    text = path.read_text(encoding="utf-8")
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(text, str(path))):
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # ``from . import runner`` imports the module wixevents.x.runner, not a name of wixevents.x.
            subs = [f"{target}.{a.name}" for a in node.names]
            targets = [s for s in subs if _is_module(s)] or [target]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        for target in targets:
            if target == "wixevents" or target.startswith("wixevents."):
                line = text.splitlines()[node.lineno - 1].strip()
                found.append(Import(str(path.relative_to(PACKAGE.parent)), node.lineno, line, target))
    return found


def _is_module(name: str) -> bool:
    relative = Path(*name.split("."))
    root = PACKAGE.parent
    return (root / relative).with_suffix(".py").is_file() or (root / relative / "__init__.py").is_file()


def upward_imports(paths: list[Path]) -> list[str]:
    problems = []
    for path in paths:
        here, rank = layer_of(module_name(path))
        for imp in imports_of(path):
            there, target_rank = layer_of(imp.target)
            if target_rank > rank or (target_rank == rank and there != here):
                problems.append(f"{imp.file}:{imp.line}: {here} imports {there} ({imp.target}): {imp.source}")
    return problems


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer() -> None:
    for path in MODULES:
        layer_of(module_name(path))


def test_layers_import_only_downward() -> None:
    problems = upward_imports(MODULES)
    assert not problems, "upward imports:\n" + "\n".join(problems)


def fake_package(root: Path, files: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``wixevents`` tree under ``root`` holding ``files``, walked instead of the real package."""
    package = root / "wixevents"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        for folder in [path.parent, *path.parent.parents]:
            if folder == package.parent:
                break
            (folder / "__init__.py").touch()
    monkeypatch.setattr(__import__(__name__), "PACKAGE", package)
    return package


def test_the_walk_sees_type_only_and_function_local_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = fake_package(tmp_path, {
        "runtime/core.py": "X = 1\n",
        "events/bad.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..runtime.core import X\n"
                         "def f():\n    from ..runtime import core\n    return core\n",
    }, monkeypatch)
    assert upward_imports([package / "events" / "bad.py"]) == [
        "wixevents/events/bad.py:3: events imports runtime (wixevents.runtime.core): from ..runtime.core import X",
        "wixevents/events/bad.py:5: events imports runtime (wixevents.runtime.core): from ..runtime import core",
    ]


def test_peer_layers_may_not_import_each_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = fake_package(tmp_path, {"notebook/magics.py": "", "cli/tool.py": "import wixevents.notebook.magics\n"},
                           monkeypatch)
    assert upward_imports([package / "cli" / "tool.py"]) == [
        "wixevents/cli/tool.py:1: cli imports notebook (wixevents.notebook.magics): import wixevents.notebook.magics"]


def test_a_downward_import_is_fine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = fake_package(tmp_path, {
        "events/payloads.py": "",
        "runtime/firing.py": "from ..events.payloads import validate\nfrom ..errors import WixEventsError\n",
    }, monkeypatch)
    assert upward_imports([package / "runtime" / "firing.py"]) == []


def test_a_module_outside_every_layer_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = fake_package(tmp_path, {"stray.py": ""}, monkeypatch)
    with pytest.raises(AssertionError, match=r"wixevents\.stray belongs to no layer"):
        layer_of(module_name(package / "stray.py"))
