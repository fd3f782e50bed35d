"""Argument checks shared by the pure-Python layers (each raises ValueError naming the field)."""

from __future__ import annotations

import math
from typing import Iterable


def check_number(name: str, value: object, *, lo: float = -math.inf, hi: float = math.inf,
                 lo_open: bool = False, hi_open: bool = False) -> None:
    """Raises ValueError unless ``value`` is a finite real number in the given interval."""
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if ok:
        v = float(value)  # type: ignore[arg-type]
        ok = (v > lo if lo_open else v >= lo) and (v < hi if hi_open else v <= hi)
    if not ok:
        left = "(" if lo_open else "["
        right = ")" if hi_open else "]"
        raise ValueError(f"{name} must be a finite number in {left}{lo:g}, {hi:g}{right}, got {value!r}")


def check_fields(obj: object, names: Iterable[str], **bounds: float | bool) -> None:
    """``check_number`` on several attributes of ``obj`` with the same bounds."""
    for name in names:
        check_number(name, getattr(obj, name), **bounds)  # type: ignore[arg-type]
