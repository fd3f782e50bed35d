"""Per-block absorption caps, their ledger, and the cushion pool a simulator drives.

* :class:`AbsorptionCap` — how much the cushion may absorb: items and/or notional (what it
  pays out) per block and over a rolling window of W blocks, each limit shrinking with stress
  as ``cap(s) = calm - (calm - severe) * s**exponent``.  ``cap.at(s)`` gives the four limits,
  ``cap.path(stress_array)`` them along a path.
* :class:`AbsorptionLedger` — what was absorbed per block and over the window, and the
  :class:`Headroom` left at a block and stress.
* :func:`absorb_sell` / ``stressed_curve.absorb(ledger, n, block)`` — one order sold into a
  stressed curve under the caps: filled partially if a cap binds, the rest returned as
  ``remainder`` (``filled + remainder == ordered``, exactly), ``limited_by`` naming the
  :class:`Limit` that cut it.
* :class:`Cushion` — all of it as one stateful, copyable, picklable value over a curve, with
  recovery between blocks (the curve's mid relaxes toward a reference price by
  ``decay = exp(-rho tau)`` per block).  Drive it block by block::

      pool = cushion.absorb.Cushion(cushion.XYK(100.0, 100.0), cap=cap, rho=0.05, tau=12.0)
      result = pool.absorb(8, stress=0.4)     # sell 8 items under the caps at s = 0.4
      pool.advance(1, reference=oracle_price) # one block passes, the curve recovers
      branch = pool.copy()                    # what-if from here

  or run a whole schedule with :func:`cushion.schedule.simulate`.

``cushion.exact`` has the exact (uint256) AbsorptionCap, AbsorptionLedger and absorb results;
the pool (recovery needs exp and sqrt) is f64 only.
"""

from __future__ import annotations

import abc
from typing import Any

from . import _dispatch
from ._core import absorb as _absorb
from ._core import schedule as _schedule
from ._core import spread as _spread

Limit = _absorb.Limit
AbsorptionCap = _absorb.AbsorptionCap
AbsorptionLedger = _absorb.AbsorptionLedger
Headroom = _absorb.Headroom

AbsorbResultLinear = _spread.AbsorbResultLinear
AbsorbResultExponential = _spread.AbsorbResultExponential
AbsorbResultXYK = _spread.AbsorbResultXYK
AbsorbResultGDA = _spread.AbsorbResultGDA
AbsorbResultWeightedXYK = _spread.AbsorbResultWeightedXYK
AbsorbResultLinearImpact = _spread.AbsorbResultLinearImpact

CushionLinear = _absorb.CushionLinear
CushionExponential = _absorb.CushionExponential
CushionXYK = _absorb.CushionXYK
CushionGDA = _absorb.CushionGDA
CushionWeightedXYK = _absorb.CushionWeightedXYK
CushionLinearImpact = _absorb.CushionLinearImpact

_CUSHION_TYPES: dict[type, type] = _absorb.CUSHION_TYPES


def decay_from(rho: Any = None, tau: Any = None, decay: Any = None) -> Any:
    """The per-block recovery factor: ``decay`` if given, else ``exp(-rho * tau)``.

    rho: resilience (per unit of time, >= 0; default 0 = no recovery).  tau: block time (> 0,
    same time unit; default 1).  decay: the factor itself, in [0, 1] (1 = no recovery, 0 = full
    recovery within a block); give either decay or rho/tau.
    """
    if decay is not None:
        if rho is not None or tau is not None:
            raise ValueError("give either decay or rho/tau, not both")
        return decay
    return _schedule.resilience_decay(0.0 if rho is None else rho, 1.0 if tau is None else tau)


class Cushion(abc.ABC):
    """The cushion pool over a curve (an abstract base and a factory).

    ``Cushion(curve, spread=None, cap=None, *, rho=None, tau=None, decay=None, reference=None,
    block=0, whole_items=False)`` returns the pool class for the curve's type
    (``CushionXYK`` for a ``cushion.XYK``, ...).

    curve: an f64 curve (``cushion.Linear``, ``Exponential``, ``XYK``, ``GDA``,
    ``cushion.schedule.LinearImpact``).  spread: a :class:`cushion.spread.HalfSpread` (None:
    the default model).  cap: an :class:`AbsorptionCap` (None: unlimited).  rho, tau or decay:
    recovery per block, ``decay = exp(-rho tau)`` (default: none; see :func:`decay_from`).  reference: the price the
    curve recovers toward (None: its mid now).  block: the current block number.  whole_items:
    fill whole items only.

    Methods: ``absorb(n, stress)`` (sell under the caps), ``preview(n, stress)``,
    ``buy(n, stress)``, ``advance(blocks=1, reference=None)``, ``set_reference(p)``,
    ``headroom(stress)``, ``stressed(stress)``, ``simulate(schedule, stress, reference,
    extra_blocks)`` (raw dict; prefer :func:`cushion.schedule.simulate`), ``copy()``.
    Properties: ``curve``, ``mid``, ``reference``, ``block``, ``ledger`` (a copy), ``spread``,
    ``cap``, ``decay``, ``whole_items``.
    """

    def __new__(
        cls,
        curve: Any,
        spread: Any = None,
        cap: Any = None,
        *,
        rho: Any = None,
        tau: Any = None,
        decay: Any = None,
        reference: Any = None,
        block: Any = 0,
        whole_items: bool = False,
    ) -> Any:  # noqa: D102
        pool_type = _dispatch.wrapper_for(_CUSHION_TYPES, curve)
        return pool_type(
            curve, spread, cap, decay=decay_from(rho, tau, decay), reference=reference, block=block,
            whole_items=whole_items,
        )


def register_cushion(curve_type: type, pool_type: type) -> None:
    """Makes :class:`Cushion` know a new curve type (pools bound with ``bind_cushion_pool``
    register themselves)."""
    _dispatch.register(_CUSHION_TYPES, Cushion, curve_type, pool_type, "pool_type")


_dispatch.register_existing(_CUSHION_TYPES, Cushion)


def absorb_sell(curve: Any, ledger: Any, n: Any, block: Any, whole_items: bool = False) -> Any:
    """Sells up to n items into a stressed curve at ``block`` under the ledger's caps.

    The stressed curve's stress sets both the spread and the caps.  The ledger books the fill;
    the result has ``filled``, ``remainder`` (returned, never dropped: ``filled + remainder ==
    ordered``), ``proceeds``, ``spread``, ``limited_by`` and ``next`` (the curve after).
    Works in both policies (an exact stressed curve with a ``cushion.exact`` ledger).
    """
    absorb = getattr(curve, "absorb", None)
    if absorb is None or not callable(absorb):
        raise TypeError("curve must be a stressed curve (cushion.spread.StressedCurve(curve, spread, stress))")
    return absorb(ledger, n, block, whole_items)


def cap_path(cap: Any, stress: Any) -> dict[str, Any]:
    """The four limits of an f64 :class:`AbsorptionCap` along a stress path (dict of arrays)."""
    if not isinstance(cap, AbsorptionCap):
        raise TypeError(f"cap must be a cushion.absorb.AbsorptionCap, not {type(cap).__name__}")
    return cap.path(stress)


__all__ = [
    "AbsorbResultExponential",
    "AbsorbResultGDA",
    "AbsorbResultWeightedXYK",
    "AbsorbResultLinear",
    "AbsorbResultLinearImpact",
    "AbsorbResultXYK",
    "AbsorptionCap",
    "AbsorptionLedger",
    "Cushion",
    "CushionExponential",
    "CushionGDA",
    "CushionWeightedXYK",
    "CushionLinear",
    "CushionLinearImpact",
    "CushionXYK",
    "Headroom",
    "Limit",
    "absorb_sell",
    "cap_path",
    "decay_from",
    "register_cushion",
]
