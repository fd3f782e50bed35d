"""Price, depth, funding and venue paths for the crash-and-snap-back simulator.

A :class:`Scenario` is a small, frozen, picklable description; :meth:`Scenario.paths`
turns it into NumPy arrays sampled every ``step_blocks`` blocks.  The embedded default,
:func:`case_study`, is the seed's case study (``../shared/seeds/000_*``, "Case Study"):

* a derivative squeeze in ETH: NFT floors fall ``shock_depth`` = 18 % over
  ``shock_hours`` = 36 h (fast at first: the market "breaks fast");
* bid depth collapses faster than the floor (to ``depth_trough`` of its rest level within
  ``depth_collapse_hours`` = 12 h);
* two days after the squeeze starts (``snapback_start_hours`` = 48 h) it unwinds and the
  floors reclaim ``snapback_fraction`` = half of the drawdown over ``snapback_hours``;
* 12-second blocks, a 72-hour horizon.

"Two days later" is read from the start of the squeeze, which puts the whole event inside
the three days the simulator's budget is written for; set ``snapback_start_hours`` to move
it.  Each collection's floor is ``floor0 * (1 - beta * drawdown(t)) * noise``, the noise a
one-factor log-normal walk (``correlation`` is the weight of the common factor), so
collections move together as they did in 2022; ``beta`` makes long-tail collections fall
harder.  Around the price path the scenario also carries the perp funding rate and
open-interest change (the squeeze), gas prices, venue outages, oracle delay, and the
per-source noise and distressed prints the oracle sources report.  Nothing here depends on
what a strategy does: the *market's* reaction to forced sales is :mod:`cushion.risk.market`.

Monte Carlo: :func:`monte_carlo` draws many scenarios around a base (shock depth, snap-back,
correlation and seeds varied); :func:`shock` builds a parameterised one.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Iterable, Literal

import numpy as np

from ._validate import (MAX_COUNT, check_array, check_count, check_index, check_number, check_pair, check_real,
                        check_seed, check_sequence, check_str)

__all__ = [
    "Bucket",
    "Collection",
    "Scenario",
    "ScenarioPaths",
    "Venue",
    "VenueOutage",
    "case_study",
    "default_collections",
    "default_venues",
    "monte_carlo",
    "shock",
]

Bucket = Literal["blue_chip", "mid", "long_tail"]
"""The liquidity buffer's risk buckets (the seed's blue-chip / mid / long-tail)."""

BUCKETS: tuple[Bucket, ...] = ("blue_chip", "mid", "long_tail")

HOUR = 3600.0


@dataclass(frozen=True)
class Collection:
    """One NFT collection: its floor, how it reacts to the shock, and its market depth.

    Attributes:
        name: identifier used in tables.
        bucket: risk bucket of the liquidity buffer ("blue_chip", "mid", "long_tail").
        floor0: floor price at t = 0, in ETH.
        beta: sensitivity to the common drawdown (1 = falls exactly ``shock_depth``).
        volatility: daily log-volatility of the collection's own noise.
        depth0: items bid within 5 % below the floor at rest (the seed's "bid depth at 5 %").
        liquidation_threshold: LT of the loans on it (BendDAO BAYC: 0.80 after Sep 2022).
        max_ltv: origination LTV cap (BendDAO BAYC 0.40; others 0.30).
        trait_dispersion: log-sd of the items' trait premia (0: floor items only).
    """

    name: str
    bucket: Bucket
    floor0: float
    beta: float = 1.0
    volatility: float = 0.05
    depth0: float = 10.0
    liquidation_threshold: float = 0.80
    max_ltv: float = 0.40
    trait_dispersion: float = 0.15

    def __post_init__(self) -> None:
        check_str("name", self.name)
        check_str("bucket", self.bucket, BUCKETS)
        check_number("floor0", self.floor0, lo=0.0, lo_open=True)
        check_number("depth0", self.depth0, lo=0.0, lo_open=True)
        check_number("beta", self.beta, lo=0.0, hi=5.0)
        check_number("volatility", self.volatility, lo=0.0, hi=2.0)
        check_number("liquidation_threshold", self.liquidation_threshold, lo=0.01, hi=1.0)
        check_number("max_ltv", self.max_ltv, lo=0.0, hi=self.liquidation_threshold)
        check_number("trait_dispersion", self.trait_dispersion, lo=0.0, hi=2.0)


@dataclass(frozen=True)
class Venue:
    """A price source the oracle reads (a marketplace or an aggregator).

    Attributes:
        name: identifier.
        liquidity_weight: its share of traded volume (the oracle's liquidity weight).
        noise: relative sd of its reports around the market floor.
        kind: "floor" reports the listing floor; "last_sale" the last trade, so forced sales
            show up in it as distressed prints.
        extra_delay_blocks: lag on top of the scenario's oracle delay.
        outlier_rate: probability per report of a distressed print 15-35 % below the floor.
    """

    name: str
    liquidity_weight: float
    noise: float = 0.005
    kind: Literal["floor", "last_sale"] = "floor"
    extra_delay_blocks: int = 0
    outlier_rate: float = 0.0

    def __post_init__(self) -> None:
        check_str("name", self.name)
        check_number("liquidity_weight", self.liquidity_weight, lo=0.0, lo_open=True)
        check_number("noise", self.noise, lo=0.0, hi=0.5)
        check_number("outlier_rate", self.outlier_rate, lo=0.0, hi=1.0)
        check_str("kind", self.kind, ("floor", "last_sale"))
        check_count("extra_delay_blocks", self.extra_delay_blocks, lo=0)


@dataclass(frozen=True)
class VenueOutage:
    """Venue ``venue`` (an index into ``Scenario.venues``) reports nothing in [start, end) h."""

    venue: int
    start_hours: float
    end_hours: float

    def __post_init__(self) -> None:
        check_index("venue", self.venue)
        check_number("start_hours", self.start_hours, lo=0.0)
        check_number("end_hours", self.end_hours, lo=0.0)
        if self.end_hours < self.start_hours:
            raise ValueError(f"end_hours must be >= start_hours, got [{self.start_hours}, {self.end_hours})")


def default_collections() -> tuple[Collection, ...]:
    """Six collections, two per bucket.

    Floors, LTV and LT follow the published BendDAO/ParaSpace parameters
    (``risk-and-execution.md``: BAYC LTV 40 % / LT 80 %, others LTV 30 %).  Depth at rest
    is the number of bids within 5 % of the floor: around a hundred for blue chips (the
    Blur-era bid pools), tens for mid collections, ten or so for the long tail — in each
    case well below the collateral a 1,000-loan lender holds on the collection, which is
    what makes a lender's forced sales move its market.  Long-tail collections fall harder
    (beta > 1) and are noisier.
    """
    return (
        Collection("bluechip-A", "blue_chip", 30.0, beta=0.85, volatility=0.035, depth0=120.0,
                   liquidation_threshold=0.80, max_ltv=0.40, trait_dispersion=0.20),
        Collection("bluechip-B", "blue_chip", 12.0, beta=0.90, volatility=0.04, depth0=80.0,
                   liquidation_threshold=0.80, max_ltv=0.40, trait_dispersion=0.15),
        Collection("mid-A", "mid", 4.0, beta=1.00, volatility=0.055, depth0=40.0,
                   liquidation_threshold=0.75, max_ltv=0.30, trait_dispersion=0.15),
        Collection("mid-B", "mid", 2.0, beta=1.05, volatility=0.06, depth0=30.0,
                   liquidation_threshold=0.75, max_ltv=0.30, trait_dispersion=0.10),
        Collection("longtail-A", "long_tail", 0.8, beta=1.25, volatility=0.08, depth0=15.0,
                   liquidation_threshold=0.70, max_ltv=0.30, trait_dispersion=0.10),
        Collection("longtail-B", "long_tail", 0.4, beta=1.35, volatility=0.09, depth0=10.0,
                   liquidation_threshold=0.70, max_ltv=0.30, trait_dispersion=0.05),
    )


def default_venues() -> tuple[Venue, ...]:
    """Three sources: two listing-floor venues and one last-sale feed with distressed prints."""
    return (
        Venue("venue-A", 0.5, noise=0.004, kind="floor"),
        Venue("venue-B", 0.3, noise=0.008, kind="floor", extra_delay_blocks=25),
        Venue("venue-C", 0.2, noise=0.015, kind="last_sale", outlier_rate=0.01),
    )


@dataclass(frozen=True)
class ScenarioPaths:
    """A scenario sampled every ``step_blocks`` blocks (row ``t`` is time ``t * step``).

    Arrays have ``T = n_steps + 1`` rows (t = 0 .. horizon).

    Attributes:
        time_s: (T,) seconds since the start.
        fundamental: (T, K) floors the market would show without forced sales (ETH).
        depth_multiplier: (T, K) resting bid depth as a fraction of ``depth0``.
        funding: (T,) perp funding rate per 8 h (fraction; the squeeze shows as a spike).
        open_interest_change: (T,) open interest relative to t = 0, minus one.
        gas_gwei: (T,) gas price.
        venue_up: (T, S) whether each venue reports.
        source_noise: (T, K, S) standard-normal draws for the sources' report noise.
        outlier_draw: (T, K, S) uniforms; a report is a distressed print where < outlier_rate.
        outlier_depth: (T, K, S) how far below the floor a distressed print is (0.15-0.35).
    """

    step_blocks: int
    block_seconds: float
    time_s: np.ndarray
    fundamental: np.ndarray
    depth_multiplier: np.ndarray
    funding: np.ndarray
    open_interest_change: np.ndarray
    gas_gwei: np.ndarray
    venue_up: np.ndarray
    source_noise: np.ndarray
    outlier_draw: np.ndarray
    outlier_depth: np.ndarray

    @property
    def n_steps(self) -> int:
        """Number of steps (rows minus one)."""
        return len(self.time_s) - 1

    @property
    def step_seconds(self) -> float:
        """Seconds per step."""
        return self.step_blocks * self.block_seconds

    @property
    def hours(self) -> np.ndarray:
        """Time axis in hours."""
        return self.time_s / HOUR


@dataclass(frozen=True)
class Scenario:
    """A crash-and-snap-back scenario (see the module docstring for the shape).

    All times are hours from the start of the squeeze.  ``seed`` fixes every random draw,
    so a scenario is a value: the same scenario always produces the same paths.
    """

    name: str = "case-study"
    collections: tuple[Collection, ...] = field(default_factory=default_collections)
    venues: tuple[Venue, ...] = field(default_factory=default_venues)
    block_seconds: float = 12.0
    horizon_hours: float = 72.0
    # the shock
    shock_depth: float = 0.18
    shock_hours: float = 36.0
    # bid depth
    depth_trough: float = 0.25
    depth_collapse_hours: float = 12.0
    depth_recovery: float = 0.8
    # the snap-back
    snapback_start_hours: float = 48.0
    snapback_hours: float = 12.0
    snapback_fraction: float = 0.5
    # derivatives and gas
    funding_base: float = 0.0001
    funding_peak: float = 0.0030
    open_interest_drop: float = 0.35
    gas_base_gwei: float = 25.0
    gas_peak_gwei: float = 140.0
    depth_scale: float = 1.0
    # oracle and venues
    oracle_delay_blocks: int = 75
    outages: tuple[VenueOutage, ...] = ()
    # randomness
    correlation: float = 0.7
    noise_scale: float = 1.0
    seed: int = 0

    def __post_init__(self) -> None:
        check_str("name", self.name)
        for field_name, cls in (("collections", Collection), ("venues", Venue), ("outages", VenueOutage)):
            # a list is taken as the tuple it stands for (the scenario stays hashable)
            object.__setattr__(self, field_name, check_sequence(field_name, getattr(self, field_name), cls,
                                                                cls.__name__ + "s"))
        if not self.collections:
            raise ValueError("collections must not be empty")
        if not self.venues:
            raise ValueError("venues must not be empty")
        check_number("block_seconds", self.block_seconds, lo=0.0, lo_open=True)
        check_number("horizon_hours", self.horizon_hours, lo=0.0, lo_open=True)
        check_number("shock_depth", self.shock_depth, lo=0.0, hi=0.95)
        check_number("shock_hours", self.shock_hours, lo=0.0, lo_open=True)
        check_number("depth_trough", self.depth_trough, lo=0.01, hi=1.0)
        check_number("depth_collapse_hours", self.depth_collapse_hours, lo=0.0, lo_open=True)
        check_number("depth_recovery", self.depth_recovery, lo=0.01, hi=2.0)
        check_number("depth_scale", self.depth_scale, lo=0.01, hi=100.0)
        check_number("snapback_start_hours", self.snapback_start_hours, lo=0.0, hi=1e6)
        check_number("snapback_hours", self.snapback_hours, lo=0.0, lo_open=True)
        check_number("snapback_fraction", self.snapback_fraction, lo=0.0, hi=1.0)
        check_number("correlation", self.correlation, lo=0.0, hi=1.0)
        check_number("noise_scale", self.noise_scale, lo=0.0, hi=10.0)
        check_number("funding_base", self.funding_base, lo=-1.0, hi=1.0)
        check_number("funding_peak", self.funding_peak, lo=-1.0, hi=1.0)
        check_number("open_interest_drop", self.open_interest_drop, lo=0.0, hi=1.0)
        check_number("gas_base_gwei", self.gas_base_gwei, lo=0.0, hi=1e6)
        check_number("gas_peak_gwei", self.gas_peak_gwei, lo=0.0, hi=1e6)
        check_count("oracle_delay_blocks", self.oracle_delay_blocks, lo=0)
        check_seed("seed", self.seed)
        for o in self.outages:
            if not 0 <= o.venue < len(self.venues):
                raise ValueError(f"outages: venue index {o.venue} out of range")
        if self.n_blocks > MAX_COUNT:
            raise ValueError(f"horizon_hours / block_seconds: {self.n_blocks} blocks is more than {MAX_COUNT}")

    def replace(self, **changes: object) -> Scenario:
        """A copy with some fields changed (``dataclasses.replace``), e.g. a deeper shock."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @property
    def n_blocks(self) -> int:
        """Blocks in the horizon."""
        return int(round(self.horizon_hours * HOUR / self.block_seconds))

    def drawdown(self, hours: np.ndarray) -> np.ndarray:
        """The common drawdown d(t) in [0, shock_depth] (before each collection's beta).

        Concave fall over ``shock_hours`` (d = D (1 - (1 - t/T)^2): the market breaks fast),
        a trough until ``snapback_start_hours``, then a smooth recovery of
        ``snapback_fraction`` of the drawdown over ``snapback_hours``.
        """
        t = check_array("hours", hours, ndim=None)
        fall = np.clip(t / self.shock_hours, 0.0, 1.0)
        d = self.shock_depth * (1.0 - (1.0 - fall) ** 2)
        rec = np.clip((t - self.snapback_start_hours) / self.snapback_hours, 0.0, 1.0)
        smooth = rec * rec * (3.0 - 2.0 * rec)
        return d * (1.0 - self.snapback_fraction * smooth)

    def depth_path(self, hours: np.ndarray, beta: float = 1.0) -> np.ndarray:
        """Resting bid depth as a fraction of depth0: falls to ``depth_trough ** beta``
        within ``depth_collapse_hours`` (faster than the floor), recovers toward
        ``depth_recovery`` with the snap-back."""
        t = check_array("hours", hours, ndim=None)
        beta = check_real("beta", beta, lo=0.0, hi=5.0)
        trough = self.depth_trough**beta
        fall = np.sqrt(np.clip(t / self.depth_collapse_hours, 0.0, 1.0))
        m = 1.0 - (1.0 - trough) * fall
        rec = np.clip((t - self.snapback_start_hours) / self.snapback_hours, 0.0, 1.0)
        smooth = rec * rec * (3.0 - 2.0 * rec)
        return m + (self.depth_recovery - m) * smooth * (t >= self.snapback_start_hours)

    def paths(self, step_blocks: int = 25) -> ScenarioPaths:
        """Samples the scenario every ``step_blocks`` blocks (default 25 = 5 minutes)."""
        check_count("step_blocks", step_blocks)
        n_steps = max(1, int(math.ceil(self.n_blocks / step_blocks)))
        step_s = step_blocks * self.block_seconds
        time_s = np.arange(n_steps + 1, dtype=float) * step_s
        hours = time_s / HOUR
        K, S = len(self.collections), len(self.venues)
        rng = np.random.default_rng(self.seed)

        # One-factor correlated log-noise, zero at t = 0, drift-corrected (martingale).
        dt_days = step_s / 86400.0
        common = rng.standard_normal((n_steps, 1))
        own = rng.standard_normal((n_steps, K))
        shocks = math.sqrt(self.correlation) * common + math.sqrt(1.0 - self.correlation) * own
        vol = np.array([c.volatility for c in self.collections]) * self.noise_scale
        increments = shocks * vol * math.sqrt(dt_days) - 0.5 * vol**2 * dt_days
        log_noise = np.vstack([np.zeros((1, K)), np.cumsum(increments, axis=0)])

        beta = np.array([c.beta for c in self.collections])
        floor0 = np.array([c.floor0 for c in self.collections])
        d = self.drawdown(hours)
        fundamental = floor0 * np.clip(1.0 - np.outer(d, beta), 0.01, None) * np.exp(log_noise)
        depth = np.column_stack([self.depth_path(hours, c.beta) for c in self.collections])

        # The squeeze: funding spikes within hours and fades by the snap-back; open interest
        # bleeds out over the first day; gas spikes with the on-chain rush.
        bump = _bump(hours, peak=6.0, width=10.0)
        fade = 1.0 - np.clip((hours - self.snapback_start_hours) / self.snapback_hours, 0.0, 1.0)
        elevated = 0.3 * fade * (hours > 6.0)  # funding stays raised until the squeeze unwinds
        funding = self.funding_base + (self.funding_peak - self.funding_base) * np.maximum(bump, elevated)
        oi = -self.open_interest_drop * np.clip(hours / 24.0, 0.0, 1.0) * (0.5 + 0.5 * fade)
        gas = self.gas_base_gwei + (self.gas_peak_gwei - self.gas_base_gwei) * _bump(hours, peak=4.0, width=4.0)

        venue_up = np.ones((n_steps + 1, S), dtype=bool)
        for o in self.outages:
            venue_up[(hours >= o.start_hours) & (hours < o.end_hours), o.venue] = False

        return ScenarioPaths(
            step_blocks=step_blocks,
            block_seconds=self.block_seconds,
            time_s=time_s,
            fundamental=fundamental,
            depth_multiplier=depth,
            funding=funding,
            open_interest_change=oi,
            gas_gwei=gas,
            venue_up=venue_up,
            source_noise=rng.standard_normal((n_steps + 1, K, S)),
            outlier_draw=rng.random((n_steps + 1, K, S)),
            outlier_depth=rng.uniform(0.15, 0.35, (n_steps + 1, K, S)),
        )


def case_study(**changes: object) -> Scenario:
    """The seed's case study (the simulator's default); keyword arguments override fields."""
    return Scenario(**changes)  # type: ignore[arg-type]


def shock(depth: float, *, hours: float = 36.0, snapback: float = 0.5, snapback_after_hours: float = 48.0,
          depth_trough: float = 0.25, oracle_delay_blocks: int = 75, correlation: float = 0.7,
          seed: int = 0, name: str | None = None, **changes: object) -> Scenario:
    """A parameterised crash: floors fall ``depth`` over ``hours``, then reclaim
    ``snapback`` of the drawdown ``snapback_after_hours`` after the start."""
    # Each argument checked under its own name (the Scenario fields are named differently).
    depth = check_real("depth", depth, lo=0.0, hi=0.95)
    snapback = check_real("snapback", snapback, lo=0.0, hi=1.0)
    check_real("hours", hours, lo=0.0, lo_open=True)
    check_real("snapback_after_hours", snapback_after_hours, lo=0.0, hi=1e6)
    if name is not None:
        check_str("name", name)
    return Scenario(
        name=name or f"shock-{depth:.0%}-snap-{snapback:.0%}",
        shock_depth=depth,
        shock_hours=hours,
        snapback_fraction=snapback,
        snapback_start_hours=snapback_after_hours,
        depth_trough=depth_trough,
        oracle_delay_blocks=oracle_delay_blocks,
        correlation=correlation,
        seed=seed,
        **changes,  # type: ignore[arg-type]
    )


def monte_carlo(n_paths: int, base: Scenario | None = None, *, seed: int = 0,
                shock_depth: tuple[float, float] | None = (0.10, 0.30),
                snapback_fraction: tuple[float, float] | None = (0.0, 0.8),
                depth_trough: tuple[float, float] | None = (0.15, 0.5)) -> list[Scenario]:
    """``n_paths`` scenarios around ``base``: each gets its own noise seed, and the ranges
    given (uniform) for shock depth, snap-back and depth trough; ``None`` keeps the base's."""
    check_count("n_paths", n_paths, hi=10**6)  # a list of scenarios: beyond that, generate in batches
    check_seed("seed", seed)
    if base is not None and not isinstance(base, Scenario):
        raise TypeError(f"base must be a Scenario or None, not {type(base).__name__}")
    ranges = {"shock_depth": shock_depth, "snapback_fraction": snapback_fraction, "depth_trough": depth_trough}
    for key, rng_range in ranges.items():
        if rng_range is not None:
            check_pair(key, rng_range)
    base = base or Scenario()
    rng = np.random.default_rng(seed)
    out: list[Scenario] = []
    for i in range(n_paths):
        changes: dict[str, object] = {"seed": int(rng.integers(0, 2**31 - 1)), "name": f"{base.name}/mc{i}"}
        for key, rng_range in (("shock_depth", shock_depth), ("snapback_fraction", snapback_fraction),
                               ("depth_trough", depth_trough)):
            if rng_range is not None:
                changes[key] = float(rng.uniform(*rng_range))
        out.append(base.replace(**changes))
    return out


def bucket_index(bucket: str) -> int:
    """0, 1, 2 for blue_chip, mid, long_tail."""
    return BUCKETS.index(bucket)  # type: ignore[arg-type]


def collection_buckets(collections: Iterable[Collection]) -> np.ndarray:
    """Bucket index of each collection."""
    return np.array([bucket_index(c.bucket) for c in collections], dtype=np.int64)


def _bump(hours: np.ndarray, *, peak: float, width: float) -> np.ndarray:
    """A smooth one-sided bump: 0 at t = 0, 1 at ``peak``, back toward 0 after ``width``."""
    x = np.maximum(hours, 0.0) / peak
    return np.clip(x * np.exp(1.0 - x) ** (peak / width), 0.0, 1.0)
