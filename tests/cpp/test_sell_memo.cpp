// SellMemo: quotes through the memo are the curve's own sell(n), bit for bit.
//
// Oracle: the curve's sell(n) itself, on random curves and counts (repeated counts hit the
// memo, new counts and new curve parameters miss it, fractional counts take std::pow,
// integral ones the binary powering, deltas <= 1 and zero counts the error paths).
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <random>
#include <type_traits>
#include <vector>

#include "cushion/curves/exponential.hpp"
#include "cushion/curves/gda.hpp"
#include "cushion/curves/linear.hpp"
#include "cushion/curves/sell_memo.hpp"

namespace {

using cushion::curves::Exponential;
using cushion::curves::GDA;
using cushion::curves::Linear;
using cushion::curves::SellMemo;
using cushion::num::F64;

std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }

template <class Quote>
void expect_same(const Quote& memo, const Quote& direct) {
  ASSERT_EQ(memo.error, direct.error);
  ASSERT_EQ(bits(memo.value), bits(direct.value));
  ASSERT_EQ(bits(memo.trade_fee), bits(direct.trade_fee));
  ASSERT_EQ(bits(memo.protocol_fee), bits(direct.protocol_fee));
  ASSERT_EQ(bits(memo.items), bits(direct.items));
  ASSERT_EQ(bits(memo.next.spot_price()), bits(direct.next.spot_price()));
}

/// A count drawn so that repeats are common: the memo's hit path as well as its miss path.
double draw_count(std::mt19937_64& rng) {
  static const std::vector<double> kCounts{0.5, 0.5, 0.5, 1.0, 3.0, 0.0, -0.0, 1e-9, 40.5, 0.3700000000000001, 7.25};
  std::uniform_real_distribution<double> u(0.0, 5.0);
  return rng() % 3 == 0 ? u(rng) : kCounts[rng() % kCounts.size()];
}

/// 4000 quotes through one memo while `mutate` moves the curve (new parameters: a key change;
/// another spot or time); each equals the curve's own sell, as does sell(n, sell_terms(n)).
template <class Curve, class Mutate>
void expect_memo_quotes_are_the_curves_own(std::uint64_t seed, Curve curve, Mutate mutate) {
  std::mt19937_64 rng(seed);
  SellMemo<Curve> memo;
  for (int i = 0; i < 4000; ++i) {
    curve = mutate(curve, rng);
    const double n = draw_count(rng);
    const auto direct = curve.sell(n);
    const auto memoised = memo.sell(curve, n);
    expect_same(memoised, direct);
    expect_same(curve.sell(n, curve.sell_terms(n)), direct);
    if constexpr (std::is_same_v<Curve, GDA<F64>>) {
      ASSERT_EQ(bits(memoised.next.t0()), bits(direct.next.t0()));
    }
  }
}

TEST(SellMemo, ExponentialQuotesAreTheCurvesOwn) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  expect_memo_quotes_are_the_curves_own(41, Exponential<F64>(10.0, 1.01, 0.005, 0.001), [&](const auto& c, auto& rng) {
    switch (rng() % 4) {
      case 0:  // a new delta (a key change), sometimes <= 1 (reverting quotes)
        return Exponential<F64>(1 + 20 * u(rng), rng() % 8 == 0 ? 0.9 + 0.1 * u(rng) : 1.0 + 0.2 * u(rng),
                                0.01 * u(rng), 0.01 * u(rng));
      case 1:  // the same delta at another spot (the memo's terms still apply)
        return c.with_spot(1e-9 + 30 * u(rng));
      default:
        return c;
    }
  });
}

TEST(SellMemo, GdaQuotesAreTheCurvesOwn) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  expect_memo_quotes_are_the_curves_own(
      43, GDA<F64>(10.0, 1.01, 0.0, 0.0, 0.0, 0.005, 0.0), [&](const auto& c, auto& rng) {
        switch (rng() % 5) {
          case 0:  // new auction parameters: alpha (sometimes <= 1), decay rate, start
            return GDA<F64>(1 + 20 * u(rng), rng() % 8 == 0 ? u(rng) : 1.0 + 0.2 * u(rng), 0.01 * u(rng), 100 * u(rng),
                            100 + 100 * u(rng), 0.01 * u(rng), 0.01 * u(rng));
          case 1:  // the same auction later (the time boost changes)
            return c.at(c.now() + 10 * u(rng));
          case 2:  // the same auction from another spot (the memo's terms still apply)
            return c.with_spot(1e-6 + 30 * u(rng));
          default:
            return c;
        }
      });
}

TEST(SellMemo, CurvesWithoutTheSplitAreSoldDirectly) {
  SellMemo<Linear<F64>> memo;
  const Linear<F64> curve(10.0, 0.25, 0.005, 0.0);
  for (double n : {0.5, 0.5, 2.0, 0.0, 100.0}) expect_same(memo.sell(curve, n), curve.sell(n));
}

}  // namespace
