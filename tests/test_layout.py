"""The package's shape: stages import only from themselves and the stages before them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "extract"
# The stages in the order data flows; a module may import from its own stage and earlier ones.
ORDER = ("vocab", "text", "figures", "context", "table", "extractor", "run")


def _stage(module: str) -> str:
    """The stage of a module name under ``extract`` ("extract.figures.rules" -> "figures")."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> list[str]:
    """Every ``extract.*`` module imported by the file, at any depth (lazy imports too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("extract"):
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names if alias.name.startswith("extract"))
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name not in ("__init__.py", "__main__.py") or p.parent != PACKAGE)


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_imports_point_downward(path: Path) -> None:
    relative = path.relative_to(PACKAGE).with_suffix("")
    own = relative.parts[0]
    assert own in ORDER, f"{relative} is outside the stages {ORDER}"
    for module in _imports(path):
        target = _stage(module)
        assert target in ORDER, f"{relative} imports {module}"
        assert ORDER.index(target) <= ORDER.index(own), f"{relative} ({own}) imports {module} ({target}): upward"


def test_no_import_cycles_between_modules() -> None:
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(("extract", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
        graph[name] = {m for m in _imports(path) if m != name}
    state: dict[str, int] = {}

    def visit(node: str, chain: list[str]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1 and not node.startswith(nxt + ".") and not nxt.startswith(node + "."):
                # a package __init__ importing its own modules is not a cycle; anything else is
                if not (nxt.count(".") < node.count(".") and node.startswith(nxt)):
                    raise AssertionError(" -> ".join([*chain, node, nxt]))
            elif state.get(nxt) is None:
                visit(nxt, [*chain, node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])


def test_the_public_api_is_the_extraction_api() -> None:
    import extract

    assert set(extract.__all__) == {
        "COLUMNS",
        "Document",
        "DocumentError",
        "Explanation",
        "Figure",
        "explain",
        "extract_figures",
        "figures_frame",
        "figures_of_frames",
        "read_documents",
        "read_table",
        "write_table",
    }
    for name in extract.__all__:
        assert getattr(extract, name).__doc__, name
