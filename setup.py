"""Build: the extractor's hot modules compiled with mypyc where it can run, pure Python otherwise.

``python setup.py build_ext --inplace`` (the README's set-up) compiles the modules in COMPILED
into C extensions beside their .py files; Python then imports the extensions, and the .py files
stay the source of truth. mypyc is mypy's compiler, the way black and mypy ship themselves: it
compiles the same typed code we check with ``mypy --strict``, so there is no second language.

Where it cannot run the package stays pure Python and works the same: TRADE_FIGURES_PURE=1 asks
for that; without mypy (requirements-build.txt) or without a C compiler the build says why and
ends without error, leaving the .py files alone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import find_packages, setup
from setuptools.command.build_ext import build_ext

# The modules a document passes through, stage by stage. The command line, readers, runners and
# table files stay interpreted: their time goes to pandas, pyarrow and multiprocessing.
COMPILED = [
    "extract/vocab.py",
    "extract/text/sentences.py",
    *sorted(str(p) for p in Path("extract/figures").glob("*.py")),
    *sorted(str(p) for p in Path("extract/context").glob("*.py")),
    "extract/table/records.py",
]


def _pure(reason: str) -> list[Any]:
    print(f"trade-flow-figures: installing pure Python ({reason})", file=sys.stderr)
    return []


def extensions() -> list[Any]:
    if os.environ.get("TRADE_FIGURES_PURE"):
        return _pure("TRADE_FIGURES_PURE is set")
    try:
        from mypyc.build import mypycify
    except ImportError:
        return _pure("mypyc not installed: python -m pip install -r requirements-build.txt")
    try:
        return list(mypycify(COMPILED, opt_level="3", debug_level="0"))
    except SystemExit:  # mypyc exits on a type error it cannot compile past
        return _pure("mypyc could not compile the modules, see above")


class OptionalBuild(build_ext):  # type: ignore[misc]
    """Compiles the extensions, or says why it cannot and leaves the pure package (no compiler, a
    compiler error): an extension is copied beside its .py file only once all of them are built."""

    def run(self) -> None:
        if self.inplace:  # extensions of an earlier build would shadow .py files this one does not compile
            for stale in [*Path("extract").rglob("*.so"), *Path().glob("*__mypyc.*.so")]:
                stale.unlink()
        try:
            super().run()
        except Exception as exc:  # CompileError, LinkError, a missing gcc: all mean "stay pure"
            _pure(f"the C build failed: {exc}")


setup(
    packages=find_packages(include=["extract", "extract.*"]),
    package_data={"extract": ["data/*"]},
    ext_modules=extensions(),
    cmdclass={"build_ext": OptionalBuild},
)
