"""The post-event review: a run told in the seed's terms.

"Good governance also publishes post-event reviews.  How much capital was deployed?
Which thresholds fired?  How much collateral was preserved versus liquidated?  Which
collections were most sensitive to oracle lag?"  :class:`PostEventReview` answers those
four questions from a :class:`~cushion.sim.results.StrategyRun`:

* **capital** — buffer refinancing and cushion purchases, the peak deployed, reserve
  depletion, the buffer's marked P&L;
* **thresholds** — when each breach stage first fired and how often, every rebalancer
  decision that changed the policy (with its logged reason), kill-switch activations,
  regime changes;
* **collateral** — preserved (still the borrowers', at the end floor) versus liquidated
  (items, fair value, proceeds, slippage);
* **oracle lag** — per collection, the lag (in hours) at which the oracle's mark best
  matches the market floor, the mean tracking error of the mark, and the share of loans
  that breached and were liquidated; collections are ranked by tracking error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .._validate import check_array, check_count, check_real

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..sim.results import StrategyRun

__all__ = ["PostEventReview"]

HOUR = 3600.0


@dataclass(frozen=True)
class PostEventReview:
    """The review (see the module docstring).  ``str(review)`` renders it as Markdown."""

    strategy: str
    capital: dict[str, float]
    stages: dict[str, dict[str, float]]
    policy_changes: list[dict[str, Any]]
    collateral: dict[str, float]
    oracle_lag: list[dict[str, Any]]

    @classmethod
    def from_run(cls, run: "StrategyRun", hours: np.ndarray, step_blocks: int, block_seconds: float,
                 max_lag_hours: float = 6.0) -> PostEventReview:
        """Builds the review of one run (``hours`` is the run's time axis)."""
        from ..sim.results import StrategyRun

        if not isinstance(run, StrategyRun):
            raise TypeError(f"run must be a StrategyRun (ScenarioResult.runs), not {type(run).__name__}")
        check_array("hours", hours, shape=(len(run.market_floor),), lo=0.0)
        step_blocks = check_count("step_blocks", step_blocks)
        block_seconds = check_real("block_seconds", block_seconds, lo=0.0, lo_open=True)
        max_lag_hours = check_real("max_lag_hours", max_lag_hours, lo=0.0)
        m = run.metrics
        capital = {k: float(m[k]) for k in ("buffer_support_total", "cushion_purchases_total", "capital_deployed_peak",
                                            "reserve_depletion", "buffer_start", "buffer_min", "buffer_end_marked",
                                            "buffer_pnl_marked")}
        stages = {name: {"count": float(run.stages_fired.get(name, 0)),
                         "first_hour": run.stages_first_fired[name] / HOUR if name in run.stages_first_fired
                         else float("nan")}
                  for name in ("breach_1", "breach_2", "breach_3", "cured")}
        changes: list[dict[str, Any]] = []
        last_regime, last_switches = None, ()
        for d in run.decisions:
            if d.changed or d.regime != last_regime or d.kill_switches != last_switches:
                changes.append({"hour": d.time / HOUR, "regime": d.regime, "event": d.event.value,
                                "changed": list(d.changed), "kill_switches": list(d.kill_switches),
                                "reason": d.reason})
            last_regime, last_switches = d.regime, d.kill_switches
        collateral = {k: float(m[k]) for k in ("collateral_preserved_value", "collateral_preserved_share",
                                               "collateral_liquidated_items", "collateral_liquidated_value",
                                               "liquidation_proceeds", "realized_slippage", "realized_slippage_rate",
                                               "loans_liquidated", "loans_partially_sold", "bad_debt")}
        step_hours = step_blocks * block_seconds / HOUR
        # A run shorter than max_lag_hours: only the lags it can show (was: a broadcast error).
        max_lag = min(max(1, int(round(max_lag_hours / step_hours))), len(run.market_floor) - 1)
        lag_rows = []
        breached = run.breached_by_collection
        for k, name in enumerate(run.collection_names):
            mark, floor = run.marks[:, k], run.market_floor[:, k]
            errors = [float(np.mean(np.abs(mark[lag:] - floor[:len(floor) - lag]) / floor[:len(floor) - lag]))
                      for lag in range(max_lag + 1)]
            best = int(np.argmin(errors))
            loans = max(1, int(run.loans_by_collection[k]))
            lag_rows.append({
                "collection": name,
                "lag_hours": best * step_hours,
                "tracking_error": errors[0],
                "anomaly_hours": float(run.oracle_anomaly[:, k].sum() * step_hours),
                "breach_rate": float(breached[k]) / loans if breached is not None else float("nan"),
                "liquidation_rate": float(run.liquidated_by_collection[k]) / loans,
            })
        lag_rows.sort(key=lambda r: -r["tracking_error"])
        return cls(run.name, capital, stages, changes, collateral, lag_rows)

    def oracle_lag_frame(self) -> "pd.DataFrame":
        """The oracle-lag table as a DataFrame (most sensitive collection first)."""
        import pandas as pd

        return pd.DataFrame(self.oracle_lag)

    def policy_frame(self) -> "pd.DataFrame":
        """The policy changes as a DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.policy_changes)

    def to_markdown(self, max_changes: int = 12) -> str:
        """The review as a Markdown report (at most ``max_changes`` policy changes listed)."""
        max_changes = check_count("max_changes", max_changes, lo=0)
        c, col = self.capital, self.collateral
        out = [f"# Post-event review ({self.strategy})", "", "## Capital deployed",
               f"- buffer refinancing: {c['buffer_support_total']:.1f} ETH; cushion purchases: "
               f"{c['cushion_purchases_total']:.1f} ETH; peak deployed: {c['capital_deployed_peak']:.1f} ETH",
               f"- buffer cash {c['buffer_start']:.1f} -> min {c['buffer_min']:.1f} ETH (depletion "
               f"{c['reserve_depletion']:.1%}); marked at end {c['buffer_end_marked']:.1f} ETH "
               f"(P&L {c['buffer_pnl_marked']:+.1f})", "", "## Thresholds fired"]
        for name, s in self.stages.items():
            when = "never" if np.isnan(s["first_hour"]) else f"first at {s['first_hour']:.1f} h"
            out.append(f"- {name}: {int(s['count'])} ({when})")
        for ch in self.policy_changes[:max_changes]:
            out.append(f"- {ch['hour']:.1f} h, {ch['regime']}: {ch['reason']}")
        if len(self.policy_changes) > max_changes:
            out.append(f"- ... {len(self.policy_changes) - max_changes} more policy changes")
        out += ["", "## Collateral preserved vs liquidated",
                f"- preserved (borrowers', at the end floor): {col['collateral_preserved_value']:.0f} ETH "
                f"({col['collateral_preserved_share']:.1%} of the collateral)",
                f"- liquidated: {col['collateral_liquidated_items']:.0f} items, fair value "
                f"{col['collateral_liquidated_value']:.1f} ETH, proceeds {col['liquidation_proceeds']:.1f} ETH, "
                f"slippage {col['realized_slippage']:.1f} ETH ({col['realized_slippage_rate']:.1%})",
                "", "## Oracle lag (most sensitive first)",
                "| collection | lag (h) | tracking error | anomaly (h) | breached | liquidated |",
                "|---|---|---|---|---|---|"]
        for r in self.oracle_lag:
            out.append(f"| {r['collection']} | {r['lag_hours']:.2f} | {r['tracking_error']:.2%} | "
                       f"{r['anomaly_hours']:.1f} | {r['breach_rate']:.1%} | {r['liquidation_rate']:.1%} |")
        return "\n".join(out)

    def __str__(self) -> str:
        return self.to_markdown()
