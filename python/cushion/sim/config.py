"""Configuration of a simulation: every parameter in one frozen, picklable value.

:class:`SimulationConfig` nests the component configurations (market, oracle, borrower
behaviour, rebalancer, buffer buckets, cushion, auction, book).  ``config.with_overrides``
takes dotted names — ``{"cushion.depth_multiple": 2.0, "behaviour.propensity": 0.3}`` —
which is what :func:`cushion.sweep` varies.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, Mapping

from .._validate import (UnknownName, check_array, check_bool, check_count, check_fields, check_instance,
                         check_mapping, check_real, check_seed, check_sequence, check_str)
from ..risk.buffer import DEFAULT_BUCKETS, BucketConfig
from ..risk.liquidation import BorrowerBehaviour
from ..risk.market import MarketConfig
from ..risk.oracle import OracleConfig
from ..risk.ramp import AuctionConfig
from ..risk.rebalancer import RebalancerConfig

__all__ = ["BookConfig", "CushionConfig", "SimulationConfig"]


@dataclass(frozen=True)
class CushionConfig:
    """The AMM cushion of each collection (an exponential collection-index curve).

    Attributes:
        depth_multiple: the cushion's depth (items per 5 % of price) as a multiple of the
            collection's resting market depth ``depth0``.
        discount: the curve's reference sits this far below the oracle's lower band.
        spread_base, spread_slope, spread_exponent, spread_cap: the stress-widened
            half-spread ``h(s) = min(cap, base + slope * s**exponent)`` of its quotes.
        block_items: items absorbed per block (calm, severe).
        window_hours: the rolling window of the window cap.
        window_depths: items absorbed per window, in units of the cushion's depth (calm, severe).
        recovery_half_life_hours: the curve's mid relaxes toward the reference with this half-life.
        auction_trait_threshold: items whose trait weight is at least this go to the rescue
            auction instead of the floor-priced cushion.
        max_queue_hours: items waiting longer than this for the cushion go to auction.
        ramp_horizon_hours: the horizon over which the queue's tranche schedule is planned
            (re-planned every step: the first step's tranches are executed).
        unwind_depth_per_hour: the cushion sells inventory back, in calm, at this share of
            the live market depth per hour.
        enabled: False removes the AMM cushion from the stack (an ablation): breach-3
            collateral is then sold into the open market in tranches of
            ``market_tranche_depth`` of the live depth per step.
        market_tranche_depth: see ``enabled``.
    """

    depth_multiple: float = 1.0
    discount: float = 0.0
    spread_base: float = 0.003
    spread_slope: float = 0.047
    spread_exponent: float = 1.0
    spread_cap: float = 0.05
    block_items: tuple[float, float] = (2.0, 1.0)
    window_hours: float = 1.0
    window_depths: tuple[float, float] = (1.0, 0.4)
    recovery_half_life_hours: float = 1.0
    auction_trait_threshold: float = 1.25
    max_queue_hours: float = 6.0
    ramp_horizon_hours: float = 1.0
    unwind_depth_per_hour: float = 0.1
    enabled: bool = True
    market_tranche_depth: float = 0.2

    def __post_init__(self) -> None:
        check_fields(self, ("depth_multiple", "window_hours", "recovery_half_life_hours", "max_queue_hours",
                            "ramp_horizon_hours"), lo=0.0, lo_open=True)
        check_fields(self, ("discount",), lo=0.0, hi=1.0, hi_open=True)
        check_fields(self, ("spread_base", "spread_slope", "spread_cap", "auction_trait_threshold",
                            "unwind_depth_per_hour", "market_tranche_depth"), lo=0.0)
        check_fields(self, ("spread_exponent",), lo=0.0, lo_open=True)
        for name in ("block_items", "window_depths"):
            pair = check_sequence(name, getattr(self, name), what="(calm, severe) numbers")
            if len(pair) != 2:
                raise ValueError(f"{name} must be (calm, severe), got {len(pair)} values")
            calm, severe = check_real(f"{name}[0]", pair[0], lo=0.0), check_real(f"{name}[1]", pair[1], lo=0.0)
            if severe > calm:
                raise ValueError(f"{name} must be (calm, severe) with 0 <= severe <= calm, got {pair}")
            object.__setattr__(self, name, (calm, severe))
        check_bool("enabled", self.enabled)


@dataclass(frozen=True)
class BookConfig:
    """How :meth:`cushion.risk.LoanBook.generate` draws the default book."""

    n_loans: int = 1000
    hf_min: float = 1.05
    hf_shape: float = 2.0
    hf_scale: float = 0.2
    bucket_share: tuple[float, float, float] = (0.55, 0.30, 0.15)
    seed: int = 7

    def __post_init__(self) -> None:
        check_count("n_loans", self.n_loans, hi=10**8)
        check_fields(self, ("hf_min", "hf_shape"), lo=0.0, lo_open=True)
        check_fields(self, ("hf_scale",), lo=0.0)
        share = check_array("bucket_share", self.bucket_share, shape=(3,), lo=0.0)
        if share.sum() <= 0:
            raise ValueError("bucket_share must give some weight to a bucket")
        object.__setattr__(self, "bucket_share", tuple(float(x) for x in share))
        check_seed("seed", self.seed)


@dataclass(frozen=True)
class SimulationConfig:
    """Everything a run needs besides the scenario.

    Attributes:
        step_blocks: the engine's cadence (25 blocks = 5 minutes of 12 s blocks): oracle,
            book, borrowers and controller move once per step; cushion tranches and their
            caps are executed block by block inside a step.
        naive_oracle: "spot" (venue 0's floor, the naive lender's mark) or "band" (the
            cushion stack's oracle, lower band), to separate the oracle's effect from the
            liquidation mechanics.
        reserve_factor: share of interest paid that flows into the buffer.
        reserve_scale: multiplies the buffer every bucket starts with (reserve ratio times
            the bucket's debt) — a smaller or larger protocol reserve.
        refinance_fee: the buffer's claim is the amount refinanced times (1 + fee).  How much
            it may refinance per loan is the rebalancer's governed
            ``rebalancer.max_support_fraction``.
    """

    step_blocks: int = 25
    market: MarketConfig = MarketConfig()
    oracle: OracleConfig = OracleConfig()
    behaviour: BorrowerBehaviour = BorrowerBehaviour()
    rebalancer: RebalancerConfig = RebalancerConfig()
    buckets: Mapping[str, BucketConfig] = field(default_factory=lambda: dict(DEFAULT_BUCKETS))
    cushion: CushionConfig = CushionConfig()
    auction: AuctionConfig = AuctionConfig()
    refinance_fee: float = 0.0
    book: BookConfig = BookConfig()
    naive_oracle: Literal["spot", "band"] = "spot"
    reserve_factor: float = 0.10
    reserve_scale: float = 1.0

    def __post_init__(self) -> None:
        check_count("step_blocks", self.step_blocks, hi=10**6)
        for name, cls in (("market", MarketConfig), ("oracle", OracleConfig), ("behaviour", BorrowerBehaviour),
                          ("rebalancer", RebalancerConfig), ("cushion", CushionConfig), ("auction", AuctionConfig),
                          ("book", BookConfig)):
            check_instance(name, getattr(self, name), cls)
        check_mapping("buckets", self.buckets)
        for bucket, c in self.buckets.items():
            check_str("buckets", bucket, tuple(DEFAULT_BUCKETS))
            check_instance(f"buckets[{bucket!r}]", c, BucketConfig)
        check_fields(self, ("refinance_fee", "reserve_scale"), lo=0.0)
        check_fields(self, ("reserve_factor",), lo=0.0, hi=1.0)
        check_str("naive_oracle", self.naive_oracle, ("spot", "band"))

    def with_overrides(self, overrides: Mapping[str, Any]) -> SimulationConfig:
        """A copy with dotted-name fields replaced, e.g. ``{"cushion.depth_multiple": 2}``.

        Bucket fields take the bucket as the second part:
        ``{"buckets.mid.reserve_ratio": 0.2}``.  Unknown names raise ``KeyError``.
        """
        check_mapping("overrides", overrides)
        cfg: Any = self
        for name, value in overrides.items():
            cfg = _replace_path(cfg, check_str("overrides", name).split("."), value, name)
        return cfg


def _replace_path(obj: Any, path: list[str], value: Any, full: str) -> Any:
    head, rest = path[0], path[1:]
    if isinstance(obj, Mapping):
        if head not in obj:
            raise UnknownName(f"overrides: unknown parameter {full!r}")
        new = dict(obj)
        new[head] = _replace_path(obj[head], rest, value, full) if rest else value
        return new
    if not dataclasses.is_dataclass(obj) or head not in {f.name for f in dataclasses.fields(obj)}:
        raise UnknownName(f"overrides: unknown parameter {full!r}")
    inner = getattr(obj, head)
    return dataclasses.replace(obj, **{head: _replace_path(inner, rest, value, full) if rest else value})
