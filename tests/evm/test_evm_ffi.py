"""cushion.ffi's output decodes in Solidity with the documented tuple types (as a Foundry test's
abi.decode would), and agrees with the reference contracts on the EVM."""

from __future__ import annotations

import pytest

from cushion import ffi
from cases import WAD, exponential_case, gda_compat_case, linear_case, rng, xyk_case

CASES = {"linear": linear_case, "exponential": exponential_case, "xyk": xyk_case, "gda": gda_compat_case}
CONTRACTS = {"linear": "LinearCurve", "exponential": "ExponentialCurve", "xyk": "XykCurve", "gda": "GDACurve"}


@pytest.mark.parametrize("curve", list(CASES))
@pytest.mark.parametrize("side", ["buy", "sell"])
def test_ffi_sudoswap_output_decodes_to_the_contract_answer(chain, curve, side):
    r = rng(f"ffi.{curve}.{side}")
    function = ("getBuyInfo" if side == "buy" else "getSellInfo") + ("At" if curve == "gda" else "")
    cases = [CASES[curve](r) for _ in range(200)]
    evm = chain.run(CONTRACTS[curve], function, cases)
    for case, outcome in zip(cases, evm):
        out = ffi.call(f"sudoswap.{'get_buy_info' if side == 'buy' else 'get_sell_info'}",
                       [curve, *(str(v) for v in case)])
        decoded = chain.call_with_bytes("FfiDecoder", "decodeCurveInfo", bytes.fromhex(out[2:]))
        if outcome[0] == "ok":
            assert decoded == (1, *outcome[1]), case
        else:
            assert decoded == (0,) * 7, case


@pytest.mark.parametrize("curve", ["linear", "exponential", "xyk", "gda"])
def test_ffi_exact_quote_decodes(chain, curve):
    args = {"linear": (3 * WAD, WAD // 10, 0, 0, 5), "exponential": (3 * WAD, 2 * WAD, 0, 0, 5),
            "xyk": (8 * WAD // 10, 5, 0, 0, 3), "gda": (WAD, 11 * WAD // 10, WAD // 100, 0, 100, 0, 0, 3)}[curve]
    out = bytes.fromhex(ffi.call(f"exact.{curve}.buy", [str(a) for a in args])[2:])
    decoder = "decodeGdaQuote" if curve == "gda" else "decodeCollectionQuote"
    decoded = chain.call_with_bytes("FfiDecoder", decoder, out)
    assert decoded[:2] == (1, 0) and decoded[2] > 0


def test_ffi_scalar_decodes(chain):
    out = bytes.fromhex(ffi.call("num.prbmath.pow", [str(2 * WAD), str(10 * WAD)])[2:])
    assert chain.call_with_bytes("FfiDecoder", "decodeScalar", out) == (1, 1024 * WAD)


@pytest.mark.parametrize("curve", ["linear", "exponential", "xyk", "gda", "weighted_xyk"])
@pytest.mark.parametrize("side", ["buy", "sell"])
def test_ffi_stressed_quote_decodes_to_the_contract_answer(chain, curve, side):
    """exact.stressed_<curve>.<side> through ffi, decoded in Solidity, equals StressedCurveMath on
    the EVM (a revert, custom errors included, is ok = false and zeros)."""
    from test_evm_stress import stressed_spec

    spec = stressed_spec(curve, side)
    r = rng(f"ffi.{spec.label}")
    cases = [spec.case(r) for _ in range(200)]
    evm = chain.run(spec.contract, spec.function, cases)
    for case, outcome in zip(cases, evm):
        # ffi takes the curve's constructor arguments first, then the model and stress, then n.
        curve_words, rest = case[:-5], case[-5:]
        n_at = 5 if curve == "gda" else 2
        args = (*curve_words[:n_at], *curve_words[n_at + 1:], *rest, curve_words[n_at])
        out = ffi.call(f"exact.stressed_{curve}.{side}", [str(a) for a in args])
        decoded = chain.call_with_bytes("FfiDecoder", "decodeStressedQuote", bytes.fromhex(out[2:]))
        expected = (1, *outcome[1]) if outcome[0] == "ok" else (0,) * 11
        if curve == "gda" and expected[:2] == (1, 0):  # the library leaves newDelta 0; ffi reports t0 = now
            expected = (*expected[:-1], case[4])
        assert decoded == expected, (case, outcome)

