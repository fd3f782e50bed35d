#!/usr/bin/env python3
"""Curve quote throughput: cushion against what its users write today, in one process.

    .venv/bin/python bench/throughput.py            # a table of ns/quote and ratios
    .venv/bin/python bench/throughput.py --json     # one JSON object (see below)
    .venv/bin/python bench/throughput.py --quick    # smaller samples, under 30 s
    .venv/bin/python bench/throughput.py --memory   # also peak RSS of 10^7-element batches

For each curve (linear, exponential, xyk, gda) and side (buy, sell) the same random but
realistic quotes (every parameter varies per element; n in 1..10) are timed as

  cushion_f64_batch_ns      (a) cushion.batch.buy/sell on NumPy float64 arrays
  cushion_exact_batch_ns    (b) cushion.batch.buy_exact/sell_exact on lists of Python ints
                                (conversion in and out included)
  cushion_scalar_call_ns    (c) curve.buy(n) from Python on cushion.curves objects built
                                beforehand: the per-call overhead of the scalar API
  cushion_exact_scalar_call_ns  the same on cushion.exact objects
  python_int_ns             (d) the pure-Python big-int transcription of sudoswap's
                                contracts in tests/python/reference/sudoswap.py (what a
                                contract developer writes today)
  numpy_f64_ns              (e) the same formulas as a vectorised NumPy float64 expression
                                (what a quant writes today): value, both fees, next state
  boost_naive_ns            (f) exponential buy only: a naive Boost.Multiprecision
                                transcription (checked uint256, no fast paths), from the C++
                                benchmark binary cushion_bench (bench/naive_boost.hpp)
  cpp_exact_scalar_ns       cushion's exact quote in C++ (cushion_bench Scalar/exact/...)
  cpp_f64_scalar_ns         cushion's f64 quote in C++ (Scalar/f64/...)
  cpp_f64_batch_ns          the f64 batch kernel in C++ on 10^6 quotes, every parameter an
                                array (Batch/<curve>/<side>/n:1000000/varying:1); for xyk also
                                cpp_f64_batch_fixed_curve_ns (one curve, 10^6 counts)
  python_call_overhead_ns   cushion_scalar_call_ns - cpp_f64_scalar_ns: what a call from
                                Python adds to the quote itself

all in nanoseconds per quote, and the ratios peer / cushion ("how many times faster").
Before timing, every peer's results are checked against cushion's (exact: equal; f64:
within 1e-9 relative), so the figures compare the same computation.

Timing: each measurement is the minimum over several repeats of the calling thread's CPU
time (time.thread_time_ns), with the garbage collector off.  On a shared machine the CPU
time of the measuring thread is what other processes disturb least; the minimum discards
repeats slowed by cache pollution or migration.  Everything runs on one core (NumPy's
elementwise ufuncs and cushion's batch loop are single-threaded).

Allocator: glibc returns freed memory to the kernel or keeps it depending on the history of
the process (its mmap and trim thresholds move with every large free), and a batch whose
outputs land on fresh pages pays the kernel's page faults and zeroing (on the benchmark
machine ~10 ns per quote, more than the quote).  The script first allocates and frees one
30 MiB block, which fixes those thresholds for the whole run, so that every peer (NumPy's
temporaries and outputs alike) is measured in the steady state a loop over batches reaches;
`out=` avoids allocation altogether.

--json prints ONE object {"<curve>_<side>": {"cushion_f64_batch_ns": ..., ...}, ...};
--memory adds, per entry, the peak RSS of a fresh process quoting 10^7 elements and the
size of its outputs (batch_1e7_peak_rss_mib, batch_1e7_rss_growth_mib, batch_1e7_output_mib).
The C++ figures come from build/release/cushion_bench (or --bench-binary / $CUSHION_BENCH);
without it they are left out with a note.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "python"))  # the big-int references (tests/python/reference)

import cushion  # noqa: E402
from reference import sudoswap as ref  # noqa: E402

WAD = 10**18
CURVES = ("linear", "exponential", "xyk", "gda")
SIDES = ("buy", "sell")
MILLI = 10**15  # parameters are drawn in thousandths of a token: exact in wei, same rational in f64
GDA_T0 = 1_700_000_000


# --------------------------------------------------------------------------------------
# Inputs: one sample per curve, as wei ints (exact peers) and float64 (f64 peers).
# --------------------------------------------------------------------------------------

def make_inputs(curve: str, size: int, seed: int, exact_ints: bool = True) -> dict[str, Any]:
    """size quotes' parameters: {"exact": {name: list[int]}, "f64": {name: ndarray}} (exact
    lists left empty unless exact_ints: a 10^7 sample of Python ints is gigabytes)."""
    rng = np.random.default_rng(seed)

    def milli(lo: float, hi: float) -> np.ndarray:  # integers of thousandths in [lo, hi]
        return rng.integers(round(lo * 1000), round(hi * 1000), size, endpoint=True)

    def ints(a: np.ndarray, unit: int = 1) -> list[int]:
        return [int(v) * unit for v in a] if exact_ints else []

    n = rng.integers(1, 10, size, endpoint=True)
    fee, protocol_fee = milli(0, 0.01), milli(0, 0.005)
    if curve == "linear":
        amounts = {"spot_price": milli(10, 50), "delta": milli(0.01, 0.5)}
    elif curve == "exponential":
        amounts = {"spot_price": milli(0.5, 50), "delta": milli(1.001, 1.2)}
    elif curve == "xyk":
        amounts = {"token_reserve": milli(50, 500)}
    else:  # gda: alpha and lambda are multiples of 1e9 wei (sudoswap packs them in 40 bits)
        amounts = {"spot_price": milli(0.5, 50), "alpha": milli(1.01, 1.5)}
    exact: dict[str, list[int]] = {k: ints(a, MILLI) for k, a in amounts.items()}
    f64: dict[str, np.ndarray] = {k: a / 1000.0 for k, a in amounts.items()}
    if curve == "xyk":  # the NFT reserve is a plain item count
        nft = rng.integers(60, 200, size, endpoint=True)
        exact["nft_reserve"], f64["nft_reserve"] = ints(nft), nft.astype(np.float64)
    if curve == "gda":
        decay = rng.integers(0, 1000, size, endpoint=True)  # lambda in [0, 0.001] per second
        t0 = GDA_T0 - rng.integers(0, 1000, size, endpoint=True)
        now = GDA_T0 + rng.integers(1000, 5000, size, endpoint=True)
        exact["decay"], f64["decay"] = ints(decay, 10**12), decay / 1e6
        exact["t0"], f64["t0"] = ints(t0), t0.astype(np.float64)
        exact["now"], f64["now"] = ints(now), now.astype(np.float64)
    exact["fee"], f64["fee"] = ints(fee, MILLI), fee / 1000.0
    exact["protocol_fee"], f64["protocol_fee"] = ints(protocol_fee, MILLI), protocol_fee / 1000.0
    exact["n"], f64["n"] = ints(n), n.astype(np.float64)
    order = cushion.batch.parameters(curve)  # type: ignore[arg-type]
    return {"exact": {k: exact[k] for k in order}, "f64": {k: f64[k] for k in order}}


def head(inputs: dict[str, Any], k: int) -> dict[str, Any]:
    """The first k quotes of a sample."""
    return {"exact": {name: v[:k] for name, v in inputs["exact"].items()},
            "f64": {name: v[:k].copy() for name, v in inputs["f64"].items()}}


# --------------------------------------------------------------------------------------
# The peers.  Each takes the sample and returns a callable that quotes all of it.
# --------------------------------------------------------------------------------------

def cushion_f64_batch(curve: str, side: str, p: dict[str, np.ndarray]) -> Callable[[], Any]:
    fn = getattr(cushion.batch, side)
    return lambda: fn(curve, **p)


def cushion_exact_batch(curve: str, side: str, p: dict[str, list[int]]) -> Callable[[], Any]:
    fn = getattr(cushion.batch, f"{side}_exact")
    return lambda: fn(curve, **p)


_CLASSES = {"linear": "Linear", "exponential": "Exponential", "xyk": "XYK", "gda": "GDA"}


def cushion_scalar_calls(curve: str, side: str, p: dict[str, Any], module: Any,
                         convert: Callable[[Any], Any]) -> Callable[[], list[Any]]:
    """curve.buy(n) per element on curve objects built beforehand (construction not timed)."""
    cls = getattr(module, _CLASSES[curve])
    names = [k for k in p if k != "n"]
    columns = [[convert(v) for v in p[k]] for k in names]
    curves = [cls(*args) for args in zip(*columns)]
    ns = [convert(v) for v in p["n"]]
    method = side  # bound per element, as user code does: c.buy(n)
    if method == "buy":
        return lambda: [c.buy(n) for c, n in zip(curves, ns)]
    return lambda: [c.sell(n) for c, n in zip(curves, ns)]


def _gda_delta(alpha: int, decay: int, t0: int) -> int:
    """sudoswap's packed GDA delta: alpha / 1e9 (40 bits), lambda / 1e9 (40 bits), t0 (48 bits)."""
    return ((alpha // 10**9) << 88) | ((decay // 10**9) << 48) | t0


def python_int(curve: str, side: str, p: dict[str, list[int]]) -> Callable[[], list[tuple[int, ...]]]:
    """The big-int reference called per element, the way a contract developer's script does."""
    fn = getattr(ref, f"{curve}_{side}")
    if curve == "gda":
        rows = [(s, _gda_delta(a, lam, t0), n, f, pf, now)
                for s, a, lam, t0, now, f, pf, n in zip(*p.values())]
        return lambda: [fn(*row) for row in rows]
    rows = [(a, b, n, f, pf) for a, b, f, pf, n in zip(*p.values())]
    return lambda: [fn(*row) for row in rows]


def numpy_f64(curve: str, side: str, p: dict[str, np.ndarray]) -> Callable[[], tuple[np.ndarray, ...]]:
    """The same formulas as a quant writes them in NumPy: returns (value, trade_fee, protocol_fee, next...)."""
    fee, pfee, n = p["fee"], p["protocol_fee"], p["n"]
    if curve == "linear":
        S, d = p["spot_price"], p["delta"]
        if side == "buy":
            def run() -> tuple[np.ndarray, ...]:
                raw = n * (S + d) + n * (n - 1) * d / 2
                tf, pf = raw * fee, raw * pfee
                return raw + tf + pf, tf, pf, S + d * n
        else:
            def run() -> tuple[np.ndarray, ...]:
                clamped = S < d * n  # the price would go below zero: stop at the item that reaches it
                items = np.where(clamped, np.floor(S / d) + 1, n)
                raw = items * S - items * (items - 1) * d / 2
                tf, pf = raw * fee, raw * pfee
                return raw - tf - pf, tf, pf, np.where(clamped, 0.0, S - d * n)
    elif curve == "exponential":
        S, d = p["spot_price"], p["delta"]
        if side == "buy":
            def run() -> tuple[np.ndarray, ...]:
                dn = d**n
                raw = S * d * (dn - 1) / (d - 1)
                tf, pf = raw * fee, raw * pfee
                return raw + tf + pf, tf, pf, S * dn
        else:
            def run() -> tuple[np.ndarray, ...]:
                inv = 1 / d
                inv_n = inv**n
                raw = S * (1 - inv_n) / (1 - inv)
                tf, pf = raw * fee, raw * pfee
                return raw - tf - pf, tf, pf, S * inv_n
    elif curve == "xyk":
        x, y = p["token_reserve"], p["nft_reserve"]
        if side == "buy":
            def run() -> tuple[np.ndarray, ...]:
                raw = n * x / (y - n)
                tf, pf = raw * fee, raw * pfee
                return raw + tf + pf, tf, pf, x + raw, y - n
        else:
            def run() -> tuple[np.ndarray, ...]:
                raw = n * x / (y + n)
                tf, pf = raw * fee, raw * pfee
                return raw - tf - pf, tf, pf, x - raw, y + n
    else:
        S, alpha, lam, t0, now = p["spot_price"], p["alpha"], p["decay"], p["t0"], p["now"]
        if side == "buy":
            def run() -> tuple[np.ndarray, ...]:
                decay = np.exp2(np.minimum(lam * (now - t0), 10.0))
                an = alpha**n
                raw = S * (an - 1) / (alpha - 1) / decay
                tf, pf = raw * fee, raw * pfee
                return raw + tf + pf, tf, pf, S * an / decay
        else:
            def run() -> tuple[np.ndarray, ...]:
                boosted = S * np.exp2(np.minimum(lam * (now - t0), 10.0))
                an = alpha**n
                raw = boosted / (an / alpha) * (an - 1) / (alpha - 1)
                tf, pf = raw * fee, raw * pfee
                return raw - tf - pf, tf, pf, boosted / an
    return run


# --------------------------------------------------------------------------------------
# Agreement checks: the peers compute what cushion computes.
# --------------------------------------------------------------------------------------

def check_agreement(curve: str, side: str, inputs: dict[str, Any], k: int) -> None:
    small = head(inputs, k)
    batch = cushion_f64_batch(curve, side, small["f64"])()
    peer = numpy_f64(curve, side, small["f64"])()
    ok = batch.ok
    if ok.mean() < 0.9:
        raise AssertionError(f"{curve} {side}: only {ok.mean():.0%} of the sample quotes succeed")
    np.testing.assert_allclose(peer[0][ok], batch.value[ok], rtol=1e-9, err_msg=f"numpy {curve} {side}")
    np.testing.assert_allclose(peer[1][ok], batch.trade_fee[ok], rtol=1e-9, atol=1e-300)
    exact = cushion_exact_batch(curve, side, small["exact"])()
    reference = python_int(curve, side, small["exact"])()
    for i, r in enumerate(reference):
        got = (int(exact.error[i]), exact.value[i], exact.trade_fee[i], exact.protocol_fee[i])
        want = (r[0], r[3], r[4], r[5])
        if got != want:
            raise AssertionError(f"{curve} {side} element {i}: cushion {got} != reference {want}")
    scalar = cushion_scalar_calls(curve, side, small["f64"], cushion.curves, float)()
    if [q.value for q in scalar] != list(batch.value):
        raise AssertionError(f"{curve} {side}: scalar f64 quotes differ from the batch")


# --------------------------------------------------------------------------------------
# Timing.
# --------------------------------------------------------------------------------------

def best_ns(fn: Callable[[], Any], repeats: int, budget_s: float) -> float:
    """The minimum thread CPU time of fn() over up to `repeats` runs (at least 2), in ns."""
    fn()  # warm up: caches, page faults of first use, lazy imports
    best = float("inf")
    started = time.perf_counter()
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for r in range(repeats):
            t = time.thread_time_ns()
            result = fn()
            elapsed = time.thread_time_ns() - t
            del result
            best = min(best, elapsed)
            if r >= 1 and time.perf_counter() - started > budget_s:
                break
    finally:
        if gc_was_enabled:
            gc.enable()
    return float(best)


#: The Google Benchmark rows the script reads: every curve's scalar quotes in both policies,
#: the f64 batch of 10^6 quotes (every parameter an array, as here; and XYK on one curve),
#: and the naive Boost.Multiprecision exponential buy.
CPP_FILTER = ("^Scalar/(f64|exact)/(linear|exponential|xyk|gda)/(buy|sell)$"
              "|^Batch/(linear|exponential|xyk|gda)/(buy|sell)/n:1000000/varying:1$"
              "|^Batch/xyk/(buy|sell)/n:1000000/varying:0$"
              "|^Naive/Exponential/buy/mixed$")


def cpp_field(name: str) -> tuple[str, str] | None:
    """The (entry, field) a cushion_bench row fills, e.g. Scalar/exact/xyk/buy -> (xyk_buy, cpp_exact_scalar_ns)."""
    parts = name.split("/")
    if parts[0] == "Scalar":
        return f"{parts[2]}_{parts[3]}", f"cpp_{parts[1]}_scalar_ns"
    if parts[0] == "Batch":
        fixed = parts[-1] == "varying:0"
        return f"{parts[1]}_{parts[2]}", "cpp_f64_batch_fixed_curve_ns" if fixed else "cpp_f64_batch_ns"
    if parts[0] == "Naive":
        return "exponential_buy", "boost_naive_ns"
    return None


def cpp_benchmarks(binary: Path | None, quick: bool) -> tuple[dict[str, dict[str, float]], str | None]:
    """ns/quote of the C++ rows (CPP_FILTER) from cushion_bench, per entry; min over repetitions."""
    candidates = [binary] if binary else [Path(os.environ.get("CUSHION_BENCH", "")),
                                          ROOT / "build" / "release" / "cushion_bench",
                                          ROOT / "build" / "dev" / "cushion_bench"]
    exe = next((c for c in candidates if c and c.is_file() and os.access(c, os.X_OK)), None)
    if exe is None:
        return {}, ("C++ figures skipped: no cushion_bench binary (build it: cmake -S . -B build/release "
                    "-G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build/release --target cushion_bench)")
    cmd = [str(exe), f"--benchmark_filter={CPP_FILTER}", "--benchmark_format=json",
           f"--benchmark_min_time={0.03 if quick else 0.2}", f"--benchmark_repetitions={2 if quick else 5}",
           "--benchmark_report_aggregates_only=false"]
    try:
        out = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=600).stdout
    except (subprocess.SubprocessError, OSError) as e:
        return {}, f"C++ figures skipped: {exe} failed ({e})"
    try:
        benchmarks = json.loads(out)["benchmarks"]
    except (ValueError, KeyError):
        benchmarks = []
    figures: dict[str, dict[str, float]] = {}
    for b in benchmarks:
        where = cpp_field(b["name"])
        if b.get("run_type") != "iteration" or where is None or not b.get("items_per_second"):
            continue
        entry, field = where
        ns = 1e9 / b["items_per_second"]  # CPU time per quote (batch rows time 10^6 quotes per iteration)
        figures.setdefault(entry, {})[field] = min(figures.get(entry, {}).get(field, float("inf")), ns)
    if "boost_naive_ns" not in figures.get("exponential_buy", {}):
        return figures, f"{exe} has no Naive/Exponential/buy/mixed row (rebuild it)"
    return figures, None


def peak_rss_of_batch(curve: str, side: str, size: int) -> dict[str, float]:
    """Peak RSS of a fresh process while it quotes `size` elements, against its output size.

    The kernel's high-water mark (VmHWM) is reset just before the call (/proc/self/clear_refs),
    so the growth is measured from the resident set with the inputs built: what the batch
    itself allocates and touches."""
    code = f"""
import sys, numpy as np
sys.path.insert(0, {str(ROOT / 'bench')!r})
import cushion
from throughput import make_inputs

def status(field):
    for line in open('/proc/self/status'):
        if line.startswith(field + ':'):
            return int(line.split()[1]) * 1024

p = make_inputs({curve!r}, {size}, 7, exact_ints=False)["f64"]
getattr(cushion.batch, {side!r})({curve!r}, **{{k: v[:1000] for k, v in p.items()}})  # lazy imports, caches
with open('/proc/self/clear_refs', 'w') as f:
    f.write('5')  # reset VmHWM to the current RSS
base = status('VmRSS')
q = getattr(cushion.batch, {side!r})({curve!r}, **p)
peak = status('VmHWM')
out = sum(a.nbytes for a in (q.value, q.trade_fee, q.protocol_fee, q.error, q.items, *q.next.values()))
print(base, peak, out)
"""
    base, peak, out = map(int, subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                              text=True).stdout.split())
    mib = 1024.0**2
    return {"batch_1e7_peak_rss_mib": peak / mib, "batch_1e7_rss_growth_mib": (peak - base) / mib,
            "batch_1e7_output_mib": out / mib}


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} logical CPUs, Python {platform.python_version()}, NumPy {np.__version__}"


#: Per mode: quotes per timed call (f64 batch and NumPy; exact batch and the Python
#: reference, on one and the same sample; scalar calls), repeats, and seconds per
#: measurement after its first two repeats.
MODES = {
    "full": ((1_000_000, 20_000, 20_000), 15, 3.0),
    "quick": ((200_000, 4_000, 5_000), 5, 0.6),
    "smoke": ((2_000, 100, 100), 2, 0.05),  # the test suite's check of this script, not a measurement
}


def steady_allocator() -> None:
    """Fix glibc's mmap and trim thresholds for the run (see the module docstring): freeing
    one mmapped block just under 32 MiB (glibc's cap on the dynamic threshold) sets the mmap
    threshold to its size and the trim threshold to twice that."""
    block = np.ones(30 * 2**20 // 8)
    del block


def run(mode: str, memory: bool, binary: Path | None, cpp: bool,
        log: Callable[[str], None]) -> dict[str, dict[str, float]]:
    (n_f64, n_exact, n_scalar), repeats, budget = MODES[mode]
    results: dict[str, dict[str, float]] = {}
    steady_allocator()
    cpp_figures, cpp_note = cpp_benchmarks(binary, mode != "full") if cpp else ({}, "C++ benchmarks skipped (--no-cpp)")
    if cpp_note:
        log(cpp_note)
    for ci, curve in enumerate(CURVES):
        inputs = make_inputs(curve, n_f64, seed=ci)
        for side in SIDES:
            check_agreement(curve, side, inputs, min(500, n_exact))
            f64, exact = inputs["f64"], head(inputs, n_exact)["exact"]
            scalar = head(inputs, n_scalar)
            r = {
                "cushion_f64_batch_ns": best_ns(cushion_f64_batch(curve, side, f64), repeats, budget) / n_f64,
                "cushion_exact_batch_ns": best_ns(cushion_exact_batch(curve, side, exact), repeats, budget) / n_exact,
                "cushion_scalar_call_ns": best_ns(cushion_scalar_calls(curve, side, scalar["f64"], cushion.curves,
                                                                       float), repeats, budget) / n_scalar,
                "cushion_exact_scalar_call_ns": best_ns(cushion_scalar_calls(curve, side, scalar["exact"],
                                                                             cushion.exact, int),
                                                        repeats, budget) / n_scalar,
                "python_int_ns": best_ns(python_int(curve, side, exact), repeats, budget) / n_exact,
                "numpy_f64_ns": best_ns(numpy_f64(curve, side, f64), repeats, budget) / n_f64,
            }
            r.update(cpp_figures.get(f"{curve}_{side}", {}))
            if "cpp_f64_scalar_ns" in r:
                r["python_call_overhead_ns"] = r["cushion_scalar_call_ns"] - r["cpp_f64_scalar_ns"]
            if memory:
                r.update(peak_rss_of_batch(curve, side, 10**7))
            results[f"{curve}_{side}"] = r
            log(f"  {curve} {side}: done")
    if cpp and mode == "full":
        # The C++ rows once more at the end, keeping each row's minimum: on a shared machine a
        # burst of load during one of the two passes then costs nothing.
        again, _ = cpp_benchmarks(binary, False)
        for key, figures in again.items():
            r = results.get(key, {})
            for field, ns in figures.items():
                r[field] = min(r.get(field, float("inf")), ns)
            if "cpp_f64_scalar_ns" in r:
                r["python_call_overhead_ns"] = r["cushion_scalar_call_ns"] - r["cpp_f64_scalar_ns"]
    return results


def table(results: dict[str, dict[str, float]]) -> str:
    def ratio(r: dict[str, float], peer: str, ours: str) -> str:
        return f"{r[peer] / r[ours]:.1f}" if peer in r and ours in r else "-"

    def ns(r: dict[str, float], key: str, digits: int = 0) -> str:
        return f"{r[key]:.{digits}f}" if key in r else "-"

    rows = [("quote", "f64 batch", "numpy", "x", "C++ batch", "exact batch", "py int", "x", "C++ exact", "x",
             "scalar f64", "scalar exact")]
    for key, r in results.items():
        rows.append((key.replace("_", " "), ns(r, "cushion_f64_batch_ns", 2), ns(r, "numpy_f64_ns", 2),
                     ratio(r, "numpy_f64_ns", "cushion_f64_batch_ns"), ns(r, "cpp_f64_batch_ns", 2),
                     ns(r, "cushion_exact_batch_ns"), ns(r, "python_int_ns"),
                     ratio(r, "python_int_ns", "cushion_exact_batch_ns"), ns(r, "cpp_exact_scalar_ns"),
                     ratio(r, "python_int_ns", "cpp_exact_scalar_ns"), ns(r, "cushion_scalar_call_ns"),
                     ns(r, "cushion_exact_scalar_call_ns")))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))) for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    out = "\n".join(lines)
    out += ("\n\nns per quote; x = peer / cushion (times faster).  f64 batch vs numpy: float64 arrays (NumPy's "
            "vectorised expression of the same formulas), every parameter an array; C++ batch: the same kernel "
            "without Python (cushion_bench, 10^6 quotes).  exact batch vs py int: Python ints in and out vs "
            "tests/python/reference/sudoswap.py; C++ exact: one exact quote in C++ (x = py int / C++ exact).  "
            "scalar: one curve.buy/sell call from Python, quote included.")
    e = results.get("exponential_buy", {})
    if "boost_naive_ns" in e and "cpp_exact_scalar_ns" in e:
        out += (f"\nC++ exact exponential buy (n = 1..10): cushion {e['cpp_exact_scalar_ns']:.1f} ns, naive "
                f"Boost.Multiprecision {e['boost_naive_ns']:.1f} ns "
                f"({e['boost_naive_ns'] / e['cpp_exact_scalar_ns']:.1f}x).")
    for key in ("xyk_buy", "xyk_sell"):
        x = results.get(key, {})
        if "cpp_f64_batch_fixed_curve_ns" in x:
            out += (f"\nC++ f64 {key.replace('_', ' ')}, 10^6 quotes: {1e3 / x['cpp_f64_batch_fixed_curve_ns']:.0f} M "
                    f"quotes/s on one curve, {1e3 / x['cpp_f64_batch_ns']:.0f} M quotes/s with every parameter an "
                    f"array; from Python {1e3 / x['cushion_f64_batch_ns']:.0f} M quotes/s.")
    overheads = [r["python_call_overhead_ns"] for r in results.values() if "python_call_overhead_ns" in r]
    if overheads:
        out += f"\nPython scalar call overhead (scalar f64 - C++ f64 quote): {min(overheads):.0f}-{max(overheads):.0f} ns."
    for key, r in results.items():
        if "batch_1e7_peak_rss_mib" in r:
            out += (f"\n{key}: 10^7-element batch: outputs {r['batch_1e7_output_mib']:.0f} MiB, RSS growth "
                    f"{r['batch_1e7_rss_growth_mib']:.0f} MiB (peak {r['batch_1e7_peak_rss_mib']:.0f} MiB incl. inputs)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--quick", action="store_true", help="smaller samples and fewer repeats (under 30 s)")
    parser.add_argument("--smoke", action="store_true", help="tiny samples: checks the script runs, measures nothing")
    parser.add_argument("--memory", action="store_true", help="also measure peak RSS of 10^7-element batches")
    parser.add_argument("--bench-binary", type=Path, help="the cushion_bench binary (default: build/release)")
    parser.add_argument("--no-cpp", action="store_true", help="skip the C++ figures (cushion_bench)")
    args = parser.parse_args(argv)
    mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    random.seed(0)
    log = (lambda s: print(s, file=sys.stderr)) if args.json else print
    started = time.perf_counter()
    if not args.json:
        print(f"machine: {machine()}")
    results = run(mode, args.memory, args.bench_binary, not args.no_cpp, log)
    if args.json:
        print(json.dumps(results, indent=1, sort_keys=True))
    else:
        print(table(results))
        print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
