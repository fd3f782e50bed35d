"""bench/throughput.py runs and prints the documented JSON (a check of the script, not a
timed test: --smoke uses tiny samples and its figures mean nothing)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = ("cushion_f64_batch_ns", "cushion_exact_batch_ns", "cushion_scalar_call_ns", "python_int_ns",
            "numpy_f64_ns")


def test_throughput_json_shape():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "throughput.py"), "--smoke", "--json", "--no-cpp"],
                         check=True, capture_output=True, text=True, timeout=300, cwd=ROOT).stdout
    results = json.loads(out)  # exactly one JSON object on stdout
    expected = {f"{curve}_{side}" for curve in ("linear", "exponential", "xyk", "gda") for side in ("buy", "sell")}
    assert expected <= set(results)
    for key in expected:
        entry = results[key]
        for field in REQUIRED:
            value = entry[field]
            assert isinstance(value, float) and math.isfinite(value) and value > 0, (key, field, value)


def test_throughput_table_names_every_quote():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "throughput.py"), "--smoke", "--no-cpp"],
                         check=True, capture_output=True, text=True, timeout=300, cwd=ROOT).stdout
    for curve in ("linear", "exponential", "xyk", "gda"):
        for side in ("buy", "sell"):
            assert f"{curve} {side}" in out
    assert "peer / cushion" in out or "x = peer" in out
