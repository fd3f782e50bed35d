// The collection-index curves: sudoswap's published vectors, error codes, and
// agreement between the f64 and exact number policies.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "cushion/compat/sudoswap.hpp"

namespace {

using cushion::curves::CurveError;
using cushion::num::Evm256;
using cushion::num::F64;
using cushion::num::kWad;
using cushion::num::uint256;
namespace sudo = cushion::compat::sudoswap;

uint256 e18(std::uint64_t milli) { return uint256(milli) * uint256(1000000000000000ULL); }  // milli-tokens -> wei

const uint256 kFee = uint256(5000000000000000ULL);          // 0.5%
const uint256 kProtocolFee = uint256(3000000000000000ULL);  // 0.3%

TEST(Sudoswap, PublishedVectors) {
  struct Vector {
    sudo::CurveKind kind;
    bool buy;
    uint256 spot, delta, new_spot, value, protocol_fee;
  };
  const Vector vectors[] = {
      {sudo::CurveKind::linear, true, e18(3000), e18(100), e18(3500), e18(16632), uint256(49500000000000000ULL)},
      {sudo::CurveKind::linear, false, e18(3000), e18(100), e18(2500), e18(13888), e18(42)},
      {sudo::CurveKind::exponential, true, e18(3000), e18(2000), e18(96000), e18(187488), e18(558)},
      {sudo::CurveKind::exponential, false, e18(3000), e18(2000), uint256(93750000000000000ULL), e18(5766),
       uint256(17437500000000000ULL)},
  };
  for (const auto& v : vectors) {
    const auto info = v.buy ? sudo::get_buy_info(v.kind, v.spot, v.delta, uint256(5u), kFee, kProtocolFee)
                            : sudo::get_sell_info(v.kind, v.spot, v.delta, uint256(5u), kFee, kProtocolFee);
    EXPECT_EQ(info.error, CurveError::ok);
    EXPECT_EQ(info.new_spot_price, v.new_spot);
    EXPECT_EQ(info.new_delta, v.delta);
    EXPECT_EQ(info.value, v.value);
    EXPECT_EQ(info.protocol_fee, v.protocol_fee);
  }
  // XYK without fees: x = 0.8e18, y = 5, n = 3.
  EXPECT_EQ(sudo::get_buy_info(sudo::CurveKind::xyk, e18(800), uint256(5u), uint256(3u), uint256(), uint256()).value,
            e18(1200));
  EXPECT_EQ(sudo::get_sell_info(sudo::CurveKind::xyk, e18(800), uint256(5u), uint256(3u), uint256(), uint256()).value,
            e18(300));
}

TEST(Sudoswap, ErrorsZeroEveryOtherField) {
  const auto info = sudo::get_buy_info(sudo::CurveKind::xyk, e18(800), uint256(5u), uint256(5u), kFee, kProtocolFee);
  EXPECT_EQ(info.error, CurveError::invalid_numitems);
  EXPECT_TRUE(info.new_spot_price.is_zero() && info.new_delta.is_zero() && info.value.is_zero());
  EXPECT_EQ(
      sudo::get_buy_info(sudo::CurveKind::linear, uint256::max_u128(), uint256(1u), uint256(1u), kFee, kProtocolFee)
          .error,
      CurveError::spot_price_overflow);
  EXPECT_THROW(sudo::get_buy_info(sudo::CurveKind::linear, uint256::max_u128() + uint256(1u), uint256(1u), uint256(1u),
                                  kFee, kProtocolFee),
               cushion::OutOfRange);
}

TEST(Curves, QuotesAreValuesAndChain) {
  const cushion::curves::Exponential<Evm256> curve(e18(3000), e18(2000), kFee, kProtocolFee);
  const auto two = curve.buy(uint256(2u));
  const auto three = two.next.buy(uint256(3u));
  EXPECT_EQ(three.next.spot_price(), curve.buy(uint256(5u)).next.spot_price());
  EXPECT_EQ(curve.spot_price(), e18(3000));  // the original is untouched
  const auto failed = curve.buy(uint256(0u));
  EXPECT_EQ(failed.error, CurveError::invalid_numitems);
  EXPECT_EQ(failed.next.spot_price(), curve.spot_price());
}

TEST(Curves, LinearSellStopsAtZeroPrice) {
  const cushion::curves::Linear<F64> curve(1.0, 0.5);
  const auto q = curve.sell(10.0);
  EXPECT_EQ(q.error, CurveError::ok);
  EXPECT_DOUBLE_EQ(q.items, 3.0);
  EXPECT_DOUBLE_EQ(q.value, 1.5);
  EXPECT_DOUBLE_EQ(q.next.spot_price(), 0.0);
}

TEST(Curves, F64ReportsWhatExactWouldRevert) {
  EXPECT_EQ(cushion::curves::Linear<F64>(1.0, 0.0, 0.6, 0.6).sell(1.0).error, CurveError::reverted);
  EXPECT_EQ(cushion::curves::Exponential<F64>(1.0, 1.0).buy(2.0).error, CurveError::reverted);
  EXPECT_EQ(cushion::curves::Exponential<F64>(1.0, 0.9).buy(2.0).error, CurveError::reverted);
  EXPECT_THROW((cushion::curves::Exponential<Evm256>(kWad, kWad).buy(uint256(2u))), cushion::num::Revert);
  EXPECT_THROW(cushion::curves::Linear<F64>(-1.0, 0.5), cushion::InvalidArgument);
  EXPECT_THROW(cushion::curves::Linear<F64>(std::nan(""), 0.5), cushion::InvalidArgument);
}

/// The f64 policy is the rounding-free version of the exact one: on realistic
/// parameters the two agree to 1e-12 relative (plus a few wei of exact rounding).
template <template <class> class Curve, class MakeF, class MakeE>
void expect_policies_agree(MakeF make_f64, MakeE make_exact, std::mt19937_64& rng, int cases) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int i = 0; i < cases; ++i) {
    const double u1 = unit(rng), u2 = unit(rng);
    const auto n = static_cast<std::uint64_t>(1 + rng() % 20);
    const Curve<F64> f = make_f64(u1, u2);
    const Curve<Evm256> e = make_exact(f);
    for (const bool buy : {true, false}) {
      const auto qf = buy ? f.buy(static_cast<double>(n)) : f.sell(static_cast<double>(n));
      try {
        const auto qe = buy ? e.buy(uint256(n)) : e.sell(uint256(n));
        if (!qf.ok() || !qe.ok()) continue;
        const double exact = qe.value.to_double() / 1e18;
        EXPECT_NEAR(qf.value, exact, 1e-12 * std::abs(exact) + 1e-15) << Curve<F64>::kind << " buy=" << buy;
      } catch (const cushion::num::Revert&) {
      }
    }
  }
}

uint256 wei(double tokens) {
  return uint256::from_boost(cushion::num::boost_uint256(std::llround(tokens * 1e6)) *
                             cushion::num::boost_uint256(1000000000000ULL));
}

TEST(Curves, F64AndExactAgree) {
  std::mt19937_64 rng(11);
  using cushion::curves::Exponential;
  using cushion::curves::Linear;
  using cushion::curves::XYK;
  // Values on a 1e-6 token grid so that both policies see exactly the same inputs.
  auto grid = [](double v) { return std::round(v * 1e6) / 1e6; };
  expect_policies_agree<Linear>(
      [&](double a, double b) { return Linear<F64>(grid(0.1 + 50 * a), grid(0.001 + b), 0.005, 0.003); },
      [&](const Linear<F64>& f) { return Linear<Evm256>(wei(f.spot_price()), wei(f.delta()), kFee, kProtocolFee); },
      rng, 2000);
  expect_policies_agree<Exponential>(
      [&](double a, double b) { return Exponential<F64>(grid(0.1 + 50 * a), grid(1.001 + b), 0.005, 0.003); },
      [&](const Exponential<F64>& f) {
        return Exponential<Evm256>(wei(f.spot_price()), wei(f.delta()), kFee, kProtocolFee);
      },
      rng, 2000);
  expect_policies_agree<XYK>(
      [&](double a, double b) { return XYK<F64>(grid(1 + 500 * a), std::floor(25 + 500 * b), 0.005, 0.003); },
      [&](const XYK<F64>& f) {
        return XYK<Evm256>(wei(f.token_reserve()), uint256(static_cast<std::uint64_t>(f.nft_reserve())), kFee,
                           kProtocolFee);
      },
      rng, 2000);
}

}  // namespace
