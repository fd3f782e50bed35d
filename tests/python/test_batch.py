"""cushion.batch: vectorised quotes equal the scalar quotes element for element (bit for
bit in f64), broadcast like NumPy, and reject bad arrays with errors naming the argument."""

from __future__ import annotations

import random

import numpy as np
import pytest

import cushion
from cushion import batch

RNG = np.random.default_rng(20240611)
PYRNG = random.Random(20240611)  # big ints for the exact mode
SCALAR_CLASS = {"linear": cushion.Linear, "exponential": cushion.Exponential, "xyk": cushion.XYK,
                "gda": cushion.GDA, "weighted_xyk": cushion.WeightedXYK}
EXACT_CLASS = {"linear": cushion.exact.Linear, "exponential": cushion.exact.Exponential, "xyk": cushion.exact.XYK,
               "gda": cushion.exact.GDA, "weighted_xyk": cushion.exact.WeightedXYK}


def counts(size):
    """Item counts: mostly whole, some fractional, some zero (INVALID_NUMITEMS)."""
    n = RNG.integers(0, 40, size).astype(float)
    frac = RNG.random(size) < 0.2
    n[frac] += RNG.random(frac.sum())
    return n


def f64_params(kind, size):
    """Realistic parameters, with corners that fail (errors and would-be reverts) mixed in."""
    fee = RNG.choice([0.0, 0.005, 0.02, 0.6], size)
    pfee = RNG.choice([0.0, 0.003, 0.5], size)
    if kind == "linear":
        return dict(spot_price=RNG.uniform(0, 10, size), delta=RNG.uniform(0, 1, size), fee=fee, protocol_fee=pfee,
                    n=counts(size))
    if kind == "exponential":
        return dict(spot_price=RNG.uniform(1e-13, 10, size), delta=RNG.uniform(0.95, 2.0, size), fee=fee,
                    protocol_fee=pfee, n=counts(size))
    if kind == "xyk":
        return dict(token_reserve=RNG.uniform(0, 100, size), nft_reserve=RNG.integers(0, 60, size).astype(float),
                    fee=fee, protocol_fee=pfee, n=counts(size))
    if kind == "gda":
        t0 = RNG.uniform(0, 1000, size)
        return dict(spot_price=RNG.uniform(1e-10, 10, size), alpha=RNG.uniform(0.99, 1.5, size),
                    decay=RNG.uniform(0, 0.02, size), t0=t0, now=t0 + RNG.uniform(-10, 2000, size).clip(0),
                    fee=fee, protocol_fee=pfee, n=counts(size))
    return dict(base_reserve=RNG.uniform(0, 100, size), nft_reserve=RNG.uniform(0, 20, size),
                fee_rate_bps=RNG.integers(0, 5001, size).astype(float),
                protocol_fee_rate_bps=RNG.choice([0.0, 30.0, 6000.0], size), weight_sum=RNG.uniform(0, 25, size))


def scalar_columns(kind, side, params):
    names = batch.parameters(kind)
    size = len(params[names[-1]])
    cols = {k: [] for k in ("value", "trade_fee", "protocol_fee", "error", "items")}
    nexts = {k: [] for k in batch.next_fields(kind)}
    for i in range(size):
        curve = SCALAR_CLASS[kind](*(float(params[p][i]) for p in names[:-1]))
        q = getattr(curve, side)(float(params[names[-1]][i]))
        for k in cols:
            cols[k].append(int(q.error) if k == "error" else getattr(q, k))
        for k in nexts:
            nexts[k].append(getattr(q.next, k))
    return cols, nexts


def bits(a):
    return np.ascontiguousarray(a, dtype=np.float64).view(np.uint64)


@pytest.mark.parametrize("side", ["buy", "sell"])
@pytest.mark.parametrize("kind", list(batch.KINDS))
def test_f64_batch_equals_scalar_quotes_bit_for_bit(kind, side):
    params = f64_params(kind, 1500)
    q = getattr(batch, side)(kind, **params)
    cols, nexts = scalar_columns(kind, side, params)
    assert q.error.dtype == np.uint8
    np.testing.assert_array_equal(q.error, cols["error"])
    for k in ("value", "trade_fee", "protocol_fee", "items"):
        np.testing.assert_array_equal(bits(getattr(q, k)), bits(cols[k]), err_msg=k)
    for k, v in nexts.items():
        np.testing.assert_array_equal(bits(q.next[k]), bits(v), err_msg=k)
    assert 0 < q.ok.sum() < q.size  # the sample exercises successes and failures


def test_fixed_curve_rows_equal_per_element_curves():
    """Broadcast scalars take the one-curve-per-row path; the results do not change."""
    n = counts(500)
    fixed = batch.buy("exponential", spot_price=2.0, delta=1.07, fee=0.005, protocol_fee=0.003, n=n)
    varied = batch.buy("exponential", spot_price=np.full(500, 2.0), delta=1.07, fee=0.005, protocol_fee=0.003, n=n)
    np.testing.assert_array_equal(bits(fixed.value), bits(varied.value))
    np.testing.assert_array_equal(bits(fixed.next["spot_price"]), bits(varied.next["spot_price"]))
    curve = cushion.Exponential(2.0, 1.07, 0.005, 0.003)
    np.testing.assert_array_equal(bits(fixed.value), bits([curve.buy(k).value for k in n]))


def test_broadcasting_shapes():
    x = np.linspace(10, 100, 3)[:, None]        # (3, 1)
    n = np.arange(1.0, 5.0)                      # (4,)
    q = batch.sell("xyk", token_reserve=x, nft_reserve=50.0, n=n, fee=[[0.0], [0.01], [0.02]])
    assert q.shape == (3, 4) and q.next["nft_reserve"].shape == (3, 4)
    for i in range(3):
        for j in range(4):
            s = cushion.XYK(float(x[i, 0]), 50.0, [0.0, 0.01, 0.02][i]).sell(float(n[j]))
            assert q.value[i, j] == s.value and q.next["token_reserve"][i, j] == s.next.token_reserve
    scalar = batch.buy("linear", spot_price=1.0, delta=0.1, n=3)
    assert scalar.shape == () and float(scalar.value) == cushion.Linear(1.0, 0.1).buy(3).value
    big = batch.buy("linear", spot_price=np.ones((2, 1, 3)), delta=np.full((4, 1), 0.1), n=np.ones((1, 3)))
    assert big.shape == (2, 4, 3)


def test_non_contiguous_and_other_dtypes():
    base = f64_params("xyk", 400)
    strided = {k: np.repeat(v, 2)[::2] for k, v in base.items()}         # stride 2
    reversed_ = {k: v[::-1].copy()[::-1] for k, v in base.items()}      # negative stride view
    ref = batch.buy("xyk", **base)
    for params in (strided, reversed_):
        q = batch.buy("xyk", **params)
        np.testing.assert_array_equal(bits(q.value), bits(ref.value))
    grid = np.arange(12.0).reshape(3, 4)
    q = batch.buy("xyk", token_reserve=100.0, nft_reserve=50.0, n=grid.T)  # Fortran-ordered view
    assert q.shape == (4, 3)
    np.testing.assert_array_equal(q.value, batch.buy("xyk", token_reserve=100.0, nft_reserve=50.0,
                                                      n=np.ascontiguousarray(grid.T)).value)
    ints = batch.buy("xyk", token_reserve=np.array([100, 200], dtype=np.int64), nft_reserve=np.uint8(50), n=[1, 2])
    floats32 = batch.buy("xyk", token_reserve=np.array([100, 200], dtype=np.float32), nft_reserve=50, n=[1, 2])
    np.testing.assert_array_equal(ints.value, floats32.value)


def test_empty_arrays():
    q = batch.sell("gda", spot_price=1.0, alpha=1.1, decay=0.01, t0=0.0, now=10.0, n=np.empty((0, 3)))
    assert q.shape == (0, 3) and q.value.size == 0 and q.next["t0"].shape == (0, 3)
    with pytest.raises(ValueError, match="^delta must be a finite number >= 0, got nan"):
        batch.buy("linear", spot_price=1.0, delta=np.nan, n=[])


@pytest.mark.parametrize("bad,error,message", [
    (np.array([1, "a"], dtype=object), TypeError, "^spot_price must be a real number or an array of them, not an array of dtype object"),
    ("3", TypeError, "^spot_price must be a real number or an array of them, not str"),
    (np.array(["x"]), TypeError, "dtype <U1"),
    (np.array([1 + 2j]), TypeError, "dtype complex128"),
    (np.array([True]), TypeError, "dtype bool"),
    (None, TypeError, "^spot_price must be a real number or an array of them, not None"),
    ([1.0, None], TypeError, "dtype object"),
    ([1.0, float("nan")], ValueError, r"^spot_price must be a finite number >= 0, got nan at index \(1,\)"),
    (np.array([[1.0], [np.inf]]), ValueError, r"^spot_price must be a finite number >= 0, got inf at index \(1, 0\)"),
    (-1.0, ValueError, "^spot_price must be a finite number >= 0, got -1"),
    ([[1.0], [2.0, 3.0]], ValueError, "^spot_price is not a valid array"),
])
def test_bad_arrays_name_the_argument(bad, error, message):
    with pytest.raises(error, match=message):
        batch.buy("linear", spot_price=bad, delta=0.1, n=np.arange(1.0, 3.0))


def test_bad_quantities_and_bounds():
    with pytest.raises(ValueError, match=r"^n must be a finite number >= 0, got -1\.0+ at index \(2,\)"):
        batch.sell("xyk", token_reserve=1.0, nft_reserve=5.0, n=[1.0, 2.0, -1.0])
    with pytest.raises(ValueError, match=r"^n must be a finite number >= 0, got nan at index \(0, 1\)"):
        batch.sell("xyk", token_reserve=np.ones((2, 2)), nft_reserve=5.0, n=[[1.0, np.nan], [1.0, 1.0]])
    with pytest.raises(ValueError, match=r"^fee_rate_bps must be a finite number in \[0, 5000\], got 5001"):
        batch.buy("weighted_xyk", base_reserve=1.0, nft_reserve=5.0, fee_rate_bps=[0, 5001], weight_sum=1.0)
    with pytest.raises(ValueError, match="shapes do not broadcast: token_reserve has shape \\(3,\\) but n has shape \\(4,\\)"):
        batch.buy("xyk", token_reserve=np.ones(3), nft_reserve=5.0, n=np.ones(4))
    with pytest.raises(TypeError, match="missing parameter 'nft_reserve'"):
        batch.buy("xyk", token_reserve=1.0, n=1.0)
    with pytest.raises(TypeError, match="unexpected parameter\\(s\\) delta"):
        batch.buy("xyk", token_reserve=1.0, nft_reserve=2.0, delta=1.0, n=1.0)
    with pytest.raises(ValueError, match="curve must be one of"):
        batch.buy("cubic", n=1.0)


def test_curve_objects_and_classes():
    curve = cushion.GDA(spot_price=2.0, alpha=1.05, decay=0.001, t0=0.0, now=600.0, fee=0.01)
    n = np.arange(1.0, 9.0)
    q = batch.buy(curve, n=n)
    assert np.array_equal(q.value, [curve.buy(k).value for k in n])
    later = batch.buy(curve, n=n, now=1200.0)  # an explicit parameter overrides the curve's
    assert np.array_equal(later.value, [curve.at(1200.0).buy(k).value for k in n])
    assert np.array_equal(batch.sell(cushion.XYK, token_reserve=5.0, nft_reserve=5.0, n=n).value,
                          batch.sell("xyk", token_reserve=5.0, nft_reserve=5.0, n=n).value)
    with pytest.raises(TypeError, match="cannot seed"):
        batch.buy(cushion.exact.XYK(10, 5), n=[1])
    with pytest.raises(TypeError):
        batch.buy(object(), n=[1])
    frame = q.to_frame()
    assert list(frame.columns) == ["value", "trade_fee", "protocol_fee", "error", "items", "next_spot_price",
                                   "next_t0"]


# -- exact --------------------------------------------------------------------------------

E18 = 10**18


def exact_params(kind, size):
    def pick(*choices):
        return [int(RNG.choice(choices)) for _ in range(size)]

    def ints(lo, hi):
        return [PYRNG.randrange(lo, hi) for _ in range(size)]

    fee, pfee = pick(0, 5 * 10**15, 6 * 10**17), pick(0, 3 * 10**15, 5 * 10**17)
    n = ints(0, 40)
    if kind == "linear":
        return dict(spot_price=ints(0, 10 * E18), delta=ints(0, E18), fee=fee, protocol_fee=pfee, n=n)
    if kind == "exponential":
        return dict(spot_price=ints(10**5, 10 * E18), delta=ints(95 * E18 // 100, 2 * E18), fee=fee,
                    protocol_fee=pfee, n=n)
    if kind == "xyk":
        return dict(token_reserve=ints(0, 100 * E18), nft_reserve=ints(0, 60), fee=fee, protocol_fee=pfee, n=n)
    if kind == "gda":
        t0 = ints(0, 1000)
        return dict(spot_price=ints(10**8, 10 * E18), alpha=ints(E18, 3 * E18 // 2), decay=ints(0, 10**16),
                    t0=t0, now=[t + int(d) for t, d in zip(t0, RNG.integers(-10, 2000, size))], fee=fee,
                    protocol_fee=pfee, n=n)
    return dict(base_reserve=ints(0, 100 * E18), nft_reserve=ints(0, 20 * E18), fee_rate_bps=ints(0, 5001),
                protocol_fee_rate_bps=pick(0, 30, 6000), weight_sum=ints(0, 25 * E18))


def scalar_exact(kind, side, args):
    curve = EXACT_CLASS[kind](*args[:-1])
    try:
        q = getattr(curve, side)(args[-1])
    except cushion.Revert as e:
        return ("revert", e.kind, e.reason)
    return (int(q.error), q.value, q.trade_fee, q.protocol_fee, q.items,
            *(getattr(q.next, k) for k in batch.next_fields(kind)))


@pytest.mark.parametrize("side", ["buy", "sell"])
@pytest.mark.parametrize("kind", list(batch.KINDS))
def test_exact_batch_equals_scalar_exact_quotes(kind, side):
    params = exact_params(kind, 300)
    names = batch.parameters(kind)
    q = getattr(batch, f"{side}_exact")(kind, **params)
    assert len(q) == 300 and q.error.dtype == np.uint8
    reverted = 0
    for i in range(300):
        args = [params[p][i] for p in names]
        expected = scalar_exact(kind, side, args)
        if expected[0] == "revert":
            reverted += 1
            assert q.error[i] == cushion.CurveError.REVERTED and q.value[i] == 0
            assert (q.reverts[i].kind, q.reverts[i].reason) == expected[1:]
            assert [q.next[k][i] for k in batch.next_fields(kind)] == [
                getattr(EXACT_CLASS[kind](*args[:-1]), k) for k in batch.next_fields(kind)]
        else:
            got = (int(q.error[i]), q.value[i], q.trade_fee[i], q.protocol_fee[i], q.items[i],
                   *(q.next[k][i] for k in batch.next_fields(kind)))
            assert got == expected and q.reverts[i] is None
    assert reverted == int(q.reverted.sum())


def test_exact_batch_broadcasts_and_validates():
    q = batch.buy_exact("weighted_xyk", base_reserve=100 * E18, nft_reserve=5 * E18, fee_rate_bps=200,
                        weight_sum=[E18, 5 * E18, 6 * E18, 0])
    assert q.value[0] == 25 * E18 + E18 // 2
    assert q.error.tolist() == [0, 6, 6, 1]
    assert [r and r.kind.value for r in q.reverts] == [None, "division_by_zero", "underflow", None]
    assert q.next["nft_reserve"] == [4 * E18, 5 * E18, 5 * E18, 5 * E18]
    assert len(batch.sell_exact("xyk", token_reserve=[E18], nft_reserve=[5], n=[])) == 0
    assert len(batch.sell_exact("xyk", token_reserve=E18, nft_reserve=5, n=1)) == 1
    np_ints = batch.sell_exact("xyk", token_reserve=np.array([E18, 2 * E18], dtype=object),
                               nft_reserve=np.uint64(5), n=np.arange(1, 3))
    assert np_ints.value == batch.sell_exact("xyk", token_reserve=[E18, 2 * E18], nft_reserve=5, n=[1, 2]).value
    with pytest.raises(OverflowError, match=r"^n\[1\] must be >= 0"):
        batch.buy_exact("xyk", token_reserve=E18, nft_reserve=5, n=[1, -1])
    with pytest.raises(TypeError, match=r"^n\[0\] must be an int, not float"):
        batch.buy_exact("xyk", token_reserve=E18, nft_reserve=5, n=[1.0])
    with pytest.raises(TypeError, match=r"^token_reserve must be an int, not str"):
        batch.buy_exact("xyk", token_reserve="1", nft_reserve=5, n=[1])
    with pytest.raises(OverflowError, match=r"^token_reserve must be < 2\*\*128 .*\(element 1\)"):
        batch.buy_exact("xyk", token_reserve=[1, 2**128], nft_reserve=5, n=[1, 1])
    with pytest.raises(ValueError, match="lengths do not broadcast: token_reserve has 2 elements but n has 3"):
        batch.buy_exact("xyk", token_reserve=[1, 2], nft_reserve=5, n=[1, 1, 1])
    with pytest.raises(ValueError, match="1-D"):
        batch.buy_exact("xyk", token_reserve=np.ones((2, 2), dtype=np.int64), nft_reserve=5, n=1)


def test_out_reuses_a_previous_results_arrays():
    n = counts(1000)
    first = batch.buy("xyk", token_reserve=100.0, nft_reserve=50.0, fee=0.005, n=n)
    keep = first.value.copy()
    again = batch.sell("xyk", token_reserve=120.0, nft_reserve=40.0, n=n, out=first)
    assert again.value is first.value and again.next["nft_reserve"] is first.next["nft_reserve"]
    fresh = batch.sell("xyk", token_reserve=120.0, nft_reserve=40.0, n=n)
    for k in ("value", "trade_fee", "protocol_fee", "error", "items"):
        np.testing.assert_array_equal(getattr(again, k), getattr(fresh, k))
    assert not np.array_equal(keep, first.value)  # overwritten in place
    with pytest.raises(ValueError, match="out.value has the wrong shape"):
        batch.sell("xyk", token_reserve=1.0, nft_reserve=4.0, n=n[:10], out=first)
    with pytest.raises(ValueError, match="out holds a 'xyk' batch"):
        batch.sell("linear", spot_price=1.0, delta=0.1, n=n, out=first)
    with pytest.raises(ValueError, match="out.items overlaps an input"):
        batch.sell("xyk", token_reserve=1.0, nft_reserve=4.0, n=first.items, out=first)
    with pytest.raises(TypeError, match="out must be a BatchQuote"):
        batch.sell("xyk", token_reserve=1.0, nft_reserve=4.0, n=n, out={"value": n})
