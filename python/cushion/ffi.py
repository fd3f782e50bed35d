"""Foundry ``vm.ffi`` entry point: cushion's exact mode as an oracle for Solidity tests.

::

    python -m cushion.ffi <function> <args...>
    python -m cushion.ffi list            # every function, its arguments and its return tuple
    python -m cushion.ffi --help

Integer arguments are decimal or ``0x``-hex, each in ``[0, 2**256)``.  The program prints
``"0x"`` followed by the hex of the ABI encoding of ``(bool ok, ...results)`` and no newline, as
``vm.ffi`` expects; the Solidity side decodes it with ``abi.decode(out, (bool, ...))``.  ``ok``
is false, and every result 0, where the reference (the deployed Solidity) reverts.  All types are
static, so the encoding is one 32-byte word per field.

Exit status: 0 for every well-formed call (``ok`` says whether it reverted); 2 for malformed
arguments (unknown function, wrong count, not an integer, out of range, a value the ABI type
cannot hold), with the reason on stderr.

Function names follow the Python API: ``sudoswap.get_buy_info``, ``caviar.buy_quote``,
``exact.<curve>.<buy|sell>`` (the curve's constructor arguments, then n; curve is linear,
exponential, xyk, gda or weighted_xyk), ``exact.stressed_<curve>.<buy|sell>`` (the curve's
arguments, the half-spread model base / slope / exponent / cap in bps, the stress as a WAD, then
n), ``exact.half_spread.<at|ask|bid|widen_buy|widen_sell>``, ``exact.absorption_cap.at``,
``num.mul_div``, ``num.solmate.<fn>``, ``num.prbmath.<fn>``.

A model, stress level or half-spread that cushion refuses and the reference contracts reject
with a custom error (a stress above 1e18, a cap of 10000 bps or more, ...: ``REFERENCE_REJECTIONS``)
is a revert too: ``ok = false``, exit status 0.

Kept light on purpose: a Foundry fuzz run starts this program once per run, so it imports
nothing but cushion's compiled core (no NumPy, no pandas).
"""

from __future__ import annotations

import sys
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:  # typing's import alone costs milliseconds on every ffi run
    from collections.abc import Callable, Sequence

__all__ = ["FUNCTIONS", "REFERENCE_REJECTIONS", "FfiFunction", "MalformedArguments", "call", "encode", "main"]

_MAX256 = (1 << 256) - 1
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


class MalformedArguments(ValueError):
    """The command line does not describe a valid call (exit status 2)."""


#: cushion's ValueError messages for inputs that the reference contracts (tests/evm/contracts)
#: reject with a custom error, and that error's name: on chain these are reverts, so ffi reports
#: them as ``ok = false`` rather than as malformed arguments.
REFERENCE_REJECTIONS: dict[str, str] = {
    "stress must be <= 1e18": "StressAboveOne",
    "exponent must be an integer in [0, 64]": "ExponentTooLarge",
    "cap must be < 10000 bps": "HalfSpreadCapTooLarge",
    "base must be <= cap": "HalfSpreadBaseAboveCap",
    "half_spread must be < 10000 bps": "HalfSpreadTooLarge",
    "calm and severe must both be unlimited or both finite": "CapRangeMixed",
    "severe must be <= calm": "CapSevereAboveCalm",
    "window_blocks must be": "CapWindowOutOfRange",
    "block must not go backwards": "BlockInPast",
}


class FfiFunction:
    """One ffi function: its argument names, its return tuple (after ``bool ok``) and the call.

    ``params`` are argument names; a name in square brackets is optional, ``curve`` is a string,
    every other argument is an integer.  ``returns`` lists (Solidity type, name) pairs.
    ``run`` takes the parsed arguments and returns the result values in ``returns`` order.
    """

    __slots__ = ("name", "params", "returns", "run", "doc")

    def __init__(self, name: str, params: Sequence[str], returns: Sequence[tuple[str, str]],
                 run: Callable[..., Sequence[int]], doc: str) -> None:
        self.name = name
        self.params = tuple(params)
        self.returns = tuple(returns)
        self.run = run
        self.doc = doc

    def usage(self) -> str:
        args = " ".join(f"<{p}>" if not p.startswith("[") else p for p in self.params)
        tuple_types = ", ".join(["bool ok", *(f"{t} {n}" for t, n in self.returns)])
        return f"{self.name} {args}\n    -> ({tuple_types})\n    {self.doc}"


# ---------------------------------------------------------------------------------------------
# Encoding
# ---------------------------------------------------------------------------------------------

_TYPE_BITS = {"bool": 1, "uint8": 8, "uint128": 128, "uint256": 256}


def _sequence(value: object, what: str, of: str) -> Sequence[object]:
    # list or tuple: what the command line and the function table pass (no collections.abc
    # import here, see the module docstring)
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"{what} must be a list or tuple of {of}, not {type(value).__name__}")
    return value


def encode(ok: bool, returns: Sequence[tuple[str, str]], values: Sequence[int]) -> str:
    """``"0x"`` + the ABI encoding of ``(bool ok, values...)`` typed as ``returns``."""
    if not isinstance(ok, bool):
        raise TypeError(f"ok must be a bool, not {type(ok).__name__}")
    _sequence(returns, "returns", "(solidity type, name) pairs")
    _sequence(values, "values", "ints")
    if len(returns) != len(values):
        raise ValueError(f"returns has {len(returns)} entries but values has {len(values)}")
    words = [1 if ok else 0]
    for i, (entry, value) in enumerate(zip(returns, values)):
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] in _TYPE_BITS):
            raise ValueError(f"returns[{i}] must be a (solidity type, name) pair, type one of {', '.join(_TYPE_BITS)}")
        solidity_type, name = entry
        if isinstance(value, bool) or not hasattr(type(value), "__index__"):
            raise TypeError(f"values[{i}] must be an int, not {type(value).__name__}")
        value = int(value)
        if not 0 <= value < (1 << _TYPE_BITS[solidity_type]):
            raise OverflowError(f"{name} = {value} does not fit {solidity_type}")
        words.append(value)
    return "0x" + "".join(f"{w:064x}" for w in words)


def _parse_uint(text: str, name: str) -> int:
    digits = text[2:] if text[:2] in ("0x", "0X") else text
    hex_form = digits is not text
    if not digits or not all(c in (_HEX_DIGITS if hex_form else "0123456789") for c in digits):
        raise MalformedArguments(f"{name} must be an unsigned integer in decimal or 0x-hex, got {text!r}")
    value = int(digits, 16 if hex_form else 10)
    if value > _MAX256:
        raise MalformedArguments(f"{name} must be < 2**256, got {text}")
    return value


# ---------------------------------------------------------------------------------------------
# The functions
# ---------------------------------------------------------------------------------------------

_CURVE_INFO = (("uint8", "error"), ("uint128", "newSpotPrice"), ("uint128", "newDelta"), ("uint256", "value"),
               ("uint256", "tradeFee"), ("uint256", "protocolFee"))
_QUOTE_HEAD = (("uint8", "error"), ("uint256", "value"), ("uint256", "tradeFee"), ("uint256", "protocolFee"),
               ("uint256", "numItems"))
_CURVE_PARAMS = {
    "linear": (("spot_price", "delta", "fee", "protocol_fee"), ("newSpotPrice", "newDelta")),
    "exponential": (("spot_price", "delta", "fee", "protocol_fee"), ("newSpotPrice", "newDelta")),
    "xyk": (("token_reserve", "nft_reserve", "fee", "protocol_fee"), ("newTokenReserve", "newNftReserve")),
    "gda": (("spot_price", "alpha", "decay", "t0", "now", "fee", "protocol_fee"), ("newSpotPrice", "newT0")),
    "weighted_xyk": (("base_reserve", "nft_reserve", "fee_rate_bps", "protocol_fee_rate_bps"),
                     ("newBaseReserve", "newNftReserve")),
}

#: The curve attributes that a trade changes, reported after the quote.
_NEXT_STATE = {"linear": ("spot_price", "delta"), "exponential": ("spot_price", "delta"),
               "xyk": ("token_reserve", "nft_reserve"), "gda": ("spot_price", "t0"),
               "weighted_xyk": ("base_reserve", "nft_reserve")}
_CLASS_NAMES = {"linear": "Linear", "exponential": "Exponential", "xyk": "XYK", "gda": "GDA",
                "weighted_xyk": "WeightedXYK"}
_STRESSED_HEAD = (("uint8", "error"), ("uint256", "value"), ("uint256", "curveValue"), ("uint256", "spread"),
                  ("uint256", "halfSpread"), ("uint256", "tradeFee"), ("uint256", "protocolFee"),
                  ("uint256", "numItems"))
_SPREAD_MODEL = ("base_bps", "slope_bps", "exponent", "cap_bps")
_CAP_WORDS = ("block_items_calm", "block_items_severe", "block_notional_calm", "block_notional_severe",
              "window_items_calm", "window_items_severe", "window_notional_calm", "window_notional_severe",
              "window_blocks", "exponent")
_CAP_KEYS = ("block_items", "block_notional", "window_items", "window_notional")


def _sudoswap(side: str) -> FfiFunction:
    def run(curve: str, spot: int, delta: int, n: int, fee: int, protocol_fee: int, timestamp: int | None = None):
        from . import sudoswap

        if curve not in sudoswap.CURVES:
            raise MalformedArguments(f"curve must be one of {', '.join(sudoswap.CURVES)}, got {curve!r}")
        quote = sudoswap.get_buy_info if side == "buy" else sudoswap.get_sell_info
        return quote(curve, spot, delta, n, fee, protocol_fee, timestamp=timestamp)

    name = "get_buy_info" if side == "buy" else "get_sell_info"
    return FfiFunction(
        f"sudoswap.{name}",
        ("curve", "spot_price", "delta", "num_items", "fee_multiplier", "protocol_fee_multiplier", "[timestamp]"),
        _CURVE_INFO, run,
        f"sudoswap v2 ICurve.{'getBuyInfo' if side == 'buy' else 'getSellInfo'}; curve is linear, exponential, "
        "xyk or gda; timestamp (block.timestamp) is required for gda.  The tuple is ICurve's "
        "(CurveErrorCodes.Error as uint8).")


def _exact(curve: str, side: str) -> FfiFunction:
    params, next_names = _CURVE_PARAMS[curve]
    next_types = ("uint128", "uint256") if curve == "gda" else ("uint128", "uint128")

    def run(*args: int):
        from . import exact

        c = getattr(exact, _CLASS_NAMES[curve])(*args[:-1])
        q = c.buy(args[-1]) if side == "buy" else c.sell(args[-1])
        if not q.ok:
            return (int(q.error), 0, 0, 0, 0, 0, 0)
        state = (getattr(q.next, attr) for attr in _NEXT_STATE[curve])
        return (int(q.error), q.value, q.trade_fee, q.protocol_fee, q.items, *state)

    n = "weight_sum" if curve == "weighted_xyk" else "n"
    return FfiFunction(
        f"exact.{curve}.{side}", (*params, n), (*_QUOTE_HEAD, *zip(next_types, next_names)), run,
        f"cushion.exact.{_CLASS_NAMES[curve]}(...).{side}({n}): the quote and the curve's state after the trade "
        "(all zeros but error when error != 0).")


def _stressed(curve: str, side: str) -> FfiFunction:
    params, next_names = _CURVE_PARAMS[curve]
    next_types = ("uint128", "uint256") if curve == "gda" else ("uint128", "uint128")
    count = len(params)

    def run(*args: int):
        from . import exact

        c = getattr(exact, _CLASS_NAMES[curve])(*args[:count])
        spread = exact.HalfSpread(*args[count:count + 4])
        stressed = getattr(exact, "Stressed" + _CLASS_NAMES[curve])(c, spread, args[count + 4])
        q = stressed.buy(args[-1]) if side == "buy" else stressed.sell(args[-1])
        if not q.ok:
            return (int(q.error), 0, 0, 0, q.half_spread, 0, 0, 0, 0, 0)
        state = (getattr(q.next.curve, attr) for attr in _NEXT_STATE[curve])
        return (int(q.error), q.value, q.curve_value, q.spread, q.half_spread, q.trade_fee, q.protocol_fee, q.items,
                *state)

    n = "weight_sum" if curve == "weighted_xyk" else "n"
    return FfiFunction(
        f"exact.stressed_{curve}.{side}", (*params, *_SPREAD_MODEL, "stress", n),
        (*_STRESSED_HEAD, *zip(next_types, next_names)), run,
        f"cushion.exact.Stressed{_CLASS_NAMES[curve]}({_CLASS_NAMES[curve]}(...), HalfSpread(base, slope, "
        f"exponent, cap), stress).{side}({n}): the quote widened by the half-spread (buy rounded up, sell down), "
        "the unwidened curve value, the spread taken, h in bps, and the curve's state after the trade (all zeros "
        "but error and halfSpread when error != 0).")


def _half_spread(name: str, params: Sequence[str], doc: str) -> FfiFunction:
    def run(*args: int):
        from . import exact

        if name.startswith("widen_"):  # (value, half_spread) under any model
            return (getattr(exact.HalfSpread(), name)(*args),)
        return (getattr(exact.HalfSpread(*args[:4]), name)(*args[4:]),)

    return FfiFunction(f"exact.half_spread.{name}", params, (("uint256", "result"),), run, doc)


def _cap_at(*args: int):
    from . import exact

    ranges = {key: (args[2 * i], args[2 * i + 1]) for i, key in enumerate(_CAP_KEYS)}
    limits = exact.AbsorptionCap(**ranges, window_blocks=args[8], exponent=args[9]).at(args[10])
    return tuple(limits[key] for key in _CAP_KEYS)


def _caviar(name: str, params: Sequence[str], returns: Sequence[tuple[str, str]], doc: str) -> FfiFunction:
    def run(*args: int):
        from . import caviar

        if name == "change_fee_quote":  # the protocol fee rate is keyword-only in the Python API
            *head, protocol_fee_rate_bps = args
            return tuple(caviar.change_fee_quote(*head, protocol_fee_rate_bps=protocol_fee_rate_bps))
        return tuple(getattr(caviar, name)(*args))

    return FfiFunction(f"caviar.{name}", params, returns, run, doc)


def _scalar(name: str, params: Sequence[str], fn_path: str, doc: str) -> FfiFunction:
    def run(*args: int):
        import importlib

        module_name, _, attr = fn_path.rpartition(".")
        module = importlib.import_module(f"cushion.{module_name}")
        extra = ("up",) if name == "num.mul_div_up" else ()
        return (getattr(module, attr)(*args, *extra),)

    return FfiFunction(name, params, (("uint256", "result"),), run, doc)


def _build() -> dict[str, FfiFunction]:
    functions = [_sudoswap("buy"), _sudoswap("sell")]
    functions.append(FfiFunction(
        "sudoswap.pack_gda_delta", ("alpha", "decay", "t0"), (("uint128", "delta"),),
        lambda a, d, t0: (__import__("cushion.sudoswap", fromlist=["x"]).pack_gda_delta(a, d, t0),),
        "GDA delta from 9-decimal alpha and lambda (uint40 each) and t0 (uint48)."))
    functions.append(FfiFunction(
        "sudoswap.unpack_gda_delta", ("delta",), (("uint256", "alpha"), ("uint256", "lambda"), ("uint256", "t0")),
        lambda d: __import__("cushion.sudoswap", fromlist=["x"]).unpack_gda_delta(d),
        "alpha and lambda as UD60x18 (scaled by 1e9) and t0, from a GDA delta."))
    pool = ("virtual_base_reserves", "virtual_nft_reserves", "weight_sum", "fee_rate_bps", "protocol_fee_rate_bps")
    functions.append(_caviar("buy_quote", pool, (("uint256", "netInputAmount"), ("uint256", "feeAmount"),
                                                 ("uint256", "protocolFeeAmount")),
                             "Caviar PrivatePool.buyQuote for NFTs of total weight weight_sum (1e18 = a floor NFT)."))
    functions.append(_caviar("sell_quote", pool, (("uint256", "netOutputAmount"), ("uint256", "feeAmount"),
                                                  ("uint256", "protocolFeeAmount")),
                             "Caviar PrivatePool.sellQuote."))
    functions.append(_caviar("change_fee_quote",
                             ("weight_sum_in", "change_fee", "base_token_decimals", "protocol_fee_rate_bps"),
                             (("uint256", "feeAmount"), ("uint256", "protocolFeeAmount")),
                             "Caviar PrivatePool.changeFeeQuote (change_fee with 4 decimals)."))
    for curve in _CURVE_PARAMS:
        functions += [_exact(curve, "buy"), _exact(curve, "sell")]
    for curve in _CURVE_PARAMS:
        functions += [_stressed(curve, "buy"), _stressed(curve, "sell")]
    functions += [
        _half_spread("at", (*_SPREAD_MODEL, "stress"),
                     "h(stress) = min(cap, base + ceil(slope s^p / 1e18)) in bps, s^p rounded up step by step."),
        _half_spread("ask", (*_SPREAD_MODEL, "mid", "stress"), "ceil(mid (10000 + h) / 10000)."),
        _half_spread("bid", (*_SPREAD_MODEL, "mid", "stress"), "floor(mid (10000 - h) / 10000)."),
        _half_spread("widen_buy", ("value", "half_spread"), "ceil(value (10000 + half_spread) / 10000)."),
        _half_spread("widen_sell", ("value", "half_spread"), "floor(value (10000 - half_spread) / 10000)."),
        FfiFunction("exact.absorption_cap.at", (*_CAP_WORDS, "stress"),
                    tuple(("uint256", key) for key in ("blockItems", "blockNotional", "windowItems",
                                                        "windowNotional")), _cap_at,
                    "cushion.exact.AbsorptionCap(...).at(stress): each limit calm - ceil((calm - severe) s^q / 1e18); "
                    "a (2**256 - 1, 2**256 - 1) pair is unlimited and reads 2**256 - 1."),
    ]
    abd = ("a", "b", "denominator")
    functions += [
        _scalar("num.mul_div", abd, "num.mul_div", "FullMath.mulDiv: floor(a b / d), 512-bit."),
        _scalar("num.mul_div_up", abd, "num.mul_div", "FullMath.mulDivRoundingUp: ceil(a b / d), 512-bit."),
        _scalar("num.mulmod", abd, "num.mulmod", "The MULMOD opcode (0 when d == 0)."),
    ]
    xy, xyd = ("x", "y"), ("x", "y", "denominator")
    for fn, params in (("mul_div_down", xyd), ("mul_div_up", xyd), ("mul_wad_down", xy), ("mul_wad_up", xy),
                       ("div_wad_down", xy), ("div_wad_up", xy), ("rpow", ("x", "n", "scalar"))):
        functions.append(_scalar(f"num.solmate.{fn}", params, f"num.solmate.{fn}", f"solmate FixedPointMathLib {fn}."))
    for fn, params in (("mul", xy), ("div", xy), ("mul_div", xyd), ("mul_div18", xy), ("powu", xy), ("log2", ("x",)),
                       ("exp2", ("x",)), ("pow", xy)):
        functions.append(_scalar(f"num.prbmath.{fn}", params, f"num.prbmath.{fn}", f"PRBMath v3.3.2 UD60x18 {fn}."))
    return {f.name: f for f in functions}


#: Every ffi function by name.
FUNCTIONS: dict[str, FfiFunction] = _build()


# ---------------------------------------------------------------------------------------------
# Calling
# ---------------------------------------------------------------------------------------------


def call(name: str, args: Sequence[str]) -> str:
    """Runs one ffi function on command-line arguments (strings) and returns the hex output.

    Raises MalformedArguments for a call that is not well formed (including values cushion
    rejects with ValueError / TypeError / OverflowError, e.g. a spot price >= 2**128)."""
    from ._errors import Revert

    if not isinstance(name, str):
        raise TypeError(f"name must be a str (an ffi function's name), not {type(name).__name__}")
    if not all(isinstance(a, str) for a in _sequence(args, "args", "str (the command-line arguments)")):
        raise TypeError("args must be a list or tuple of str (the command-line arguments)")
    fn = FUNCTIONS.get(name)
    if fn is None:
        raise MalformedArguments(f"unknown function name {name!r} (python -m cushion.ffi list)")
    required = [p for p in fn.params if not p.startswith("[")]
    if not len(required) <= len(args) <= len(fn.params):
        expected = str(len(required)) if len(required) == len(fn.params) else f"{len(required)}-{len(fn.params)}"
        raise MalformedArguments(f"{name} takes {expected} arguments ({' '.join(fn.params)}), got {len(args)}")
    values: list[object] = []
    for param, text in zip(fn.params, args):
        values.append(text if param == "curve" else _parse_uint(text, param.strip("[]")))
    try:
        result = fn.run(*values)
    except Revert:
        return encode(False, fn.returns, [0] * len(fn.returns))
    except (ValueError, TypeError, OverflowError) as e:
        if isinstance(e, MalformedArguments):
            raise
        if type(e) is ValueError and any(message in str(e) for message in REFERENCE_REJECTIONS):
            return encode(False, fn.returns, [0] * len(fn.returns))  # the reference reverts (custom error)
        raise MalformedArguments(f"{name}: {e}") from None
    return encode(True, fn.returns, result)


def _listing() -> str:
    return "\n\n".join(f.usage() for f in FUNCTIONS.values())


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        sys.stdout.write(__doc__.strip() + "\n\nFunctions:\n\n" + _listing() + "\n")
        return 0
    if argv[0] == "list":
        sys.stdout.write(_listing() + "\n")
        return 0
    try:
        out = call(argv[0], argv[1:])
    except MalformedArguments as e:
        sys.stderr.write(f"cushion.ffi: {e}\n")
        return 2
    sys.stdout.write(out)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
