// cushion/spread/stress_index.hpp — market stress signals, normalised and combined into
// one stress index s in [0, 1].
//
// The eight signals the seed asks the rebalancer to watch, with the units expected and the
// default calm / severe levels between which each is ramped linearly to [0, 1]:
//
//   signal                 raw value                                  calm   severe  weight
//   realised_volatility    annualised volatility of floor returns    0.60   2.00    0.20
//   bid_depth_1pct         bid depth within 1% below floor / baseline 1.00   0.20    0.15
//   bid_depth_5pct         bid depth within 5% below floor / baseline 1.00   0.30    0.10
//   quoted_spread          relative bid-ask spread of the market     0.01   0.10    0.10
//   funding_rate           |perp funding or basis|, annualised       0.10   1.00    0.10
//   open_interest_change   |relative change of open interest|        0.02   0.25    0.10
//   liquidation_velocity   liquidations per block / baseline         1.00   10.0    0.15
//   oracle_confidence      oracle sigma / mu                         0.01   0.10    0.10
//
// Normalisation: z = clamp((x - calm) / (severe - calm), 0, 1); severe < calm is allowed
// and means "stress grows as x falls" (the depth ratios).  Signals marked `magnitude` use
// |x| (funding and open-interest change are signed: both directions are stress).
//
// Combination: s = sum(w_i z_i) / sum(w_i) over the signals *used*:
//   - missing (value NaN): never used; its weight is dropped and the rest renormalised;
//   - stale (age > max_age blocks): by StalePolicy —
//       stressed (default)  used with z = 1: a feed that goes quiet in a crash is assumed
//                           to report the worst (the seed's kill-switch for venue outages);
//       drop                not used (renormalised away, like a missing signal);
//       keep                used with its last value, as if fresh;
//   - coverage = sum(w_used) / sum(w_all).  If coverage < min_coverage (default 0.5) the
//     reading is a fail-safe s = 1: too little is known to call the market calm.
// The reading reports the used / stale / missing signals as bit masks (bit i = signal i)
// and the per-signal normalised values, so every index is explainable.
//
// f64 only: the index is computed off chain by a keeper, which pushes to_stress_wad(s).
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "cushion/errors.hpp"

namespace cushion::spread {

enum class StressSignal : std::uint8_t {
  realised_volatility = 0,
  bid_depth_1pct = 1,
  bid_depth_5pct = 2,
  quoted_spread = 3,
  funding_rate = 4,
  open_interest_change = 5,
  liquidation_velocity = 6,
  oracle_confidence = 7,
};
inline constexpr std::size_t kSignalCount = 8;

inline const char* to_string(StressSignal s) noexcept {
  constexpr const char* names[kSignalCount] = {"realised_volatility",  "bid_depth_1pct",   "bid_depth_5pct",
                                               "quoted_spread",        "funding_rate",     "open_interest_change",
                                               "liquidation_velocity", "oracle_confidence"};
  const auto i = static_cast<std::size_t>(s);
  return i < kSignalCount ? names[i] : "?";
}

enum class StalePolicy : std::uint8_t { stressed = 0, drop = 1, keep = 2 };

/// How one signal is normalised and weighted.
struct SignalSpec {
  double calm = 0.0;       ///< raw value mapped to 0
  double severe = 1.0;     ///< raw value mapped to 1 (may be below calm)
  double weight = 0.0;     ///< >= 0; weights need not sum to 1 (the index divides by their sum)
  double max_age = 300;    ///< blocks; an observation older than this is stale (inf: never)
  bool magnitude = false;  ///< normalise |x| instead of x

  friend bool operator==(const SignalSpec&, const SignalSpec&) = default;
};

using SignalSpecs = std::array<SignalSpec, kSignalCount>;
using SignalValues = std::array<double, kSignalCount>;

/// The defaults in the table above (max_age 300 blocks: one hour of 12 s blocks).
inline SignalSpecs default_signal_specs() {
  return {{{0.60, 2.00, 0.20, 300, false},
           {1.00, 0.20, 0.15, 300, false},
           {1.00, 0.30, 0.10, 300, false},
           {0.01, 0.10, 0.10, 300, false},
           {0.10, 1.00, 0.10, 300, true},
           {0.02, 0.25, 0.10, 300, true},
           {1.00, 10.0, 0.15, 300, false},
           {0.01, 0.10, 0.10, 300, false}}};
}

/// One evaluation of the index, with everything needed to explain it.
struct StressReading {
  double index = 1.0;         ///< s in [0, 1]
  double coverage = 0.0;      ///< weight share of the signals used
  std::uint16_t used = 0;     ///< bit i: signal i entered the index
  std::uint16_t stale = 0;    ///< bit i: signal i was stale (and handled by the StalePolicy)
  std::uint16_t missing = 0;  ///< bit i: signal i had no value (NaN)
  bool fail_safe = false;     ///< coverage below min_coverage: index forced to 1
  SignalValues normalised{};  ///< z_i as used (1 for a stale-stressed signal); NaN if not used
};

class StressIndex {
 public:
  StressIndex() : StressIndex(default_signal_specs()) {}
  explicit StressIndex(const SignalSpecs& specs, StalePolicy stale_policy = StalePolicy::stressed,
                       double min_coverage = 0.5)
      : specs_(specs), stale_policy_(stale_policy), min_coverage_(min_coverage) {
    total_weight_ = 0.0;
    for (std::size_t i = 0; i < kSignalCount; ++i) {
      const SignalSpec& sp = specs_[i];
      const std::string name = to_string(static_cast<StressSignal>(i));
      if (!(std::isfinite(sp.calm) && std::isfinite(sp.severe)))
        throw InvalidArgument(name + ": calm and severe must be finite");
      if (sp.calm == sp.severe) throw InvalidArgument(name + ": calm and severe must differ");
      if (!(std::isfinite(sp.weight) && sp.weight >= 0.0)) throw InvalidArgument(name + ": weight must be >= 0");
      if (!(sp.max_age >= 0.0)) throw InvalidArgument(name + ": max_age must be >= 0");
      total_weight_ += sp.weight;
    }
    if (!(total_weight_ > 0.0)) throw InvalidArgument("at least one signal weight must be > 0");
    if (static_cast<unsigned>(stale_policy) > 2) throw InvalidArgument("stale_policy must be STRESSED, DROP or KEEP");
    if (!(min_coverage >= 0.0 && min_coverage <= 1.0)) throw InvalidArgument("min_coverage must be in [0, 1]");
  }

  const SignalSpecs& specs() const noexcept { return specs_; }
  StalePolicy stale_policy() const noexcept { return stale_policy_; }
  double min_coverage() const noexcept { return min_coverage_; }

  /// z for one raw value (not NaN).
  double normalise(std::size_t i, double x) const {
    const SignalSpec& sp = specs_[i];
    const double v = sp.magnitude ? std::fabs(x) : x;
    const double z = (v - sp.calm) / (sp.severe - sp.calm);
    return z <= 0.0 ? 0.0 : z >= 1.0 ? 1.0 : z;
  }

  /// Evaluates the index.  values[i] NaN = missing; ages[i] in blocks (>= 0, inf allowed).
  StressReading evaluate(const SignalValues& values, const SignalValues& ages) const {
    StressReading r;
    double used_weight = 0.0, weighted = 0.0;
    for (std::size_t i = 0; i < kSignalCount; ++i) {
      const SignalSpec& sp = specs_[i];
      const std::uint16_t bit = static_cast<std::uint16_t>(1u << i);
      r.normalised[i] = std::numeric_limits<double>::quiet_NaN();
      const double x = values[i];
      if (std::isinf(x))
        throw InvalidArgument(std::string(to_string(static_cast<StressSignal>(i))) + ": value must be finite or NaN");
      if (!(ages[i] >= 0.0))
        throw InvalidArgument(std::string(to_string(static_cast<StressSignal>(i))) + ": age must be >= 0");
      if (std::isnan(x)) {
        r.missing |= bit;
        continue;
      }
      double z = normalise(i, x);
      if (ages[i] > sp.max_age) {
        r.stale |= bit;
        if (stale_policy_ == StalePolicy::drop) continue;
        if (stale_policy_ == StalePolicy::stressed) z = 1.0;
      }
      if (sp.weight == 0.0) continue;  // carries no information for the index
      r.used |= bit;
      r.normalised[i] = z;
      used_weight += sp.weight;
      weighted += sp.weight * z;
    }
    r.coverage = used_weight / total_weight_;
    if (used_weight == 0.0 || r.coverage < min_coverage_) {
      r.fail_safe = true;
      r.index = 1.0;
    } else {
      const double s = weighted / used_weight;
      r.index = s <= 0.0 ? 0.0 : s >= 1.0 ? 1.0 : s;  // guards rounding only
    }
    return r;
  }

  /// All signals fresh.
  StressReading evaluate(const SignalValues& values) const {
    SignalValues fresh{};
    return evaluate(values, fresh);
  }

  friend bool operator==(const StressIndex&, const StressIndex&) = default;

 private:
  SignalSpecs specs_;
  StalePolicy stale_policy_ = StalePolicy::stressed;
  double min_coverage_ = 0.5;
  double total_weight_ = 0.0;
};

}  // namespace cushion::spread
