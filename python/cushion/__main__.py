"""``python -m cushion <command>``: the command-line entry points.

    demo     the main job: the seed's crash-and-snap-back case study on a 1,000-loan book,
             naive liquidation against the cushion stack, side by side (and a PNG)
    curves   a tour of the collection-index curves (sudoswap v2 getBuyInfo, quotes)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path


def default_output_dir() -> Path:
    """Where the demo writes its plot: $CUSHION_OUTPUT_DIR, else <tmp>/cushion."""
    return Path(os.environ.get("CUSHION_OUTPUT_DIR") or Path(tempfile.gettempdir()) / "cushion")


def _case_study(args: argparse.Namespace) -> int:
    import cushion

    scenario = cushion.scenarios.case_study(seed=args.seed)
    result = cushion.simulate_scenario(scenario, n_loans=args.loans)
    if args.json:
        json.dump(result.to_dict(), sys.stdout, indent=None if args.compact else 2, sort_keys=True)
        sys.stdout.write("\n")
        if args.out is not None:
            path = _save_plot(result, args.out)
            print(f"plot: {path}", file=sys.stderr)
        return 0
    s = scenario
    print(f"cushion {cushion.__version__} - the crash-and-snap-back case study\n")
    print(f"Scenario: floors fall {s.shock_depth:.0%} over {s.shock_hours:g} h, bid depth falls to "
          f"{s.depth_trough:.0%} within {s.depth_collapse_hours:g} h, floors reclaim {s.snapback_fraction:.0%} "
          f"of the drawdown from {s.snapback_start_hours:g} h; {s.horizon_hours:g} h of {s.block_seconds:g}-second "
          f"blocks; {len(s.collections)} collections, {args.loans:,} loans.\n")
    print(result.table())
    print(f"\nBuffer books balance: {all(r.buffer_books_balance for r in result.runs.values())}; "
          f"simulated both strategies in {result.elapsed_seconds:.2f} s.")
    if not args.no_plot:
        path = _save_plot(result, args.out)
        print(f"Plot: {path}")
    return 0


def _save_plot(result: object, out: Path | None) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    directory = Path(out) if out is not None else default_output_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "snapback_case_study.png"
    result.plot(path)  # type: ignore[attr-defined]
    return path


def _curve_demo(_: argparse.Namespace) -> int:
    import cushion

    print("cushion", cushion.__version__, "- collection-index curves\n")
    info = cushion.sudoswap.get_buy_info("exponential", 3 * 10**18, 2 * 10**18, 5, 5 * 10**15, 3 * 10**15)
    print("sudoswap v2 exponential getBuyInfo(3e18, 2e18, n=5, fee 0.5%, protocol 0.3%):")
    print("  ", info, "\n")
    curves = {
        "linear": cushion.Linear(spot_price=10.0, delta=0.1, fee=0.005),
        "exponential": cushion.Exponential(spot_price=10.0, delta=1.01, fee=0.005),
        "xyk": cushion.XYK(token_reserve=500.0, nft_reserve=50, fee=0.005),
        "gda": cushion.GDA(spot_price=10.0, alpha=1.01, decay=0.0001, t0=0, now=3600, fee=0.005),
    }
    print(f"{'curve':<12}{'items sold':>12}{'proceeds':>12}{'avg price':>12}{'vs spot':>10}")
    for name, curve in curves.items():
        for k in (1, 5, 20):
            q = curve.sell(k)
            if q.ok:
                spot = curve.sell(1).value
                avg = q.value / q.items
                print(f"{name:<12}{k:>12}{q.value:>12.4f}{avg:>12.4f}{avg / spot - 1:>10.2%}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parses ``argv`` and runs the command; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m cushion", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="the crash-and-snap-back case study (the main job)")
    demo.add_argument("--json", action="store_true",
                      help='print one JSON object {"naive": {...}, "cushion": {...}} and nothing else')
    demo.add_argument("--compact", action="store_true", help="with --json: on one line")
    demo.add_argument("--loans", type=int, default=1000, help="loans in the book (default 1000)")
    demo.add_argument("--seed", type=int, default=0, help="the scenario's noise seed (default 0)")
    demo.add_argument("--out", type=Path, default=None,
                      help="directory for the PNG (default $CUSHION_OUTPUT_DIR or <tmp>/cushion)")
    demo.add_argument("--no-plot", action="store_true", help="do not write the PNG")
    sub.add_parser("curves", help="a tour of the collection-index curves")
    args = parser.parse_args(argv)
    if args.command == "demo":
        if args.loans < 1:
            parser.error("--loans must be >= 1")
        return _case_study(args)
    if args.command == "curves":
        return _curve_demo(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
