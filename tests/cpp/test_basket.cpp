// Trait baskets: premia -> weights, filters and the cheapest k, exact weights, and
// baskets on collection-index curves (fractional in f64, rounded in exact mode).
#include <gtest/gtest.h>

#include <cmath>

#include "cushion/curves/exponential.hpp"
#include "cushion/curves/linear.hpp"
#include "cushion/curves/trait_premia.hpp"

namespace {

using namespace cushion::curves;
using cushion::num::Evm256;
using cushion::num::F64;
using cushion::num::kWad;
using cushion::num::uint256;

Eigen::MatrixXd exposure() {
  Eigen::MatrixXd e(6, 3);
  e << 1, 0, 0,  //
      0, 1, 0,   //
      1, 1, 0,   //
      0, 0, 0,   //
      1, 0, 1,   //
      0, 1, 1;
  return e;
}

Eigen::VectorXd premia() { return Eigen::Vector3d(0.5, 2.0, 0.25); }

TEST(TraitModel, RulesGiveTheirClosedForms) {
  const TraitModel<AdditivePremia> add(exposure(), premia());
  const TraitModel<MultiplicativePremia> mul(exposure(), premia());
  const double additive[] = {1.5, 3.0, 3.5, 1.0, 1.75, 3.25};
  const double multiplicative[] = {1.5, 3.0, 4.5, 1.0, 1.875, 3.75};
  for (Index i = 0; i < 6; ++i) {
    EXPECT_DOUBLE_EQ(add.weights()[i], additive[i]);
    EXPECT_NEAR(mul.weights()[i], multiplicative[i], 1e-14);
  }
  EXPECT_STREQ(add.rule(), "additive");
  EXPECT_THROW(TraitModel<AdditivePremia>(exposure(), Eigen::Vector2d(1, 1)), cushion::InvalidArgument);
  EXPECT_THROW(TraitModel<AdditivePremia>(exposure(), Eigen::Vector3d(-2, 0, 0)), cushion::InvalidArgument);
  EXPECT_THROW(TraitModel<MultiplicativePremia>(exposure(), Eigen::Vector3d(-1, 0, 0)), cushion::InvalidArgument);
}

TEST(TraitModel, FiltersAndCheapest) {
  const TraitModel<> m(exposure(), premia());
  EXPECT_EQ(m.matching(TraitFilter{{0}, {}, {}}), (std::vector<Index>{0, 2, 4}));
  EXPECT_EQ(m.matching(TraitFilter{{}, {1, 2}, {0}}), (std::vector<Index>{1, 5}));
  EXPECT_EQ(m.cheapest(3, TraitFilter{}), (std::vector<Index>{3, 0, 4}));
  const std::vector<Index> pool_items{5, 2};
  EXPECT_EQ(m.cheapest(1, TraitFilter{{1}, {}, {}}, std::span<const Index>(pool_items)), (std::vector<Index>{5}));
  const std::vector<Index> none;
  EXPECT_TRUE(m.matching(TraitFilter{}, std::span<const Index>(none)).empty());  // no candidates, not "all"
  EXPECT_THROW(m.cheapest(4, TraitFilter{{0}, {}, {}}), cushion::InvalidArgument);
  EXPECT_THROW(m.matching(TraitFilter{{3}, {}, {}}), cushion::InvalidArgument);
}

TEST(TraitModel, ExactWeightsRoundHalfToEven) {
  EXPECT_EQ(to_wad(1.5), uint256(1500000000000000000ULL));
  EXPECT_EQ(to_wad(0.0), uint256());
  EXPECT_EQ(to_wad(1e-18), uint256(1u));
  // 2^-19 * 1e18 = 5^18 / 2 = 1907348632812.5 exactly: a tie, rounded to the even neighbour.
  EXPECT_EQ(to_wad(std::ldexp(1.0, -19)), uint256(1907348632812ULL));
  EXPECT_EQ(to_wad(std::ldexp(3.0, -19)), uint256(5722045898438ULL));  // 5722045898437.5 -> even
  EXPECT_EQ(to_wad(std::ldexp(1.0, 100)), (uint256(1u) << 100u) * kWad);
  EXPECT_THROW(to_wad(-1.0), cushion::InvalidArgument);
  EXPECT_THROW(to_wad(1e60), cushion::OutOfRange);
}

TEST(Basket, FloorEquivalentQuantity) {
  const Linear<F64> f(1.0, 0.05, 0.005);
  const auto q = buy_basket(f, 2.7);  // fractional: the closed form at n = 2.7
  EXPECT_EQ(q.value, f.buy(2.7).value);
  EXPECT_LT(f.buy(2.0).value, q.value);
  EXPECT_LT(q.value, f.buy(3.0).value);
  const Linear<Evm256> e(kWad, kWad / uint256(10u));
  const uint256 w = uint256(27u) * kWad / uint256(10u);
  EXPECT_EQ(buy_basket(e, w).items, uint256(3u));   // ceil: the buyer pays for every started item
  EXPECT_EQ(sell_basket(e, w).items, uint256(2u));  // floor: the seller is paid for whole items
  EXPECT_EQ(sell_basket(e, kWad - uint256(1u)).error, CurveError::invalid_numitems);
  EXPECT_EQ(floor_equivalent<Evm256>(uint256(3u) * kWad, Side::buy), uint256(3u));
}

TEST(Basket, CheapestOnAWeightedPool) {
  const TraitModel<> m(exposure(), premia());
  const WeightedXYK<F64> pool(100.0, 20.0, 100.0);
  const auto q = buy_cheapest(m, pool, 2, TraitFilter{{}, {1}, {}});
  EXPECT_EQ(q.items, (std::vector<Index>{1, 5}));
  EXPECT_DOUBLE_EQ(q.weight_sum, 6.25);
  EXPECT_EQ(q.quote.value, pool.buy(6.25).value);
  const WeightedXYK<Evm256> exact(uint256(100u) * kWad, uint256(20u) * kWad, uint256(100u));
  const auto qe = buy_cheapest(m, exact, 2, TraitFilter{{}, {1}, {}});
  EXPECT_EQ(qe.weight_sum, uint256(625u) * kWad / uint256(100u));
  EXPECT_NEAR(qe.quote.value.to_double() / 1e18, q.quote.value, 1e-12 * q.quote.value);
}

}  // namespace
