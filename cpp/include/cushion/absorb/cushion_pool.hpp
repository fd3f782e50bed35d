// cushion/absorb/cushion_pool.hpp — the cushion as one stateful value: a curve, its
// stress-widened spread, its absorption caps and ledger, and its recovery between blocks.
//
// A simulator (C++ simulate(), or a Python risk layer) drives it block by block:
//
//   pool.absorb(n, stress)     sell up to n items into the cushion under the caps at this
//                              block (absorb_sell: fill, remainder, proceeds, spread, limits)
//   pool.buy(n, stress)        a buyer takes n items out of the pool (not capped)
//   pool.advance(k, ref)       k blocks pass: the curve's mid relaxes toward the reference
//                              (curves/dynamics.hpp) by a^k, a = exp(-rho tau); `ref`, if
//                              given, is the new reference (oracle) price
//
// It is a value: copy it to branch a scenario.  f64 only (recovery
// needs exp and sqrt); the exact pieces (StressedCurve, AbsorptionLedger, absorb_sell) are
// available in both policies.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>

#include "cushion/absorb/absorb.hpp"
#include "cushion/curves/dynamics.hpp"

namespace cushion::absorb {

template <class Curve>
requires curves::QuotingCurve<Curve> && curves::RecoveringCurve<Curve>
class CushionPool {
 public:
  using curve_type = Curve;
  using stressed_type = spread::StressedCurve<Curve>;
  using spread_type = spread::HalfSpread<num::F64>;
  using cap_type = AbsorptionCap<num::F64>;
  using ledger_type = AbsorptionLedger<num::F64>;
  using result_type = AbsorbResult<stressed_type>;
  static_assert(std::is_same_v<typename Curve::value_type, double>, "CushionPool is f64 only");

  CushionPool() = default;
  /// reference: the price the curve recovers toward (default: the curve's mid now).
  /// decay: a = exp(-rho tau) in [0, 1] (1: no recovery).  block: the current block.
  CushionPool(Curve curve, spread_type spread, cap_type cap, double decay, std::optional<double> reference = {},
              std::uint64_t block = 0, bool whole_items = false)
      : curve_(std::move(curve)),
        spread_(std::move(spread)),
        ledger_(cap),
        decay_(decay),
        block_(block),
        whole_items_(whole_items) {
    if (!(decay_ >= 0.0 && decay_ <= 1.0)) throw InvalidArgument("decay must be in [0, 1] (a = exp(-rho tau))");
    reference_ = reference ? *reference : mid();
    check_reference(reference_);
  }

  const Curve& curve() const noexcept { return curve_; }
  const spread_type& spread() const noexcept { return spread_; }
  const ledger_type& ledger() const noexcept { return ledger_; }
  const cap_type& cap() const noexcept { return ledger_.cap(); }
  double decay() const noexcept { return decay_; }
  double reference() const noexcept { return reference_; }
  std::uint64_t block() const noexcept { return block_; }
  bool whole_items() const noexcept { return whole_items_; }
  double mid() const { return curves::CurveDynamics<Curve>::mid(curve_); }

  /// The curve at a stress level, as the pool would quote it.
  stressed_type stressed(double stress) const { return stressed_type(curve_, spread_, stress); }

  /// Headroom at the current block and a stress level.
  typename ledger_type::Headroom headroom(double stress) const { return ledger_.headroom(block_, stress); }

  /// Sells up to n items into the cushion at the current block (see absorb_sell).
  result_type absorb(double n, double stress) {
    spread::check_stress<num::F64>(stress);
    return absorb_unchecked(n, stress);
  }

  /// absorb() for a stress already known to be in [0, 1] (simulate() checks its path once).
  result_type absorb_unchecked(double n, double stress) {
    result_type r;
    static_cast<Fill<double>&>(r) = fill_unchecked(n, stress);
    r.next = stressed_type(stressed_type::trusted_stress, curve_, spread_, stress);
    return r;
  }

  /// The fill alone (no copy of the curve in the result): the simulator's hot path, which
  /// keeps a SellMemo across blocks (optional; the same fill either way).
  Fill<double> fill_unchecked(double n, double stress, curves::SellMemo<Curve>* memo = nullptr) {
    return absorb_into(curve_, spread_, stress, spread_.at_unchecked(stress), ledger_, block_, n, whole_items_, memo);
  }

  /// Moves the ledger to the pool's block, expiring what left the window, as the next fill
  /// would.  For a driver that owns the pool (simulate): an order then finds the ledger at its
  /// block and skips the look-ahead.  fill() itself moves nothing before the fill is known.
  void sync_ledger_unchecked() { ledger_.advance_to(block_); }

  /// What absorb(n, stress) would do, without doing it.
  result_type preview_absorb(double n, double stress) const {
    CushionPool copy = *this;
    return copy.absorb(n, stress);
  }

  /// A buyer takes n items from the pool at the widened ask (not capped: caps limit what
  /// the cushion absorbs, not what it sells back).  A failed quote changes nothing.
  spread::StressedQuote<Curve> buy(double n, double stress) {
    auto q = stressed(stress).buy(n);
    if (q.ok()) curve_ = q.next.curve();
    return q;
  }

  /// `blocks` blocks pass: mid -> ref' + a^blocks (mid - ref), ref' = new_reference or ref.
  void advance(std::uint64_t blocks = 1, std::optional<double> new_reference = {}) {
    const double next_ref = new_reference ? *new_reference : reference_;
    check_reference(next_ref);
    const double a = blocks == 1 ? decay_ : std::pow(decay_, static_cast<double>(blocks));
    curve_ = curves::relax(curve_, reference_, next_ref, a);
    reference_ = next_ref;
    block_ += blocks;
  }

  /// One block passes, toward a reference already known to be valid (the simulator's path).
  void advance_one_unchecked(double next_reference) {
    curve_ = curves::relax(curve_, reference_, next_reference, decay_);
    reference_ = next_reference;
    ++block_;
  }

  /// Replaces the reference price without moving the curve (its dislocation from the new
  /// reference decays from the next advance on).
  void set_reference(double reference) {
    check_reference(reference);
    reference_ = reference;
  }

  /// Rebuilds a pool from its parts (unpickling).
  static CushionPool restore(Curve curve, spread_type spread, ledger_type ledger, double decay, double reference,
                             std::uint64_t block, bool whole_items) {
    CushionPool p(std::move(curve), std::move(spread), ledger.cap(), decay, reference, block, whole_items);
    p.ledger_ = std::move(ledger);
    return p;
  }

 private:
  static void check_reference(double p) {
    if (!(std::isfinite(p) && p >= 0.0)) throw InvalidArgument("reference must be a finite price >= 0");
  }

  Curve curve_{};
  spread_type spread_{};
  ledger_type ledger_{};
  double decay_ = 1.0;
  double reference_ = 0.0;
  std::uint64_t block_ = 0;
  bool whole_items_ = false;
};

}  // namespace cushion::absorb
