// Tests for cushion/num/prbmath.hpp, the port of PRBMath v3.3.2's UD60x18 arithmetic.
//
// Sources of the expected values:
//  - "published": the vectors of PRBMath's own Foundry suite (test/ud60x18/math/<fn>/<fn>.t.sol;
//    the positive-input log2 rows of test/sd59x18/math/log2 run the same algorithm), where the
//    v3.3.2 algorithms are unchanged;
//  - "edge": edge values whose expectations come from the independent pure-Python reference
//    tests/python/reference/prbmath.py (itself checked against the published vectors);
//  - "random": a differential check of mul_div / mul_div18 / mul / div against Boost's 512-bit
//    arithmetic.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <string>

#include "cushion/num/prbmath.hpp"

namespace {

using cushion::num::boost_uint256;
using cushion::num::boost_uint512;
using cushion::num::Revert;
using cushion::num::RevertKind;
using cushion::num::uint256;
using cushion::num::uint512;
namespace pm = cushion::num::prbmath;

/// A raw uint256 from decimal digits, '_' allowed as a separator.
uint256 raw(std::string text) {
  std::erase(text, '_');
  return uint256::from_string(text);
}

/// A UD60x18 from a decimal number: fp("1.5") == 1.5e18.  '_' is allowed in the digits.
uint256 fp(std::string text) {
  std::erase(text, '_');
  const auto dot = text.find('.');
  std::string whole = dot == std::string::npos ? text : text.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  if (frac.size() > 18) throw std::invalid_argument("more than 18 decimals: " + text);
  frac.append(18 - frac.size(), '0');
  return uint256::from_string(whole + frac);
}

uint256 pow2(unsigned k) { return uint256(1u) << k; }

/// Runs f and checks that it throws Revert of the given kind (and, for custom errors, reason).
template <class F>
::testing::AssertionResult reverts(F&& f, RevertKind kind, const char* reason = nullptr) {
  try {
    const uint256 r = f();
    return ::testing::AssertionFailure() << "returned " << r.to_string() << " instead of reverting";
  } catch (const Revert& e) {
    if (e.kind() != kind)
      return ::testing::AssertionFailure()
             << "reverted with kind " << to_string(e.kind()) << " (" << e.reason() << "), expected " << to_string(kind);
    if (reason != nullptr && e.reason() != reason)
      return ::testing::AssertionFailure() << "reverted with reason " << e.reason() << ", expected " << reason;
    return ::testing::AssertionSuccess();
  }
}

#define EXPECT_CUSTOM(expr, name) EXPECT_TRUE(reverts([&] { return (expr); }, RevertKind::custom, (name)))
#define EXPECT_PANIC(expr, kind) EXPECT_TRUE(reverts([&] { return (expr); }, (kind)))

const uint256 kMax = pm::kMaxUD60x18;
const uint256 kMaxWhole = pm::kMaxWholeUD60x18;
/// PRBMath's test constants: MAX_UD60x18 / 1e18 truncated, and floor(sqrt(MAX_UD60x18 * 1e18)) as UD60x18.
const uint256 kMaxScaled = raw("115792089237316195423570985008687907853269_984665640564039457");
const uint256 kSqrtMax = raw("340282366920938463463374607431_768211455999999999");

struct Vec2 {
  uint256 x;
  uint256 expected;
};
struct Vec3 {
  uint256 x;
  uint256 y;
  uint256 expected;
};

// ---------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------

TEST(PrbmathConstants, MatchConstantsSol) {
  EXPECT_EQ(pm::kUnit, raw("1000000000000000000"));
  EXPECT_EQ(pm::kHalfUnit, raw("500000000000000000"));
  EXPECT_EQ(pm::kMaxUD60x18, uint256::max());
  EXPECT_EQ(pm::kMaxWholeUD60x18,
            raw("115792089237316195423570985008687907853269984665640564039457_000000000000000000"));
  EXPECT_EQ(pm::kMaxWholeUD60x18, kMax - kMax % pm::kUnit);
  EXPECT_EQ(pm::kMaxConvertibleUint, kMax / pm::kUnit);
  EXPECT_EQ(pm::kE, raw("2_718281828459045235"));
  EXPECT_EQ(pm::kPi, raw("3_141592653589793238"));
  EXPECT_EQ(pm::kLog2E, raw("1_442695040888963407"));
  EXPECT_EQ(pm::kLog2Of10, raw("3_321928094887362347"));
  EXPECT_EQ(pm::kExp2InputLimit, fp("192"));
  EXPECT_EQ(pm::kExp2MaxInput, fp("192") - uint256(1u));
  EXPECT_EQ(pm::kExpInputLimit, raw("133_084258667509499441"));
  EXPECT_EQ(pm::kExpMaxInput, raw("133_084258667509499440"));
}

TEST(PrbmathConstants, Exp2FactorsAreRoundedRootsOfTwo) {
  // Bit k multiplies by 2^(2^(k-64)); check each 64.64 factor F = 2^64 + f against the defining
  // property F^(2^(64-k)) ~ 2^(64 * 2^(64-k)) + ..., i.e. squaring the factor gives the next one.
  // In 64.64 fixed point, round(F_k^2 / 2^64) must be within 1 of F_{k+1} (both are roundings).
  for (unsigned k = 0; k + 1 < 64; ++k) {
    const boost_uint512 fk = (boost_uint512(1) << 64) + pm::detail::kExp2Frac[k];
    const boost_uint512 next = (boost_uint512(1) << 64) + pm::detail::kExp2Frac[k + 1];
    const boost_uint512 square = (fk * fk + (boost_uint512(1) << 63)) >> 64;
    const boost_uint512 diff = square > next ? square - next : next - square;
    EXPECT_LE(diff, boost_uint512(1)) << "k = " << k;
  }
  // And the top factor is sqrt(2) = 1.6A09E667F3BCC908B2F... rounded to 64 fractional bits.
  EXPECT_EQ(pm::detail::kExp2Frac[63], 0x6A09E667F3BCC909ULL);
}

TEST(PrbmathConstants, Log2SquaringMagicIsExact) {
  // log2 divides y * y (y < 2e18) by 1e18 as floor(y^2 * M / 2^182), M = ceil(2^182 / 1e18).
  // That is exact when e * max(y^2) < 2^182 with e = M * 1e18 - 2^182.
  const boost_uint512 unit(1000000000000000000ULL);
  const boost_uint512 m = (boost_uint512(pm::detail::kSquareMagicHi) << 64) | pm::detail::kSquareMagicLo;
  const boost_uint512 two_s = boost_uint512(1) << pm::detail::kSquareMagicShift;
  ASSERT_GE(m * unit, two_s);
  const boost_uint512 e = m * unit - two_s;
  EXPECT_LT(e, unit);
  EXPECT_LT(e * (4 * unit * unit), two_s);
  std::mt19937_64 gen(17);
  for (int i = 0; i < 200000; ++i) {
    std::uint64_t y = pm::kUnit64 + gen() % pm::kUnit64;
    if (i < 1000) y = 2 * pm::kUnit64 - 1 - static_cast<std::uint64_t>(i);
    if (i >= 1000 && i < 2000) y = pm::kUnit64 + static_cast<std::uint64_t>(i - 1000);
    const cushion::num::u128 sq = static_cast<cushion::num::u128>(y) * y;
    ASSERT_EQ(pm::detail::square_div_wad(y), static_cast<std::uint64_t>(sq / pm::kUnit64)) << y;
  }
}

// ---------------------------------------------------------------------------
// Common.msb / mulDiv / mulDiv18
// ---------------------------------------------------------------------------

TEST(PrbmathMsb, Values) {
  EXPECT_EQ(pm::msb(uint256()), uint256());  // msb(0) = 0: the assembly never branches
  EXPECT_EQ(pm::msb(uint256(1u)), uint256());
  EXPECT_EQ(pm::msb(uint256(2u)), uint256(1u));
  EXPECT_EQ(pm::msb(uint256(3u)), uint256(1u));
  EXPECT_EQ(pm::msb(pm::kUnit), uint256(59u));
  for (unsigned k = 0; k < 256; ++k) {
    EXPECT_EQ(pm::msb(pow2(k)), uint256(k));
    EXPECT_EQ(pm::msb(pow2(k) | (pow2(k) - uint256(1u))), uint256(k));
  }
  EXPECT_EQ(pm::msb(kMax), uint256(255u));
}

TEST(PrbmathMulDiv, Reverts) {
  // prod1 == 0: the division itself panics on a zero denominator.
  EXPECT_PANIC(pm::mul_div(uint256(1u), uint256(1u), uint256()), RevertKind::division_by_zero);
  EXPECT_PANIC(pm::mul_div(uint256(), kMax, uint256()), RevertKind::division_by_zero);
  EXPECT_PANIC(pm::mul_div(pow2(128) - uint256(1u), pow2(128) + uint256(1u), uint256()), RevertKind::division_by_zero);
  EXPECT_PANIC(pm::mul_div(kMax, uint256(1u), uint256()), RevertKind::division_by_zero);
  // prod1 != 0: `prod1 >= denominator` catches both a zero denominator and a too-large result.
  EXPECT_CUSTOM(pm::mul_div(pow2(128), pow2(128), uint256()), "PRBMath_MulDiv_Overflow");
  EXPECT_CUSTOM(pm::mul_div(kMax, kMax, uint256()), "PRBMath_MulDiv_Overflow");
  EXPECT_CUSTOM(pm::mul_div(pow2(128), pow2(128), uint256(1u)), "PRBMath_MulDiv_Overflow");
  EXPECT_CUSTOM(pm::mul_div(kMax, uint256(2u), uint256(1u)), "PRBMath_MulDiv_Overflow");
  // (2^256-1)^2 >> 256 = 2^256 - 2: a denominator of exactly that overflows, one more does not.
  EXPECT_CUSTOM(pm::mul_div(kMax, kMax, kMax - uint256(1u)), "PRBMath_MulDiv_Overflow");
  EXPECT_EQ(pm::mul_div(kMax, kMax, kMax), kMax);
}

TEST(PrbmathMulDiv, Values) {
  EXPECT_EQ(pm::mul_div(uint256(), kMax, uint256(1u)), uint256());
  EXPECT_EQ(pm::mul_div(uint256(7u), uint256(3u), uint256(2u)), uint256(10u));  // rounds down
  EXPECT_EQ(pm::mul_div(kMax, uint256(1u), uint256(1u)), kMax);
  EXPECT_EQ(pm::mul_div(kMax, kMax, kMax), kMax);
  EXPECT_EQ(pm::mul_div(pow2(255), uint256(2u), uint256(2u)), pow2(255));
  EXPECT_EQ(pm::mul_div(pow2(200), pow2(200), pow2(150)), pow2(250));
  // floor(2^400 / (2^150 + 1)): a 512-bit numerator over a three-limb divisor.
  EXPECT_EQ(pm::mul_div(pow2(200), pow2(200), pow2(150) + uint256(1u)),
            raw("1809251394333065553493296640760748560207343509132983212888295348626939445248"));
  // floor((2^256 - 1)^2 / (2^256 - 1)) = 2^256 - 1, the largest result there is.
  EXPECT_EQ(pm::mul_div(kMax, kMax, kMax), kMax);
}

/// Knuth's algorithm D needs an "add back" step on rare inputs; these are known triggers
/// (Hacker's Delight's test cases scaled to 64-bit limbs).  Checked against Boost.
TEST(PrbmathMulDiv, LongDivisionAddBackCases) {
  constexpr std::uint64_t H = 1ULL << 63;
  struct Case {
    std::array<std::uint64_t, 8> u;
    std::array<std::uint64_t, 4> v;
  };
  const Case cases[] = {
      {{0, 0, H, H - 1, 0, 0, 0, 0}, {1, 0, H, 0}},
      {{3, 0, H, 0, 0, 0, 0, 0}, {1, 0, 1ULL << 61, 0}},
      {{3, 0, 1ULL << 47, 0, 0, 0, 0, 0}, {1, 0, 1ULL << 45, 0}},
      {{0, 0, 1ULL << 47, (1ULL << 47) - 1, 0, 0, 0, 0}, {1, 0, 1ULL << 47, 0}},
      {{0, 0, 0, H, H - 1, 0, 0, 0}, {1, 0, 0, H}},
      {{0, 0, 0, 0, 0, 0, H, H - 1}, {1, 0, 0, H}},
      {{0, 0, 0, 0, 0, H, H - 1, 0}, {0, 1, 0, H}},
      {{0, 0, 0, 0, 0, 0, 0, H - 1}, {1, 0, 0, H}},
  };
  for (const Case& c : cases) {
    const uint512 num{uint256(uint256::limbs_type{c.u[0], c.u[1], c.u[2], c.u[3]}),
                      uint256(uint256::limbs_type{c.u[4], c.u[5], c.u[6], c.u[7]})};
    const uint256 d(uint256::limbs_type{c.v[0], c.v[1], c.v[2], c.v[3]});
    ASSERT_LT(num.hi, d);
    const boost_uint512 bn = (boost_uint512(num.hi.to_boost()) << 256) | boost_uint512(num.lo.to_boost());
    const boost_uint512 expected = bn / boost_uint512(d.to_boost());
    EXPECT_EQ(pm::detail::divide_wide(num, d).to_boost(), boost_uint256(expected));
  }
}

TEST(PrbmathMulDiv18, RevertsAndValues) {
  // The result is exactly 2^256 - 1 when x * y = (2^256 - 1) * 1e18 + r, r < 1e18.
  EXPECT_EQ(pm::mul_div18(kMax, pm::kUnit), kMax);
  EXPECT_CUSTOM(pm::mul_div18(kMax, pm::kUnit + uint256(1u)), "PRBMath_MulDiv18_Overflow");
  EXPECT_CUSTOM(pm::mul_div18(kMax, kMax), "PRBMath_MulDiv18_Overflow");
  EXPECT_EQ(pm::mul_div18(uint256(), kMax), uint256());
  EXPECT_EQ(pm::mul_div18(uint256(1u), uint256(1u)), uint256());  // 1e-36 truncates to 0
  EXPECT_EQ(pm::mul_div18(uint256(999999999999999999ULL), uint256(1u)), uint256());
  EXPECT_EQ(pm::mul_div18(pm::kUnit, uint256(1u)), uint256(1u));
  // The high word of (2^256 - 1) * 1e18 is 1e18 - 1, the largest that passes; of MAX * (1e18 + 1)
  // it is 1e18.
  EXPECT_EQ(pm::mul_div18(pm::kUnit, kMax), kMax);
  EXPECT_CUSTOM(pm::mul_div18(pm::kUnit + uint256(1u), kMax), "PRBMath_MulDiv18_Overflow");
}

// ---------------------------------------------------------------------------
// UD60x18 mul / div (published: test/ud60x18/math/{mul,div})
// ---------------------------------------------------------------------------

TEST(PrbmathMul, PublishedVectors) {
  EXPECT_EQ(pm::mul(uint256(), kMax), uint256());
  EXPECT_EQ(pm::mul(kMax, uint256()), uint256());
  const Vec3 sets[] = {
      {fp("0.000000000000000001"), fp("0.000000000000000001"), uint256()},
      {fp("0.000000000000000006"), fp("0.1"), uint256()},
      {fp("0.000000001"), fp("0.000000001"), fp("0.000000000000000001")},
      {fp("0.00001"), fp("0.00001"), fp("0.0000000001")},
      {fp("0.001"), fp("0.01"), fp("0.00001")},
      {fp("0.01"), fp("0.05"), fp("0.0005")},
      {fp("1"), fp("1"), fp("1")},
      {fp("2.098"), fp("1.119"), fp("2.347662")},
      {pm::kPi, pm::kE, raw("8_539734222673567063")},
      {fp("18.3"), fp("12.04"), fp("220.332")},
      {fp("314.271"), fp("188.19"), fp("59142.65949")},
      {fp("9817"), fp("2348"), fp("23050316")},
      {fp("12983.989"), fp("782.99"), fp("10166333.54711")},
      {raw("1000000000000000000000000"), raw("100000000000000000000"), raw("100000000000000000000000000")},
      {kSqrtMax, kSqrtMax, raw("115792089237316195423570985008687907853269984664959999305615_707080986380425072")},
      {kMaxWhole, fp("0.000000000000000001"), kMaxScaled},
      {kMax - fp("0.5"), fp("0.000000000000000001"), kMaxScaled},
  };
  for (const Vec3& s : sets) EXPECT_EQ(pm::mul(s.x, s.y), s.expected) << s.x.to_string() << " * " << s.y.to_string();
}

TEST(PrbmathMul, Reverts) {
  EXPECT_CUSTOM(pm::mul(kSqrtMax + uint256(1u), kSqrtMax + uint256(1u)), "PRBMath_MulDiv18_Overflow");
  EXPECT_CUSTOM(pm::mul(kMax, fp("1.000000000000000001")), "PRBMath_MulDiv18_Overflow");
  EXPECT_CUSTOM(pm::mul(kMax, kMax), "PRBMath_MulDiv18_Overflow");
  EXPECT_EQ(pm::mul(kMax, pm::kUnit), kMax);
}

TEST(PrbmathDiv, PublishedVectors) {
  for (const uint256& y : {fp("0.000000000000000001"), fp("1"), pm::kPi, raw("1000000000000000000000000")})
    EXPECT_EQ(pm::div(uint256(), y), uint256());
  const Vec3 sets[] = {
      {fp("0.000000000000000001"), kMax, uint256()},
      {fp("0.000000000000000001"), fp("1.000000000000000001"), uint256()},
      {fp("0.000000000000000001"), fp("1"), fp("0.000000000000000001")},
      {raw("10000000000000"), raw("10000000000000"), fp("1")},
      {raw("10000000000000"), fp("0.00002"), fp("0.5")},
      {fp("0.05"), fp("0.02"), fp("2.5")},
      {fp("0.1"), fp("0.01"), fp("10")},
      {fp("2"), fp("2"), fp("1")},
      {fp("2"), fp("5"), fp("0.4")},
      {fp("4"), fp("2"), fp("2")},
      {fp("22"), fp("7"), raw("3_142857142857142857")},
      {fp("100.135"), fp("100.134"), raw("1_000009986617931971")},
      {fp("772.05"), fp("199.98"), raw("3_860636063606360636")},
      {fp("2503"), fp("918882.11"), fp("0.002723962054283546")},
      {raw("1000000000000000000000000"), fp("1"), raw("1000000000000000000000000")},
      {kMaxScaled, fp("0.000000000000000001"), kMaxWhole},
  };
  for (const Vec3& s : sets) EXPECT_EQ(pm::div(s.x, s.y), s.expected) << s.x.to_string() << " / " << s.y.to_string();
}

TEST(PrbmathDiv, Reverts) {
  // Published: div(1e18, 0) is Solidity's division panic; MAX_SCALED + 1 wei over 1 wei overflows.
  EXPECT_PANIC(pm::div(fp("1"), uint256()), RevertKind::division_by_zero);
  EXPECT_PANIC(pm::div(uint256(), uint256()), RevertKind::division_by_zero);
  EXPECT_CUSTOM(pm::div(kMaxScaled + uint256(1u), fp("0.000000000000000001")), "PRBMath_MulDiv_Overflow");
  // A zero divisor with x * 1e18 >= 2^256 never reaches the division: mulDiv's overflow check fires.
  EXPECT_PANIC(pm::div(kMaxScaled, uint256()), RevertKind::division_by_zero);
  EXPECT_CUSTOM(pm::div(kMaxScaled + uint256(1u), uint256()), "PRBMath_MulDiv_Overflow");
  EXPECT_CUSTOM(pm::div(kMax, uint256()), "PRBMath_MulDiv_Overflow");
  EXPECT_CUSTOM(pm::div(kMax, fp("0.999999999999999999")), "PRBMath_MulDiv_Overflow");
  EXPECT_EQ(pm::div(kMax, fp("1")), kMax);
}

// ---------------------------------------------------------------------------
// log2 (published: test/ud60x18/math/log2; positive rows of test/sd59x18/math/log2)
// ---------------------------------------------------------------------------

TEST(PrbmathLog2, PublishedVectors) {
  const Vec2 sets[] = {
      {fp("1"), uint256()},
      {fp("2"), fp("1")},
      {fp("4"), fp("2")},
      {fp("8"), fp("3")},
      {fp("16"), fp("4")},
      {pow2(195) * pm::kUnit, fp("195")},
      {fp("1.125"), fp("0.169925001442312346")},
      {pm::kE, raw("1_442695040888963394")},
      {pm::kPi, raw("1_651496129472318782")},
      {raw("1000000000000000000000000"), raw("19_931568569324174075")},
      {kMaxWhole, raw("196_205294292027477728")},
      {kMax, raw("196_205294292027477728")},
      // SD59x18's MAX_WHOLE_SD59x18 and MAX_SD59x18 (2^255 - 1), positive so the same algorithm.
      {raw("57896044618658097711785492504343953926634992332820282019728_000000000000000000"),
       raw("195_205294292027477728")},
      {pow2(255) - uint256(1u), raw("195_205294292027477728")},
  };
  for (const Vec2& s : sets) EXPECT_EQ(pm::log2(s.x), s.expected) << s.x.to_string();
}

TEST(PrbmathLog2, PowersOfTwoAreExact) {
  for (unsigned k = 0; k <= 195; ++k) EXPECT_EQ(pm::log2(pow2(k) * pm::kUnit), uint256(k) * pm::kUnit) << k;
}

TEST(PrbmathLog2, Reverts) {
  EXPECT_CUSTOM(pm::log2(fp("1") - uint256(1u)), "PRBMath_UD60x18_Log_InputTooSmall");  // published
  EXPECT_CUSTOM(pm::log2(uint256()), "PRBMath_UD60x18_Log_InputTooSmall");
  EXPECT_CUSTOM(pm::log2(uint256(1u)), "PRBMath_UD60x18_Log_InputTooSmall");
  EXPECT_CUSTOM(pm::log2(fp("0.5")), "PRBMath_UD60x18_Log_InputTooSmall");
  EXPECT_EQ(pm::log2(fp("1")), uint256());
  EXPECT_EQ(pm::log2(fp("1") + uint256(1u)), uint256());  // the fractional part truncates to 0
}

// ln and log10 are log2 times a constant: their published vectors check log2 further.
TEST(PrbmathLn, PublishedVectors) {
  const Vec2 sets[] = {
      {fp("1"), uint256()},
      {fp("1.125"), fp("0.117783035656383442")},
      {fp("2"), fp("0.693147180559945309")},
      {pm::kE, fp("0.99999999999999999")},
      {pm::kPi, raw("1_144729885849400163")},
      {fp("4"), raw("1_386294361119890619")},
      {fp("8"), raw("2_079441541679835928")},
      {raw("1000000000000000000000000"), raw("13_815510557964274099")},
      {kMaxWhole, raw("135_999146549453176925")},
      {kMax, raw("135_999146549453176925")},
  };
  for (const Vec2& s : sets) EXPECT_EQ(pm::ln(s.x), s.expected) << s.x.to_string();
  EXPECT_CUSTOM(pm::ln(fp("1") - uint256(1u)), "PRBMath_UD60x18_Log_InputTooSmall");
}

TEST(PrbmathLog10, PublishedVectors) {
  const Vec2 sets[] = {
      {fp("1"), uint256()},
      {fp("10"), fp("1")},
      {fp("100"), fp("2")},
      {raw("1000000000000000000000000"), fp("6")},
      {raw("1" + std::string(67, '0')), fp("49")},
      {raw("1" + std::string(75, '0')), fp("57")},
      {raw("1" + std::string(76, '0')), fp("58")},
      {fp("1.00000000000001"), fp("0.000000000000004341")},
      {pm::kE, fp("0.434294481903251823")},
      {pm::kPi, fp("0.497149872694133849")},
      {fp("4"), fp("0.60205999132796239")},
      {fp("16"), raw("1_204119982655924781")},
      {fp("32"), raw("1_505149978319905976")},
      {fp("42.12"), raw("1_624488362513448905")},
      {fp("1010.892143"), raw("3_004704821071980110")},
      {fp("440934.1881"), raw("5_644373773418177966")},
      {fp("1000000000000000000.000000000001"), raw("17_999999999999999999")},
      {kMaxWhole, raw("59_063678889979185987")},
      {kMax, raw("59_063678889979185987")},
  };
  for (const Vec2& s : sets) EXPECT_EQ(pm::log10(s.x), s.expected) << s.x.to_string();
  EXPECT_CUSTOM(pm::log10(fp("1") - uint256(1u)), "PRBMath_UD60x18_Log_InputTooSmall");
  // 10^77 is the largest power of ten in a uint256 and the last entry of the hard-coded table.
  EXPECT_EQ(pm::log10(raw("1" + std::string(77, '0'))), fp("59"));
}

// ---------------------------------------------------------------------------
// exp2 / exp (published: test/ud60x18/math/{exp2,exp})
// ---------------------------------------------------------------------------

TEST(PrbmathExp2, PublishedVectors) {
  EXPECT_EQ(pm::exp2(uint256()), fp("1"));
  const Vec2 sets[] = {
      {fp("0.000000000000000001"), fp("1")},
      {raw("1000"), raw("1_000000000000000693")},
      {fp("0.3212"), raw("1_249369313012024883")},
      {fp("1"), fp("2")},
      {fp("2"), fp("4")},
      {pm::kE, raw("6_580885991017920969")},
      {fp("3"), fp("8")},
      {pm::kPi, raw("8_824977827076287621")},
      {fp("4"), fp("16")},
      {fp("11.89215"), raw("3800_964933301542754377")},
      {fp("16"), fp("65536")},
      {fp("20.82"), raw("1851162_354076939434682641")},
      {fp("33.333333"), raw("10822636909_120553492168423503")},
      {fp("64"), fp("18446744073709551616")},
      {fp("71.002"), raw("2364458806372010440881_644926416580874919")},
      {fp("88.7494"), raw("520273250104929479163928177_984511174562086061")},
      {fp("95"), raw("39614081257_132168796771975168") * pm::kUnit},
      {fp("127"), raw("170141183460469231731_687303715884105728") * pm::kUnit},
      {fp("152.9065"), raw("10701459987152828635116598811554803403437267307_663014047009710338")},
      {pm::kExp2MaxInput, raw("6277101735386680759401282518710514696272033118492751795945") * pm::kUnit},
  };
  for (const Vec2& s : sets) EXPECT_EQ(pm::exp2(s.x), s.expected) << s.x.to_string();
}

TEST(PrbmathExp2, WholeNumbersAreExact) {
  for (unsigned k = 0; k < 192; ++k) EXPECT_EQ(pm::exp2(uint256(k) * pm::kUnit), pow2(k) * pm::kUnit) << k;
}

TEST(PrbmathExp2, LargeFractionalInputIsCloserThanLongDouble) {
  // Found by fuzz_prbmath (the harness's tolerance, not the code): at x = 166.02 long double
  // exp2 of the converted input is 1.0e-17 low, while PRBMath's result is 1.6e-20 above the
  // true value, 9.4896757274391187926702281967901721303516649264...e67 (80-digit decimal).
  const uint256 x = raw("166_020835439107702664");
  const uint256 got = pm::exp2(x);
  EXPECT_EQ(got, raw("94896757274391187928178144637157835259521561538768612563103437423706"));
  const boost_uint512 truth("94896757274391187926702281967901721303516649264433304554183702229607");
  const boost_uint512 diff = boost_uint512(got.to_string()) - truth;
  EXPECT_LT(diff * boost_uint512("100000000000000000000"), 2 * truth);  // < 2e-20 relative
}

TEST(PrbmathExp2, Bound) {
  EXPECT_CUSTOM(pm::exp2(pm::kExp2MaxInput + uint256(1u)), "PRBMath_UD60x18_Exp2_InputTooBig");  // published
  EXPECT_CUSTOM(pm::exp2(pm::kExp2InputLimit + uint256(1u)), "PRBMath_UD60x18_Exp2_InputTooBig");
  EXPECT_CUSTOM(pm::exp2(kMax), "PRBMath_UD60x18_Exp2_InputTooBig");
  EXPECT_NO_THROW(pm::exp2(pm::kExp2MaxInput));
}

TEST(PrbmathExp2, RawPrbExp2IsUncheckedPastTheIntegerRange) {
  // Common.prbExp2 itself has no bound: an integer part above 191 makes the unchecked shift
  // amount wrap past 255, and SHR then yields 0.
  EXPECT_EQ(pm::prb_exp2(uint256(191u) << 64), pow2(191) * pm::kUnit);
  EXPECT_EQ(pm::prb_exp2(uint256(192u) << 64), uint256());
  EXPECT_EQ(pm::prb_exp2(kMax), uint256());
  EXPECT_EQ(pm::prb_exp2(uint256()), pm::kUnit);
}

TEST(PrbmathExp, PublishedVectors) {
  EXPECT_EQ(pm::exp(uint256()), fp("1"));
  const Vec2 sets[] = {
      {fp("0.000000000000000001"), fp("1")},
      {fp("0.000000000000001"), fp("1.000000000000000999")},
      {fp("1"), raw("2_718281828459045234")},
      {fp("2"), raw("7_389056098930650223")},
      {pm::kE, raw("15_154262241479264171")},
      {fp("3"), raw("20_085536923187667724")},
      {pm::kPi, raw("23_140692632779268962")},
      {fp("4"), raw("54_598150033144239019")},
      {fp("11.89215"), raw("146115_107851442195738190")},
      {fp("16"), raw("8886110_520507872601090007")},
      {fp("20.82"), raw("1101567497_354306722521735975")},
      {fp("33.333333"), raw("299559147061116_199277615819889397")},
      {fp("64"), raw("6235149080811616783682415370_612321304359995711")},
      {fp("71.002"), raw("6851360256686183998595702657852_843771046889809565")},
      {fp("88.722839111672999627"), raw("340282366920938463222979506443879150094_819893272894857679")},
      {pm::kExpMaxInput, raw("6277101735386680754977611748738314679353920434623901771623") * pm::kUnit},
  };
  for (const Vec2& s : sets) EXPECT_EQ(pm::exp(s.x), s.expected) << s.x.to_string();
  EXPECT_CUSTOM(pm::exp(pm::kExpMaxInput + uint256(1u)), "PRBMath_UD60x18_Exp_InputTooBig");  // published
  EXPECT_CUSTOM(pm::exp(kMax), "PRBMath_UD60x18_Exp_InputTooBig");
}

// ---------------------------------------------------------------------------
// pow (published: test/ud60x18/math/pow; the x >= 1 rows of test/sd59x18/math/pow agree)
// ---------------------------------------------------------------------------

const uint256 kPowMaxPermitted = pow2(192) * pm::kUnit - uint256(1u);

TEST(PrbmathPow, PublishedSpecialCases) {
  EXPECT_EQ(pm::pow(uint256(), uint256()), fp("1"));
  for (const uint256& y : {fp("1"), pm::kE, pm::kPi}) EXPECT_EQ(pm::pow(uint256(), y), uint256());
  for (const uint256& x : {fp("1"), pm::kE, pm::kPi}) {
    EXPECT_EQ(pm::pow(x, uint256()), fp("1"));
    EXPECT_EQ(pm::pow(x, fp("1")), x);
  }
}

TEST(PrbmathPow, PublishedVectors) {
  const Vec3 sets[] = {
      {fp("1"), fp("2"), fp("1")},
      {fp("1"), pm::kPi, fp("1")},
      {fp("2"), fp("1.5"), raw("2_828427124746190097")},
      {pm::kE, fp("1.66976"), raw("5_310893029888037560")},
      {pm::kE, pm::kE, raw("15_154262241479263793")},
      {pm::kPi, pm::kPi, raw("36_462159607207910473")},
      {fp("11"), fp("28.5"), raw("478290249106383504389245497918_050372801213485439")},
      {fp("32.15"), fp("23.99"), raw("1436387590627448555101723413293079116_943375472179194989")},
      {fp("406"), fp("0.25"), raw("4_488812947719016318")},
      {fp("1729"), fp("0.98"), raw("1489_495149922256917866")},
      {fp("33441"), fp("2.1891"), raw("8018621589_681923269491820156")},
      {fp("340282366920938463463374607431768211455"), fp("1.000000000000000001"),
       raw("340282366920938487757736552507248225013_000000000004316573")},
      {kPowMaxPermitted, fp("0.999999999999999999"),
       raw("6277101735386679823624773486129835356722228023657461399187") * pm::kUnit},
  };
  for (const Vec3& s : sets) EXPECT_EQ(pm::pow(s.x, s.y), s.expected) << s.x.to_string() << " ^ " << s.y.to_string();
}

TEST(PrbmathPow, PublishedReverts) {
  EXPECT_CUSTOM(pm::pow(fp("1") - uint256(1u), pm::kPi), "PRBMath_UD60x18_Log_InputTooSmall");
  // log2(2^192) * (1 + 1e-18) = 192e18 + 192 wei: past exp2's bound.
  EXPECT_CUSTOM(pm::pow(kPowMaxPermitted + uint256(1u), fp("1") + uint256(1u)), "PRBMath_UD60x18_Exp2_InputTooBig");
}

TEST(PrbmathPow, V332HasNoReciprocalBranch) {
  // In v3.3.2 a base in (0, 1) goes straight to log2 and reverts, whatever y is (v4 added a
  // reciprocal branch and returns results here) ...
  EXPECT_CUSTOM(pm::pow(fp("0.5"), uint256()), "PRBMath_UD60x18_Log_InputTooSmall");
  EXPECT_CUSTOM(pm::pow(fp("0.5"), fp("2")), "PRBMath_UD60x18_Log_InputTooSmall");
  EXPECT_CUSTOM(pm::pow(uint256(1u), fp("0.5")), "PRBMath_UD60x18_Log_InputTooSmall");
  // ... except for y == 1e18, which is answered before log2 runs.
  EXPECT_EQ(pm::pow(fp("0.5"), fp("1")), fp("0.5"));
  EXPECT_EQ(pm::pow(uint256(1u), fp("1")), uint256(1u));
  // x == 1e18 is not special-cased: log2(1) = 0, mul(0, y) = 0, exp2(0) = 1e18.
  EXPECT_EQ(pm::pow(fp("1"), kMax), fp("1"));
}

TEST(PrbmathPow, MulOverflowBeforeExp2) {
  // log2(x) * y / 1e18 beyond 2^256 - 1 reverts in mulDiv18 before exp2 sees it.
  EXPECT_CUSTOM(pm::pow(fp("4"), kMax), "PRBMath_MulDiv18_Overflow");         // log2(4) = 2: 2 * MAX overflows
  EXPECT_CUSTOM(pm::pow(fp("2"), kMax), "PRBMath_UD60x18_Exp2_InputTooBig");  // log2(2) = 1: mul gives MAX
  EXPECT_CUSTOM(pm::pow(kMax, kMax), "PRBMath_MulDiv18_Overflow");
  // ... and just inside mulDiv18 it is exp2's bound that fires.
  EXPECT_CUSTOM(pm::pow(fp("2"), fp("192")), "PRBMath_UD60x18_Exp2_InputTooBig");
  EXPECT_EQ(pm::pow(fp("2"), fp("191")), pow2(191) * pm::kUnit);
}

TEST(PrbmathPow, GdaBaseTwo) {
  // sudoswap's GDA computes ud(2e18).pow(x) with x <= 11e18; whole exponents are exact.
  for (unsigned k = 0; k <= 11; ++k) EXPECT_EQ(pm::pow(fp("2"), uint256(k) * pm::kUnit), pow2(k) * pm::kUnit) << k;
  EXPECT_EQ(pm::pow(fp("2"), fp("1.5")), raw("2_828427124746190097"));
}

// ---------------------------------------------------------------------------
// powu (published: test/ud60x18/math/powu)
// ---------------------------------------------------------------------------

TEST(PrbmathPowu, PublishedVectors) {
  EXPECT_EQ(pm::powu(uint256(), uint256()), fp("1"));
  for (unsigned y : {1u, 2u, 3u}) EXPECT_EQ(pm::powu(uint256(), uint256(y)), uint256());
  for (const uint256& x : {fp("1"), pm::kPi, kMax - uint256(1u)}) EXPECT_EQ(pm::powu(x, uint256()), fp("1"));
  struct Set {
    uint256 x;
    unsigned y;
    uint256 expected;
  };
  const Set sets[] = {
      {fp("0.001"), 3, raw("1000000000")},
      {fp("0.1"), 2, raw("10000000000000000")},
      {fp("1"), 1, fp("1")},
      {fp("2"), 5, fp("32")},
      {fp("2"), 100, raw("1267650600228_229401496703205376") * pm::kUnit},
      {pm::kE, 2, raw("7_389056098930650225")},
      {pm::kPi, 3, raw("31_006276680299820158")},
      {fp("5.491"), 19, raw("113077820843204_476043049664958463")},
      {fp("100"), 4, raw("100000000000000000000000000")},
      {fp("478.77"), 20, raw("400441047687151121501368529571950234763284476825512183793320584974037932")},
      {fp("6452.166"), 7, raw("4655204093726194074224341678_62736844121311696")},
      {raw("1000000000000000000000000"), 3, raw("1000000000000000000000000000000000000")},
      {fp("38685626227668133590.597631999999999999"), 3,
       raw("57896044618658097711785492504343953922145259302939748254975_940481744194640509")},
      {kSqrtMax, 2, raw("115792089237316195423570985008687907853269984664959999305615_707080986380425072")},
      {kMaxWhole, 1, kMaxWhole},
      {kMax, 1, kMax},
  };
  for (const Set& s : sets) EXPECT_EQ(pm::powu(s.x, uint256(s.y)), s.expected) << s.x.to_string() << " ^ " << s.y;
}

TEST(PrbmathPowu, Reverts) {
  EXPECT_CUSTOM(pm::powu(kMaxWhole, uint256(2u)), "PRBMath_MulDiv18_Overflow");  // published
  EXPECT_CUSTOM(pm::powu(fp("2"), uint256(256u)), "PRBMath_MulDiv18_Overflow");
  EXPECT_CUSTOM(pm::powu(fp("2"), kMax), "PRBMath_MulDiv18_Overflow");
  EXPECT_EQ(pm::powu(fp("2"), uint256(196u)), pow2(196) * pm::kUnit);  // 2^196 * 1e18 < 2^256
  EXPECT_CUSTOM(pm::powu(fp("2"), uint256(197u)), "PRBMath_MulDiv18_Overflow");
}

TEST(PrbmathPowu, HugeExponents) {
  EXPECT_EQ(pm::powu(fp("1"), kMax), fp("1"));  // 256 squarings of 1e18, all exact
  EXPECT_EQ(pm::powu(fp("0.5"), pow2(255)), uint256());
  EXPECT_EQ(pm::powu(fp("0.999999999999999999"), kMax), uint256());
  EXPECT_EQ(pm::powu(uint256(), kMax), uint256());
}

TEST(PrbmathPowu, TruncatesAtEveryStep) {
  // 1.1^3: 1.1 * 1.1 = 1.21 exactly; x^2 then 1.1 * 1.21 = 1.331 exactly.
  EXPECT_EQ(pm::powu(fp("1.1"), uint256(3u)), fp("1.331"));
  // 3 wei squared is 9e-36, truncated to 0.
  EXPECT_EQ(pm::powu(uint256(3u), uint256(2u)), uint256());
  // (1e-9)^2 = 1e-18 exactly; (1e-9)^3 = 1e-27 -> 0.
  EXPECT_EQ(pm::powu(raw("1000000000"), uint256(2u)), uint256(1u));
  EXPECT_EQ(pm::powu(raw("1000000000"), uint256(3u)), uint256());
}

// ---------------------------------------------------------------------------
// add / sub / conversions
// ---------------------------------------------------------------------------

TEST(PrbmathAddSub, CheckedArithmetic) {
  EXPECT_EQ(pm::add(fp("1.5"), fp("2.25")), fp("3.75"));
  EXPECT_EQ(pm::add(kMax - uint256(1u), uint256(1u)), kMax);
  EXPECT_PANIC(pm::add(kMax, uint256(1u)), RevertKind::overflow);
  EXPECT_EQ(pm::sub(fp("3.75"), fp("2.25")), fp("1.5"));
  EXPECT_EQ(pm::sub(fp("1"), fp("1")), uint256());
  EXPECT_PANIC(pm::sub(uint256(), uint256(1u)), RevertKind::underflow);
  EXPECT_PANIC(pm::sub(fp("1"), fp("1") + uint256(1u)), RevertKind::underflow);
}

TEST(PrbmathConvert, BothDirections) {
  EXPECT_EQ(pm::convert_to_uint(uint256()), uint256());
  EXPECT_EQ(pm::convert_to_uint(fp("1") - uint256(1u)), uint256());  // rounds down
  EXPECT_EQ(pm::convert_to_uint(fp("1")), uint256(1u));
  EXPECT_EQ(pm::convert_to_uint(fp("2.999999999999999999")), uint256(2u));
  EXPECT_EQ(pm::convert_to_uint(kMax), kMaxScaled);
  EXPECT_EQ(pm::convert_from_uint(uint256(5u)), fp("5"));
  EXPECT_EQ(pm::convert_from_uint(kMaxScaled), kMaxWhole);
  EXPECT_CUSTOM(pm::convert_from_uint(kMaxScaled + uint256(1u)), "PRBMath_UD60x18_Convert_Overflow");
}

// ---------------------------------------------------------------------------
// Edge values: every function on 0, 1, UNIT, 2^64, 2^128 +- 1, 2^256 - 1, MAX_WHOLE, the exp2 and
// exp bounds +- 1, ...  Expected values from tests/python/reference/prbmath.py.
// "!kind" / "!custom:Name" mark reverts.
// ---------------------------------------------------------------------------

struct EdgeCase {
  const char* fn;
  const char* a;
  const char* b;
  const char* c;
  const char* expected;
};

const EdgeCase kEdgeCases[] = {
    {"msb", "0", nullptr, nullptr, "0"},
    {"msb", "1", nullptr, nullptr, "0"},
    {"msb", "UNIT-1", nullptr, nullptr, "59"},
    {"msb", "UNIT", nullptr, nullptr, "59"},
    {"msb", "UNIT+1", nullptr, nullptr, "59"},
    {"msb", "2e18", nullptr, nullptr, "60"},
    {"msb", "2^64-1", nullptr, nullptr, "63"},
    {"msb", "2^64", nullptr, nullptr, "64"},
    {"msb", "2^128-1", nullptr, nullptr, "127"},
    {"msb", "2^128", nullptr, nullptr, "128"},
    {"msb", "2^128+1", nullptr, nullptr, "128"},
    {"msb", "2^192", nullptr, nullptr, "192"},
    {"msb", "2^255", nullptr, nullptr, "255"},
    {"msb", "MAX_WHOLE", nullptr, nullptr, "255"},
    {"msb", "MAX-1", nullptr, nullptr, "255"},
    {"msb", "MAX", nullptr, nullptr, "255"},
    {"msb", "192e18-1", nullptr, nullptr, "67"},
    {"msb", "192e18", nullptr, nullptr, "67"},
    {"msb", "192e18+1", nullptr, nullptr, "67"},
    {"msb", "EXP_LIMIT-1", nullptr, nullptr, "66"},
    {"msb", "EXP_LIMIT", nullptr, nullptr, "66"},
    {"msb", "EXP_LIMIT+1", nullptr, nullptr, "66"},
    {"msb", "1e18*2^64-1", nullptr, nullptr, "123"},
    {"msb", "1e18*2^64", nullptr, nullptr, "123"},
    {"convert_to_uint", "0", nullptr, nullptr, "0"},
    {"convert_to_uint", "1", nullptr, nullptr, "0"},
    {"convert_to_uint", "UNIT-1", nullptr, nullptr, "0"},
    {"convert_to_uint", "UNIT", nullptr, nullptr, "1"},
    {"convert_to_uint", "UNIT+1", nullptr, nullptr, "1"},
    {"convert_to_uint", "2e18", nullptr, nullptr, "2"},
    {"convert_to_uint", "2^64-1", nullptr, nullptr, "18"},
    {"convert_to_uint", "2^64", nullptr, nullptr, "18"},
    {"convert_to_uint", "2^128-1", nullptr, nullptr, "340282366920938463463"},
    {"convert_to_uint", "2^128", nullptr, nullptr, "340282366920938463463"},
    {"convert_to_uint", "2^128+1", nullptr, nullptr, "340282366920938463463"},
    {"convert_to_uint", "2^192", nullptr, nullptr, "6277101735386680763835789423207666416102"},
    {"convert_to_uint", "2^255", nullptr, nullptr, "57896044618658097711785492504343953926634992332820282019728"},
    {"convert_to_uint", "MAX_WHOLE", nullptr, nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"convert_to_uint", "MAX-1", nullptr, nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"convert_to_uint", "MAX", nullptr, nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"convert_to_uint", "192e18-1", nullptr, nullptr, "191"},
    {"convert_to_uint", "192e18", nullptr, nullptr, "192"},
    {"convert_to_uint", "192e18+1", nullptr, nullptr, "192"},
    {"convert_to_uint", "EXP_LIMIT-1", nullptr, nullptr, "133"},
    {"convert_to_uint", "EXP_LIMIT", nullptr, nullptr, "133"},
    {"convert_to_uint", "EXP_LIMIT+1", nullptr, nullptr, "133"},
    {"convert_to_uint", "1e18*2^64-1", nullptr, nullptr, "2^64-1"},
    {"convert_to_uint", "1e18*2^64", nullptr, nullptr, "2^64"},
    {"convert_from_uint", "0", nullptr, nullptr, "0"},
    {"convert_from_uint", "1", nullptr, nullptr, "UNIT"},
    {"convert_from_uint", "UNIT-1", nullptr, nullptr, "999999999999999999000000000000000000"},
    {"convert_from_uint", "UNIT", nullptr, nullptr, "1000000000000000000000000000000000000"},
    {"convert_from_uint", "UNIT+1", nullptr, nullptr, "1000000000000000001000000000000000000"},
    {"convert_from_uint", "2e18", nullptr, nullptr, "2000000000000000000000000000000000000"},
    {"convert_from_uint", "2^64-1", nullptr, nullptr, "18446744073709551615000000000000000000"},
    {"convert_from_uint", "2^64", nullptr, nullptr, "1e18*2^64"},
    {"convert_from_uint", "2^128-1", nullptr, nullptr, "340282366920938463463374607431768211455000000000000000000"},
    {"convert_from_uint", "2^128", nullptr, nullptr, "340282366920938463463374607431768211456000000000000000000"},
    {"convert_from_uint", "2^128+1", nullptr, nullptr, "340282366920938463463374607431768211457000000000000000000"},
    {"convert_from_uint", "2^192", nullptr, nullptr,
     "6277101735386680763835789423207666416102355444464034512896000000000000000000"},
    {"convert_from_uint", "2^255", nullptr, nullptr, "!custom:PRBMath_UD60x18_Convert_Overflow"},
    {"convert_from_uint", "MAX_WHOLE", nullptr, nullptr, "!custom:PRBMath_UD60x18_Convert_Overflow"},
    {"convert_from_uint", "MAX-1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Convert_Overflow"},
    {"convert_from_uint", "MAX", nullptr, nullptr, "!custom:PRBMath_UD60x18_Convert_Overflow"},
    {"convert_from_uint", "192e18-1", nullptr, nullptr, "191999999999999999999000000000000000000"},
    {"convert_from_uint", "192e18", nullptr, nullptr, "192000000000000000000000000000000000000"},
    {"convert_from_uint", "192e18+1", nullptr, nullptr, "192000000000000000001000000000000000000"},
    {"convert_from_uint", "EXP_LIMIT-1", nullptr, nullptr, "133084258667509499440000000000000000000"},
    {"convert_from_uint", "EXP_LIMIT", nullptr, nullptr, "133084258667509499441000000000000000000"},
    {"convert_from_uint", "EXP_LIMIT+1", nullptr, nullptr, "133084258667509499442000000000000000000"},
    {"convert_from_uint", "1e18*2^64-1", nullptr, nullptr, "18446744073709551615999999999999999999000000000000000000"},
    {"convert_from_uint", "1e18*2^64", nullptr, nullptr, "18446744073709551616000000000000000000000000000000000000"},
    {"log2", "0", nullptr, nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"log2", "1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"log2", "UNIT-1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"log2", "UNIT", nullptr, nullptr, "0"},
    {"log2", "UNIT+1", nullptr, nullptr, "0"},
    {"log2", "2e18", nullptr, nullptr, "UNIT"},
    {"log2", "2^64-1", nullptr, nullptr, "4205294292027477728"},
    {"log2", "2^64", nullptr, nullptr, "4205294292027477729"},
    {"log2", "2^128-1", nullptr, nullptr, "68205294292027477728"},
    {"log2", "2^128", nullptr, nullptr, "68205294292027477729"},
    {"log2", "2^128+1", nullptr, nullptr, "68205294292027477729"},
    {"log2", "2^192", nullptr, nullptr, "132205294292027477729"},
    {"log2", "2^255", nullptr, nullptr, "195205294292027477729"},
    {"log2", "MAX_WHOLE", nullptr, nullptr, "196205294292027477728"},
    {"log2", "MAX-1", nullptr, nullptr, "196205294292027477728"},
    {"log2", "MAX", nullptr, nullptr, "196205294292027477728"},
    {"log2", "192e18-1", nullptr, nullptr, "7584962500721156166"},
    {"log2", "192e18", nullptr, nullptr, "7584962500721156166"},
    {"log2", "192e18+1", nullptr, nullptr, "7584962500721156166"},
    {"log2", "EXP_LIMIT-1", nullptr, nullptr, "7056196127776258552"},
    {"log2", "EXP_LIMIT", nullptr, nullptr, "7056196127776258552"},
    {"log2", "EXP_LIMIT+1", nullptr, nullptr, "7056196127776258552"},
    {"log2", "1e18*2^64-1", nullptr, nullptr, "63999999999999999976"},
    {"log2", "1e18*2^64", nullptr, nullptr, "64000000000000000000"},
    {"ln", "0", nullptr, nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"ln", "1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"ln", "UNIT-1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"ln", "UNIT", nullptr, nullptr, "0"},
    {"ln", "UNIT+1", nullptr, nullptr, "0"},
    {"ln", "2e18", nullptr, nullptr, "693147180559945309"},
    {"ln", "2^64-1", nullptr, nullptr, "2914887881943677483"},
    {"ln", "2^64", nullptr, nullptr, "2914887881943677484"},
    {"ln", "2^128-1", nullptr, nullptr, "47276307437780177297"},
    {"ln", "2^128", nullptr, nullptr, "47276307437780177298"},
    {"ln", "2^128+1", nullptr, nullptr, "47276307437780177298"},
    {"ln", "2^192", nullptr, nullptr, "91637726993616677112"},
    {"ln", "2^255", nullptr, nullptr, "135305999368893231616"},
    {"ln", "MAX_WHOLE", nullptr, nullptr, "135999146549453176925"},
    {"ln", "MAX-1", nullptr, nullptr, "135999146549453176925"},
    {"ln", "MAX", nullptr, nullptr, "135999146549453176925"},
    {"ln", "192e18-1", nullptr, nullptr, "5257495372027781538"},
    {"ln", "192e18", nullptr, nullptr, "5257495372027781538"},
    {"ln", "192e18+1", nullptr, nullptr, "5257495372027781538"},
    {"ln", "EXP_LIMIT-1", nullptr, nullptr, "4890982451446117211"},
    {"ln", "EXP_LIMIT", nullptr, nullptr, "4890982451446117211"},
    {"ln", "EXP_LIMIT+1", nullptr, nullptr, "4890982451446117211"},
    {"ln", "1e18*2^64-1", nullptr, nullptr, "44361419555836499797"},
    {"ln", "1e18*2^64", nullptr, nullptr, "44361419555836499813"},
    {"log10", "0", nullptr, nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"log10", "1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"log10", "UNIT-1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"log10", "UNIT", nullptr, nullptr, "0"},
    {"log10", "UNIT+1", nullptr, nullptr, "0"},
    {"log10", "2e18", nullptr, nullptr, "301029995663981195"},
    {"log10", "2^64-1", nullptr, nullptr, "1265919722494796490"},
    {"log10", "2^64", nullptr, nullptr, "1265919722494796491"},
    {"log10", "2^128-1", nullptr, nullptr, "20531839444989592989"},
    {"log10", "2^128", nullptr, nullptr, "20531839444989592989"},
    {"log10", "2^128+1", nullptr, nullptr, "20531839444989592989"},
    {"log10", "2^192", nullptr, nullptr, "39797759167484389488"},
    {"log10", "2^255", nullptr, nullptr, "58762648894315204792"},
    {"log10", "MAX_WHOLE", nullptr, nullptr, "59063678889979185987"},
    {"log10", "MAX-1", nullptr, nullptr, "59063678889979185987"},
    {"log10", "MAX", nullptr, nullptr, "59063678889979185987"},
    {"log10", "192e18-1", nullptr, nullptr, "2283301228703549604"},
    {"log10", "192e18", nullptr, nullptr, "2283301228703549604"},
    {"log10", "192e18+1", nullptr, nullptr, "2283301228703549604"},
    {"log10", "EXP_LIMIT-1", nullptr, nullptr, "2124126689748688012"},
    {"log10", "EXP_LIMIT", nullptr, nullptr, "2124126689748688012"},
    {"log10", "EXP_LIMIT+1", nullptr, nullptr, "2124126689748688012"},
    {"log10", "1e18*2^64-1", nullptr, nullptr, "19265919722494796491"},
    {"log10", "1e18*2^64", nullptr, nullptr, "19265919722494796498"},
    {"exp2", "0", nullptr, nullptr, "UNIT"},
    {"exp2", "1", nullptr, nullptr, "UNIT"},
    {"exp2", "UNIT-1", nullptr, nullptr, "1999999999999999998"},
    {"exp2", "UNIT", nullptr, nullptr, "2e18"},
    {"exp2", "UNIT+1", nullptr, nullptr, "2000000000000000001"},
    {"exp2", "2e18", nullptr, nullptr, "4000000000000000000"},
    {"exp2", "2^64-1", nullptr, nullptr, "357291996995228722747140"},
    {"exp2", "2^64", nullptr, nullptr, "357291996995228722998935"},
    {"exp2", "2^128-1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"exp2", "2^128", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"exp2", "2^128+1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"exp2", "2^192", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"exp2", "2^255", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"exp2", "MAX_WHOLE", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"exp2", "MAX-1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"exp2", "MAX", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"exp2", "192e18-1", nullptr, nullptr,
     "6277101735386680759401282518710514696272033118492751795945000000000000000000"},
    {"exp2", "192e18", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"exp2", "192e18+1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"exp2", "EXP_LIMIT-1", nullptr, nullptr, "11543933322687201128753449409936189395488422123266690165414"},
    {"exp2", "EXP_LIMIT", nullptr, nullptr, "11543933322687201136888821841801615646557050846995456023773"},
    {"exp2", "EXP_LIMIT+1", nullptr, nullptr, "11543933322687201145024194273667041882529245467838862049980"},
    {"exp2", "1e18*2^64-1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"exp2", "1e18*2^64", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"exp", "0", nullptr, nullptr, "UNIT"},
    {"exp", "1", nullptr, nullptr, "UNIT"},
    {"exp", "UNIT-1", nullptr, nullptr, "2718281828459045230"},
    {"exp", "UNIT", nullptr, nullptr, "2718281828459045234"},
    {"exp", "UNIT+1", nullptr, nullptr, "2718281828459045236"},
    {"exp", "2e18", nullptr, nullptr, "7389056098930650223"},
    {"exp", "2^64-1", nullptr, nullptr, "102640594845469391920797838"},
    {"exp", "2^64", nullptr, nullptr, "102640594845469391993131889"},
    {"exp", "2^128-1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "2^128", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "2^128+1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "2^192", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "2^255", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "MAX_WHOLE", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "MAX-1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "MAX", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "192e18-1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "192e18", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "192e18+1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "EXP_LIMIT-1", nullptr, nullptr,
     "6277101735386680754977611748738314679353920434623901771623000000000000000000"},
    {"exp", "EXP_LIMIT", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "EXP_LIMIT+1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "1e18*2^64-1", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"exp", "1e18*2^64", nullptr, nullptr, "!custom:PRBMath_UD60x18_Exp_InputTooBig"},
    {"prb_exp2", "0", nullptr, nullptr, "UNIT"},
    {"prb_exp2", "1", nullptr, nullptr, "UNIT"},
    {"prb_exp2", "UNIT-1", nullptr, nullptr, "1038290472211988692"},
    {"prb_exp2", "UNIT", nullptr, nullptr, "1038290472211988692"},
    {"prb_exp2", "UNIT+1", nullptr, nullptr, "1038290472211988692"},
    {"prb_exp2", "2e18", nullptr, nullptr, "1078047104686194462"},
    {"prb_exp2", "2^64-1", nullptr, nullptr, "1999999999999999999"},
    {"prb_exp2", "2^64", nullptr, nullptr, "2e18"},
    {"prb_exp2", "2^128-1", nullptr, nullptr, "0"},
    {"prb_exp2", "2^128", nullptr, nullptr, "0"},
    {"prb_exp2", "2^128+1", nullptr, nullptr, "0"},
    {"prb_exp2", "2^192", nullptr, nullptr, "0"},
    {"prb_exp2", "2^255", nullptr, nullptr, "0"},
    {"prb_exp2", "MAX_WHOLE", nullptr, nullptr, "0"},
    {"prb_exp2", "MAX-1", nullptr, nullptr, "0"},
    {"prb_exp2", "MAX", nullptr, nullptr, "0"},
    {"prb_exp2", "192e18-1", nullptr, nullptr, "1359010470314072882550"},
    {"prb_exp2", "192e18", nullptr, nullptr, "1359010470314072882624"},
    {"prb_exp2", "192e18+1", nullptr, nullptr, "1359010470314072882698"},
    {"prb_exp2", "EXP_LIMIT-1", nullptr, nullptr, "148519867041601128804"},
    {"prb_exp2", "EXP_LIMIT", nullptr, nullptr, "148519867041601128812"},
    {"prb_exp2", "EXP_LIMIT+1", nullptr, nullptr, "148519867041601128812"},
    {"prb_exp2", "1e18*2^64-1", nullptr, nullptr, "0"},
    {"prb_exp2", "1e18*2^64", nullptr, nullptr, "0"},
    {"add", "0", "0", nullptr, "0"},
    {"add", "0", "1", nullptr, "1"},
    {"add", "0", "UNIT-1", nullptr, "UNIT-1"},
    {"add", "0", "UNIT", nullptr, "UNIT"},
    {"add", "0", "UNIT+1", nullptr, "UNIT+1"},
    {"add", "0", "2e18", nullptr, "2e18"},
    {"add", "0", "2^128-1", nullptr, "2^128-1"},
    {"add", "0", "2^128+1", nullptr, "2^128+1"},
    {"add", "0", "192e18", nullptr, "192e18"},
    {"add", "0", "MAX_WHOLE", nullptr, "MAX_WHOLE"},
    {"add", "0", "MAX", nullptr, "MAX"},
    {"add", "1", "0", nullptr, "1"},
    {"add", "1", "1", nullptr, "2"},
    {"add", "1", "UNIT-1", nullptr, "UNIT"},
    {"add", "1", "UNIT", nullptr, "UNIT+1"},
    {"add", "1", "UNIT+1", nullptr, "1000000000000000002"},
    {"add", "1", "2e18", nullptr, "2000000000000000001"},
    {"add", "1", "2^128-1", nullptr, "2^128"},
    {"add", "1", "2^128+1", nullptr, "340282366920938463463374607431768211458"},
    {"add", "1", "192e18", nullptr, "192e18+1"},
    {"add", "1", "MAX_WHOLE", nullptr,
     "115792089237316195423570985008687907853269984665640564039457000000000000000001"},
    {"add", "1", "MAX", nullptr, "!overflow"},
    {"add", "UNIT-1", "0", nullptr, "UNIT-1"},
    {"add", "UNIT-1", "1", nullptr, "UNIT"},
    {"add", "UNIT-1", "UNIT-1", nullptr, "1999999999999999998"},
    {"add", "UNIT-1", "UNIT", nullptr, "1999999999999999999"},
    {"add", "UNIT-1", "UNIT+1", nullptr, "2e18"},
    {"add", "UNIT-1", "2e18", nullptr, "2999999999999999999"},
    {"add", "UNIT-1", "2^128-1", nullptr, "340282366920938463464374607431768211454"},
    {"add", "UNIT-1", "2^128+1", nullptr, "340282366920938463464374607431768211456"},
    {"add", "UNIT-1", "192e18", nullptr, "192999999999999999999"},
    {"add", "UNIT-1", "MAX_WHOLE", nullptr, "!overflow"},
    {"add", "UNIT-1", "MAX", nullptr, "!overflow"},
    {"add", "UNIT", "0", nullptr, "UNIT"},
    {"add", "UNIT", "1", nullptr, "UNIT+1"},
    {"add", "UNIT", "UNIT-1", nullptr, "1999999999999999999"},
    {"add", "UNIT", "UNIT", nullptr, "2e18"},
    {"add", "UNIT", "UNIT+1", nullptr, "2000000000000000001"},
    {"add", "UNIT", "2e18", nullptr, "3000000000000000000"},
    {"add", "UNIT", "2^128-1", nullptr, "340282366920938463464374607431768211455"},
    {"add", "UNIT", "2^128+1", nullptr, "340282366920938463464374607431768211457"},
    {"add", "UNIT", "192e18", nullptr, "193000000000000000000"},
    {"add", "UNIT", "MAX_WHOLE", nullptr, "!overflow"},
    {"add", "UNIT", "MAX", nullptr, "!overflow"},
    {"add", "UNIT+1", "0", nullptr, "UNIT+1"},
    {"add", "UNIT+1", "1", nullptr, "1000000000000000002"},
    {"add", "UNIT+1", "UNIT-1", nullptr, "2e18"},
    {"add", "UNIT+1", "UNIT", nullptr, "2000000000000000001"},
    {"add", "UNIT+1", "UNIT+1", nullptr, "2000000000000000002"},
    {"add", "UNIT+1", "2e18", nullptr, "3000000000000000001"},
    {"add", "UNIT+1", "2^128-1", nullptr, "340282366920938463464374607431768211456"},
    {"add", "UNIT+1", "2^128+1", nullptr, "340282366920938463464374607431768211458"},
    {"add", "UNIT+1", "192e18", nullptr, "193000000000000000001"},
    {"add", "UNIT+1", "MAX_WHOLE", nullptr, "!overflow"},
    {"add", "UNIT+1", "MAX", nullptr, "!overflow"},
    {"add", "2e18", "0", nullptr, "2e18"},
    {"add", "2e18", "1", nullptr, "2000000000000000001"},
    {"add", "2e18", "UNIT-1", nullptr, "2999999999999999999"},
    {"add", "2e18", "UNIT", nullptr, "3000000000000000000"},
    {"add", "2e18", "UNIT+1", nullptr, "3000000000000000001"},
    {"add", "2e18", "2e18", nullptr, "4000000000000000000"},
    {"add", "2e18", "2^128-1", nullptr, "340282366920938463465374607431768211455"},
    {"add", "2e18", "2^128+1", nullptr, "340282366920938463465374607431768211457"},
    {"add", "2e18", "192e18", nullptr, "194000000000000000000"},
    {"add", "2e18", "MAX_WHOLE", nullptr, "!overflow"},
    {"add", "2e18", "MAX", nullptr, "!overflow"},
    {"add", "2^128-1", "0", nullptr, "2^128-1"},
    {"add", "2^128-1", "1", nullptr, "2^128"},
    {"add", "2^128-1", "UNIT-1", nullptr, "340282366920938463464374607431768211454"},
    {"add", "2^128-1", "UNIT", nullptr, "340282366920938463464374607431768211455"},
    {"add", "2^128-1", "UNIT+1", nullptr, "340282366920938463464374607431768211456"},
    {"add", "2^128-1", "2e18", nullptr, "340282366920938463465374607431768211455"},
    {"add", "2^128-1", "2^128-1", nullptr, "680564733841876926926749214863536422910"},
    {"add", "2^128-1", "2^128+1", nullptr, "680564733841876926926749214863536422912"},
    {"add", "2^128-1", "192e18", nullptr, "340282366920938463655374607431768211455"},
    {"add", "2^128-1", "MAX_WHOLE", nullptr, "!overflow"},
    {"add", "2^128-1", "MAX", nullptr, "!overflow"},
    {"add", "2^128+1", "0", nullptr, "2^128+1"},
    {"add", "2^128+1", "1", nullptr, "340282366920938463463374607431768211458"},
    {"add", "2^128+1", "UNIT-1", nullptr, "340282366920938463464374607431768211456"},
    {"add", "2^128+1", "UNIT", nullptr, "340282366920938463464374607431768211457"},
    {"add", "2^128+1", "UNIT+1", nullptr, "340282366920938463464374607431768211458"},
    {"add", "2^128+1", "2e18", nullptr, "340282366920938463465374607431768211457"},
    {"add", "2^128+1", "2^128-1", nullptr, "680564733841876926926749214863536422912"},
    {"add", "2^128+1", "2^128+1", nullptr, "680564733841876926926749214863536422914"},
    {"add", "2^128+1", "192e18", nullptr, "340282366920938463655374607431768211457"},
    {"add", "2^128+1", "MAX_WHOLE", nullptr, "!overflow"},
    {"add", "2^128+1", "MAX", nullptr, "!overflow"},
    {"add", "192e18", "0", nullptr, "192e18"},
    {"add", "192e18", "1", nullptr, "192e18+1"},
    {"add", "192e18", "UNIT-1", nullptr, "192999999999999999999"},
    {"add", "192e18", "UNIT", nullptr, "193000000000000000000"},
    {"add", "192e18", "UNIT+1", nullptr, "193000000000000000001"},
    {"add", "192e18", "2e18", nullptr, "194000000000000000000"},
    {"add", "192e18", "2^128-1", nullptr, "340282366920938463655374607431768211455"},
    {"add", "192e18", "2^128+1", nullptr, "340282366920938463655374607431768211457"},
    {"add", "192e18", "192e18", nullptr, "384000000000000000000"},
    {"add", "192e18", "MAX_WHOLE", nullptr, "!overflow"},
    {"add", "192e18", "MAX", nullptr, "!overflow"},
    {"add", "MAX_WHOLE", "0", nullptr, "MAX_WHOLE"},
    {"add", "MAX_WHOLE", "1", nullptr,
     "115792089237316195423570985008687907853269984665640564039457000000000000000001"},
    {"add", "MAX_WHOLE", "UNIT-1", nullptr, "!overflow"},
    {"add", "MAX_WHOLE", "UNIT", nullptr, "!overflow"},
    {"add", "MAX_WHOLE", "UNIT+1", nullptr, "!overflow"},
    {"add", "MAX_WHOLE", "2e18", nullptr, "!overflow"},
    {"add", "MAX_WHOLE", "2^128-1", nullptr, "!overflow"},
    {"add", "MAX_WHOLE", "2^128+1", nullptr, "!overflow"},
    {"add", "MAX_WHOLE", "192e18", nullptr, "!overflow"},
    {"add", "MAX_WHOLE", "MAX_WHOLE", nullptr, "!overflow"},
    {"add", "MAX_WHOLE", "MAX", nullptr, "!overflow"},
    {"add", "MAX", "0", nullptr, "MAX"},
    {"add", "MAX", "1", nullptr, "!overflow"},
    {"add", "MAX", "UNIT-1", nullptr, "!overflow"},
    {"add", "MAX", "UNIT", nullptr, "!overflow"},
    {"add", "MAX", "UNIT+1", nullptr, "!overflow"},
    {"add", "MAX", "2e18", nullptr, "!overflow"},
    {"add", "MAX", "2^128-1", nullptr, "!overflow"},
    {"add", "MAX", "2^128+1", nullptr, "!overflow"},
    {"add", "MAX", "192e18", nullptr, "!overflow"},
    {"add", "MAX", "MAX_WHOLE", nullptr, "!overflow"},
    {"add", "MAX", "MAX", nullptr, "!overflow"},
    {"sub", "0", "0", nullptr, "0"},
    {"sub", "0", "1", nullptr, "!underflow"},
    {"sub", "0", "UNIT-1", nullptr, "!underflow"},
    {"sub", "0", "UNIT", nullptr, "!underflow"},
    {"sub", "0", "UNIT+1", nullptr, "!underflow"},
    {"sub", "0", "2e18", nullptr, "!underflow"},
    {"sub", "0", "2^128-1", nullptr, "!underflow"},
    {"sub", "0", "2^128+1", nullptr, "!underflow"},
    {"sub", "0", "192e18", nullptr, "!underflow"},
    {"sub", "0", "MAX_WHOLE", nullptr, "!underflow"},
    {"sub", "0", "MAX", nullptr, "!underflow"},
    {"sub", "1", "0", nullptr, "1"},
    {"sub", "1", "1", nullptr, "0"},
    {"sub", "1", "UNIT-1", nullptr, "!underflow"},
    {"sub", "1", "UNIT", nullptr, "!underflow"},
    {"sub", "1", "UNIT+1", nullptr, "!underflow"},
    {"sub", "1", "2e18", nullptr, "!underflow"},
    {"sub", "1", "2^128-1", nullptr, "!underflow"},
    {"sub", "1", "2^128+1", nullptr, "!underflow"},
    {"sub", "1", "192e18", nullptr, "!underflow"},
    {"sub", "1", "MAX_WHOLE", nullptr, "!underflow"},
    {"sub", "1", "MAX", nullptr, "!underflow"},
    {"sub", "UNIT-1", "0", nullptr, "UNIT-1"},
    {"sub", "UNIT-1", "1", nullptr, "999999999999999998"},
    {"sub", "UNIT-1", "UNIT-1", nullptr, "0"},
    {"sub", "UNIT-1", "UNIT", nullptr, "!underflow"},
    {"sub", "UNIT-1", "UNIT+1", nullptr, "!underflow"},
    {"sub", "UNIT-1", "2e18", nullptr, "!underflow"},
    {"sub", "UNIT-1", "2^128-1", nullptr, "!underflow"},
    {"sub", "UNIT-1", "2^128+1", nullptr, "!underflow"},
    {"sub", "UNIT-1", "192e18", nullptr, "!underflow"},
    {"sub", "UNIT-1", "MAX_WHOLE", nullptr, "!underflow"},
    {"sub", "UNIT-1", "MAX", nullptr, "!underflow"},
    {"sub", "UNIT", "0", nullptr, "UNIT"},
    {"sub", "UNIT", "1", nullptr, "UNIT-1"},
    {"sub", "UNIT", "UNIT-1", nullptr, "1"},
    {"sub", "UNIT", "UNIT", nullptr, "0"},
    {"sub", "UNIT", "UNIT+1", nullptr, "!underflow"},
    {"sub", "UNIT", "2e18", nullptr, "!underflow"},
    {"sub", "UNIT", "2^128-1", nullptr, "!underflow"},
    {"sub", "UNIT", "2^128+1", nullptr, "!underflow"},
    {"sub", "UNIT", "192e18", nullptr, "!underflow"},
    {"sub", "UNIT", "MAX_WHOLE", nullptr, "!underflow"},
    {"sub", "UNIT", "MAX", nullptr, "!underflow"},
    {"sub", "UNIT+1", "0", nullptr, "UNIT+1"},
    {"sub", "UNIT+1", "1", nullptr, "UNIT"},
    {"sub", "UNIT+1", "UNIT-1", nullptr, "2"},
    {"sub", "UNIT+1", "UNIT", nullptr, "1"},
    {"sub", "UNIT+1", "UNIT+1", nullptr, "0"},
    {"sub", "UNIT+1", "2e18", nullptr, "!underflow"},
    {"sub", "UNIT+1", "2^128-1", nullptr, "!underflow"},
    {"sub", "UNIT+1", "2^128+1", nullptr, "!underflow"},
    {"sub", "UNIT+1", "192e18", nullptr, "!underflow"},
    {"sub", "UNIT+1", "MAX_WHOLE", nullptr, "!underflow"},
    {"sub", "UNIT+1", "MAX", nullptr, "!underflow"},
    {"sub", "2e18", "0", nullptr, "2e18"},
    {"sub", "2e18", "1", nullptr, "1999999999999999999"},
    {"sub", "2e18", "UNIT-1", nullptr, "UNIT+1"},
    {"sub", "2e18", "UNIT", nullptr, "UNIT"},
    {"sub", "2e18", "UNIT+1", nullptr, "UNIT-1"},
    {"sub", "2e18", "2e18", nullptr, "0"},
    {"sub", "2e18", "2^128-1", nullptr, "!underflow"},
    {"sub", "2e18", "2^128+1", nullptr, "!underflow"},
    {"sub", "2e18", "192e18", nullptr, "!underflow"},
    {"sub", "2e18", "MAX_WHOLE", nullptr, "!underflow"},
    {"sub", "2e18", "MAX", nullptr, "!underflow"},
    {"sub", "2^128-1", "0", nullptr, "2^128-1"},
    {"sub", "2^128-1", "1", nullptr, "340282366920938463463374607431768211454"},
    {"sub", "2^128-1", "UNIT-1", nullptr, "340282366920938463462374607431768211456"},
    {"sub", "2^128-1", "UNIT", nullptr, "340282366920938463462374607431768211455"},
    {"sub", "2^128-1", "UNIT+1", nullptr, "340282366920938463462374607431768211454"},
    {"sub", "2^128-1", "2e18", nullptr, "340282366920938463461374607431768211455"},
    {"sub", "2^128-1", "2^128-1", nullptr, "0"},
    {"sub", "2^128-1", "2^128+1", nullptr, "!underflow"},
    {"sub", "2^128-1", "192e18", nullptr, "340282366920938463271374607431768211455"},
    {"sub", "2^128-1", "MAX_WHOLE", nullptr, "!underflow"},
    {"sub", "2^128-1", "MAX", nullptr, "!underflow"},
    {"sub", "2^128+1", "0", nullptr, "2^128+1"},
    {"sub", "2^128+1", "1", nullptr, "2^128"},
    {"sub", "2^128+1", "UNIT-1", nullptr, "340282366920938463462374607431768211458"},
    {"sub", "2^128+1", "UNIT", nullptr, "340282366920938463462374607431768211457"},
    {"sub", "2^128+1", "UNIT+1", nullptr, "340282366920938463462374607431768211456"},
    {"sub", "2^128+1", "2e18", nullptr, "340282366920938463461374607431768211457"},
    {"sub", "2^128+1", "2^128-1", nullptr, "2"},
    {"sub", "2^128+1", "2^128+1", nullptr, "0"},
    {"sub", "2^128+1", "192e18", nullptr, "340282366920938463271374607431768211457"},
    {"sub", "2^128+1", "MAX_WHOLE", nullptr, "!underflow"},
    {"sub", "2^128+1", "MAX", nullptr, "!underflow"},
    {"sub", "192e18", "0", nullptr, "192e18"},
    {"sub", "192e18", "1", nullptr, "192e18-1"},
    {"sub", "192e18", "UNIT-1", nullptr, "191000000000000000001"},
    {"sub", "192e18", "UNIT", nullptr, "191000000000000000000"},
    {"sub", "192e18", "UNIT+1", nullptr, "190999999999999999999"},
    {"sub", "192e18", "2e18", nullptr, "190000000000000000000"},
    {"sub", "192e18", "2^128-1", nullptr, "!underflow"},
    {"sub", "192e18", "2^128+1", nullptr, "!underflow"},
    {"sub", "192e18", "192e18", nullptr, "0"},
    {"sub", "192e18", "MAX_WHOLE", nullptr, "!underflow"},
    {"sub", "192e18", "MAX", nullptr, "!underflow"},
    {"sub", "MAX_WHOLE", "0", nullptr, "MAX_WHOLE"},
    {"sub", "MAX_WHOLE", "1", nullptr,
     "115792089237316195423570985008687907853269984665640564039456999999999999999999"},
    {"sub", "MAX_WHOLE", "UNIT-1", nullptr,
     "115792089237316195423570985008687907853269984665640564039456000000000000000001"},
    {"sub", "MAX_WHOLE", "UNIT", nullptr,
     "115792089237316195423570985008687907853269984665640564039456000000000000000000"},
    {"sub", "MAX_WHOLE", "UNIT+1", nullptr,
     "115792089237316195423570985008687907853269984665640564039455999999999999999999"},
    {"sub", "MAX_WHOLE", "2e18", nullptr,
     "115792089237316195423570985008687907853269984665640564039455000000000000000000"},
    {"sub", "MAX_WHOLE", "2^128-1", nullptr,
     "115792089237316195423570985008687907852929702298719625575993625392568231788545"},
    {"sub", "MAX_WHOLE", "2^128+1", nullptr,
     "115792089237316195423570985008687907852929702298719625575993625392568231788543"},
    {"sub", "MAX_WHOLE", "192e18", nullptr,
     "115792089237316195423570985008687907853269984665640564039265000000000000000000"},
    {"sub", "MAX_WHOLE", "MAX_WHOLE", nullptr, "0"},
    {"sub", "MAX_WHOLE", "MAX", nullptr, "!underflow"},
    {"sub", "MAX", "0", nullptr, "MAX"},
    {"sub", "MAX", "1", nullptr, "MAX-1"},
    {"sub", "MAX", "UNIT-1", nullptr, "115792089237316195423570985008687907853269984665640564039456584007913129639936"},
    {"sub", "MAX", "UNIT", nullptr, "115792089237316195423570985008687907853269984665640564039456584007913129639935"},
    {"sub", "MAX", "UNIT+1", nullptr, "115792089237316195423570985008687907853269984665640564039456584007913129639934"},
    {"sub", "MAX", "2e18", nullptr, "115792089237316195423570985008687907853269984665640564039455584007913129639935"},
    {"sub", "MAX", "2^128-1", nullptr,
     "115792089237316195423570985008687907852929702298719625575994209400481361428480"},
    {"sub", "MAX", "2^128+1", nullptr,
     "115792089237316195423570985008687907852929702298719625575994209400481361428478"},
    {"sub", "MAX", "192e18", nullptr, "115792089237316195423570985008687907853269984665640564039265584007913129639935"},
    {"sub", "MAX", "MAX_WHOLE", nullptr, "584007913129639935"},
    {"sub", "MAX", "MAX", nullptr, "0"},
    {"mul", "0", "0", nullptr, "0"},
    {"mul", "0", "1", nullptr, "0"},
    {"mul", "0", "UNIT-1", nullptr, "0"},
    {"mul", "0", "UNIT", nullptr, "0"},
    {"mul", "0", "UNIT+1", nullptr, "0"},
    {"mul", "0", "2e18", nullptr, "0"},
    {"mul", "0", "2^128-1", nullptr, "0"},
    {"mul", "0", "2^128+1", nullptr, "0"},
    {"mul", "0", "192e18", nullptr, "0"},
    {"mul", "0", "MAX_WHOLE", nullptr, "0"},
    {"mul", "0", "MAX", nullptr, "0"},
    {"mul", "1", "0", nullptr, "0"},
    {"mul", "1", "1", nullptr, "0"},
    {"mul", "1", "UNIT-1", nullptr, "0"},
    {"mul", "1", "UNIT", nullptr, "1"},
    {"mul", "1", "UNIT+1", nullptr, "1"},
    {"mul", "1", "2e18", nullptr, "2"},
    {"mul", "1", "2^128-1", nullptr, "340282366920938463463"},
    {"mul", "1", "2^128+1", nullptr, "340282366920938463463"},
    {"mul", "1", "192e18", nullptr, "192"},
    {"mul", "1", "MAX_WHOLE", nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"mul", "1", "MAX", nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"mul", "UNIT-1", "0", nullptr, "0"},
    {"mul", "UNIT-1", "1", nullptr, "0"},
    {"mul", "UNIT-1", "UNIT-1", nullptr, "999999999999999998"},
    {"mul", "UNIT-1", "UNIT", nullptr, "UNIT-1"},
    {"mul", "UNIT-1", "UNIT+1", nullptr, "UNIT-1"},
    {"mul", "UNIT-1", "2e18", nullptr, "1999999999999999998"},
    {"mul", "UNIT-1", "2^128-1", nullptr, "340282366920938463123092240510829747991"},
    {"mul", "UNIT-1", "2^128+1", nullptr, "340282366920938463123092240510829747993"},
    {"mul", "UNIT-1", "192e18", nullptr, "191999999999999999808"},
    {"mul", "UNIT-1", "MAX_WHOLE", nullptr,
     "115792089237316195307778895771371712429698999656952656186187015334359435960543"},
    {"mul", "UNIT-1", "MAX", nullptr, "115792089237316195307778895771371712429698999656952656186187599342272565600477"},
    {"mul", "UNIT", "0", nullptr, "0"},
    {"mul", "UNIT", "1", nullptr, "1"},
    {"mul", "UNIT", "UNIT-1", nullptr, "UNIT-1"},
    {"mul", "UNIT", "UNIT", nullptr, "UNIT"},
    {"mul", "UNIT", "UNIT+1", nullptr, "UNIT+1"},
    {"mul", "UNIT", "2e18", nullptr, "2e18"},
    {"mul", "UNIT", "2^128-1", nullptr, "2^128-1"},
    {"mul", "UNIT", "2^128+1", nullptr, "2^128+1"},
    {"mul", "UNIT", "192e18", nullptr, "192e18"},
    {"mul", "UNIT", "MAX_WHOLE", nullptr, "MAX_WHOLE"},
    {"mul", "UNIT", "MAX", nullptr, "MAX"},
    {"mul", "UNIT+1", "0", nullptr, "0"},
    {"mul", "UNIT+1", "1", nullptr, "1"},
    {"mul", "UNIT+1", "UNIT-1", nullptr, "UNIT-1"},
    {"mul", "UNIT+1", "UNIT", nullptr, "UNIT+1"},
    {"mul", "UNIT+1", "UNIT+1", nullptr, "1000000000000000002"},
    {"mul", "UNIT+1", "2e18", nullptr, "2000000000000000002"},
    {"mul", "UNIT+1", "2^128-1", nullptr, "340282366920938463803656974352706674918"},
    {"mul", "UNIT+1", "2^128+1", nullptr, "340282366920938463803656974352706674920"},
    {"mul", "UNIT+1", "192e18", nullptr, "192000000000000000192"},
    {"mul", "UNIT+1", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "UNIT+1", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "2e18", "0", nullptr, "0"},
    {"mul", "2e18", "1", nullptr, "2"},
    {"mul", "2e18", "UNIT-1", nullptr, "1999999999999999998"},
    {"mul", "2e18", "UNIT", nullptr, "2e18"},
    {"mul", "2e18", "UNIT+1", nullptr, "2000000000000000002"},
    {"mul", "2e18", "2e18", nullptr, "4000000000000000000"},
    {"mul", "2e18", "2^128-1", nullptr, "680564733841876926926749214863536422910"},
    {"mul", "2e18", "2^128+1", nullptr, "680564733841876926926749214863536422914"},
    {"mul", "2e18", "192e18", nullptr, "384000000000000000000"},
    {"mul", "2e18", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "2e18", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "2^128-1", "0", nullptr, "0"},
    {"mul", "2^128-1", "1", nullptr, "340282366920938463463"},
    {"mul", "2^128-1", "UNIT-1", nullptr, "340282366920938463123092240510829747991"},
    {"mul", "2^128-1", "UNIT", nullptr, "2^128-1"},
    {"mul", "2^128-1", "UNIT+1", nullptr, "340282366920938463803656974352706674918"},
    {"mul", "2^128-1", "2e18", nullptr, "680564733841876926926749214863536422910"},
    {"mul", "2^128-1", "2^128-1", nullptr, "115792089237316195423570985008687907852589419931798687112530"},
    {"mul", "2^128-1", "2^128+1", nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"mul", "2^128-1", "192e18", nullptr, "65334214448820184984967924626899496599360"},
    {"mul", "2^128-1", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "2^128-1", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "2^128+1", "0", nullptr, "0"},
    {"mul", "2^128+1", "1", nullptr, "340282366920938463463"},
    {"mul", "2^128+1", "UNIT-1", nullptr, "340282366920938463123092240510829747993"},
    {"mul", "2^128+1", "UNIT", nullptr, "2^128+1"},
    {"mul", "2^128+1", "UNIT+1", nullptr, "340282366920938463803656974352706674920"},
    {"mul", "2^128+1", "2e18", nullptr, "680564733841876926926749214863536422914"},
    {"mul", "2^128+1", "2^128-1", nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"mul", "2^128+1", "2^128+1", nullptr, "115792089237316195423570985008687907853950549399482440966384"},
    {"mul", "2^128+1", "192e18", nullptr, "65334214448820184984967924626899496599744"},
    {"mul", "2^128+1", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "2^128+1", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "192e18", "0", nullptr, "0"},
    {"mul", "192e18", "1", nullptr, "192"},
    {"mul", "192e18", "UNIT-1", nullptr, "191999999999999999808"},
    {"mul", "192e18", "UNIT", nullptr, "192e18"},
    {"mul", "192e18", "UNIT+1", nullptr, "192000000000000000192"},
    {"mul", "192e18", "2e18", nullptr, "384000000000000000000"},
    {"mul", "192e18", "2^128-1", nullptr, "65334214448820184984967924626899496599360"},
    {"mul", "192e18", "2^128+1", nullptr, "65334214448820184984967924626899496599744"},
    {"mul", "192e18", "192e18", nullptr, "36864000000000000000000"},
    {"mul", "192e18", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "192e18", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX_WHOLE", "0", nullptr, "0"},
    {"mul", "MAX_WHOLE", "1", nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"mul", "MAX_WHOLE", "UNIT-1", nullptr,
     "115792089237316195307778895771371712429698999656952656186187015334359435960543"},
    {"mul", "MAX_WHOLE", "UNIT", nullptr, "MAX_WHOLE"},
    {"mul", "MAX_WHOLE", "UNIT+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX_WHOLE", "2e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX_WHOLE", "2^128-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX_WHOLE", "2^128+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX_WHOLE", "192e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX_WHOLE", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX_WHOLE", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX", "0", nullptr, "0"},
    {"mul", "MAX", "1", nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"mul", "MAX", "UNIT-1", nullptr, "115792089237316195307778895771371712429698999656952656186187599342272565600477"},
    {"mul", "MAX", "UNIT", nullptr, "MAX"},
    {"mul", "MAX", "UNIT+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX", "2e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX", "2^128-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX", "2^128+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX", "192e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul", "MAX", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "0", "0", nullptr, "0"},
    {"mul_div18", "0", "1", nullptr, "0"},
    {"mul_div18", "0", "UNIT-1", nullptr, "0"},
    {"mul_div18", "0", "UNIT", nullptr, "0"},
    {"mul_div18", "0", "UNIT+1", nullptr, "0"},
    {"mul_div18", "0", "2e18", nullptr, "0"},
    {"mul_div18", "0", "2^128-1", nullptr, "0"},
    {"mul_div18", "0", "2^128+1", nullptr, "0"},
    {"mul_div18", "0", "192e18", nullptr, "0"},
    {"mul_div18", "0", "MAX_WHOLE", nullptr, "0"},
    {"mul_div18", "0", "MAX", nullptr, "0"},
    {"mul_div18", "1", "0", nullptr, "0"},
    {"mul_div18", "1", "1", nullptr, "0"},
    {"mul_div18", "1", "UNIT-1", nullptr, "0"},
    {"mul_div18", "1", "UNIT", nullptr, "1"},
    {"mul_div18", "1", "UNIT+1", nullptr, "1"},
    {"mul_div18", "1", "2e18", nullptr, "2"},
    {"mul_div18", "1", "2^128-1", nullptr, "340282366920938463463"},
    {"mul_div18", "1", "2^128+1", nullptr, "340282366920938463463"},
    {"mul_div18", "1", "192e18", nullptr, "192"},
    {"mul_div18", "1", "MAX_WHOLE", nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"mul_div18", "1", "MAX", nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"mul_div18", "UNIT-1", "0", nullptr, "0"},
    {"mul_div18", "UNIT-1", "1", nullptr, "0"},
    {"mul_div18", "UNIT-1", "UNIT-1", nullptr, "999999999999999998"},
    {"mul_div18", "UNIT-1", "UNIT", nullptr, "UNIT-1"},
    {"mul_div18", "UNIT-1", "UNIT+1", nullptr, "UNIT-1"},
    {"mul_div18", "UNIT-1", "2e18", nullptr, "1999999999999999998"},
    {"mul_div18", "UNIT-1", "2^128-1", nullptr, "340282366920938463123092240510829747991"},
    {"mul_div18", "UNIT-1", "2^128+1", nullptr, "340282366920938463123092240510829747993"},
    {"mul_div18", "UNIT-1", "192e18", nullptr, "191999999999999999808"},
    {"mul_div18", "UNIT-1", "MAX_WHOLE", nullptr,
     "115792089237316195307778895771371712429698999656952656186187015334359435960543"},
    {"mul_div18", "UNIT-1", "MAX", nullptr,
     "115792089237316195307778895771371712429698999656952656186187599342272565600477"},
    {"mul_div18", "UNIT", "0", nullptr, "0"},
    {"mul_div18", "UNIT", "1", nullptr, "1"},
    {"mul_div18", "UNIT", "UNIT-1", nullptr, "UNIT-1"},
    {"mul_div18", "UNIT", "UNIT", nullptr, "UNIT"},
    {"mul_div18", "UNIT", "UNIT+1", nullptr, "UNIT+1"},
    {"mul_div18", "UNIT", "2e18", nullptr, "2e18"},
    {"mul_div18", "UNIT", "2^128-1", nullptr, "2^128-1"},
    {"mul_div18", "UNIT", "2^128+1", nullptr, "2^128+1"},
    {"mul_div18", "UNIT", "192e18", nullptr, "192e18"},
    {"mul_div18", "UNIT", "MAX_WHOLE", nullptr, "MAX_WHOLE"},
    {"mul_div18", "UNIT", "MAX", nullptr, "MAX"},
    {"mul_div18", "UNIT+1", "0", nullptr, "0"},
    {"mul_div18", "UNIT+1", "1", nullptr, "1"},
    {"mul_div18", "UNIT+1", "UNIT-1", nullptr, "UNIT-1"},
    {"mul_div18", "UNIT+1", "UNIT", nullptr, "UNIT+1"},
    {"mul_div18", "UNIT+1", "UNIT+1", nullptr, "1000000000000000002"},
    {"mul_div18", "UNIT+1", "2e18", nullptr, "2000000000000000002"},
    {"mul_div18", "UNIT+1", "2^128-1", nullptr, "340282366920938463803656974352706674918"},
    {"mul_div18", "UNIT+1", "2^128+1", nullptr, "340282366920938463803656974352706674920"},
    {"mul_div18", "UNIT+1", "192e18", nullptr, "192000000000000000192"},
    {"mul_div18", "UNIT+1", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "UNIT+1", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "2e18", "0", nullptr, "0"},
    {"mul_div18", "2e18", "1", nullptr, "2"},
    {"mul_div18", "2e18", "UNIT-1", nullptr, "1999999999999999998"},
    {"mul_div18", "2e18", "UNIT", nullptr, "2e18"},
    {"mul_div18", "2e18", "UNIT+1", nullptr, "2000000000000000002"},
    {"mul_div18", "2e18", "2e18", nullptr, "4000000000000000000"},
    {"mul_div18", "2e18", "2^128-1", nullptr, "680564733841876926926749214863536422910"},
    {"mul_div18", "2e18", "2^128+1", nullptr, "680564733841876926926749214863536422914"},
    {"mul_div18", "2e18", "192e18", nullptr, "384000000000000000000"},
    {"mul_div18", "2e18", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "2e18", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "2^128-1", "0", nullptr, "0"},
    {"mul_div18", "2^128-1", "1", nullptr, "340282366920938463463"},
    {"mul_div18", "2^128-1", "UNIT-1", nullptr, "340282366920938463123092240510829747991"},
    {"mul_div18", "2^128-1", "UNIT", nullptr, "2^128-1"},
    {"mul_div18", "2^128-1", "UNIT+1", nullptr, "340282366920938463803656974352706674918"},
    {"mul_div18", "2^128-1", "2e18", nullptr, "680564733841876926926749214863536422910"},
    {"mul_div18", "2^128-1", "2^128-1", nullptr, "115792089237316195423570985008687907852589419931798687112530"},
    {"mul_div18", "2^128-1", "2^128+1", nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"mul_div18", "2^128-1", "192e18", nullptr, "65334214448820184984967924626899496599360"},
    {"mul_div18", "2^128-1", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "2^128-1", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "2^128+1", "0", nullptr, "0"},
    {"mul_div18", "2^128+1", "1", nullptr, "340282366920938463463"},
    {"mul_div18", "2^128+1", "UNIT-1", nullptr, "340282366920938463123092240510829747993"},
    {"mul_div18", "2^128+1", "UNIT", nullptr, "2^128+1"},
    {"mul_div18", "2^128+1", "UNIT+1", nullptr, "340282366920938463803656974352706674920"},
    {"mul_div18", "2^128+1", "2e18", nullptr, "680564733841876926926749214863536422914"},
    {"mul_div18", "2^128+1", "2^128-1", nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"mul_div18", "2^128+1", "2^128+1", nullptr, "115792089237316195423570985008687907853950549399482440966384"},
    {"mul_div18", "2^128+1", "192e18", nullptr, "65334214448820184984967924626899496599744"},
    {"mul_div18", "2^128+1", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "2^128+1", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "192e18", "0", nullptr, "0"},
    {"mul_div18", "192e18", "1", nullptr, "192"},
    {"mul_div18", "192e18", "UNIT-1", nullptr, "191999999999999999808"},
    {"mul_div18", "192e18", "UNIT", nullptr, "192e18"},
    {"mul_div18", "192e18", "UNIT+1", nullptr, "192000000000000000192"},
    {"mul_div18", "192e18", "2e18", nullptr, "384000000000000000000"},
    {"mul_div18", "192e18", "2^128-1", nullptr, "65334214448820184984967924626899496599360"},
    {"mul_div18", "192e18", "2^128+1", nullptr, "65334214448820184984967924626899496599744"},
    {"mul_div18", "192e18", "192e18", nullptr, "36864000000000000000000"},
    {"mul_div18", "192e18", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "192e18", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX_WHOLE", "0", nullptr, "0"},
    {"mul_div18", "MAX_WHOLE", "1", nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"mul_div18", "MAX_WHOLE", "UNIT-1", nullptr,
     "115792089237316195307778895771371712429698999656952656186187015334359435960543"},
    {"mul_div18", "MAX_WHOLE", "UNIT", nullptr, "MAX_WHOLE"},
    {"mul_div18", "MAX_WHOLE", "UNIT+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX_WHOLE", "2e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX_WHOLE", "2^128-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX_WHOLE", "2^128+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX_WHOLE", "192e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX_WHOLE", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX_WHOLE", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX", "0", nullptr, "0"},
    {"mul_div18", "MAX", "1", nullptr, "115792089237316195423570985008687907853269984665640564039457"},
    {"mul_div18", "MAX", "UNIT-1", nullptr,
     "115792089237316195307778895771371712429698999656952656186187599342272565600477"},
    {"mul_div18", "MAX", "UNIT", nullptr, "MAX"},
    {"mul_div18", "MAX", "UNIT+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX", "2e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX", "2^128-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX", "2^128+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX", "192e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div18", "MAX", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"div", "0", "0", nullptr, "!division_by_zero"},
    {"div", "0", "1", nullptr, "0"},
    {"div", "0", "UNIT-1", nullptr, "0"},
    {"div", "0", "UNIT", nullptr, "0"},
    {"div", "0", "UNIT+1", nullptr, "0"},
    {"div", "0", "2e18", nullptr, "0"},
    {"div", "0", "2^128-1", nullptr, "0"},
    {"div", "0", "2^128+1", nullptr, "0"},
    {"div", "0", "192e18", nullptr, "0"},
    {"div", "0", "MAX_WHOLE", nullptr, "0"},
    {"div", "0", "MAX", nullptr, "0"},
    {"div", "1", "0", nullptr, "!division_by_zero"},
    {"div", "1", "1", nullptr, "UNIT"},
    {"div", "1", "UNIT-1", nullptr, "1"},
    {"div", "1", "UNIT", nullptr, "1"},
    {"div", "1", "UNIT+1", nullptr, "0"},
    {"div", "1", "2e18", nullptr, "0"},
    {"div", "1", "2^128-1", nullptr, "0"},
    {"div", "1", "2^128+1", nullptr, "0"},
    {"div", "1", "192e18", nullptr, "0"},
    {"div", "1", "MAX_WHOLE", nullptr, "0"},
    {"div", "1", "MAX", nullptr, "0"},
    {"div", "UNIT-1", "0", nullptr, "!division_by_zero"},
    {"div", "UNIT-1", "1", nullptr, "999999999999999999000000000000000000"},
    {"div", "UNIT-1", "UNIT-1", nullptr, "UNIT"},
    {"div", "UNIT-1", "UNIT", nullptr, "UNIT-1"},
    {"div", "UNIT-1", "UNIT+1", nullptr, "999999999999999998"},
    {"div", "UNIT-1", "2e18", nullptr, "499999999999999999"},
    {"div", "UNIT-1", "2^128-1", nullptr, "0"},
    {"div", "UNIT-1", "2^128+1", nullptr, "0"},
    {"div", "UNIT-1", "192e18", nullptr, "5208333333333333"},
    {"div", "UNIT-1", "MAX_WHOLE", nullptr, "0"},
    {"div", "UNIT-1", "MAX", nullptr, "0"},
    {"div", "UNIT", "0", nullptr, "!division_by_zero"},
    {"div", "UNIT", "1", nullptr, "1000000000000000000000000000000000000"},
    {"div", "UNIT", "UNIT-1", nullptr, "UNIT+1"},
    {"div", "UNIT", "UNIT", nullptr, "UNIT"},
    {"div", "UNIT", "UNIT+1", nullptr, "UNIT-1"},
    {"div", "UNIT", "2e18", nullptr, "500000000000000000"},
    {"div", "UNIT", "2^128-1", nullptr, "0"},
    {"div", "UNIT", "2^128+1", nullptr, "0"},
    {"div", "UNIT", "192e18", nullptr, "5208333333333333"},
    {"div", "UNIT", "MAX_WHOLE", nullptr, "0"},
    {"div", "UNIT", "MAX", nullptr, "0"},
    {"div", "UNIT+1", "0", nullptr, "!division_by_zero"},
    {"div", "UNIT+1", "1", nullptr, "1000000000000000001000000000000000000"},
    {"div", "UNIT+1", "UNIT-1", nullptr, "1000000000000000002"},
    {"div", "UNIT+1", "UNIT", nullptr, "UNIT+1"},
    {"div", "UNIT+1", "UNIT+1", nullptr, "UNIT"},
    {"div", "UNIT+1", "2e18", nullptr, "500000000000000000"},
    {"div", "UNIT+1", "2^128-1", nullptr, "0"},
    {"div", "UNIT+1", "2^128+1", nullptr, "0"},
    {"div", "UNIT+1", "192e18", nullptr, "5208333333333333"},
    {"div", "UNIT+1", "MAX_WHOLE", nullptr, "0"},
    {"div", "UNIT+1", "MAX", nullptr, "0"},
    {"div", "2e18", "0", nullptr, "!division_by_zero"},
    {"div", "2e18", "1", nullptr, "2000000000000000000000000000000000000"},
    {"div", "2e18", "UNIT-1", nullptr, "2000000000000000002"},
    {"div", "2e18", "UNIT", nullptr, "2e18"},
    {"div", "2e18", "UNIT+1", nullptr, "1999999999999999998"},
    {"div", "2e18", "2e18", nullptr, "UNIT"},
    {"div", "2e18", "2^128-1", nullptr, "0"},
    {"div", "2e18", "2^128+1", nullptr, "0"},
    {"div", "2e18", "192e18", nullptr, "10416666666666666"},
    {"div", "2e18", "MAX_WHOLE", nullptr, "0"},
    {"div", "2e18", "MAX", nullptr, "0"},
    {"div", "2^128-1", "0", nullptr, "!division_by_zero"},
    {"div", "2^128-1", "1", nullptr, "340282366920938463463374607431768211455000000000000000000"},
    {"div", "2^128-1", "UNIT-1", nullptr, "340282366920938463803656974352706675258"},
    {"div", "2^128-1", "UNIT", nullptr, "2^128-1"},
    {"div", "2^128-1", "UNIT+1", nullptr, "340282366920938463123092240510829748331"},
    {"div", "2^128-1", "2e18", nullptr, "170141183460469231731687303715884105727"},
    {"div", "2^128-1", "2^128-1", nullptr, "UNIT"},
    {"div", "2^128-1", "2^128+1", nullptr, "UNIT-1"},
    {"div", "2^128-1", "192e18", nullptr, "1772303994379887830538409413707126101"},
    {"div", "2^128-1", "MAX_WHOLE", nullptr, "0"},
    {"div", "2^128-1", "MAX", nullptr, "0"},
    {"div", "2^128+1", "0", nullptr, "!division_by_zero"},
    {"div", "2^128+1", "1", nullptr, "340282366920938463463374607431768211457000000000000000000"},
    {"div", "2^128+1", "UNIT-1", nullptr, "340282366920938463803656974352706675260"},
    {"div", "2^128+1", "UNIT", nullptr, "2^128+1"},
    {"div", "2^128+1", "UNIT+1", nullptr, "340282366920938463123092240510829748333"},
    {"div", "2^128+1", "2e18", nullptr, "170141183460469231731687303715884105728"},
    {"div", "2^128+1", "2^128-1", nullptr, "UNIT"},
    {"div", "2^128+1", "2^128+1", nullptr, "UNIT"},
    {"div", "2^128+1", "192e18", nullptr, "1772303994379887830538409413707126101"},
    {"div", "2^128+1", "MAX_WHOLE", nullptr, "0"},
    {"div", "2^128+1", "MAX", nullptr, "0"},
    {"div", "192e18", "0", nullptr, "!division_by_zero"},
    {"div", "192e18", "1", nullptr, "192000000000000000000000000000000000000"},
    {"div", "192e18", "UNIT-1", nullptr, "192000000000000000192"},
    {"div", "192e18", "UNIT", nullptr, "192e18"},
    {"div", "192e18", "UNIT+1", nullptr, "191999999999999999808"},
    {"div", "192e18", "2e18", nullptr, "96000000000000000000"},
    {"div", "192e18", "2^128-1", nullptr, "0"},
    {"div", "192e18", "2^128+1", nullptr, "0"},
    {"div", "192e18", "192e18", nullptr, "UNIT"},
    {"div", "192e18", "MAX_WHOLE", nullptr, "0"},
    {"div", "192e18", "MAX", nullptr, "0"},
    {"div", "MAX_WHOLE", "0", nullptr, "!custom:PRBMath_MulDiv_Overflow"},
    {"div", "MAX_WHOLE", "1", nullptr, "!custom:PRBMath_MulDiv_Overflow"},
    {"div", "MAX_WHOLE", "UNIT-1", nullptr, "!custom:PRBMath_MulDiv_Overflow"},
    {"div", "MAX_WHOLE", "UNIT", nullptr, "MAX_WHOLE"},
    {"div", "MAX_WHOLE", "UNIT+1", nullptr,
     "115792089237316195307778895771371712545491088894268851493965911105731148506034"},
    {"div", "MAX_WHOLE", "2e18", nullptr,
     "57896044618658097711785492504343953926634992332820282019728500000000000000000"},
    {"div", "MAX_WHOLE", "2^128-1", nullptr, "340282366920938463463374607431768211456999999999999999999"},
    {"div", "MAX_WHOLE", "2^128+1", nullptr, "340282366920938463463374607431768211454999999999999999999"},
    {"div", "MAX_WHOLE", "192e18", nullptr,
     "603083798111021851164432213586916186735781170133544604372171875000000000000"},
    {"div", "MAX_WHOLE", "MAX_WHOLE", nullptr, "UNIT"},
    {"div", "MAX_WHOLE", "MAX", nullptr, "UNIT-1"},
    {"div", "MAX", "0", nullptr, "!custom:PRBMath_MulDiv_Overflow"},
    {"div", "MAX", "1", nullptr, "!custom:PRBMath_MulDiv_Overflow"},
    {"div", "MAX", "UNIT-1", nullptr, "!custom:PRBMath_MulDiv_Overflow"},
    {"div", "MAX", "UNIT", nullptr, "MAX"},
    {"div", "MAX", "UNIT+1", nullptr, "115792089237316195307778895771371712545491088894268851493966495113644278145968"},
    {"div", "MAX", "2e18", nullptr, "57896044618658097711785492504343953926634992332820282019728792003956564819967"},
    {"div", "MAX", "2^128-1", nullptr, "340282366920938463463374607431768211457000000000000000000"},
    {"div", "MAX", "2^128+1", nullptr, "340282366920938463463374607431768211455000000000000000000"},
    {"div", "MAX", "192e18", nullptr, "603083798111021851164432213586916186735781170133544604372174916707880883541"},
    {"div", "MAX", "MAX_WHOLE", nullptr, "UNIT"},
    {"div", "MAX", "MAX", nullptr, "UNIT"},
    {"pow", "0", "0", nullptr, "UNIT"},
    {"pow", "0", "1", nullptr, "0"},
    {"pow", "0", "UNIT-1", nullptr, "0"},
    {"pow", "0", "UNIT", nullptr, "0"},
    {"pow", "0", "UNIT+1", nullptr, "0"},
    {"pow", "0", "2e18", nullptr, "0"},
    {"pow", "0", "2^128-1", nullptr, "0"},
    {"pow", "0", "2^128+1", nullptr, "0"},
    {"pow", "0", "192e18", nullptr, "0"},
    {"pow", "0", "MAX_WHOLE", nullptr, "0"},
    {"pow", "0", "MAX", nullptr, "0"},
    {"pow", "1", "0", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "1", "1", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "1", "UNIT-1", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "1", "UNIT", nullptr, "1"},
    {"pow", "1", "UNIT+1", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "1", "2e18", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "1", "2^128-1", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "1", "2^128+1", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "1", "192e18", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "1", "MAX_WHOLE", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "1", "MAX", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "UNIT-1", "0", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "UNIT-1", "1", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "UNIT-1", "UNIT-1", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "UNIT-1", "UNIT", nullptr, "UNIT-1"},
    {"pow", "UNIT-1", "UNIT+1", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "UNIT-1", "2e18", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "UNIT-1", "2^128-1", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "UNIT-1", "2^128+1", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "UNIT-1", "192e18", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "UNIT-1", "MAX_WHOLE", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "UNIT-1", "MAX", nullptr, "!custom:PRBMath_UD60x18_Log_InputTooSmall"},
    {"pow", "UNIT", "0", nullptr, "UNIT"},
    {"pow", "UNIT", "1", nullptr, "UNIT"},
    {"pow", "UNIT", "UNIT-1", nullptr, "UNIT"},
    {"pow", "UNIT", "UNIT", nullptr, "UNIT"},
    {"pow", "UNIT", "UNIT+1", nullptr, "UNIT"},
    {"pow", "UNIT", "2e18", nullptr, "UNIT"},
    {"pow", "UNIT", "2^128-1", nullptr, "UNIT"},
    {"pow", "UNIT", "2^128+1", nullptr, "UNIT"},
    {"pow", "UNIT", "192e18", nullptr, "UNIT"},
    {"pow", "UNIT", "MAX_WHOLE", nullptr, "UNIT"},
    {"pow", "UNIT", "MAX", nullptr, "UNIT"},
    {"pow", "UNIT+1", "0", nullptr, "UNIT"},
    {"pow", "UNIT+1", "1", nullptr, "UNIT"},
    {"pow", "UNIT+1", "UNIT-1", nullptr, "UNIT"},
    {"pow", "UNIT+1", "UNIT", nullptr, "UNIT+1"},
    {"pow", "UNIT+1", "UNIT+1", nullptr, "UNIT"},
    {"pow", "UNIT+1", "2e18", nullptr, "UNIT"},
    {"pow", "UNIT+1", "2^128-1", nullptr, "UNIT"},
    {"pow", "UNIT+1", "2^128+1", nullptr, "UNIT"},
    {"pow", "UNIT+1", "192e18", nullptr, "UNIT"},
    {"pow", "UNIT+1", "MAX_WHOLE", nullptr, "UNIT"},
    {"pow", "UNIT+1", "MAX", nullptr, "UNIT"},
    {"pow", "2e18", "0", nullptr, "UNIT"},
    {"pow", "2e18", "1", nullptr, "UNIT"},
    {"pow", "2e18", "UNIT-1", nullptr, "1999999999999999998"},
    {"pow", "2e18", "UNIT", nullptr, "2e18"},
    {"pow", "2e18", "UNIT+1", nullptr, "2000000000000000001"},
    {"pow", "2e18", "2e18", nullptr, "4000000000000000000"},
    {"pow", "2e18", "2^128-1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "2e18", "2^128+1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "2e18", "192e18", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "2e18", "MAX_WHOLE", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "2e18", "MAX", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "2^128-1", "0", nullptr, "UNIT"},
    {"pow", "2^128-1", "1", nullptr, "1000000000000000047"},
    {"pow", "2^128-1", "UNIT-1", nullptr, "340282366920938444753011853512224147900"},
    {"pow", "2^128-1", "UNIT", nullptr, "2^128-1"},
    {"pow", "2^128-1", "UNIT+1", nullptr, "340282366920938477090154214725066692689"},
    {"pow", "2^128-1", "2e18", nullptr, "115792089237316193763903815218915778057983761956103716936422"},
    {"pow", "2^128-1", "2^128-1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "2^128-1", "2^128+1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "2^128-1", "192e18", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "2^128-1", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"pow", "2^128-1", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"pow", "2^128+1", "0", nullptr, "UNIT"},
    {"pow", "2^128+1", "1", nullptr, "1000000000000000047"},
    {"pow", "2^128+1", "UNIT-1", nullptr, "340282366920938444992819526470448305742"},
    {"pow", "2^128+1", "UNIT", nullptr, "2^128+1"},
    {"pow", "2^128+1", "UNIT+1", nullptr, "340282366920938477329961887683290873320"},
    {"pow", "2^128+1", "2e18", nullptr, "115792089237316193927108460338969474756012629695973446486728"},
    {"pow", "2^128+1", "2^128-1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "2^128+1", "2^128+1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "2^128+1", "192e18", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "2^128+1", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"pow", "2^128+1", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"pow", "192e18", "0", nullptr, "UNIT"},
    {"pow", "192e18", "1", nullptr, "1000000000000000004"},
    {"pow", "192e18", "UNIT-1", nullptr, "191999999999999996870"},
    {"pow", "192e18", "UNIT", nullptr, "192e18"},
    {"pow", "192e18", "UNIT+1", nullptr, "191999999999999998869"},
    {"pow", "192e18", "2e18", nullptr, "36863999999999999209442"},
    {"pow", "192e18", "2^128-1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "192e18", "2^128+1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "192e18", "192e18", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "192e18", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"pow", "192e18", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"pow", "MAX_WHOLE", "0", nullptr, "UNIT"},
    {"pow", "MAX_WHOLE", "1", nullptr, "1000000000000000135"},
    {"pow", "MAX_WHOLE", "UNIT-1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "MAX_WHOLE", "UNIT", nullptr, "MAX_WHOLE"},
    {"pow", "MAX_WHOLE", "UNIT+1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "MAX_WHOLE", "2e18", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "MAX_WHOLE", "2^128-1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "MAX_WHOLE", "2^128+1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "MAX_WHOLE", "192e18", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "MAX_WHOLE", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"pow", "MAX_WHOLE", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"pow", "MAX", "0", nullptr, "UNIT"},
    {"pow", "MAX", "1", nullptr, "1000000000000000135"},
    {"pow", "MAX", "UNIT-1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "MAX", "UNIT", nullptr, "MAX"},
    {"pow", "MAX", "UNIT+1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "MAX", "2e18", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "MAX", "2^128-1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "MAX", "2^128+1", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "MAX", "192e18", nullptr, "!custom:PRBMath_UD60x18_Exp2_InputTooBig"},
    {"pow", "MAX", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"pow", "MAX", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "0", "0", nullptr, "UNIT"},
    {"powu", "0", "1", nullptr, "0"},
    {"powu", "0", "UNIT-1", nullptr, "0"},
    {"powu", "0", "UNIT", nullptr, "0"},
    {"powu", "0", "UNIT+1", nullptr, "0"},
    {"powu", "0", "2e18", nullptr, "0"},
    {"powu", "0", "2^128-1", nullptr, "0"},
    {"powu", "0", "2^128+1", nullptr, "0"},
    {"powu", "0", "192e18", nullptr, "0"},
    {"powu", "0", "MAX_WHOLE", nullptr, "0"},
    {"powu", "0", "MAX", nullptr, "0"},
    {"powu", "1", "0", nullptr, "UNIT"},
    {"powu", "1", "1", nullptr, "1"},
    {"powu", "1", "UNIT-1", nullptr, "0"},
    {"powu", "1", "UNIT", nullptr, "0"},
    {"powu", "1", "UNIT+1", nullptr, "0"},
    {"powu", "1", "2e18", nullptr, "0"},
    {"powu", "1", "2^128-1", nullptr, "0"},
    {"powu", "1", "2^128+1", nullptr, "0"},
    {"powu", "1", "192e18", nullptr, "0"},
    {"powu", "1", "MAX_WHOLE", nullptr, "0"},
    {"powu", "1", "MAX", nullptr, "0"},
    {"powu", "UNIT-1", "0", nullptr, "UNIT"},
    {"powu", "UNIT-1", "1", nullptr, "UNIT-1"},
    {"powu", "UNIT-1", "UNIT-1", nullptr, "367879440852197754"},
    {"powu", "UNIT-1", "UNIT", nullptr, "367879440852197753"},
    {"powu", "UNIT-1", "UNIT+1", nullptr, "367879440852197753"},
    {"powu", "UNIT-1", "2e18", nullptr, "135335283001725664"},
    {"powu", "UNIT-1", "2^128-1", nullptr, "0"},
    {"powu", "UNIT-1", "2^128+1", nullptr, "0"},
    {"powu", "UNIT-1", "192e18", nullptr, "0"},
    {"powu", "UNIT-1", "MAX_WHOLE", nullptr, "0"},
    {"powu", "UNIT-1", "MAX", nullptr, "0"},
    {"powu", "UNIT", "0", nullptr, "UNIT"},
    {"powu", "UNIT", "1", nullptr, "UNIT"},
    {"powu", "UNIT", "UNIT-1", nullptr, "UNIT"},
    {"powu", "UNIT", "UNIT", nullptr, "UNIT"},
    {"powu", "UNIT", "UNIT+1", nullptr, "UNIT"},
    {"powu", "UNIT", "2e18", nullptr, "UNIT"},
    {"powu", "UNIT", "2^128-1", nullptr, "UNIT"},
    {"powu", "UNIT", "2^128+1", nullptr, "UNIT"},
    {"powu", "UNIT", "192e18", nullptr, "UNIT"},
    {"powu", "UNIT", "MAX_WHOLE", nullptr, "UNIT"},
    {"powu", "UNIT", "MAX", nullptr, "UNIT"},
    {"powu", "UNIT+1", "0", nullptr, "UNIT"},
    {"powu", "UNIT+1", "1", nullptr, "UNIT+1"},
    {"powu", "UNIT+1", "UNIT-1", nullptr, "2718281826099160458"},
    {"powu", "UNIT+1", "UNIT", nullptr, "2718281826099160460"},
    {"powu", "UNIT+1", "UNIT+1", nullptr, "2718281826099160461"},
    {"powu", "UNIT+1", "2e18", nullptr, "7389056086100986413"},
    {"powu", "UNIT+1", "2^128-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "UNIT+1", "2^128+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "UNIT+1", "192e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "UNIT+1", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "UNIT+1", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2e18", "0", nullptr, "UNIT"},
    {"powu", "2e18", "1", nullptr, "2e18"},
    {"powu", "2e18", "UNIT-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2e18", "UNIT", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2e18", "UNIT+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2e18", "2e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2e18", "2^128-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2e18", "2^128+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2e18", "192e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2e18", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2e18", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128-1", "0", nullptr, "UNIT"},
    {"powu", "2^128-1", "1", nullptr, "2^128-1"},
    {"powu", "2^128-1", "UNIT-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128-1", "UNIT", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128-1", "UNIT+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128-1", "2e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128-1", "2^128-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128-1", "2^128+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128-1", "192e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128-1", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128-1", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128+1", "0", nullptr, "UNIT"},
    {"powu", "2^128+1", "1", nullptr, "2^128+1"},
    {"powu", "2^128+1", "UNIT-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128+1", "UNIT", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128+1", "UNIT+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128+1", "2e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128+1", "2^128-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128+1", "2^128+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128+1", "192e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128+1", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "2^128+1", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "192e18", "0", nullptr, "UNIT"},
    {"powu", "192e18", "1", nullptr, "192e18"},
    {"powu", "192e18", "UNIT-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "192e18", "UNIT", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "192e18", "UNIT+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "192e18", "2e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "192e18", "2^128-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "192e18", "2^128+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "192e18", "192e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "192e18", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "192e18", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX_WHOLE", "0", nullptr, "UNIT"},
    {"powu", "MAX_WHOLE", "1", nullptr, "MAX_WHOLE"},
    {"powu", "MAX_WHOLE", "UNIT-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX_WHOLE", "UNIT", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX_WHOLE", "UNIT+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX_WHOLE", "2e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX_WHOLE", "2^128-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX_WHOLE", "2^128+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX_WHOLE", "192e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX_WHOLE", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX_WHOLE", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX", "0", nullptr, "UNIT"},
    {"powu", "MAX", "1", nullptr, "MAX"},
    {"powu", "MAX", "UNIT-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX", "UNIT", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX", "UNIT+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX", "2e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX", "2^128-1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX", "2^128+1", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX", "192e18", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX", "MAX_WHOLE", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"powu", "MAX", "MAX", nullptr, "!custom:PRBMath_MulDiv18_Overflow"},
    {"mul_div", "0", "0", "0", "!division_by_zero"},
    {"mul_div", "0", "0", "1", "0"},
    {"mul_div", "0", "0", "UNIT", "0"},
    {"mul_div", "0", "0", "2^128-1", "0"},
    {"mul_div", "0", "0", "2^128+1", "0"},
    {"mul_div", "0", "0", "MAX", "0"},
    {"mul_div", "0", "1", "0", "!division_by_zero"},
    {"mul_div", "0", "1", "1", "0"},
    {"mul_div", "0", "1", "UNIT", "0"},
    {"mul_div", "0", "1", "2^128-1", "0"},
    {"mul_div", "0", "1", "2^128+1", "0"},
    {"mul_div", "0", "1", "MAX", "0"},
    {"mul_div", "0", "UNIT", "0", "!division_by_zero"},
    {"mul_div", "0", "UNIT", "1", "0"},
    {"mul_div", "0", "UNIT", "UNIT", "0"},
    {"mul_div", "0", "UNIT", "2^128-1", "0"},
    {"mul_div", "0", "UNIT", "2^128+1", "0"},
    {"mul_div", "0", "UNIT", "MAX", "0"},
    {"mul_div", "0", "2^128-1", "0", "!division_by_zero"},
    {"mul_div", "0", "2^128-1", "1", "0"},
    {"mul_div", "0", "2^128-1", "UNIT", "0"},
    {"mul_div", "0", "2^128-1", "2^128-1", "0"},
    {"mul_div", "0", "2^128-1", "2^128+1", "0"},
    {"mul_div", "0", "2^128-1", "MAX", "0"},
    {"mul_div", "0", "2^128+1", "0", "!division_by_zero"},
    {"mul_div", "0", "2^128+1", "1", "0"},
    {"mul_div", "0", "2^128+1", "UNIT", "0"},
    {"mul_div", "0", "2^128+1", "2^128-1", "0"},
    {"mul_div", "0", "2^128+1", "2^128+1", "0"},
    {"mul_div", "0", "2^128+1", "MAX", "0"},
    {"mul_div", "0", "MAX", "0", "!division_by_zero"},
    {"mul_div", "0", "MAX", "1", "0"},
    {"mul_div", "0", "MAX", "UNIT", "0"},
    {"mul_div", "0", "MAX", "2^128-1", "0"},
    {"mul_div", "0", "MAX", "2^128+1", "0"},
    {"mul_div", "0", "MAX", "MAX", "0"},
    {"mul_div", "1", "0", "0", "!division_by_zero"},
    {"mul_div", "1", "0", "1", "0"},
    {"mul_div", "1", "0", "UNIT", "0"},
    {"mul_div", "1", "0", "2^128-1", "0"},
    {"mul_div", "1", "0", "2^128+1", "0"},
    {"mul_div", "1", "0", "MAX", "0"},
    {"mul_div", "1", "1", "0", "!division_by_zero"},
    {"mul_div", "1", "1", "1", "1"},
    {"mul_div", "1", "1", "UNIT", "0"},
    {"mul_div", "1", "1", "2^128-1", "0"},
    {"mul_div", "1", "1", "2^128+1", "0"},
    {"mul_div", "1", "1", "MAX", "0"},
    {"mul_div", "1", "UNIT", "0", "!division_by_zero"},
    {"mul_div", "1", "UNIT", "1", "UNIT"},
    {"mul_div", "1", "UNIT", "UNIT", "1"},
    {"mul_div", "1", "UNIT", "2^128-1", "0"},
    {"mul_div", "1", "UNIT", "2^128+1", "0"},
    {"mul_div", "1", "UNIT", "MAX", "0"},
    {"mul_div", "1", "2^128-1", "0", "!division_by_zero"},
    {"mul_div", "1", "2^128-1", "1", "2^128-1"},
    {"mul_div", "1", "2^128-1", "UNIT", "340282366920938463463"},
    {"mul_div", "1", "2^128-1", "2^128-1", "1"},
    {"mul_div", "1", "2^128-1", "2^128+1", "0"},
    {"mul_div", "1", "2^128-1", "MAX", "0"},
    {"mul_div", "1", "2^128+1", "0", "!division_by_zero"},
    {"mul_div", "1", "2^128+1", "1", "2^128+1"},
    {"mul_div", "1", "2^128+1", "UNIT", "340282366920938463463"},
    {"mul_div", "1", "2^128+1", "2^128-1", "1"},
    {"mul_div", "1", "2^128+1", "2^128+1", "1"},
    {"mul_div", "1", "2^128+1", "MAX", "0"},
    {"mul_div", "1", "MAX", "0", "!division_by_zero"},
    {"mul_div", "1", "MAX", "1", "MAX"},
    {"mul_div", "1", "MAX", "UNIT", "115792089237316195423570985008687907853269984665640564039457"},
    {"mul_div", "1", "MAX", "2^128-1", "2^128+1"},
    {"mul_div", "1", "MAX", "2^128+1", "2^128-1"},
    {"mul_div", "1", "MAX", "MAX", "1"},
    {"mul_div", "UNIT", "0", "0", "!division_by_zero"},
    {"mul_div", "UNIT", "0", "1", "0"},
    {"mul_div", "UNIT", "0", "UNIT", "0"},
    {"mul_div", "UNIT", "0", "2^128-1", "0"},
    {"mul_div", "UNIT", "0", "2^128+1", "0"},
    {"mul_div", "UNIT", "0", "MAX", "0"},
    {"mul_div", "UNIT", "1", "0", "!division_by_zero"},
    {"mul_div", "UNIT", "1", "1", "UNIT"},
    {"mul_div", "UNIT", "1", "UNIT", "1"},
    {"mul_div", "UNIT", "1", "2^128-1", "0"},
    {"mul_div", "UNIT", "1", "2^128+1", "0"},
    {"mul_div", "UNIT", "1", "MAX", "0"},
    {"mul_div", "UNIT", "UNIT", "0", "!division_by_zero"},
    {"mul_div", "UNIT", "UNIT", "1", "1000000000000000000000000000000000000"},
    {"mul_div", "UNIT", "UNIT", "UNIT", "UNIT"},
    {"mul_div", "UNIT", "UNIT", "2^128-1", "0"},
    {"mul_div", "UNIT", "UNIT", "2^128+1", "0"},
    {"mul_div", "UNIT", "UNIT", "MAX", "0"},
    {"mul_div", "UNIT", "2^128-1", "0", "!division_by_zero"},
    {"mul_div", "UNIT", "2^128-1", "1", "340282366920938463463374607431768211455000000000000000000"},
    {"mul_div", "UNIT", "2^128-1", "UNIT", "2^128-1"},
    {"mul_div", "UNIT", "2^128-1", "2^128-1", "UNIT"},
    {"mul_div", "UNIT", "2^128-1", "2^128+1", "UNIT-1"},
    {"mul_div", "UNIT", "2^128-1", "MAX", "0"},
    {"mul_div", "UNIT", "2^128+1", "0", "!division_by_zero"},
    {"mul_div", "UNIT", "2^128+1", "1", "340282366920938463463374607431768211457000000000000000000"},
    {"mul_div", "UNIT", "2^128+1", "UNIT", "2^128+1"},
    {"mul_div", "UNIT", "2^128+1", "2^128-1", "UNIT"},
    {"mul_div", "UNIT", "2^128+1", "2^128+1", "UNIT"},
    {"mul_div", "UNIT", "2^128+1", "MAX", "0"},
    {"mul_div", "UNIT", "MAX", "0", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "UNIT", "MAX", "1", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "UNIT", "MAX", "UNIT", "MAX"},
    {"mul_div", "UNIT", "MAX", "2^128-1", "340282366920938463463374607431768211457000000000000000000"},
    {"mul_div", "UNIT", "MAX", "2^128+1", "340282366920938463463374607431768211455000000000000000000"},
    {"mul_div", "UNIT", "MAX", "MAX", "UNIT"},
    {"mul_div", "2^128-1", "0", "0", "!division_by_zero"},
    {"mul_div", "2^128-1", "0", "1", "0"},
    {"mul_div", "2^128-1", "0", "UNIT", "0"},
    {"mul_div", "2^128-1", "0", "2^128-1", "0"},
    {"mul_div", "2^128-1", "0", "2^128+1", "0"},
    {"mul_div", "2^128-1", "0", "MAX", "0"},
    {"mul_div", "2^128-1", "1", "0", "!division_by_zero"},
    {"mul_div", "2^128-1", "1", "1", "2^128-1"},
    {"mul_div", "2^128-1", "1", "UNIT", "340282366920938463463"},
    {"mul_div", "2^128-1", "1", "2^128-1", "1"},
    {"mul_div", "2^128-1", "1", "2^128+1", "0"},
    {"mul_div", "2^128-1", "1", "MAX", "0"},
    {"mul_div", "2^128-1", "UNIT", "0", "!division_by_zero"},
    {"mul_div", "2^128-1", "UNIT", "1", "340282366920938463463374607431768211455000000000000000000"},
    {"mul_div", "2^128-1", "UNIT", "UNIT", "2^128-1"},
    {"mul_div", "2^128-1", "UNIT", "2^128-1", "UNIT"},
    {"mul_div", "2^128-1", "UNIT", "2^128+1", "UNIT-1"},
    {"mul_div", "2^128-1", "UNIT", "MAX", "0"},
    {"mul_div", "2^128-1", "2^128-1", "0", "!division_by_zero"},
    {"mul_div", "2^128-1", "2^128-1", "1",
     "115792089237316195423570985008687907852589419931798687112530834793049593217025"},
    {"mul_div", "2^128-1", "2^128-1", "UNIT", "115792089237316195423570985008687907852589419931798687112530"},
    {"mul_div", "2^128-1", "2^128-1", "2^128-1", "2^128-1"},
    {"mul_div", "2^128-1", "2^128-1", "2^128+1", "340282366920938463463374607431768211453"},
    {"mul_div", "2^128-1", "2^128-1", "MAX", "0"},
    {"mul_div", "2^128-1", "2^128+1", "0", "!division_by_zero"},
    {"mul_div", "2^128-1", "2^128+1", "1", "MAX"},
    {"mul_div", "2^128-1", "2^128+1", "UNIT", "115792089237316195423570985008687907853269984665640564039457"},
    {"mul_div", "2^128-1", "2^128+1", "2^128-1", "2^128+1"},
    {"mul_div", "2^128-1", "2^128+1", "2^128+1", "2^128-1"},
    {"mul_div", "2^128-1", "2^128+1", "MAX", "1"},
    {"mul_div", "2^128-1", "MAX", "0", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "2^128-1", "MAX", "1", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "2^128-1", "MAX", "UNIT", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "2^128-1", "MAX", "2^128-1", "MAX"},
    {"mul_div", "2^128-1", "MAX", "2^128+1",
     "115792089237316195423570985008687907852589419931798687112530834793049593217025"},
    {"mul_div", "2^128-1", "MAX", "MAX", "2^128-1"},
    {"mul_div", "2^128+1", "0", "0", "!division_by_zero"},
    {"mul_div", "2^128+1", "0", "1", "0"},
    {"mul_div", "2^128+1", "0", "UNIT", "0"},
    {"mul_div", "2^128+1", "0", "2^128-1", "0"},
    {"mul_div", "2^128+1", "0", "2^128+1", "0"},
    {"mul_div", "2^128+1", "0", "MAX", "0"},
    {"mul_div", "2^128+1", "1", "0", "!division_by_zero"},
    {"mul_div", "2^128+1", "1", "1", "2^128+1"},
    {"mul_div", "2^128+1", "1", "UNIT", "340282366920938463463"},
    {"mul_div", "2^128+1", "1", "2^128-1", "1"},
    {"mul_div", "2^128+1", "1", "2^128+1", "1"},
    {"mul_div", "2^128+1", "1", "MAX", "0"},
    {"mul_div", "2^128+1", "UNIT", "0", "!division_by_zero"},
    {"mul_div", "2^128+1", "UNIT", "1", "340282366920938463463374607431768211457000000000000000000"},
    {"mul_div", "2^128+1", "UNIT", "UNIT", "2^128+1"},
    {"mul_div", "2^128+1", "UNIT", "2^128-1", "UNIT"},
    {"mul_div", "2^128+1", "UNIT", "2^128+1", "UNIT"},
    {"mul_div", "2^128+1", "UNIT", "MAX", "0"},
    {"mul_div", "2^128+1", "2^128-1", "0", "!division_by_zero"},
    {"mul_div", "2^128+1", "2^128-1", "1", "MAX"},
    {"mul_div", "2^128+1", "2^128-1", "UNIT", "115792089237316195423570985008687907853269984665640564039457"},
    {"mul_div", "2^128+1", "2^128-1", "2^128-1", "2^128+1"},
    {"mul_div", "2^128+1", "2^128-1", "2^128+1", "2^128-1"},
    {"mul_div", "2^128+1", "2^128-1", "MAX", "1"},
    {"mul_div", "2^128+1", "2^128+1", "0", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "2^128+1", "2^128+1", "1", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "2^128+1", "2^128+1", "UNIT", "115792089237316195423570985008687907853950549399482440966384"},
    {"mul_div", "2^128+1", "2^128+1", "2^128-1", "340282366920938463463374607431768211459"},
    {"mul_div", "2^128+1", "2^128+1", "2^128+1", "2^128+1"},
    {"mul_div", "2^128+1", "2^128+1", "MAX", "1"},
    {"mul_div", "2^128+1", "MAX", "0", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "2^128+1", "MAX", "1", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "2^128+1", "MAX", "UNIT", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "2^128+1", "MAX", "2^128-1", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "2^128+1", "MAX", "2^128+1", "MAX"},
    {"mul_div", "2^128+1", "MAX", "MAX", "2^128+1"},
    {"mul_div", "MAX", "0", "0", "!division_by_zero"},
    {"mul_div", "MAX", "0", "1", "0"},
    {"mul_div", "MAX", "0", "UNIT", "0"},
    {"mul_div", "MAX", "0", "2^128-1", "0"},
    {"mul_div", "MAX", "0", "2^128+1", "0"},
    {"mul_div", "MAX", "0", "MAX", "0"},
    {"mul_div", "MAX", "1", "0", "!division_by_zero"},
    {"mul_div", "MAX", "1", "1", "MAX"},
    {"mul_div", "MAX", "1", "UNIT", "115792089237316195423570985008687907853269984665640564039457"},
    {"mul_div", "MAX", "1", "2^128-1", "2^128+1"},
    {"mul_div", "MAX", "1", "2^128+1", "2^128-1"},
    {"mul_div", "MAX", "1", "MAX", "1"},
    {"mul_div", "MAX", "UNIT", "0", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "UNIT", "1", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "UNIT", "UNIT", "MAX"},
    {"mul_div", "MAX", "UNIT", "2^128-1", "340282366920938463463374607431768211457000000000000000000"},
    {"mul_div", "MAX", "UNIT", "2^128+1", "340282366920938463463374607431768211455000000000000000000"},
    {"mul_div", "MAX", "UNIT", "MAX", "UNIT"},
    {"mul_div", "MAX", "2^128-1", "0", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "2^128-1", "1", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "2^128-1", "UNIT", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "2^128-1", "2^128-1", "MAX"},
    {"mul_div", "MAX", "2^128-1", "2^128+1",
     "115792089237316195423570985008687907852589419931798687112530834793049593217025"},
    {"mul_div", "MAX", "2^128-1", "MAX", "2^128-1"},
    {"mul_div", "MAX", "2^128+1", "0", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "2^128+1", "1", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "2^128+1", "UNIT", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "2^128+1", "2^128-1", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "2^128+1", "2^128+1", "MAX"},
    {"mul_div", "MAX", "2^128+1", "MAX", "2^128+1"},
    {"mul_div", "MAX", "MAX", "0", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "MAX", "1", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "MAX", "UNIT", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "MAX", "2^128-1", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "MAX", "2^128+1", "!custom:PRBMath_MulDiv_Overflow"},
    {"mul_div", "MAX", "MAX", "MAX", "MAX"},
};

uint256 edge_value(const std::string& name) {
  static const std::map<std::string, uint256> named = {
      {"UNIT-1", pm::kUnit - uint256(1u)},
      {"UNIT", pm::kUnit},
      {"UNIT+1", pm::kUnit + uint256(1u)},
      {"2e18", fp("2")},
      {"2^64-1", pow2(64) - uint256(1u)},
      {"2^64", pow2(64)},
      {"2^128-1", pow2(128) - uint256(1u)},
      {"2^128", pow2(128)},
      {"2^128+1", pow2(128) + uint256(1u)},
      {"2^192", pow2(192)},
      {"2^255", pow2(255)},
      {"MAX_WHOLE", kMaxWhole},
      {"MAX-1", kMax - uint256(1u)},
      {"MAX", kMax},
      {"192e18-1", pm::kExp2MaxInput},
      {"192e18", pm::kExp2InputLimit},
      {"192e18+1", pm::kExp2InputLimit + uint256(1u)},
      {"EXP_LIMIT-1", pm::kExpMaxInput},
      {"EXP_LIMIT", pm::kExpInputLimit},
      {"EXP_LIMIT+1", pm::kExpInputLimit + uint256(1u)},
      {"1e18*2^64-1", pm::kUnit * pow2(64) - uint256(1u)},
      {"1e18*2^64", pm::kUnit * pow2(64)},
  };
  const auto it = named.find(name);
  return it != named.end() ? it->second : uint256::from_string(name);
}

uint256 call(const std::string& fn, const uint256& a, const uint256& b, const uint256& c) {
  static const std::map<std::string, std::function<uint256(const uint256&, const uint256&, const uint256&)>> fns = {
      {"msb", [](auto& x, auto&, auto&) { return pm::msb(x); }},
      {"convert_to_uint", [](auto& x, auto&, auto&) { return pm::convert_to_uint(x); }},
      {"convert_from_uint", [](auto& x, auto&, auto&) { return pm::convert_from_uint(x); }},
      {"log2", [](auto& x, auto&, auto&) { return pm::log2(x); }},
      {"ln", [](auto& x, auto&, auto&) { return pm::ln(x); }},
      {"log10", [](auto& x, auto&, auto&) { return pm::log10(x); }},
      {"exp2", [](auto& x, auto&, auto&) { return pm::exp2(x); }},
      {"exp", [](auto& x, auto&, auto&) { return pm::exp(x); }},
      {"prb_exp2", [](auto& x, auto&, auto&) { return pm::prb_exp2(x); }},
      {"add", [](auto& x, auto& y, auto&) { return pm::add(x, y); }},
      {"sub", [](auto& x, auto& y, auto&) { return pm::sub(x, y); }},
      {"mul", [](auto& x, auto& y, auto&) { return pm::mul(x, y); }},
      {"mul_div18", [](auto& x, auto& y, auto&) { return pm::mul_div18(x, y); }},
      {"div", [](auto& x, auto& y, auto&) { return pm::div(x, y); }},
      {"pow", [](auto& x, auto& y, auto&) { return pm::pow(x, y); }},
      {"powu", [](auto& x, auto& y, auto&) { return pm::powu(x, y); }},
      {"mul_div", [](auto& x, auto& y, auto& d) { return pm::mul_div(x, y, d); }},
  };
  return fns.at(fn)(a, b, c);
}

TEST(PrbmathEdgeValues, MatchPythonReference) {
  for (const EdgeCase& e : kEdgeCases) {
    const uint256 a = edge_value(e.a);
    const uint256 b = e.b ? edge_value(e.b) : uint256();
    const uint256 c = e.c ? edge_value(e.c) : uint256();
    const std::string expected = e.expected;
    std::string got;
    try {
      got = call(e.fn, a, b, c).to_string();
    } catch (const Revert& r) {
      got = std::string("!") + to_string(r.kind()) + (r.kind() == RevertKind::custom ? ":" + r.reason() : "");
    }
    const std::string want = expected[0] == '!' ? expected : edge_value(expected).to_string();
    EXPECT_EQ(got, want) << e.fn << "(" << e.a << (e.b ? std::string(", ") + e.b : "")
                         << (e.c ? std::string(", ") + e.c : "") << ")";
  }
}

// ---------------------------------------------------------------------------
// Randomized: mul_div / mul_div18 / mul / div against Boost's 512-bit arithmetic.
// ---------------------------------------------------------------------------

class RandomWords {
 public:
  explicit RandomWords(std::uint64_t seed) : gen_(seed) {}
  /// A uint256 with a random number of significant bits (0..256), so that every limb count and
  /// fast path is exercised.
  uint256 next() {
    const unsigned bits = static_cast<unsigned>(gen_() % 257);
    uint256::limbs_type w{gen_(), gen_(), gen_(), gen_()};
    const uint256 v(w);
    return bits == 256 ? v : v & (pow2(bits) - uint256(1u));
  }
  std::uint64_t raw() { return gen_(); }

 private:
  std::mt19937_64 gen_;
};

/// What Common.mulDiv does, stated with Boost: "ok" + the quotient, or the revert's name.
std::string boost_mul_div(const uint256& x, const uint256& y, const uint256& d) {
  const boost_uint512 p = boost_uint512(x.to_boost()) * boost_uint512(y.to_boost());
  const boost_uint512 hi = p >> 256;
  if (hi == 0) {
    if (d.is_zero()) return "!division_by_zero";
  } else if (hi >= boost_uint512(d.to_boost())) {
    return "!custom:PRBMath_MulDiv_Overflow";
  }
  return boost_uint256(p / boost_uint512(d.to_boost())).str();
}

std::string boost_mul_div18(const uint256& x, const uint256& y) {
  const boost_uint512 p = boost_uint512(x.to_boost()) * boost_uint512(y.to_boost());
  if ((p >> 256) >= boost_uint512(1000000000000000000ULL)) return "!custom:PRBMath_MulDiv18_Overflow";
  return boost_uint256(p / boost_uint512(1000000000000000000ULL)).str();
}

template <class F>
std::string outcome(F&& f) {
  try {
    return f().to_string();
  } catch (const Revert& r) {
    return std::string("!") + to_string(r.kind()) + (r.kind() == RevertKind::custom ? ":" + r.reason() : "");
  }
}

TEST(PrbmathRandom, MulDivAgainstBoost) {
  RandomWords rnd(0xC0FFEE);
  for (int i = 0; i < 100000; ++i) {
    const uint256 x = rnd.next(), y = rnd.next();
    uint256 d = rnd.next();
    if (i % 7 == 0) d = uint256();
    if (i % 5 == 0) {  // a denominator right at the overflow edge: (x*y) >> 256, +1, +random
      const uint256 hi = cushion::num::mul_wide(x, y).hi;
      d = (i % 3 == 0) ? hi : cushion::num::wrapping_add(hi, uint256(rnd.raw() % 3));
    }
    ASSERT_EQ(outcome([&] { return pm::mul_div(x, y, d); }), boost_mul_div(x, y, d))
        << x.to_string() << " * " << y.to_string() << " / " << d.to_string();
  }
}

TEST(PrbmathRandom, MulDiv18AndMulAgainstBoost) {
  RandomWords rnd(0xBEEF);
  for (int i = 0; i < 100000; ++i) {
    const uint256 x = rnd.next();
    uint256 y = rnd.next();
    if (i % 4 == 0 && !x.is_zero()) {  // near the overflow edge: x * y ~ 1e18 * 2^256
      const boost_uint512 edge = (boost_uint512(1000000000000000000ULL) << 256) / boost_uint512(x.to_boost());
      const boost_uint512 jitter = boost_uint512(rnd.raw() % 5);
      const boost_uint512 yy = edge + jitter > 2 ? edge + jitter - 2 : edge;
      y = (yy >> 256) == 0 ? uint256::from_boost(boost_uint256(yy)) : uint256::max();
    }
    const std::string want = boost_mul_div18(x, y);
    ASSERT_EQ(outcome([&] { return pm::mul_div18(x, y); }), want) << x.to_string() << " * " << y.to_string();
    ASSERT_EQ(outcome([&] { return pm::mul(x, y); }), want);
  }
}

TEST(PrbmathRandom, DivAgainstBoost) {
  RandomWords rnd(0xD1D);
  for (int i = 0; i < 100000; ++i) {
    const uint256 x = rnd.next();
    const uint256 y = i % 9 == 0 ? uint256() : rnd.next();
    ASSERT_EQ(outcome([&] { return pm::div(x, y); }), boost_mul_div(x, pm::kUnit, y))
        << x.to_string() << " / " << y.to_string();
  }
}

}  // namespace
