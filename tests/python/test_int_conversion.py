"""Python int <-> uint256 conversion: the digit-level fast path against the general one.

On CPython 3.11 a plain int is read and written through its 30-bit digits
(cpp/bindings/pylong.hpp); int subclasses (IntEnum, user classes) and other layouts take
the general path (PyLong_AsLongLongAndOverflow / _PyLong_AsByteArray).  Both must agree on
every value, in particular at the digit and limb boundaries, and reject the same inputs
with the same errors naming the argument (and the element, in a batch).
"""

from __future__ import annotations

import enum
import random

import pytest

from cushion import batch, num
from conftest import EDGES, MAX256

#: Digit (30-bit) and limb (64-bit) boundaries, each +-1, and the conftest edges.
BOUNDARIES = sorted(
    {v + d for b in (30, 60, 64, 90, 120, 128, 150, 180, 192, 210, 240, 255) for d in (-1, 0, 1) for v in (2**b,)}
    | set(EDGES)
    | {0, 1, 256, 257, MAX256}
)
RNG = random.Random(20251122)
#: Random values of every bit length 1..256 (one per length) with random digits.
RANDOM = [RNG.getrandbits(bits) | (1 << (bits - 1)) for bits in range(1, 257)]
VALUES = [v for v in BOUNDARIES if 0 <= v <= MAX256] + RANDOM


class SubInt(int):
    """An int subclass: not PyLong_CheckExact, so it takes the general conversion."""


class Big(enum.IntEnum):
    ZERO = 0
    WORD = 2**64
    TOP = MAX256


def identity(x):
    """x through to_uint256 and from_uint256 (x * 1 / 1 on the 512-bit product)."""
    return num.mul_div(x, 1, 1)


@pytest.mark.parametrize("make", [int, SubInt], ids=["int", "subclass"])
def test_scalar_round_trip(make):
    for v in VALUES:
        got = identity(make(v))
        assert got == v and type(got) is int, hex(v)


def test_int_enum_and_huge_scalars():
    for member in Big:
        assert identity(member) == member.value
    assert identity(SubInt(0)) == 0
    for bad in (MAX256 + 1, 2**270 - 1, 2**270, 2**300, 2**100_000, SubInt(2**256)):
        with pytest.raises(OverflowError, match=r"^a must be < 2\*\*256"):
            identity(bad)
    for bad in (-1, -(2**30), -(2**64), -(2**256), -(2**100_000), SubInt(-1)):
        with pytest.raises(OverflowError, match=r"^a must be >= 0"):
            identity(bad)
    for bad in (True, False, None, 1.0):
        with pytest.raises(TypeError, match=r"^a must be an int"):
            identity(bad)


def xyk_sell(n):
    """A batch that reads every n and writes n-dependent ints (next nft_reserve = 5 + n)."""
    return batch.sell_exact("xyk", token_reserve=10**20, nft_reserve=5, n=n)


def columns(q):
    return (q.value, q.trade_fee, q.protocol_fee, q.items, list(q.error), q.next["token_reserve"],
            q.next["nft_reserve"], [None if r is None else (r.kind, r.reason) for r in q.reverts])


def test_batch_fast_path_equals_general_path():
    fast = xyk_sell(VALUES)
    general = xyk_sell([SubInt(v) for v in VALUES])
    assert columns(fast) == columns(general)
    # Where the trade succeeds the next NFT reserve is 5 + n: an int built digit by digit.
    for v, nft, err in zip(VALUES, fast.next["nft_reserve"], fast.error):
        assert type(nft) is int
        if err == 0:
            assert nft == 5 + v
    assert any(r is not None for r in fast.reverts)  # past 2**256 - 5 the state update reverts


def test_batch_echoes_state_at_every_size():
    # n = 0 fails (INVALID_NUMITEMS): next is the unchanged spot price, read and written back.
    spots = [v for v in VALUES if v < 2**128]
    q = batch.buy_exact("exponential", spot_price=spots, delta=10**18, n=0)
    assert q.next["spot_price"] == spots
    assert batch.buy_exact("exponential", spot_price=[Big.WORD], delta=10**18, n=0).next["spot_price"] == [2**64]


@pytest.mark.parametrize(
    "bad, error, message",
    [
        (MAX256 + 1, OverflowError, r"^n\[2\] must be < 2\*\*256"),
        (2**270, OverflowError, r"^n\[2\] must be < 2\*\*256"),
        (2**100_000, OverflowError, r"^n\[2\] must be < 2\*\*256"),
        (-1, OverflowError, r"^n\[2\] must be >= 0"),
        (-(2**64), OverflowError, r"^n\[2\] must be >= 0"),
        (-(2**300), OverflowError, r"^n\[2\] must be >= 0"),
        (True, TypeError, r"^n\[2\] must be an int, not bool"),
        (None, TypeError, r"^n\[2\] must be an int, not None"),
        (1.0, TypeError, r"^n\[2\] must be an int, not float"),
        (SubInt(2**256), OverflowError, r"^n\[2\] must be < 2\*\*256"),
    ],
    ids=["2**256", "2**270", "2**100000", "-1", "-2**64", "-2**300", "True", "None", "float", "subclass 2**256"],
)
def test_batch_rejects_element_naming_it(bad, error, message):
    # Deep in a chunk (index 300) as well as in the first one.
    with pytest.raises(error, match=message):
        xyk_sell([1, 2, bad, 3])
    with pytest.raises(error, match=message.replace("2", "300", 1)):
        xyk_sell([1] * 300 + [bad] + [1] * 10)
