"""Batch quoting throughput (pytest-benchmark), with a NumPy expression as the peer.

A benchmark, not a timed test: the default suite runs with --benchmark-disable (each
function runs once, as a smoke test).  To measure, from the repository root:

    .venv/bin/python -m pytest tests/python/test_batch_throughput.py --benchmark-enable \
        --benchmark-only --benchmark-columns=min,median,ops --benchmark-sort=name

Every call quotes 10**6 elements, so quotes per second = ops * 10**6.  The cushion
calls include everything a user pays for: argument conversion, validation, output
allocation and the C++ loop; the "-out" cases write into the previous result (out=), as a
scenario loop would, which saves the kernel's zeroing of ~50 MB of fresh pages per call.
--benchmark-timer=time.process_time makes the figures CPU time, less sensitive to other
processes on a shared machine.  The NumPy peer computes the same XYK buy formula (values and
fees only, no error codes or next state) in vectorised expressions.
"""

from __future__ import annotations

import numpy as np
import pytest

import cushion

N = 10**6
RNG = np.random.default_rng(42)
COUNTS = RNG.integers(1, 40, N).astype(np.float64)
RESERVES = RNG.uniform(50, 500, N)
NFT_RESERVES = RNG.uniform(60, 200, N).round()


def numpy_xyk_buy(x, y, n, fee, protocol_fee):
    """The XYK buy value n x / (y - n) plus fees, as a NumPy user would write it."""
    raw = n * x / (y - n)
    return raw + raw * fee + raw * protocol_fee


CASES = {
    "xyk-buy-fixed": lambda: cushion.batch.buy("xyk", token_reserve=300.0, nft_reserve=120.0, fee=0.005,
                                               protocol_fee=0.002, n=COUNTS),
    "xyk-buy-varying": lambda: cushion.batch.buy("xyk", token_reserve=RESERVES, nft_reserve=NFT_RESERVES,
                                                 fee=0.005, protocol_fee=0.002, n=COUNTS),
    "xyk-sell-fixed": lambda: cushion.batch.sell("xyk", token_reserve=300.0, nft_reserve=120.0, fee=0.005,
                                                 n=COUNTS),
    "exponential-buy-fixed": lambda: cushion.batch.buy("exponential", spot_price=10.0, delta=1.05, fee=0.005,
                                                       n=COUNTS),
    "exponential-sell-varying": lambda: cushion.batch.sell("exponential", spot_price=RESERVES / 10, delta=1.05,
                                                           fee=0.005, n=COUNTS),
    "linear-sell-fixed": lambda: cushion.batch.sell("linear", spot_price=40.0, delta=0.5, fee=0.005, n=COUNTS),
    "gda-buy-fixed": lambda: cushion.batch.buy("gda", spot_price=10.0, alpha=1.05, decay=0.0001, t0=0.0,
                                               now=600.0, fee=0.005, n=COUNTS),
    "weighted_xyk-sell-fixed": lambda: cushion.batch.sell("weighted_xyk", base_reserve=300.0, nft_reserve=120.0,
                                                          fee_rate_bps=50, weight_sum=COUNTS * 1.3),
    "numpy-xyk-buy-varying": lambda: numpy_xyk_buy(RESERVES, NFT_RESERVES, COUNTS, 0.005, 0.002),
}
# The same calls writing into a previous result (out=): no allocation, no page faults for
# fresh output pages -- what a loop over scenarios pays per iteration.
_REUSED = {}


def _reusing(kind, side, **params):
    def call():
        _REUSED[(kind, side)] = getattr(cushion.batch, side)(kind, out=_REUSED.get((kind, side)), **params)
        return _REUSED[(kind, side)]
    return call


CASES.update({
    "xyk-buy-fixed-out": _reusing("xyk", "buy", token_reserve=300.0, nft_reserve=120.0, fee=0.005,
                                  protocol_fee=0.002, n=COUNTS),
    "xyk-buy-varying-out": _reusing("xyk", "buy", token_reserve=RESERVES, nft_reserve=NFT_RESERVES, fee=0.005,
                                    protocol_fee=0.002, n=COUNTS),
    "exponential-buy-fixed-out": _reusing("exponential", "buy", spot_price=10.0, delta=1.05, fee=0.005, n=COUNTS),
    "exponential-sell-varying-out": _reusing("exponential", "sell", spot_price=RESERVES / 10, delta=1.05,
                                             fee=0.005, n=COUNTS),
})


@pytest.mark.parametrize("case", list(CASES))
def test_batch_throughput(benchmark, case):
    result = benchmark(CASES[case])
    values = result if isinstance(result, np.ndarray) else result.value
    assert values.shape == (N,)


def test_benchmarks_time_the_same_quotes():
    """The peer computes what cushion computes: compare the XYK buy values."""
    q = CASES["xyk-buy-varying"]()
    peer = numpy_xyk_buy(RESERVES, NFT_RESERVES, COUNTS, 0.005, 0.002)
    ok = q.ok
    assert ok.mean() > 0.99
    np.testing.assert_allclose(q.value[ok], peer[ok], rtol=1e-12)
