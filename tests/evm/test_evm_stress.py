"""The exact mode's stress arithmetic against contracts/spread/ and contracts/absorb/ on the EVM:
the half-spread and the bid/ask it puts around a value (cushion.exact.HalfSpread), the caps at a
stress level (cushion.exact.AbsorptionCap.at), and every curve quoted with the widened spread
(cushion.exact.Stressed*): bit for bit, reverts included, and a model / stress level cushion
refuses (ValueError) must be the contract's custom error for it (cushion.ffi.REFERENCE_REJECTIONS)."""

from __future__ import annotations

import random

from hypothesis import strategies as st

from cushion import exact
from cases import (MAX256, WAD, absorption_cap, exponential_case, gda_exact_case, half_spread_model, linear_case,
                   st_half_spread_model, st_stress, st_uint, stress, uint, xyk_case)
from harness import ParitySpec, error_code_detail, parity_tests, rejecting
from test_evm_caviar import POOL_STATE, pool_state_case
from test_evm_exact_curves import pool_reserves, reserves, spot_and_delta

# --- HalfSpread ---------------------------------------------------------------------------------


def mid_price(r: random.Random) -> int:
    """A value to widen: realistic wei amounts, the edges (the ask overflows near 2^256)."""
    return r.getrandbits(r.randint(0, 90)) if r.random() < 0.6 else uint(r)


def spread_case(r: random.Random) -> tuple[int, ...]:
    return (*half_spread_model(r), stress(r))


def price_case(r: random.Random) -> tuple[int, ...]:
    return (*half_spread_model(r), mid_price(r), stress(r))


def widen_case(r: random.Random) -> tuple[int, int]:
    h = r.choice([0, 1, 30, 500, 9999, r.randint(0, 9999), r.randint(0, 9999)])
    if r.random() < 0.03:
        h = r.choice([10_000, 10_001, uint(r)])  # HalfSpreadTooLarge
    return mid_price(r), h


def half_spread_at(base, slope, exponent, cap, s):
    return (exact.HalfSpread(base, slope, exponent, cap).at(s),)


def ask(base, slope, exponent, cap, mid, s):
    return (exact.HalfSpread(base, slope, exponent, cap).ask(mid, s),)


def bid(base, slope, exponent, cap, mid, s):
    return (exact.HalfSpread(base, slope, exponent, cap).bid(mid, s),)


MODEL = st_half_spread_model()
U = st_uint()
WIDEN = st.tuples(U, st.one_of(st.integers(0, 9999), st.integers(0, 10_001), U))

SPREAD_SPECS = [
    ParitySpec("exact.half_spread.at", "StressHarness", "halfSpread", rejecting(half_spread_at), spread_case,
               st.tuples(MODEL, st_stress()).map(lambda t: (*t[0], t[1]))),
    ParitySpec("exact.half_spread.ask", "StressHarness", "ask", rejecting(ask), price_case,
               st.tuples(MODEL, U, st_stress()).map(lambda t: (*t[0], t[1], t[2]))),
    ParitySpec("exact.half_spread.bid", "StressHarness", "bid", rejecting(bid), price_case,
               st.tuples(MODEL, U, st_stress()).map(lambda t: (*t[0], t[1], t[2]))),
    ParitySpec("exact.half_spread.widen_buy", "StressHarness", "widenBuy",
               rejecting(lambda v, h: (exact.HalfSpread().widen_buy(v, h),)), widen_case, WIDEN),
    ParitySpec("exact.half_spread.widen_sell", "StressHarness", "widenSell",
               rejecting(lambda v, h: (exact.HalfSpread().widen_sell(v, h),)), widen_case, WIDEN),
]


# --- AbsorptionCap -------------------------------------------------------------------------------

CAP_KEYS = ("block_items", "block_notional", "window_items", "window_notional")


def cap_from_words(words) -> exact.AbsorptionCap:
    """An exact.AbsorptionCap from AbsorptionCap's 10 words (a (2^256 - 1, 2^256 - 1) range is
    unlimited, as on chain)."""
    ranges = {key: (words[2 * i], words[2 * i + 1]) for i, key in enumerate(CAP_KEYS)}
    return exact.AbsorptionCap(**ranges, window_blocks=words[8], exponent=words[9])


def cap_limits(*case):
    limits = cap_from_words(case[:10]).at(case[10])
    return tuple(limits[key] for key in CAP_KEYS)


def cap_case(r: random.Random) -> tuple[int, ...]:
    scale = r.choice([40, 10**6, 60 * WAD, MAX256 // 3])
    return (*absorption_cap(r, scale, scale), stress(r))


def st_cap_range() -> st.SearchStrategy[tuple[int, int]]:
    shrinking = st_uint().flatmap(lambda calm: st.tuples(st.just(calm), st.integers(0, calm)))
    return st.one_of(shrinking, shrinking, st.just((MAX256, MAX256)), st.tuples(st_uint(), st_uint()))


CAP_STRATEGY = st.tuples(st_cap_range(), st_cap_range(), st_cap_range(), st_cap_range(),
                         st.one_of(st.integers(1, 400), st.integers(0, 2**32 - 1)),
                         st.one_of(st.integers(0, 64), st.integers(0, 70)), st_stress()).map(
    lambda t: (*t[0], *t[1], *t[2], *t[3], t[4], t[5], t[6]))

CAP_SPECS = [ParitySpec("exact.absorption_cap.at", "StressHarness", "capLimits", rejecting(cap_limits), cap_case,
                        CAP_STRATEGY)]


# --- Stressed curves -----------------------------------------------------------------------------


def as_stressed_quote(curve, quote, next_state) -> tuple[int, ...]:
    """A cushion stressed quote in StressedQuote's field order.  A failed quote keeps only its
    error and half-spread, and leaves the curve as it was."""
    if not quote.ok:
        assert (quote.value, quote.curve_value, quote.spread, quote.items) == (0, 0, 0, 0)
        assert quote.next.curve == curve
        return (int(quote.error), 0, 0, 0, quote.half_spread, 0, 0, 0, 0, 0)
    return (int(quote.error), quote.value, quote.curve_value, quote.spread, quote.half_spread, quote.trade_fee,
            quote.protocol_fee, quote.items, *next_state(quote.next.curve))


def gda_state(c):
    return c.spot_price, 0  # GDACurveMath leaves newDelta to its ICurve wrapper


STRESSED = {
    # name: (harness function infix, cushion curve, its Stressed class, curve-case generator, state after)
    "linear": ("Linear", exact.Linear, exact.StressedLinear, linear_case, spot_and_delta),
    "exponential": ("Exponential", exact.Exponential, exact.StressedExponential, exponential_case, spot_and_delta),
    "xyk": ("Xyk", exact.XYK, exact.StressedXYK, xyk_case, reserves),
    "gda": ("Gda", exact.GDA, exact.StressedGDA, gda_exact_case, gda_state),
    "weighted_xyk": ("WeightedXyk", exact.WeightedXYK, exact.StressedWeightedXYK, pool_state_case, pool_reserves),
}


def stressed_spec(name: str, side: str) -> ParitySpec:
    harness_name, curve_cls, stressed_cls, curve_case, next_state = STRESSED[name]
    gda = name == "gda"

    def ours(*case):
        # Curve words, then n, then the fees (GDA: the auction's 5 words, n, fee, protocol fee;
        # weighted XYK: vB, vN, w, fee rate, protocol fee rate), then the model and the stress.
        curve_words, model, s = case[:-5], case[-5:-1], case[-1]
        n_at = 5 if gda else 2
        n = curve_words[n_at]
        curve = curve_cls(*curve_words[:n_at], *curve_words[n_at + 1:])
        stressed = stressed_cls(curve, exact.HalfSpread(*model), s)
        quote = getattr(stressed, side)(n)
        if gda and quote.ok:
            assert quote.next.curve.t0 == curve.now
        return as_stressed_quote(curve, quote, next_state)

    def case(r: random.Random) -> tuple[int, ...]:
        return (*curve_case(r), *half_spread_model(r, invalid=0.02), stress(r, invalid=0.02))

    u = st_uint()
    curve_strategy = {
        "gda": st.tuples(st_uint(128), st.one_of(u, st.integers(WAD, 3 * WAD)), st.one_of(u, st.integers(0, WAD)),
                         u, u, st.one_of(st.integers(0, 100), u), u, u),
        "weighted_xyk": POOL_STATE,
    }.get(name, st.tuples(st_uint(128), st.one_of(st_uint(128), st.integers(WAD, 2 * WAD)),
                          st.one_of(st.integers(0, 100), u), st.one_of(st.integers(0, WAD // 5), u),
                          st.one_of(st.integers(0, WAD // 5), u)))
    strategy = st.tuples(curve_strategy, MODEL, st_stress()).map(lambda t: (*t[0], *t[1], t[2]))
    return ParitySpec(f"exact.stressed_{name}.{side}", "StressHarness", f"stressed{harness_name}{side.title()}",
                      rejecting(ours), case, strategy, error_code_detail)


STRESSED_SPECS = [stressed_spec(name, side) for name in STRESSED for side in ("buy", "sell")]

test_random_cases, test_hypothesis_cases = parity_tests(SPREAD_SPECS + CAP_SPECS + STRESSED_SPECS)


def test_published_vector_and_saturation(chain):
    """The documented vector (30 + 470 s^2 bps, cap 500, s = 0.3: h = 73, bid/ask around 12345)
    and a slope near 2^256, which saturates at the cap on both sides (an earlier cushion
    reverted there, adding base + slope s^p before taking the minimum)."""
    model = (30, 470, 2, 500)
    s = 3 * 10**17
    assert chain.call("StressHarness", "halfSpread", *model, s) == ("ok", (73,))
    assert chain.call("StressHarness", "ask", *model, 12345, s) == ("ok", (12436,))
    assert chain.call("StressHarness", "bid", *model, 12345, s) == ("ok", (12254,))
    huge = (30, MAX256, 1, 500)
    assert chain.call("StressHarness", "halfSpread", *huge, WAD) == ("ok", (500,))
    assert exact.HalfSpread(*huge).at(WAD) == 500
    assert chain.call("StressHarness", "halfSpread", *model, WAD + 1) == ("revert", "custom:StressAboveOne")
