"""The absorption caps' ledger and the capped fill, as stateful scenarios: the same steps on
contracts/absorb/ (AbsorbHarness, a pool's ledger, spread and curve in storage) and on
cushion.exact.AbsorptionLedger / Stressed*.absorb, compared after every step, bit for bit.

A scenario sets the caps (a fresh ledger) and the pool (curve kind, curve, half-spread model),
then advances, records, asks for headroom and usage, and sells orders into the cushion at
random blocks and stress levels: blocks repeat, step by one, jump past the window, go backwards
(refused: BlockInPast); caps bind on items, notional, per block and per window; orders exceed the
curve's price floor or revert in it; unlimited caps let the checked sums overflow.  Every step is
its own CALL on the EVM, so a step that reverts must leave both sides exactly as they were
(the following steps would see any difference)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cushion import exact
import harness
from cases import (MAX256, WAD, absorption_cap, exponential_case, gda_exact_case, half_spread_model, linear_case, rng,
                   st_stress, stress, uint, xyk_case)
from harness import Rejected, default_cases, outcome_of, rejecting
from test_evm_caviar import pool_state_case

SET_CAP, SET_POOL, ADVANCE, RECORD, HEADROOM, ABSORB, USAGE = range(7)
OP_NAMES = ("new_ledger", "set_pool", "advance_to", "record", "headroom", "absorb", "usage")
ARGS = 12  # words per step after the op (AbsorbHarness.step(uint256, uint256[12]))

# kind: (name, cushion curve, its Stressed class, the two state words after a fill)
KINDS = {
    0: ("linear", exact.Linear, exact.StressedLinear, lambda c: (c.spot_price, c.delta)),
    1: ("exponential", exact.Exponential, exact.StressedExponential, lambda c: (c.spot_price, c.delta)),
    2: ("xyk", exact.XYK, exact.StressedXYK, lambda c: (c.token_reserve, c.nft_reserve)),
    3: ("gda", exact.GDA, exact.StressedGDA, lambda c: (c.spot_price, c.t0)),
    4: ("weighted_xyk", exact.WeightedXYK, exact.StressedWeightedXYK, lambda c: (c.base_reserve, c.nft_reserve)),
}
CAP_KEYS = ("block_items", "block_notional", "window_items", "window_notional")


class CushionPool:
    """The harness's steps on cushion.exact objects.  A step that raises changes nothing (every
    new value is computed before it is kept), as a reverted CALL changes nothing on chain."""

    def __init__(self) -> None:
        self.ledger = exact.AbsorptionLedger()
        self.kind = 0
        self.curve = None
        self.spread = None

    def step(self, op: int, *a: int) -> tuple[int, ...]:
        out = [0] * 12
        if op == SET_CAP:
            ranges = {key: (a[2 * i], a[2 * i + 1]) for i, key in enumerate(CAP_KEYS)}
            self.ledger = exact.AbsorptionLedger(exact.AbsorptionCap(**ranges, window_blocks=a[8], exponent=a[9]))
        elif op == SET_POOL:
            spread = exact.HalfSpread(*a[8:12])
            name, cls, _, _ = KINDS[a[0]]
            words = a[1:8] if name == "gda" else a[1:5]
            self.curve, self.spread, self.kind = cls(*words), spread, a[0]
        elif op == ADVANCE:
            self.ledger.advance_to(a[0])
        elif op == RECORD:
            self.ledger.record(a[0], a[1], a[2])
        elif op == HEADROOM:
            h = self.ledger.headroom(a[0], a[1])
            out[:8] = (h.items, h.notional, int(h.items_limit), int(h.notional_limit),
                       *(h.caps[key] for key in CAP_KEYS))
        elif op == ABSORB:
            _, _, stressed_cls, state = KINDS[self.kind]
            r = stressed_cls(self.curve, self.spread, a[1]).absorb(self.ledger, a[2], a[0])
            assert r.next.stress == a[1] and r.filled + r.remainder == r.ordered
            self.curve = r.next.curve
            out[:12] = (r.ordered, r.filled, r.remainder, r.proceeds, r.spread, r.trade_fee, r.protocol_fee,
                        r.half_spread, int(r.limited_by), int(r.curve_error), *state(self.curve))
        elif op == USAGE:
            out[:4] = (*self.ledger.block_usage, *self.ledger.usage_at(a[0]))
        else:
            raise AssertionError(f"unknown op {op}")
        window = self.ledger.window_usage
        return (*out, int(self.ledger.started), self.ledger.block, *window)


def label(step: tuple[int, ...], kind: int) -> str:
    op = step[0]
    if op == ABSORB:
        return f"exact.stressed_{KINDS[kind][0]}.absorb"
    if op == SET_POOL:
        return "exact.cushion_pool.set"
    return f"exact.ledger.{OP_NAMES[op]}"


def fill_detail(outcome: harness.Outcome) -> str:
    ordered, filled = outcome[1][0], outcome[1][1]
    return "nothing ordered" if ordered == 0 else "filled" if filled == ordered else "cut" if filled else "refused"


def run_scenario(chain, steps: list[tuple[int, ...]]) -> None:
    """Runs the steps on both sides and asserts that every step has the same outcome; the first
    difference is reported with the steps before it."""
    evm = chain.run("AbsorbHarness", "step", steps, mutating=True)
    # The harness keeps its state across tests; a scenario starts from its own fresh ledger.
    assert steps[0][0] == SET_CAP and evm[0][0] == "ok", "a scenario must start with valid caps"
    pool = CushionPool()
    step_fn = rejecting(pool.step)
    labels, ours = [], []
    for step in steps:
        labels.append(label(step, pool.kind))  # an absorb quotes the pool's curve before the step
        ours.append(outcome_of(step_fn, *step))
    for i, (e, o) in enumerate(zip(evm, ours)):
        same = (e[0] == o[0] == "ok" and tuple(e[1]) == tuple(o[1])) or (
            e[0] == o[0] == "revert" and harness.reverts_agree(e[1], o[1]))
        if not same:
            context = "\n".join(f"    {j}: {OP_NAMES[s[0]]} {s[1:]}" for j, s in enumerate(steps[max(0, i - 8):i + 1],
                                                                                     start=max(0, i - 8)))
            raise AssertionError(f"step {i} ({OP_NAMES[steps[i][0]]}) differs\n  EVM     {e}\n  cushion {o!r}\n"
                                 f"  steps up to it:\n{context}")
    by_label: dict[str, list[int]] = {}
    for i, name in enumerate(labels):
        by_label.setdefault(name, []).append(i)
    for name, idx in by_label.items():
        harness.assert_parity(name, [steps[i] for i in idx], [evm[i] for i in idx], [ours[i] for i in idx],
                              detail=fill_detail if name.endswith(".absorb") else None)


# --- Random scenarios -------------------------------------------------------------------------


def healthy_curve(r: random.Random, kind: int) -> tuple[int, ...]:
    """Curve words of a pool that trades: realistic prices, small fees."""
    fee = r.choice([0, 5 * 10**15, r.randint(0, 10**16)])
    if kind == 0:
        return r.randint(10**17, 50 * WAD), r.randint(10**15, WAD), fee, 0
    if kind == 1:
        return r.randint(10**17, 50 * WAD), r.randint(1001 * 10**15, 13 * 10**17), fee, 0
    if kind == 2:
        return r.randint(WAD, 500 * WAD), r.randint(20, 500), fee, 0
    if kind == 3:
        t0 = r.randint(1_600_000_000, 1_700_000_000)
        return (r.randint(10**17, 10 * WAD), r.randint(105 * 10**16, 2 * WAD), r.randint(0, 10**16), t0,
                t0 + r.randint(0, 10**5), fee, 0)
    return r.randint(WAD, 500 * WAD), r.randint(5, 60) * WAD, r.choice([0, 200, r.randint(0, 5000)]), 0


def any_curve(r: random.Random, kind: int) -> tuple[int, ...]:
    """Curve words from the curve tests' generators: errors, price floors and reverts included."""
    if kind == 3:
        spot, alpha, decay, t0, now, _, fee, pfee = gda_exact_case(r)
        return spot, alpha, decay, t0, now, fee, pfee
    case = {0: linear_case, 1: exponential_case, 2: xyk_case, 4: pool_state_case}[kind](r)
    return case[0], case[1], case[3], case[4]


def padded(op: int, *words: int) -> tuple[int, ...]:
    return (op, *words, *([0] * (ARGS - len(words))))


class ScenarioMaker:
    """Draws the steps of one scenario for a curve kind."""

    def __init__(self, r: random.Random, kind: int) -> None:
        self.r = r
        self.kind = kind
        self.block = r.choice([0, 1, r.randint(0, 10**6), 2**64 - 10**4])
        self.window = 1
        self.unit = WAD if kind == 4 else 1  # the weighted XYK counts items in weight units

    def cap(self, invalid: float) -> tuple[int, ...]:
        r = self.r
        items = r.choice([3, 10, 40, 1000]) * self.unit
        notional = r.choice([WAD, 10 * WAD, 60 * WAD, 10**6, MAX256 // 2])
        words = absorption_cap(r, items, notional, invalid)
        self.window = words[8] if 1 <= words[8] <= 10**6 else self.window
        return padded(SET_CAP, *words)

    def pool(self, invalid: float) -> tuple[int, ...]:
        r = self.r
        curve = healthy_curve(r, self.kind) if r.random() < 0.6 else any_curve(r, self.kind)
        return padded(SET_POOL, self.kind, *curve, *([0] * (7 - len(curve))), *half_spread_model(r, invalid))

    def next_block(self) -> int:
        r = self.r
        w = self.window
        step = r.choice([0, 0, 1, 1, 2, r.randint(0, 5), w - 1, w, w + 1, r.randint(0, 3 * w)])
        if r.random() < 0.03:
            return max(0, self.block - r.randint(1, 3))  # backwards: BlockInPast once started
        self.block = min(2**64 - 1, self.block + max(0, step))
        return self.block

    def order(self) -> int:
        r = self.r
        roll = r.random()
        if roll < 0.75:
            return r.randint(0, 12) * self.unit + (r.randint(0, self.unit) if r.random() < 0.3 else 0)
        if roll < 0.9:
            return r.randint(0, 200) * self.unit
        return uint(r)

    def amount(self) -> int:
        r = self.r
        return r.choice([0, r.randint(0, 5) * self.unit, r.randint(0, 20 * WAD), MAX256 - r.randint(0, 10), uint(r)])

    def step(self) -> tuple[int, ...]:
        r = self.r
        roll = r.random()
        if roll < 0.45:
            return padded(ABSORB, self.next_block(), stress(r, 0.02), self.order())
        if roll < 0.65:
            return padded(HEADROOM, self.next_block(), stress(r, 0.02))
        if roll < 0.75:
            return padded(RECORD, self.next_block(), self.amount(), self.amount())
        if roll < 0.82:
            return padded(ADVANCE, self.next_block())
        if roll < 0.92:
            return padded(USAGE, max(0, self.block - r.randint(0, 2 * self.window)))
        if roll < 0.96:
            return self.cap(invalid=0.3)
        return self.pool(invalid=0.3)

    def scenario(self, length: int) -> list[tuple[int, ...]]:
        return [self.cap(invalid=0.0), self.pool(invalid=0.0), *(self.step() for _ in range(length))]


@pytest.mark.parametrize("kind", list(KINDS), ids=lambda k: KINDS[k][0])
def test_random_scenarios(chain, kind):
    """default_cases() steps per curve kind, in scenarios of 5..40 steps."""
    r = rng(f"exact.absorb.{KINDS[kind][0]}")
    steps: list[tuple[int, ...]] = []
    while len(steps) < default_cases():
        steps += ScenarioMaker(r, kind).scenario(r.randint(5, 40))
    run_scenario(chain, steps)


@pytest.mark.parametrize("kind", list(KINDS), ids=lambda k: KINDS[k][0])
def test_hypothesis_scenarios(chain, kind):
    """Hypothesis draws the scenario's blocks, stress levels, orders and amounts (shrinking a
    failure to its shortest steps); the caps and the pool come from the seeded generators."""

    @given(seed=st.integers(0, 2**32 - 1), ops=st.lists(st.sampled_from([ABSORB, ABSORB, HEADROOM, RECORD, ADVANCE,
                                                                         USAGE]), min_size=1, max_size=15),
           gaps=st.lists(st.integers(-2, 400), min_size=1, max_size=15),
           stresses=st.lists(st_stress(), min_size=1, max_size=15),
           orders=st.lists(st.one_of(st.integers(0, 50), st.integers(0, 2**256 - 1)), min_size=1, max_size=15))
    def check(seed, ops, gaps, stresses, orders):
        maker = ScenarioMaker(random.Random(seed), kind)
        steps = [maker.cap(invalid=0.0), maker.pool(invalid=0.0)]
        latest = 0
        for i, op in enumerate(ops):
            gap, s, n = gaps[i % len(gaps)], stresses[i % len(stresses)], orders[i % len(orders)]
            if gap >= 0:
                latest += gap
            block = max(0, latest + min(gap, 0))  # a negative gap: a block before the ledger's
            n = n * maker.unit if n <= 50 else n  # whole items (weights), or any uint256
            steps.append({
                ABSORB: padded(ABSORB, block, s, n),
                HEADROOM: padded(HEADROOM, block, s),
                RECORD: padded(RECORD, block, n, n),
                ADVANCE: padded(ADVANCE, block),
                USAGE: padded(USAGE, block),
            }[op])
        run_scenario(chain, steps)

    check()


def test_a_hand_computed_scenario(chain):
    """Caps 5 items / 100e18 notional per block at calm, 2 items at full stress (q = 1), window
    of 3 blocks with 8 items; an exponential curve at spot 1e18, delta 1.1: every number by hand
    from the definitions (cushion/absorb/*.hpp, contracts/absorb/*.sol)."""
    cap = padded(SET_CAP, 5, 2, 100 * WAD, 100 * WAD, 8, 8, MAX256, MAX256, 3, 1)
    pool = padded(SET_POOL, 1, WAD, 11 * 10**17, 0, 0, 0, 0, 0, 30, 470, 1, 500)
    steps = [cap, pool,
             padded(HEADROOM, 10, WAD // 2),   # block cap 5 - ceil(3 * 0.5) = 3; window 8
             padded(ABSORB, 10, WAD // 2, 4),  # 3 items (BLOCK_ITEMS), the rest returned
             padded(ABSORB, 11, 0, 9),         # block 11: 5 items allowed, window 8 - 3 = 5 -> both bind
             padded(HEADROOM, 13, 0),          # block 10 has left the window (11, 12, 13): 8 - 5 = 3
             padded(ABSORB, 9, 0, 1)]          # backwards
    evm = chain.run("AbsorbHarness", "step", steps, mutating=True)
    headroom = evm[2][1]
    # block_items 5 - ceil(3 * 0.5) = 3 binds (flag 1); the block notional (flag 2); caps
    assert headroom[:8] == (3, 100 * WAD, 1, 2, 3, 100 * WAD, 8, MAX256)
    first, second = evm[3][1], evm[4][1]
    assert first[:3] == (4, 3, 1) and first[8] == 1  # filled 3, limited by BLOCK_ITEMS
    # h at s = 0.5: 30 + ceil(470 * 0.5) = 265 bps; the curve's sell of 3 items, widened down.
    inner = exact.Exponential(WAD, 11 * 10**17).sell(3)
    assert first[3] == inner.value * (10_000 - 265) // 10_000 and first[7] == 265
    assert second[:3] == (9, 5, 4) and second[8] == 1 | 4  # BLOCK_ITEMS and WINDOW_ITEMS both bind at 5
    assert evm[5][1][0] == 3 and evm[5][1][13] == 11  # headroom does not move the ledger
    assert evm[6] == ("revert", "custom:BlockInPast")
    run_scenario(chain, steps)


def test_rejected_is_not_swallowed():
    """An unexpected ValueError (an input the generators should never make) must fail the test,
    not pass as a revert."""
    def bad(*_):
        raise ValueError("something else entirely")

    with pytest.raises(ValueError):
        rejecting(bad)()
    assert outcome_of(rejecting(lambda: exact.HalfSpread(cap=10_000)))[1].reason == "HalfSpreadCapTooLarge"
    assert isinstance(outcome_of(rejecting(lambda: exact.HalfSpread().at(WAD + 1)))[1], Rejected)
