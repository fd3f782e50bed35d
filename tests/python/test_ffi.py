"""python -m cushion.ffi: the Foundry vm.ffi entry point (encoding, exit codes, every function)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import cushion
from cushion import exact, ffi, sudoswap
from cushion.num import prbmath, solmate

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
}


@pytest.mark.parametrize("curve", list(EXACT_ARGS))
@pytest.mark.parametrize("side", ["buy", "sell"])
def test_exact_curve_quotes(curve, side):
    args, cls, state = EXACT_ARGS[curve]
    q = getattr(cls(*args), side)(3)
    out = words(ffi.call(f"exact.{curve}.{side}", [str(a) for a in (*args, 3)]))
    assert out == [1, int(q.error), q.value, q.trade_fee, q.protocol_fee, q.items,
                   *(getattr(q.next, s) for s in state)]


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
