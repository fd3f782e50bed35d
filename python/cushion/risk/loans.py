"""A book of NFT-backed loans as parallel NumPy arrays (one element per loan).

Each loan has a collection, a number of items of one trait weight (an item's value is
``trait_weight * floor``), a lender debt that accrues interest continuously, a
liquidation threshold, and — once the buffer has refinanced part of it — a subordinated
``buffer_claim``.  The health factor is BendDAO's

    HF = items * trait_weight * price * LT / debt

where ``price`` is the collateral price the strategy uses (the oracle's lower band for the
cushion stack, the spot mark for naive liquidation) and ``debt`` the lender's claim (the
buffer's claim is junior and does not count: refinancing by the buffer is what lifts a
breached loan back above its requirement).  Everything is vectorised: a 1,000-loan book
updates in microseconds, so the simulator never loops over loans per block.

The book also carries the borrower's cash flows (top-ups paid in, surplus paid out) and
two fixed uniform draws per loan that the behavioural model reads, so that the same
borrowers behave the same way under every strategy (common random numbers).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

from .._validate import (check_array, check_count, check_index_array, check_pair, check_real, check_seed,
                         check_sequence)
from ..scenarios import Collection, collection_buckets

__all__ = ["LoanBook", "LoanStatus", "SECONDS_PER_YEAR"]

SECONDS_PER_YEAR = 365.0 * 86400.0


class LoanStatus(enum.IntEnum):
    """Where a loan is."""

    ACTIVE = 0
    """Open (possibly in a breach stage)."""
    LIQUIDATED = 1
    """Its collateral was sold by a forced liquidation (wholly)."""


@dataclass
class LoanBook:
    """Parallel arrays, one element per loan (see the module docstring).

    Create one with :meth:`generate` or from your own arrays; every array must have the
    same length.  ``copy()`` gives an independent book (strategies mutate their own copy).
    """

    collection: np.ndarray
    """(L,) int: index into the scenario's collections."""
    bucket: np.ndarray
    """(L,) int: risk bucket (0 blue chip, 1 mid, 2 long tail)."""
    items: np.ndarray
    """(L,) float: items pledged (whole numbers)."""
    trait_weight: np.ndarray
    """(L,) float: an item's value in floors (>= 1 for trait premia)."""
    debt: np.ndarray
    """(L,) float: the lender's claim including accrued interest (ETH)."""
    rate: np.ndarray
    """(L,) float: borrow APR, continuously compounded."""
    liquidation_threshold: np.ndarray
    """(L,) float: LT."""
    buffer_claim: np.ndarray
    """(L,) float: the liquidity buffer's junior refinancing claim (ETH)."""
    status: np.ndarray
    """(L,) int8: a :class:`LoanStatus`."""
    topped_up: np.ndarray
    """(L,) float: cash the borrower paid in to cure breaches (ETH)."""
    surplus_paid: np.ndarray
    """(L,) float: sale proceeds above the debts, paid to the borrower (ETH)."""
    items_sold: np.ndarray
    """(L,) float: items sold by forced liquidation or the ramp."""
    u_topup: np.ndarray
    """(L,) float: the borrower's fixed uniform draw for "will I top up?"."""
    u_delay: np.ndarray
    """(L,) float: the borrower's fixed uniform draw for "how soon?"."""

    def __post_init__(self) -> None:
        # Every array is checked and copied: the book owns its arrays (accrual and the
        # simulator change them in place) and never aliases the caller's.
        collection = check_index_array("collection", self.collection, 2**31)
        n = len(collection)
        checked = {"collection": collection, "bucket": check_index_array("bucket", self.bucket, 3, shape=(n,))}
        status = check_index_array("status", self.status, len(LoanStatus), shape=(n,))
        checked["status"] = status.astype(np.int8)
        for name in ("items", "trait_weight", "debt", "rate", "liquidation_threshold", "buffer_claim", "topped_up",
                     "surplus_paid", "items_sold"):
            checked[name] = check_array(name, getattr(self, name), shape=(n,), lo=0.0)
        for name in ("u_topup", "u_delay"):  # the borrowers' uniform draws
            checked[name] = check_array(name, getattr(self, name), shape=(n,), lo=0.0)
            if np.any(checked[name] > 1):
                raise ValueError(f"{name} must be uniform draws in [0, 1]")
        if np.any(checked["liquidation_threshold"] > 1):
            raise ValueError("liquidation_threshold must be <= 1")
        for name, a in checked.items():
            setattr(self, name, a)

    # --- construction -----------------------------------------------------------------------
    @classmethod
    def generate(cls, collections: tuple[Collection, ...], n_loans: int = 1000, *, seed: int = 0,
                 bucket_share: tuple[float, float, float] = (0.55, 0.30, 0.15), hf_min: float = 1.05,
                 hf_shape: float = 2.0, hf_scale: float = 0.2, rate_range: tuple[float, float] = (0.08, 0.30),
                 max_items: int = 5, multi_item_ratio: float = 0.35) -> LoanBook:
        """A synthetic book on ``collections``.

        Loans are spread over buckets by ``bucket_share`` (evenly within a bucket); items per
        loan follow a truncated geometric law (``P(k+1)/P(k) = multi_item_ratio``, at most
        ``max_items``); trait weights are ``1 + expm1(|N(0, trait_dispersion)|)``; the health
        factor at t = 0 is ``hf_min + Gamma(hf_shape, hf_scale)`` (mean 1.45 by default: most
        loans are comfortable, a fifth sit within an 18 % fall of liquidation), and the
        debt follows from it: ``debt = value * LT / HF0``.
        """
        collections = check_sequence("collections", collections, Collection, "Collections")
        if not collections:
            raise ValueError("collections must not be empty")
        check_count("n_loans", n_loans, hi=10**8)
        check_seed("seed", seed)
        hf_min = check_real("hf_min", hf_min, lo=0.0, lo_open=True)
        hf_shape = check_real("hf_shape", hf_shape, lo=0.0, lo_open=True)
        hf_scale = check_real("hf_scale", hf_scale, lo=0.0)
        check_array("bucket_share", bucket_share, shape=(3,), lo=0.0)
        check_pair("rate_range", rate_range, lo=0.0, hi=10.0)
        check_count("max_items", max_items, hi=10**4)
        multi_item_ratio = check_real("multi_item_ratio", multi_item_ratio, lo=0.0, lo_open=True)
        rng = np.random.default_rng(seed)
        buckets = collection_buckets(collections)
        share = np.asarray(bucket_share, dtype=float)
        present = np.array([np.any(buckets == b) for b in range(3)])
        share = np.where(present, share, 0.0)
        if share.sum() <= 0:
            raise ValueError("bucket_share gives no weight to the buckets present")
        per_collection = np.array([share[b] / np.sum(buckets == b) for b in buckets])
        per_collection /= per_collection.sum()
        coll = rng.choice(len(collections), size=n_loans, p=per_collection)
        k = np.arange(max_items)
        p_items = multi_item_ratio**k / np.sum(multi_item_ratio**k)
        items = 1.0 + rng.choice(max_items, size=n_loans, p=p_items)
        disp = np.array([c.trait_dispersion for c in collections])[coll]
        weight = 1.0 + np.expm1(np.abs(rng.standard_normal(n_loans)) * disp)
        lt = np.array([c.liquidation_threshold for c in collections])[coll]
        floor0 = np.array([c.floor0 for c in collections])[coll]
        hf0 = hf_min + rng.gamma(hf_shape, hf_scale, n_loans) if hf_scale > 0 else np.full(n_loans, hf_min)
        debt = items * weight * floor0 * lt / hf0
        zeros = np.zeros(n_loans)
        return cls(collection=coll, bucket=buckets[coll], items=items, trait_weight=weight, debt=debt,
                   rate=rng.uniform(*rate_range, n_loans), liquidation_threshold=lt, buffer_claim=zeros.copy(),
                   status=np.zeros(n_loans, dtype=np.int8), topped_up=zeros.copy(), surplus_paid=zeros.copy(),
                   items_sold=zeros.copy(), u_topup=rng.random(n_loans), u_delay=rng.random(n_loans))

    def copy(self) -> LoanBook:
        """An independent copy (arrays copied)."""
        return LoanBook(**{f.name: np.array(getattr(self, f.name), copy=True) for f in fields(self)})

    # --- valuation --------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.collection)

    @property
    def active(self) -> np.ndarray:
        """(L,) bool: loans still open."""
        return self.status == LoanStatus.ACTIVE

    def collateral_value(self, price: np.ndarray) -> np.ndarray:
        """(L,) items * trait weight * price of the loan's collection (``price`` is (K,))."""
        return self.items * self.trait_weight * self._prices(price)[self.collection]

    def _prices(self, price: np.ndarray, name: str = "price") -> np.ndarray:
        """``price`` checked: (K,) finite prices >= 0 covering every collection of the book."""
        p = check_array(name, price, lo=0.0)
        if len(self) and len(p) <= int(self.collection.max()):
            raise ValueError(f"{name} has {len(p)} collections but the book refers to collection "
                             f"{int(self.collection.max())}")
        return p

    def health_factor(self, price: np.ndarray, debt_price: float = 1.0) -> np.ndarray:
        """(L,) collateral value * LT / (debt * debt_price); inf for a loan without debt.

        ``price`` is the collateral price per collection (e.g. the oracle's lower band);
        ``debt_price`` the debt asset's price (its upper band; 1 for ETH-denominated debt).
        """
        debt_price = check_real("debt_price", debt_price, lo=0.0, lo_open=True)
        num = self.collateral_value(price) * self.liquidation_threshold
        den = self.debt * debt_price
        return np.divide(num, den, out=np.full(len(self), np.inf), where=den > 0)

    def equity(self, price: np.ndarray) -> np.ndarray:
        """(L,) collateral value minus all debts (lender and buffer), at ``price``."""
        return self.collateral_value(price) - self.debt - self.buffer_claim

    def accrue(self, seconds: float) -> None:
        """Accrues ``seconds`` of interest on the lender debt and the buffer claims."""
        seconds = check_real("seconds", seconds, lo=0.0)
        growth = np.exp(self.rate * (seconds / SECONDS_PER_YEAR))
        self.debt *= growth
        self.buffer_claim *= growth

    def to_frame(self) -> "pd.DataFrame":
        """The book as a pandas DataFrame (one row per loan)."""
        import pandas as pd

        return pd.DataFrame({f.name: getattr(self, f.name) for f in fields(self)})
