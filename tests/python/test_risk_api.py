"""The public surface of cushion.stress / spread / absorb / schedule (and their exact twins):
every name is documented, typed in the module's .pyi stub, and exported from cushion."""

from __future__ import annotations

import ast
import inspect
import pathlib

import pytest

import cushion
from cushion import absorb, exact, schedule, spread, stress

MODULES = [stress, spread, absorb, schedule, exact]


def stub_names(module) -> set[str]:
    path = pathlib.Path(module.__file__).with_suffix(".pyi")
    tree = ast.parse(path.read_text())
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


@pytest.mark.parametrize("module", MODULES, ids=[m.__name__ for m in MODULES])
def test_every_public_name_is_documented_and_stubbed(module):
    assert module.__doc__
    typed = stub_names(module)
    for name in module.__all__:
        obj = getattr(module, name)
        assert name in typed, f"{module.__name__}.{name} is missing from the .pyi stub"
        if inspect.isclass(obj) or inspect.isroutine(obj):
            assert (obj.__doc__ or "").strip(), f"{module.__name__}.{name} has no docstring"
        if inspect.isclass(obj) and obj.__module__.startswith("cushion"):
            for attr, member in vars(obj).items():
                if attr.startswith("_") or not callable(member) and not isinstance(member, property):
                    continue
                doc = getattr(member, "__doc__", None) or ""
                assert doc.strip(), f"{module.__name__}.{name}.{attr} has no docstring"


def test_top_level_exports():
    for name in ("StressIndex", "RegimeTracker", "HalfSpread", "StressedCurve", "AbsorptionCap", "AbsorptionLedger",
                 "Cushion", "simulate", "compare", "AlmgrenChriss", "LinearImpact"):
        assert name in cushion.__all__ and getattr(cushion, name)
    assert cushion.simulate is schedule.simulate and cushion.Cushion is absorb.Cushion


def test_classes_pickle_under_their_public_modules():
    for module in MODULES:
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isclass(obj) and obj.__module__ in ("cushion.stress", "cushion.spread", "cushion.absorb",
                                                           "cushion.schedule", "cushion.exact"):
                assert getattr(__import__("importlib").import_module(obj.__module__), obj.__name__) is obj, name
