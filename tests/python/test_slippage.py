"""cushion.slippage against closed forms: slippage curves and depth on collection and basket curves."""

from __future__ import annotations

import math

import numpy as np
import pytest

import cushion
from cushion import slippage


def test_linear_sell_curve_closed_form():
    S, d, fee = 2.0, 0.05, 0.01
    s = slippage.sell_curve(cushion.Linear(S, d, fee), 30)
    k = np.arange(1, 31)
    value = (k * S - k * (k - 1) * d / 2) * (1 - fee)
    np.testing.assert_allclose(s.value, value, rtol=1e-14)
    np.testing.assert_allclose(s.average_price, value / k, rtol=1e-14)
    np.testing.assert_allclose(s.marginal_price, (S - (k - 1) * d) * (1 - fee), rtol=1e-12)
    np.testing.assert_allclose(s.price_impact, 1 - (S - (k - 1) * d / 2) / S, rtol=1e-12, atol=1e-15)
    assert s.price_impact[0] == 0 and (s.error == 0).all() and s.k.tolist() == k.tolist()
    frame = s.to_frame()
    assert frame.index.name == "k" and list(frame.columns)[:2] == ["quantity", "value"]


def test_xyk_buy_curve_closed_form():
    x, y = 50.0, 40.0
    b = slippage.buy_curve(cushion.XYK(x, y), 10)
    k = np.arange(1, 11)
    np.testing.assert_allclose(b.average_price, x / (y - k), rtol=1e-14)
    np.testing.assert_allclose(b.price_impact, (y - 1) / (y - k) - 1, rtol=1e-12, atol=1e-15)


def test_failed_points_are_nan():
    s = slippage.sell_curve(cushion.Exponential(1e-11, 2.0), 8)  # MIN_PRICE: sells of 4+ items underflow
    assert s.error[0] == 0 and (s.error[4:] == int(cushion.CurveError.SPOT_PRICE_UNDERFLOW)).all()
    assert np.isnan(s.value[4:]).all() and np.isfinite(s.value[:3]).all()


def test_basket_weights_give_floor_equivalent_quantities():
    weights = [1.5, 1.0, 3.25]
    curve = cushion.Linear(2.0, 0.05)
    s = slippage.sell_curve(curve, weights=weights)
    assert s.quantity.tolist() == [1.5, 2.5, 5.75]
    assert s.value.tolist() == [curve.sell(q).value for q in (1.5, 2.5, 5.75)]
    np.testing.assert_allclose(s.marginal_price[1], (curve.sell(2.5).value - curve.sell(1.5).value) / 1.0)
    pool = cushion.WeightedXYK(100.0, 20.0, 100)
    sp = slippage.sell_curve(pool, 2, weights=weights)
    assert len(sp) == 2 and sp.value.tolist() == [pool.sell(1.5).value, pool.sell(2.5).value]


def test_depth_on_a_linear_curve():
    """Item k sells at S - (k - 1) d: it is within a drop x of the first while k <= x S / d + 1."""
    S, d = 1.0, 0.05
    curve = cushion.Linear(S, d, fee=0.005)
    drops = np.array([0.0, 0.049, 0.05, 0.1, 0.2, 0.5, 0.99])
    expected = [math.floor(x * S / d + 1e-9) + 1 for x in drops]
    assert slippage.depth(curve, drops).tolist() == expected
    assert slippage.depth(curve, 0.2) == 5 and isinstance(slippage.depth(curve, 0.2), int)
    assert slippage.depth(curve, 1.5) == 21  # the price reaches 0 at item 21; the linear sell stops there
    past_zero = slippage.sell_curve(curve, 25)
    assert past_zero.items[20:].tolist() == [21.0] * 5 and past_zero.value[21] == past_zero.value[20]
    assert slippage.depth(curve, 0.5, max_items=3) == 3
    assert slippage.depth(curve, 0.1, side="buy") == 3  # buys at S + k d: within 10% of S + d up to k = 3


def test_depth_on_xyk_and_baskets():
    x, y = 100.0, 50.0
    curve = cushion.XYK(x, y)
    # the k-th item sells for x y / ((y + k - 1)(y + k)); compare with a direct scan
    first = curve.sell(1).value
    for drop in (0.05, 0.2, 0.5):
        k = 1
        while (curve.sell(k + 1).value - curve.sell(k).value) >= (1 - drop) * first * (1 - 1e-12):
            k += 1
        assert slippage.depth(curve, drop) == k
    # buying from y = 3: items cost 50, then 150 (within 3x of 50); a 3rd cannot be bought (n >= y)
    assert slippage.depth(cushion.XYK(x, 3.0), 3.0, side="buy") == 2
    assert slippage.depth(cushion.XYK(x, 3.0), 1.0, side="buy") == 1
    assert slippage.depth(curve, 0.1, weights=[1.0, 1.0, 1.0]) == 3  # capped at the basket
    assert slippage.depth(curve, [0.05, 0.5]).shape == (2,)


def test_argument_errors():
    with pytest.raises(TypeError, match="slippage and depth are f64 tools"):
        slippage.sell_curve(cushion.exact.Linear(10**18, 10**17), 3)
    with pytest.raises(TypeError, match="give k_max"):
        slippage.sell_curve(cushion.Linear(1.0, 0.1))
    with pytest.raises(ValueError, match="k_max must be >= 1"):
        slippage.sell_curve(cushion.Linear(1.0, 0.1), 0)
    with pytest.raises(ValueError, match="weights must be finite and > 0"):
        slippage.sell_curve(cushion.Linear(1.0, 0.1), weights=[1.0, 0.0])
    with pytest.raises(ValueError, match="^drop must be a finite number >= 0, got nan"):
        slippage.depth(cushion.Linear(1.0, 0.1), float("nan"))
    with pytest.raises(ValueError, match="side must be 'buy' or 'sell'"):
        slippage.depth(cushion.Linear(1.0, 0.1), 0.1, side="hold")
