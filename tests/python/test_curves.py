"""The curve objects from Python: values, quotes, errors, pickling, and the agreement
between the f64 and exact number policies."""

from __future__ import annotations

import math
import pickle

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import cushion
from conftest import scaled
from cushion import exact, sudoswap

E18 = 10**18


def exact_twin(curve):
    """The exact curve with the same parameters (f64 values must sit on a 1e-6 grid)."""
    wei = lambda v: round(v * 10**6) * 10**12  # noqa: E731
    fees = dict(fee=wei(curve.fee), protocol_fee=wei(curve.protocol_fee))
    if isinstance(curve, cushion.Linear):
        return exact.Linear(wei(curve.spot_price), wei(curve.delta), **fees)
    if isinstance(curve, cushion.Exponential):
        return exact.Exponential(wei(curve.spot_price), wei(curve.delta), **fees)
    if isinstance(curve, cushion.XYK):
        return exact.XYK(wei(curve.token_reserve), int(curve.nft_reserve), **fees)
    return exact.GDA(wei(curve.spot_price), wei(curve.alpha), wei(curve.decay), int(curve.t0), int(curve.now), **fees)


grid = lambda lo, hi: st.integers(round(lo * 10**6), round(hi * 10**6)).map(lambda v: v / 10**6)  # noqa: E731
fees = st.sampled_from([0.0, 0.001, 0.005, 0.01])


@st.composite
def realistic_curves(draw):
    """Parameter ranges where f64 and exact are expected to agree to 1e-12 relative.

    Exact mode truncates every intermediate to a whole wei, so agreement needs the
    intermediates to be large in wei: prices 0.1-10,000 tokens, exponential deltas
    1.001-3 with delta**n <= 10^4 (a sell's spot price is S * (1/delta)**n, and rpow
    rounds it to half a wei per step), XYK reserves >= 10 items, GDA alpha 1.001-2 with alpha**n <= 100 (the sell
    formula divides the spot by alpha**(n-1) before multiplying the geometric sum back),
    decay up to 0.01/s over up to a day."""
    kind = draw(st.sampled_from(["linear", "exponential", "xyk", "gda"]))
    f, p = draw(fees), draw(fees)
    if kind == "linear":
        return cushion.Linear(draw(grid(0.1, 10_000)), draw(grid(0.000001, 100)), f, p)
    if kind == "exponential":
        return cushion.Exponential(draw(grid(0.1, 10_000)), draw(grid(1.001, 3)), f, p)
    if kind == "xyk":
        return cushion.XYK(draw(grid(1, 1_000_000)), draw(st.integers(10, 100_000)), f, p)
    t0 = draw(st.integers(1_600_000_000, 1_800_000_000))
    return cushion.GDA(draw(grid(0.1, 10_000)), draw(grid(1.001, 2)), draw(grid(0, 0.01)), t0,
                       t0 + draw(st.integers(0, 86_400)), f, p)


@given(curve=realistic_curves(), n=st.integers(1, 50), buy=st.booleans())
@settings(max_examples=scaled(1500))
def test_f64_and_exact_agree(curve, n, buy):
    if isinstance(curve, cushion.GDA):
        assume(curve.alpha**n <= 100)
    if isinstance(curve, cushion.Exponential):
        assume(curve.delta**n <= 10_000)  # rpow's half-up rounding is relative to I**n on sells
    twin = exact_twin(curve)
    qf = curve.buy(n) if buy else curve.sell(n)
    try:
        qe = twin.buy(n) if buy else twin.sell(n)
    except cushion.Revert:
        return
    if not (qf.ok and qe.ok):
        return
    exact_value = qe.value / E18
    # Exact rounding contributes a few wei per step; GDA's PRBMath pow is exact to ~1e-18.
    assert qf.value == pytest.approx(exact_value, rel=1e-12, abs=1e-15)
    assert qf.next.spot_price == pytest.approx(qe.next.spot_price / E18, rel=1e-12, abs=1e-15)


def test_quotes_chain_and_leave_the_curve_unchanged():
    for curve in (cushion.Exponential(3.0, 2.0, 0.005, 0.003), exact.Exponential(3 * E18, 2 * E18)):
        before = pickle.dumps(curve)
        two = curve.buy(2)
        assert pickle.dumps(curve) == before
        assert two.next.buy(3).next.spot_price == curve.buy(5).next.spot_price


def test_failed_quote_keeps_the_curve_and_zeroes_amounts():
    curve = exact.XYK(10 * E18, 5)
    q = curve.buy(5)
    assert q.error == cushion.CurveError.INVALID_NUMITEMS and not q.ok
    assert (q.value, q.trade_fee, q.protocol_fee) == (0, 0, 0)
    assert q.next == curve


def test_f64_reports_reverts_as_a_code():
    q = cushion.Linear(1.0, 0.0, fee=0.6, protocol_fee=0.6).sell(1)
    assert q.error == cushion.CurveError.REVERTED
    with pytest.raises(cushion.Revert) as e:
        exact.Linear(E18, 0, fee=6 * 10**17, protocol_fee=6 * 10**17).sell(1)
    assert e.value.kind is cushion.RevertKind.UNDERFLOW


def test_exact_curve_matches_sudoswap_compat():
    curve = exact.GDA(10**20, 11 * 10**17, 10**15, 1000, 5000, 5 * 10**15, 3 * 10**15)
    delta = sudoswap.pack_gda_delta(11 * 10**8, 10**6, 1000)
    info = sudoswap.get_buy_info("gda", 10**20, delta, 3, 5 * 10**15, 3 * 10**15, timestamp=5000)
    q = curve.buy(3)
    assert (q.error, q.next.spot_price, q.value, q.trade_fee, q.protocol_fee) == (
        info[0], info[1], info[3], info[4], info[5])
    assert q.next.t0 == 5000


@pytest.mark.parametrize("curve", [
    cushion.Linear(1.5, 0.1, 0.005, 0.001), cushion.Exponential(1.5, 1.1), cushion.XYK(100.0, 20),
    cushion.GDA(1.0, 1.1, 0.001, 10, 20), exact.Linear(3, 1), exact.Exponential(E18, 2 * E18, 7, 9),
    exact.XYK(10**20, 7), exact.GDA(E18, 11 * 10**17, 10**15, 1, 2, 3, 4),
])
def test_curves_are_values(curve):
    clone = pickle.loads(pickle.dumps(curve))
    assert clone == curve and hash(clone) == hash(curve) and repr(clone) == repr(curve)
    assert type(curve).__module__ in ("cushion.curves", "cushion.exact")
    assert eval(repr(curve), {**vars(cushion), "Linear": type(curve), "Exponential": type(curve),
                              "XYK": type(curve), "GDA": type(curve)}) == curve


@pytest.mark.parametrize("bad,exc,match", [
    (-1.0, ValueError, "^n must be >= 0"), (math.nan, ValueError, "^n must not be NaN"),
    (math.inf, ValueError, "^n must be finite"), (None, TypeError, "^n must be a real number"),
    ("3", TypeError, "^n must be a real number"), (True, TypeError, "^n must be a real number, not bool"),
])
def test_f64_bad_counts(bad, exc, match):
    with pytest.raises(exc, match=match):
        cushion.Linear(1.0, 0.1).buy(bad)


@pytest.mark.parametrize("bad,exc,match", [
    (-1, OverflowError, "^n must be >= 0"), (2**256, OverflowError, "^n must be < 2\\*\\*256"),
    (1.0, TypeError, "^n must be an int, not float"), (None, TypeError, "^n must be an int"),
])
def test_exact_bad_counts(bad, exc, match):
    with pytest.raises(exc, match=match):
        exact.Linear(E18, 10**17).sell(bad)


def test_constructor_errors_name_the_parameter():
    with pytest.raises(ValueError, match="^delta must be >= 0"):
        cushion.Exponential(1.0, -1.0)
    with pytest.raises(ValueError, match="^spot_price must not be NaN"):
        cushion.Linear(math.nan, 1.0)
    with pytest.raises(OverflowError, match="^spot_price must be < 2\\*\\*128"):
        exact.Linear(2**128, 1)
    with pytest.raises(OverflowError, match="^nft_reserve must be < 2\\*\\*128"):
        exact.XYK(1, 2**128)
    with pytest.raises(TypeError, match="^alpha must be an int, not float"):
        exact.GDA(1, 1.5, 0, 0, 0)


@given(n=st.integers(1, 40), k=st.integers(1, 40))
@settings(max_examples=scaled(300))
def test_buy_then_sell_never_profits_f64(n, k):
    for curve in (cushion.Linear(5.0, 0.05, 0.005), cushion.Exponential(5.0, 1.02, 0.005),
                  cushion.XYK(500.0, 100, 0.005)):
        buy = curve.buy(n)
        assume(buy.ok)
        sell = buy.next.sell(min(n, k))
        if sell.ok:
            assert sell.value <= buy.value * (1 + 1e-12)


def test_public_names_are_documented():
    modules = [cushion, cushion.exact, cushion.sudoswap, cushion.num, cushion.num.solmate, cushion.num.prbmath]
    for module in modules:
        for name in module.__all__:
            obj = getattr(module, name)
            if callable(obj):
                assert obj.__doc__ and obj.__doc__.strip(), f"{module.__name__}.{name} has no docstring"
