"""cushion.basket: trait premia -> weights (against NumPy closed forms), trait filters and
"cheapest k" (against brute force), basket quotes on every curve and their rounding."""

from __future__ import annotations

import pickle
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cushion
from cushion import basket

E18 = 10**18


def model_2x():
    exposure = np.array([[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 0], [1, 0, 1], [0, 1, 1]], dtype=bool)
    return basket.TraitModel(exposure, [0.5, 2.0, 0.25], trait_names=["laser", "gold", "hat"])


def test_additive_and_multiplicative_weights():
    rng = np.random.default_rng(3)
    exposure = rng.integers(0, 3, (40, 5)).astype(float) * rng.random((40, 5))
    premia = rng.uniform(-0.1, 1.5, 5)
    add = basket.TraitModel(exposure, premia)
    mul = basket.TraitModel(exposure, premia, rule="multiplicative")
    np.testing.assert_allclose(add.weights, 1 + exposure @ premia, rtol=1e-14)
    np.testing.assert_allclose(mul.weights, np.prod((1 + premia) ** exposure, axis=1), rtol=1e-13)
    assert add.rule == "additive" and mul.rule == "multiplicative"
    assert np.array_equal(basket.TraitModel(np.zeros((3, 2)), [5.0, 7.0]).weights, np.ones(3))  # no traits: floor
    swapped = add.with_premia(premia * 2)
    np.testing.assert_allclose(swapped.weights, 1 + exposure @ (premia * 2), rtol=1e-14)
    assert swapped.rule == "additive" and np.array_equal(swapped.exposure, exposure)


def test_model_validation():
    with pytest.raises(ValueError, match="premia has 1 entries but exposure has 2 trait columns"):
        basket.TraitModel([[1, 0]], [0.5])
    with pytest.raises(ValueError, match=r"exposure\[0, 1\] must be a finite number >= 0"):
        basket.TraitModel([[1, -1]], [0.5, 0.5])
    with pytest.raises(ValueError, match=r"item 0 gets weight -0\.5"):
        basket.TraitModel([[1, 0]], [-1.5, 0.5])
    with pytest.raises(ValueError, match=r"premia\[0\] must be > -1"):
        basket.TraitModel([[1, 0]], [-1.0, 0.5], rule="multiplicative")
    with pytest.raises(ValueError, match="rule must be one of"):
        basket.TraitModel([[1, 0]], [0.5, 0.5], rule="log")
    with pytest.raises(TypeError, match="exposure must be a real number or an array of them, not an array of dtype <U1"):
        basket.TraitModel([["a"]], [0.5])
    with pytest.raises(ValueError, match="exposure must be a 2-D array"):
        basket.TraitModel([1, 0], [0.5])
    with pytest.raises(ValueError, match="trait_names has 1 names"):
        basket.TraitModel([[1, 0]], [0.5, 0.5], trait_names=["a"])


def test_filters_by_index_and_name():
    m = model_2x()
    assert m.weights.tolist() == [1.5, 3.0, 3.5, 1.0, 1.75, 3.25]
    assert m.matching(all_of="laser").tolist() == [0, 2, 4]
    assert m.matching(all_of=["laser", "gold"]).tolist() == [2]
    assert m.matching(any_of=["gold", "hat"], none_of=[0]).tolist() == [1, 5]
    assert m.matching(among=[5, 3, 0], none_of="hat").tolist() == [3, 0]
    assert m.matching(among=[], all_of=[]).tolist() == []
    assert m.cheapest(3).tolist() == [3, 0, 4]
    assert m.cheapest(2, any_of="gold").tolist() == [1, 5]
    assert m.cheapest(0).tolist() == []
    with pytest.raises(ValueError, match="only 3 items match the trait filter, k = 4"):
        m.cheapest(4, all_of="laser")
    with pytest.raises(ValueError, match="unknown trait 'fur'"):
        m.matching(all_of="fur")
    with pytest.raises(ValueError, match="trait index 3 is out of range"):
        m.matching(all_of=3)
    with pytest.raises(ValueError, match="item index 9 is out of range"):
        m.weight_sum([9])
    with pytest.raises(TypeError, match="a trait is an int index or a str name"):
        m.matching(all_of=[1.5])


@given(exposure=st.lists(st.lists(st.sampled_from([0.0, 0.0, 1.0, 2.0]), min_size=4, max_size=4), min_size=1,
                         max_size=30),
       premia=st.lists(st.floats(0, 3), min_size=4, max_size=4),
       all_of=st.sets(st.integers(0, 3), max_size=2), any_of=st.sets(st.integers(0, 3), max_size=2),
       none_of=st.sets(st.integers(0, 3), max_size=1), k=st.integers(0, 30))
def test_cheapest_matches_brute_force(exposure, premia, all_of, any_of, none_of, k):
    e = np.array(exposure)
    m = basket.TraitModel(e, premia)
    has = e > 0
    match = [i for i in range(len(e)) if all(has[i, t] for t in all_of)
             and (not any_of or any(has[i, t] for t in any_of)) and not any(has[i, t] for t in none_of)]
    assert m.matching(all_of=sorted(all_of), any_of=sorted(any_of), none_of=sorted(none_of)).tolist() == match
    if k > len(match):
        with pytest.raises(ValueError):
            m.cheapest(k, all_of=sorted(all_of), any_of=sorted(any_of), none_of=sorted(none_of))
        return
    expected = sorted(match, key=lambda i: (m.weights[i], i))[:k]
    assert m.cheapest(k, all_of=sorted(all_of), any_of=sorted(any_of), none_of=sorted(none_of)).tolist() == expected


@given(st.floats(0, 1e30, allow_nan=False) | st.sampled_from([0.5, 1.5, 2.3, 1e-18, 1.5e-18, 2.5e-18, 1 / 3]))
def test_to_wad_is_the_exact_value_rounded_half_even(w):
    exact = Fraction(w) * E18
    assert basket.to_wad(w) == round(exact)  # Python's round on a Fraction: nearest, ties to even


def test_weights_wad_and_sums():
    m = model_2x()
    assert m.weights_wad() == [15 * E18 // 10, 3 * E18, 35 * E18 // 10, E18, 175 * E18 // 100, 325 * E18 // 100]
    assert m.weight_sum([0, 3, 3]) == 3.5
    assert m.weight_sum_wad([0, 3, 3]) == 35 * E18 // 10


# -- basket quotes -------------------------------------------------------------------------

F64_CURVES = [cushion.Linear(1.0, 0.05, 0.005), cushion.Exponential(1.0, 1.05, 0.005),
              cushion.XYK(20.0, 30.0, 0.005), cushion.GDA(1.0, 1.1, 0.001, 0.0, 100.0, 0.005)]


@pytest.mark.parametrize("curve", F64_CURVES, ids=lambda c: type(c).__name__)
def test_f64_collection_curves_price_the_floor_equivalent_quantity(curve):
    """A basket of fractional summed weight is the closed form at a fractional count."""
    m = model_2x()
    items = [0, 4, 3]  # 1.5 + 1.75 + 1.0 = 4.25 floors
    for side in ("buy", "sell"):
        q = m.quote(curve, items, side)
        direct = getattr(curve, side)(4.25)
        assert q.weight_sum == 4.25 and q.value == direct.value and q.quote.items == 4.25
        assert getattr(basket, side)(curve, 4.25).value == direct.value
    # between whole counts, the fractional quote lies between its neighbours
    assert curve.buy(4).value < curve.buy(4.25).value < curve.buy(5).value


def test_exact_collection_curves_round_in_the_pools_favour():
    curve = cushion.exact.Linear(10**18, 10**17)
    w = 25 * E18 // 10  # 2.5 floor items
    buy, sell = basket.buy(curve, w), basket.sell(curve, w)
    assert (buy.items, buy.value) == (3, curve.buy(3).value)      # ceil: the buyer pays for 3 items
    assert (sell.items, sell.value) == (2, curve.sell(2).value)   # floor: the seller is paid for 2
    assert basket.buy(curve, 3 * E18).items == 3 and basket.sell(curve, 3 * E18).items == 3
    assert basket.sell(curve, E18 - 1).error == cushion.CurveError.INVALID_NUMITEMS  # under one floor item
    assert basket.buy(curve, 1).items == 1
    m = model_2x()
    q = m.quote(curve, [0, 4], "buy")  # 1.5e18 + 1.75e18 = 3.25e18 -> 4 items
    assert q.weight_sum == 325 * E18 // 100 and q.quote.items == 4


def test_weighted_xyk_trades_weights_natively():
    m = model_2x()
    pool = cushion.exact.WeightedXYK(100 * E18, 20 * E18, 200, 10)
    q = m.buy_cheapest(pool, 2, any_of="gold")  # items 1 and 5: 3e18 + 3.25e18
    assert q.items.tolist() == [1, 5] and q.weight_sum == 625 * E18 // 100
    assert q.quote.value == cushion.caviar.buy_quote(100 * E18, 20 * E18, 625 * E18 // 100, 200, 10)[0]
    f64_pool = cushion.WeightedXYK(100.0, 20.0, 200, 10)
    assert m.buy_cheapest(f64_pool, 2, any_of="gold").value == pytest.approx(q.value / 1e18, rel=1e-12)
    with pytest.raises(TypeError, match="curve must be a cushion curve"):
        m.quote(object(), [0])


def test_model_value_semantics():
    m = model_2x()
    assert pickle.loads(pickle.dumps(m)) == m
    assert m != m.with_premia([0.5, 2.0, 0.3])
    assert "traits=3" in repr(m) and m.n_items == 6 and m.trait_names == ("laser", "gold", "hat")
    w = m.weights
    w[0] = 99.0  # a copy: the model is immutable
    assert m.weights[0] == 1.5
