"""``python -m cushion <command>``: the command-line entry points.

    demo    the main job (see README.md)
"""

from __future__ import annotations

import argparse
import sys


def _curve_demo() -> int:
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
    parser = argparse.ArgumentParser(prog="python -m cushion", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("demo", help="run the main demo")
    args = parser.parse_args(argv)
    if args.command == "demo":
        return _curve_demo()
    return 2


if __name__ == "__main__":
    sys.exit(main())
