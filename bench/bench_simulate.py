"""Benchmark: the default case study (1,000 loans x 72 h of 12-second blocks) per strategy.

    .venv/bin/python bench/bench_simulate.py [--repeat 5] [--loans 1000]

Runs in one process on one core (BLAS threads pinned to 1) and prints the median wall time
of each strategy and of the whole demo simulation (both strategies), plus the scenario and
book construction, so the <= 5 s budget of `python -m cushion demo` can be checked.  Wall
times on a shared machine are noisy: take the median of several repeats and compare
figures measured in the same run.  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import statistics  # noqa: E402
import time  # noqa: E402

import cushion  # noqa: E402
from cushion.risk import LoanBook  # noqa: E402


def timed(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--loans", type=int, default=1000)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    scenario = cushion.scenarios.case_study()
    config = cushion.SimulationConfig()
    t_paths, paths = timed(lambda: scenario.paths(config.step_blocks), args.repeat)
    b = config.book
    t_book, _ = timed(lambda: LoanBook.generate(scenario.collections, args.loans, seed=b.seed), args.repeat)
    print(f"case study: {args.loans} loans, {scenario.horizon_hours:g} h = {scenario.n_blocks} blocks, "
          f"{paths.n_steps} engine steps of {config.step_blocks} blocks; median of {args.repeat}")
    print(f"  scenario paths        {t_paths * 1e3:8.1f} ms")
    print(f"  loan book             {t_book * 1e3:8.1f} ms")
    for name in ("naive", "cushion"):
        t, res = timed(lambda: cushion.simulate_scenario(scenario, config, n_loans=args.loans, strategies=(name,)),
                       args.repeat)
        print(f"  {name:<20}  {t * 1e3:8.1f} ms   ({t / paths.n_steps * 1e6:6.1f} us per step)")
    t, res = timed(lambda: cushion.simulate_scenario(scenario, config, n_loans=args.loans), args.repeat)
    print(f"  both (the demo)       {t * 1e3:8.1f} ms   budget 5000 ms: {'OK' if t <= 5.0 else 'OVER'}")


if __name__ == "__main__":
    main()
