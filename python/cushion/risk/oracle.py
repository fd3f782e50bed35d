"""A floor-price oracle with several sources, liquidity weights, time decay, outlier
rejection, staleness and a confidence band.

Every update takes one report per (collection, source) and its age, and for each
collection:

1. drops stale reports (age > ``max_age_seconds``) and missing ones (NaN);
2. takes the liquidity-weighted median of the rest and rejects reports further than
   ``max_deviation`` from it (a single distressed sale must not drag the mark — the
   BendDAO oracle rejects a >20 % move, Chainlink has its deviation threshold);
3. averages the accepted reports with their liquidity weights (``x``) and measures their
   weighted dispersion;
4. folds ``x`` into an exponential moving average with half-life ``ema_half_life_seconds``
   (time decay: a one-step spike moves the mark only by the EMA weight), and tracks an
   EMA of the squared dispersion and of the squared surprise ``x - mu``;
5. reports ``mu`` and a confidence ``sigma = sqrt(dispersion EMA + surprise EMA)``
   (floored at ``sigma_floor * mu``; widened by ``staleness_sigma_per_hour`` per hour
   without fresh data).

Collateral is valued at ``mu - band_z * sigma``, debt (when it is a priced asset) at
``mu + band_z * sigma`` — Pyth's rule.  A collection is flagged *anomalous* when fewer than
``min_sources`` reports survive, or when ``sigma / mu`` exceeds ``anomaly_sigma``, or when
more than half of its fresh reports were rejected: the rebalancer's oracle-anomaly kill
switch reads these flags.

:class:`SpotOracle` is the naive alternative: one source, no filter, no band.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validate import check_array, check_fields, check_index, check_instance, check_int, check_real

__all__ = ["OracleConfig", "OracleReading", "Oracle", "SpotOracle", "weighted_median"]


@dataclass(frozen=True)
class OracleConfig:
    """Parameters of :class:`Oracle` (see the module docstring)."""

    max_age_seconds: float = 3600.0
    max_deviation: float = 0.10
    ema_half_life_seconds: float = 1800.0
    min_sources: int = 2
    sigma_floor: float = 0.005
    band_z: float = 1.0
    anomaly_sigma: float = 0.08
    staleness_sigma_per_hour: float = 0.01

    def __post_init__(self) -> None:
        check_fields(self, ("max_age_seconds", "max_deviation", "ema_half_life_seconds"), lo=0.0, lo_open=True)
        check_fields(self, ("sigma_floor", "band_z", "anomaly_sigma", "staleness_sigma_per_hour"), lo=0.0)
        check_int("min_sources", self.min_sources, lo=1, hi=10**6)


@dataclass(frozen=True)
class OracleReading:
    """The oracle's output for every collection at one time.

    Attributes:
        mu: (K,) mark price.
        sigma: (K,) confidence (one standard deviation, in price units).
        n_used: (K,) reports accepted.
        rejected: (K, S) reports rejected as outliers.
        stale: (K,) no fresh report this update (mu carried forward).
        anomaly: (K,) the oracle-anomaly flag (see the module docstring).
        band_z: width of the band in sigmas.
    """

    mu: np.ndarray
    sigma: np.ndarray
    n_used: np.ndarray
    rejected: np.ndarray
    stale: np.ndarray
    anomaly: np.ndarray
    band_z: float = 1.0

    @property
    def lower(self) -> np.ndarray:
        """mu - z sigma: the price collateral is valued at."""
        return np.maximum(self.mu - self.band_z * self.sigma, 0.0)

    @property
    def upper(self) -> np.ndarray:
        """mu + z sigma: the price a priced debt asset is valued at."""
        return self.mu + self.band_z * self.sigma

    @property
    def confidence_ratio(self) -> np.ndarray:
        """sigma / mu (Pyth pauses new activity when this is too wide)."""
        return np.divide(self.sigma, self.mu, out=np.zeros_like(self.sigma), where=self.mu > 0)


def weighted_median(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Row-wise weighted median of ``values`` (K, S) with ``weights`` (K, S); NaN values
    and zero weights are ignored; a row with nothing left gives NaN.  The median is the
    smallest value at which the cumulative weight reaches half the total."""
    values = check_array("values", values, ndim=2, allow_nan=True, allow_inf=True)
    weights = check_array("weights", weights, shape=values.shape, lo=0.0)
    v = np.where(np.isfinite(values) & (weights > 0), values, np.inf)
    order = np.argsort(v, axis=1)
    vs = np.take_along_axis(v, order, axis=1)
    ws = np.take_along_axis(np.where(np.isfinite(v), weights, 0.0), order, axis=1)
    cw = np.cumsum(ws, axis=1)
    total = cw[:, -1:]
    idx = np.argmax(cw >= 0.5 * total, axis=1)
    med = vs[np.arange(len(vs)), idx]
    return np.where((total[:, 0] > 0) & np.isfinite(med), med, np.nan)


class Oracle:
    """The multi-source oracle (stateful: it keeps the EMAs).  Vectorised over collections.

    Args:
        initial: (K,) starting marks (e.g. the floors at t = 0).
        liquidity_weights: (S,) the sources' weights (volume shares).
        config: parameters.
    """

    def __init__(self, initial: np.ndarray, liquidity_weights: np.ndarray, config: OracleConfig | None = None) -> None:
        self.config = OracleConfig() if config is None else check_instance("config", config, OracleConfig,
                                                                             "OracleConfig or None")
        mu = check_array("initial", initial, lo=0.0, lo_open=True)
        w = check_array("liquidity_weights", liquidity_weights, lo=0.0, lo_open=True)
        if not mu.size or not w.size:
            raise ValueError("initial and liquidity_weights must not be empty")
        self.weights = w / w.sum()
        self.mu = mu
        self.var_dispersion = (self.config.sigma_floor * mu) ** 2
        self.var_surprise = np.zeros_like(mu)
        self.time: float | None = None
        self.last_fresh = np.zeros_like(mu)
        self.reading = self._reading(np.zeros(len(mu), dtype=int), np.zeros((len(mu), len(w)), dtype=bool),
                                     np.zeros(len(mu), dtype=bool), 0.0)

    def update(self, time: float, reports: np.ndarray, ages: np.ndarray | None = None) -> OracleReading:
        """Folds one round of reports (K, S) taken at ``time`` (seconds) into the marks.

        ``ages`` (K, S) are the reports' ages in seconds (0 if omitted).
        """
        cfg = self.config
        time = check_real("time", time, lo=0.0)
        # NaN, infinite or non-positive reports are no reports (dropped below).
        x = check_array("reports", reports, shape=(len(self.mu), len(self.weights)), allow_nan=True, allow_inf=True)
        age = np.zeros_like(x) if ages is None else check_array("ages", ages, shape=x.shape, lo=0.0, allow_inf=True)
        dt = 0.0 if self.time is None else time - self.time
        if dt < 0:
            raise ValueError(f"time must not go backwards ({time} < {self.time})")
        self.time = time

        fresh = np.isfinite(x) & (x > 0) & (age <= cfg.max_age_seconds)
        w = np.where(fresh, self.weights[None, :], 0.0)
        med = weighted_median(np.where(fresh, x, np.nan), w)
        dev = np.abs(x - med[:, None]) / med[:, None]
        accepted = fresh & (dev <= cfg.max_deviation)
        rejected = fresh & ~accepted
        wa = np.where(accepted, self.weights[None, :], 0.0)
        wsum = wa.sum(axis=1)
        has = wsum > 0
        safe = np.where(accepted, x, 0.0)
        mean = np.divide((wa * safe).sum(axis=1), wsum, out=self.mu.copy(), where=has)
        disp = np.divide((wa * (safe - mean[:, None]) ** 2).sum(axis=1), wsum, out=np.zeros(len(self.mu)), where=has)

        alpha = 1.0 - 0.5 ** (dt / cfg.ema_half_life_seconds) if dt > 0 else 1.0
        surprise = np.where(has, mean - self.mu, 0.0)
        self.mu = np.where(has, self.mu + alpha * surprise, self.mu)
        self.var_dispersion = np.where(has, self.var_dispersion + alpha * (disp - self.var_dispersion),
                                       self.var_dispersion)
        self.var_surprise = np.where(has, self.var_surprise + alpha * (surprise**2 - self.var_surprise),
                                     self.var_surprise)
        self.last_fresh = np.where(has, time, self.last_fresh)
        n_used = accepted.sum(axis=1)
        many_rejected = rejected.sum(axis=1) * 2 > fresh.sum(axis=1)
        self.reading = self._reading(n_used, rejected, ~has, time, many_rejected)
        return self.reading

    def _reading(self, n_used: np.ndarray, rejected: np.ndarray, stale: np.ndarray, time: float,
                 many_rejected: np.ndarray | None = None) -> OracleReading:
        cfg = self.config
        hours_stale = np.maximum(time - self.last_fresh, 0.0) / 3600.0
        sigma = np.sqrt(self.var_dispersion + self.var_surprise)
        sigma = np.maximum(sigma, cfg.sigma_floor * self.mu) + cfg.staleness_sigma_per_hour * hours_stale * self.mu
        ratio = sigma / self.mu
        anomaly = (n_used < cfg.min_sources) | (ratio > cfg.anomaly_sigma)
        if many_rejected is not None:
            anomaly |= many_rejected
        return OracleReading(mu=self.mu.copy(), sigma=sigma, n_used=n_used, rejected=rejected, stale=stale,
                             anomaly=anomaly, band_z=cfg.band_z)


class SpotOracle:
    """The naive oracle: the last report of one source, no filtering, no band (sigma = 0).

    Missing reports carry the previous mark forward.  Same ``update`` signature as
    :class:`Oracle` so a strategy can use either.
    """

    def __init__(self, initial: np.ndarray, source: int = 0) -> None:
        self.mu = check_array("initial", initial, lo=0.0, lo_open=True)
        self.source = check_index("source", source)
        self.reading = self._reading(np.zeros(len(self.mu), dtype=bool))

    def update(self, time: float, reports: np.ndarray, ages: np.ndarray | None = None) -> OracleReading:
        """Takes column ``source`` of ``reports`` as the mark (``time`` and ``ages`` unused, but
        checked like :meth:`Oracle.update`'s)."""
        check_real("time", time, lo=0.0)
        reports = check_array("reports", reports, shape=(len(self.mu), None), allow_nan=True, allow_inf=True)
        if self.source >= reports.shape[1]:
            raise ValueError(f"reports has {reports.shape[1]} sources; this oracle reads source {self.source}")
        if ages is not None:
            check_array("ages", ages, shape=reports.shape, lo=0.0, allow_inf=True)
        x = reports[:, self.source]
        ok = np.isfinite(x) & (x > 0)
        self.mu = np.where(ok, x, self.mu)
        self.reading = self._reading(~ok)
        return self.reading

    def _reading(self, stale: np.ndarray) -> OracleReading:
        K = len(self.mu)
        return OracleReading(mu=self.mu.copy(), sigma=np.zeros(K), n_used=(~stale).astype(int),
                             rejected=np.zeros((K, 1), dtype=bool), stale=stale, anomaly=np.zeros(K, dtype=bool),
                             band_z=0.0)
