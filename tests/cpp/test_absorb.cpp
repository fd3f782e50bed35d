// Absorption caps, the ledger, absorb_sell and the cushion pool.
//
// Oracles: hand-computed caps (exact rounding spelled out); a brute-force replay of every
// fill booked (usage per block, sums over the window) against which the ledger and the caps
// are checked; quantity conservation; the curve's own quotes for what a fill pays.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

#include "cushion/absorb/cushion_pool.hpp"
#include "cushion/curves/exponential.hpp"
#include "cushion/curves/linear.hpp"
#include "cushion/curves/xyk.hpp"

namespace {

using cushion::InvalidArgument;
using cushion::absorb::AbsorptionCap;
using cushion::absorb::AbsorptionLedger;
using cushion::absorb::CapRange;
using cushion::absorb::Limit;
using cushion::num::Evm256;
using cushion::num::F64;
using cushion::num::uint256;
using cushion::spread::HalfSpread;
using cushion::spread::StressedCurve;

constexpr std::uint8_t flag(Limit l) { return static_cast<std::uint8_t>(l); }
const uint256 kWad = cushion::num::kWad;

AbsorptionCap<F64> items_cap(double block_calm, double block_severe, double window_calm, double window_severe,
                             std::uint32_t window = 5) {
  return AbsorptionCap<F64>(CapRange<F64>{block_calm, block_severe}, {}, CapRange<F64>{window_calm, window_severe}, {},
                            window, 1.0);
}

TEST(AbsorptionCap, ShrinksWithStress) {
  const AbsorptionCap<F64> cap(CapRange<F64>{10.0, 2.0}, CapRange<F64>{100.0, 40.0}, {}, {}, 300, 2.0);
  EXPECT_EQ(cap.at(0.0).block_items, 10.0);
  EXPECT_EQ(cap.at(1.0).block_items, 2.0);
  EXPECT_DOUBLE_EQ(cap.at(0.5).block_items, 10.0 - 8.0 * 0.25);
  EXPECT_DOUBLE_EQ(cap.at(0.5).block_notional, 100.0 - 60.0 * 0.25);
  EXPECT_TRUE(std::isinf(cap.at(0.5).window_items));
  EXPECT_THROW((AbsorptionCap<F64>(CapRange<F64>{1.0, 2.0}, {}, {}, {}, 10, 1.0)), InvalidArgument);  // severe > calm
  EXPECT_THROW((AbsorptionCap<F64>(CapRange<F64>{INFINITY, 2.0}, {}, {}, {}, 10, 1.0)), InvalidArgument);
  EXPECT_THROW((AbsorptionCap<F64>({}, {}, {}, {}, 0, 1.0)), InvalidArgument);  // window >= 1
}

TEST(AbsorptionCap, ExactRoundsTheCapDown) {
  using R = CapRange<Evm256>;
  const AbsorptionCap<Evm256> cap(R{uint256(10u), uint256(3u)}, {}, {}, {}, 300, uint256(1u));
  // cut = ceil((10 - 3) * 0.5) = ceil(3.5) = 4: cap 6 (f64: 6.5)
  EXPECT_EQ(cap.at(kWad / uint256(2u)).block_items, uint256(6u));
  EXPECT_EQ(cap.at(uint256()).block_items, uint256(10u));
  EXPECT_EQ(cap.at(kWad).block_items, uint256(3u));
  EXPECT_EQ(cap.at(uint256(1u)).block_items, uint256(9u));  // the smallest stress already cuts one item
  EXPECT_EQ(cap.at(kWad).window_items, uint256::max());     // unlimited stays unlimited
  // q = 2: s^2 rounded up, then the cut rounded up: s = 0.3 -> sp = 0.09 -> cut = ceil(7 * 0.09) = 1.
  const AbsorptionCap<Evm256> curved(R{uint256(10u), uint256(3u)}, {}, {}, {}, 300, uint256(2u));
  EXPECT_EQ(curved.at(uint256(300000000000000000ULL)).block_items, uint256(9u));
}

TEST(AbsorptionLedger, TracksBlocksAndTheRollingWindow) {
  AbsorptionLedger<F64> l(items_cap(10, 10, 20, 20, 3));
  l.record(100, 4, 40);
  l.record(100, 1, 10);
  EXPECT_EQ(l.block_usage().items, 5.0);
  l.record(101, 6, 60);
  l.record(102, 7, 70);
  EXPECT_EQ(l.window_usage().items, 18.0);     // blocks 100..102
  EXPECT_EQ(l.headroom(102, 0.0).items, 2.0);  // window binds: 20 - 18 (block: 10 - 7 = 3)
  EXPECT_EQ(l.headroom(102, 0.0).items_limit, flag(Limit::window_items));
  EXPECT_EQ(l.headroom(103, 0.0).items, 7.0);  // block 100 leaves: 20 - 13 = 7 (block: 10)
  EXPECT_EQ(l.window_usage().items, 18.0);     // headroom() does not move the ledger
  l.advance_to(104);
  EXPECT_EQ(l.window_usage().items, 7.0);  // blocks 102..104
  EXPECT_EQ(l.usage_at(102).notional, 70.0);
  EXPECT_EQ(l.usage_at(101).items, 0.0);  // outside the window
  const auto hist = l.window_history();
  ASSERT_EQ(hist.size(), 3u);
  EXPECT_EQ(hist[0].items, 7.0);  // oldest first: 102, 103, 104
  l.advance_to(1000);
  EXPECT_EQ(l.window_usage().items, 0.0);
  EXPECT_THROW(l.record(999, 1, 1), InvalidArgument);
  EXPECT_THROW(l.headroom(999, 0.0), InvalidArgument);
  const auto restored = AbsorptionLedger<F64>::restore(l.cap(), true, l.block(), l.window_history());
  EXPECT_TRUE(restored == l);
}

TEST(AbsorptionLedger, ShrinkingCapSaturatesAtZero) {
  AbsorptionLedger<F64> l(items_cap(10, 2, 100, 100));
  l.record(1, 8, 8);
  const auto h = l.headroom(1, 1.0);  // cap 2, already 8 absorbed
  EXPECT_EQ(h.items, 0.0);
  EXPECT_EQ(h.items_limit, flag(Limit::block_items));
}

/// Replays booked fills to check the caps independently of the ledger's own sums.
struct Replay {
  std::map<std::uint64_t, double> items, notional;
  double window_items(std::uint64_t b, std::uint32_t w) const {
    double s = 0;
    for (const auto& [blk, v] : items)
      if (blk <= b && b - blk < w) s += v;
    return s;
  }
  double window_notional(std::uint64_t b, std::uint32_t w) const {
    double s = 0;
    for (const auto& [blk, v] : notional)
      if (blk <= b && b - blk < w) s += v;
    return s;
  }
};

TEST(AbsorbSell, ConservesAndNeverExceedsTheCapsF64) {
  std::mt19937_64 rng(4);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int trial = 0; trial < 30; ++trial) {
    const AbsorptionCap<F64> cap(CapRange<F64>{5.0 + 10 * u(rng), 1.0 + u(rng)}, CapRange<F64>{20.0, 5.0},
                                 CapRange<F64>{30.0, 8.0}, CapRange<F64>{60.0, 20.0},
                                 1 + static_cast<std::uint32_t>(rng() % 10), 1.0 + u(rng));
    AbsorptionLedger<F64> ledger(cap);
    cushion::curves::XYK<F64> curve(200.0, 200.0, 0.005, 0.0);
    Replay replay;
    std::uint64_t block = 10;
    for (int i = 0; i < 300; ++i) {
      block += rng() % 3;  // several orders per block, and gaps
      const double s = u(rng);
      const double n = 10 * u(rng) * u(rng);
      const StressedCurve<std::remove_cvref_t<decltype(curve)>> sc(curve, HalfSpread<F64>(), s);
      const auto r = cushion::absorb::absorb_sell(sc, ledger, block, n);
      ASSERT_EQ(r.filled + r.remainder, n) << "trial " << trial << " order " << i;
      ASSERT_GE(r.filled, 0.0);
      ASSERT_GE(r.remainder, 0.0);
      if (r.filled > 0) {
        ASSERT_EQ(r.proceeds, sc.sell(r.filled).value);  // paid exactly as the stressed curve quotes the fill
        replay.items[block] += r.filled;
        replay.notional[block] += r.proceeds;
      }
      if (r.remainder > 0) {
        ASSERT_NE(r.limited_by, 0) << "an order was cut without a reason";
      }
      // A fill never takes usage past the caps at the fill's stress.  (A cap that shrank
      // below what was absorbed earlier, at lower stress, only stops further fills.)
      const auto caps = cap.at(s);
      const double tol = 1e-9;
      if (r.filled > 0) {
        ASSERT_LE(replay.items[block], caps.block_items + tol);
        ASSERT_LE(replay.notional[block], caps.block_notional + tol);
        ASSERT_LE(replay.window_items(block, cap.window_blocks()), caps.window_items + tol);
        ASSERT_LE(replay.window_notional(block, cap.window_blocks()), caps.window_notional + tol);
      }
      ASSERT_NEAR(ledger.window_usage().items, replay.window_items(block, cap.window_blocks()), 1e-9);
      curve = r.next.curve();
    }
  }
}

TEST(AbsorbSell, ExactConservesAndFillsTheLargestAmountUnderTheNotionalCap) {
  using R = CapRange<Evm256>;
  std::mt19937_64 rng(8);
  const uint256 one = kWad;
  for (int trial = 0; trial < 200; ++trial) {
    const uint256 notional_cap = one * uint256(1u + rng() % 20);
    const AbsorptionCap<Evm256> cap(R{uint256(5u + rng() % 10), uint256(2u)},
                                    R{notional_cap, notional_cap / uint256(2u)}, {}, {}, 300, uint256(1u));
    AbsorptionLedger<Evm256> ledger(cap);
    const cushion::curves::Exponential<Evm256> curve(one * uint256(1u + rng() % 5), uint256(1100000000000000000ULL),
                                                     uint256(5000000000000000ULL), uint256());
    const uint256 s = uint256(rng() % 1000000000000000001ULL);
    const StressedCurve<std::remove_cvref_t<decltype(curve)>> sc(curve, HalfSpread<Evm256>(), s);
    const uint256 n(1u + rng() % 30);
    const auto r = cushion::absorb::absorb_sell(sc, ledger, 7, n);
    ASSERT_EQ(r.filled + r.remainder, n);
    const auto head = cap.at(s);
    ASSERT_LE(r.filled, head.block_items);
    ASSERT_LE(r.proceeds, head.block_notional);
    if (!r.filled.is_zero()) {
      ASSERT_EQ(r.proceeds, sc.sell(r.filled).value);
    }
    // Maximal: one more item would break a cap (items, notional) or the order itself.
    const uint256 more = r.filled + uint256(1u);
    if (more <= n && more <= head.block_items) {
      ASSERT_GT(sc.sell(more).value, head.block_notional) << trial;
      ASSERT_TRUE(r.limited_by & flag(Limit::block_notional));
    }
    ASSERT_EQ(ledger.block_usage().items, r.filled);
    ASSERT_EQ(ledger.block_usage().notional, r.proceeds);
  }
}

TEST(AbsorbSell, CurveLimitsAreReported) {
  // A linear curve stops selling at price zero: 1.0, 0.5, 0.0 -> 3 items, the rest returned.
  AbsorptionLedger<F64> ledger;
  const StressedCurve<cushion::curves::Linear<F64>> lin(cushion::curves::Linear<F64>(1.0, 0.5), HalfSpread<F64>(), 0.0);
  const auto r = cushion::absorb::absorb_sell(lin, ledger, 1, 10.0);
  EXPECT_EQ(r.filled, 3.0);
  EXPECT_EQ(r.remainder, 7.0);
  EXPECT_EQ(r.limited_by, flag(Limit::curve));
  // A fractional order past the zero price: the linear curve would round the count up (sell
  // 1 item for an order of 0.5), which a fill may never do; the largest fill below is taken.
  AbsorptionLedger<F64> l2;
  const StressedCurve<cushion::curves::Linear<F64>> low(cushion::curves::Linear<F64>(0.3, 1.0), HalfSpread<F64>(), 0.0);
  const auto frac = cushion::absorb::absorb_sell(low, l2, 1, 0.5);
  EXPECT_LE(frac.filled, 0.5);
  EXPECT_EQ(frac.filled + frac.remainder, 0.5);
  EXPECT_TRUE(frac.limited_by & flag(Limit::curve));
  // An exponential curve may not sell below MIN_PRICE: the search finds the largest sale.
  const cushion::curves::Exponential<Evm256> e(uint256(1000000000u), uint256(2000000000000000000ULL));
  AbsorptionLedger<Evm256> el;
  const StressedCurve<std::remove_cvref_t<decltype(e)>> se(e, HalfSpread<Evm256>(), uint256());
  const auto re = cushion::absorb::absorb_sell(se, el, 1, uint256(20u));
  EXPECT_EQ(re.curve_error, cushion::curves::CurveError::spot_price_underflow);
  EXPECT_TRUE(re.limited_by & flag(Limit::curve));
  EXPECT_EQ(re.filled, uint256(9u));  // 1e9 / 2^9 >= 1e6 > 1e9 / 2^10
  EXPECT_EQ(re.filled + re.remainder, uint256(20u));
  EXPECT_TRUE(se.sell(uint256(10u)).error == cushion::curves::CurveError::spot_price_underflow);
}

TEST(AbsorbSell, ExactRevertLeavesLedgerAndCurveUntouched) {
  // Unlimited caps let the ledger's checked sums reach 2^256: the booking reverts, and (as the
  // reverted call on chain) neither the ledger nor the caller's curve may have moved, not even
  // to the order's block.
  using Curve = cushion::curves::Exponential<Evm256>;
  AbsorptionLedger<Evm256> ledger;  // everything unlimited, window 300
  ledger.record(5, uint256::max() - uint256(1u), uint256());
  const AbsorptionLedger<Evm256> before = ledger;
  Curve curve(kWad, uint256(1100000000000000000ULL));
  const Curve curve_before = curve;
  const HalfSpread<Evm256> spread;
  EXPECT_THROW(cushion::absorb::absorb_into(curve, spread, uint256(), spread.at(uint256()), ledger, 9, uint256(3u)),
               cushion::num::Revert);
  EXPECT_TRUE(ledger == before);
  EXPECT_EQ(ledger.block(), 5u);
  EXPECT_EQ(curve.spot_price(), curve_before.spot_price());
  // A direct record that overflows only the notional sum changes nothing either.
  ledger.record(5, uint256(), uint256::max());
  const AbsorptionLedger<Evm256> full = ledger;
  EXPECT_THROW(ledger.record(8, uint256(1u), uint256(1u)), cushion::num::Revert);
  EXPECT_TRUE(ledger == full);
  EXPECT_EQ(ledger.block_usage().items, uint256::max() - uint256(1u));
  // An order that fills nothing still happened at its block: the ledger moves there.
  const auto none = cushion::absorb::absorb_into(curve, spread, uint256(), spread.at(uint256()), ledger, 9, uint256());
  EXPECT_TRUE(none.filled.is_zero());
  EXPECT_EQ(ledger.block(), 9u);
  EXPECT_EQ(curve.spot_price(), curve_before.spot_price());
}

TEST(AbsorbSell, ZeroOrdersAndWholeItems) {
  AbsorptionLedger<F64> ledger(items_cap(2.5, 2.5, 100, 100));
  const StressedCurve<cushion::curves::XYK<F64>> c(cushion::curves::XYK<F64>(100.0, 100.0), HalfSpread<F64>(), 0.2);
  const auto zero = cushion::absorb::absorb_sell(c, ledger, 3, 0.0);
  EXPECT_EQ(zero.filled, 0.0);
  EXPECT_EQ(zero.remainder, 0.0);
  EXPECT_EQ(zero.limited_by, 0);
  const auto whole = cushion::absorb::absorb_sell(c, ledger, 3, 4.7, true);
  EXPECT_EQ(whole.filled, 2.0);  // cap 2.5 floored to whole items
  EXPECT_DOUBLE_EQ(whole.remainder, 2.7);
  EXPECT_EQ(whole.filled + whole.remainder, 4.7);
  EXPECT_THROW(cushion::absorb::absorb_sell(c, ledger, 3, -1.0), InvalidArgument);
  EXPECT_THROW(cushion::absorb::absorb_sell(c, ledger, 3, NAN), InvalidArgument);
}

TEST(AbsorbSell, F64SplitAlwaysAddsBackExactly) {
  std::mt19937_64 rng(12);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int i = 0; i < 200000; ++i) {
    const double ordered = std::ldexp(u(rng), static_cast<int>(rng() % 60) - 30);
    double filled = ordered * u(rng) * u(rng), remainder = 0;
    cushion::absorb::detail::conserving_split(ordered, filled, remainder);
    ASSERT_EQ(filled + remainder, ordered);
    ASSERT_GE(remainder, 0.0);
    ASSERT_GE(filled, 0.0);
  }
}

TEST(AbsorbSell, F64WholeItemSplitStaysWhole) {
  // Found by fuzz_absorb: past 2^53 an odd fill of an order whose ulp is 2 has no remainder
  // that adds back; lowering the fill an ulp made it 14.999999999999998 under whole_items.
  double filled = 15.0, remainder = 0.0;
  const double ordered = 10843961455708070.0;
  EXPECT_TRUE(cushion::absorb::detail::conserving_split(ordered, filled, remainder, true));
  EXPECT_EQ(filled, 14.0);
  EXPECT_EQ(filled + remainder, ordered);
  std::mt19937_64 rng(13);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int i = 0; i < 200000; ++i) {
    const double big = std::ldexp(1.0 + u(rng), 40 + static_cast<int>(rng() % 24));  // ulps 2^-12 .. 2^11
    filled = std::floor(u(rng) * 1000.0);
    remainder = 0.0;
    cushion::absorb::detail::conserving_split(big, filled, remainder, true);
    ASSERT_EQ(filled + remainder, big);
    ASSERT_EQ(filled, std::floor(filled));
    ASSERT_GE(remainder, 0.0);
    ASSERT_GE(filled, 0.0);
  }
  // Through absorb_sell: 15 whole items fit the caps of an order of 10843961455708070.
  const StressedCurve<cushion::curves::XYK<F64>> c(cushion::curves::XYK<F64>(1000.0, 1000.0), HalfSpread<F64>(), 0.0);
  AbsorptionLedger<F64> ledger(items_cap(15, 15, 100, 100));
  const auto r = cushion::absorb::absorb_sell(c, ledger, 1, ordered, true);
  EXPECT_EQ(r.filled, 14.0);
  EXPECT_EQ(r.filled + r.remainder, ordered);
}

TEST(CushionPool, AbsorbThenRecoverTowardTheReference) {
  using Pool = cushion::absorb::CushionPool<cushion::curves::Linear<F64>>;
  const cushion::curves::Linear<F64> curve(10.0, 0.1);
  Pool pool(curve, HalfSpread<F64>(), items_cap(5, 1, 100, 100), 0.5);
  EXPECT_DOUBLE_EQ(pool.mid(), 10.05);
  const auto r = pool.absorb(8.0, 0.0);
  EXPECT_EQ(r.filled, 5.0);
  EXPECT_EQ(r.remainder, 3.0);
  EXPECT_DOUBLE_EQ(pool.curve().spot_price(), 9.5);
  Pool branch = pool;  // a value: the copy moves on its own
  pool.advance();
  EXPECT_DOUBLE_EQ(pool.mid(), 10.05 + 0.5 * (9.55 - 10.05));
  pool.advance(2);
  EXPECT_DOUBLE_EQ(pool.mid(), 10.05 + 0.125 * (9.55 - 10.05));
  EXPECT_EQ(pool.block(), 3u);
  EXPECT_DOUBLE_EQ(branch.mid(), 9.55);
  // A new reference (an oracle update) moves the target; the dislocation keeps decaying.
  branch.advance(1, 9.0);
  EXPECT_DOUBLE_EQ(branch.mid(), 9.0 + 0.5 * (9.55 - 10.05));
  EXPECT_THROW(branch.advance(1, -1.0), InvalidArgument);
  EXPECT_THROW(branch.absorb(1.0, 2.0), InvalidArgument);
  const auto preview = branch.preview_absorb(1.0, 0.0);
  EXPECT_EQ(branch.ledger().window_usage().items, 5.0);  // preview changed nothing
  EXPECT_EQ(preview.filled, 1.0);
}

TEST(CushionPool, XykRecoveryStaysOnTheInvariant) {
  using Pool = cushion::absorb::CushionPool<cushion::curves::XYK<F64>>;
  Pool pool(cushion::curves::XYK<F64>(100.0, 100.0), HalfSpread<F64>(), {}, 0.25);
  pool.absorb(20.0, 0.0);
  const double k = pool.curve().token_reserve() * pool.curve().nft_reserve();
  const double dislocated = pool.mid();
  pool.advance();
  EXPECT_NEAR(pool.curve().token_reserve() * pool.curve().nft_reserve(), k, 1e-9 * k);
  EXPECT_NEAR(pool.mid(), 1.0 + 0.25 * (dislocated - 1.0), 1e-12);
}

}  // namespace
