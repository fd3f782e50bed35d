"""The open NFT market a lender liquidates into: thin bids that react to forced sales.

Per collection the market keeps two pieces of state on top of the scenario's exogenous
("fundamental") floor F(t) and resting depth multiplier m(t):

* ``impact`` I: how far forced sales have pushed the listing floor below F.  The market
  floor is ``P = F (1 - I)``.  It decays toward zero as bids refill, with half-life
  ``impact_half_life_hours / m(t)`` (refill is slow when depth has collapsed).
* ``pressure`` R: forced sales seen recently (items, decaying with
  ``pressure_half_life_hours``).  Bidders step back when they see liquidations — the
  seed's "behavioural reflexivity" — so the live depth is
  ``D = depth0 * m(t) * max(1 - max_withdrawal, exp(-reflexivity * R / depth0))``.

Impact refills with half-life ``impact_half_life_hours / (m(t) + I / value_buyer_impact)``:
slowly while resting depth is gone, faster again once the floor sits far below the
fundamental and value buyers step in (a 10 % dislocation refills as fast as a full book).

The bid book thickens below the best bid ``P (1 - gap)``: the bids within ``x`` of it
number ``D (x / 5 %) ** book_convexity`` (``depth0`` is the seed's "bid depth at 5 % below
floor"; convexity 2: four times as many bids within 10 %, nine times within 15 %, as bids
cluster at round discounts), so selling ``q`` items walks ``5 % (q / D) ** (1 / convexity)``
down, never below ``min_bid_fraction`` of the floor (standing collection offers).  The gap widens as depth
collapses.  A forced sale of ``q`` items pushes the floor down by ``pass_through`` of the
walk (sellers undercut the listings to match the prints) and adds ``q`` to the pressure.

This is the reflexive liquidation spiral in its simplest form: sales lower the floor the
oracle reads, which pushes more loans under water, whose sales meet a book that has just
thinned.  With recovery: the impact fades as bids come back, and the fundamental floor
snaps back on its own schedule.  Everything is vectorised over collections; sales are
executed per collection and per step (one block's walk through the book).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .._validate import check_array, check_count, check_fields, check_instance, check_int, check_real, check_sequence
from ..scenarios import HOUR, Scenario, ScenarioPaths, Venue

__all__ = ["MarketConfig", "SaleFill", "ThinBidMarket"]


@dataclass(frozen=True)
class MarketConfig:
    """Parameters of the thin-bid market (fractions of the floor unless stated).

    Attributes:
        walk_per_depth: price walked per ``depth`` items (0.05: depth is "items within 5 %").
        book_convexity: how fast the book thickens below the best bid (1: linear).
        bid_gap_rest: best bid below the floor at rest.
        bid_gap_stress: extra gap when the resting depth has fully collapsed.
        pass_through: share of a forced sale's book walk that becomes a floor drop.
        impact_half_life_hours: how fast bids refill (at full resting depth).
        pressure_half_life_hours: how long bidders remember forced sales.
        reflexivity: depth withdrawn per forced sale, per ``depth0`` items.
        max_withdrawal: the most of the resting depth bidders withdraw.
        value_buyer_impact: the dislocation at which value buyers refill as fast as a full book.
        min_bid_fraction: the lowest bid (standing collection offers), as a share of the floor.
        max_impact: the floor never falls more than this below the fundamental from impact.
    """

    walk_per_depth: float = 0.05
    book_convexity: float = 2.0
    bid_gap_rest: float = 0.02
    bid_gap_stress: float = 0.05
    pass_through: float = 0.5
    impact_half_life_hours: float = 4.0
    pressure_half_life_hours: float = 8.0
    reflexivity: float = 0.25
    max_withdrawal: float = 0.5
    value_buyer_impact: float = 0.10
    min_bid_fraction: float = 0.35
    max_impact: float = 0.8

    def __post_init__(self) -> None:
        check_fields(self, ("walk_per_depth", "book_convexity", "impact_half_life_hours", "pressure_half_life_hours",
                            "value_buyer_impact"), lo=0.0, lo_open=True)
        check_fields(self, ("bid_gap_rest", "bid_gap_stress", "pass_through", "min_bid_fraction", "max_impact",
                            "max_withdrawal"), lo=0.0, hi=1.0, hi_open=True)
        check_fields(self, ("reflexivity",), lo=0.0)


@dataclass(frozen=True)
class SaleFill:
    """The result of selling items into the market in one block.

    Attributes:
        proceeds: (n,) what each item fetched, in sale order (ETH).
        fair_value: (n,) each item at the pre-trade market floor times its trait weight.
        floor_before: the market floor before the sale.
        floor_after: the market floor after it.
    """

    proceeds: np.ndarray
    fair_value: np.ndarray
    floor_before: float
    floor_after: float

    @property
    def slippage(self) -> float:
        """Implementation shortfall: fair value minus proceeds (ETH)."""
        return float(self.fair_value.sum() - self.proceeds.sum())


class ThinBidMarket:
    """The market for every collection of a scenario, stepped by the simulator.

    ``advance(t)`` moves to step ``t`` of ``paths`` (bids refill, pressure fades);
    ``sell(c, weights)`` executes a forced sale; the floor, depth and bid of each
    collection are read at the current step.  ``floor_history`` records the market floor
    at every step reached (the oracle sources read it with their delays).
    """

    def __init__(self, scenario: Scenario, paths: ScenarioPaths, config: MarketConfig | None = None) -> None:
        self.scenario = check_instance("scenario", scenario, Scenario)
        self.paths = check_instance("paths", paths, ScenarioPaths)
        self.config = MarketConfig() if config is None else check_instance("config", config, MarketConfig,
                                                                             "MarketConfig or None")
        K = len(scenario.collections)
        if paths.fundamental.shape[1:] != (K,):
            raise ValueError(f"paths has {paths.fundamental.shape[1:]} collections; the scenario has {K}")
        T = paths.n_steps + 1
        self.depth0 = np.array([c.depth0 for c in scenario.collections], dtype=float) * scenario.depth_scale
        self.impact = np.zeros(K)
        self.pressure = np.zeros(K)
        self.step = 0
        self.floor_history = np.full((T, K), np.nan)
        self.sale_print = np.full((T, K), np.nan)  # lowest forced-sale print per step (per trait unit)
        self.sold_items = np.zeros((T, K))
        self.sold_value = np.zeros((T, K))
        dt = paths.step_seconds / HOUR
        self._pressure_decay = 0.5 ** (dt / self.config.pressure_half_life_hours)
        self._impact_dt = dt
        self.floor_history[0] = self.floor()

    # --- state at the current step ---------------------------------------------------------
    @property
    def fundamental(self) -> np.ndarray:
        """(K,) the exogenous floors at the current step."""
        return self.paths.fundamental[self.step]

    def floor(self) -> np.ndarray:
        """(K,) the market (listing) floor: fundamental times (1 - impact)."""
        return self.fundamental * (1.0 - self.impact)

    def depth(self) -> np.ndarray:
        """(K,) live bid depth: items within 5 % below the best bid."""
        cfg = self.config
        m = self.paths.depth_multiplier[self.step]
        withdrawn = np.maximum(1.0 - cfg.max_withdrawal, np.exp(-cfg.reflexivity * self.pressure / self.depth0))
        return self.depth0 * m * withdrawn

    def bid_gap(self) -> np.ndarray:
        """(K,) best bid's distance below the floor (widens as resting depth collapses)."""
        m = self.paths.depth_multiplier[self.step]
        return self.config.bid_gap_rest + self.config.bid_gap_stress * np.clip(1.0 - m, 0.0, 1.0)

    def best_bid(self) -> np.ndarray:
        """(K,) the best bid for a floor item."""
        return self.floor() * (1.0 - self.bid_gap())

    def depth_ratio(self) -> np.ndarray:
        """(K,) live depth relative to depth at rest (a stress signal)."""
        return self.depth() / self.depth0

    # --- time ------------------------------------------------------------------------------
    def advance(self, step: int) -> None:
        """Moves to ``step`` (>= the current one): impact and pressure decay over the gap."""
        check_int("step", step, lo=0, hi=self.paths.n_steps)
        if step < self.step:
            raise ValueError(f"step: the market only moves forward ({step} < {self.step})")
        gap = step - self.step
        if gap:
            m = self.paths.depth_multiplier[step]
            half_life = self.config.impact_half_life_hours / (m + self.impact / self.config.value_buyer_impact)
            self.impact *= 0.5 ** (gap * self._impact_dt / half_life)
            self.pressure *= self._pressure_decay**gap
            self.step = step
        self.floor_history[step] = self.floor()

    # --- trading ---------------------------------------------------------------------------
    def quote_sell(self, collection: int, weights: np.ndarray) -> np.ndarray:
        """What items of trait ``weights`` would fetch, sold in that order now (no state change)."""
        return self._walk(self._collection(collection), self._weights(weights))[0]

    def sell(self, collection: int, weights: np.ndarray) -> SaleFill:
        """Sells items (trait ``weights``, in order) into the bids now; moves the market."""
        collection, w = self._collection(collection), self._weights(weights)
        floor_before = float(self.floor()[collection])
        proceeds, walked = self._walk(collection, w)
        n = float(len(w))
        if n:
            cfg = self.config
            # The floor follows part of the walk; impact is capped so the floor stays > 0.
            self.impact[collection] = min(cfg.max_impact, self.impact[collection] + cfg.pass_through * walked
                                          * (1.0 - self.impact[collection]))
            self.pressure[collection] += n
            t = self.step
            self.sold_items[t, collection] += n
            self.sold_value[t, collection] += proceeds.sum()
            # A last-sale feed prints the walk's last (lowest) fill, per unit of trait weight.
            last = float(proceeds[-1] / w[-1])
            self.sale_print[t, collection] = np.fmin(self.sale_print[t, collection], last)
            self.floor_history[t] = self.floor()
        return SaleFill(proceeds=proceeds, fair_value=w * floor_before, floor_before=floor_before,
                        floor_after=float(self.floor()[collection]))

    def take_bids(self, collection: int, items: float) -> None:
        """Bidders take ``items`` at or above the best bid (an auction sale): the top of the
        book is consumed — the floor follows ``pass_through`` of the depth used, and the
        sale counts as forced for the bidders' pressure — but nothing is dumped below it."""
        collection = self._collection(collection)
        items = check_real("items", items, lo=0.0)
        cfg = self.config
        walked = cfg.walk_per_depth * (items / max(self.depth()[collection], 1e-9)) ** (1.0 / cfg.book_convexity)
        self.impact[collection] = min(cfg.max_impact, self.impact[collection] + cfg.pass_through * walked
                                      * (1.0 - self.impact[collection]))
        self.pressure[collection] += items
        self.sold_items[self.step, collection] += items
        self.floor_history[self.step] = self.floor()

    def _collection(self, collection: int) -> int:
        return check_int("collection", collection, lo=0, hi=len(self.depth0) - 1)

    @staticmethod
    def _weights(weights: np.ndarray) -> np.ndarray:
        return check_array("weights", weights, lo=0.0, lo_open=True)

    def _walk(self, collection: int, w: np.ndarray) -> tuple[np.ndarray, float]:
        """Per-item proceeds of a walk down the linear book, and how far it walked below the
        best bid (a fraction of the floor)."""
        cfg = self.config
        floor = self.floor()[collection]
        depth = max(self.depth()[collection], 1e-9)
        gap = self.bid_gap()[collection]
        k = np.arange(len(w), dtype=float)
        inv = 1.0 / cfg.book_convexity
        level = np.maximum(cfg.min_bid_fraction, 1.0 - gap - cfg.walk_per_depth * ((k + 0.5) / depth) ** inv)
        # The floor follows the walk below the best bid, not the spread that was already there.
        walked = cfg.walk_per_depth * (len(w) / depth) ** inv if len(w) else 0.0
        return floor * w * level, max(0.0, min(1.0 - cfg.min_bid_fraction - gap, walked))

    # --- what the oracle sources see ------------------------------------------------------
    def reports(self, venues: tuple[Venue, ...], delay_blocks: int) -> tuple[np.ndarray, np.ndarray]:
        """(K, S) reports of every venue at the current step, and their ages in seconds.

        A venue reports the market floor ``delay_blocks + extra_delay_blocks`` ago with
        its noise; a "last_sale" venue reports the forced-sale print of that step when
        there was one (a distressed print); an outlier draw below ``outlier_rate`` turns a
        report into a distressed print 15-35 % below the floor.  A venue in outage reports
        NaN (its age is then the time since its last report, tracked by the oracle).
        """
        venues = check_sequence("venues", venues, Venue, "Venues")
        if len(venues) > _sources(self.paths):
            raise ValueError(f"venues: {len(venues)} venues but the paths carry {_sources(self.paths)} sources")
        delay_blocks = check_count("delay_blocks", delay_blocks, lo=0)
        p = self.paths
        step_blocks = p.step_blocks
        K, S = self.impact.shape[0], len(venues)
        out = np.empty((K, S))
        ages = np.empty((K, S))
        t = self.step
        for s, v in enumerate(venues):
            lag_blocks = delay_blocks + v.extra_delay_blocks
            lag = min(t, int(math.ceil(lag_blocks / step_blocks)))
            src = t - lag
            value = self.floor_history[src] * (1.0 + v.noise * p.source_noise[t, :, s])
            if v.kind == "last_sale":
                printed = self.sale_print[src]
                value = np.where(np.isfinite(printed), printed, value)
            if v.outlier_rate > 0:
                bad = p.outlier_draw[t, :, s] < v.outlier_rate
                value = np.where(bad, self.floor_history[src] * (1.0 - p.outlier_depth[t, :, s]), value)
            if not p.venue_up[t, s]:
                value = np.full(K, np.nan)
            out[:, s] = value
            ages[:, s] = lag * p.step_seconds
        return out, ages


def _sources(paths: ScenarioPaths) -> int:
    """How many price sources a scenario's paths carry noise and outages for."""
    return int(paths.venue_up.shape[1])
