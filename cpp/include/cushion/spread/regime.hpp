// cushion/spread/regime.hpp — calm / moderate / severe regimes with hysteresis and
// delayed release ("a single green candle does not de-risk the system").
//
// Rules, applied once per block to that block's stress index s:
//   1. Escalation is immediate: the regime becomes the highest regime whose *enter*
//      threshold s reaches (calm -> severe in one block is allowed), if that is above the
//      current one.  Escalating resets the release counter.
//   2. De-escalation is delayed and one step at a time: while s is below the current
//      regime's *exit* threshold the release counter counts blocks; any block at or above
//      it resets the counter to 0.  When the counter reaches H (release_blocks) the regime
//      steps down ONE level and the counter restarts from 0, so calm is reached from severe
//      only after 2H quiet blocks.
//   3. Thresholds: exit_moderate < enter_moderate <= enter_severe, exit_severe <
//      enter_severe and exit_moderate <= exit_severe (checked).  The gap between enter and
//      exit is the hysteresis band: noise inside it never changes the regime.
//
// The regime also sets a floor under the stress that spreads and caps see:
//   effective stress = max(s, floor[regime]),  floor = {0, floor_moderate, floor_severe}
// (defaults: the enter thresholds), so spreads stay wide and caps tight until the regime is
// released, not merely until s dips.
//
// Templated on the number policy: thresholds are fractions (f64) or WADs (exact), so the
// same state machine can be reproduced on chain with plain comparisons.
#pragma once

#include <cstdint>
#include <string>

#include "cushion/errors.hpp"
#include "cushion/spread/stress_level.hpp"

namespace cushion::spread {

enum class Regime : std::uint8_t { calm = 0, moderate = 1, severe = 2 };

inline const char* to_string(Regime r) noexcept {
  switch (r) {
    case Regime::calm:
      return "CALM";
    case Regime::moderate:
      return "MODERATE";
    case Regime::severe:
      return "SEVERE";
  }
  return "?";
}

template <num::NumberPolicy Num>
struct RegimeThresholds {
  using value_type = typename Num::value_type;
  value_type enter_moderate, exit_moderate, enter_severe, exit_severe;
  value_type floor_moderate, floor_severe;
  std::uint32_t release_blocks;

  /// Defaults: enter moderate at 0.35, leave below 0.25; enter severe at 0.65, leave below
  /// 0.50; floors at the enter thresholds; release after 25 quiet blocks (5 min of 12 s).
  static RegimeThresholds defaults() { return {frac(35), frac(25), frac(65), frac(50), frac(35), frac(65), 25}; }

  void validate() const {
    for (const auto& [v, name] :
         {std::pair{enter_moderate, "enter_moderate"}, std::pair{exit_moderate, "exit_moderate"},
          std::pair{enter_severe, "enter_severe"}, std::pair{exit_severe, "exit_severe"},
          std::pair{floor_moderate, "floor_moderate"}, std::pair{floor_severe, "floor_severe"}})
      check_stress<Num>(v, name);
    if (!(exit_moderate < enter_moderate)) throw InvalidArgument("exit_moderate must be < enter_moderate");
    if (!(exit_severe < enter_severe)) throw InvalidArgument("exit_severe must be < enter_severe");
    if (!(enter_moderate <= enter_severe)) throw InvalidArgument("enter_moderate must be <= enter_severe");
    if (!(exit_moderate <= exit_severe)) throw InvalidArgument("exit_moderate must be <= exit_severe");
    if (!(floor_moderate <= floor_severe)) throw InvalidArgument("floor_moderate must be <= floor_severe");
    if (release_blocks < 1) throw InvalidArgument("release_blocks must be >= 1");
  }

  friend bool operator==(const RegimeThresholds&, const RegimeThresholds&) = default;

 private:
  static value_type frac(unsigned percent) {
    if constexpr (Num::is_exact)
      return num::uint256(percent) * num::uint256(10000000000000000ULL);  // percent * 1e16
    else
      return percent / 100.0;
  }
};

/// The regime state machine.  A value: copy it to branch a simulation.
template <num::NumberPolicy Num>
class RegimeTracker {
 public:
  using value_type = typename Num::value_type;
  using thresholds_type = RegimeThresholds<Num>;

  RegimeTracker() : RegimeTracker(thresholds_type::defaults()) {}
  explicit RegimeTracker(const thresholds_type& t, Regime initial = Regime::calm, std::uint32_t quiet_blocks = 0)
      : t_(t), regime_(initial), quiet_(quiet_blocks) {
    t_.validate();
    if (static_cast<unsigned>(initial) > 2) throw InvalidArgument("regime must be CALM, MODERATE or SEVERE");
  }

  const thresholds_type& thresholds() const noexcept { return t_; }
  Regime regime() const noexcept { return regime_; }
  /// Consecutive blocks so far below the current regime's exit threshold.
  std::uint32_t quiet_blocks() const noexcept { return quiet_; }

  /// Feeds one block's stress index; returns the regime after it.
  Regime update(const value_type& s) {
    check_stress<Num>(s);
    const Regime target = s >= t_.enter_severe     ? Regime::severe
                          : s >= t_.enter_moderate ? Regime::moderate
                                                   : Regime::calm;
    if (target > regime_) {  // rule 1: escalate at once
      regime_ = target;
      quiet_ = 0;
      return regime_;
    }
    if (regime_ == Regime::calm) return regime_;
    const value_type& exit = regime_ == Regime::severe ? t_.exit_severe : t_.exit_moderate;
    if (s < exit) {
      if (++quiet_ >= t_.release_blocks) {  // rule 2: one step down after H quiet blocks
        regime_ = static_cast<Regime>(static_cast<unsigned>(regime_) - 1);
        quiet_ = 0;
      }
    } else {
      quiet_ = 0;
    }
    return regime_;
  }

  /// The floor the current regime puts under the stress.
  value_type floor() const {
    switch (regime_) {
      case Regime::severe:
        return t_.floor_severe;
      case Regime::moderate:
        return t_.floor_moderate;
      case Regime::calm:
        break;
    }
    return value_type{};
  }

  /// max(s, floor(regime)): the stress spreads and caps should use.
  value_type effective(const value_type& s) const {
    const value_type f = floor();
    return s < f ? f : s;
  }

  friend bool operator==(const RegimeTracker&, const RegimeTracker&) = default;

 private:
  thresholds_type t_;
  Regime regime_ = Regime::calm;
  std::uint32_t quiet_ = 0;
};

}  // namespace cushion::spread
