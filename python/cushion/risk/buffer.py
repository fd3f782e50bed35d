"""The liquidity buffer: a protocol reserve in risk buckets whose books always balance.

The reserve is split into the seed's buckets — ``blue_chip``, ``mid``, ``long_tail`` —
each with its own reserve ratio (required reserve = ratio * the bucket's outstanding
debt * the rebalancer's reserve multiplier), its share available to the AMM cushion, and
a floor it never deploys below.  Inflows (fees, top-ups of the reserve) are routed by
volatility: a bucket whose volatility runs above the threshold gets a larger share.

Capital leaves a bucket's *balance* only by being *deployed* into a position — a
refinancing of a breached loan (``support``) or collateral bought through the cushion
(``inventory``) — or withdrawn.  Settling a position (a repayment, a sale of inventory,
a write-off) returns its proceeds to the balance and books the difference from its cost
as realised P&L.  Hence, exactly, at all times and for every sequence of operations::

    deposits - withdrawals + realised_pnl == sum(balances) + sum(deployed)

and no balance is ever negative (an operation that would overdraw raises
:class:`InsufficientReserve` and changes nothing).  Amounts are kept in integer wei
(``1 ETH = 10**18``) so the identity is exact, not approximate; the API takes and returns
ETH as floats (``*_wei`` accessors give the integers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping

from .._validate import (UnknownName, check_bool, check_fields, check_index, check_mapping, check_real,
                         check_str)
from ..scenarios import BUCKETS, Bucket

__all__ = ["BucketConfig", "BufferEntry", "InsufficientReserve", "LiquidityBuffer", "Position", "WEI"]

WEI = 10**18

PositionKind = Literal["support", "inventory"]


class InsufficientReserve(ValueError):
    """An operation would take a bucket's balance below zero (or below its floor)."""


@dataclass(frozen=True)
class BucketConfig:
    """A risk bucket's rules.

    Attributes:
        reserve_ratio: required reserve as a share of the bucket's outstanding debt.
        cushion_share: share of the bucket's capital the AMM cushion may hold as inventory.
        support_share: share of the bucket's capital that may be lent out as refinancing.
        min_balance_fraction: share of the capital it started with that is never deployed.
    """

    reserve_ratio: float
    cushion_share: float = 0.6
    support_share: float = 0.5
    min_balance_fraction: float = 0.1

    def __post_init__(self) -> None:
        check_fields(self, ("reserve_ratio", "cushion_share", "support_share", "min_balance_fraction"), lo=0.0, hi=1.0)


DEFAULT_BUCKETS: dict[Bucket, BucketConfig] = {
    "blue_chip": BucketConfig(reserve_ratio=0.08),
    "mid": BucketConfig(reserve_ratio=0.12),
    "long_tail": BucketConfig(reserve_ratio=0.20),
}


@dataclass
class Position:
    """Capital deployed out of a bucket: a refinancing claim or cushion inventory."""

    id: int
    bucket: Bucket
    kind: PositionKind
    ref: int
    """The loan (support) or collection (inventory) it belongs to."""
    cost_wei: int
    """Cost basis still outstanding."""
    items: float = 0.0
    """Inventory held, in floor units (items times their trait weights)."""


@dataclass(frozen=True)
class BufferEntry:
    """One line of the buffer's journal."""

    time: float
    op: str
    bucket: str
    amount_wei: int
    position: int | None = None
    pnl_wei: int = 0


def to_wei(eth: float, name: str = "amount") -> int:
    """ETH (a finite number >= 0) to integer wei, rounded to nearest."""
    return int(round(check_real(name, eth, lo=0.0) * WEI))


@dataclass
class LiquidityBuffer:
    """The protocol's reserve (see the module docstring).

    ``configs`` gives each bucket's rules (defaults: reserve ratios 8 / 12 / 20 %).
    ``time`` is set by the simulator so that the journal is timestamped.
    """

    configs: Mapping[str, BucketConfig] = field(default_factory=lambda: dict(DEFAULT_BUCKETS))
    time: float = 0.0

    def __post_init__(self) -> None:
        check_mapping("configs", self.configs)
        for b, c in self.configs.items():
            if b not in BUCKETS:
                raise ValueError(f"configs: unknown bucket {b!r} (buckets: {BUCKETS})")
            if not isinstance(c, BucketConfig):
                raise TypeError(f"configs[{b!r}] must be a BucketConfig, not {type(c).__name__}")
        self.time = check_real("time", self.time, lo=0.0)
        self.configs = {b: self.configs.get(b, DEFAULT_BUCKETS[b]) for b in BUCKETS}
        self._balance: dict[str, int] = {b: 0 for b in BUCKETS}
        self._deployed: dict[str, int] = {b: 0 for b in BUCKETS}
        self._floor: dict[str, int] = {b: 0 for b in BUCKETS}
        self._capital: dict[str, int] = {b: 0 for b in BUCKETS}
        self._held: dict[str, dict[str, int]] = {b: {"support": 0, "inventory": 0} for b in BUCKETS}
        self.deposits_wei = 0
        self.withdrawals_wei = 0
        self.realised_pnl_wei = 0
        self.positions: dict[int, Position] = {}
        self.journal: list[BufferEntry] = []
        self._next_id = 0

    # --- reading ----------------------------------------------------------------------------
    def balance(self, bucket: str) -> float:
        """Cash in a bucket (ETH)."""
        return self._balance[self._check(bucket)] / WEI

    def balance_wei(self, bucket: str) -> int:
        """Cash in a bucket (wei)."""
        return self._balance[self._check(bucket)]

    def deployed(self, bucket: str) -> float:
        """Cost basis of a bucket's open positions (ETH)."""
        return self._deployed[self._check(bucket)] / WEI

    def deployed_wei(self, bucket: str) -> int:
        """Cost basis of a bucket's open positions (wei)."""
        return self._deployed[self._check(bucket)]

    @property
    def total_balance(self) -> float:
        """Cash over all buckets (ETH)."""
        return sum(self._balance.values()) / WEI

    @property
    def total_deployed(self) -> float:
        """Open positions over all buckets at cost (ETH)."""
        return sum(self._deployed.values()) / WEI

    @property
    def realised_pnl(self) -> float:
        """Realised profit and loss (ETH)."""
        return self.realised_pnl_wei / WEI

    def available(self, bucket: str) -> float:
        """What a bucket may still deploy: balance above its floor (ETH, >= 0)."""
        b = self._check(bucket)
        return max(0, self._balance[b] - self._floor[b]) / WEI

    def capacity(self, bucket: str, kind: PositionKind) -> float:
        """What a bucket may still deploy into positions of ``kind`` (ETH, >= 0): the
        kind's share of the bucket's capital minus what that kind already holds, capped by
        :meth:`available`."""
        b = self._check(bucket)
        check_str("kind", kind, ("support", "inventory"))
        share = self.configs[b].cushion_share if kind == "inventory" else self.configs[b].support_share
        return max(0.0, min(self.available(b), (share * self._capital[b] - self._held[b][kind]) / WEI))

    def required_reserve(self, bucket: str, outstanding_debt: float, multiplier: float = 1.0) -> float:
        """reserve_ratio * outstanding debt * multiplier (ETH)."""
        ratio = self.configs[self._check(bucket)].reserve_ratio
        return ratio * check_real("outstanding_debt", outstanding_debt, lo=0.0) * check_real("multiplier", multiplier,
                                                                                              lo=0.0)

    def books_balance(self) -> bool:
        """True iff deposits - withdrawals + realised P&L == balances + deployed, exactly,
        every bucket is >= 0, and the deployed sums equal the open positions' costs."""
        lhs = self.deposits_wei - self.withdrawals_wei + self.realised_pnl_wei
        rhs = sum(self._balance.values()) + sum(self._deployed.values())
        per_bucket = all(self._deployed[b] == sum(p.cost_wei for p in self.positions.values() if p.bucket == b)
                         == sum(self._held[b].values()) for b in BUCKETS)
        non_negative = all(v >= 0 for v in self._balance.values()) and all(v >= 0 for v in self._deployed.values())
        return lhs == rhs and per_bucket and non_negative

    # --- cash in and out --------------------------------------------------------------------
    def deposit(self, bucket: str, amount: float) -> None:
        """Adds capital to a bucket (raises its floor by ``min_balance_fraction`` of it)."""
        b, wei = self._check(bucket), to_wei(amount)
        self._balance[b] += wei
        self._capital[b] += wei
        self._floor[b] += int(self.configs[b].min_balance_fraction * wei)
        self.deposits_wei += wei
        self._log("deposit", b, wei)

    def withdraw(self, bucket: str, amount: float) -> None:
        """Takes cash out of a bucket; raises :class:`InsufficientReserve` beyond its balance."""
        b, wei = self._check(bucket), to_wei(amount)
        if wei > self._balance[b]:
            raise InsufficientReserve(f"{b}: withdrawing {wei / WEI} ETH exceeds the balance {self.balance(b)} ETH")
        self._balance[b] -= wei
        self._capital[b] = max(0, self._capital[b] - wei)
        self._floor[b] = min(self._floor[b], self._balance[b])
        self.withdrawals_wei += wei
        self._log("withdraw", b, wei)

    def route_inflow(self, amount: float, volatility: Mapping[str, float], threshold: float = 0.05) -> dict[str, float]:
        """Deposits ``amount`` split over the buckets by volatility and returns the split.

        A bucket's weight is its reserve ratio times ``max(1, volatility / threshold)``:
        at or below the threshold inflows follow the reserve ratios; a bucket whose
        (7-day) volatility exceeds it gets proportionally more.
        """
        wei = to_wei(amount)
        check_mapping("volatility", volatility)
        threshold = check_real("threshold", threshold, lo=0.0, lo_open=True)
        vol = {}
        for b, v in volatility.items():
            self._check(b, "volatility")
            vol[b] = check_real(f"volatility[{b!r}]", v, lo=0.0)
        weights = {b: self.configs[b].reserve_ratio * max(1.0, vol.get(b, 0.0) / threshold) for b in BUCKETS}
        total_w = sum(weights.values())
        if total_w <= 0:
            weights, total_w = {b: 1.0 for b in BUCKETS}, float(len(BUCKETS))
        split: dict[str, int] = {}
        left = wei
        for b in BUCKETS[:-1]:
            split[b] = int(wei * weights[b] / total_w)
            left -= split[b]
        split[BUCKETS[-1]] = left  # the rounding residue: the split sums to the inflow exactly
        for b, v in split.items():
            if v:
                self._balance[b] += v
                self._capital[b] += v
                self._floor[b] += int(self.configs[b].min_balance_fraction * v)
                self.deposits_wei += v
                self._log("inflow", b, v)
        return {b: v / WEI for b, v in split.items()}

    # --- positions --------------------------------------------------------------------------
    def deploy(self, bucket: str, amount: float, kind: PositionKind, ref: int, items: float = 0.0,
               respect_floor: bool = True) -> int:
        """Moves ``amount`` from a bucket's balance into a new position; returns its id.

        Raises :class:`InsufficientReserve` (nothing changes) if the balance — above the
        bucket's floor, unless ``respect_floor`` is False — cannot cover it.
        """
        b, wei = self._check(bucket), to_wei(amount)
        check_str("kind", kind, ("support", "inventory"))
        ref = check_index("ref", ref)
        items = check_real("items", items, lo=0.0)
        respect_floor = check_bool("respect_floor", respect_floor)
        limit = self._balance[b] - (self._floor[b] if respect_floor else 0)
        if wei > limit:
            raise InsufficientReserve(f"{b}: deploying {wei / WEI} ETH exceeds what it may deploy "
                                      f"({max(limit, 0) / WEI})")
        pid = self._next_id
        self._next_id += 1
        self._balance[b] -= wei
        self._deployed[b] += wei
        self._held[b][kind] += wei
        self.positions[pid] = Position(pid, b, kind, int(ref), wei, float(items))  # type: ignore[arg-type]
        self._log(f"deploy:{kind}", b, wei, pid)
        return pid

    def add_to_position(self, position: int, amount: float, items: float = 0.0, respect_floor: bool = True) -> None:
        """Deploys more into an existing position (a second refinancing of the same loan)."""
        p = self._position(position)
        wei = to_wei(amount)
        items = check_real("items", items, lo=0.0)
        respect_floor = check_bool("respect_floor", respect_floor)
        limit = self._balance[p.bucket] - (self._floor[p.bucket] if respect_floor else 0)
        if wei > limit:
            raise InsufficientReserve(f"{p.bucket}: deploying {wei / WEI} ETH exceeds what it may deploy")
        self._balance[p.bucket] -= wei
        self._deployed[p.bucket] += wei
        self._held[p.bucket][p.kind] += wei
        p.cost_wei += wei
        p.items += items
        self._log(f"deploy:{p.kind}", p.bucket, wei, position)

    def settle(self, position: int, proceeds: float, fraction: float = 1.0) -> float:
        """Closes ``fraction`` of a position for ``proceeds``; returns the realised P&L (ETH).

        The cost released is ``round(cost * fraction)`` (all of it when fraction is 1);
        proceeds go to the bucket's balance; P&L = proceeds - cost released.  A write-off is
        ``settle(p, 0.0)``.
        """
        p = self._position(position)
        fraction = check_real("fraction", fraction, lo=0.0, hi=1.0, lo_open=True)
        wei = to_wei(proceeds, "proceeds")
        released = p.cost_wei if fraction == 1.0 else min(p.cost_wei, int(round(p.cost_wei * fraction)))
        pnl = wei - released
        self._balance[p.bucket] += wei
        self._deployed[p.bucket] -= released
        self._held[p.bucket][p.kind] -= released
        self.realised_pnl_wei += pnl
        p.cost_wei -= released
        p.items = 0.0 if fraction == 1.0 else p.items * (1.0 - fraction)
        if fraction == 1.0:
            del self.positions[position]
        self._log(f"settle:{p.kind}", p.bucket, wei, position, pnl)
        return pnl / WEI

    # --- internals --------------------------------------------------------------------------
    def _check(self, bucket: str, name: str = "bucket") -> str:
        return check_str(name, bucket, BUCKETS)

    def _position(self, position: int) -> Position:
        check_index("position", position)
        try:
            return self.positions[position]
        except KeyError:
            raise UnknownName(f"position {position} is not an open position") from None

    def _log(self, op: str, bucket: str, wei: int, position: int | None = None, pnl: int = 0) -> None:
        self.journal.append(BufferEntry(self.time, op, bucket, wei, position, pnl))
