"""Staged liquidation and the borrower top-up behavioural model.

The seed's three breaches, per loan, vectorised over the book:

* **breach 1** — the health factor (collateral at the oracle's lower band) falls below
  the *requirement* ``1 + temporary OC add-on``: the borrower gets a notice and a cure
  window (``cure_window_hours``) to top up;
* **breach 2** — the window ends with the loan still below its requirement, or the loan
  reaches HF < 1 inside the window: the liquidity buffer refinances part of the debt
  (a junior claim; the lender is repaid that much) to lift the loan back to its
  requirement, within ``max_support_fraction`` of the collateral's value and the
  bucket's capacity — the "partial buffer support + temporary overcollateralization";
* **breach 3** — no support is possible and the loan is below HF 1 after its window (or
  below the hard floor at any time): the loan enters the controlled liquidation ramp
  (partial sale, or tranches into the AMM cushion under the absorption caps, or a
  rescue auction) — unless the rebalancer has paused unwinds in that collection.

:class:`BorrowerBehaviour` decides who tops up: a notified borrower pays the required
top-up with probability ``propensity / (1 + (required / (affordability * equity))^2)``
(nobody tops up a loan whose collateral is worth less than its debts), within the cure
window; borrowers also watch their own loans (``warning_hf``) and act, less often and
more slowly, without a notice — under every strategy, with the same per-loan draws.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .._validate import (check_array, check_bool, check_bool_array, check_count, check_fields, check_index_array,
                         check_instance, check_real)
from .loans import LoanBook

__all__ = ["BorrowerBehaviour", "Stage", "StageEvents", "StagedLiquidation", "required_repayment"]

HOUR = 3600.0


class Stage(enum.IntEnum):
    """Where a loan is in the staged liquidation."""

    HEALTHY = 0
    NOTICE = 1
    """Breach 1: notified, inside (or past) its cure window."""
    SUPPORTED = 2
    """Breach 2: refinanced by the buffer, back at its requirement."""
    RAMP = 3
    """Breach 3: in the controlled liquidation ramp."""


def required_repayment(book: LoanBook, idx: np.ndarray, price: np.ndarray, target_hf: np.ndarray | float) -> np.ndarray:
    """The debt reduction that lifts loans ``idx`` to ``target_hf`` at ``price`` (>= 0):
    ``debt - value * LT / target``."""
    book, idx, target = _loans_and_target(book, idx, target_hf)
    value = book.collateral_value(price)[idx] * book.liquidation_threshold[idx]
    return np.maximum(0.0, book.debt[idx] - value / target)


def _loans_and_target(book: LoanBook, idx: np.ndarray, target_hf: np.ndarray | float,
                      ) -> tuple[LoanBook, np.ndarray, np.ndarray]:
    """The checked (book, loan indices, target health factor per index) of the ramp's rules."""
    check_instance("book", book, LoanBook)
    idx = check_index_array("idx", idx, len(book))
    if np.ndim(target_hf) == 0:
        target = np.full(idx.shape, check_real("target_hf", target_hf, lo=0.0, lo_open=True))
    else:
        target = check_array("target_hf", target_hf, shape=idx.shape, lo=0.0, lo_open=True)
    return book, idx, target


@dataclass(frozen=True)
class BorrowerBehaviour:
    """Who tops up, and when (see the module docstring).

    Attributes:
        propensity: chance that a notified borrower with a small required top-up pays it.
        affordability: required top-up / equity at which that chance halves.
        self_monitoring: factor on the chance for borrowers acting without a notice.
        warning_hf: health factor at which a borrower may notice trouble unprompted.
        self_delay_hours: unprompted borrowers act within this time.
        response_share: notified borrowers act within this share of the cure window.
        overshoot: borrowers top up to their requirement plus this much health factor.
    """

    propensity: float = 0.6
    affordability: float = 0.5
    self_monitoring: float = 0.3
    warning_hf: float = 1.05
    self_delay_hours: float = 24.0
    response_share: float = 0.8
    overshoot: float = 0.10

    def __post_init__(self) -> None:
        check_fields(self, ("propensity", "self_monitoring", "response_share"), lo=0.0, hi=1.0)
        check_fields(self, ("affordability", "warning_hf", "self_delay_hours"), lo=0.0, lo_open=True)
        check_fields(self, ("overshoot",), lo=0.0)

    def probability(self, required: np.ndarray, equity: np.ndarray, notified: bool) -> np.ndarray:
        """Chance of topping up, per loan (``equity`` may be negative: under water)."""
        req = check_array("required", required, lo=0.0)
        eq = check_array("equity", equity, shape=req.shape)
        notified = check_bool("notified", notified)
        ratio = np.divide(req, self.affordability * eq, out=np.full(req.shape, np.inf), where=eq > 0)
        p = self.propensity * (1.0 if notified else self.self_monitoring) / (1.0 + ratio**2)
        return np.where(eq > 0, p, 0.0)


@dataclass
class StageEvents:
    """What one step of the staged liquidation did (loan indices)."""

    notified: np.ndarray
    cured: np.ndarray
    cure_amount: np.ndarray
    supported: np.ndarray
    support_amount: np.ndarray
    to_ramp: np.ndarray


_EMPTY = np.zeros(0, dtype=np.int64)


class TopUps:
    """Unprompted top-ups: borrowers who watch their own loans (every strategy)."""

    def __init__(self, n_loans: int, behaviour: BorrowerBehaviour) -> None:
        check_count("n_loans", n_loans, lo=0)
        self.behaviour = check_instance("behaviour", behaviour, BorrowerBehaviour)
        self.watch_since = np.full(n_loans, np.inf)
        self.respond_at = np.full(n_loans, np.inf)
        self.will = np.zeros(n_loans, dtype=bool)

    def step(self, time: float, book: LoanBook, price: np.ndarray, hf: np.ndarray,
             eligible: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Starts watching loans that dip below ``warning_hf``; pays the top-ups that are due.

        Returns (loan indices, amounts) of the top-ups paid this step.
        """
        time = check_real("time", time, lo=0.0)
        _check_book(book, len(self.will))
        price = book._prices(price)
        hf = check_array("hf", hf, shape=(len(book),), lo=0.0, allow_inf=True)  # inf: no debt
        eligible = check_bool_array("eligible", eligible, shape=(len(book),))
        b = self.behaviour
        low = eligible & (hf < b.warning_hf)
        start = np.flatnonzero(low & ~np.isfinite(self.watch_since))
        if start.size:
            target = b.warning_hf + b.overshoot
            req = required_repayment(book, start, price, target)
            eq = book.equity(price)[start]
            self.will[start] = book.u_topup[start] < b.probability(req, eq, notified=False)
            self.watch_since[start] = time
            self.respond_at[start] = time + b.self_delay_hours * HOUR * book.u_delay[start]
        due = np.flatnonzero(eligible & self.will & (self.respond_at <= time))
        paid_idx, paid = _EMPTY, np.zeros(0)
        if due.size:
            target = b.warning_hf + b.overshoot
            req = required_repayment(book, due, price, target)
            ok = (req > 0) & (book.equity(price)[due] > 0)
            paid_idx, paid = due[ok], req[ok]
            _pay_down(book, paid_idx, paid)
            self.respond_at[due] = np.inf
            self.will[due] = False
        # Loans back above the warning level stop being watched (a later dip starts afresh).
        self.watch_since[eligible & (hf >= b.warning_hf)] = np.inf
        return paid_idx, paid


def _check_book(book: object, n_loans: int) -> None:
    check_instance("book", book, LoanBook)
    if len(book) != n_loans:  # type: ignore[arg-type]
        raise ValueError(f"book has {len(book)} loans; this stage machine tracks {n_loans}")  # type: ignore[arg-type]


def _pay_down(book: LoanBook, idx: np.ndarray, amount: np.ndarray) -> None:
    """The borrower repays ``amount`` of lender debt in cash."""
    book.debt[idx] -= amount
    book.topped_up[idx] += amount


class StagedLiquidation:
    """The per-loan stage machine (see the module docstring), vectorised over the book."""

    def __init__(self, n_loans: int, behaviour: BorrowerBehaviour | None = None) -> None:
        check_count("n_loans", n_loans, lo=0)
        self.behaviour = BorrowerBehaviour() if behaviour is None else check_instance(
            "behaviour", behaviour, BorrowerBehaviour, "BorrowerBehaviour or None")
        self.stage = np.zeros(n_loans, dtype=np.int8)
        self.deadline = np.full(n_loans, np.inf)
        self.respond_at = np.full(n_loans, np.inf)
        self.will = np.zeros(n_loans, dtype=bool)
        self.first_fired: dict[str, float] = {}
        self.fired = {"breach_1": 0, "breach_2": 0, "breach_3": 0, "cured": 0}
        self.ever_breached = np.zeros(n_loans, dtype=bool)

    def step(self, time: float, book: LoanBook, price: np.ndarray, requirement: np.ndarray, *,
             cure_window_hours: float, hard_floor_hf: float, unwind_paused: np.ndarray,
             fund_support: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> StageEvents:
        """One step.

        Args:
            time: seconds.
            book: the loans (mutated: top-ups and refinancing reduce their lender debt).
            price: (K,) collateral price (the oracle's lower band).
            requirement: (L,) health factor each loan must keep (1 + OC add-on of its bucket).
            cure_window_hours: length of the window a notice opens.
            hard_floor_hf: below this a loan skips what is left of its window.
            unwind_paused: (L,) the rebalancer paused unwinds for the loan's collection.
            fund_support: called with (loan indices, amounts) of the loans that need
                refinancing; returns a bool mask of those the buffer funded (it books them).
        """
        time = check_real("time", time, lo=0.0)
        _check_book(book, len(self.stage))
        price = book._prices(price)
        requirement = check_array("requirement", requirement, shape=(len(book),), lo=0.0, lo_open=True)
        cure_window_hours = check_real("cure_window_hours", cure_window_hours, lo=0.0)
        hard_floor_hf = check_real("hard_floor_hf", hard_floor_hf, lo=0.0)
        unwind_paused = check_bool_array("unwind_paused", unwind_paused, shape=(len(book),))
        if not callable(fund_support):
            raise TypeError(f"fund_support must be callable (loan indices, amounts) -> funded mask, not "
                            f"{type(fund_support).__name__}")
        b = self.behaviour
        open_ = book.active & (self.stage != Stage.RAMP)
        hf = book.health_factor(price)

        # Notified borrowers who decided to top up do so when their response time comes.
        due = np.flatnonzero(open_ & (self.stage == Stage.NOTICE) & self.will & (self.respond_at <= time))
        cured, cure_amount = _EMPTY, np.zeros(0)
        if due.size:
            req = required_repayment(book, due, price, requirement[due] + b.overshoot)
            ok = book.equity(price)[due] > 0
            cured, cure_amount = due[ok], req[ok]
            _pay_down(book, cured, cure_amount)
            self.stage[cured] = np.where(book.buffer_claim[cured] > 0, Stage.SUPPORTED, Stage.HEALTHY)
            self.will[due] = False
            self.respond_at[due] = np.inf
            self.deadline[cured] = np.inf
            self._fire("cured", time, cured.size)
            hf = book.health_factor(price)

        # Breach 1: a notice and a cure window.
        new = np.flatnonzero(open_ & (self.stage != Stage.NOTICE) & (hf < requirement))
        if new.size:
            window = cure_window_hours * HOUR
            req = required_repayment(book, new, price, requirement[new] + b.overshoot)
            p = b.probability(req, book.equity(price)[new], notified=True)
            self.stage[new] = Stage.NOTICE
            self.deadline[new] = time + window
            self.will[new] = book.u_topup[new] < p
            self.respond_at[new] = time + window * b.response_share * book.u_delay[new]
            self.ever_breached[new] = True
            self._fire("breach_1", time, new.size)

        # Breach 2: the window ran out (still short of the requirement), or HF < 1 inside it.
        in_notice = open_ & (self.stage == Stage.NOTICE)
        needs = np.flatnonzero(in_notice & (((self.deadline <= time) & (hf < requirement)) | (hf < 1.0)))
        supported, support_amount = _EMPTY, np.zeros(0)
        if needs.size:
            amount = required_repayment(book, needs, price, requirement[needs])
            funded = np.asarray(fund_support(needs, amount), dtype=bool)
            supported, support_amount = needs[funded], amount[funded]
            self.stage[supported] = Stage.SUPPORTED
            self.deadline[supported] = np.inf
            self.will[supported] = False
            self._fire("breach_2", time, supported.size)
        # Past the deadline and back above the requirement (prices recovered): stand down.
        recovered = in_notice & (self.deadline <= time) & (hf >= requirement)
        self.stage[recovered] = np.where(book.buffer_claim[recovered] > 0, Stage.SUPPORTED, Stage.HEALTHY)
        self.deadline[recovered] = np.inf

        # Breach 3: unsupported and under water after the window, or below the hard floor.
        hf = book.health_factor(price)
        still = open_ & (self.stage == Stage.NOTICE)
        ramp = np.flatnonzero(still & ~unwind_paused & (((self.deadline <= time) & (hf < 1.0)) | (hf < hard_floor_hf)))
        if ramp.size:
            self.stage[ramp] = Stage.RAMP
            self.will[ramp] = False
            self._fire("breach_3", time, ramp.size)
        return StageEvents(notified=new, cured=cured, cure_amount=cure_amount, supported=supported,
                           support_amount=support_amount, to_ramp=ramp)

    def counts(self, book: LoanBook) -> dict[str, int]:
        """Active loans per stage."""
        _check_book(book, len(self.stage))
        act = book.active
        return {s.name.lower(): int(np.sum(act & (self.stage == s))) for s in Stage}

    def _fire(self, what: str, time: float, n: int) -> None:
        if n:
            self.fired[what] += n
            self.first_fired.setdefault(what, time)
