"""The liquidity buffer: its books balance exactly after any sequence of operations, no
balance goes negative, refused operations change nothing, and inflows follow volatility."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cushion.risk import BucketConfig, InsufficientReserve, LiquidityBuffer
from cushion.risk.buffer import WEI

BUCKETS = ("blue_chip", "mid", "long_tail")

amounts = st.one_of(st.floats(0, 1e4, allow_nan=False), st.sampled_from([0.0, 1e-18, 0.1, 1.0, 1e6]))
bucket = st.sampled_from(BUCKETS)
operation = st.one_of(
    st.tuples(st.just("deposit"), bucket, amounts),
    st.tuples(st.just("withdraw"), bucket, amounts),
    st.tuples(st.just("deploy"), bucket, amounts, st.sampled_from(["support", "inventory"]), st.booleans()),
    st.tuples(st.just("add"), st.integers(0, 50), amounts),
    st.tuples(st.just("settle"), st.integers(0, 50), amounts, st.floats(0.01, 1.0)),
    st.tuples(st.just("inflow"), amounts, st.floats(0, 3), st.floats(0, 3), st.floats(0, 3)),
)


def snapshot(buf: LiquidityBuffer) -> tuple:
    return (dict(buf._balance), dict(buf._deployed), buf.deposits_wei, buf.withdrawals_wei, buf.realised_pnl_wei,
            {k: (p.cost_wei, p.items) for k, p in buf.positions.items()})


@given(st.lists(operation, max_size=40))
def test_books_always_balance(ops):
    buf = LiquidityBuffer({"mid": BucketConfig(reserve_ratio=0.1, min_balance_fraction=0.2)})
    # An independent ledger: what went in and out, in wei, from the operations' own results.
    cash_in = cash_out = pnl = 0
    for op in ops:
        before = snapshot(buf)
        try:
            if op[0] == "deposit":
                buf.deposit(op[1], op[2])
                cash_in += round(op[2] * WEI)
            elif op[0] == "withdraw":
                buf.withdraw(op[1], op[2])
                cash_out += round(op[2] * WEI)
            elif op[0] == "deploy":
                buf.deploy(op[1], op[2], op[3], ref=0, items=1.0, respect_floor=op[4])
            elif op[0] == "add":
                ids = sorted(buf.positions)
                if ids:
                    buf.add_to_position(ids[op[1] % len(ids)], op[2])
            elif op[0] == "settle":
                ids = sorted(buf.positions)
                if ids:
                    pid = ids[op[1] % len(ids)]
                    cost_before = buf.positions[pid].cost_wei
                    buf.settle(pid, op[2], fraction=op[3])
                    cost_after = buf.positions[pid].cost_wei if pid in buf.positions else 0
                    pnl += round(op[2] * WEI) - (cost_before - cost_after)
            else:
                logged = len(buf.journal)
                buf.route_inflow(op[1], dict(zip(BUCKETS, op[2:])))
                cash_in += round(op[1] * WEI)
                # The split is exact in wei: the buckets' shares add up to the inflow.
                assert sum(e.amount_wei for e in buf.journal[logged:]) == round(op[1] * WEI)
        except InsufficientReserve:
            assert snapshot(buf) == before  # a refused operation changes nothing
        assert buf.books_balance()
        assert all(buf.balance_wei(b) >= 0 and buf.deployed_wei(b) >= 0 for b in BUCKETS)
        assert all(buf.available(b) >= 0 for b in BUCKETS)
        lhs = buf.deposits_wei - buf.withdrawals_wei + buf.realised_pnl_wei
        assert lhs == sum(buf.balance_wei(b) + buf.deployed_wei(b) for b in BUCKETS)
    assert buf.deposits_wei == cash_in
    assert buf.withdrawals_wei == cash_out
    assert buf.realised_pnl_wei == pnl


def test_settle_books_profit_and_loss_exactly():
    buf = LiquidityBuffer()
    buf.deposit("mid", 100.0)
    pid = buf.deploy("mid", 30.0, "inventory", ref=2, items=3.0)
    assert buf.balance("mid") == 70.0 and buf.deployed("mid") == 30.0
    assert buf.settle(pid, 12.0, fraction=1 / 3) == pytest.approx(2.0)  # a third of the cost is 10
    assert buf.positions[pid].cost_wei == 20 * WEI and buf.positions[pid].items == pytest.approx(2.0)
    assert buf.settle(pid, 15.0) == pytest.approx(-5.0)
    assert pid not in buf.positions
    assert buf.balance("mid") == pytest.approx(97.0) and buf.deployed("mid") == 0.0
    assert buf.realised_pnl == pytest.approx(-3.0)
    assert buf.books_balance()
    kinds = [e.op for e in buf.journal]
    assert kinds == ["deposit", "deploy:inventory", "settle:inventory", "settle:inventory"]


def test_floor_and_capacity():
    buf = LiquidityBuffer({"blue_chip": BucketConfig(0.08, cushion_share=0.5, support_share=0.25,
                                                     min_balance_fraction=0.1)})
    buf.deposit("blue_chip", 100.0)
    assert buf.available("blue_chip") == pytest.approx(90.0)
    assert buf.capacity("blue_chip", "support") == pytest.approx(25.0)
    assert buf.capacity("blue_chip", "inventory") == pytest.approx(50.0)
    buf.deploy("blue_chip", 20.0, "support", ref=1)
    assert buf.capacity("blue_chip", "support") == pytest.approx(5.0)
    with pytest.raises(InsufficientReserve):
        buf.deploy("blue_chip", 85.0, "inventory", ref=0)  # above the floor
    buf.deploy("blue_chip", 80.0, "inventory", ref=0, respect_floor=False)
    with pytest.raises(InsufficientReserve):
        buf.deploy("blue_chip", 0.5, "inventory", ref=0, respect_floor=False)  # never below zero
    assert buf.balance("blue_chip") == 0.0 and buf.books_balance()


def test_inflows_follow_volatility():
    buf = LiquidityBuffer()
    calm = buf.route_inflow(10.0, {"blue_chip": 0.01, "mid": 0.01, "long_tail": 0.01}, threshold=0.05)
    ratios = {b: buf.configs[b].reserve_ratio for b in BUCKETS}
    total = sum(ratios.values())
    for b in BUCKETS:
        assert calm[b] == pytest.approx(10.0 * ratios[b] / total, abs=1e-12)
    hot = copy.deepcopy(buf).route_inflow(10.0, {"blue_chip": 0.01, "mid": 0.20, "long_tail": 0.01}, threshold=0.05)
    assert hot["mid"] > calm["mid"] and hot["blue_chip"] < calm["blue_chip"]
    assert sum(hot.values()) == pytest.approx(10.0)


@pytest.mark.parametrize("bad", [-1.0, float("nan"), float("inf")])
def test_bad_amounts_raise(bad):
    buf = LiquidityBuffer()
    with pytest.raises(ValueError, match="amount"):
        buf.deposit("mid", bad)
    with pytest.raises(TypeError, match="amount"):
        buf.deposit("mid", "1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="bucket"):
        buf.deposit("blue-chip", 1.0)
    with pytest.raises(KeyError, match="position"):
        buf.settle(7, 1.0)
    assert buf.books_balance() and buf.deposits_wei == 0
