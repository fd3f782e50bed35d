"""The two strategies the simulator compares on the same book and the same path.

* :class:`NaiveLiquidation` — the lender marks collateral at the spot floor and, as soon as
  a loan's health factor is below 1, sells all of its collateral straight into the open
  market's thin bids (one walk down the book per collection and step).
* :class:`CushionStack` — the seed's architecture: a multi-source oracle valuing collateral
  at its lower band; a stress index per collection (and its regimes) feeding the
  rebalancer, which sets temporary overcollateralization, reserve posture and kill
  switches; staged liquidation with notices, cure windows and borrower top-ups; buffer
  refinancing at breach 2; and at breach 3 the ramp: partial sales or tranches into the
  AMM cushion under per-block absorption caps (with stress-widened quotes), rescue
  auctions for trait items and for what the cushion cannot take in time, the open market
  only as a last resort; cushion inventory is sold back slowly once the market is calm.

Both share the accounting of :class:`Strategy`: who got what from every sale (lender
first, then the buffer's junior claim, then the borrower), bad debt, the buffer, and a
per-step timeline.  Everything per loan is vectorised; the only Python loops run over
collections, over the blocks of a step while a cushion is absorbing, and over the loans
that change state in that step.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

from ..scenarios import BUCKETS, HOUR, Scenario, ScenarioPaths, collection_buckets
from ..risk._stack import LIQUIDATION_BASELINE, Regimes, cushion_pool, plan_tranches, stress_index, unit_bid
from ..risk.buffer import LiquidityBuffer
from ..risk.liquidation import Stage, StagedLiquidation, TopUps
from ..risk.loans import SECONDS_PER_YEAR, LoanBook, LoanStatus
from ..risk.market import ThinBidMarket
from ..risk.oracle import Oracle, OracleReading, SpotOracle
from ..risk.ramp import RefinanceTerms, RescueAuction, partial_sale_items
from ..risk.rebalancer import Rebalancer, RebalancerInputs
from .._validate import check_array, check_bool, check_bool_array, check_index_array, check_instance, check_int, check_real
from .config import SimulationConfig

__all__ = ["CushionStack", "NaiveLiquidation", "Strategy", "TIMELINE_COLUMNS", "STRATEGIES"]

TIMELINE_COLUMNS = (
    "time_h", "fundamental_index", "market_index", "mark_index", "loans_liquidated", "items_liquidated",
    "value_liquidated", "proceeds", "slippage", "bad_debt_realized", "buffer_balance", "buffer_deployed",
    "system_stress", "regime", "oc_addon_mid", "notices", "supported", "in_ramp", "queue_items",
    "inventory_items", "topups",
)
_COL = {name: i for i, name in enumerate(TIMELINE_COLUMNS)}


class Strategy:
    """What both strategies share: the market, the book, the buffer, the accounting.

    Subclasses set ``name`` and ``oracle`` and implement :meth:`act`.
    """

    name = "strategy"

    def __init__(self, scenario: Scenario, paths: ScenarioPaths, book: LoanBook, config: SimulationConfig) -> None:
        check_instance("scenario", scenario, Scenario)
        check_instance("paths", paths, ScenarioPaths)
        check_instance("book", book, LoanBook)
        check_instance("config", config, SimulationConfig)
        if len(book) and int(book.collection.max()) >= len(scenario.collections):
            raise ValueError("book: it refers to collections the scenario does not have")
        self.scenario = scenario
        self.paths = paths
        self.config = config
        self.book = book
        self.market = ThinBidMarket(scenario, paths, config.market)
        self.collection_bucket = collection_buckets(scenario.collections)
        K, L, T = len(scenario.collections), len(book), paths.n_steps + 1
        self.K = K
        self.buffer = LiquidityBuffer(config.buckets)
        debt_by_bucket = np.bincount(book.bucket, weights=book.debt, minlength=3)
        for b, name in enumerate(BUCKETS):
            if debt_by_bucket[b] > 0:
                reserve = self.buffer.required_reserve(name, float(debt_by_bucket[b]))
                self.buffer.deposit(name, config.reserve_scale * reserve)
        self.buffer_start = self.buffer.total_balance
        self.buffer_min = self.buffer_start
        self.deployed_peak = 0.0
        self.topups = TopUps(L, config.behaviour)
        self.items0 = book.items.copy()
        self.full_unwind = np.zeros(L, dtype=bool)
        self.applied = np.zeros(L)
        self.written_off = np.zeros(L)
        self.lender_recovered = np.zeros(L)
        self.totals = {"items": 0.0, "fair": 0.0, "proceeds": 0.0, "bad_debt": 0.0, "buffer_written_off": 0.0,
                       "topups": 0.0, "support": 0.0, "cushion_bought": 0.0, "auction_sold": 0.0,
                       "market_sold": 0.0, "cushion_sold_back": 0.0}
        floor0 = np.array([c.floor0 for c in scenario.collections])
        units = np.bincount(book.collection, weights=book.items * book.trait_weight, minlength=K)
        self.value_weight = units * floor0 / max(float(np.sum(units * floor0)), 1e-300)
        self.timeline = np.full((T, len(TIMELINE_COLUMNS)), np.nan)
        self.oracle: Oracle | SpotOracle

    # --- the engine calls these -------------------------------------------------------------
    def act(self, step: int, time: float, reading: OracleReading) -> None:  # pragma: no cover - abstract
        """One step of the strategy's own logic."""
        raise NotImplementedError

    def _check_step(self, step: int, time: float, reading: OracleReading) -> None:
        """The engine's arguments to act / record: a step of the paths, its time, a reading of
        every collection."""
        check_int("step", step, lo=0, hi=self.paths.n_steps)
        check_real("time", time, lo=0.0)
        self._check_reading(reading)

    def _check_reading(self, reading: OracleReading) -> None:
        check_instance("reading", reading, OracleReading)
        if np.shape(reading.mu) != (self.K,):
            raise ValueError(f"reading has marks of shape {np.shape(reading.mu)}; the scenario has {self.K} "
                             "collections")

    def record(self, step: int, time: float, reading: OracleReading) -> None:
        """Writes the step's row of the timeline."""
        self._check_step(step, time, reading)
        row = self.timeline[step]
        p = self.paths
        floor0 = p.fundamental[0]
        row[_COL["time_h"]] = time / HOUR
        row[_COL["fundamental_index"]] = float(np.dot(self.value_weight, p.fundamental[step] / floor0))
        row[_COL["market_index"]] = float(np.dot(self.value_weight, self.market.floor() / floor0))
        row[_COL["mark_index"]] = float(np.dot(self.value_weight, self.mark(reading) / floor0))
        row[_COL["loans_liquidated"]] = float(self.full_unwind.sum())
        row[_COL["items_liquidated"]] = self.totals["items"]
        row[_COL["value_liquidated"]] = self.totals["fair"]
        row[_COL["proceeds"]] = self.totals["proceeds"]
        row[_COL["slippage"]] = self.totals["fair"] - self.totals["proceeds"]
        row[_COL["bad_debt_realized"]] = self.totals["bad_debt"]
        bal, dep = self.buffer.total_balance, self.buffer.total_deployed
        row[_COL["buffer_balance"]] = bal
        row[_COL["buffer_deployed"]] = dep
        row[_COL["topups"]] = self.totals["topups"]
        self.buffer_min = min(self.buffer_min, bal)
        self.deployed_peak = max(self.deployed_peak, dep)
        self._record_extra(row)

    def _record_extra(self, row: np.ndarray) -> None:
        """Strategy-specific timeline columns."""

    def mark(self, reading: OracleReading) -> np.ndarray:
        """The collateral price the strategy values loans at."""
        self._check_reading(reading)
        return reading.mu

    # --- accounting -------------------------------------------------------------------------
    def credit_sale(self, loans: np.ndarray, proceeds: np.ndarray, fair: np.ndarray, items: np.ndarray,
                    final: np.ndarray | bool) -> None:
        """Books sales of ``items`` of ``loans`` (unique indices) for ``proceeds``.

        Proceeds pay the lender first, then the buffer's junior claim, and the rest goes to
        the borrower.  For ``final`` loans (all collateral gone) what is still owed is
        written off: the lender's remainder is bad debt, the buffer's a write-off.
        """
        book = self.book
        loans = check_index_array("loans", loans, len(book))
        if len(np.unique(loans)) != len(loans):
            raise ValueError("loans must not repeat a loan")
        proceeds = check_array("proceeds", proceeds, shape=loans.shape, lo=0.0)
        fair = check_array("fair", fair, shape=loans.shape, lo=0.0)
        items = check_array("items", items, shape=loans.shape, lo=0.0)
        if np.any(items > book.items[loans] + 1e-9):
            raise ValueError("items must not exceed the items the loans still pledge")
        final = (np.full(loans.shape, check_bool("final", final)) if np.ndim(final) == 0
                 else check_bool_array("final", final, shape=loans.shape))
        self.totals["items"] += float(items.sum())
        self.totals["fair"] += float(fair.sum())
        self.totals["proceeds"] += float(proceeds.sum())
        book.items[loans] -= items
        book.items_sold[loans] += items
        to_lender = np.minimum(proceeds, book.debt[loans])
        book.debt[loans] -= to_lender
        rest = proceeds - to_lender
        to_buffer = np.minimum(rest, book.buffer_claim[loans])
        self._repay_buffer(loans, to_buffer)
        book.buffer_claim[loans] -= to_buffer
        book.surplus_paid[loans] += rest - to_buffer
        self.applied[loans] += to_lender + to_buffer
        self.lender_recovered[loans] += to_lender
        fl = loans[final]
        if fl.size:
            shortfall = book.debt[fl].copy()
            self.written_off[fl] += shortfall
            self.totals["bad_debt"] += float(shortfall.sum())
            book.debt[fl] = 0.0
            self._write_off_buffer(fl)
            book.buffer_claim[fl] = 0.0
            book.status[fl] = LoanStatus.LIQUIDATED

    def _repay_buffer(self, loans: np.ndarray, amounts: np.ndarray) -> None:
        """Repayments of the buffer's claims (strategies with a buffer settle positions)."""

    def _write_off_buffer(self, loans: np.ndarray) -> None:
        """Write-offs of the buffer's claims on loans whose collateral is gone."""

    # --- the end ----------------------------------------------------------------------------
    def metrics(self) -> dict[str, float]:
        """The run's results (see :class:`cushion.ScenarioResult` for definitions)."""
        book = self.book
        p_end = self.market.floor()
        value_end = book.collateral_value(p_end)
        act = book.active
        open_bad = float(np.sum(np.maximum(0.0, book.debt - value_end)[act]))
        held_debts = book.debt + book.buffer_claim + self.applied + self.written_off
        hold_equity = np.maximum(0.0, self.items0 * book.trait_weight * p_end[book.collection] - held_debts)
        actual_equity = book.surplus_paid + np.maximum(0.0, value_end - book.debt - book.buffer_claim)
        borrower_losses = float(np.sum(np.maximum(0.0, hold_equity - actual_equity)))
        total_value_end = float(np.sum(self.items0 * book.trait_weight * p_end[book.collection]))
        preserved = float(np.sum(value_end[act]))
        fair, proceeds = self.totals["fair"], self.totals["proceeds"]
        recovered = float(self.lender_recovered[self.full_unwind].sum())
        due = recovered + float(self.written_off[self.full_unwind].sum())
        buffer_marked = self.buffer.total_balance + self._marked_positions(p_end)
        idx = self.timeline[:, _COL["market_index"]], self.timeline[:, _COL["fundamental_index"]]
        return {
            "loans": float(len(book)),
            "loans_liquidated": float(self.full_unwind.sum()),
            "loans_partially_sold": float(np.sum((book.items_sold > 0) & ~self.full_unwind)),
            "collateral_liquidated_items": self.totals["items"],
            "collateral_liquidated_value": fair,
            "liquidation_proceeds": proceeds,
            "realized_slippage": fair - proceeds,
            "realized_slippage_rate": (fair - proceeds) / fair if fair > 0 else 0.0,
            "borrower_losses": borrower_losses,
            "borrower_retention": 1.0 - float(self.full_unwind.mean()),
            "borrower_topups": self.totals["topups"],
            "lender_recovery": recovered / due if due > 0 else 1.0,
            "bad_debt": self.totals["bad_debt"] + open_bad,
            "bad_debt_realized": self.totals["bad_debt"],
            "bad_debt_open": open_bad,
            "buffer_start": self.buffer_start,
            "buffer_min": self.buffer_min,
            "buffer_end": self.buffer.total_balance,
            "buffer_end_marked": buffer_marked,
            "buffer_pnl_marked": buffer_marked - self.buffer_start,
            "reserve_depletion": ((self.buffer_start - self.buffer_min) / self.buffer_start
                                  if self.buffer_start else 0.0),
            "capital_deployed_peak": self.deployed_peak,
            "buffer_support_total": self.totals["support"],
            "cushion_purchases_total": self.totals["cushion_bought"],
            "collateral_preserved_value": preserved,
            "collateral_preserved_share": preserved / total_value_end if total_value_end > 0 else 1.0,
            "market_floor_index_end": float(idx[0][-1]),
            "market_floor_index_min": float(np.nanmin(idx[0])),
            "market_discount_end": float(1.0 - idx[0][-1] / idx[1][-1]),
        }

    def _marked_positions(self, p_end: np.ndarray) -> float:
        """Open buffer positions marked at the end (0 for a strategy without any)."""
        return 0.0


class NaiveLiquidation(Strategy):
    """Liquidate at HF < 1, everything, straight into the market's bids."""

    name = "naive"

    def __init__(self, scenario: Scenario, paths: ScenarioPaths, book: LoanBook, config: SimulationConfig) -> None:
        super().__init__(scenario, paths, book, config)
        floor0 = paths.fundamental[0]
        if config.naive_oracle == "spot":
            self.oracle = SpotOracle(floor0, source=0)
        else:
            self.oracle = Oracle(floor0, np.array([v.liquidity_weight for v in scenario.venues]), config.oracle)

    def mark(self, reading: OracleReading) -> np.ndarray:
        """The spot mark (or the band's lower edge with ``naive_oracle="band"``)."""
        self._check_reading(reading)
        return reading.lower

    def act(self, step: int, time: float, reading: OracleReading) -> None:
        """Unprompted top-ups, then every loan below HF 1 sold into the bids at once."""
        self._check_step(step, time, reading)
        book = self.book
        price = self.mark(reading)
        act = book.active
        hf = book.health_factor(price)
        paid_idx, paid = self.topups.step(time, book, price, hf, act)
        self.totals["topups"] += float(paid.sum())
        if paid_idx.size:
            hf = book.health_factor(price)
        liq = np.flatnonzero(act & (hf < 1.0))
        if not liq.size:
            return
        self.full_unwind[liq] = True
        for c in np.unique(book.collection[liq]):
            loans = liq[book.collection[liq] == c]
            n = book.items[loans].astype(np.int64)
            weights = np.repeat(book.trait_weight[loans], n)
            fill = self.market.sell(int(c), weights)
            starts = np.concatenate(([0], np.cumsum(n)[:-1]))
            self.totals["market_sold"] += float(n.sum())
            self.credit_sale(loans, np.add.reduceat(fill.proceeds, starts), np.add.reduceat(fill.fair_value, starts),
                             n.astype(float), True)


@dataclass
class _QueueEntry:
    """Collateral of one loan waiting for the cushion, in floor units (items * trait weight)."""

    loan: int
    units: float
    partial: bool
    since: float


class CushionStack(Strategy):
    """The seed's liquidity layer (see the module docstring)."""

    name = "cushion"

    def __init__(self, scenario: Scenario, paths: ScenarioPaths, book: LoanBook, config: SimulationConfig) -> None:
        super().__init__(scenario, paths, book, config)
        K, L = self.K, len(book)
        floor0 = paths.fundamental[0]
        weights = np.array([v.liquidity_weight for v in scenario.venues])
        self.oracle = Oracle(floor0, weights, config.oracle)
        self.staged = StagedLiquidation(L, config.behaviour)
        names = tuple(c.name for c in scenario.collections)
        self.rebalancer = Rebalancer(self.collection_bucket, config.rebalancer, collection_names=names)
        self.regimes = Regimes(K, config.rebalancer.thresholds)
        self.stress = np.zeros(K)
        self.effective_stress = np.zeros(K)
        cc = config.cushion
        self.block_decay = 0.5 ** (scenario.block_seconds / (cc.recovery_half_life_hours * HOUR))
        window_blocks = max(1, int(round(cc.window_hours * HOUR / scenario.block_seconds)))
        self.horizon_blocks = max(paths.step_blocks, int(round(cc.ramp_horizon_hours * HOUR / scenario.block_seconds)))
        spread = (cc.spread_base, cc.spread_slope, cc.spread_exponent, cc.spread_cap)
        self.pools = []
        for k, coll in enumerate(scenario.collections):
            depth = cc.depth_multiple * coll.depth0 * scenario.depth_scale
            ref = floor0[k] * (1.0 - config.oracle.sigma_floor) * (1.0 - cc.discount)
            self.pools.append(cushion_pool(ref, depth, spread, cc.block_items,
                                           (cc.window_depths[0] * depth, cc.window_depths[1] * depth), window_blocks,
                                           self.block_decay))
        self.queues: list[deque[_QueueEntry]] = [deque() for _ in range(K)]
        self.auction = RescueAuction(config.auction)
        self.outstanding = np.zeros(L)  # items of a loan still in the queue or on auction
        self.pending = np.zeros((L, 3))  # proceeds, fair value, items sold since entering the ramp
        self.partial_ramp = np.zeros(L, dtype=bool)
        self.support_position: dict[int, int] = {}
        self.inventory_carry = np.zeros(K)
        self.inventory_position: dict[int, int] = {}  # collection -> the buffer's inventory lot
        self.vol_var = np.zeros(K)
        self.prev_mu = floor0.copy()
        self.velocity = np.zeros(K)
        # NaN until a step is observed (was np.empty: act() called for a step whose predecessors
        # were not observed read uninitialised memory into the drawdown -- found by the
        # many-threads test of issue 8 as results differing between identical calls).
        self.mu_history = np.full((paths.n_steps + 1, K), np.nan)
        self.inflow_due = 0.0
        self.next_inflow = HOUR
        self.policy = self.rebalancer.policy
        self.entered_ramp_items = np.zeros(K)  # items that entered the ramp this step (a stress signal)

    def mark(self, reading: OracleReading) -> np.ndarray:
        """Collateral at the oracle's lower band (mu - sigma)."""
        self._check_reading(reading)
        return reading.lower

    # --- one step ---------------------------------------------------------------------------
    def act(self, step: int, time: float, reading: OracleReading) -> None:
        """Stress and the controller, inflows, top-ups, the staged liquidation, the ramp."""
        self._check_step(step, time, reading)
        book, cfg = self.book, self.config
        self.buffer.time = time
        price = reading.lower
        self._observe(step, time, reading)
        params = self.rebalancer.params
        policy = self.policy
        # Interest paid flows into the buffer (routed by volatility once an hour).
        if step:
            growth = np.expm1(book.rate * (self.paths.step_seconds / SECONDS_PER_YEAR))
            self.inflow_due += cfg.reserve_factor * float(np.sum((book.debt * growth)[book.active]))
        if time >= self.next_inflow and self.inflow_due > 0:
            vol_by_bucket = {b: float(np.max(np.sqrt(self.vol_var)[self.collection_bucket == i], initial=0.0))
                             for i, b in enumerate(BUCKETS)}
            self.buffer.route_inflow(self.inflow_due, vol_by_bucket, threshold=1.0)
            self.inflow_due = 0.0
            self.next_inflow = time + HOUR

        requirement = 1.0 + policy.oc_addon[book.bucket]
        open_ = book.active & (self.staged.stage != Stage.RAMP)
        hf = book.health_factor(price)
        paid_idx, paid = self.topups.step(time, book, price, hf, open_)
        self.totals["topups"] += float(paid.sum())
        paused = policy.unwind_paused_until[book.collection] > time
        self._price = price
        self._refinance = RefinanceTerms(max_fraction=params["max_support_fraction"], fee=cfg.refinance_fee)
        ev = self.staged.step(time, book, price, requirement, cure_window_hours=params["cure_window_hours"],
                              hard_floor_hf=params["hard_floor_hf"], unwind_paused=paused,
                              fund_support=self._fund_support)
        self.totals["topups"] += float(ev.cure_amount.sum())
        if ev.to_ramp.size:
            self._enter_ramp(ev.to_ramp, time, reading, requirement)
        self._execute(step, time, reading)

    def _observe(self, step: int, time: float, reading: OracleReading) -> None:
        """Stress signals -> stress index -> regimes -> the rebalancer."""
        p, m = self.paths, self.market
        mu = reading.mu
        r = np.log(mu / self.prev_mu)
        self.prev_mu = mu.copy()
        steps_per_year = SECONDS_PER_YEAR / p.step_seconds
        a = 1.0 - 0.5 ** (p.step_seconds / (6 * HOUR))
        self.vol_var += a * (r * r * steps_per_year - self.vol_var)
        forced = m.sold_items[step] + self.entered_ramp_items
        self.entered_ramp_items = np.zeros(self.K)
        b = 1.0 - 0.5 ** (p.step_seconds / HOUR)
        self.velocity += b * (forced * (HOUR / p.step_seconds) - self.velocity)
        gap = m.bid_gap()
        depth_ratio = m.depth_ratio()
        signals = {  # in the units of the stress index (see cushion.risk._stack)
            "realised_volatility": np.sqrt(self.vol_var),
            "bid_depth_1pct": depth_ratio * (m.config.bid_gap_rest / gap),
            "bid_depth_5pct": depth_ratio,
            "quoted_spread": gap,
            "funding_rate": np.full(self.K, p.funding[step] * 3 * 365),  # per 8 h -> annualised
            "open_interest_change": np.full(self.K, p.open_interest_change[step]),
            "liquidation_velocity": self.velocity / (LIQUIDATION_BASELINE * m.depth0),
            "oracle_confidence": reading.confidence_ratio,
        }
        self.stress = stress_index(signals)
        self.regimes.update(self.stress)
        self.effective_stress = self.regimes.effective(self.stress)
        self.mu_history[step] = mu
        lookback = max(0, step - int(24 * HOUR / p.step_seconds))
        high = np.nanmax(self.mu_history[lookback:step + 1], axis=0)  # this step's row is set
        util = self.buffer.total_deployed / max(self.buffer.total_deployed + self.buffer.total_balance, 1e-300)
        self.rebalancer.step(time, RebalancerInputs(
            stress=self.stress, value_weight=self.value_weight, drawdown=1.0 - mu / high,
            oracle_anomaly=reading.anomaly, venues_up=p.venue_up[step], gas_gwei=float(p.gas_gwei[step]),
            buffer_utilisation=util, funding=float(p.funding[step])))

    # --- breach 2: refinancing by the buffer -------------------------------------------------
    def _fund_support(self, idx: np.ndarray, amount: np.ndarray) -> np.ndarray:
        book = self.book
        funded = np.zeros(len(idx), dtype=bool)
        blocked = self.policy.support_blocked[book.collection[idx]]
        headroom = self._refinance.headroom(book, idx, self._price)
        for j in np.flatnonzero(~blocked & (amount > 0) & (amount <= headroom)):
            loan = int(idx[j])
            bucket = BUCKETS[int(book.bucket[loan])]
            if self.buffer.capacity(bucket, "support") < amount[j]:
                continue
            pid = self.support_position.get(loan)
            if pid is not None and pid in self.buffer.positions:
                self.buffer.add_to_position(pid, float(amount[j]))
            else:
                self.support_position[loan] = self.buffer.deploy(bucket, float(amount[j]), "support", loan)
            funded[j] = True
        if funded.any():
            self._refinance.apply(book, idx[funded], amount[funded])
            self.totals["support"] += float(amount[funded].sum())
        return funded

    def _repay_buffer(self, loans: np.ndarray, amounts: np.ndarray) -> None:
        book = self.book
        for loan, amt in zip(loans[amounts > 0], amounts[amounts > 0]):
            pid = self.support_position.get(int(loan))
            if pid is None or pid not in self.buffer.positions:
                continue
            claim = book.buffer_claim[loan]
            self.buffer.settle(pid, float(amt), fraction=min(1.0, float(amt / claim)) if claim > 0 else 1.0)

    def _write_off_buffer(self, loans: np.ndarray) -> None:
        for loan in loans:
            pid = self.support_position.pop(int(loan), None)
            if pid is not None and pid in self.buffer.positions:
                self.totals["buffer_written_off"] += self.buffer.positions[pid].cost_wei / 1e18
                self.buffer.settle(pid, 0.0)

    # --- breach 3: the ramp -----------------------------------------------------------------
    def _enter_ramp(self, loans: np.ndarray, time: float, reading: OracleReading, requirement: np.ndarray) -> None:
        book, cc = self.book, self.config.cushion
        bid = np.array([unit_bid(pool, s) for pool, s in zip(self.pools, self.effective_stress)])
        k = partial_sale_items(book, loans, reading.lower, bid, requirement[loans] + self.config.behaviour.overshoot)
        entered = self.entered_ramp_items
        for loan, k_items in zip(loans.tolist(), k.tolist()):
            c = int(book.collection[loan])
            self.pending[loan] = 0.0
            if k_items > 0:
                self.partial_ramp[loan] = True
                self.queues[c].append(_QueueEntry(loan, k_items * book.trait_weight[loan], True, time))
                self.outstanding[loan] = k_items
                entered[c] += k_items
                continue
            n = float(book.items[loan])
            self.partial_ramp[loan] = False
            self.full_unwind[loan] = True
            self.outstanding[loan] = n
            entered[c] += n
            if book.trait_weight[loan] >= cc.auction_trait_threshold:
                for _ in range(int(n)):
                    self.auction.open(loan, c, float(book.trait_weight[loan]), float(reading.mu[c]), time)
            else:
                self.queues[c].append(_QueueEntry(loan, n * book.trait_weight[loan], False, time))

    def _execute(self, step: int, time: float, reading: OracleReading) -> None:
        """The step's blocks: cushion tranches, auctions, fallbacks, inventory unwinds."""
        book, cc, policy, m = self.book, self.config.cushion, self.policy, self.market
        sb = self.paths.step_blocks
        ref = reading.lower * (1.0 - cc.discount)
        floor_now = m.floor()
        for c in range(self.K):
            pool, queue = self.pools[c], self.queues[c]
            # Items that waited too long for the cushion go to the rescue auction.
            while queue and not queue[0].partial and time - queue[0].since >= cc.max_queue_hours * HOUR:
                e = queue.popleft()
                w = float(book.trait_weight[e.loan])
                # Whole items still unsold go to auction; a partly absorbed item stays queued.
                whole = math.floor(e.units / w + 1e-9)
                for _ in range(whole):
                    self.auction.open(e.loan, c, w, float(reading.mu[c]), time)
                if e.units - whole * w > 1e-9:
                    queue.appendleft(_QueueEntry(e.loan, e.units - whole * w, True, e.since))
            queued = sum(e.units for e in queue)
            paused = policy.unwind_paused_until[c] > time
            if queued > 0 and not paused and not cc.enabled:
                if not policy.market_sales_paused:
                    self._market_tranche(c, cc.market_tranche_depth * float(m.depth()[c]))
            elif queued > 0 and not paused:
                bucket = BUCKETS[int(self.collection_bucket[c])]
                # 2 % headroom: the mid can drift up toward the reference within the step.
                afford = math.floor(self.buffer.capacity(bucket, "inventory") / max(1.02 * pool.mid, 1e-300))
                quantity = min(queued, float(afford))
                if quantity > 0:
                    # Receding horizon: plan the queue's unwind over the ramp horizon, execute
                    # this step's tranches block by block (caps and ledger per block), re-plan
                    # next step with what is left.
                    s = float(self.effective_stress[c])
                    plan = plan_tranches(pool, quantity, self.horizon_blocks, s, float(ref[c]))
                    carry = 0.0
                    fills = []
                    for blk in range(sb):
                        r = pool.absorb(float(plan[blk]) + carry, s)
                        carry = r.remainder
                        if r.filled > 0:
                            fills.append((r.filled, r.proceeds))
                        pool.advance(1, reference=float(ref[c]))
                    if fills:
                        self._book_cushion_fills(c, fills, floor_now[c])
                    continue
            pool.advance(sb, reference=float(ref[c]))

        # Rescue auctions: a bidder takes a lot when the decaying price meets the best bid.
        if self.auction.lots and not policy.market_sales_paused:
            sold, expired = self.auction.clear(time, m.best_bid())
            for lot, price in sold:
                m.take_bids(lot.collection, 1.0)
                self.totals["auction_sold"] += 1.0
                self._ramp_fill(lot.loan, price, lot.weight * floor_now[lot.collection], 1.0)
            for lot in expired:  # the open market is the last resort
                fill = m.sell(lot.collection, np.array([lot.weight]))
                self.totals["market_sold"] += 1.0
                self._ramp_fill(lot.loan, float(fill.proceeds[0]), float(fill.fair_value[0]), 1.0)

        # Inventory goes back to the market slowly once everything is calm.
        if policy.regime == 0 and not policy.market_sales_paused:
            for c in range(self.K):
                if self.queues[c]:
                    continue
                pid = self.inventory_position.get(c)
                held = self.buffer.positions[pid].items if pid is not None else 0.0
                if held <= 0:
                    continue
                rate = cc.unwind_depth_per_hour * m.depth()[c] * self.paths.step_seconds / HOUR
                self.inventory_carry[c] += rate
                carry = self.inventory_carry[c]
                n = min(held, math.floor(carry)) if held >= 1 else (held if carry >= held else 0.0)
                if n > 0:
                    self.inventory_carry[c] -= n
                    fill = m.sell(c, _unit_lots(n))
                    self._sell_inventory(c, float(n), float(fill.proceeds.sum()))

    def _market_tranche(self, c: int, budget_items: float) -> None:
        """Without a cushion: sells at least one whole item, at most ``budget_items``, of the
        queue's oldest entries into the open market."""
        book, queue = self.book, self.queues[c]
        loans, counts = [], []
        left = max(1, int(budget_items))
        for e in queue:
            if left <= 0:
                break
            w = float(book.trait_weight[e.loan])
            n = min(left, math.ceil(e.units / w - 1e-9))
            loans.append(e.loan)
            counts.append(n)
            left -= n
        weights = np.concatenate([np.full(n, book.trait_weight[loan]) for loan, n in zip(loans, counts)])
        fill = self.market.sell(c, weights)
        self.totals["market_sold"] += float(len(weights))
        start = 0
        for loan, n in zip(loans, counts):
            e = queue[0]
            e.units = max(0.0, e.units - n * book.trait_weight[loan])
            if e.units <= 1e-9:
                queue.popleft()
            part = slice(start, start + n)
            self._ramp_fill(loan, float(fill.proceeds[part].sum()), float(fill.fair_value[part].sum()), float(n))
            start += n

    def _book_cushion_fills(self, c: int, fills: list[tuple[float, float]], floor_now: float) -> None:
        """A step's cushion fills (floor units, proceeds) pay the queue's oldest entries at
        each block's price; the buffer pays for the inventory (one booking per step).  The
        cushion prices an item by its trait weight: it takes ``w`` units of its index curve
        for an item of weight ``w`` (a trait-basket pool)."""
        units = sum(f for f, _ in fills)
        paid = sum(p for _, p in fills)
        bucket = BUCKETS[int(self.collection_bucket[c])]
        pid = self.inventory_position.get(c)
        if pid is None:  # one lot per collection, at average cost
            self.inventory_position[c] = self.buffer.deploy(bucket, paid, "inventory", c, items=units,
                                                            respect_floor=False)
        else:
            self.buffer.add_to_position(pid, paid, items=units, respect_floor=False)
        self.totals["cushion_bought"] += paid
        queue = self.queues[c]
        for filled, proceeds in fills:
            price = proceeds / filled
            left = filled
            while left > 1e-12 and queue:
                e = queue[0]
                take = min(left, e.units)
                e.units -= take
                left -= take
                if e.units <= 1e-9:
                    queue.popleft()
                self._ramp_fill(e.loan, take * price, take * floor_now, take / self.book.trait_weight[e.loan])

    def _ramp_fill(self, loan: int, proceeds: float, fair: float, items: float) -> None:
        """Accumulates a ramp sale for a loan; settles the loan when its last item is sold."""
        self.pending[loan] += (proceeds, fair, items)
        self.outstanding[loan] -= items
        if self.outstanding[loan] > 1e-9:
            return
        self.outstanding[loan] = 0.0
        pr, fv, it = self.pending[loan]
        self.pending[loan] = 0.0
        idx = np.array([loan])
        self.credit_sale(idx, np.array([pr]), np.array([fv]), np.array([it]), not self.partial_ramp[loan])
        if self.partial_ramp[loan]:
            self.partial_ramp[loan] = False
            self.staged.stage[loan] = Stage.SUPPORTED if self.book.buffer_claim[loan] > 0 else Stage.HEALTHY

    def _sell_inventory(self, c: int, units: float, proceeds: float) -> None:
        """Settles the share ``units`` of the collection's inventory lot against a sale."""
        pid = self.inventory_position[c]
        held = self.buffer.positions[pid].items
        if units >= held - 1e-12:
            self.buffer.settle(pid, proceeds)
            del self.inventory_position[c]
        else:
            self.buffer.settle(pid, proceeds, fraction=units / held)
        self.totals["cushion_sold_back"] += units

    # --- reporting --------------------------------------------------------------------------
    def _record_extra(self, row: np.ndarray) -> None:
        counts = self.staged.counts(self.book)
        row[_COL["system_stress"]] = self.rebalancer.system_stress
        row[_COL["regime"]] = float(self.policy.regime)
        row[_COL["oc_addon_mid"]] = float(self.policy.oc_addon[1])
        row[_COL["notices"]] = counts["notice"]
        row[_COL["supported"]] = counts["supported"]
        row[_COL["in_ramp"]] = counts["ramp"]
        row[_COL["queue_items"]] = float(sum(e.units / self.book.trait_weight[e.loan] for q in self.queues for e in q)
                                         + len(self.auction.lots))
        row[_COL["inventory_items"]] = float(sum(self.buffer.positions[pid].items
                                                 for pid in self.inventory_position.values()))

    def _marked_positions(self, p_end: np.ndarray) -> float:
        book = self.book
        value = book.collateral_value(p_end)
        total = 0.0
        for pos in self.buffer.positions.values():
            if pos.kind == "inventory":
                total += pos.items * p_end[pos.ref]  # index units, resold at the floor
            else:
                loan = pos.ref
                total += min(book.buffer_claim[loan], max(0.0, value[loan] - book.debt[loan]))
        return total


def _unit_lots(units: float) -> np.ndarray:
    """Inventory of ``units`` floor units as lots of weight 1 (and the remainder)."""
    whole = int(units)
    rest = units - whole
    return np.concatenate((np.ones(whole), [rest])) if rest > 1e-9 else np.ones(whole)


STRATEGIES: dict[str, type[Strategy]] = {"naive": NaiveLiquidation, "cushion": CushionStack}
