"""Independent transcriptions of the risk layer's formulas (oracles for the tests).

Exact spread and cap arithmetic on Python ints, written from the specification in the issue
and the docstrings (not from the C++); Almgren-Chriss and Obizhaeva-Wang from
../shared/reference/risk-and-execution.md with the math module; the stress index and the
regime state machine as plain Python.
"""

from __future__ import annotations

import math
from fractions import Fraction

WAD = 10**18
BPS = 10_000
MAX256 = 2**256 - 1


def ceil_div(a: int, b: int) -> int:
    return -(-a // b)


# -- exact stress, spreads and caps ------------------------------------------------------

def stress_wad(s: float) -> int:
    """ceil(s * 1e18) from the exact binary value of s."""
    return math.ceil(Fraction(s) * WAD)


def stress_pow_up(s: int, p: int) -> int:
    t = WAD
    for _ in range(p):
        t = ceil_div(t * s, WAD)
    return t


def half_spread_bps(s: int, base: int, slope: int, p: int, cap: int) -> int:
    h = base + ceil_div(slope * stress_pow_up(s, p), WAD)
    return min(h, cap)


def ask(mid: int, h: int) -> int:
    return ceil_div(mid * (BPS + h), BPS)


def bid(mid: int, h: int) -> int:
    return mid * (BPS - h) // BPS


def cap_at(s: int, calm: int, severe: int, q: int) -> int:
    if calm == MAX256:
        return MAX256
    return calm - ceil_div((calm - severe) * stress_pow_up(s, q), WAD)


# -- stress index and regimes --------------------------------------------------------------

def stress_index(values, ages, specs, stale_policy="stressed", min_coverage=0.5):
    """(index, coverage, fail_safe) for one block; values NaN = missing."""
    total = sum(sp.weight for sp in specs)
    used_w = acc = 0.0
    for x, age, sp in zip(values, ages, specs):
        if math.isnan(x):
            continue
        v = abs(x) if sp.magnitude else x
        z = min(1.0, max(0.0, (v - sp.calm) / (sp.severe - sp.calm)))
        if age > sp.max_age:
            if stale_policy == "drop":
                continue
            if stale_policy == "stressed":
                z = 1.0
        if sp.weight == 0:
            continue
        used_w += sp.weight
        acc += sp.weight * z
    coverage = used_w / total
    if used_w == 0 or coverage < min_coverage:
        return 1.0, coverage, True
    return min(1.0, max(0.0, acc / used_w)), coverage, False


def regimes(path, enter=(0.35, 0.65), exit_=(0.25, 0.50), release=25):
    """The regime after each block: immediate escalation, one step down after `release`
    consecutive blocks below the current regime's exit threshold."""
    regime, quiet, out = 0, 0, []
    for s in path:
        target = 2 if s >= enter[1] else 1 if s >= enter[0] else 0
        if target > regime:
            regime, quiet = target, 0
        elif regime > 0:
            if s < exit_[regime - 1]:
                quiet += 1
                if quiet >= release:
                    regime, quiet = regime - 1, 0
            else:
                quiet = 0
        out.append(regime)
    return out


# -- execution -------------------------------------------------------------------------------

def almgren_chriss(X, N, tau, sigma, eta, gamma, epsilon, lam):
    """(trades, E, V) from the closed forms of risk-and-execution.md."""
    T = N * tau
    eta_t = eta - gamma * tau / 2
    kt2 = lam * sigma**2 / eta_t
    k = math.acosh(kt2 * tau**2 / 2 + 1) / tau
    if k == 0:
        trades = [X / N] * N
        E = 0.5 * gamma * X**2 + epsilon * X + eta_t * X**2 / T
        V = sigma**2 * X**2 * T * (1 - 1 / N) * (1 - 1 / (2 * N)) / 3
        return trades, E, V
    trades = [
        2 * math.sinh(k * tau / 2) / math.sinh(k * T) * math.cosh(k * (T - (j - 0.5) * tau)) * X for j in range(1, N + 1)
    ]
    E = 0.5 * gamma * X**2 + epsilon * X + eta_t * X**2 * math.tanh(k * tau / 2) * (
        tau * math.sinh(2 * k * T) + 2 * T * math.sinh(k * tau)
    ) / (2 * tau**2 * math.sinh(k * T) ** 2)
    V = 0.5 * sigma**2 * X**2 * (
        tau * math.sinh(k * T) * math.cosh(k * (T - tau)) - T * math.sinh(k * tau)
    ) / (math.sinh(k * T) ** 2 * math.sinh(k * tau))
    return trades, E, V


def obizhaeva_wang_cost(schedule, price, depth_slope, decay):
    """Cost (arrival value - proceeds) of selling a schedule into a linear book: a sale of n
    at dislocation D pays n (price - D - g n / 2) and adds g n to D; D decays by `decay` per
    block."""
    D = cost = 0.0
    for n in schedule:
        cost += n * (D + depth_slope * n / 2)
        D = (D + depth_slope * n) * decay
    return cost
