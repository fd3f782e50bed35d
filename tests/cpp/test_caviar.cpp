// Caviar private pools: the weighted XYK in both number policies and compat::caviar,
// against the published vectors (caviar-private-pools test/PrivatePool/Quotes.t.sol)
// and closed forms.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "cushion/compat/caviar.hpp"

namespace {

using cushion::curves::CurveError;
using cushion::curves::WeightedXYK;
using cushion::num::Evm256;
using cushion::num::F64;
using cushion::num::kWad;
using cushion::num::Revert;
using cushion::num::RevertKind;
using cushion::num::uint256;
namespace cav = cushion::compat::caviar;

uint256 e18(std::uint64_t tokens) { return uint256(tokens) * kWad; }

RevertKind revert_kind(auto&& fn) {
  try {
    fn();
  } catch (const Revert& r) {
    return r.kind();
  }
  ADD_FAILURE() << "expected a revert";
  return RevertKind::custom;
}

TEST(Caviar, PublishedVectors) {
  // vB = 100e18, vN = 5e18, feeRate 200 bps, no protocol fee.
  const auto buy = cav::buy_quote(e18(100), e18(5), e18(1), uint256(200u), uint256());
  EXPECT_EQ(buy.value, e18(25) + kWad / uint256(2u));
  EXPECT_EQ(buy.fee, kWad / uint256(2u));
  EXPECT_TRUE(buy.protocol_fee.is_zero());
  const auto sell = cav::sell_quote(e18(100), e18(5), e18(1), uint256(200u), uint256());
  EXPECT_EQ(sell.value + sell.fee, uint256::from_string("16666666666666666666"));
  EXPECT_EQ(sell.fee, uint256::from_string("333333333333333333"));
  // vB = 10, vN = 1000, w = 10: 100 / 990 rounds up to 1 wei.
  const auto tiny = cav::buy_quote(uint256(10u), uint256(1000u), uint256(10u), uint256(200u), uint256());
  EXPECT_EQ(tiny.value, uint256(1u));
  EXPECT_TRUE(tiny.fee.is_zero());
  // changeFee 25 (0.0025 ETH) per floor NFT.
  const auto change = cav::change_fee_quote(e18(1), uint256(25u), uint256(18u), uint256(1000u));
  EXPECT_EQ(change.fee, uint256(2500000000000000ULL));
  EXPECT_EQ(change.protocol_fee, uint256(250000000000000ULL));
}

TEST(Caviar, Reverts) {
  EXPECT_EQ(revert_kind([] { cav::buy_quote(e18(100), e18(5), e18(5), uint256(200u), uint256()); }),
            RevertKind::division_by_zero);  // the last unit of weight
  EXPECT_EQ(revert_kind([] { cav::buy_quote(e18(100), e18(5), e18(6), uint256(200u), uint256()); }),
            RevertKind::underflow);
  EXPECT_EQ(revert_kind([] { cav::sell_quote(e18(100), e18(5), e18(1), uint256(5000u), uint256(6000u)); }),
            RevertKind::underflow);
  EXPECT_EQ(revert_kind([] { cav::change_fee_quote(e18(1), uint256(25u), uint256(2u), uint256()); }),
            RevertKind::underflow);  // a 2-decimal base token (Code4rena 2023-04 M-03)
  EXPECT_EQ(revert_kind([] { cav::change_quote(e18(1), e18(2), uint256(25u), uint256(18u), uint256()); }),
            RevertKind::custom);
  EXPECT_THROW(cav::buy_quote(uint256::max_u128() + uint256(1u), e18(5), e18(1), uint256(), uint256()),
               cushion::OutOfRange);
  EXPECT_THROW(cav::buy_quote(e18(1), e18(5), e18(1), uint256(5001u), uint256()), cushion::InvalidArgument);
  EXPECT_THROW(cav::buy_quote(e18(1), e18(5), e18(1), uint256(), uint256(65536u)), cushion::OutOfRange);
}

TEST(WeightedXYK, TradesMoveTheReserves) {
  const WeightedXYK<Evm256> pool(e18(100), e18(5), uint256(200u), uint256(50u));
  const auto buy = pool.buy(e18(1));
  ASSERT_TRUE(buy.ok());
  EXPECT_EQ(buy.next.base_reserve(), e18(125));  // + the xy=k input, fees excluded
  EXPECT_EQ(buy.next.nft_reserve(), e18(4));
  EXPECT_EQ(buy.items, e18(1));
  EXPECT_EQ(buy.protocol_fee, e18(25) * uint256(50u) / uint256(10000u));
  const auto sell = pool.sell(e18(1));
  EXPECT_EQ(sell.next.nft_reserve(), e18(6));
  EXPECT_EQ(sell.next.base_reserve(), e18(100) - uint256::from_string("16666666666666666666"));
  EXPECT_EQ(pool.buy(uint256()).error, CurveError::invalid_numitems);
  EXPECT_THROW(pool.buy(e18(5)), Revert);
  // f64 reports what the exact mode reverts on.
  const WeightedXYK<F64> f(100.0, 5.0, 200.0, 50.0);
  EXPECT_EQ(f.buy(5.0).error, CurveError::reverted);
  EXPECT_EQ(f.buy(6.0).error, CurveError::reverted);
  EXPECT_NEAR(f.buy(1.0).value, 25.0 * 1.025, 1e-12);
  EXPECT_THROW(WeightedXYK<F64>(1.0, 1.0, 5001.0), cushion::InvalidArgument);
  EXPECT_THROW(WeightedXYK<F64>(1.0, std::nan(""), 0.0), cushion::InvalidArgument);
}

TEST(WeightedXYK, RoundTripsNeverProfitAndPoliciesAgree) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 2000; ++i) {
    const uint256 vb = uint256(1 + rng() % 1000000) * uint256(1000000000000ULL);
    const uint256 vn = uint256(2 + rng() % 100) * kWad + uint256(rng() % 1000);
    const uint256 w = uint256(1u) + uint256(rng()) % (vn - uint256(1u));
    const uint256 fee(rng() % 5001), pfee(rng() % 1000);
    const WeightedXYK<Evm256> pool(vb, vn, fee, pfee);
    const auto bought = pool.buy(w);
    const auto back = bought.next.sell(w);
    EXPECT_LE(back.value, bought.value);
    const auto sold = pool.sell(w);
    EXPECT_GE(sold.next.buy(w).value, sold.value);
    const WeightedXYK<F64> approx(vb.to_double() / 1e18, vn.to_double() / 1e18, fee.to_double(), pfee.to_double());
    const auto qf = approx.sell(w.to_double() / 1e18);
    ASSERT_TRUE(qf.ok());
    EXPECT_NEAR(qf.value, sold.value.to_double() / 1e18, 1e-9 * qf.value + 1e-15);
  }
}

}  // namespace
