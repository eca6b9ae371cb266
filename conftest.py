"""Collection rules for the whole repository (tests/conftest.py holds the tests' fixtures)."""

from __future__ import annotations

from pathlib import Path


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """A module compiled in place by mypyc imports as its extension, not as the .py file pytest
    would collect doctests from; tests/test_compiled.py runs those doctests on the pure sources."""
    if collection_path.suffix == ".py" and any(collection_path.parent.glob(f"{collection_path.stem}.cpython-*.so")):
        return True
    return None
