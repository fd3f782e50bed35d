#!/usr/bin/env python3
"""Where an exact batch quote's time goes, from Python: instructions per quote by part.

    .venv/bin/python bench/profile_exact_batch.py                  # exponential buy
    .venv/bin/python bench/profile_exact_batch.py --curve gda --side sell

`cushion.batch.buy_exact` / `sell_exact` on the 20,000 Python-int quotes bench/throughput.py
times (the same sample), counted by callgrind (valgrind).  The process is profiled twice,
quoting the sample once and then 11 times; the difference of every function's inclusive
count, over 10 x 20,000, is its cost per quote, so the set-up (imports, drawing the sample)
cancels out.  The parts:

  quote             batch::quote_exact_into: the C++ quote of each element (the curve's
                    checks, the quote, its outputs written as uint256)
  read ints         IntColumn::read_chunk: the Python int operands into uint256
  create ints       set_ints: the output columns as new Python ints in lists
  rest              everything else in the process per quote: the call, the result
                    object, and CPython freeing the previous result's ints and lists

Instructions, not time: callgrind counts exactly, on any machine, but weighs a division like
an addition.  Valgrind 3.19 cannot run AVX-512 code, so the script builds its own copy of
the extension for x86-64-v3 (AVX2, BMI2: the fast paths' mulx stays) with debug symbols,
under build/profile-v3 (the first run takes a few minutes; later runs reuse it), and
installs valgrind with apt-get if it is missing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "profile-v3"
SAMPLE = 20_000
ROUNDS = (1, 11)  # quotes of the sample per profiled process; their difference is measured

#: Part name -> a pattern of the function (callgrind_annotate's "file:function" label).
PARTS = {
    "quote": r":void cushion::batch::quote_exact_into<",
    "read ints": r"IntColumn::read_chunk\(",
    "create ints": r"\(anonymous namespace\)::set_ints\(",
}
_LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(\S.*)$")

CHILD = """
import os, sys
sys.path.insert(0, {site!r})
sys.path.insert(1, {bench!r})
import cushion
assert cushion.__file__.startswith({site!r}), cushion.__file__
import throughput
params = throughput.make_inputs({curve!r}, {size}, 7)["exact"]
quote = getattr(cushion.batch, {side!r} + "_exact")
for _ in range(int(os.environ["ROUNDS"])):
    result = quote({curve!r}, **params)
"""


def build_extension(python: str) -> Path:
    """The extension for x86-64-v3 with symbols, installed into build/profile-v3/site."""
    site = BUILD / "site"
    env = dict(os.environ, CXXFLAGS="-march=x86-64-v3 -g -DNDEBUG")
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-build-isolation",
         "--no-deps", "--upgrade", "--target", str(site), f"-Cbuild-dir={BUILD / 'build'}",
         "-Ccmake.build-type=RelWithDebInfo", "-Ccmake.define.CUSHION_NATIVE=OFF",
         "-Ccmake.define.CMAKE_CXX_FLAGS_RELWITHDEBINFO=-O3", str(ROOT)],
        check=True, env=env)
    return site


def ensure_valgrind() -> None:
    if shutil.which("valgrind") and shutil.which("callgrind_annotate"):
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "valgrind"], check=True,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def inclusive_counts(annotated: str) -> tuple[int, dict[str, int]]:
    """(program total, {part: inclusive count}) from `callgrind_annotate --inclusive=yes`."""
    total = 0
    parts = dict.fromkeys(PARTS, 0)
    for line in annotated.splitlines():
        m = _LINE.match(line)
        if not m:
            continue
        count, label = int(m.group(1).replace(",", "")), m.group(2)
        if label.startswith("PROGRAM TOTALS"):
            total = count
        for part, pattern in PARTS.items():
            # A function appears once per source file that contributed lines to it; the
            # inclusive count is the largest (the entry under the function's own file).
            if re.search(pattern, label):
                parts[part] = max(parts[part], count)
    return total, parts


def profile(python: str, site: Path, curve: str, side: str, rounds: int, out: Path) -> tuple[int, dict[str, int]]:
    code = CHILD.format(site=str(site), bench=str(ROOT / "bench"), curve=curve, side=side, size=SAMPLE)
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", python, "-c", code],
                   check=True, env=dict(os.environ, ROUNDS=str(rounds)), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out)],
                               check=True, capture_output=True, text=True).stdout
    return inclusive_counts(annotated)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--curve", default="exponential", choices=("linear", "exponential", "xyk", "gda"))
    ap.add_argument("--side", default="buy", choices=("buy", "sell"))
    args = ap.parse_args()
    ensure_valgrind()
    site = build_extension(sys.executable)
    with tempfile.TemporaryDirectory() as tmp:
        (t1, p1), (t2, p2) = (profile(sys.executable, site, args.curve, args.side, r, Path(tmp) / f"cg.{r}")
                              for r in ROUNDS)
    quotes = (ROUNDS[1] - ROUNDS[0]) * SAMPLE
    total = (t2 - t1) / quotes
    rows = [(part, (p2[part] - p1[part]) / quotes) for part in PARTS]
    rows.append(("rest", total - sum(v for _, v in rows)))
    print(f"{args.curve} {args.side}_exact from Python, instructions per quote (callgrind, x86-64-v3 build):")
    for part, v in rows:
        print(f"  {part:<12} {v:8.0f}  {100 * v / total:5.1f} %")
    print(f"  {'total':<12} {total:8.0f}")


if __name__ == "__main__":
    main()
