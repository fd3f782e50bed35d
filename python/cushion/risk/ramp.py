"""The decentralised ramp: published exit paths for a breached borrower, the same for all.

* **partial repayment** — repay enough lender debt to lift the loan to a target health
  factor (:func:`partial_repayment`);
* **partial sale** into the cushion — sell the fewest items that lift the loan to its
  target at the cushion's bid (:func:`partial_sale_items`), keeping the rest;
* **refinancing** into a longer loan funded by the buffer — the buffer repays part of the
  lender debt and holds a junior claim of the same size (:class:`RefinanceTerms`);
* **rescue auction** — a time-boxed Dutch auction per lot on the core GDA curve
  (:class:`RescueAuction`): the price starts above the mark and decays so that it reaches
  ``end_fraction`` of the mark when the box closes; a bidder takes the lot when the price
  meets their bid.  An unsold lot is handed back when its box expires.

The rules are closed forms over NumPy arrays (no per-loan discretion), so integrators can
reproduce exactly what a borrower is offered.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .._validate import check_array, check_fields, check_index, check_instance, check_real, check_sequence
from ..curves import GDA
from .liquidation import _loans_and_target, required_repayment
from .loans import LoanBook

__all__ = ["AuctionConfig", "AuctionLot", "RefinanceTerms", "RescueAuction", "partial_repayment",
           "partial_sale_items"]


def partial_repayment(book: LoanBook, idx: np.ndarray, price: np.ndarray, target_hf: np.ndarray | float) -> np.ndarray:
    """Lender debt to repay so that loans ``idx`` reach ``target_hf`` at ``price``."""
    return required_repayment(book, idx, price, target_hf)


def partial_sale_items(book: LoanBook, idx: np.ndarray, price: np.ndarray, bid: np.ndarray,
                       target_hf: np.ndarray | float) -> np.ndarray:
    """The fewest whole items whose sale at ``bid`` (per item, (K,)) lifts loans ``idx`` to
    ``target_hf``; 0 where no partial sale can (it would take every item, or the bid is too
    low for selling to raise the health factor).

    Selling k items at bid b: ``(n - k) w p LT / (D - k b) >= t``  <=>
    ``k >= (t D - n w p LT) / (t b - w p LT)`` when ``t b > w p LT``.
    """
    book, idx, t = _loans_and_target(book, idx, target_hf)
    c = book.collection[idx]
    n, w, lt, d = book.items[idx], book.trait_weight[idx], book.liquidation_threshold[idx], book.debt[idx]
    p, b = book._prices(price)[c], book._prices(bid, "bid")[c]
    den = t * b - w * p * lt
    need = t * d - n * w * p * lt
    k = np.ceil(np.divide(need, den, out=np.full(idx.shape, np.inf), where=den > 0) - 1e-12)
    k = np.where(need <= 0, 0.0, k)
    return np.where((den > 0) & (k >= 1) & (k < n), k, 0.0)


@dataclass(frozen=True)
class RefinanceTerms:
    """Refinancing by the buffer: it repays ``amount`` of lender debt for the borrower and
    holds a junior claim of ``amount * (1 + fee)`` accruing at the loan's rate.  Limited to
    ``max_fraction`` of the collateral's value per loan (cumulatively)."""

    max_fraction: float = 0.15
    fee: float = 0.0

    def __post_init__(self) -> None:
        check_fields(self, ("max_fraction",), lo=0.0, hi=1.0)
        check_fields(self, ("fee",), lo=0.0)

    def headroom(self, book: LoanBook, idx: np.ndarray, price: np.ndarray) -> np.ndarray:
        """How much more the buffer may refinance on loans ``idx`` (>= 0)."""
        book, idx, _ = _loans_and_target(book, idx, 1.0)
        value = book.collateral_value(price)[idx]
        return np.maximum(0.0, self.max_fraction * value - book.buffer_claim[idx])

    def apply(self, book: LoanBook, idx: np.ndarray, amount: np.ndarray) -> None:
        """Books the refinancing on the loans (the buffer side is the caller's); at most each
        loan's lender debt (``idx`` unique)."""
        book, idx, _ = _loans_and_target(book, idx, 1.0)
        amount = check_array("amount", amount, shape=idx.shape, lo=0.0)
        if len(np.unique(idx)) != len(idx):
            raise ValueError("idx must not repeat a loan")
        if np.any(amount > book.debt[idx]):
            raise ValueError("amount must not exceed the loans' lender debt")
        book.debt[idx] -= amount
        book.buffer_claim[idx] += amount * (1.0 + self.fee)


@dataclass(frozen=True)
class AuctionConfig:
    """Rescue auction parameters.

    Attributes:
        box_hours: how long a lot is offered.
        start_premium: opening price as a multiple of the mark.
        end_fraction: price at the end of the box as a share of the mark.
        alpha: the GDA's per-item multiplier (irrelevant for single-item lots, must be > 1).
    """

    box_hours: float = 6.0
    start_premium: float = 1.05
    end_fraction: float = 0.85
    alpha: float = 1.05

    def __post_init__(self) -> None:
        check_fields(self, ("box_hours", "start_premium", "end_fraction", "alpha"), lo=0.0, lo_open=True)
        if not (self.start_premium > self.end_fraction and self.alpha > 1):
            raise ValueError("need box_hours > 0, start_premium > end_fraction > 0 and alpha > 1")

    @property
    def decay(self) -> float:
        """GDA decay rate per second: 2^(-decay * box) = end_fraction / start_premium."""
        return math.log2(self.start_premium / self.end_fraction) / (self.box_hours * 3600.0)


@dataclass
class AuctionLot:
    """One item on auction."""

    loan: int
    collection: int
    weight: float
    opened: float
    curve: GDA


@dataclass
class RescueAuction:
    """Time-boxed GDA auctions, one lot per item."""

    config: AuctionConfig = field(default_factory=AuctionConfig)
    lots: list[AuctionLot] = field(default_factory=list)

    def __post_init__(self) -> None:
        check_instance("config", self.config, AuctionConfig)
        self.lots = list(check_sequence("lots", self.lots, AuctionLot, "AuctionLots"))

    def open(self, loan: int, collection: int, weight: float, mark: float, time: float) -> AuctionLot:
        """Puts one item of ``weight`` on auction at ``time``, opening at mark * weight *
        start_premium."""
        cfg = self.config
        loan, collection = check_index("loan", loan), check_index("collection", collection)
        weight = check_real("weight", weight, lo=0.0, lo_open=True)
        mark = check_real("mark", mark, lo=0.0, lo_open=True)
        time = check_real("time", time, lo=0.0)
        curve = GDA(spot_price=mark * weight * cfg.start_premium, alpha=cfg.alpha, decay=cfg.decay, t0=time, now=time)
        lot = AuctionLot(loan, collection, weight, time, curve)
        self.lots.append(lot)
        return lot

    def price(self, lot: AuctionLot, time: float) -> float:
        """The lot's price at ``time`` (the GDA's buy price of one item)."""
        check_instance("lot", lot, AuctionLot)
        time = check_real("time", time, lo=lot.opened)
        q = lot.curve.at(time).buy(1)
        return q.value if q.ok else 0.0

    def clear(self, time: float, bid: np.ndarray) -> tuple[list[tuple[AuctionLot, float]], list[AuctionLot]]:
        """Lots that sell now (price <= best bid * weight, a bidder takes it at the auction
        price), and lots whose box has expired unsold; both are removed from the book."""
        time = check_real("time", time, lo=max((lot.opened for lot in self.lots), default=0.0))
        bid = check_array("bid", bid, lo=0.0)
        if self.lots and len(bid) <= max(lot.collection for lot in self.lots):
            raise ValueError(f"bid has {len(bid)} collections; a lot is on collection "
                             f"{max(lot.collection for lot in self.lots)}")
        box = self.config.box_hours * 3600.0
        sold: list[tuple[AuctionLot, float]] = []
        expired: list[AuctionLot] = []
        keep: list[AuctionLot] = []
        for lot in self.lots:
            p = self.price(lot, time)
            if p > 0 and p <= bid[lot.collection] * lot.weight:
                sold.append((lot, p))
            elif time - lot.opened >= box:
                expired.append(lot)
            else:
                keep.append(lot)
        self.lots = keep
        return sold, expired
