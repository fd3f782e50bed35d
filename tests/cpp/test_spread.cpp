// Stress index, regimes, half-spreads and StressedCurve.
//
// Oracles: hand-computed readings and spreads; Boost.Multiprecision big integers for the
// exact half-spread arithmetic; a naive single-threshold classifier for the oscillation
// test; the wrapped curve's own quotes for the no-arbitrage properties.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <span>

#include "cushion/curves/exponential.hpp"
#include "cushion/curves/gda.hpp"
#include "cushion/curves/linear.hpp"
#include "cushion/curves/xyk.hpp"
#include "cushion/spread/regime.hpp"
#include "cushion/spread/stress_index.hpp"
#include "cushion/spread/stressed_curve.hpp"

namespace {

using cushion::InvalidArgument;
using cushion::num::Evm256;
using cushion::num::F64;
using cushion::num::uint256;
using cushion::spread::HalfSpread;
using cushion::spread::Regime;
using cushion::spread::RegimeTracker;
using cushion::spread::SignalValues;
using cushion::spread::StalePolicy;
using cushion::spread::StressedCurve;
using cushion::spread::StressIndex;
using big = cushion::num::boost_uint512;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const uint256 kWad = cushion::num::kWad;

SignalValues calm_values() {
  SignalValues v{};
  const auto specs = cushion::spread::default_signal_specs();
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = specs[i].calm;
  return v;
}

// ---------------------------------------------------------------- stress index

TEST(StressIndex, CalmIsZeroSevereIsOne) {
  const StressIndex idx;
  EXPECT_EQ(idx.evaluate(calm_values()).index, 0.0);
  SignalValues severe{};
  const auto specs = cushion::spread::default_signal_specs();
  for (std::size_t i = 0; i < severe.size(); ++i) severe[i] = specs[i].severe;
  const auto r = idx.evaluate(severe);
  EXPECT_EQ(r.index, 1.0);
  EXPECT_EQ(r.used, 0xff);
  EXPECT_EQ(r.coverage, 1.0);
  EXPECT_FALSE(r.fail_safe);
}

TEST(StressIndex, HandComputedReading) {
  const StressIndex idx;
  SignalValues v = calm_values();
  v[0] = 1.3;    // volatility: (1.3 - 0.6) / 1.4 = 0.5, weight 0.20
  v[1] = 0.6;    // depth 1%: (0.6 - 1) / (0.2 - 1) = 0.5, weight 0.15
  v[4] = -0.55;  // funding, magnitude: (0.55 - 0.1) / 0.9 = 0.5, weight 0.10
  v[6] = 20.0;   // liquidation velocity past severe: clamped to 1, weight 0.15
  const auto r = idx.evaluate(v);
  EXPECT_NEAR(r.index, 0.20 * 0.5 + 0.15 * 0.5 + 0.10 * 0.5 + 0.15 * 1.0, 1e-15);
  EXPECT_NEAR(r.normalised[1], 0.5, 1e-15);
  EXPECT_NEAR(r.normalised[4], 0.5, 1e-15);
  EXPECT_EQ(r.normalised[6], 1.0);
  EXPECT_EQ(idx.normalise(1, 1.5), 0.0);  // more depth than the baseline is calm
}

TEST(StressIndex, MissingSignalsAreRenormalisedAway) {
  const StressIndex idx;
  SignalValues v = calm_values();
  v[0] = 2.0;   // fully stressed volatility, weight 0.20
  v[7] = kNaN;  // oracle confidence missing, weight 0.10
  const auto r = idx.evaluate(v);
  EXPECT_NEAR(r.index, 0.20 / 0.90, 1e-15);
  EXPECT_NEAR(r.coverage, 0.90, 1e-15);
  EXPECT_EQ(r.missing, 1u << 7);
  EXPECT_EQ(r.used, 0xff & ~(1u << 7));
  EXPECT_TRUE(std::isnan(r.normalised[7]));
}

TEST(StressIndex, StalePolicies) {
  SignalValues v = calm_values();
  SignalValues ages{};
  ages[3] = 301;  // quoted spread stale (max_age 300), weight 0.10
  const auto stressed = StressIndex().evaluate(v, ages);
  EXPECT_NEAR(stressed.index, 0.10, 1e-15);  // counted as z = 1
  EXPECT_EQ(stressed.stale, 1u << 3);
  EXPECT_TRUE(stressed.used & (1u << 3));
  const auto specs = cushion::spread::default_signal_specs();
  const auto dropped = StressIndex(specs, StalePolicy::drop).evaluate(v, ages);
  EXPECT_EQ(dropped.index, 0.0);
  EXPECT_FALSE(dropped.used & (1u << 3));
  EXPECT_NEAR(dropped.coverage, 0.9, 1e-15);
  v[3] = 0.055;  // halfway: kept as if fresh
  EXPECT_NEAR(StressIndex(specs, StalePolicy::keep).evaluate(v, ages).index, 0.10 * 0.5, 1e-15);
  ages[3] = 300;  // exactly max_age is still fresh
  EXPECT_EQ(StressIndex().evaluate(calm_values(), ages).stale, 0u);
}

TEST(StressIndex, FailSafeBelowMinCoverage) {
  SignalValues v{};
  v.fill(kNaN);
  v[0] = 0.6;  // only volatility (0.20 of the weight) is known, and it is calm
  const auto r = StressIndex().evaluate(v);
  EXPECT_TRUE(r.fail_safe);
  EXPECT_EQ(r.index, 1.0);
  const auto lenient = StressIndex(cushion::spread::default_signal_specs(), StalePolicy::stressed, 0.1).evaluate(v);
  EXPECT_FALSE(lenient.fail_safe);
  EXPECT_EQ(lenient.index, 0.0);
}

TEST(StressIndex, RejectsBadInput) {
  auto specs = cushion::spread::default_signal_specs();
  specs[2].severe = specs[2].calm;
  EXPECT_THROW(StressIndex{specs}, InvalidArgument);
  specs = cushion::spread::default_signal_specs();
  for (auto& s : specs) s.weight = 0.0;
  EXPECT_THROW(StressIndex{specs}, InvalidArgument);
  SignalValues v = calm_values();
  v[0] = std::numeric_limits<double>::infinity();
  EXPECT_THROW(StressIndex().evaluate(v), InvalidArgument);
  SignalValues ages{};
  ages[1] = -1;
  EXPECT_THROW(StressIndex().evaluate(calm_values(), ages), InvalidArgument);
}

// ---------------------------------------------------------------- regimes

TEST(Regimes, EscalationIsImmediateReleaseIsDelayedOneStepAtATime) {
  RegimeTracker<F64> t;                      // 0.35 / 0.25, 0.65 / 0.50, H = 25
  EXPECT_EQ(t.update(0.9), Regime::severe);  // calm -> severe in one block
  for (int i = 0; i < 24; ++i) EXPECT_EQ(t.update(0.1), Regime::severe) << i;
  EXPECT_EQ(t.update(0.1), Regime::moderate);  // the 25th quiet block: one step
  for (int i = 0; i < 24; ++i) EXPECT_EQ(t.update(0.1), Regime::moderate) << i;
  EXPECT_EQ(t.update(0.1), Regime::calm);
}

TEST(Regimes, ANoisyBlockResetsTheReleaseCounter) {
  RegimeTracker<F64> t;
  t.update(0.7);
  for (int i = 0; i < 20; ++i) t.update(0.4);  // below exit_severe 0.5
  EXPECT_EQ(t.quiet_blocks(), 20u);
  t.update(0.55);  // back above the exit threshold: "a single green candle" does not count
  EXPECT_EQ(t.quiet_blocks(), 0u);
  EXPECT_EQ(t.regime(), Regime::severe);
  // Inside the hysteresis band (exit 0.5 <= s < enter 0.65) the regime holds indefinitely.
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(t.update(0.6), Regime::severe);
}

TEST(Regimes, EffectiveStressHasTheRegimeFloor) {
  RegimeTracker<F64> t;
  t.update(0.7);
  EXPECT_EQ(t.effective(0.1), 0.65);
  EXPECT_EQ(t.effective(0.8), 0.8);
  for (int i = 0; i < 25; ++i) t.update(0.1);
  EXPECT_EQ(t.regime(), Regime::moderate);
  EXPECT_EQ(t.effective(0.1), 0.35);
}

/// The oracle: a single-threshold classifier on the same noisy path.
int naive_transitions(std::span<const double> s, double threshold) {
  int n = 0;
  bool high = false;
  for (double v : s) {
    const bool h = v >= threshold;
    n += h != high;
    high = h;
  }
  return n;
}

TEST(Regimes, NoisyInputDoesNotOscillate) {
  std::mt19937_64 rng(7);
  for (double centre : {0.35, 0.30, 0.65, 0.55}) {
    std::uniform_real_distribution<double> noise(-0.08, 0.08);
    std::vector<double> path(20000);
    for (auto& v : path) v = std::clamp(centre + noise(rng), 0.0, 1.0);
    RegimeTracker<F64> t;
    int transitions = 0;
    Regime prev = t.regime();
    for (double v : path) {
      const Regime r = t.update(v);
      transitions += r != prev;
      prev = r;
    }
    // Noise of +-0.08 around a threshold flips a naive classifier thousands of times; the
    // tracker escalates once (and at most steps once more) and never releases, because the
    // noise never stays below the exit threshold for 25 consecutive blocks.
    EXPECT_GT(naive_transitions(path, centre), 1000) << centre;
    EXPECT_LE(transitions, 2) << centre;
  }
}

TEST(Regimes, ExactTrackerMirrorsF64OnWadInputs) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  RegimeTracker<F64> f;
  RegimeTracker<Evm256> e;
  double level = 0.3;
  for (int i = 0; i < 20000; ++i) {
    level = std::clamp(level + (u(rng) - 0.5) * 0.1, 0.0, 1.0);
    const double s = std::round(level * 1e6) / 1e6;  // exactly representable as a WAD
    const uint256 w = uint256(static_cast<std::uint64_t>(std::llround(s * 1e6))) * uint256(1000000000000ULL);
    ASSERT_EQ(f.update(s), e.update(w)) << i;
    ASSERT_EQ(f.quiet_blocks(), e.quiet_blocks());
  }
}

TEST(Regimes, ThresholdsAreValidated) {
  auto t = cushion::spread::RegimeThresholds<F64>::defaults();
  t.exit_moderate = 0.4;  // above enter_moderate
  EXPECT_THROW(RegimeTracker<F64>{t}, InvalidArgument);
  t = cushion::spread::RegimeThresholds<F64>::defaults();
  t.release_blocks = 0;
  EXPECT_THROW(RegimeTracker<F64>{t}, InvalidArgument);
  EXPECT_THROW(RegimeTracker<F64>().update(1.5), InvalidArgument);
}

// ---------------------------------------------------------------- to_stress_wad

TEST(StressWad, RoundsUpExactly) {
  EXPECT_EQ(cushion::spread::to_stress_wad(0.0), uint256());
  EXPECT_EQ(cushion::spread::to_stress_wad(1.0), kWad);
  EXPECT_EQ(cushion::spread::to_stress_wad(0.5), uint256(500000000000000000ULL));
  // 0.1 is 0.1000000000000000055511151231257827... in binary: ceil gives ...006.
  EXPECT_EQ(cushion::spread::to_stress_wad(0.1), uint256(100000000000000006ULL));
  EXPECT_EQ(cushion::spread::to_stress_wad(1e-300), uint256(1u));
  EXPECT_THROW(cushion::spread::to_stress_wad(1.0000001), InvalidArgument);
}

// ---------------------------------------------------------------- half-spread

TEST(HalfSpreadF64, FormulaAndCap) {
  const HalfSpread<F64> h(0.003, 0.047, 2.0, 0.03);
  EXPECT_DOUBLE_EQ(h.at(0.0), 0.003);
  EXPECT_DOUBLE_EQ(h.at(0.5), 0.003 + 0.047 * 0.25);
  EXPECT_DOUBLE_EQ(h.at(1.0), 0.03);  // capped
  EXPECT_DOUBLE_EQ(h.bid(100.0, 0.5), 100.0 * (1 - h.at(0.5)));
  EXPECT_DOUBLE_EQ(h.ask(100.0, 0.5), 100.0 * (1 + h.at(0.5)));
  EXPECT_THROW(h.at(-0.1), InvalidArgument);
  EXPECT_THROW(h.at(kNaN), InvalidArgument);
  EXPECT_THROW((HalfSpread<F64>(0.1, 0.1, 1.0, 1.0)), InvalidArgument);  // cap must be < 1
  EXPECT_THROW((HalfSpread<F64>(0.1, 0.1, 0.0, 0.5)), InvalidArgument);  // exponent > 0
}

TEST(HalfSpreadExact, HandVector) {
  const HalfSpread<Evm256> h(uint256(30u), uint256(470u), uint256(2u), uint256(500u));
  const uint256 s(300000000000000000ULL);  // 0.3
  // sp = ceil(0.3e18 * 0.3e18 / 1e18) = 0.09e18; h = 30 + ceil(470 * 0.09) = 30 + ceil(42.3) = 73.
  EXPECT_EQ(h.at(s), uint256(73u));
  // ask = ceil(12345 * 10073 / 10000) = ceil(12435.1185); bid = floor(12345 * 9927 / 10000).
  EXPECT_EQ(h.ask(uint256(12345u), s), uint256(12436u));
  EXPECT_EQ(h.bid(uint256(12345u), s), uint256(12254u));
  EXPECT_EQ(h.at(kWad), uint256(500u));  // 30 + 470 = 500 == cap
  EXPECT_THROW(h.at(kWad + uint256(1u)), InvalidArgument);
  EXPECT_THROW((HalfSpread<Evm256>(uint256(30u), uint256(1u), uint256(1u), uint256(10000u))), InvalidArgument);
  EXPECT_THROW((HalfSpread<Evm256>(uint256(30u), uint256(1u), uint256(65u), uint256(100u))), InvalidArgument);
}

TEST(HalfSpreadExact, AHugeSlopeSaturatesAtTheCapInsteadOfReverting) {
  // min(cap, base + slope s^p) is the cap for any slope past cap - base at full stress; the
  // sum base + slope s^p must not be formed first (it would overflow 256 bits and revert).
  const uint256 max = uint256::max();
  const HalfSpread<Evm256> h(uint256(30u), max, uint256(1u), uint256(500u));
  EXPECT_EQ(h.at(kWad), uint256(500u));
  EXPECT_EQ(h.at(uint256(1u)), uint256(500u));  // ceil(max * 1 / 1e18) is already past 470
  EXPECT_EQ(h.at(uint256()), uint256(30u));     // s^1 = 0: the base
  const HalfSpread<Evm256> flat(uint256(500u), max, uint256(3u), uint256(500u));  // base == cap
  EXPECT_EQ(flat.at(kWad / uint256(2u)), uint256(500u));
  // Just below the cap the sum is taken: slope 469 at s = 1 gives 30 + 469 = 499.
  EXPECT_EQ(HalfSpread<Evm256>(uint256(30u), uint256(469u), uint256(1u), uint256(500u)).at(kWad), uint256(499u));
}

big ceil_div(const big& a, const big& b) { return (a + b - 1) / b; }

TEST(HalfSpreadExact, MatchesBigIntegerOracle) {
  std::mt19937_64 rng(5);
  const big wad(1000000000000000000ULL);
  for (int i = 0; i < 3000; ++i) {
    const std::uint64_t cap = 1 + rng() % 9999;
    const std::uint64_t base = rng() % (cap + 1);
    const std::uint64_t slope = rng() % 20000;
    const unsigned p = static_cast<unsigned>(rng() % 6);
    const uint256 s = uint256(rng() % 1000000000000000001ULL);
    const uint256 mid = uint256::from_boost(cushion::num::boost_uint256(rng()) * cushion::num::boost_uint256(rng()));
    const HalfSpread<Evm256> h{uint256(base), uint256(slope), uint256(p), uint256(cap)};
    big t = wad;
    for (unsigned k = 0; k < p; ++k) t = ceil_div(t * big(s.to_boost()), wad);
    big expect_h = big(base) + ceil_div(big(slope) * t, wad);
    if (expect_h > big(cap)) expect_h = big(cap);
    ASSERT_EQ(big(h.at(s).to_boost()), expect_h) << i;
    const big m(mid.to_boost());
    ASSERT_EQ(big(h.ask(mid, s).to_boost()), ceil_div(m * (10000 + expect_h), big(10000))) << i;
    ASSERT_EQ(big(h.bid(mid, s).to_boost()), m * (10000 - expect_h) / 10000) << i;
  }
}

TEST(HalfSpreadExact, AgreesWithF64WithinOneBasisPoint) {
  std::mt19937_64 rng(9);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int i = 0; i < 2000; ++i) {
    const unsigned p = 1 + static_cast<unsigned>(rng() % 4);
    const HalfSpread<F64> f(0.003, 0.047, p, 0.05);
    const HalfSpread<Evm256> e(uint256(30u), uint256(470u), uint256(p), uint256(500u));
    const double s = u(rng);
    const double hf_bps = f.at(s) * 1e4;
    const double he_bps = e.at(cushion::spread::to_stress_wad(s)).to_double();
    ASSERT_GE(he_bps, hf_bps - 1e-9);  // exact rounds up ...
    ASSERT_LE(he_bps, hf_bps + 1.0);   // ... by less than one basis point
  }
}

// ---------------------------------------------------------------- StressedCurve

/// A toy weighted basket curve written only against the concept (value_type, count_type,
/// buy/sell returning a Quote), plus a buy overload taking item weights: StressedCurve must
/// wrap it without knowing it.
class ToyBasket {
 public:
  using value_type = double;
  using count_type = double;
  ToyBasket() = default;
  ToyBasket(double x, double y) : x_(x), y_(y) {}
  cushion::curves::Quote<ToyBasket> buy(double w) const {
    if (!(w > 0 && w < y_))
      return cushion::curves::Quote<ToyBasket>::failed(cushion::curves::CurveError::invalid_numitems, *this);
    const double v = w * x_ / (y_ - w);
    return quote(v, w, ToyBasket(x_ + v, y_ - w));
  }
  cushion::curves::Quote<ToyBasket> buy(std::span<const double> weights) const {
    double w = 0;
    for (double v : weights) w += v;
    return buy(w);
  }
  cushion::curves::Quote<ToyBasket> sell(double w) const {
    if (!(w > 0))
      return cushion::curves::Quote<ToyBasket>::failed(cushion::curves::CurveError::invalid_numitems, *this);
    const double v = w * x_ / (y_ + w);
    return quote(v, w, ToyBasket(x_ - v, y_ + w));
  }

 private:
  static cushion::curves::Quote<ToyBasket> quote(double v, double w, ToyBasket next) {
    cushion::curves::Quote<ToyBasket> q;
    q.value = v;
    q.items = w;
    q.next = next;
    return q;
  }
  double x_ = 0, y_ = 0;
};
static_assert(cushion::curves::QuotingCurve<ToyBasket>);
static_assert(cushion::curves::QuotingCurve<StressedCurve<ToyBasket>>);
static_assert(cushion::curves::QuotingCurve<StressedCurve<cushion::curves::GDA<Evm256>>>);

TEST(StressedCurve, WrapsAnyCurveAndForwardsArguments) {
  const StressedCurve<ToyBasket> c(ToyBasket(100, 50), HalfSpread<F64>(), 1.0);
  const double weights[] = {1.0, 1.5, 0.5};
  const auto by_weights = c.buy(std::span<const double>(weights));
  const auto by_sum = c.buy(3.0);
  ASSERT_TRUE(by_weights.ok());
  EXPECT_EQ(by_weights.value, by_sum.value);
  EXPECT_DOUBLE_EQ(by_sum.curve_value, 3.0 * 100 / 47);
  EXPECT_DOUBLE_EQ(by_sum.value, by_sum.curve_value * 1.05);
  EXPECT_DOUBLE_EQ(by_sum.spread, by_sum.value - by_sum.curve_value);
  EXPECT_EQ(c.buy(60.0).error, cushion::curves::CurveError::invalid_numitems);
  EXPECT_EQ(c.buy(60.0).value, 0.0);
}

TEST(StressedCurve, QuotesLikeTheWrappedCurveWidened) {
  const cushion::curves::Exponential<F64> inner(3.0, 1.05, 0.005, 0.003);
  const StressedCurve<cushion::curves::Exponential<F64>> c(inner, HalfSpread<F64>(), 0.4);
  for (double n : {1.0, 2.0, 5.0}) {
    const auto b = c.buy(n);
    const auto ib = inner.buy(n);
    const auto s = c.sell(n);
    const auto is = inner.sell(n);
    EXPECT_DOUBLE_EQ(b.value, ib.value * (1 + c.half_spread()));
    EXPECT_DOUBLE_EQ(s.value, is.value * (1 - c.half_spread()));
    EXPECT_EQ(b.next.curve().spot_price(), ib.next.spot_price());  // the state moves as the curve's
    EXPECT_EQ(s.next.stress(), 0.4);
    EXPECT_EQ(b.trade_fee, ib.trade_fee);
  }
}

/// Round trips through the widened curve: buy then sell and sell then buy, at two stress
/// levels.  Never better than the wrapped curve's; never profitable where it is not.
template <class Curve, class Make, class Count>
void check_round_trips(Make make, std::mt19937_64& rng, int cases, Count max_n) {
  using Num = cushion::curves::number_policy_of<Curve>;
  std::uniform_real_distribution<double> u(0.0, 1.0);
  int checked = 0;
  for (int i = 0; i < cases; ++i) {
    const Curve inner = make(rng);
    const auto stress = [&] {
      if constexpr (Num::is_exact) {
        return cushion::spread::to_stress_wad(u(rng));
      } else {
        return u(rng);
      }
    };
    const HalfSpread<Num> spread;
    const StressedCurve<Curve> a(inner, spread, stress());
    Count n;
    if constexpr (Num::is_exact) {
      n = Count(1u + static_cast<unsigned>(rng() % max_n.limb(0)));
    } else {
      n = 1.0 + std::floor(u(rng) * (max_n - 1.0));
    }
    try {
      const auto bought = a.buy(n);
      const auto ib = inner.buy(n);
      if (bought.ok()) {
        const auto b2 = bought.next.with_stress(stress());
        const auto sold = b2.sell(bought.items);
        const auto is = ib.next.sell(ib.items);
        if (sold.ok()) {
          ++checked;
          ASSERT_LE(sold.value, bought.value) << Curve::kind << " buy-then-sell profits, case " << i;
          ASSERT_GE(sold.value, Count{});
          // never better than the wrapped curve's round trip
          if constexpr (Num::is_exact) {
            ASSERT_LE(big(sold.value.to_boost()) + big(ib.value.to_boost()),
                      big(is.value.to_boost()) + big(bought.value.to_boost()));
          } else {
            ASSERT_LE(sold.value - bought.value, is.value - ib.value + 1e-12 * ib.value);
          }
        }
      }
      const auto sold_first = a.sell(n);
      if (sold_first.ok()) {
        const auto back = sold_first.next.with_stress(stress()).buy(sold_first.items);
        if (back.ok()) {
          ASSERT_LE(sold_first.value, back.value) << Curve::kind << " sell-then-buy profits, case " << i;
        }
      }
    } catch (const cushion::num::Revert&) {
      // exact reverts are the wrapped curve's (it reverts the same way): no quote, no trade
    }
  }
  EXPECT_GT(checked, cases * 9 / 10) << Curve::kind << ": too few round trips were quotable to test";
}

TEST(StressedCurve, NoArbitrageF64) {
  std::mt19937_64 rng(21);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  using namespace cushion::curves;
  check_round_trips<Linear<F64>>(
      [&](auto&) { return Linear<F64>(0.1 + 50 * u(rng), 0.001 + u(rng), 0.005 * u(rng), 0.003 * u(rng)); }, rng, 3000,
      40.0);
  check_round_trips<Exponential<F64>>(
      [&](auto&) { return Exponential<F64>(0.1 + 50 * u(rng), 1.001 + 0.2 * u(rng), 0.005 * u(rng), 0.0); }, rng, 3000,
      40.0);
  check_round_trips<XYK<F64>>(
      [&](auto&) { return XYK<F64>(1 + 500 * u(rng), std::floor(50 + 500 * u(rng)), 0.005 * u(rng), 0.0); }, rng, 3000,
      40.0);
}

uint256 wei_of(double tokens) { return uint256(static_cast<std::uint64_t>(tokens * 1e6)) * uint256(1000000000000ULL); }

TEST(StressedCurve, NoArbitrageExact) {
  std::mt19937_64 rng(22);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  using namespace cushion::curves;
  const uint256 fee(5000000000000000ULL);
  check_round_trips<Linear<Evm256>>(
      [&](auto&) { return Linear<Evm256>(wei_of(0.1 + 50 * u(rng)), wei_of(0.001 + u(rng)), fee, uint256()); }, rng,
      3000, uint256(40u));
  check_round_trips<Exponential<Evm256>>(
      [&](auto&) {
        return Exponential<Evm256>(wei_of(0.1 + 50 * u(rng)), wei_of(1.001 + 0.2 * u(rng)), fee, uint256());
      },
      rng, 3000, uint256(40u));
  check_round_trips<XYK<Evm256>>(
      [&](auto&) { return XYK<Evm256>(wei_of(1 + 500 * u(rng)), uint256(50u + rng() % 500), fee, uint256()); }, rng,
      3000, uint256(40u));
}

TEST(StressedCurve, GdaRoundTripNeverImprovesAndEnoughSpreadRemovesIt) {
  // sudoswap's GDA buys at spot * alpha^k (k = 0..n-1) and then sells starting at the new spot,
  // so an unwidened buy-then-sell at the same timestamp returns alpha times what it cost.
  const cushion::curves::GDA<F64> gda(1.0, 1.1, 0.0, 0.0, 0.0);
  const auto b = gda.buy(3.0);
  EXPECT_NEAR(b.next.sell(3.0).value, 1.1 * b.value, 1e-12);
  for (double s : {0.0, 0.3, 0.7, 1.0}) {
    const StressedCurve<cushion::curves::GDA<F64>> c(gda, HalfSpread<F64>(0.003, 0.047, 1.0, 0.06), s);
    const auto bought = c.buy(3.0);
    const auto sold = bought.next.sell(3.0);
    EXPECT_LE(sold.value - bought.value, b.next.sell(3.0).value - b.value);
  }
  // h >= (alpha - 1) / (alpha + 1) closes it: 0.1 / 2.1 = 0.0476...
  const StressedCurve<cushion::curves::GDA<F64>> wide(gda, HalfSpread<F64>(0.048, 0.0, 1.0, 0.06), 0.0);
  const auto bought = wide.buy(3.0);
  EXPECT_LE(bought.next.sell(3.0).value, bought.value);
}

}  // namespace
