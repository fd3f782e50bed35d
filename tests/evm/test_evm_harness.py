"""The parity harness itself: keccak, the compile cache, batch semantics and revert decoding.
A harness that silently agreed with anything would make the whole suite worthless."""

from __future__ import annotations

import harness
from keccak import keccak256, selector


def test_keccak_vectors():
    assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    assert selector("transfer(address,uint256)").hex() == "a9059cbb"
    assert selector("Panic(uint256)").hex() == "4e487b71"
    # Around the 136-byte rate: one, two and three blocks (checked against js-sha3).
    assert keccak256(b"a" * 135).hex().startswith("34367dc248bbd832")
    assert keccak256(b"a" * 136).hex().startswith("a6c4d403279fe3e0")


def test_compile_is_cached(artifacts):
    again = harness.compile_contracts()
    assert again.from_cache
    assert again.contracts["NumHarness"].bytecode == artifacts.contracts["NumHarness"].bytecode
    assert again.solc_version.startswith("0.8.37+")


def test_a_revert_does_not_abort_the_batch(chain):
    cases = [(6, 7, 4), (1, 1, 0), (2**255, 4, 1), (10, 10, 3)]
    assert chain.run("NumHarness", "fullMathMulDiv", cases) == [
        ("ok", (10,)), ("revert", "empty"), ("revert", "empty"), ("ok", (33,))]
    assert chain.run("NumHarness", "prbmathMulDiv", [(1, 1, 0), (2**255, 4, 1)]) == [
        ("revert", "panic:0x12"), ("revert", "custom:PRBMath_MulDiv_Overflow")]


def test_revert_compatibility_is_strict():
    class Kind:
        def __init__(self, kind, reason=""):
            self.kind, self.reason = kind, reason

    assert harness.reverts_agree("panic:0x11", Kind("underflow"))
    assert not harness.reverts_agree("panic:0x12", Kind("overflow"))
    assert not harness.reverts_agree("panic:0x01", Kind("overflow"))
    assert harness.reverts_agree("custom:PRBMath_MulDiv18_Overflow", Kind("custom", "PRBMath_MulDiv18_Overflow"))
    assert not harness.reverts_agree("custom:PRBMath_MulDiv_Overflow", Kind("custom", "PRBMath_MulDiv18_Overflow"))
    assert not harness.reverts_agree("empty", Kind("custom", "PRBMath_MulDiv18_Overflow"))


def test_a_mismatch_is_reported():
    try:
        harness.assert_parity("harness.self-test", [(1,)], [("ok", (2,))], [("ok", (3,))])
    except AssertionError as e:
        assert "1 of 1 cases differ" in str(e)
    else:
        raise AssertionError("a differing value passed")
    harness.STATS.pop("harness.self-test", None)
