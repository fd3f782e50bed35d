// uint256, FullMath mul_div and solmate against Boost's unbounded cpp_int.
#include <gtest/gtest.h>

#include <optional>
#include <random>

#include "cushion/num/mul_div.hpp"
#include "cushion/num/solmate.hpp"

namespace {

using cushion::num::boost_uint256;
using cushion::num::kWad;
using cushion::num::Revert;
using cushion::num::RevertKind;
using cushion::num::Rounding;
using cushion::num::u128;
using cushion::num::uint256;
using big = boost::multiprecision::cpp_int;  // unbounded: the oracle

const big kMax = (big(1) << 256) - 1;

big to_big(const uint256& v) { return big(v.to_boost()); }

/// Random values with every magnitude and the edges over-represented.
class Values {
 public:
  explicit Values(std::uint64_t seed) : rng_(seed) {}
  uint256 next() {
    static const uint256 edges[] = {uint256(0u),
                                    uint256(1u),
                                    uint256(2u),
                                    kWad,
                                    uint256(1000000u),
                                    uint256::max_u128(),
                                    uint256::max_u128() + uint256(1u),
                                    uint256::max(),
                                    uint256::max() - uint256(1u),
                                    uint256(~0ULL)};
    if (rng_() % 6 == 0) return edges[rng_() % std::size(edges)];
    uint256::limbs_type w{};
    const unsigned limbs = 1 + static_cast<unsigned>(rng_() % 4);
    for (unsigned i = 0; i < limbs; ++i) w[i] = rng_();
    uint256 v(w);
    const unsigned shift = static_cast<unsigned>(rng_() % 64);
    return v >> shift;
  }

 private:
  std::mt19937_64 rng_;
};

template <class F>
std::optional<RevertKind> revert_of(F&& f) {
  try {
    f();
  } catch (const Revert& e) {
    return e.kind();
  }
  return std::nullopt;
}

TEST(Uint256, CheckedArithmeticMatchesUnboundedIntegers) {
  Values values(1);
  for (int i = 0; i < 50000; ++i) {
    const uint256 a = values.next(), b = values.next();
    const big A = to_big(a), B = to_big(b);
    if (A + B > kMax) {
      EXPECT_EQ(revert_of([&] { (void)(a + b); }), RevertKind::overflow);
    } else {
      EXPECT_EQ(to_big(a + b), A + B);
    }
    if (B > A) {
      EXPECT_EQ(revert_of([&] { (void)(a - b); }), RevertKind::underflow);
    } else {
      EXPECT_EQ(to_big(a - b), A - B);
    }
    if (A * B > kMax) {
      EXPECT_EQ(revert_of([&] { (void)(a * b); }), RevertKind::overflow);
    } else {
      EXPECT_EQ(to_big(a * b), A * B);
    }
    if (B == 0) {
      EXPECT_EQ(revert_of([&] { (void)(a / b); }), RevertKind::division_by_zero);
      EXPECT_EQ(revert_of([&] { (void)(a % b); }), RevertKind::division_by_zero);
      EXPECT_TRUE(cushion::num::evm_div(a, b).is_zero());
    } else {
      EXPECT_EQ(to_big(a / b), A / B);
      EXPECT_EQ(to_big(a % b), A % B);
    }
    EXPECT_EQ(to_big(cushion::num::wrapping_mul(a, b)), (A * B) & kMax);
    EXPECT_EQ(a < b, A < B);
    EXPECT_EQ(a == b, A == B);
    EXPECT_EQ(a.bit_length(), A == 0 ? 0u : static_cast<unsigned>(boost::multiprecision::msb(A) + 1));
  }
}

TEST(Uint256, StringsAndShifts) {
  Values values(2);
  for (int i = 0; i < 5000; ++i) {
    const uint256 a = values.next();
    EXPECT_EQ(uint256::from_string(a.to_string()), a);
    EXPECT_EQ(uint256::from_string(a.to_hex()), a);
    const unsigned s = static_cast<unsigned>(i % 300);
    EXPECT_EQ(to_big(a << s), s >= 256 ? big(0) : (to_big(a) << s) & kMax);
    EXPECT_EQ(to_big(a >> s), s >= 256 ? big(0) : to_big(a) >> s);
  }
  EXPECT_THROW(uint256::from_string("115792089237316195423570985008687907853269984665640564039457584007913129639936"),
               std::out_of_range);
  EXPECT_THROW(uint256::from_string("12a"), std::invalid_argument);
  EXPECT_EQ(uint256::from_string("0x10").limb(0), 16u);
  EXPECT_EQ(uint256(0u).to_hex(), "0x0");
}

TEST(Uint256, DivisorReciprocalIsExactForEveryWidth) {
  std::mt19937_64 rng(3);
  Values values(4);
  for (int i = 0; i < 20000; ++i) {
    std::uint64_t d = rng() >> (rng() % 64);
    if (d == 0) d = 1;
    const uint256 a = values.next();
    const auto qr = cushion::num::divmod_nonzero(a, uint256(d));
    EXPECT_EQ(to_big(qr.quot), to_big(a) / d);
    EXPECT_EQ(to_big(qr.rem), to_big(a) % d);
  }
}

TEST(MulDiv, MatchesFullMathOnRandomAndEdgeValues) {
  Values values(5);
  for (int i = 0; i < 40000; ++i) {
    const uint256 a = values.next(), b = values.next();
    uint256 d = values.next();
    if (i % 3 == 0) d = kWad;
    const big P = to_big(a) * to_big(b), D = to_big(d);
    for (const Rounding r : {Rounding::down, Rounding::up}) {
      if (D == 0) {
        EXPECT_EQ(revert_of([&] { (void)cushion::num::mul_div(a, b, d, r); }), RevertKind::division_by_zero);
        continue;
      }
      big q = P / D;
      if (r == Rounding::up && P % D != 0) q += 1;
      if (q > kMax) {
        EXPECT_EQ(revert_of([&] { (void)cushion::num::mul_div(a, b, d, r); }), RevertKind::overflow);
      } else {
        EXPECT_EQ(to_big(cushion::num::mul_div(a, b, d, r)), q) << a.to_string() << " " << b.to_string();
      }
    }
    if (D != 0) {
      EXPECT_EQ(to_big(cushion::num::mulmod(a, b, d)), P % D);
    }
  }
  EXPECT_EQ(cushion::num::mul_div(uint256::max(), uint256::max(), uint256::max()), uint256::max());
}

/// The 64-bit-denominator fast path (a < 2^128, b < 2^64, 0 < d < 2^64: basis points and
/// fee denominators) against the big-integer quotient, edges included.
TEST(MulDiv, SixtyFourBitDenominatorFastPathIsExact) {
  std::mt19937_64 rng(17);
  const std::uint64_t edges[] = {1, 2, 9999, 10000, 10001, 1000000000000000000ULL, ~0ULL - 1, ~0ULL};
  const auto draw = [&](unsigned bits) {
    const u128 v = (static_cast<u128>(rng()) << 64) | rng();
    return bits >= 128 ? v : v >> (128 - bits);
  };
  for (int i = 0; i < 60000; ++i) {
    const uint256 a = uint256::from_u128(i % 7 == 0 ? ~static_cast<u128>(0) : draw(1 + rng() % 128));
    const uint256 b(i % 5 == 0 ? edges[rng() % 8] : static_cast<std::uint64_t>(draw(1 + rng() % 64)));
    const uint256 d(i % 3 == 0 ? edges[rng() % 8]
                               : std::max<std::uint64_t>(1, static_cast<std::uint64_t>(draw(1 + rng() % 64))));
    const big P = to_big(a) * to_big(b), D = to_big(d);
    EXPECT_EQ(to_big(cushion::num::mul_div(a, b, d, Rounding::down)), P / D);
    EXPECT_EQ(to_big(cushion::num::mul_div(a, b, d, Rounding::up)), P / D + (P % D != 0 ? 1 : 0));
  }
}

TEST(Solmate, WadHelpersRevertWhereTheProductOverflows) {
  Values values(6);
  namespace sm = cushion::num::solmate;
  for (int i = 0; i < 40000; ++i) {
    const uint256 x = values.next(), y = values.next();
    const big X = to_big(x), Y = to_big(y), W = to_big(kWad);
    if (X * Y > kMax) {
      EXPECT_EQ(revert_of([&] { (void)sm::mul_wad_down(x, y); }), RevertKind::overflow);
      EXPECT_EQ(revert_of([&] { (void)sm::mul_wad_up(x, y); }), RevertKind::overflow);
    } else {
      EXPECT_EQ(to_big(sm::mul_wad_down(x, y)), X * Y / W);
      EXPECT_EQ(to_big(sm::mul_wad_up(x, y)), X * Y / W + (X * Y % W != 0 ? 1 : 0));
    }
    if (Y == 0) {
      EXPECT_EQ(revert_of([&] { (void)sm::div_wad_down(x, y); }), RevertKind::division_by_zero);
    } else if (X * W > kMax) {
      EXPECT_EQ(revert_of([&] { (void)sm::div_wad_up(x, y); }), RevertKind::overflow);
    } else {
      EXPECT_EQ(to_big(sm::div_wad_up(x, y)), X * W / Y + (X * W % Y != 0 ? 1 : 0));
    }
  }
}

/// rpow transcribed on unbounded integers (MakerDAO semantics, solmate's reverts).
std::optional<big> reference_rpow(big x, big n, const big& scalar) {
  if (x == 0) return n == 0 ? scalar : big(0);
  big z = (n & 1) != 0 ? x : scalar;
  const big half = scalar >> 1;
  for (n >>= 1; n != 0; n >>= 1) {
    if ((x >> 128) != 0) return std::nullopt;
    const big xx = x * x;
    if (xx + half > kMax) return std::nullopt;
    x = scalar == 0 ? big(0) : (xx + half) / scalar;
    if ((n & 1) != 0) {
      const big zx = z * x;
      if (zx > kMax && x != 0) return std::nullopt;
      if (zx + half > kMax) return std::nullopt;
      z = scalar == 0 ? big(0) : (zx + half) / scalar;
    }
  }
  return z;
}

TEST(Solmate, RpowMatchesTheMakerDaoAlgorithm) {
  std::mt19937_64 rng(7);
  Values values(8);
  for (int i = 0; i < 20000; ++i) {
    uint256 x = values.next() >> static_cast<unsigned>(rng() % 200);
    const uint256 n(rng() % 80);
    const uint256 scalar = i % 4 == 0 ? values.next() >> 190 : kWad;
    const auto expected = reference_rpow(to_big(x), to_big(n), to_big(scalar));
    if (!expected) {
      EXPECT_EQ(revert_of([&] { (void)cushion::num::solmate::rpow(x, n, scalar); }), RevertKind::overflow);
    } else {
      EXPECT_EQ(to_big(cushion::num::solmate::rpow(x, n, scalar)), *expected);
    }
  }
  EXPECT_EQ(cushion::num::solmate::rpow(uint256(2u) * kWad, uint256(5u), kWad), uint256(32u) * kWad);
}

}  // namespace
