"""The SIMD batch kernels (cpp/include/cushion/batch/kernels.hpp) against the scalar quotes:
Hypothesis draws rows of every length (each tail of a SIMD step) mixing realistic values
with edges (0, tiny, huge, fractional counts, delta <= 1, now < t0, fees above the value),
and each element of the batch must equal the scalar quote bit for bit.  A long row with
outputs passed through `out=` at every misalignment checks the streaming-store path."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import scaled
from hypothesis import given, settings
from hypothesis import strategies as st

import cushion
from cushion import batch

SCALAR_CLASS = {"linear": cushion.Linear, "exponential": cushion.Exponential, "xyk": cushion.XYK,
                "gda": cushion.GDA}
EDGE_VALUES = [0.0, 5e-324, 1e-300, 1e-12, 1e-9, 0.5, 1.0, 2.0, 10.0, 11.0, 1000.0, 3.4e20, 3.4e38, 1e300]


def operand(low: float, high: float) -> st.SearchStrategy[float]:
    """A parameter: mostly in its realistic range, edges over-represented."""
    return st.one_of(st.floats(low, high, allow_nan=False, allow_infinity=False), st.sampled_from(EDGE_VALUES))


def count() -> st.SearchStrategy[float]:
    return st.one_of(st.integers(0, 40).map(float), st.floats(0, 40), st.sampled_from(EDGE_VALUES))


RANGES = {
    "linear": [(0, 10), (0, 1), (0, 0.6), (0, 0.5)],
    "exponential": [(1e-13, 10), (0.95, 2.0), (0, 0.6), (0, 0.5)],
    "xyk": [(0, 100), (0, 60), (0, 0.6), (0, 0.5)],
    "gda": [(1e-10, 10), (0.99, 1.5), (0, 0.02), (0, 1000), (0, 3000), (0, 0.6), (0, 0.5)],
}


@st.composite
def rows(draw: st.DrawFn, kind: str) -> dict[str, np.ndarray]:
    size = draw(st.integers(1, 40))
    names = batch.parameters(kind)
    params = {}
    for name, (low, high) in zip(names[:-1], RANGES[kind]):
        params[name] = np.array(draw(st.lists(operand(low, high), min_size=size, max_size=size)))
    params[names[-1]] = np.array(draw(st.lists(count(), min_size=size, max_size=size)))
    return params


def bits(a: object) -> np.ndarray:
    return np.ascontiguousarray(a, dtype=np.float64).view(np.uint64)


def expect_equals_scalar(kind: str, side: str, params: dict[str, np.ndarray], q: batch.BatchQuote) -> None:
    names = batch.parameters(kind)
    for i in range(len(params[names[-1]])):
        curve = SCALAR_CLASS[kind](*(float(params[p][i]) for p in names[:-1]))
        s = getattr(curve, side)(float(params[names[-1]][i]))
        where = f"{kind} {side} element {i}: {({p: float(params[p][i]) for p in names})}"
        assert int(q.error[i]) == int(s.error), where
        for field in ("value", "trade_fee", "protocol_fee", "items"):
            assert bits(getattr(q, field)[i]) == bits(getattr(s, field)), (where, field)
        for field in batch.next_fields(kind):
            assert bits(q.next[field][i]) == bits(getattr(s.next, field)), (where, field)


@pytest.mark.parametrize("side", ["buy", "sell"])
@pytest.mark.parametrize("kind", list(SCALAR_CLASS))
def test_kernel_rows_equal_scalar_quotes(kind: str, side: str) -> None:
    @settings(max_examples=scaled(40))
    @given(rows(kind))
    def check(params: dict[str, np.ndarray]) -> None:
        expect_equals_scalar(kind, side, params, getattr(batch, side)(kind, **params))

    check()


@pytest.mark.parametrize("misalignment", range(8))
def test_streamed_rows_at_every_alignment(misalignment: int) -> None:
    """Rows past kStreamMinLength write with streaming stores after a head that aligns the
    columns; `out=` arrays offset by k doubles move that head through every length."""
    size = 40_000
    rng = np.random.default_rng(misalignment)
    params = {"spot_price": rng.uniform(0.5, 50, size), "delta": rng.uniform(1.001, 1.2, size),
              "fee": 0.005, "protocol_fee": 0.001, "n": rng.integers(0, 12, size).astype(float)}
    fresh = batch.buy("exponential", **params)

    def shifted(dtype: type) -> np.ndarray:
        return np.zeros(size + 8, dtype)[misalignment:misalignment + size]

    out = batch.BatchQuote("exponential", "buy", shifted(np.float64), shifted(np.float64), shifted(np.float64),
                           shifted(np.uint8), shifted(np.float64), {"spot_price": shifted(np.float64)})
    again = batch.buy("exponential", out=out, **params)
    for field in ("value", "trade_fee", "protocol_fee", "error", "items"):
        np.testing.assert_array_equal(getattr(again, field), getattr(fresh, field), err_msg=field)
    np.testing.assert_array_equal(again.next["spot_price"], fresh.next["spot_price"])
    sample = {k: (v[::997] if isinstance(v, np.ndarray) else v) for k, v in params.items()}
    idx = np.arange(size)[::997]
    picked = batch.BatchQuote("exponential", "buy", fresh.value[idx], fresh.trade_fee[idx], fresh.protocol_fee[idx],
                              fresh.error[idx], fresh.items[idx], {"spot_price": fresh.next["spot_price"][idx]})
    expect_equals_scalar("exponential", "buy", {k: np.broadcast_to(v, idx.shape) for k, v in sample.items()}, picked)
