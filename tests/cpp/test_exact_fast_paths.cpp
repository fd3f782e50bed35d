// The 128-bit fast paths of the exact mode (num/wad128.hpp, Exponential::buy/sell) against
// the checked uint256 code they stand in for.  A fast path must return exactly what the
// general path returns, or decline; these tests draw operands across every bit length
// (not only realistic prices) so that each decline boundary — 64-bit intermediates,
// products past 2^128, quotients past 2^128, ceilings that carry — is crossed both ways.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <random>

#include "cushion/curves/exponential.hpp"
#include "cushion/num/solmate.hpp"
#include "cushion/num/wad128.hpp"

namespace {

using cushion::num::RevertKind;
using cushion::num::u128;
using cushion::num::uint256;
namespace w = cushion::num::wad128;
namespace solmate = cushion::num::solmate;
using Curve = cushion::curves::Exponential<cushion::num::Evm256>;
using Quote = cushion::curves::Quote<Curve>;

constexpr std::uint64_t kWad = 1000000000000000000ULL;

/// A value of `bits` significant bits (0 gives 0), uniformly random below that.
u128 of_bits(std::mt19937_64& rng, unsigned bits) {
  if (bits == 0) return 0;
  const u128 r = (static_cast<u128>(rng()) << 64) | rng();
  const u128 top = static_cast<u128>(1) << (bits - 1);
  return top | (bits == 1 ? 0 : (r & (top - 1)));
}

/// Mostly log-uniform over 0..128 bits; sometimes WAD-scale values and their neighbours.
u128 draw(std::mt19937_64& rng) {
  switch (rng() % 4) {
    case 0:
      return static_cast<u128>(kWad) + (rng() % 3) - 1;
    case 1:
      return static_cast<u128>(kWad) * (1 + rng() % 100) + rng() % 1000000;
    default:
      return of_bits(rng, static_cast<unsigned>(rng() % 129));
  }
}

std::optional<uint256> checked(auto fn) {
  try {
    return fn();
  } catch (const cushion::num::Revert&) {
    return std::nullopt;
  }
}

TEST(WadFastPaths, MulWadEqualsSolmateOrDeclines) {
  std::mt19937_64 rng(11);
  int fast = 0;
  for (int i = 0; i < 200000; ++i) {
    const u128 x = draw(rng), y = draw(rng);
    for (const bool up : {false, true}) {
      u128 got = 0;
      const bool taken = w::mul_wad(x, y, up, &got);
      const uint256 X = uint256::from_u128(x), Y = uint256::from_u128(y);
      const uint256 want = up ? solmate::mul_wad_up(X, Y) : solmate::mul_wad_down(X, Y);
      if (taken) {
        ++fast;
        ASSERT_EQ(uint256::from_u128(got), want) << "x=" << X.to_string() << " y=" << Y.to_string() << " up=" << up;
      } else {
        ASSERT_FALSE(want.fits_u128()) << "declined a 128-bit result: x=" << X.to_string() << " y=" << Y.to_string();
      }
    }
  }
  EXPECT_GT(fast, 200000);
}

TEST(WadFastPaths, MulWadAtTheTopOf128Bits) {
  const u128 max = ~static_cast<u128>(0);
  u128 got = 0;
  // x * 1e18 / 1e18 is exact: the result is x itself, even at the top (no ceiling carry).
  ASSERT_TRUE(w::mul_wad(max, kWad, true, &got));
  EXPECT_EQ(got, max);
  // One wei more per WAD and the result needs 129 bits: the general path's to decide.
  EXPECT_FALSE(w::mul_wad(max, kWad + 1, false, &got));
  EXPECT_FALSE(w::mul_wad(max, kWad + 1, true, &got));
  // (2^128 - 1) * (1e18 - 1) / 1e18 fits, with a remainder: floor and ceiling differ by one.
  u128 down = 0, up = 0;
  ASSERT_TRUE(w::mul_wad(max, kWad - 1, false, &down));
  ASSERT_TRUE(w::mul_wad(max, kWad - 1, true, &up));
  EXPECT_EQ(up, down + 1);
  EXPECT_EQ(uint256::from_u128(up), solmate::mul_wad_up(uint256::from_u128(max), uint256(kWad - 1)));
}

TEST(WadFastPaths, RpowEqualsSolmateOrDeclines) {
  std::mt19937_64 rng(12);
  int fast = 0;
  for (int i = 0; i < 100000; ++i) {
    const u128 x = i % 2 ? static_cast<u128>(kWad) + of_bits(rng, static_cast<unsigned>(rng() % 64)) : draw(rng);
    const u128 n = i % 5 == 0 ? of_bits(rng, static_cast<unsigned>(rng() % 12)) : rng() % 20;
    u128 got = 0;
    const bool taken = w::rpow(x, n, &got);
    const auto want =
        checked([&] { return solmate::rpow(uint256::from_u128(x), uint256::from_u128(n), cushion::num::kWad); });
    if (taken) {
      ++fast;
      ASSERT_TRUE(want.has_value()) << "fast rpow returned where solmate reverts";
      ASSERT_EQ(uint256::from_u128(got), *want)
          << "x=" << uint256::from_u128(x).to_string() << " n=" << static_cast<unsigned>(n);
    }
  }
  EXPECT_GT(fast, 30000);
}

void expect_same(const std::function<Quote()>& fast, const std::function<Quote()>& reference, const Curve& c,
                 std::uint64_t n) {
  std::optional<Quote> a, b;
  std::optional<RevertKind> ka, kb;
  try {
    a = fast();
  } catch (const cushion::num::Revert& r) {
    ka = r.kind();
  }
  try {
    b = reference();
  } catch (const cushion::num::Revert& r) {
    kb = r.kind();
  }
  const std::string where = "spot=" + c.spot_price().to_string() + " delta=" + c.delta().to_string() +
                            " fee=" + c.fee().to_string() + " protocol_fee=" + c.protocol_fee().to_string() +
                            " n=" + std::to_string(n);
  ASSERT_EQ(ka.has_value(), kb.has_value()) << where;
  if (ka) {
    ASSERT_EQ(*ka, *kb) << where;
    return;
  }
  ASSERT_EQ(a->error, b->error) << where;
  ASSERT_EQ(a->value, b->value) << where;
  ASSERT_EQ(a->trade_fee, b->trade_fee) << where;
  ASSERT_EQ(a->protocol_fee, b->protocol_fee) << where;
  ASSERT_EQ(a->items, b->items) << where;
  ASSERT_EQ(a->next.spot_price(), b->next.spot_price()) << where;
  ASSERT_EQ(a->next.delta(), b->next.delta()) << where;
}

TEST(ExponentialFastPath, BuyAndSellEqualTheGeneralPath) {
  std::mt19937_64 rng(13);
  for (int i = 0; i < 60000; ++i) {
    const bool realistic = i % 2 == 0;
    const uint256 spot =
        uint256::from_u128(realistic ? static_cast<u128>(kWad / 1000) * (1 + rng() % 100000) : draw(rng));
    const uint256 delta = uint256::from_u128(realistic ? kWad + 1 + rng() % (kWad / 2) : draw(rng));
    const uint256 fee = uint256::from_u128(realistic ? rng() % (kWad / 10) : draw(rng));
    const uint256 protocol_fee = uint256::from_u128(realistic ? rng() % (kWad / 100) : draw(rng));
    const std::uint64_t n = i % 7 == 0 ? rng() % 300 : rng() % 17;
    const Curve c(spot, delta, fee, protocol_fee);
    const uint256 items(n);
    expect_same([&] { return c.buy(items); }, [&] { return c.buy_reference(items); }, c, n);
    expect_same([&] { return c.sell(items); }, [&] { return c.sell_reference(items); }, c, n);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
