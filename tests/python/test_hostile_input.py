"""Hostile input to every public callable of cushion.

For each public function, constructor and method (enumerated by public_api.py, so new ones
are covered automatically) and for each of its arguments in turn, the valid baseline call
is repeated with that argument replaced by hostile values of every category below:
negative numbers, NaN, +-inf, floats where ints are required, ints >= 2**256, None, wrong
types, NumPy scalars and arrays where scalars are expected, and for array arguments empty,
mismatched, non-contiguous, wrong-dtype, 2-D and NaN-carrying arrays.  Each call must

  * raise TypeError / ValueError / OverflowError whose message names the argument (HOSTILE
    lists the conventional exception per category: TypeError for a wrong type, ValueError for
    a value outside the domain, OverflowError past 2**256) -- never another exception, never
    return a number (except where the category is valid for that argument: Baseline.accepts),
    never crash (the sanitizer run of this file checks memory);
  * leave every object unchanged: the instance a method is called on and every object
    argument are compared (pickled) before and after.

Array arguments may also be *accepted* when the result is exactly the result of the
equivalent clean input (a non-contiguous view, a float32 copy, a list): anything else is a
silent wrong number.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import numpy as np
import pytest

import public_api
from public_api import Baseline, Param, PublicCallable, fingerprint, materialise, state_of

NAN, INF = math.nan, math.inf
ARG_ERRORS = (TypeError, ValueError, OverflowError)

# (category, value, the exceptions that are correct) per argument kind.
HOSTILE: dict[str, list[tuple[str, Any, tuple[type[BaseException], ...]]]] = {
    "int": [
        ("negative", -1, (OverflowError, ValueError)),
        ("huge negative", -(2**300), (OverflowError, ValueError)),
        (">= 2**256", 2**256, (OverflowError,)),
        ("2**256 + 1", 2**256 + 1, (OverflowError,)),
        ("float", 1.0, (TypeError,)),
        ("fractional float", 1.5, (TypeError,)),
        ("nan", NAN, (TypeError,)),
        ("inf", INF, (TypeError,)),
        ("-inf", -INF, (TypeError,)),
        ("None", None, (TypeError,)),
        ("bool", True, (TypeError,)),
        ("str", "1", (TypeError,)),
        ("bytes", b"1", (TypeError,)),
        ("complex", 1 + 0j, (TypeError,)),
        ("list", [1], (TypeError,)),
        ("object", object(), (TypeError,)),
        ("numpy float", np.float64(1.0), (TypeError,)),
        ("numpy negative int", np.int64(-1), (OverflowError, ValueError)),
        ("numpy bool", np.bool_(True), (TypeError,)),
        ("numpy array", np.array([1, 2]), (TypeError, ValueError)),
        ("decimal", Decimal(1), (TypeError,)),
    ],
    "float": [
        ("negative", -1.0, (ValueError,)),
        ("negative int", -1, (ValueError,)),
        ("nan", NAN, (ValueError,)),
        ("inf", INF, (ValueError,)),
        ("-inf", -INF, (ValueError,)),
        ("too large for a float", 10**400, (OverflowError,)),
        ("None", None, (TypeError,)),
        ("bool", True, (TypeError,)),
        ("str", "1.0", (TypeError,)),
        ("bytes", b"1", (TypeError,)),
        ("complex", 1j, (TypeError,)),
        ("list", [1.0], (TypeError,)),
        ("object", object(), (TypeError,)),
        ("numpy nan", np.float64("nan"), (ValueError,)),
        ("numpy -inf", np.float32("-inf"), (ValueError,)),
        ("numpy array", np.array([1.0, 2.0]), (TypeError, ValueError)),
        ("decimal nan", Decimal("NaN"), (ValueError,)),
    ],
    "str": [
        ("None", None, (TypeError,)),
        ("int", 1, (TypeError,)),
        ("bytes", b"down", (TypeError,)),
        ("list", ["down"], (TypeError,)),
        ("unknown option", "no such option", (ValueError,)),
    ],
    # free text (a name, a reason): any str is valid, so no "unknown option"
    "text": [
        ("None", None, (TypeError,)),
        ("int", 1, (TypeError,)),
        ("bytes", b"down", (TypeError,)),
        ("list", ["down"], (TypeError,)),
    ],
    "bool": [
        ("None", None, (TypeError,)),
        ("str", "yes", (TypeError,)),
    ],
    "object": [  # a class instance, a sequence, a callable...: the wrong kind of object
        ("None", None, (TypeError,)),
        ("int", 1, (TypeError,)),
        ("str", "x", (TypeError, ValueError)),  # a str is a Sequence[str], and may be read as one
        ("float nan", NAN, (TypeError,)),
        ("object", object(), (TypeError,)),
    ],
}
# A column of ints (exact batches): each int hostile value inside the list, plus list shapes.
HOSTILE["int_column"] = [(f"element: {label}", value, expected) for label, value, expected in HOSTILE["int"]
                         if label not in ("list", "numpy array")]


def kind_of(c: PublicCallable, p: Param, baseline: Baseline) -> str:
    return baseline.kinds.get(p.name, p.kind)


def full_kwargs(c: PublicCallable, baseline: Baseline) -> dict[str, Any]:
    assert c.params is not None
    return {p.name: baseline.kwargs[p.name] for p in c.params if p.name in baseline.kwargs}


class Probe:
    """Runs one call on a fresh instance (and fresh ``Fresh`` arguments); a call that raises
    must leave every object as it was (a valid one may change its instance: a ledger books)."""

    def __init__(self, c: PublicCallable, kwargs: dict[str, Any]) -> None:
        self.c = c
        self.kwargs = materialise(kwargs)
        self.instance = c.make_instance() if c.role == "method" else None
        self.before = self._states()

    def _states(self) -> list[Any]:
        objects = [self.instance] + [v for v in self.kwargs.values() if not isinstance(v, (int, float, str, bytes))]
        return [state_of(o) for o in objects]

    def run(self) -> Any:
        try:
            return self.c.call(self.kwargs, self.instance)
        except BaseException:
            assert self._states() == self.before, f"{self.c.name} refused the call but changed an object it was given"
            raise


def hostile_scalar_problems(c: PublicCallable, baseline: Baseline) -> list[str]:
    problems: list[str] = []
    assert c.params is not None
    for p in c.params:
        kind = kind_of(c, p, baseline)
        if kind == "array":
            if baseline.kwargs.get(p.name) is None:  # an optional array the baseline leaves out
                raise AssertionError(f"{c.name}: give {p.name} an array in its baseline, so that it is exercised")
            problems += hostile_array_problems(c, baseline, p)
            continue
        for category, value, expected in HOSTILE.get(kind, []):
            if category in baseline.accepts.get(p.name, set()) or (value is None and p.optional):
                continue
            if kind == "int_column":  # the hostile value replaces the column's first element
                value = [value, *list(baseline.kwargs[p.name])[1:]]
            kwargs = full_kwargs(c, baseline) | {p.name: value}
            where = f"{c.name}({p.name}={value!r}) [{category}]"
            try:
                result = Probe(c, kwargs).run()
            except ARG_ERRORS as e:
                # The category's exception is the convention (TypeError for a wrong type, ...);
                # any argument error that names the argument is accepted, as the issue asks.
                if p.name not in str(e):
                    problems.append(f"{where}: {type(e).__name__} does not name the argument: {e}")
            except AssertionError:
                raise
            except Exception as e:  # noqa: BLE001 - any other exception is the finding
                problems.append(f"{where}: raised {type(e).__name__} ({e}), expected "
                                f"{'/'.join(t.__name__ for t in expected)}")
            else:
                problems.append(f"{where}: accepted silently and returned {result!r}")
        if kind == "int_column":
            problems += int_column_shape_problems(c, baseline, p)
    return problems


def int_column_shape_problems(c: PublicCallable, baseline: Baseline, p: Param) -> list[str]:
    """A column one element longer than the others is refused by name; an empty column is
    refused by name or gives an empty result."""
    problems = []
    base = full_kwargs(c, baseline)
    column = list(base[p.name])
    columns = [n for n, v in base.items() if isinstance(v, list)]
    if len(columns) > 1:
        try:
            result = Probe(c, base | {p.name: column + column[:1]}).run()
        except ValueError as e:
            if not any(n in str(e) for n in columns):
                problems.append(f"{c.name}({p.name}=<longer column>): ValueError does not name the argument: {e}")
        except Exception as e:  # noqa: BLE001
            problems.append(f"{c.name}({p.name}=<longer column>): raised {type(e).__name__} ({e})")
        else:
            problems.append(f"{c.name}({p.name}=<longer column>): accepted silently and returned {result!r}")
    return problems


def _same_result(c: PublicCallable, kwargs: dict[str, Any], reference: dict[str, Any]) -> tuple[bool, str]:
    """Whether kwargs (hostile array) gives exactly the result of reference (clean array),
    or raises an argument error naming an array argument."""
    array_names = [n for n, v in kwargs.items() if isinstance(v, (np.ndarray, list))]
    try:
        got = Probe(c, kwargs).run()
    except ARG_ERRORS as e:
        if not any(n in str(e) for n in array_names):
            return False, f"{type(e).__name__} does not name the argument: {e}"
        return True, ""
    want = Probe(c, reference).run()
    if fingerprint(got) != fingerprint(want):
        return False, f"accepted and returned {got!r}, the clean input gives {want!r}"
    return True, ""


def hostile_array_problems(c: PublicCallable, baseline: Baseline, p: Param) -> list[str]:
    """Array argument p: every case either raises a named argument error or returns exactly
    what the equivalent clean input returns."""
    problems: list[str] = []
    base = full_kwargs(c, baseline)
    clean = np.asarray(base[p.name])
    assert c.params is not None
    arrays = [q.name for q in c.params if kind_of(c, q, baseline) == "array" and base.get(q.name) is not None]

    def must_raise(label: str, kwargs: dict[str, Any], expected: tuple[type[BaseException], ...]) -> None:
        try:
            result = Probe(c, kwargs).run()
        except expected as e:
            if not any(n in str(e) for n in arrays):
                problems.append(f"{c.name}({p.name}=<{label}>): {type(e).__name__} does not name the argument: {e}")
        except AssertionError:
            raise
        except Exception as e:  # noqa: BLE001
            problems.append(f"{c.name}({p.name}=<{label}>): raised {type(e).__name__} ({e})")
        else:
            problems.append(f"{c.name}({p.name}=<{label}>): accepted silently and returned {result!r}")

    def equivalent(label: str, hostile: Any, reference: Any) -> None:
        ok, why = _same_result(c, base | {p.name: hostile}, base | {p.name: reference})
        if not ok:
            problems.append(f"{c.name}({p.name}=<{label}>): {why}")

    # Equivalent inputs: accepted with the same result, or refused by name.
    equivalent("non-contiguous view", np.repeat(clean, 2, axis=-1)[..., ::2], clean)
    equivalent("list", clean.tolist(), clean)
    if clean.dtype.kind == "f":
        as32 = clean.astype(np.float32)
        equivalent("float32", as32, as32.astype(np.float64))
        equivalent("big-endian", clean.astype(clean.dtype.newbyteorder(">")), clean)
    equivalent("object dtype", clean.astype(object), clean)
    # Invalid inputs: refused by name.
    accepted = baseline.accepts.get(p.name, set())

    def check(label: str, value: Any, expected: tuple[type[BaseException], ...]) -> None:
        if label not in accepted:
            must_raise(label, base | {p.name: value}, expected)

    if clean.size:
        check("one more dimension", clean[np.newaxis], ARG_ERRORS)
        check("str dtype", clean.astype(str), ARG_ERRORS)
        check("complex dtype", clean.astype(complex), ARG_ERRORS)
        if not p.optional:
            check("None", None, (TypeError,))
        if clean.dtype.kind == "f":
            with_nan = clean.copy()
            with_nan.flat[0] = NAN
            check("NaN element", with_nan, (ValueError,))
            with_inf = clean.copy()
            with_inf.flat[-1] = INF
            check("inf element", with_inf, (ValueError,))
            negative = clean.copy()
            negative.flat[0] = -1.0
            check("negative element", negative, (ValueError,))
        if len(arrays) > 1:  # lengths must agree (or broadcast)
            longer = np.concatenate([clean, clean[:1]])
            check("one element longer than the others", longer, (ValueError,))
    # Empty: refused by name, or an empty result.
    if p.name == arrays[0]:
        empty = base | {n: np.asarray(base[n])[:0] for n in arrays}
        try:
            result = Probe(c, empty).run()
        except ARG_ERRORS as e:
            if not any(n in str(e) for n in arrays):
                problems.append(f"{c.name}(<empty arrays>): {type(e).__name__} does not name the argument: {e}")
        else:
            results = result if isinstance(result, tuple) else (result,)
            if any(np.asarray(r).size for r in results if isinstance(r, np.ndarray)):
                problems.append(f"{c.name}(<empty arrays>): returned non-empty {result!r}")
    return problems


# ---------------------------------------------------------------------------------------

CALLABLES = public_api.public_callables()


def test_the_enumeration_finds_the_known_api() -> None:
    """A guard on the walker itself: it must see what we know is there."""
    names = {n for c in CALLABLES for n in c.names}
    for expected in ("cushion.num.mul_div", "cushion.num.prbmath.pow", "cushion.sudoswap.get_buy_info",
                     "cushion.exact.GDA", "cushion.exact.GDA.at", "cushion.Linear", "cushion.curves.XYK.sell"):
        assert expected in names


def test_every_public_callable_has_a_baseline() -> None:
    missing = [c.name for c in CALLABLES if c.baseline() is None and not set(c.names) & set(public_api.NOT_EXERCISED)]
    assert not missing, (
        "New public callables without a valid baseline call: " + ", ".join(missing) +
        ".  Add one per callable to BASELINES in tests/python/public_api.py (a constructor's key is the "
        "class name, a method's 'Class.method'); the hostile-input and thread tests then cover it.")


def test_every_signature_is_readable() -> None:
    unreadable = [f"{c.name}: {c.problem}" for c in CALLABLES if c.params is None]
    untyped = [f"{c.name}({p.name}: {p.annotation or '?'})" for c in CALLABLES if c.params and c.baseline()
               for p in c.params if kind_of(c, p, c.baseline()) == "any"]  # type: ignore[arg-type]
    assert not unreadable and not untyped, (
        "Cannot derive argument kinds for: " + "; ".join(unreadable + untyped) +
        ".  Annotate the argument (int/float/str/an array type) or set Baseline.kinds in public_api.py.")


def test_no_stale_baselines() -> None:
    names = {n for c in CALLABLES for n in c.names} | set(public_api.RESULT_RECORDS)
    stale = sorted((set(public_api.BASELINES) | set(public_api.NOT_EXERCISED) | set(public_api.RESULT_RECORDS)) - names)
    assert not stale, f"BASELINES entries for names that are not public any more: {stale}"


@pytest.mark.parametrize("c", [c for c in CALLABLES if c.baseline() and c.params is not None], ids=lambda c: c.name)
def test_baseline_call_is_valid(c: PublicCallable) -> None:
    baseline = c.baseline()
    assert baseline is not None
    Probe(c, full_kwargs(c, baseline)).run()


@pytest.mark.parametrize("c", [c for c in CALLABLES if c.baseline() and c.params is not None], ids=lambda c: c.name)
def test_hostile_input(c: PublicCallable) -> None:
    baseline = c.baseline()
    assert baseline is not None
    problems = hostile_scalar_problems(c, baseline)
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


# ---------------------------------------------------------------------------------------
# The checker checks itself: a well-behaved fake passes, and each kind of misbehaviour is
# reported.  (No public callable takes arrays yet -- issue 3's batch functions will -- so
# the array cases are exercised here first.)
# ---------------------------------------------------------------------------------------


def _validated(name: str, a: Any) -> np.ndarray:
    if a is None:
        raise TypeError(f"{name} must be an array, not None")
    arr = np.asarray(a)
    if arr.dtype.kind not in "fiu":
        raise TypeError(f"{name} must be numeric, not {arr.dtype}")
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D")
    arr = arr.astype(np.float64)
    if not np.all(np.isfinite(arr)) or np.any(arr < 0):
        raise ValueError(f"{name} must be finite and >= 0")
    return arr


def fake_batch_good(spot: np.ndarray, n: np.ndarray, fee: float = 0.0) -> np.ndarray:
    """spot * n * (1 + fee), validated (a stand-in for a batch quote)."""
    s, k = _validated("spot", spot), _validated("n", n)
    if s.shape != k.shape:
        raise ValueError(f"spot and n must have the same length, got {s.shape} and {k.shape}")
    return s * k * (1.0 + _checked_real("fee", fee))


def _checked_real(name: str, v: Any) -> float:
    if isinstance(v, (bool, np.bool_, str, bytes, complex)) or not hasattr(type(v), "__float__"):
        raise TypeError(f"{name} must be a real number, not {type(v).__name__}")
    try:
        f = float(v)
    except OverflowError:
        raise OverflowError(f"{name} is too large for a float64") from None
    except TypeError as e:
        raise TypeError(f"{name} must be a real number, not {type(v).__name__}") from e
    if not math.isfinite(f) or f < 0:
        raise ValueError(f"{name} must be finite and >= 0, got {v!r}")
    return f


def fake_batch_silent(spot: np.ndarray, n: np.ndarray, fee: float = 0.0) -> np.ndarray:
    """No validation at all: NaN in, NaN out; mismatched lengths broadcast or fail unnamed."""
    return np.asarray(spot, dtype=float) * np.asarray(n, dtype=float) * (1.0 + fee)


def fake_scalar_unnamed(x: int) -> int:
    if not isinstance(x, int) or isinstance(x, bool) or x < 0 or x >= 2**256:
        raise ValueError("bad argument")  # does not say which
    return x


class FakeMutating:
    """A 'curve' whose quote changes the curve."""

    def __init__(self, spot: float) -> None:
        if not isinstance(spot, float) or not math.isfinite(spot) or spot < 0:
            raise ValueError(f"spot must be a finite float >= 0, got {spot!r}")
        self.spot = spot

    def buy(self, n: int) -> float:
        self.spot += 1.0  # mutates before validating
        if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n < 2**256:
            raise TypeError(f"n must be an int in [0, 2**256), got {n!r}")
        return self.spot * n


def _fake(obj: Any, role: str = "function", owner: type | None = None, name: str = "") -> PublicCallable:
    c = PublicCallable([name or f"fake.{obj.__name__}"], obj, role, owner)
    c.params = public_api.signature_of(c)
    return c


def test_checker_passes_a_well_behaved_batch_function() -> None:
    c = _fake(fake_batch_good)
    baseline = Baseline(dict(spot=np.array([1.0, 2.0, 3.0]), n=np.array([1.0, 1.0, 2.0]), fee=0.01))
    assert [p.kind for p in c.params or []] == ["array", "array", "float"]
    assert hostile_scalar_problems(c, baseline) == []


@pytest.mark.filterwarnings("ignore::numpy.exceptions.ComplexWarning")  # the fake drops imaginary parts
def test_checker_reports_silent_wrong_numbers() -> None:
    c = _fake(fake_batch_silent)
    problems = hostile_scalar_problems(c, Baseline(dict(spot=np.array([1.0, 2.0]), n=np.array([1.0, 1.0]), fee=0.01)))
    text = "\n".join(problems)
    for label in ("NaN element", "negative element", "fee=nan", "accepted silently"):
        assert label in text, label


def test_checker_reports_unnamed_errors() -> None:
    problems = hostile_scalar_problems(_fake(fake_scalar_unnamed), Baseline(dict(x=5)))
    assert problems and all("does not name the argument" in p or "raised" in p for p in problems)


def test_checker_reports_mutation() -> None:
    c = _fake(FakeMutating.buy, "method", FakeMutating, name="fake.FakeMutating.buy")
    public_api.BASELINES["fake.FakeMutating"] = Baseline(dict(spot=1.0))
    try:
        with pytest.raises(AssertionError, match="changed an object"):
            hostile_scalar_problems(c, Baseline(dict(n=1)))
    finally:
        del public_api.BASELINES["fake.FakeMutating"]
