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


def _profile_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("profile_exact_batch", ROOT / "bench" / "profile_exact_batch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_profile_exact_batch_reads_callgrind_annotate():
    """bench/profile_exact_batch.py's parser (the profiling itself needs valgrind and its own
    build: run by hand).  A function listed under several source files counts once, at its
    largest (inclusive) figure; the caller quote_exact<> is not the part quote_exact_into<>."""
    prof = _profile_script()
    annotated = """
--------------------------------------------------------------------------------
1,273,542,881 (100.0%)  PROGRAM TOTALS
  370,759,076 (29.11%)  /r/cpp/bindings/register_batch.cpp:pybind11::dict cushion::bindings::(anonymous namespace)::quote_exact<cushion::curves::Exponential<cushion::num::Evm256>, true>(pybind11::handle) [/x/_core.so]
  182,837,556 (14.36%)  /r/cpp/include/cushion/batch/quote.hpp:void cushion::batch::quote_exact_into<cushion::curves::Exponential<cushion::num::Evm256>, true, 5ul, 1ul>(std::array<...> const&) [/x/_core.so]
  150,649,116 (11.83%)  /r/cpp/include/cushion/curves/exponential.hpp:void cushion::batch::quote_exact_into<cushion::curves::Exponential<cushion::num::Evm256>, true, 5ul, 1ul>(std::array<...> const&)
  125,445,378 ( 9.85%)  /r/cpp/bindings/register_batch.cpp:cushion::bindings::(anonymous namespace)::set_ints(_object*, unsigned long, cushion::num::uint256 const*, unsigned long) [/x/_core.so]
   51,173,460 ( 4.02%)  /r/cpp/bindings/register_batch.cpp:cushion::bindings::(anonymous namespace)::IntColumn::read_chunk(unsigned long, unsigned long, cushion::num::uint256*) const [/x/_core.so]
   25,870,080 ( 2.03%)  /r/cpp/bindings/pylong.hpp:cushion::bindings::(anonymous namespace)::IntColumn::read_chunk(unsigned long, unsigned long, cushion::num::uint256*) const
        .           void set_ints(PyObject* list, std::size_t first, const uint256* values, std::size_t count) {
"""
    total, parts = prof.inclusive_counts(annotated)
    assert total == 1_273_542_881
    assert parts == {"quote": 182_837_556, "read ints": 51_173_460, "create ints": 125_445_378}
    # The profiled child program is valid Python for every curve and side.
    for curve in ("linear", "exponential", "xyk", "gda"):
        compile(prof.CHILD.format(site="/s", bench="/b", curve=curve, side="sell", size=10), "<child>", "exec")
