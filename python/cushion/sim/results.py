"""Results of a simulation: per-strategy metrics, timelines, plots, the post-event review.

Metric definitions (ETH unless stated; "end" is the end of the horizon, after the
snap-back; fair value is the pre-trade market floor times the item's trait weight):

=============================  =============================================================
loans_liquidated               loans whose collateral was put up for a forced sale in full
                               (naive: HF < 1; cushion: breach 3 without a partial-sale way out)
loans_partially_sold           loans that sold some items through the ramp and kept the rest
collateral_liquidated_items    items sold by forced sales (market, cushion, auctions)
collateral_liquidated_value    their fair value
liquidation_proceeds           what they fetched
realized_slippage              fair value - proceeds (implementation shortfall)
realized_slippage_rate         realized_slippage / collateral_liquidated_value
borrower_losses                over all loans: equity had nothing been sold (collateral at the
                               end floor minus every debt the loan had to carry) minus the
                               equity the borrower actually ends with (surplus received plus
                               collateral still held, net of debts), floored at zero — what
                               forced sales cost borrowers through the snap-back
borrower_retention             share of loans not liquidated in full
borrower_topups                cash borrowers paid in to cure breaches
lender_recovery                lender debt recovered / lender debt owed at close, on liquidated loans
bad_debt                       realised shortfalls + open loans' debt above their collateral
                               at the end floor
buffer_start / _min / _end     the liquidity buffer's cash (all buckets)
buffer_end_marked              cash + open positions marked at the end floor
reserve_depletion              (buffer_start - buffer_min) / buffer_start
capital_deployed_peak          largest amount of buffer capital in positions at once
collateral_preserved_value     collateral still held by borrowers, at the end floor
collateral_preserved_share     that / all pledged collateral at the end floor
market_floor_index_end / _min  value-weighted market floor relative to t = 0
market_discount_end            how far the market floor ends below the fundamental floor
=============================  =============================================================
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np

from .._validate import UnknownName, check_path, check_sequence, check_str
from ..scenarios import Scenario

if TYPE_CHECKING:  # pragma: no cover
    import matplotlib.figure
    import pandas as pd

    from ..risk.loans import LoanBook
    from ..risk.review import PostEventReview
    from .config import SimulationConfig

__all__ = ["HEADLINE_METRICS", "ScenarioResult", "StrategyRun"]

HEADLINE_METRICS: tuple[tuple[str, str, str], ...] = (
    ("loans_liquidated", "loans liquidated", "{:,.0f}"),
    ("loans_partially_sold", "loans partially sold (kept the rest)", "{:,.0f}"),
    ("collateral_liquidated_items", "collateral liquidated (items)", "{:,.0f}"),
    ("collateral_liquidated_value", "collateral liquidated (ETH, fair value)", "{:,.1f}"),
    ("liquidation_proceeds", "liquidation proceeds (ETH)", "{:,.1f}"),
    ("realized_slippage", "realized slippage (ETH)", "{:,.1f}"),
    ("realized_slippage_rate", "realized slippage (% of fair value)", "{:.1%}"),
    ("borrower_losses", "borrower losses (ETH)", "{:,.1f}"),
    ("borrower_retention", "borrower retention", "{:.1%}"),
    ("borrower_topups", "borrower top-ups (ETH)", "{:,.1f}"),
    ("lender_recovery", "lender recovery on liquidated loans", "{:.1%}"),
    ("bad_debt", "bad debt (ETH)", "{:,.2f}"),
    ("buffer_start", "buffer at start (ETH)", "{:,.1f}"),
    ("buffer_min", "buffer minimum (ETH)", "{:,.1f}"),
    ("buffer_end_marked", "buffer at end, marked (ETH)", "{:,.1f}"),
    ("reserve_depletion", "reserve depletion", "{:.1%}"),
    ("capital_deployed_peak", "buffer capital deployed, peak (ETH)", "{:,.1f}"),
    ("collateral_preserved_value", "collateral preserved after snap-back (ETH)", "{:,.0f}"),
    ("collateral_preserved_share", "collateral preserved (share)", "{:.1%}"),
    ("market_floor_index_min", "market floor low (vs t0)", "{:.1%}"),
    ("market_discount_end", "market floor below fundamental at end", "{:.1%}"),
)


@dataclass
class StrategyRun:
    """One strategy's run: metrics, per-step timeline and per-collection paths."""

    name: str
    metrics: dict[str, float]
    timeline: np.ndarray
    columns: tuple[str, ...]
    collection_names: tuple[str, ...]
    market_floor: np.ndarray
    fundamental: np.ndarray
    marks: np.ndarray
    oracle_anomaly: np.ndarray
    liquidated_by_collection: np.ndarray
    loans_by_collection: np.ndarray
    buffer_journal_size: int
    buffer_books_balance: bool
    decisions: list[Any] = field(default_factory=list)
    override_log: list[Any] = field(default_factory=list)
    stages_fired: dict[str, int] = field(default_factory=dict)
    stages_first_fired: dict[str, float] = field(default_factory=dict)
    breached_by_collection: np.ndarray | None = None

    def column(self, name: str) -> np.ndarray:
        """One timeline column."""
        if check_str("name", name) not in self.columns:
            raise UnknownName(f"name: no timeline column {name!r} (columns: {', '.join(self.columns)})")
        return self.timeline[:, self.columns.index(name)]


@dataclass
class ScenarioResult:
    """The strategies' runs on one scenario and book, with tables and plots."""

    scenario: Scenario
    config: "SimulationConfig"
    runs: dict[str, StrategyRun]
    hours: np.ndarray
    elapsed_seconds: float
    initial_book: "LoanBook | None" = None

    @property
    def strategies(self) -> list[str]:
        """Names of the strategies run, in order."""
        return list(self.runs)

    def metrics(self, strategy: str) -> dict[str, float]:
        """The metrics of one strategy."""
        return dict(self._run(strategy).metrics)

    def to_dict(self) -> dict[str, dict[str, float]]:
        """``{strategy: {metric: value}}`` (JSON-ready)."""
        return {name: {k: float(v) for k, v in run.metrics.items()} for name, run in self.runs.items()}

    def summary(self, metrics: Sequence[str] | None = None) -> "pd.DataFrame":
        """Metrics (rows) by strategy (columns); all metrics unless ``metrics`` is given."""
        import pandas as pd

        known = list(next(iter(self.runs.values())).metrics)
        names = list(check_sequence("metrics", metrics, str, "metric names")) if metrics is not None else known
        unknown = [m for m in names if m not in known]
        if unknown:
            raise UnknownName(f"metrics: unknown metric(s) {unknown} (metrics: {', '.join(known)})")
        df = pd.DataFrame({s: [run.metrics[m] for m in names] for s, run in self.runs.items()}, index=names)
        df.index.name = "metric"
        return df

    def table(self) -> str:
        """The headline metrics side by side, formatted for a terminal."""
        strategies = self.strategies
        width = max(len(label) for _, label, _ in HEADLINE_METRICS) + 2
        lines = [f"{'':<{width}}" + "".join(f"{s:>16}" for s in strategies)]
        lines.append("-" * len(lines[0]))
        for key, label, fmt in HEADLINE_METRICS:
            lines.append(f"{label:<{width}}" + "".join(f"{fmt.format(self.runs[s].metrics[key]):>16}"
                                                        for s in strategies))
        return "\n".join(lines)

    def timeline(self, strategy: str | None = None) -> "pd.DataFrame":
        """Per-step state: one strategy (wide), or all stacked with a ``strategy`` column."""
        import pandas as pd

        names = [strategy] if strategy is not None else self.strategies
        frames = []
        for name in names:
            run = self._run(name)
            df = pd.DataFrame(run.timeline, columns=list(run.columns))
            if strategy is None:
                df.insert(0, "strategy", name)
            frames.append(df)
        return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]

    def decisions(self) -> "pd.DataFrame":
        """The rebalancer's decision log (cushion stack) as a DataFrame."""
        from ..risk.rebalancer import decision_frame

        return decision_frame(self._run("cushion").decisions)

    def review(self, strategy: str = "cushion") -> "PostEventReview":
        """The post-event review of one strategy's run (see :mod:`cushion.risk.review`)."""
        from ..risk.review import PostEventReview

        return PostEventReview.from_run(self._run(strategy), self.hours, self.config.step_blocks,
                                        self.scenario.block_seconds)

    def plot(self, path: str | os.PathLike[str] | None = None) -> "matplotlib.figure.Figure":
        """Four panels: floors and marks, liquidations, the buffer, stress and policy.
        Saved to ``path`` (PNG) if given; returns the figure."""
        from matplotlib.figure import Figure

        if path is not None:
            check_path("path", path)
        fig = Figure(figsize=(12, 8), constrained_layout=True)
        axes = fig.subplots(2, 2)
        h = self.hours
        colors = {"naive": "tab:red", "cushion": "tab:blue"}
        first = next(iter(self.runs.values()))
        ax = axes[0, 0]
        ax.plot(h, first.column("fundamental_index"), color="black", lw=1.2, ls="--", label="fundamental floor")
        for name, run in self.runs.items():
            ax.plot(h, run.column("market_index"), color=colors.get(name), label=f"market floor ({name})")
            ax.plot(h, run.column("mark_index"), color=colors.get(name), lw=0.8, alpha=0.6, ls=":",
                    label=f"collateral mark ({name})")
        ax.set_title("Floors (value-weighted, vs t0)")
        ax.legend(fontsize=7)
        ax = axes[0, 1]
        for name, run in self.runs.items():
            ax.plot(h, run.column("loans_liquidated"), color=colors.get(name), label=f"loans liquidated ({name})")
        ax.set_title("Cumulative loans liquidated")
        ax2 = ax.twinx()
        for name, run in self.runs.items():
            ax2.plot(h, run.column("slippage"), color=colors.get(name), ls="--", lw=0.9,
                     label=f"slippage ETH ({name})")
        ax2.set_ylabel("realized slippage (ETH)")
        ax.legend(loc="upper left", fontsize=7)
        ax2.legend(loc="lower right", fontsize=7)
        ax = axes[1, 0]
        for name, run in self.runs.items():
            ax.plot(h, run.column("buffer_balance"), color=colors.get(name), label=f"buffer cash ({name})")
            if name == "cushion":
                ax.plot(h, run.column("buffer_deployed"), color=colors.get(name), ls="--",
                        label="buffer deployed (cushion)")
        ax.axhline(0.0, color="grey", lw=0.5)
        ax.set_title("Liquidity buffer (ETH)")
        ax.legend(fontsize=7)
        ax = axes[1, 1]
        if "cushion" in self.runs:
            run = self.runs["cushion"]
            ax.plot(h, run.column("system_stress"), color="tab:purple", label="system stress")
            ax.plot(h, run.column("regime") / 2.0, color="tab:orange", drawstyle="steps-post",
                    label="regime (0 calm, 0.5 moderate, 1 severe)")
            ax.plot(h, run.column("oc_addon_mid") * 5, color="tab:green", label="temp. OC, mid (x5)")
            ax.plot(h, run.column("notices") / max(1.0, float(np.nanmax(run.column("notices")))), color="tab:grey",
                    lw=0.8, label="loans under notice (scaled)")
        ax.set_title("Cushion stack: stress, regime, temporary OC")
        ax.set_ylim(-0.05, 1.05)
        ax.legend(fontsize=7)
        for a in axes.flat:
            a.set_xlabel("hours")
        fig.suptitle(f"{self.scenario.name}: {int(first.metrics['loans'])} loans, "
                     f"{self.scenario.shock_depth:.0%} shock, {self.scenario.snapback_fraction:.0%} snap-back")
        if path is not None:
            fig.savefig(path, dpi=110)
        return fig

    def _run(self, strategy: str) -> StrategyRun:
        try:
            return self.runs[check_str("strategy", strategy)]
        except KeyError:
            raise UnknownName(f"strategy: no run for strategy {strategy!r} (ran: {self.strategies})") from None
