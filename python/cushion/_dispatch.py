"""Curve type -> wrapper type registries behind the StressedCurve and Cushion factories.

The compiled bindings fill a dict per wrapper kind (``_core.spread.STRESSED_TYPES``,
``_core.absorb.CUSHION_TYPES``) as they bind each curve; these helpers look a curve up in one,
extend it, and make every registered wrapper a virtual subclass of its abstract base.
"""

from __future__ import annotations

import abc
from typing import Any


def wrapper_for(registry: dict[type, type], curve: Any) -> type:
    """The wrapper class registered for ``type(curve)``; TypeError naming the known curves."""
    wrapper = registry.get(type(curve))
    if wrapper is None:
        known = ", ".join(sorted(f"{t.__module__}.{t.__name__}" for t in registry))
        raise TypeError(f"curve must be one of {known}; got {type(curve).__module__}.{type(curve).__name__}")
    return wrapper


def register(registry: dict[type, type], base: abc.ABCMeta, curve_type: type, wrapper_type: type,
             wrapper_name: str = "wrapper_type") -> None:
    """Adds ``curve_type -> wrapper_type`` and makes the wrapper a virtual subclass of base
    (``wrapper_name``: the caller's name of that argument, for the error message)."""
    for name, value in (("curve_type", curve_type), (wrapper_name, wrapper_type)):
        if not isinstance(value, type):
            raise TypeError(f"{name} must be a class, not {type(value).__name__}")
    registry[curve_type] = wrapper_type
    base.register(wrapper_type)


def register_existing(registry: dict[type, type], base: abc.ABCMeta) -> None:
    """Makes every wrapper already in the registry a virtual subclass of base."""
    for wrapper_type in list(registry.values()):
        base.register(wrapper_type)
