"""python -m cushion.ffi: the Foundry vm.ffi entry point (encoding, exit codes, every function)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import cushion
from cushion import exact, ffi, sudoswap
from cushion.num import prbmath, solmate
from cushion.spread import StressedCurve

E18 = 10**18
ISSUE_EXAMPLE = ["sudoswap.get_buy_info", "exponential", "3000000000000000000", "2000000000000000000", "5",
                 "5000000000000000", "3000000000000000"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cushion.ffi", *args], capture_output=True, text=True)


def words(hex_out: str) -> list[int]:
    assert hex_out.startswith("0x") and (len(hex_out) - 2) % 64 == 0
    body = hex_out[2:]
    return [int(body[i:i + 64], 16) for i in range(0, len(body), 64)]


def test_issue_example_prints_the_exact_abi_encoding():
    # abi.encode(true, uint8(0), uint128(96e18), uint128(2e18), 187.488e18, 0.93e18, 0.558e18)
    expected = "0x" + "".join(f"{w:064x}" for w in (1, 0, 96 * E18, 2 * E18, 187488 * 10**15, 93 * 10**16,
                                                        558 * 10**15))
    assert expected == (
        "0x0000000000000000000000000000000000000000000000000000000000000001"
        "0000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000053444835ec5800000"
        "0000000000000000000000000000000000000000000000001bc16d674ec80000"
        "00000000000000000000000000000000000000000000000a29eb2ea560700000"
        "0000000000000000000000000000000000000000000000000ce80612991d0000"
        "00000000000000000000000000000000000000000000000007be6a0b28ab0000")
    done = run(*ISSUE_EXAMPLE)
    assert (done.returncode, done.stdout, done.stderr) == (0, expected, "")  # no trailing newline


def test_hex_arguments_and_reverts():
    out = ffi.call("sudoswap.get_buy_info", ["exponential", hex(3 * E18), hex(2 * E18), "0x5", "5000000000000000",
                                             "3000000000000000"])
    assert out == ffi.call("sudoswap.get_buy_info", ISSUE_EXAMPLE[1:])
    # delta == 1e18 divides by zero on chain: ok = false and every field 0.
    reverted = ffi.call("sudoswap.get_buy_info", ["exponential", str(E18), str(E18), "2", "0", "0"])
    assert words(reverted) == [0] * 7
    # An error code is not a revert: ok = true, error = INVALID_NUMITEMS.
    assert words(ffi.call("sudoswap.get_buy_info", ["linear", "1", "1", "0", "0", "0"])) == [1, 1, 0, 0, 0, 0, 0]
    assert words(ffi.call("num.prbmath.log2", ["5"])) == [0, 0]


@pytest.mark.parametrize(
    "args,message",
    [
        (["no.such.function"], "unknown function"),
        (["num.mul_div", "1", "2"], "takes 3 arguments"),
        (["num.mul_div", "1", "2", "-3"], "unsigned integer"),
        (["num.mul_div", "1", "2", "1.5"], "unsigned integer"),
        (["num.mul_div", "1", "2", str(2**256)], "< 2**256"),
        (["sudoswap.get_buy_info", "quadratic", "1", "1", "1", "0", "0"], "curve must be one of"),
        (["sudoswap.get_buy_info", "linear", str(2**128), "1", "1", "0", "0"], "spot_price"),
        (["sudoswap.get_buy_info", "gda", "1", "1", "1", "0", "0"], "timestamp"),
        (["exact.xyk.buy", "1", str(2**128), "0", "0", "1"], "nft_reserve"),
    ],
)
def test_malformed_arguments_exit_2_with_a_message(args, message):
    done = run(*args)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("cushion.ffi: ") and message in done.stderr


def test_caviar_fails_cleanly_until_it_is_built():
    try:
        from cushion import caviar  # noqa: F401
    except ImportError:
        done = run("caviar.buy_quote", str(100 * E18), str(5 * E18), str(E18), "200", "0")
        assert done.returncode == 3 and done.stdout == ""
        assert "cushion.caviar is not available" in done.stderr
    else:  # built: the published vector (vB = 100e18, vN = 5e18, 2% fee): in 25e18, fee 0.5e18
        assert words(ffi.call("caviar.buy_quote", [str(100 * E18), str(5 * E18), str(E18), "200", "0"])) == [
            1, 25 * E18 + E18 // 2, E18 // 2, 0]


def test_help_and_list_document_every_function():
    for flag in ("--help", "list"):
        done = run(flag)
        assert done.returncode == 0
        for name, fn in ffi.FUNCTIONS.items():
            assert name in done.stdout
            assert ", ".join(f"{t} {n}" for t, n in fn.returns) in done.stdout
    assert "vm.ffi" in run("--help").stdout


# Each function on sample arguments: the decoded words equal the Python API's answer.
EXACT_ARGS = {
    "linear": ((3 * E18, E18 // 10, 5 * 10**15, 3 * 10**15), exact.Linear, ("spot_price", "delta")),
    "exponential": ((3 * E18, 2 * E18, 5 * 10**15, 3 * 10**15), exact.Exponential, ("spot_price", "delta")),
    "xyk": ((8 * E18 // 10, 5, 0, 0), exact.XYK, ("token_reserve", "nft_reserve")),
    "gda": ((E18, 11 * E18 // 10, E18 // 100, 0, 100, 10**16, 0), exact.GDA, ("spot_price", "t0")),
    "weighted_xyk": ((100 * E18, 5 * E18, 200, 50), exact.WeightedXYK, ("base_reserve", "nft_reserve")),
}


@pytest.mark.parametrize("curve", list(EXACT_ARGS))
@pytest.mark.parametrize("side", ["buy", "sell"])
def test_exact_curve_quotes(curve, side):
    args, cls, state = EXACT_ARGS[curve]
    q = getattr(cls(*args), side)(3)
    out = words(ffi.call(f"exact.{curve}.{side}", [str(a) for a in (*args, 3)]))
    assert out == [1, int(q.error), q.value, q.trade_fee, q.protocol_fee, q.items,
                   *(getattr(q.next, s) for s in state)]


@pytest.mark.parametrize("curve", list(EXACT_ARGS))
@pytest.mark.parametrize("side", ["buy", "sell"])
def test_stressed_curve_quotes(curve, side):
    args, cls, state = EXACT_ARGS[curve]
    model, s, n = (30, 470, 2, 500), 3 * 10**17, (E18 if curve == "weighted_xyk" else 3)
    stressed = StressedCurve(cls(*args), exact.HalfSpread(*model), s)
    q = getattr(stressed, side)(n)
    assert q.ok and q.half_spread == 73 and q.spread > 0
    out = words(ffi.call(f"exact.stressed_{curve}.{side}", [str(a) for a in (*args, *model, s, n)]))
    assert out == [1, int(q.error), q.value, q.curve_value, q.spread, q.half_spread, q.trade_fee, q.protocol_fee,
                   q.items, *(getattr(q.next.curve, a) for a in state)]


def test_stressed_failed_quote_keeps_the_half_spread():
    # n = 0 is INVALID_NUMITEMS: ok (no revert), error 1, only halfSpread besides it.
    out = words(ffi.call("exact.stressed_linear.buy", [str(E18), str(E18 // 10), "0", "0", "30", "470", "1", "500",
                                                       str(E18), "0"]))
    assert out == [1, 1, 0, 0, 0, 500, 0, 0, 0, 0, 0]


def test_half_spread_and_cap_functions():
    h = exact.HalfSpread(30, 470, 2, 500)
    s = 3 * 10**17
    model = ["30", "470", "2", "500"]
    assert words(ffi.call("exact.half_spread.at", [*model, str(s)])) == [1, 73]
    assert words(ffi.call("exact.half_spread.ask", [*model, "12345", str(s)])) == [1, h.ask(12345, s)] == [1, 12436]
    assert words(ffi.call("exact.half_spread.bid", [*model, "12345", str(s)])) == [1, h.bid(12345, s)] == [1, 12254]
    assert words(ffi.call("exact.half_spread.widen_buy", [str(E18), "73"])) == [1, h.widen_buy(E18, 73)]
    assert words(ffi.call("exact.half_spread.widen_sell", [str(E18), "73"])) == [1, h.widen_sell(E18, 73)]
    unlimited = str(2**256 - 1)
    cap = ["5", "2", str(100 * E18), str(40 * E18), unlimited, unlimited, unlimited, unlimited, "300", "1"]
    limits = exact.AbsorptionCap(block_items=(5, 2), block_notional=(100 * E18, 40 * E18)).at(E18 // 2)
    assert words(ffi.call("exact.absorption_cap.at", [*cap, str(E18 // 2)])) == [
        1, limits["block_items"], limits["block_notional"], 2**256 - 1, 2**256 - 1] == [1, 3, 70 * E18, 2**256 - 1,
                                                                                      2**256 - 1]


@pytest.mark.parametrize(
    "args",
    [
        ["exact.half_spread.at", "30", "470", "1", "500", str(E18 + 1)],  # StressAboveOne
        ["exact.half_spread.at", "30", "470", "1", "10000", "0"],  # HalfSpreadCapTooLarge
        ["exact.half_spread.at", "600", "470", "1", "500", "0"],  # HalfSpreadBaseAboveCap
        ["exact.half_spread.at", "30", "470", "65", "500", "0"],  # ExponentTooLarge
        ["exact.half_spread.widen_sell", "5", "10000"],  # HalfSpreadTooLarge
        ["exact.absorption_cap.at", "1", "2", *["0"] * 6, "300", "1", "0"],  # CapSevereAboveCalm
        ["exact.absorption_cap.at", *["0"] * 8, "0", "1", "0"],  # CapWindowOutOfRange
    ],
)
def test_inputs_the_reference_rejects_are_reverts(args):
    """What the reference contracts reject with a custom error is ok = false (exit 0), not a
    malformed call: a Foundry test compares it with its own contract's revert."""
    done = run(*args)
    assert (done.returncode, done.stderr) == (0, "")
    assert words(done.stdout) == [0] * (1 + len(ffi.FUNCTIONS[args[0]].returns))


@pytest.mark.parametrize(
    "name,args,expected",
    [
        ("num.mul_div", (2**200, 2**100, 2**60), cushion.num.mul_div(2**200, 2**100, 2**60)),
        ("num.mul_div_up", (7, 3, 2), 11),
        ("num.mulmod", (7, 3, 0), 0),
        ("num.solmate.mul_wad_up", (3, E18 // 2), solmate.mul_wad_up(3, E18 // 2)),
        ("num.solmate.rpow", (2 * E18, 10, E18), 1024 * E18),
        ("num.prbmath.pow", (2 * E18, 10 * E18 + 1), prbmath.pow(2 * E18, 10 * E18 + 1)),
        ("num.prbmath.exp2", (E18 // 2,), prbmath.exp2(E18 // 2)),
        ("sudoswap.pack_gda_delta", (1_100_000_000, 10_000_000, 5), sudoswap.pack_gda_delta(1_100_000_000, 10**7, 5)),
    ],
)
def test_scalar_functions(name, args, expected):
    assert words(ffi.call(name, [str(a) for a in args])) == [1, expected]


def test_every_function_is_callable():
    """A smoke call of every registered function with small arguments: it either answers with a
    word per return field or says why (never a traceback)."""
    for name, fn in ffi.FUNCTIONS.items():
        args = ["linear" if p == "curve" else "1" for p in fn.params if not p.startswith("[")]
        out = words(ffi.call(name, args))
        assert len(out) == 1 + len(fn.returns), name


def test_import_stays_light():
    """Foundry starts the program once per fuzz run: its import path must not pull in NumPy,
    pandas or matplotlib."""
    code = "import sys, cushion.ffi; print(sorted(m for m in ('numpy', 'pandas', 'matplotlib', 'dask') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
