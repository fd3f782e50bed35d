"""Thread safety: the same curve (and the same exact primitives) quoted from several Python
threads at once gives exactly the serial results.

Curves are immutable values and the bindings keep no shared mutable state, so this must
hold whether or not a binding releases the GIL.  The scalar bindings keep the GIL (releasing
it costs more than their C++ work: see README "Reliability"); batch functions release it.
Every public callable with a baseline (public_api.BASELINES) is called concurrently, so a
new public function -- a GIL-releasing batch quote included -- is covered automatically.
The interpreter's switch interval is cut to 1 microsecond so that threads interleave
inside the bindings' Python-facing code as often as possible.
"""

from __future__ import annotations

import random
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import pytest

import cushion
import public_api
from public_api import PublicCallable, fingerprint, materialise, state_of
from cushion import exact

W = 10**18
THREADS = 8


@pytest.fixture(autouse=True)
def fast_thread_switching():
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(old)


def run_concurrently(tasks: list[Callable[[], Any]], threads: int = THREADS, rounds: int = 4) -> list[list[Any]]:
    """Every thread runs every task `rounds` times (in its own shuffled order, all starting at
    once); returns each thread's results in task order, last round."""
    barrier = threading.Barrier(threads)

    def worker(seed: int) -> list[Any]:
        order = list(range(len(tasks)))
        random.Random(seed).shuffle(order)
        barrier.wait()
        results: list[Any] = [None] * len(tasks)
        for _ in range(rounds):
            for i in order:
                results[i] = outcome(tasks[i])
        return results

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(worker, range(threads)))


def outcome(task: Callable[[], Any]) -> Any:
    try:
        return ("ok", fingerprint(task()))
    except Exception as e:  # noqa: BLE001 - a revert or error is a result too
        return ("raised", type(e).__name__, str(e))


def _changes_its_objects(c: PublicCallable) -> bool:
    """Whether the baseline call changes its instance or an argument (ledger.record,
    buffer.deposit, an Oracle update): such a call gets fresh objects every time."""
    kwargs = materialise(c.baseline().kwargs)  # type: ignore[union-attr]
    instance = c.make_instance() if c.role == "method" else None
    objects = [instance, *kwargs.values()]
    before = [state_of(o) for o in objects]
    c.call(kwargs, instance)
    return [state_of(o) for o in objects] != before


def test_every_public_callable_from_many_threads() -> None:
    callables = [c for c in public_api.public_callables() if c.baseline() is not None and c.params is not None
                 and not set(c.names) & set(public_api.NOT_THREADED)]
    assert len(callables) > 40

    def task(c: PublicCallable) -> Callable[[], Any]:
        baseline = c.baseline().kwargs  # type: ignore[union-attr]
        if _changes_its_objects(c):  # stateful: each call on its own objects
            return lambda: c.call(materialise(baseline), c.make_instance() if c.role == "method" else None)
        kwargs = materialise(baseline)
        instance = c.make_instance() if c.role == "method" else None  # one instance shared by all threads
        return lambda: c.call(kwargs, instance)

    tasks = [task(c) for c in callables]
    serial = [outcome(t) for t in tasks]
    assert all(s[0] == "ok" for s in serial)
    for per_thread in run_concurrently(tasks):
        assert per_thread == serial


def _shared_curves() -> list[Any]:
    return [
        cushion.Linear(10.0, 0.1, fee=0.005, protocol_fee=0.001),
        cushion.Exponential(10.0, 1.05, fee=0.005),
        cushion.XYK(500.0, 60, fee=0.005),
        cushion.GDA(10.0, 1.01, 0.0001, 0, 3600, fee=0.005),
        exact.Linear(10 * W, W // 10, 5 * 10**15, 10**15),
        exact.Exponential(10 * W, 105 * W // 100, 5 * 10**15),
        exact.XYK(500 * W, 60, 5 * 10**15),
        exact.GDA(10 * W, 101 * W // 100, 10**14, 0, 3600, 5 * 10**15),
    ]


def test_the_same_curves_quoted_from_many_threads() -> None:
    curves = _shared_curves()
    tasks = [(lambda c=c, n=n, side=side: getattr(c, side)(n))
             for c in curves for side in ("buy", "sell") for n in range(1, 80, 3)]
    serial = [outcome(t) for t in tasks]
    assert sum(s[0] == "ok" for s in serial) > len(tasks) // 2
    for per_thread in run_concurrently(tasks):
        assert per_thread == serial
    assert [repr(c) for c in curves] == [repr(c) for c in _shared_curves()]  # and nothing moved


def test_exact_primitives_from_many_threads() -> None:
    rng = random.Random(8)
    values = [rng.choice([rng.getrandbits(256), rng.getrandbits(128), rng.getrandbits(64), W + rng.getrandbits(60)])
              for _ in range(240)]
    num, prb, sm = cushion.num, cushion.num.prbmath, cushion.num.solmate
    tasks: list[Callable[[], Any]] = []
    for a, b, d in zip(values[0::3], values[1::3], values[2::3]):
        tasks += [
            lambda a=a, b=b, d=d: num.mul_div(a, b, d, "down"),
            lambda a=a, b=b, d=d: num.mul_div(a, b, d, "up"),
            lambda a=a, b=b, d=d: sm.mul_div_up(a, b, d),
            lambda a=a, b=b: sm.rpow(W + a % W // 1000, b % 300, W),
            lambda a=a, b=b: prb.pow(a, b % (8 * W)),
            lambda a=a: prb.log2(a),
            lambda a=a: prb.exp2(a % (200 * W)),
            lambda a=a, b=b: prb.powu(a % (4 * W), b % 64),
        ]
    serial = [outcome(t) for t in tasks]
    for per_thread in run_concurrently(tasks, rounds=2):
        assert per_thread == serial
