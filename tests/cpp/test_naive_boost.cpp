// The benchmarks' naive Boost.Multiprecision peer (bench/naive_boost.hpp) computes what
// cushion computes: otherwise the comparison in bench/ and README would time two
// different things.
#include <gtest/gtest.h>

#include <random>

#include "../../bench/naive_boost.hpp"
#include "cushion/curves/exponential.hpp"

namespace {

using cushion::bench::checked_uint256;
using cushion::num::uint256;

checked_uint256 boost_of(const uint256& v) { return checked_uint256(v.to_boost()); }

TEST(NaiveBoostPeer, ExponentialBuyEqualsCushion) {
  std::mt19937_64 rng(7);
  int compared = 0;
  for (int i = 0; i < 5000; ++i) {
    // Realistic draws plus wide ones (large spot prices, steep deltas, n up to 64).
    const bool wide = i % 4 == 0;
    const uint256 spot = wide ? uint256(uint256::limbs_type{rng(), rng() >> (rng() % 64), 0, 0})
                              : uint256(1 + rng() % 100000) * uint256(1000000000000000ULL);
    const uint256 delta =
        uint256(1000000000000000000ULL + 1 + rng() % (wide ? 4000000000000000000ULL : 500000000000000000ULL));
    const uint256 fee(rng() % 100000000000000000ULL), protocol_fee(rng() % 10000000000000000ULL);
    const std::uint64_t n = wide ? rng() % 65 : 1 + rng() % 10;
    const cushion::curves::Exponential<cushion::num::Evm256> curve(spot, delta, fee, protocol_fee);
    bool cushion_reverted = false, naive_reverted = false;
    cushion::curves::Quote<cushion::curves::Exponential<cushion::num::Evm256>> q;
    cushion::bench::NaiveQuote nq;
    try {
      q = curve.buy(uint256(n));
    } catch (const cushion::num::Revert&) {
      cushion_reverted = true;
    }
    try {
      nq = cushion::bench::naive_exponential_buy(boost_of(spot), boost_of(delta), n, boost_of(fee),
                                                 boost_of(protocol_fee));
    } catch (const std::exception&) {
      naive_reverted = true;
    }
    ASSERT_EQ(cushion_reverted, naive_reverted) << "element " << i;
    if (cushion_reverted) continue;
    ASSERT_EQ(static_cast<int>(q.error), nq.error) << "element " << i;
    if (nq.error != 0) continue;
    ASSERT_EQ(boost_of(q.value), nq.value) << "element " << i;
    ASSERT_EQ(boost_of(q.trade_fee), nq.trade_fee);
    ASSERT_EQ(boost_of(q.protocol_fee), nq.protocol_fee);
    ASSERT_EQ(boost_of(q.next.spot_price()), nq.new_spot);
    ++compared;
  }
  EXPECT_GT(compared, 3000);
}

}  // namespace
