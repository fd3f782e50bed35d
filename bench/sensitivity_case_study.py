"""How sensitive is the case study's verdict?  One parameter at a time around the default,
plus a Monte Carlo over shock depth, snap-back and depth collapse.

    .venv/bin/python bench/sensitivity_case_study.py [--loans 1000] [--workers 2] [--paths 40]

Every run is the full 72-hour case study on a fresh book under both strategies
(cushion.sweep on a 2-worker LocalCluster).  For each setting the script prints the
cushion's collateral liquidated and realized slippage as a share of naive liquidation's,
both slippage rates, the buffer's minimum and marked P&L, and bad debt, so one can see
where the cushion stops helping.  Not part of the test suite (a few minutes on 2 cores).
"""

from __future__ import annotations

import argparse

import pandas as pd

import cushion

ONE_AT_A_TIME: dict[str, list] = {
    "scenario.shock_depth": [0.10, 0.18, 0.25, 0.35, 0.45],
    "scenario.snapback_fraction": [0.0, 0.25, 0.5, 1.0],
    "scenario.depth_scale": [0.25, 0.5, 1.0, 2.0, 4.0],
    "cushion.depth_multiple": [0.25, 0.5, 1.0, 2.0, 4.0],
    "cushion.window_depths": [(0.25, 0.1), (0.5, 0.2), (1.0, 0.4), (2.0, 0.8)],
    "behaviour.propensity": [0.0, 0.3, 0.6, 0.9],
    "reserve_scale": [0.0, 0.25, 0.5, 1.0, 2.0],
    "market.reflexivity": [0.0, 0.25, 0.5, 1.0],
    "naive_oracle": ["spot", "band"],
    "cushion.enabled": [True, False],
    "rebalancer.max_support_fraction": [0.0, 0.15, 0.30],
}


def verdict(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Cushion vs naive per setting."""
    wide = df.pivot_table(index=keys, columns="strategy", aggfunc="first",
                          values=["collateral_liquidated_value", "realized_slippage", "realized_slippage_rate",
                                  "loans_liquidated", "buffer_min", "buffer_pnl_marked", "bad_debt",
                                  "borrower_losses"])
    value = wide["collateral_liquidated_value"]
    out = pd.DataFrame({
        "liq_value_naive": value["naive"],
        "liq_value_ratio": value["cushion"] / value["naive"],
        "slippage_ratio": wide[("realized_slippage", "cushion")] / wide[("realized_slippage", "naive")],
        "slip_rate_naive": wide[("realized_slippage_rate", "naive")],
        "slip_rate_cushion": wide[("realized_slippage_rate", "cushion")],
        "loans_naive": wide[("loans_liquidated", "naive")],
        "loans_cushion": wide[("loans_liquidated", "cushion")],
        "buffer_min": wide[("buffer_min", "cushion")],
        "buffer_pnl": wide[("buffer_pnl_marked", "cushion")],
        "bad_debt_naive": wide[("bad_debt", "naive")],
        "bad_debt_cushion": wide[("bad_debt", "cushion")],
        "borrower_loss_ratio": wide[("borrower_losses", "cushion")] / wide[("borrower_losses", "naive")],
    })
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--loans", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--paths", type=int, default=40)
    args = ap.parse_args()
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    base = cushion.scenarios.case_study()
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        for name, values in ONE_AT_A_TIME.items():
            df = cushion.sweep(base, {name: values}, n_loans=args.loans, client=client)
            df[name] = df[name].astype(str)
            print(f"\n=== {name} ===")
            print(verdict(df, [name]).to_string(float_format=lambda v: f"{v:,.3f}"))
        mc = cushion.scenarios.monte_carlo(args.paths, base, seed=2024)
        df = cushion.sweep(mc, n_loans=args.loans, client=client)
    v = verdict(df, ["task"])
    shocks = pd.DataFrame({s.name: {"shock": s.shock_depth, "snap": s.snapback_fraction, "depth": s.depth_trough}
                           for s in mc}).T.reset_index(drop=True)
    v = v.join(shocks)
    print(f"\n=== Monte Carlo: {args.paths} paths (shock 10-30 %, snap-back 0-80 %, depth trough 15-50 %) ===")
    print(v.describe(percentiles=[0.05, 0.5, 0.95]).T[["mean", "5%", "50%", "95%", "min", "max"]]
          .to_string(float_format=lambda x: f"{x:,.3f}"))
    worse = v[(v.liq_value_ratio >= 1) | (v.slippage_ratio >= 1) | (v.buffer_pnl < 0)]
    print(f"\npaths where the cushion liquidated at least as much, slipped at least as much, or lost buffer "
          f"capital: {len(worse)} of {len(v)}")
    if len(worse):
        print(worse.to_string(float_format=lambda x: f"{x:,.3f}"))


if __name__ == "__main__":
    main()
