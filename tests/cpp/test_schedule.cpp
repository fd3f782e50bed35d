// Tranche schedules and their simulation.
//
// Oracles: the Almgren-Chriss closed forms of risk-and-execution.md (trajectory, expected
// cost, variance) against their discrete definitions, an exact simulation of the linear
// impact model and a Monte Carlo over Brownian reference paths; the Obizhaeva-Wang /
// Alfonsi-Fruth-Schied schedule against random perturbations (it must be optimal); path
// independence of a linear curve without recovery; replayed caps.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "cushion/schedule/linear_impact.hpp"
#include "cushion/schedule/schedules.hpp"
#include "cushion/schedule/simulate.hpp"

namespace {

using cushion::InvalidArgument;
using cushion::absorb::AbsorptionCap;
using cushion::absorb::CapRange;
using cushion::absorb::CushionPool;
using cushion::num::F64;
using cushion::schedule::AlmgrenChriss;
using cushion::schedule::LinearImpact;
using cushion::spread::HalfSpread;

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

const HalfSpread<F64> kNoSpread(0.0, 0.0, 1.0, 0.0);

AlmgrenChriss::Params ac_params(double lambda) {
  // The textbook example of Almgren & Chriss (2000), per-share units scaled down.
  AlmgrenChriss::Params p;
  p.quantity = 1000.0;
  p.blocks = 20;
  p.tau = 1.0;
  p.sigma = 0.3;
  p.eta = 2.5e-3;
  p.gamma = 2.5e-4;
  p.epsilon = 0.0625;
  p.risk_aversion = lambda;
  return p;
}

// ---------------------------------------------------------------- schedules

TEST(Schedules, DumpTwapAndResilienceAware) {
  EXPECT_EQ(cushion::schedule::dump(7.0, 3), (std::vector<double>{7.0, 0.0, 0.0}));
  const auto tw = cushion::schedule::twap(10.0, 3);
  EXPECT_EQ(sum(tw), 10.0);
  EXPECT_NEAR(tw[1], 10.0 / 3, 1e-15);
  const double a = 0.6;
  const auto ow = cushion::schedule::resilience_aware(100.0, 10, a);
  const double edge = 100.0 / (8 * (1 - a) + 2);  // (N - 2)(1 - a) + 2 with N = 10 blocks
  EXPECT_NEAR(ow.front(), edge, 1e-12);
  EXPECT_NEAR(ow.back(), edge, 1e-12);
  for (std::size_t k = 1; k + 1 < ow.size(); ++k) EXPECT_NEAR(ow[k], edge * (1 - a), 1e-12);
  EXPECT_NEAR(sum(ow), 100.0, 1e-12);
  const auto full_recovery = cushion::schedule::resilience_aware(100.0, 10, 0.0);
  for (double v : full_recovery) EXPECT_NEAR(v, 10.0, 1e-12);  // a = 0: TWAP
  const auto no_recovery = cushion::schedule::resilience_aware(100.0, 10, 1.0);
  EXPECT_EQ(no_recovery.front(), 50.0);  // a = 1: half at each end
  EXPECT_EQ(no_recovery[5], 0.0);
  EXPECT_EQ(cushion::schedule::resilience_aware(5.0, 1, 0.3), (std::vector<double>{5.0}));
  EXPECT_THROW(cushion::schedule::twap(1.0, 0), InvalidArgument);
  EXPECT_THROW(cushion::schedule::resilience_aware(1.0, 3, 1.5), InvalidArgument);
  EXPECT_DOUBLE_EQ(cushion::schedule::resilience_decay(0.05, 12.0), std::exp(-0.6));
}

TEST(Schedules, CarryForwardRespectsCapsAndConserves) {
  const std::vector<double> s{10, 0, 0, 5, 0};
  const std::vector<double> caps{4, 4, 1};
  double left = -1;
  const auto out = cushion::schedule::carry_forward(s, caps, false, 0, &left);
  EXPECT_EQ(out, (std::vector<double>{4, 4, 1, 1, 1}));
  EXPECT_EQ(left, 4.0);
  const auto extended = cushion::schedule::carry_forward(s, caps, true, 100, &left);
  EXPECT_EQ(extended.size(), 9u);
  EXPECT_EQ(left, 0.0);
  EXPECT_EQ(sum(extended), 15.0);
  const std::vector<double> zero_cap{0.0};
  cushion::schedule::carry_forward(s, zero_cap, true, 100, &left);
  EXPECT_EQ(left, 15.0);  // a zero cap never finishes, and says so
}

// ---------------------------------------------------------------- Almgren-Chriss

TEST(AlmgrenChriss, TrajectoryMatchesTheClosedForm) {
  const AlmgrenChriss ac(ac_params(2e-6));
  const double k = ac.kappa(), T = ac.horizon(), tau = 1.0, X = 1000.0;
  const double kt2 = 2e-6 * 0.09 / (2.5e-3 - 0.5 * 2.5e-4 * tau);
  EXPECT_NEAR(k, std::acosh(0.5 * kt2 * tau * tau + 1.0) / tau, 1e-15);
  const auto n = ac.trades();
  const auto x = ac.holdings();
  for (std::size_t j = 1; j <= n.size(); ++j) {
    const double closed = 2 * std::sinh(k * tau / 2) / std::sinh(k * T) * std::cosh(k * (T - (j - 0.5) * tau)) * X;
    EXPECT_NEAR(n[j - 1], closed, 1e-10) << j;
    EXPECT_NEAR(x[j], X * std::sinh(k * (T - j * tau)) / std::sinh(k * T), 1e-9);
  }
  EXPECT_NEAR(sum(n), X, 1e-9);
  EXPECT_GT(n.front(), n.back());  // risk aversion front-loads
}

TEST(AlmgrenChriss, ClosedFormMomentsEqualTheirDefinitions) {
  for (double lambda : {1e-7, 2e-6, 1e-5, 1e-4, 1e-2}) {
    const AlmgrenChriss ac(ac_params(lambda));
    const auto n = ac.trades();
    EXPECT_NEAR(ac.expected_cost(), ac.expected_cost_of(n), 1e-10 * ac.expected_cost()) << lambda;
    EXPECT_NEAR(ac.variance(), ac.variance_of(n), 1e-9 * ac.variance()) << lambda;
  }
}

TEST(AlmgrenChriss, TwapIsTheRiskNeutralLimit) {
  const AlmgrenChriss twap(ac_params(0.0));
  EXPECT_TRUE(twap.is_twap_limit());
  for (double v : twap.trades()) EXPECT_DOUBLE_EQ(v, 50.0);
  const double X = 1000, T = 20, N = 20, eta_t = 2.5e-3 - 0.5 * 2.5e-4;
  EXPECT_NEAR(twap.expected_cost(), 0.5 * 2.5e-4 * X * X + 0.0625 * X + eta_t * X * X / T, 1e-9);
  EXPECT_NEAR(twap.variance(), 0.09 * X * X * T * (1 - 1 / N) * (1 - 0.5 / N) / 3, 1e-6);
  // lambda -> 0 converges to it.
  const AlmgrenChriss tiny(ac_params(1e-14));
  EXPECT_FALSE(tiny.is_twap_limit());
  for (double v : tiny.trades()) EXPECT_NEAR(v, 50.0, 1e-6);
  EXPECT_NEAR(tiny.expected_cost(), twap.expected_cost(), 1e-9 * twap.expected_cost());
  EXPECT_NEAR(tiny.variance(), twap.variance(), 1e-6 * twap.variance());
}

TEST(AlmgrenChriss, VeryRiskAverseIsStable) {
  const AlmgrenChriss ac(ac_params(1e3));  // kappa T in the hundreds: sinh would overflow
  const auto n = ac.trades();
  EXPECT_NEAR(sum(n), 1000.0, 1e-9);
  EXPECT_GT(n.front(), 990.0);
  EXPECT_TRUE(std::isfinite(ac.expected_cost()));
  EXPECT_TRUE(std::isfinite(ac.variance()));
  EXPECT_NEAR(ac.expected_cost(), ac.expected_cost_of(n), 1e-9 * ac.expected_cost());
  auto bad = ac_params(0.0);
  bad.gamma = 1.0;  // eta~ = eta - gamma tau / 2 < 0
  EXPECT_THROW(AlmgrenChriss{bad}, InvalidArgument);
}

CushionPool<LinearImpact> ac_market(double decay = 1.0) {
  return CushionPool<LinearImpact>(LinearImpact(50.0, 2.5e-4, 2.5e-3, 0.0625, 1.0), kNoSpread, {}, decay);
}

TEST(AlmgrenChriss, SimulatingTheLinearImpactModelGivesTheExpectedCost) {
  for (double lambda : {0.0, 1e-6, 2e-6, 1e-5}) {
    const AlmgrenChriss ac(ac_params(lambda));
    const auto trace = cushion::schedule::simulate<LinearImpact>(ac.trades(), ac_market(), {}, {}, 0);
    EXPECT_NEAR(trace.shortfall, ac.expected_cost(), 1e-9 * ac.expected_cost()) << lambda;
    EXPECT_NEAR(trace.sold, 1000.0, 1e-9);
    EXPECT_NEAR(std::accumulate(trace.slippage.begin(), trace.slippage.end(), 0.0), trace.shortfall, 1e-9);
  }
}

TEST(AlmgrenChriss, MonteCarloMatchesExpectedCostAndVariance) {
  const AlmgrenChriss ac(ac_params(2e-6));
  const auto trades = ac.trades();
  const auto market = ac_market();
  std::mt19937_64 rng(2024);
  std::normal_distribution<double> z(0.0, 1.0);
  constexpr int kPaths = 20000;
  std::vector<double> reference(21);
  double mean = 0.0, m2 = 0.0;
  for (int p = 0; p < kPaths; ++p) {
    reference[0] = 50.0;
    for (std::size_t k = 1; k < reference.size(); ++k) reference[k] = reference[k - 1] + 0.3 * z(rng);
    const double is = cushion::schedule::simulate<LinearImpact>(trades, market, {}, reference, 0).shortfall;
    const double d = is - mean;  // Welford
    mean += d / (p + 1);
    m2 += d * (is - mean);
  }
  const double var = m2 / (kPaths - 1);
  const double se = std::sqrt(ac.variance() / kPaths);
  EXPECT_NEAR(mean, ac.expected_cost(), 4 * se);
  EXPECT_NEAR(var / ac.variance(), 1.0, 0.05);  // the sample variance's own error is ~1%
}

// ---------------------------------------------------------------- resilience-aware

double cost_on(const std::vector<double>& schedule, const CushionPool<LinearImpact>& market) {
  return cushion::schedule::simulate<LinearImpact>(schedule, market, {}, {}, 0).shortfall;
}

TEST(ResilienceAware, IsOptimalOnAnObizhaevaWangBook) {
  // Block-shaped book of depth 1 / g: a sale of n executes at S - (g / 2) n on average and
  // moves the price by -g n; the dislocation decays by a per block.
  const double g = 0.02, a = std::exp(-0.3);
  const CushionPool<LinearImpact> book(LinearImpact(100.0, g, g / 2, 0.0, 1.0), kNoSpread, {}, a);
  const std::size_t N = 12;
  const auto ow = cushion::schedule::resilience_aware(60.0, N, a);
  const double best = cost_on(ow, book);
  EXPECT_LT(best, cost_on(cushion::schedule::twap(60.0, N), book));
  EXPECT_LT(best, cost_on(cushion::schedule::dump(60.0, N), book));
  std::mt19937_64 rng(17);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  for (int trial = 0; trial < 300; ++trial) {
    auto s = ow;
    const std::size_t i = rng() % N, j = rng() % N;
    const double shift = std::min(s[i], 3.0) * std::abs(u(rng));
    s[i] -= shift;
    s[j] += shift;
    EXPECT_GE(cost_on(s, book), best - 1e-9) << trial;
  }
}

template <class Curve>
void expect_tranching_beats_dumping(const Curve& curve) {
  const double a = 0.5;
  const CushionPool<Curve> pool(curve, HalfSpread<F64>(), {}, a);
  const double dumped =
      cushion::schedule::simulate<Curve>(cushion::schedule::dump(20.0, 20), pool, {}, {}, 0).shortfall;
  const double twap = cushion::schedule::simulate<Curve>(cushion::schedule::twap(20.0, 20), pool, {}, {}, 0).shortfall;
  const double ow =
      cushion::schedule::simulate<Curve>(cushion::schedule::resilience_aware(20.0, 20, a), pool, {}, {}, 0).shortfall;
  EXPECT_LT(twap, 0.8 * dumped) << Curve::kind;
  EXPECT_LT(ow, 0.8 * dumped) << Curve::kind;
}

TEST(Simulate, OnARecoveringCurveTranchingBeatsDumping) {
  expect_tranching_beats_dumping(cushion::curves::Linear<F64>(10.0, 0.2, 0.005, 0.0));
  expect_tranching_beats_dumping(cushion::curves::Exponential<F64>(10.0, 1.02, 0.005, 0.0));
  expect_tranching_beats_dumping(cushion::curves::XYK<F64>(100.0, 60.0, 0.005, 0.0));
  expect_tranching_beats_dumping(cushion::curves::GDA<F64>(10.0, 1.02, 0.0, 0.0, 0.0, 0.005, 0.0));
}

TEST(Simulate, WithoutRecoveryALinearCurveIsPathIndependent) {
  const CushionPool<cushion::curves::Linear<F64>> pool(cushion::curves::Linear<F64>(10.0, 0.125), kNoSpread, {}, 1.0);
  const double dumped =
      cushion::schedule::simulate<cushion::curves::Linear<F64>>(cushion::schedule::dump(16.0, 8), pool, {}, {}, 0)
          .shortfall;
  const double twap =
      cushion::schedule::simulate<cushion::curves::Linear<F64>>(cushion::schedule::twap(16.0, 8), pool, {}, {}, 0)
          .shortfall;
  EXPECT_NEAR(dumped, twap, 1e-12);
}

TEST(Simulate, CapsAreNeverExceededAndNothingIsLost) {
  std::mt19937_64 rng(33);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  int cut = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const std::uint32_t window = 1 + static_cast<std::uint32_t>(rng() % 8);
    const AbsorptionCap<F64> cap(CapRange<F64>{1.0 + 3 * u(rng), 0.2 + 0.5 * u(rng)}, CapRange<F64>{40.0, 5.0},
                                 CapRange<F64>{6.0, 2.0}, {}, window, 1.0 + u(rng));
    const CushionPool<cushion::curves::XYK<F64>> pool(cushion::curves::XYK<F64>(300.0, 200.0, 0.005, 0.0),
                                                      HalfSpread<F64>(), cap, 0.7);
    std::vector<double> schedule(30), stress(25);
    for (auto& v : schedule) v = 4 * u(rng) * u(rng);
    for (auto& v : stress) v = u(rng);
    const auto t = cushion::schedule::simulate<cushion::curves::XYK<F64>>(schedule, pool, stress, {}, 50);
    EXPECT_NEAR(t.sold + t.unsold, t.quantity, 1e-9 * t.quantity);
    for (std::size_t k = 0; k < t.blocks(); ++k) {
      const auto caps = cap.at(t.stress[k]);
      ASSERT_LE(t.filled[k], caps.block_items + 1e-12);
      ASSERT_LE(t.proceeds[k], caps.block_notional + 1e-12);
      double window_items = 0;
      for (std::size_t j = k + 1 > window ? k + 1 - window : 0; j <= k; ++j) window_items += t.filled[j];
      if (t.filled[k] > 0) {
        ASSERT_LE(window_items, caps.window_items + 1e-9) << trial << " block " << k;
      }
      ASSERT_NEAR(t.target[k], t.filled[k] + t.carry[k], 1e-12);  // carried, never dropped
      cut += t.limited_by[k] != 0;
      const double next_target = k + 1 < t.blocks() ? t.target[k + 1] : 0.0;
      if (k + 1 < schedule.size()) {
        ASSERT_NEAR(next_target, schedule[k + 1] + t.carry[k], 1e-12);
      }
      ASSERT_EQ(t.stress[k], stress[std::min(k, stress.size() - 1)]);  // a short path repeats its last value
    }
  }
  EXPECT_GT(cut, 400);  // the caps really did bind, often
}

TEST(Simulate, ExtraBlocksSellTheCarry) {
  const AbsorptionCap<F64> cap(CapRange<F64>{1.0, 1.0}, {}, {}, {}, 300, 1.0);
  const CushionPool<cushion::curves::XYK<F64>> pool(cushion::curves::XYK<F64>(100.0, 100.0), HalfSpread<F64>(), cap,
                                                    0.9);
  const auto capped =
      cushion::schedule::simulate<cushion::curves::XYK<F64>>(cushion::schedule::dump(5.0, 2), pool, {}, {}, 0);
  EXPECT_EQ(capped.blocks(), 2u);
  EXPECT_EQ(capped.unsold, 3.0);
  const auto extended =
      cushion::schedule::simulate<cushion::curves::XYK<F64>>(cushion::schedule::dump(5.0, 2), pool, {}, {}, 100);
  EXPECT_EQ(extended.blocks(), 5u);
  EXPECT_EQ(extended.unsold, 0.0);
  EXPECT_EQ(extended.sold, 5.0);
  EXPECT_EQ(extended.limited_by[0], static_cast<std::uint8_t>(cushion::absorb::Limit::block_items));
  EXPECT_THROW(cushion::schedule::simulate<cushion::curves::XYK<F64>>(std::vector<double>{1.0, -1.0}, pool, {}, {}, 0),
               InvalidArgument);
  const std::vector<double> bad_stress{0.5, 1.5};
  EXPECT_THROW(
      cushion::schedule::simulate<cushion::curves::XYK<F64>>(std::vector<double>{1.0}, pool, bad_stress, {}, 0),
      InvalidArgument);
}

/// simulate() against the pool's public, block-by-block API (absorb, then advance toward the
/// next reference): every column and total the same double.  Binding item caps, a notional
/// cap (the bisection), a stress path shorter than the run and extra blocks; equal tranches
/// (simulate reuses their quote terms) between capped, fractional fills (new terms).
template <class Curve>
void expect_simulate_equals_replay(const Curve& curve) {
  const auto bits = [](double x) { return std::bit_cast<std::uint64_t>(x); };
  const double mid = cushion::curves::CurveDynamics<Curve>::mid(curve);
  const AbsorptionCap<F64> cap(CapRange<F64>{1.0, 0.3}, CapRange<F64>{3.0 * mid, 0.25 * mid}, CapRange<F64>{12.0, 4.0},
                               {}, 20, 1.5);
  const CushionPool<Curve> pool(curve, HalfSpread<F64>(0.003, 0.04, 2.0, 0.05), cap, 0.9);
  std::vector<double> schedule = cushion::schedule::twap(60.0, 120), stress(100), reference(110);
  for (std::size_t k = 0; k < stress.size(); ++k) stress[k] = 0.5 + 0.5 * std::sin(0.07 * static_cast<double>(k));
  for (std::size_t k = 0; k < reference.size(); ++k) reference[k] = mid * (1.0 - 0.001 * static_cast<double>(k));
  schedule[7] = 2.5;  // a lump the caps carry forward
  const auto t = cushion::schedule::simulate<Curve>(schedule, pool, stress, reference, 40);
  ASSERT_GT(t.blocks(), schedule.size());

  CushionPool<Curve> p = pool;
  p.set_reference(reference[0]);
  double carry = 0.0, quantity = 0.0, sold = 0.0, proceeds = 0.0;
  int capped = 0, bisected = 0;
  for (std::size_t k = 0; k < t.blocks(); ++k) {
    const double tranche = k < schedule.size() ? schedule[k] : 0.0;
    if (k < schedule.size()) quantity += tranche;
    const double target = tranche + carry;
    const double s = stress[std::min(k, stress.size() - 1)];
    const double mid_before = p.mid();
    const auto r = p.absorb(target, s);
    carry = r.remainder;
    ASSERT_EQ(bits(t.stress[k]), bits(s)) << k;
    ASSERT_EQ(bits(t.target[k]), bits(target)) << k;
    ASSERT_EQ(bits(t.filled[k]), bits(r.filled)) << k;
    ASSERT_EQ(bits(t.carry[k]), bits(r.remainder)) << k;
    ASSERT_EQ(bits(t.proceeds[k]), bits(r.proceeds)) << k;
    ASSERT_EQ(bits(t.spread[k]), bits(r.spread)) << k;
    ASSERT_EQ(bits(t.fees[k]), bits(r.trade_fee + r.protocol_fee)) << k;
    ASSERT_EQ(bits(t.half_spread[k]), bits(r.half_spread)) << k;
    ASSERT_EQ(bits(t.mid_before[k]), bits(mid_before)) << k;
    ASSERT_EQ(bits(t.mid_after[k]), bits(p.mid())) << k;
    ASSERT_EQ(t.limited_by[k], r.limited_by) << k;
    capped += r.limited_by != 0;
    bisected += (r.limited_by & (static_cast<std::uint8_t>(cushion::absorb::Limit::block_notional))) != 0;
    sold += r.filled;
    proceeds += r.proceeds;
    p.advance(1, reference[std::min(k + 1, reference.size() - 1)]);
  }
  EXPECT_EQ(bits(t.quantity), bits(quantity));
  EXPECT_EQ(bits(t.sold), bits(sold));
  EXPECT_EQ(bits(t.total_proceeds), bits(proceeds));
  EXPECT_EQ(bits(t.unsold), bits(carry));
  EXPECT_GT(capped, 20);   // the caps bound: fills of new, fractional sizes
  EXPECT_GT(bisected, 0);  // and the notional cap sent some blocks through the bisection
}

TEST(Simulate, EqualsTheBlockByBlockReplayOfThePool) {
  expect_simulate_equals_replay(cushion::curves::Linear<F64>(10.0, 0.005, 0.005, 0.0));
  expect_simulate_equals_replay(cushion::curves::Exponential<F64>(10.0, 1.002, 0.005, 0.001));
  expect_simulate_equals_replay(cushion::curves::XYK<F64>(1000.0, 100.0, 0.005, 0.0));
  expect_simulate_equals_replay(cushion::curves::GDA<F64>(10.0, 1.002, 0.0, 0.0, 0.0, 0.005, 0.0));
  expect_simulate_equals_replay(cushion::curves::GDA<F64>(10.0, 1.002, 0.01, 0.0, 30.0, 0.005, 0.0));
}

TEST(Simulate, TheReferencePathMovesTheCurve) {
  // No trading, full recovery each block: the mid follows the reference exactly.
  const CushionPool<cushion::curves::Linear<F64>> pool(cushion::curves::Linear<F64>(10.0, 0.1), kNoSpread, {}, 0.0);
  const std::vector<double> reference{10.05, 9.0, 8.0, 9.5};
  const auto t =
      cushion::schedule::simulate<cushion::curves::Linear<F64>>(std::vector<double>(4, 0.0), pool, {}, reference, 0);
  for (std::size_t k = 1; k < 4; ++k) EXPECT_NEAR(t.mid_before[k], reference[k], 1e-12);
}

}  // namespace
