"""cushion.caviar and the exact weighted XYK against Caviar's published vectors and an
independent Python transcription of PrivatePool.sol (tests/python/reference/caviar.py)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import cushion
from cushion import caviar
from conftest import MAX128, WAD, outcome, uint
from reference import caviar as ref
from reference.errors import RefRevert

E18 = 10**18


# -- published vectors (caviar-private-pools test/PrivatePool/Quotes.t.sol) ------------

def test_published_buy_vector():
    # vB = 100e18, vN = 5e18, feeRate 2%: buying a floor NFT costs 100 / 4 = 25e18 + 2%.
    assert caviar.buy_quote(100 * E18, 5 * E18, E18, 200, 0) == (25 * E18 + E18 // 2, E18 // 2, 0)


def test_published_sell_vector():
    net, fee, protocol_fee = caviar.sell_quote(100 * E18, 5 * E18, E18, 200, 0)
    assert (net + fee, fee, protocol_fee) == (16666666666666666666, 333333333333333333, 0)
    assert net == 16666666666666666666 - 333333333333333333


def test_published_round_up_vector():
    # vB = 10, vN = 1000, w = 10: 10 * 10 / 990 = 0.1 rounds up to 1 wei; the 2% fee floors to 0.
    assert caviar.buy_quote(10, 1000, 10, 200, 0) == (1, 0, 0)


def test_published_change_fee_and_price():
    # changeFee 25 = 0.0025 ETH per floor NFT; an ETH pool (18 decimals).
    assert caviar.change_fee_quote(E18, 25, 18) == (25 * 10**14, 0)
    assert caviar.change_fee_quote(3 * E18 // 2, 25, 18, protocol_fee_rate_bps=1000) == (375 * 10**13, 375 * 10**12)
    assert cushion.exact.WeightedXYK(100 * E18, 5 * E18).price() == 20 * E18


# -- reverts ---------------------------------------------------------------------------

def test_buying_the_last_unit_of_weight_reverts():
    with pytest.raises(cushion.Revert) as e:
        caviar.buy_quote(100 * E18, 5 * E18, 5 * E18, 200, 0)
    assert e.value.kind is cushion.RevertKind.DIVISION_BY_ZERO
    with pytest.raises(cushion.Revert) as e:  # more weight than the pool holds: vN - w underflows
        caviar.buy_quote(100 * E18, 5 * E18, 5 * E18 + 1, 200, 0)
    assert e.value.kind is cushion.RevertKind.UNDERFLOW
    with pytest.raises(cushion.Revert):
        cushion.exact.WeightedXYK(100 * E18, 5 * E18, 200).buy(5 * E18)
    q = cushion.WeightedXYK(100.0, 5.0, 200).buy(5.0)  # f64 reports what exact mode reverts on
    assert q.error == cushion.CurveError.REVERTED and q.value == 0


def test_other_reverts():
    with pytest.raises(cushion.Revert) as e:  # w * vB past 2**256 (a buy cannot get there: w < vN < 2**128)
        caviar.sell_quote(MAX128, MAX128, 2**200, 0, 0)
    assert e.value.kind is cushion.RevertKind.OVERFLOW
    with pytest.raises(cushion.Revert) as e:  # fee rates summing past 100% underflow netOutputAmount
        caviar.sell_quote(100 * E18, 5 * E18, E18, 5000, 6000)
    assert e.value.kind is cushion.RevertKind.UNDERFLOW
    with pytest.raises(cushion.Revert) as e:  # a 2-decimal base token: uint8 decimals - 4 underflows (C4 M-03)
        caviar.change_fee_quote(E18, 25, 2)
    assert e.value.kind is cushion.RevertKind.UNDERFLOW
    with pytest.raises(cushion.Revert) as e:  # 10 ** (82 - 4) overflows uint256
        caviar.change_fee_quote(E18, 25, 82)
    assert e.value.kind is cushion.RevertKind.OVERFLOW
    with pytest.raises(cushion.Revert) as e:
        caviar.change_quote(E18, 2 * E18, 25)
    assert (e.value.kind, e.value.reason) == (cushion.RevertKind.CUSTOM, "InsufficientInputWeight")
    assert caviar.change_quote(2 * E18, E18, 25) == caviar.change_fee_quote(2 * E18, 25)
    # Selling into an empty NFT reserve pays the whole base reserve (w * vB / w).
    assert caviar.sell_quote(7 * E18, 0, E18, 0, 0) == (7 * E18, 0, 0)
    with pytest.raises(cushion.Revert) as e:  # 0 / 0
        caviar.sell_quote(7 * E18, 0, 0, 0, 0)
    assert e.value.kind is cushion.RevertKind.DIVISION_BY_ZERO


def test_argument_validation():
    with pytest.raises(OverflowError, match="^virtual_base_reserves must be < 2\\*\\*128"):
        caviar.buy_quote(2**128, 1, 1, 0, 0)
    with pytest.raises(OverflowError, match="^virtual_nft_reserves must be < 2\\*\\*128"):
        caviar.sell_quote(1, 2**128, 1, 0, 0)
    with pytest.raises(ValueError, match="^fee_rate_bps must be <= 5000"):
        caviar.buy_quote(1, 10, 1, 5001, 0)
    with pytest.raises(OverflowError, match="^protocol_fee_rate_bps must be <= 65535"):
        caviar.buy_quote(1, 10, 1, 0, 2**16)
    with pytest.raises(OverflowError, match="^weight_sum must be >= 0"):
        caviar.buy_quote(1, 10, -1, 0, 0)
    with pytest.raises(TypeError, match="^weight_sum must be an int"):
        caviar.buy_quote(1, 10, 1.0, 0, 0)
    with pytest.raises(TypeError, match="^fee_rate_bps must be an int, not bool"):
        caviar.buy_quote(1, 10, 1, True, 0)
    with pytest.raises(OverflowError, match="^change_fee must be < 2\\*\\*56"):
        caviar.change_fee_quote(1, 2**56, 18)
    with pytest.raises(OverflowError, match="^base_token_decimals must be <= 255"):
        caviar.change_fee_quote(1, 1, 256)
    assert caviar.buy_quote(1, 10, 1, 5000, 2**16 - 1) == caviar.buy_quote(1, 10, 1, 5000, 65535)


# -- differential against the reference -------------------------------------------------

reserves = st.one_of(uint(128), st.integers(0, 10**24), st.integers(0, 1000))
fee_rates = st.one_of(st.sampled_from([0, 1, 30, 200, 2500, 5000]), st.integers(0, 5000))
protocol_rates = st.one_of(st.sampled_from([0, 1, 50, 5000, 6000, 10_000, 65535]), st.integers(0, 65535))
weights = st.one_of(uint(), st.integers(0, 10 * WAD), st.integers(0, 2000))


@given(vb=reserves, vn=reserves, w=weights, fee=fee_rates, pfee=protocol_rates)
@settings(max_examples=1500)
def test_quotes_match_reference(vb, vn, w, fee, pfee):
    assert outcome(caviar.buy_quote, vb, vn, w, fee, pfee) == outcome(ref.buy_quote, vb, vn, w, fee, pfee)
    assert outcome(caviar.sell_quote, vb, vn, w, fee, pfee) == outcome(ref.sell_quote, vb, vn, w, fee, pfee)


@given(w=weights, change_fee=st.one_of(st.integers(0, 2**56 - 1), st.sampled_from([0, 25, 5_000_000])),
       decimals=st.one_of(st.integers(0, 255), st.sampled_from([0, 2, 3, 4, 6, 18, 81, 82])),
       pfee=protocol_rates, w_out=weights)
@settings(max_examples=600)
def test_change_fees_match_reference(w, change_fee, decimals, pfee, w_out):
    assert outcome(caviar.change_fee_quote, w, change_fee, decimals, protocol_fee_rate_bps=pfee) == outcome(
        ref.change_fee_quote, w, change_fee, decimals, pfee)
    assert outcome(caviar.change_quote, w, w_out, change_fee, decimals, protocol_fee_rate_bps=pfee) == outcome(
        ref.change_quote, w, w_out, change_fee, decimals, pfee)


def trade_outcome(curve, side, w):
    try:
        q = getattr(curve, side)(w)
    except cushion.Revert as e:
        return ("revert", e.kind.value)
    if not q.ok:
        return ("error", int(q.error))
    return ("ok", (q.value, q.trade_fee, q.protocol_fee), q.next.base_reserve, q.next.nft_reserve)


def ref_trade_outcome(side, vb, vn, w, fee, pfee):
    if w == 0:
        return ("error", int(cushion.CurveError.INVALID_NUMITEMS))
    try:
        amounts, new_vb, new_vn = getattr(ref, side)(vb, vn, w, fee, pfee)
    except RefRevert as e:
        return ("revert", e.kind)
    return ("ok", amounts, new_vb, new_vn)


@given(vb=reserves, vn=reserves, w=weights, fee=fee_rates, pfee=protocol_rates)
@settings(max_examples=1000)
def test_exact_weighted_xyk_trades_match_reference(vb, vn, w, fee, pfee):
    """buy / sell also apply the trade to the reserves, with PrivatePool's uint128 updates."""
    curve = cushion.exact.WeightedXYK(vb, vn, fee, pfee)
    for side in ("buy", "sell"):
        assert trade_outcome(curve, side, w) == ref_trade_outcome(side, vb, vn, w, fee, pfee), side


# -- invariants --------------------------------------------------------------------------

pools = st.tuples(st.integers(1, MAX128), st.integers(2, MAX128), fee_rates, st.integers(0, 5000))


@given(pool=pools, data=st.data())
@settings(max_examples=1000)
def test_round_trips_never_profit(pool, data):
    """Buying items of weight w then selling them back (or selling then buying back) never
    returns more than it cost, at any fee rates, in exact arithmetic."""
    vb, vn, fee, pfee = pool
    w = data.draw(st.integers(1, vn - 1), label="w")
    curve = cushion.exact.WeightedXYK(vb, vn, fee, pfee)
    try:
        bought = curve.buy(w)
        sold_back = bought.next.sell(w)
    except cushion.Revert:
        sold_back = None
    if sold_back is not None:
        assert sold_back.value <= bought.value
    try:
        sold = curve.sell(w)
        bought_back = sold.next.buy(w)
    except cushion.Revert:
        return
    assert bought_back.value >= sold.value


@given(pool=pools, data=st.data())
@settings(max_examples=1000)
def test_quotes_are_monotone_in_the_weight_sum(pool, data):
    """More weight never costs less to buy, nor pays less to sell.  The seller's net is
    monotone up to one wei: the pool fee and the protocol fee are floored separately, so
    where both floors step at the same wei the net drops by 1 (e.g. 25% + 25%, at 4 wei)."""
    vb, vn, fee, pfee = pool
    w1 = data.draw(st.integers(0, vn - 1), label="w1")
    w2 = data.draw(st.integers(w1, vn - 1), label="w2")
    try:
        b1, b2 = caviar.buy_quote(vb, vn, w1, fee, pfee), caviar.buy_quote(vb, vn, w2, fee, pfee)
    except cushion.Revert:
        pass
    else:
        assert all(x <= y for x, y in zip(b1, b2))
    w3 = data.draw(st.integers(w1, 2 * MAX128), label="w3")
    try:
        s1, s3 = caviar.sell_quote(vb, vn, w1, fee, pfee), caviar.sell_quote(vb, vn, w3, fee, pfee)
    except cushion.Revert:
        return
    assert sum(s1) <= sum(s3)  # the xy=k output before fees
    assert s1[0] <= s3[0] + (1 if pfee else 0)


def test_sell_net_drops_one_wei_where_both_fee_floors_step():
    # vB = 5, vN = 1 at 25% + 25%: selling weight 2 gives floor(10 / 3) = 3 wei and fees
    # 0 + 0 (net 3); selling weight 4 gives floor(20 / 5) = 4 wei and fees 1 + 1 (net 2).
    assert caviar.sell_quote(5, 1, 2, 2500, 2500) == (3, 0, 0)
    assert caviar.sell_quote(5, 1, 4, 2500, 2500) == (2, 1, 1)


@given(vb=st.integers(10**15, 10**24), vn=st.integers(2 * WAD, 100 * WAD), fee=fee_rates,
       pfee=st.integers(0, 1000), frac=st.floats(0.01, 0.9))
def test_f64_agrees_with_exact(vb, vn, fee, pfee, frac):
    w = int(vn * frac)
    assume(w > 0)
    exact = cushion.exact.WeightedXYK(vb, vn, fee, pfee)
    approx = cushion.WeightedXYK(vb / 1e18, vn / 1e18, fee, pfee)
    for side in ("buy", "sell"):
        qe, qf = getattr(exact, side)(w), getattr(approx, side)(w / 1e18)
        assert qf.ok
        assert qf.value == pytest.approx(qe.value / 1e18, rel=1e-9, abs=1e-15)
        assert qf.next.base_reserve == pytest.approx(qe.next.base_reserve / 1e18, rel=1e-9)


def test_weighted_xyk_is_a_value():
    import pickle

    for curve in (cushion.WeightedXYK(100.0, 5.0, 200, 10), cushion.exact.WeightedXYK(100 * E18, 5 * E18, 200, 10)):
        assert pickle.loads(pickle.dumps(curve)) == curve and hash(curve) == hash(pickle.loads(pickle.dumps(curve)))
        assert repr(curve).startswith("WeightedXYK(base_reserve=")
        assert curve.buy(curve.nft_reserve // 5).next != curve
    assert type(cushion.exact.WeightedXYK(1, 1)).__module__ == "cushion.exact"
    with pytest.raises(ValueError, match="^fee_rate_bps must be <= 5000"):
        cushion.WeightedXYK(1.0, 1.0, 5000.5)
    with pytest.raises(OverflowError, match="^base_reserve must be < 2\\*\\*128"):
        cushion.exact.WeightedXYK(2**128, 1)
