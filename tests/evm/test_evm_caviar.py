"""The weighted (trait-basket) XYK with Caviar private-pool semantics against
contracts/caviar/WeightedXyk.sol on the EVM.

The contract is checked against the Python-int transcription below (over every uint16 fee
rate) and against cushion.caviar (over the fee rates a pool can hold, <= 5000 bps)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cases import MAX256, WAD, near, rng, st_uint, uint
from harness import ParitySpec, check_bulk, default_cases

BPS = 10_000


class CaviarRevert(Exception):
    """The transcription's stand-in for an EVM revert; kind as cushion.RevertKind's values."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind
        self.reason = ""


def _checked(v: int) -> int:
    if v < 0:
        raise CaviarRevert("underflow")
    if v > MAX256:
        raise CaviarRevert("overflow")
    return v


def _div(a: int, b: int) -> int:
    if b == 0:
        raise CaviarRevert("division_by_zero")
    return a // b


def ref_buy_quote(vb: int, vn: int, w: int, fee_rate: int, protocol_fee_rate: int) -> tuple[int, int, int]:
    """PrivatePool.buyQuote: in = solmate mulDivUp(w, vB, vN - w)."""
    denominator = _checked(vn - w)
    if denominator == 0:
        raise CaviarRevert("division_by_zero")  # solmate's bare revert
    if w * vb > MAX256:
        raise CaviarRevert("overflow")  # solmate: x * y must fit
    amount_in = -(-(w * vb) // denominator)
    protocol_fee = _checked(amount_in * protocol_fee_rate) // BPS
    fee = _checked(amount_in * fee_rate) // BPS
    return _checked(amount_in + fee + protocol_fee), fee, protocol_fee


def ref_sell_quote(vb: int, vn: int, w: int, fee_rate: int, protocol_fee_rate: int) -> tuple[int, int, int]:
    """PrivatePool.sellQuote: out = w vB / (vN + w), checked Solidity arithmetic."""
    amount_out = _div(_checked(w * vb), _checked(vn + w))
    protocol_fee = _checked(amount_out * protocol_fee_rate) // BPS
    fee = _checked(amount_out * fee_rate) // BPS
    return _checked(_checked(amount_out - fee) - protocol_fee), fee, protocol_fee


def ref_change_fee_quote(w: int, change_fee: int, decimals: int, protocol_fee_rate: int) -> tuple[int, int]:
    """PrivatePool.changeFeeQuote: fee = w changeFee 10^(decimals - 4) / 1e18."""
    exponent = _checked(decimals - 4)
    fee = _checked(w * _checked(change_fee * _checked(10**exponent))) // WAD
    return fee, _checked(fee * protocol_fee_rate) // BPS


def pool_case(r: random.Random) -> tuple[int, int, int, int, int]:
    """(vB, vN, w, feeRate, protocolFeeRate): weights in 1e18 units, w around vN (the last unit)."""
    vb = r.getrandbits(r.randint(0, 90)) if r.random() < 0.7 else uint(r, 128)
    vn = r.randint(0, 50) * WAD + r.choice([0, 0, r.randint(0, WAD)]) if r.random() < 0.7 else uint(r, 128)
    roll = r.random()
    if roll < 0.5:
        w = r.randint(0, vn + WAD)
    elif roll < 0.65:
        w = near(r, vn, 2)
    else:
        w = uint(r)
    fee_rate = r.choice([0, 200, 5000, r.randint(0, 5000), r.randint(0, 2**16 - 1)])
    protocol_fee_rate = r.choice([0, 0, 50, r.randint(0, 2**16 - 1)])
    return vb, vn, w, fee_rate, protocol_fee_rate


def change_case(r: random.Random) -> tuple[int, int, int, int]:
    w = r.randint(0, 100) * WAD if r.random() < 0.6 else uint(r)
    change_fee = r.choice([0, 25, 5_000_000, r.getrandbits(56)])
    decimals = r.choice([18, 6, 8, 4, 3, 0, r.randint(0, 255)])
    return w, change_fee, decimals, r.choice([0, 0, 50, r.randint(0, 2**16 - 1)])


POOL = st.tuples(st_uint(128), st_uint(128), st_uint(), st.integers(0, 2**16 - 1), st.integers(0, 2**16 - 1))
CHANGE = st.tuples(st_uint(), st.integers(0, 2**56 - 1), st.integers(0, 255), st.integers(0, 2**16 - 1))


def pool_state_case(r: random.Random) -> tuple[int, int, int, int, int]:
    """A pool_case whose fee rate a PrivatePool can hold (setFeeRate reverts FeeRateTooHigh
    above 5000 bps, so cushion.caviar rejects such a rate with ValueError)."""
    vb, vn, w, fee_rate, protocol_fee_rate = pool_case(r)
    return vb, vn, w, fee_rate % 5001, protocol_fee_rate


POOL_STATE = st.tuples(st_uint(128), st_uint(128), st_uint(), st.integers(0, 5000), st.integers(0, 2**16 - 1))


def specs(ours_buy, ours_sell, ours_change, prefix: str, pool=(pool_case, POOL)) -> list[ParitySpec]:
    return [
        ParitySpec(f"{prefix}.buy_quote", "CaviarHarness", "buyQuote", ours_buy, *pool),
        ParitySpec(f"{prefix}.sell_quote", "CaviarHarness", "sellQuote", ours_sell, *pool),
        ParitySpec(f"{prefix}.change_fee_quote", "CaviarHarness", "changeFeeQuote", ours_change, change_case, CHANGE),
    ]


REFERENCE_SPECS = specs(ref_buy_quote, ref_sell_quote, ref_change_fee_quote, "reference.caviar")


def check_reference(chain, spec: ParitySpec, cases) -> None:
    import harness

    evm = chain.run(spec.contract, spec.function, cases)
    ours = [harness.outcome_of(spec.ours, *c, revert_types=(CaviarRevert,)) for c in cases]
    harness.assert_parity(spec.label, cases, evm, ours)


@pytest.mark.parametrize("spec", REFERENCE_SPECS, ids=str)
def test_contract_matches_the_transcription(chain, spec):
    r = rng(spec.label)
    check_reference(chain, spec, [spec.case(r) for _ in range(default_cases())])


@pytest.mark.parametrize("spec", REFERENCE_SPECS, ids=str)
def test_contract_matches_the_transcription_hypothesis(chain, spec):
    @given(spec.strategy)
    def check(case):
        check_reference(chain, spec, [case])

    check()


def test_published_vectors(chain):
    """Caviar's published quotes (test/PrivatePool/Quotes.t.sol): vB = 100e18, vN = 5e18, 2% fee."""
    assert chain.call("CaviarHarness", "buyQuote", 100 * WAD, 5 * WAD, WAD, 200, 0) == (
        "ok", (25 * WAD + WAD // 2, WAD // 2, 0))
    assert chain.call("CaviarHarness", "sellQuote", 100 * WAD, 5 * WAD, WAD, 200, 0) == (
        "ok", (16666666666666666666 - 333333333333333333, 333333333333333333, 0))
    assert chain.call("CaviarHarness", "buyQuote", 10, 1000, 10, 0, 0) == ("ok", (1, 0, 0))  # rounds up
    assert chain.call("CaviarHarness", "buyQuote", 100 * WAD, 5 * WAD, 5 * WAD, 200, 0) == ("revert", "empty")


# --- cushion.caviar ---------------------------------------------------------------------------------


def cushion_specs() -> list[ParitySpec]:
    from cushion import caviar

    def change_fee_quote(w, change_fee, decimals, protocol_fee_rate):
        return tuple(caviar.change_fee_quote(w, change_fee, decimals, protocol_fee_rate_bps=protocol_fee_rate))

    return specs(lambda *a: tuple(caviar.buy_quote(*a)), lambda *a: tuple(caviar.sell_quote(*a)),
                 change_fee_quote, "caviar", pool=(pool_state_case, POOL_STATE))


@pytest.mark.parametrize("index", range(3))
def test_cushion_caviar_matches_the_contract(chain, index):
    spec = cushion_specs()[index]
    check_bulk(chain, spec)
