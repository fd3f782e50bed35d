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


def test_every_result_object_pickles():
    """Dask ships all of these between workers."""
    import pickle

    import numpy as np

    x = cushion.XYK(100.0, 100.0, fee=0.005)
    ex = exact.XYK(100 * 10**18, 100, 5 * 10**15)
    ledger = cushion.AbsorptionLedger(cushion.AbsorptionCap(block_items=(5, 1)))
    pool = cushion.Cushion(x, cap=cushion.AbsorptionCap(block_items=3), rho=0.1)
    objects = [
        cushion.StressIndex().evaluate([1.0] * 8),
        stress.stress_path(np.ones((3, 8))),
        stress.regime_path([0.1, 0.9, 0.2]),
        ledger.headroom(1, 0.3),
        exact.AbsorptionLedger().headroom(1, 10**17),
        cushion.StressedCurve(x, stress=0.3).sell(2),
        cushion.StressedCurve(ex, stress=3 * 10**17).buy(2),
        cushion.StressedCurve(x, stress=0.3).absorb(ledger, 8, 2),
        pool.absorb(5, 0.2),
        pool,
        schedule.efficient_frontier(10, 5, [0, 1e-3], sigma=0.1, eta=0.1),
        schedule.compare({"twap": schedule.twap(4, 4)}, x),
    ]
    for obj in objects:
        clone = pickle.loads(pickle.dumps(obj))
        assert type(clone) is type(obj)
        assert repr(clone) == repr(obj)
