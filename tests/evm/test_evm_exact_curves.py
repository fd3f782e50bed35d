"""The exact curves (cushion.exact.Linear / Exponential / XYK / GDA / WeightedXYK, buy and sell)
against the curve libraries in contracts/curves/ and contracts/caviar/ on the EVM: error code,
value, both fees, the item count and the curve after the trade, bit for bit, reverts included."""

from __future__ import annotations

from hypothesis import strategies as st

from cushion import exact
from cases import WAD, exponential_case, gda_exact_case, linear_case, st_uint, xyk_case
from harness import ParitySpec, error_code_detail, parity_tests


def as_curve_quote(curve, quote, next_state) -> tuple[int, ...]:
    """A cushion quote in CurveQuote's field order: (errorCode, newSpotPrice, newDelta, value,
    tradeFee, protocolFee, numItems).  A failed quote must be all zeros and leave the curve as
    it was, as CurveErrorCodes requires."""
    if not quote.ok:
        assert (quote.value, quote.trade_fee, quote.protocol_fee, quote.items) == (0, 0, 0, 0)
        assert quote.next == curve
        return (int(quote.error), 0, 0, 0, 0, 0, 0)
    return (int(quote.error), *next_state(quote.next), quote.value, quote.trade_fee, quote.protocol_fee,
            quote.items)


def collection_spec(name: str, cls, case, function: str, side: str, next_state) -> ParitySpec:
    def ours(spot, delta, n, fee, protocol_fee):
        curve = cls(spot, delta, fee, protocol_fee)
        return as_curve_quote(curve, getattr(curve, side)(n), next_state)

    fee = st.one_of(st.integers(0, WAD // 5), st_uint())
    delta = st.one_of(st_uint(128), st.integers(WAD, 2 * WAD))
    strategy = st.tuples(st_uint(128), delta, st.one_of(st.integers(0, 100), st_uint()), fee, fee)
    return ParitySpec(f"exact.{name}.{side}", "CurveHarness", function, ours, case, strategy, error_code_detail)


def gda_spec(side: str) -> ParitySpec:
    def ours(spot, alpha, decay, t0, now, n, fee, protocol_fee):
        curve = exact.GDA(spot, alpha, decay, t0, now, fee, protocol_fee)
        quote = getattr(curve, side)(n)
        if quote.ok:  # the auction restarts at `now`; the library leaves newDelta to ICurve
            assert (quote.next.t0, quote.next.now, quote.next.alpha) == (now, now, alpha)
        return as_curve_quote(curve, quote, lambda c: (c.spot_price, 0))

    u = st_uint()
    strategy = st.tuples(st_uint(128), st.one_of(u, st.integers(WAD, 3 * WAD)), st.one_of(u, st.integers(0, WAD)),
                         u, u, st.one_of(st.integers(0, 100), u), u, u)
    return ParitySpec(f"exact.gda.{side}", "CurveHarness", f"gda{side.title()}", ours, gda_exact_case, strategy,
                      error_code_detail)


def spot_and_delta(c):
    return c.spot_price, c.delta


def reserves(c):
    return c.token_reserve, c.nft_reserve


def pool_reserves(c):
    return c.base_reserve, c.nft_reserve


def weighted_spec(side: str) -> ParitySpec:
    """PrivatePool.buy / sell with their reserve updates (WeightedXyk.buy / sell)."""
    from test_evm_caviar import POOL_STATE, pool_state_case

    def ours(base_reserve, nft_reserve, w, fee_rate, protocol_fee_rate):
        curve = exact.WeightedXYK(base_reserve, nft_reserve, fee_rate, protocol_fee_rate)
        return as_curve_quote(curve, getattr(curve, side)(w), pool_reserves)

    return ParitySpec(f"exact.weighted_xyk.{side}", "CurveHarness", f"weightedXyk{side.title()}", ours,
                      pool_state_case, POOL_STATE, error_code_detail)


SPECS = [
    *(collection_spec("linear", exact.Linear, linear_case, f"linear{s.title()}", s, spot_and_delta)
      for s in ("buy", "sell")),
    *(collection_spec("exponential", exact.Exponential, exponential_case, f"exponential{s.title()}", s,
                      spot_and_delta) for s in ("buy", "sell")),
    *(collection_spec("xyk", exact.XYK, xyk_case, f"xyk{s.title()}", s, reserves) for s in ("buy", "sell")),
    gda_spec("buy"),
    gda_spec("sell"),
    weighted_spec("buy"),
    weighted_spec("sell"),
]


test_random_cases, test_hypothesis_cases = parity_tests(SPECS)


def test_gda_decay_factor(chain):
    """GDA.decay_factor (pow(2e18, lambda (now - t0)) with the cap) on the EVM, including the
    uncapped exponents in (10, 11) and the reverts of now < t0 and an overflowing product."""
    from cases import rng

    r = rng("exact.gda.decay_factor")
    cases = []
    for _ in range(2000):
        _, _, decay, t0, now, *_ = gda_exact_case(r)
        cases.append((decay, t0, now))
    evm = chain.run("CurveHarness", "gdaDecayFactor", cases)
    from harness import assert_parity, outcome_of

    ours = [outcome_of(lambda d, t0, now: (exact.GDA(WAD, 2 * WAD, d, t0, now).decay_factor(),), *c) for c in cases]
    assert_parity("exact.gda.decay_factor", cases, evm, ours)
    capped = exact.GDA(WAD, 2 * WAD, WAD, 0, 10).decay_factor()
    assert exact.GDA(WAD, 2 * WAD, WAD, 0, 12).decay_factor() == capped  # whole part 12 > 10: capped
    assert exact.GDA(WAD, 2 * WAD, WAD // 2, 0, 21).decay_factor() > capped  # 10.5: not capped
