// Regression tests for the bugs the fuzzers (tests/fuzz) and sanitizers found: one test per
// bug, with the input that found it.  The fuzz corpus (tests/fuzz/corpus) keeps the inputs
// too, but these run in every build, sanitized or not.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "cushion/absorb/ledger.hpp"
#include "cushion/compat/caviar.hpp"
#include "cushion/compat/sudoswap.hpp"
#include "cushion/schedule/schedules.hpp"

namespace {

using cushion::curves::CurveError;
using cushion::num::F64;
using cushion::num::uint256;
using big = boost::multiprecision::cpp_int;

big to_big(const uint256& v) { return big(v.to_boost()); }

/// Whether d is the double nearest to v (ties to even), decided on exact integers.
bool is_nearest_double(const uint256& v, double d) {
  const auto exact = [](double x) {  // a double >= 2^53 or a small integer, as an integer
    int e = 0;
    const double m = std::frexp(x, &e);
    const big mant(static_cast<long long>(std::ldexp(m, 53)));
    return e >= 53 ? big(mant << (e - 53)) : big(mant >> (53 - e));
  };
  const big V = to_big(v), D = exact(d);
  const big err = D > V ? big(D - V) : big(V - D);
  for (const double n : {std::nextafter(d, 0.0), std::nextafter(d, 1e300)}) {
    const big N = exact(n);
    const big nerr = N > V ? big(N - V) : big(V - N);
    if (nerr < err) return false;
    if (nerr == err) {  // a tie: d must have the even mantissa
      int e = 0;
      if ((static_cast<long long>(std::ldexp(std::frexp(d, &e), 53)) & 1) != 0) return false;
    }
  }
  return true;
}

// fuzz_uint256: Boost 1.74's cpp_int -> double conversion truncated instead of rounding to
// nearest; uint256::to_double promised (and now delivers) round to nearest, ties to even.
TEST(Regression, ToDoubleRoundsToNearest) {
  const uint256 found = uint256::from_string("0x34343434b2000effffffffff");
  EXPECT_EQ(found.to_double(), 1.6156331188443972e+28);  // Python's float(), correctly rounded
  // Ties go to the even mantissa; anything above a tie rounds up.
  const uint256 p64 = uint256(1u) << 64;
  EXPECT_EQ((p64 + uint256(1u << 11)).to_double(), std::ldexp(1.0, 64));
  EXPECT_EQ((p64 + uint256((1u << 11) + 1)).to_double(), std::ldexp(1.0, 64) + std::ldexp(1.0, 12));
  EXPECT_EQ((p64 + uint256(3u << 11)).to_double(), std::ldexp(1.0, 64) + std::ldexp(1.0, 13));
  EXPECT_EQ(uint256::max().to_double(), std::ldexp(1.0, 256));
  EXPECT_EQ(uint256().to_double(), 0.0);
  std::mt19937_64 rng(8);
  for (int i = 0; i < 20000; ++i) {
    uint256::limbs_type w{rng(), rng(), rng(), rng()};
    const uint256 v = uint256(w) >> static_cast<unsigned>(rng() % 256);
    ASSERT_TRUE(is_nearest_double(v, v.to_double())) << v.to_hex();
  }
}

// fuzz_curves_f64: a negative (or NaN, or infinite) count went through the closed forms;
// Linear(0, 0, fee).buy(-1) came back OK with items == -1.  Such counts are INVALID_NUMITEMS.
TEST(Regression, F64CountsMustBeFinitePositive) {
  using namespace cushion::curves;
  const double bad[] = {
      -1.0, -0.0, 0.0, std::nan(""), std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  const Linear<F64> linear(0.0, 0.0, 2.56e-22, 0.0);
  EXPECT_EQ(linear.buy(-1.0).error, CurveError::invalid_numitems);
  const Linear<F64> lin(10.0, 0.1, 0.005);
  const Exponential<F64> expo(10.0, 1.01, 0.005);
  const XYK<F64> xyk(500.0, 50.0, 0.005);
  const GDA<F64> gda(10.0, 1.01, 0.0001, 0.0, 3600.0, 0.005);
  for (const double n : bad) {
    EXPECT_EQ(lin.buy(n).error, CurveError::invalid_numitems) << n;
    EXPECT_EQ(lin.sell(n).error, CurveError::invalid_numitems) << n;
    EXPECT_EQ(expo.buy(n).error, CurveError::invalid_numitems) << n;
    EXPECT_EQ(expo.sell(n).error, CurveError::invalid_numitems) << n;
    EXPECT_EQ(xyk.buy(n).error, CurveError::invalid_numitems) << n;
    EXPECT_EQ(xyk.sell(n).error, CurveError::invalid_numitems) << n;
    EXPECT_EQ(gda.buy(n).error, CurveError::invalid_numitems) << n;
    EXPECT_EQ(gda.sell(n).error, CurveError::invalid_numitems) << n;
  }
}

// fuzz_curves_f64: an f64 XYK sell of n >> y rounded n x / (y + n) to an ulp above x, and the
// next curve's token reserve became NaN on an OK quote.  The sale has taken the whole reserve.
TEST(Regression, F64XykSellLeavesAValidReserve) {
  const cushion::curves::XYK<F64> curve(1.1270000000000001e+22, 0.0, 0.0, 0.0);
  const auto q = curve.sell(4.9536000000000003e-14);
  ASSERT_EQ(q.error, CurveError::ok);
  EXPECT_TRUE(std::isfinite(q.next.token_reserve()) && q.next.token_reserve() >= 0.0);
  EXPECT_EQ(q.next.token_reserve(), 0.0);
}

// fuzz_caviar: change_quote reverted InsufficientInputWeight for a change fee past uint56 (an
// argument the ABI cannot encode) but refused a decimals past uint8 -- argument errors now
// always come first, as for every other quote.
TEST(Regression, CaviarChangeQuoteRefusesBadArgumentsBeforeReverting) {
  namespace cav = cushion::compat::caviar;
  const uint256 w_in(1u), w_out(2u), fee(25u), decimals(18u), protocol(0u);
  EXPECT_THROW(cav::change_quote(w_in, w_out, uint256(1u) << 56, decimals, protocol), cushion::OutOfRange);
  EXPECT_THROW(cav::change_quote(w_in, w_out, fee, uint256(509u), protocol), cushion::OutOfRange);
  EXPECT_THROW(cav::change_quote(w_in, w_out, fee, decimals, uint256(65536u)), cushion::OutOfRange);
  try {
    cav::change_quote(w_in, w_out, fee, decimals, protocol);
    ADD_FAILURE() << "no revert";
  } catch (const cushion::num::Revert& e) {
    EXPECT_EQ(e.reason(), "InsufficientInputWeight");
  }
  // f64: a negative weight is refused, not turned into NaN fees.
  EXPECT_THROW(cushion::curves::change_quote<F64>(-1.0, 0.0, 25.0, 18, 0.0), cushion::InvalidArgument);
}

}  // namespace

namespace {

using cushion::num::Evm256;

// fuzz_absorb: an exact record whose window sum would pass 2^256 - 1 updated the block's slot
// (and advanced the block) before the window's sum reverted, leaving a ledger whose window
// sums no longer matched its blocks.  Now every sum is checked first: the revert leaves the
// ledger exactly as it was; the same holds for absorb_sell, which books last.
TEST(Regression, ExactLedgerRecordThatOverflowsChangesNothing) {
  namespace ab = cushion::absorb;
  using Ledger = ab::AbsorptionLedger<Evm256>;
  Ledger ledger(ab::AbsorptionCap<Evm256>({}, {}, {}, {}, 4, uint256(1u)));
  ledger.record(10, uint256(5u), uint256::max() - uint256(3u));  // the window's notional: max - 3
  ledger.record(11, uint256(1u), uint256(1u));                   // max - 2, block 11 holds 1
  const Ledger before = ledger;
  EXPECT_THROW(ledger.record(12, uint256(1u), uint256(3u)), cushion::num::Revert);  // max - 2 + 3
  EXPECT_TRUE(ledger == before);
  EXPECT_EQ(ledger.block(), 11u);
  EXPECT_EQ(ledger.window_usage().notional, uint256::max() - uint256(2u));
  // Block 11's own notional (1 + 3) would not overflow: the window's would.
  EXPECT_THROW(ledger.record(11, uint256(0u), uint256(3u)), cushion::num::Revert);
  EXPECT_TRUE(ledger == before);
  // Once block 10 leaves the window (4 blocks), the same amount fits.
  ledger.record(14, uint256(0u), uint256(3u));
  EXPECT_EQ(ledger.window_usage().notional, uint256(4u));
  EXPECT_THROW(ledger.record(13, uint256(0u), uint256(0u)), cushion::InvalidArgument);  // backwards
}

// fuzz_absorb: the f64 ledger keeps its window sums incrementally; when a block holding a
// large amount left the window, subtracting it cancelled catastrophically (1e18 notional
// expiring from a window of a few hundred left it 149 off -- headroom 5% wrong) until the
// ring wrapped.  A cancelling subtraction now recomputes the sums from the blocks that stay.
TEST(Regression, F64LedgerWindowSumSurvivesALargeBlockExpiring) {
  namespace ab = cushion::absorb;
  ab::AbsorptionLedger<F64> ledger(ab::AbsorptionCap<F64>({}, {}, {}, {}, 8, 1.0));
  ledger.record(0, 0.0, 58.75);
  ledger.record(1, 411.0, 411.0);
  ledger.record(1, 0.0, 1e18);
  ledger.record(4, 287.66666666666669, 159.33333333333334);
  for (std::uint64_t b = 6; b <= 11; ++b) ledger.record(b, 195.0, 195.0);  // blocks 0 and 1 leave
  double items = 0.0, notional = 0.0;
  for (std::uint64_t b = 4; b <= 11; ++b) {
    items += ledger.usage_at(b).items;
    notional += ledger.usage_at(b).notional;
  }
  EXPECT_EQ(ledger.window_usage().items, items);
  EXPECT_EQ(ledger.window_usage().notional, notional);  // 1329.33..., not 149 off
  EXPECT_EQ(ledger.headroom(12, 0.0).items, INFINITY);  // and headroom reads the same sums
  // window_at (headroom at a later block) recomputes the same way without advancing.
  ab::AbsorptionLedger<F64> l2(ab::AbsorptionCap<F64>({}, {}, {}, ab::CapRange<F64>{2000.0, 2000.0}, 4, 1.0));
  l2.record(0, 0.0, 1e18);
  l2.record(1, 0.0, 3.0);
  EXPECT_EQ(l2.headroom(4, 0.0).notional, 1997.0);  // at block 4 the window is blocks 1 .. 4
  EXPECT_EQ(l2.block(), 1u);
}

// fuzz_schedule: a position of 1.8e308 items split into tranches summed to inf, and the
// closing correction then zeroed the largest tranche (2.9e306 items vanished); an
// Almgren-Chriss horizon N tau past the largest double gave a NaN variance.  Both are refused.
TEST(Regression, SchedulesRefuseQuantitiesAndHorizonsThatOverflow) {
  namespace sc = cushion::schedule;
  const double huge = std::numeric_limits<double>::max();
  EXPECT_THROW(sc::twap(huge, 3), cushion::InvalidArgument);
  EXPECT_THROW(sc::resilience_aware(huge, 3, 0.5), cushion::InvalidArgument);
  const auto x = sc::resilience_aware(1e300, 3, 0.5);
  EXPECT_EQ(x[0] + x[1] + x[2], 1e300);
  sc::AlmgrenChriss::Params p;
  p.quantity = 1.0;
  p.blocks = 54;
  p.tau = huge;
  p.eta = 2.45;
  EXPECT_THROW(sc::AlmgrenChriss{p}, cushion::InvalidArgument);
  p.tau = huge / 64;  // a finite horizon is fine
  EXPECT_GE(sc::AlmgrenChriss(p).variance(), 0.0);
  p.blocks = 1;  // one block, however long: everything sold at once, no variance (was NaN)
  p.tau = huge;
  p.sigma = 2.0;
  EXPECT_EQ(sc::AlmgrenChriss(p).variance(), 0.0);
  p.blocks = 3;  // nothing to sell under an overflowing sigma^2: no variance (was NaN)
  p.tau = 1.0;
  p.quantity = 0.0;
  p.sigma = huge;
  EXPECT_EQ(sc::AlmgrenChriss(p).variance(), 0.0);
  // A very long period: sinh(k tau) overflowed while csch^2(k T) underflowed (E was NaN).
  p = {};
  p.quantity = 1.0;
  p.blocks = 5;
  p.tau = 2.6816459132948712e154;
  p.sigma = 0.5;
  p.eta = 0.33;
  p.epsilon = 2.0;
  p.risk_aversion = 0.00102;
  const sc::AlmgrenChriss model(p);
  EXPECT_TRUE(std::isfinite(model.expected_cost()));
  EXPECT_NEAR(model.expected_cost(), model.expected_cost_of(model.trades()), 1e-9 * model.expected_cost());
  // One block: the closed form's bracket cancels to -7.8e-30 (a negative variance).
  p = {};
  p.quantity = 1e-6;
  p.tau = 10.0;
  p.sigma = 1.5;
  p.eta = 0.01;
  p.risk_aversion = 0.00145;
  EXPECT_EQ(sc::AlmgrenChriss(p).variance(), 0.0);
  const double tranches[] = {huge, huge};
  const double caps[] = {1.0};
  EXPECT_THROW(sc::carry_forward(tranches, caps, false, 0, nullptr), cushion::InvalidArgument);
  // Subnormal positions: the tranches rounded up past the quantity, and the closing
  // correction could only take the largest tranche down to zero (the sum stayed above q).
  for (const std::size_t blocks : {2u, 7u, 40u}) {
    p = {};
    p.quantity = 1.7786363250284876e-322;
    p.blocks = blocks;
    p.eta = 0.5;
    p.sigma = 1.0;
    p.risk_aversion = 0.3;
    double total = 0.0;
    for (double v : sc::AlmgrenChriss(p).trades()) {
      EXPECT_GE(v, 0.0);
      total += v;
    }
    EXPECT_EQ(total, p.quantity) << blocks;
  }
  // tau^2 overflowing while eta~ X^2 did too: inf / inf in the expected cost (was NaN).
  p = {};
  p.quantity = 10377.0;
  p.blocks = 54;
  p.tau = 1.9680840716716443e243;
  p.sigma = 1.78125;
  p.eta = 1.9680840688287999e243;
  p.risk_aversion = 0.00114;
  EXPECT_FALSE(std::isnan(sc::AlmgrenChriss(p).expected_cost()));
  // tau = 1.4e306 over 127 blocks: T = 1.8e308 is finite but 2T is not, and 2T times a
  // sinh(k tau) csch^2(kT) of 0 made the expected cost NaN.  X is the smallest subnormal, so
  // the impact term is 0 and the cost is epsilon X.
  p = {};
  p.quantity = 4.9406564584124654e-324;
  p.blocks = 127;
  p.tau = 1.3824172084878715e+306;
  p.sigma = 2.7055030257176544e-312;
  p.eta = 0.01;
  p.epsilon = 0.127;
  p.risk_aversion = 1.3824172084878715e+306;
  const sc::AlmgrenChriss huge_tau(p);
  EXPECT_FALSE(huge_tau.is_twap_limit());
  EXPECT_EQ(huge_tau.expected_cost(), p.epsilon * p.quantity);
  EXPECT_EQ(huge_tau.variance(), 0.0);
  // The half-bracket coth(kT) + N sinh(k tau) csch^2(kT) equals the published
  // [tau sinh(2kT) + 2T sinh(k tau)] / (2 tau^2 sinh^2(kT)) where neither overflows.
  p = {};
  p.quantity = 1000.0;
  p.blocks = 10;
  p.tau = 0.5;
  p.sigma = 0.3;
  p.eta = 0.05;
  p.gamma = 0.01;
  p.epsilon = 0.0625;
  p.risk_aversion = 2.0;
  const sc::AlmgrenChriss plain(p);
  const double k = plain.kappa(), T = plain.horizon(), tau = p.tau;
  const double published = 0.5 * p.gamma * p.quantity * p.quantity + p.epsilon * p.quantity +
                           plain.eta_tilde() * p.quantity * p.quantity * std::tanh(0.5 * k * tau) *
                               (tau * std::sinh(2 * k * T) + 2 * T * std::sinh(k * tau)) /
                               (2 * tau * tau * std::sinh(k * T) * std::sinh(k * T));
  EXPECT_NEAR(plain.expected_cost(), published, 1e-12 * published);
  EXPECT_NEAR(plain.expected_cost(), plain.expected_cost_of(plain.trades()), 1e-9 * published);
}

// fuzz_curves_exact: an exact exponential buy sold straight back returned 2,547,550,905,628 wei
// more than it cost -- sudoswap's own rounding (the independent reference in
// tests/python/reference/sudoswap.py returns the same quotes), 7.4e-20 of the cost, above the
// harness's slack of n + 1 wei: its amplification 1e18 / (delta - 1e18) floored to 0 for
// delta > 2 and dropped the relative rounding of rpow's steps.  The harness now amplifies by
// 1 + that ratio; the quotes stay the contract's.
TEST(Regression, ExponentialRoundTripRoundingAboveDeltaTwo) {
  using Exponential = cushion::curves::Exponential<cushion::num::Evm256>;
  const uint256 spot = uint256::from_string("0x7fffffffffffffffffd");
  const uint256 delta = uint256::from_string("0x592c0280f2af4b41");
  const uint256 n(11u);
  const auto bought = Exponential(spot, delta, uint256(), uint256()).buy(n);
  ASSERT_EQ(bought.error, CurveError::ok);
  EXPECT_EQ(bought.value, uint256::from_string("34490772843016334167712537290731"));
  EXPECT_EQ(bought.next.spot_price(), uint256::from_string("29122988231488832608896379027943"));
  const auto sold = bought.next.sell(n);
  ASSERT_EQ(sold.error, CurveError::ok);
  EXPECT_EQ(sold.value, uint256::from_string("34490772843016334170260088196359"));
  const big profit = to_big(sold.value) - to_big(bought.value);
  EXPECT_EQ(profit, big(2547550905628LL));
  // Within the corrected slack: n + 16 cost (1 + 1e18 / (delta - 1e18)) / 1e18 + 1.
  const big wad("1000000000000000000");
  const big amplification = 1 + wad / (to_big(delta) - wad);
  EXPECT_EQ(amplification, 1);
  EXPECT_LE(profit, big(11) + 16 * to_big(bought.value) * amplification / wad + 1);
}

}  // namespace

TEST(Regression, AlmgrenChrissVarianceWhenSigmaSquaredAloneOverflows) {
  // Found by fuzz_schedule: sigma = 1.8e308 with X = 6e-307 (sigma X ~ 109) made sigma^2 =
  // inf and every x_j^2 = 0, so the variance came out inf * 0 = NaN.  (sigma x_j)^2 is finite.
  namespace sc = cushion::schedule;
  sc::AlmgrenChriss::Params p;
  p.quantity = 6.0424661975266999e-307;
  p.blocks = 3;
  p.tau = 1.0;
  p.sigma = std::numeric_limits<double>::max();
  p.eta = std::numeric_limits<double>::max();
  p.gamma = 3.7857669957336892e-270;
  p.epsilon = 0.101;
  p.risk_aversion = 3.2378592100206092e-319;
  const sc::AlmgrenChriss model(p);
  const double v = model.variance();
  const double sx = p.sigma * p.quantity;
  EXPECT_TRUE(std::isfinite(v));
  EXPECT_NEAR(v, sx * sx * 5.0 / 9.0, 1e-6 * v);  // near-TWAP holdings 2X/3, X/3
  EXPECT_NEAR(v, model.variance_of(model.trades()), 1e-9 * v);
  p.blocks = 4;  // the TWAP-limit branch (kappa T == 0 when risk_aversion is 0) likewise
  p.risk_aversion = 0.0;
  const sc::AlmgrenChriss twap(p);
  EXPECT_TRUE(twap.is_twap_limit());
  EXPECT_NEAR(twap.variance(), twap.variance_of(twap.trades()), 1e-9 * twap.variance());
}
