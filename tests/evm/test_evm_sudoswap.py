"""sudoswap v2 ICurve (cushion.sudoswap.get_buy_info / get_sell_info) against the ICurve
contracts in contracts/curves/ on the EVM: every field of the tuple, error codes and reverts."""

from __future__ import annotations

import random

import pytest
from hypothesis import strategies as st

import cushion
from cushion import sudoswap
from cases import (MAX128, WAD, exponential_case, gda_compat_case, linear_case, pack_gda_delta, st_uint,
                   xyk_case)
from harness import ParitySpec, error_code_detail, parity_tests

CONTRACTS = {"linear": "LinearCurve", "exponential": "ExponentialCurve", "xyk": "XykCurve", "gda": "GDACurve"}
CASES = {"linear": linear_case, "exponential": exponential_case, "xyk": xyk_case, "gda": gda_compat_case}


def icurve_strategy(curve: str) -> st.SearchStrategy[tuple]:
    fee = st.one_of(st.integers(0, WAD // 5), st_uint())
    n = st.one_of(st.integers(0, 100), st_uint())
    if curve == "gda":
        delta = st.builds(pack_gda_delta, st.integers(0, 2**40 - 1), st.integers(0, 2**40 - 1),
                          st.integers(0, 2**48 - 1))
        return st.tuples(st_uint(128), delta, n, fee, fee, st.one_of(st.integers(0, 2**48), st_uint()))
    delta = st.one_of(st_uint(128), st.integers(WAD, 2 * WAD)) if curve == "exponential" else st_uint(128)
    return st.tuples(st_uint(128), delta, n, fee, fee)


def spec(curve: str, side: str) -> ParitySpec:
    quote = sudoswap.get_buy_info if side == "buy" else sudoswap.get_sell_info
    if curve == "gda":
        def ours(spot, delta, n, fee, protocol_fee, timestamp):
            return quote("gda", spot, delta, n, fee, protocol_fee, timestamp=timestamp)

        function = "getBuyInfoAt" if side == "buy" else "getSellInfoAt"
    else:
        def ours(*args):
            return quote(curve, *args)

        function = "getBuyInfo" if side == "buy" else "getSellInfo"
    return ParitySpec(f"sudoswap.{'get_buy_info' if side == 'buy' else 'get_sell_info'}({curve})",
                      CONTRACTS[curve], function, ours, CASES[curve], icurve_strategy(curve), error_code_detail)


SPECS = [spec(curve, side) for curve in CONTRACTS for side in ("buy", "sell")]


test_random_cases, test_hypothesis_cases = parity_tests(SPECS)


@pytest.mark.parametrize("side", ["buy", "sell"])
def test_gda_reads_block_timestamp(chain, side):
    """GDACurve.getBuyInfo / getSellInfo (ICurve, at block.timestamp) answer as
    get_buy_info / get_sell_info with that timestamp."""
    r = random.Random(side)
    function = "getBuyInfo" if side == "buy" else "getSellInfo"
    quote = sudoswap.get_buy_info if side == "buy" else sudoswap.get_sell_info
    for _ in range(20):
        timestamp = r.randint(1_700_000_000, 1_700_100_000)
        chain.set_timestamp(timestamp)
        cases = []
        for _ in range(50):
            spot, delta, n, fee, protocol_fee, _ = gda_compat_case(r)
            delta = (delta >> 48 << 48) | (timestamp - r.randint(0, 2000))  # started a little earlier
            cases.append((spot, delta, n, fee, protocol_fee))
        evm = chain.run("GDACurve", function, cases)
        for case, outcome in zip(cases, evm):
            try:
                assert outcome == ("ok", quote("gda", *case, timestamp=timestamp)), case
            except cushion.Revert:
                assert outcome[0] == "revert", case


@pytest.mark.parametrize("curve", list(CONTRACTS))
def test_arguments_outside_uint128_are_rejected_on_both_sides(chain, curve):
    """A spot price or delta of 2^128 cannot even be ABI-encoded for ICurve: the EVM rejects the
    calldata and cushion raises OverflowError naming the argument."""
    function = "getBuyInfoAt" if curve == "gda" else "getBuyInfo"
    extra = (0,) if curve == "gda" else ()
    for spot, delta in ((2**128, WAD + 1), (WAD, 2**128)):
        assert chain.call(CONTRACTS[curve], function, spot, delta, 1, 0, 0, *extra) == ("revert", "empty")
        with pytest.raises(OverflowError, match="spot_price" if spot > MAX128 else "delta"):
            sudoswap.get_buy_info(curve, spot, delta, 1, 0, 0, timestamp=0)


def test_published_vectors_on_the_evm(chain):
    """sudoswap's published exponential vector (F = 0.5%, P = 0.3%) on the contract itself."""
    assert chain.call("ExponentialCurve", "getBuyInfo", 3 * WAD, 2 * WAD, 5, 5 * 10**15, 3 * 10**15) == (
        "ok", (0, 96 * WAD, 2 * WAD, 187488 * 10**15, 93 * 10**16, 558 * 10**15))
    assert chain.call("LinearCurve", "getSellInfo", 3 * WAD, WAD // 10, 5, 5 * 10**15, 3 * 10**15)[1][3] == (
        13888 * 10**15)
