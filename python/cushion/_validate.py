"""Argument checks shared by the pure-Python layers.

Every check raises the conventional exception with a message that starts with the
argument's name: ``TypeError`` for a wrong type (None, a str, a bool where a number is
meant, an array where a scalar is), ``ValueError`` for a value outside the domain (NaN,
infinities, negatives, a wrong shape, an unknown name), ``OverflowError`` for a number too
large for a float64.  They run before anything changes, so a refused call changes nothing.
"""

from __future__ import annotations

import math
import numbers
import os
from decimal import Decimal
from typing import Any, Iterable, Mapping, Sequence

import numpy as np


class UnknownName(KeyError, ValueError):
    """A name (a strategy, a parameter, a metric) that is not one of the known ones: a
    KeyError for lookups, and a ValueError as an argument outside its domain."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


def _interval(lo: float, hi: float, lo_open: bool, hi_open: bool) -> str:
    return f"{'(' if lo_open else '['}{lo:g}, {hi:g}{')' if hi_open else ']'}"


def check_real(name: str, value: object, *, lo: float = -math.inf, hi: float = math.inf, lo_open: bool = False,
               hi_open: bool = False, allow_inf: bool = False) -> float:
    """``value`` as a float: a finite real number in the interval (+inf too with allow_inf).
    Accepts Python and NumPy ints and floats (and Decimals); refuses bools, strings, complex
    numbers and arrays."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, Decimal)):
        raise TypeError(f"{name} must be a real number, not {type(value).__name__}")
    try:
        v = float(value)
    except OverflowError:
        raise OverflowError(f"{name} is too large for a float64: {value!r}") from None
    ok = (math.isfinite(v) or (allow_inf and v == math.inf)) and (v > lo if lo_open else v >= lo) and (v < hi if hi_open else v <= hi)
    if not ok:
        raise ValueError(f"{name} must be a finite number in {_interval(lo, hi, lo_open, hi_open)}, got {value!r}")
    return v


def check_number(name: str, value: object, *, lo: float = -math.inf, hi: float = math.inf,
                 lo_open: bool = False, hi_open: bool = False) -> None:
    """Raises unless ``value`` is a finite real number in the given interval (see check_real)."""
    check_real(name, value, lo=lo, hi=hi, lo_open=lo_open, hi_open=hi_open)


def check_fields(obj: object, names: Iterable[str], **bounds: float | bool) -> None:
    """``check_number`` on several attributes of ``obj`` with the same bounds."""
    for name in names:
        check_number(name, getattr(obj, name), **bounds)  # type: ignore[arg-type]


def check_int(name: str, value: object, *, lo: int | None = None, hi: int | None = None) -> int:
    """``value`` as an int: a Python or NumPy integer (not a bool, not a float) in [lo, hi]."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    v = int(value)
    if lo is not None and v < lo:
        raise ValueError(f"{name} must be >= {lo}, got {v}")
    if hi is not None and v > hi:
        raise OverflowError(f"{name} must be <= {hi}, got {v}")
    return v


#: The largest index (a loan, a collection, a position): an int64.
MAX_INDEX = 2**63 - 1


def check_index(name: str, value: object) -> int:
    """An index (a loan, a collection, a source): an int in [0, 2**63)."""
    return check_int(name, value, lo=0, hi=MAX_INDEX)


#: The largest count (loans, scenarios, blocks) the Python layers accept: beyond it a list or
#: an array of that length cannot be built anyway, and a typo (2**64) should fail at once.
MAX_COUNT = 10**9


def check_count(name: str, value: object, *, lo: int = 1, hi: int = MAX_COUNT) -> int:
    """A number of things (loans, paths, blocks): an int in [lo, hi]."""
    return check_int(name, value, lo=lo, hi=hi)


def check_seed(name: str, value: object) -> int:
    """A random seed: an int >= 0 (NumPy's SeedSequence takes any size)."""
    return check_int(name, value, lo=0)


def check_bool(name: str, value: object) -> bool:
    """A Python or NumPy bool (not None, not a str, not an int)."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
    return bool(value)


def check_str(name: str, value: object, choices: Sequence[str] | None = None) -> str:
    """A str, one of ``choices`` if given."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if choices is not None and value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}; got {value!r}")
    return value


def check_instance(name: str, value: object, cls: type | tuple[type, ...], what: str | None = None) -> Any:
    """``value`` if it is an instance of ``cls`` (TypeError naming the argument otherwise)."""
    if not isinstance(value, cls):
        expected = what or (cls.__name__ if isinstance(cls, type) else " or ".join(c.__name__ for c in cls))
        raise TypeError(f"{name} must be a {expected}, not {type(value).__name__}")
    return value


def check_mapping(name: str, value: object) -> Mapping[Any, Any]:
    """A mapping (a dict)."""
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping (a dict), not {type(value).__name__}")
    return value


def check_sequence(name: str, value: object, of: type | tuple[type, ...] | None = None,
                   what: str = "items") -> tuple[Any, ...]:
    """A list or tuple (not a str), of instances of ``of`` if given, as a tuple."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise TypeError(f"{name} must be a list or tuple of {what}, not {type(value).__name__}")
    if of is not None:
        for i, v in enumerate(value):
            if not isinstance(v, of):
                raise TypeError(f"{name}[{i}] must be one of the {what}, not {type(v).__name__}")
    return tuple(value)


def check_pair(name: str, value: object, *, lo: float = -math.inf, hi: float = math.inf) -> tuple[float, float]:
    """A (low, high) pair of finite numbers in [lo, hi] with low <= high."""
    pair = check_sequence(name, value, what="two numbers")
    if len(pair) != 2:
        raise ValueError(f"{name} must be a pair (low, high), got {len(pair)} values")
    a = check_real(f"{name}[0]", pair[0], lo=lo, hi=hi)
    b = check_real(f"{name}[1]", pair[1], lo=lo, hi=hi)
    if a > b:
        raise ValueError(f"{name} must be (low, high) with low <= high, got {value!r}")
    return a, b


def check_path(name: str, value: object) -> str | os.PathLike[str]:
    """A file name: a str or an os.PathLike."""
    if not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{name} must be a file name (str or os.PathLike), not {type(value).__name__}")
    return value


def check_array(name: str, value: object, *, ndim: int | None = 1, shape: tuple[int | None, ...] | None = None,
                lo: float | None = None, allow_nan: bool = False, allow_inf: bool = False,
                lo_open: bool = False) -> np.ndarray:
    """``value`` as a new float64 array (never a view of the caller's array).

    A numeric array or sequence (bool, str, complex and non-numeric object elements are
    refused with TypeError); ``ndim`` / ``shape`` (None entries: any length) checked;
    NaN and infinities refused unless allowed; every element >= ``lo`` (> with lo_open).
    """
    if value is None or isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be an array of numbers, not {type(value).__name__}")
    a = np.asarray(value)
    if a.dtype.kind == "O":
        try:
            a = a.astype(np.float64)
        except (TypeError, ValueError):
            raise TypeError(f"{name} must be an array of numbers; its elements are not all real numbers") from None
    elif a.dtype.kind not in "iuf":
        raise TypeError(f"{name} must be an array of real numbers, not of dtype {a.dtype}")
    a = np.array(a, dtype=np.float64)  # a copy, native byte order
    _check_shape(name, a, ndim, shape)
    bad = np.isnan(a) if not allow_nan else np.zeros(a.shape, dtype=bool)
    if not allow_inf:
        bad |= np.isinf(a)
    if bad.any():
        raise ValueError(f"{name} must be finite{' or NaN' if allow_nan else ''}: element "
                         f"{np.argwhere(bad)[0].tolist()} is {a[tuple(np.argwhere(bad)[0])]}")
    if lo is not None:
        below = (a <= lo) if lo_open else (a < lo)
        if below.any():
            where = np.argwhere(below)[0]
            raise ValueError(f"{name} must be {'>' if lo_open else '>='} {lo:g}: element {where.tolist()} is "
                             f"{a[tuple(where)]}")
    return a


def check_bool_array(name: str, value: object, *, ndim: int | None = 1,
                     shape: tuple[int | None, ...] | None = None) -> np.ndarray:
    """``value`` as a new bool array: bool elements only (0/1 ints and floats are refused,
    so that a mask and an index array cannot be confused)."""
    if value is None or isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be an array of bools, not {type(value).__name__}")
    a = np.asarray(value)
    if a.dtype.kind == "O" and all(isinstance(v, (bool, np.bool_)) for v in a.flat):
        a = a.astype(bool)
    if a.dtype.kind != "b":
        raise TypeError(f"{name} must be an array of bools, not of dtype {a.dtype}")
    a = np.array(a, dtype=bool)
    _check_shape(name, a, ndim, shape)
    return a


def check_index_array(name: str, value: object, size: int, *, ndim: int = 1,
                      shape: tuple[int | None, ...] | None = None) -> np.ndarray:
    """``value`` as a new int64 array of indices into something of length ``size``."""
    if value is None or isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be an array of int indices, not {type(value).__name__}")
    a = np.asarray(value)
    if a.dtype.kind == "O" and all(isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_))
                                   for v in a.flat):
        a = a.astype(np.int64)
    if a.dtype.kind not in "iu" or (a.size == 0 and a.dtype.kind not in "iu"):
        if not (a.size == 0 and a.dtype.kind == "f"):  # np.array([]) is float: an empty index list
            raise TypeError(f"{name} must be an array of int indices, not of dtype {a.dtype}")
    a = np.array(a, dtype=np.int64)
    _check_shape(name, a, ndim, shape)
    bad = (a < 0) | (a >= size)
    if bad.any():
        raise ValueError(f"{name} must be indices in [0, {size}): element {np.argwhere(bad)[0].tolist()} is "
                         f"{a[tuple(np.argwhere(bad)[0])]}")
    return a


def _check_shape(name: str, a: np.ndarray, ndim: int | None, shape: tuple[int | None, ...] | None) -> None:
    if shape is not None:
        ndim = len(shape)
    if ndim is not None and a.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {a.shape}")
    if shape is not None and any(want is not None and got != want for got, want in zip(a.shape, shape)):
        want = "(" + ", ".join("*" if s is None else str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"
        raise ValueError(f"{name} must have shape {want}, got {a.shape}")
