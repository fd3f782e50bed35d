// Regression tests for the bugs the fuzzers (tests/fuzz) and sanitizers found: one test per
// bug, with the input that found it.  The fuzz corpus (tests/fuzz/corpus) keeps the inputs
// too, but these run in every build, sanitized or not.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "cushion/compat/caviar.hpp"
#include "cushion/compat/sudoswap.hpp"

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
