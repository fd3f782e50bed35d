// cushion/spread/stressed_curve.hpp — StressedCurve<Curve>: any curve, quoted with the
// stress-widened spread.
//
// A buy of n items costs the wrapped curve's buy value (fees included) widened up by
// h(s); a sale of n items pays the wrapped curve's sell value widened down by h(s):
//
//   buy'  = ask(buy)  = buy  (1 + h)   (exact: mulDivUp(buy, 10_000 + h, 10_000))
//   sell' = bid(sell) = sell (1 - h)   (exact: mulDiv(sell, 10_000 - h, 10_000))
//
// The curve's state moves exactly as the wrapped curve's (the spread is kept by the pool
// on top of the curve, like a fee), so `next` wraps the wrapped curve's next state at the
// same stress.  Written against the QuotingCurve concept only: it wraps the collection
// curves, a basket curve, the model markets of schedule/, in either number policy.
//
// No arbitrage is created: for any round trip (buy n then sell n, or sell n then buy n),
// at the same or different stress levels, sell' <= sell and buy' >= buy, so the trader's
// P&L sell' - buy' <= sell - buy, the wrapped curve's own round trip.  Rounding goes the
// same way in exact mode (ceil on the ask, floor on the bid).
#pragma once

#include <utility>

#include "cushion/curves/quote.hpp"
#include "cushion/curves/quoting_curve.hpp"
#include "cushion/spread/half_spread.hpp"

namespace cushion::spread {

template <curves::QuotingCurve Curve>
class StressedCurve;

/// A StressedCurve's quote: the wrapped quote's fields with `value` widened, plus the
/// widening itself (`spread`, always >= 0: what the trader gave up to the spread), the
/// half-spread applied (`half_spread`, fraction / bps) and the unwidened value.
template <curves::QuotingCurve Curve>
struct StressedQuote : curves::Quote<StressedCurve<Curve>> {
  using value_type = typename Curve::value_type;
  value_type spread{};
  value_type half_spread{};
  value_type curve_value{};
};

template <curves::QuotingCurve Curve>
class StressedCurve {
 public:
  using curve_type = Curve;
  using value_type = typename Curve::value_type;
  using count_type = typename Curve::count_type;
  using number_policy = curves::number_policy_of<Curve>;
  using spread_type = HalfSpread<number_policy>;
  static_assert(std::is_same_v<value_type, double> || std::is_same_v<value_type, num::uint256>,
                "StressedCurve: the wrapped curve's value_type must be double (F64) or uint256 (Evm256)");

  StressedCurve() = default;
  StressedCurve(Curve curve, spread_type spread, value_type stress)
      : curve_(std::move(curve)), spread_(std::move(spread)), stress_(stress) {
    check_stress<number_policy>(stress_);
    half_spread_ = spread_.at_unchecked(stress_);
  }

  /// For a stress already validated (a simulation's path is checked once, up front).
  struct trusted_stress_t {};
  static constexpr trusted_stress_t trusted_stress{};
  StressedCurve(trusted_stress_t, Curve curve, spread_type spread, value_type stress)
      : curve_(std::move(curve)),
        spread_(std::move(spread)),
        stress_(stress),
        half_spread_(spread_.at_unchecked(stress)) {}

  const Curve& curve() const noexcept { return curve_; }
  const spread_type& spread() const noexcept { return spread_; }
  const value_type& stress() const noexcept { return stress_; }
  /// h(stress): a fraction (f64) or basis points (exact).
  const value_type& half_spread() const noexcept { return half_spread_; }

  /// The same curve state at another stress level.
  StressedCurve with_stress(const value_type& stress) const { return StressedCurve(curve_, spread_, stress); }
  /// Another state of the wrapped curve at the same stress (h is not recomputed).
  StressedCurve with_curve(Curve curve) const {
    StressedCurve c = *this;
    c.curve_ = std::move(curve);
    return c;
  }

  /// Buying from the pool: the wrapped curve's buy, widened up.  Any arguments the wrapped
  /// curve's buy accepts are forwarded (a count, or a basket's item selection).
  template <class... Args>
  requires requires(const Curve& c, Args&&... args) { c.buy(std::forward<Args>(args)...); }
  StressedQuote<Curve> buy(Args&&... args) const { return wrap(curve_.buy(std::forward<Args>(args)...), true); }

  /// Selling into the pool: the wrapped curve's sell, widened down.
  template <class... Args>
  requires requires(const Curve& c, Args&&... args) { c.sell(std::forward<Args>(args)...); }
  StressedQuote<Curve> sell(Args&&... args) const { return wrap(curve_.sell(std::forward<Args>(args)...), false); }

 private:
  template <class InnerQuote>
  StressedQuote<Curve> wrap(const InnerQuote& inner, bool is_buy) const {
    StressedQuote<Curve> q;
    q.error = inner.error;
    q.next = with_curve(inner.next);
    q.half_spread = half_spread_;
    if (!inner.ok()) return q;  // every amount stays zero, as for the wrapped curve
    q.curve_value = inner.value;
    q.trade_fee = inner.trade_fee;
    q.protocol_fee = inner.protocol_fee;
    q.items = inner.items;
    if (is_buy) {
      q.value = spread_.widen_buy(inner.value, half_spread_);
      q.spread = q.value - inner.value;  // >= 0: widen_buy rounds up from value
    } else {
      q.value = spread_.widen_sell(inner.value, half_spread_);
      q.spread = inner.value - q.value;  // >= 0: widen_sell rounds down from value
    }
    return q;
  }

  Curve curve_{};
  spread_type spread_{};
  value_type stress_{};
  value_type half_spread_{};
};

}  // namespace cushion::spread
