// fuzz_curves_exact — every curve's buy and sell in the exact (Evm256) policy against the
// reference transcription of sudoswap v2 on unbounded integers: the same error code, value,
// fees, item count and next curve, or the same revert.  Also: parameters outside their
// uint128 ABI type are refused with OutOfRange, and a buy followed by selling the same items
// back never returns more than it cost, beyond the rounding bounds of round_trip_slack.
//
// Adding a curve: write its reference in support/reference.cpp and add one row to kCurves
// below (as the weighted XYK of the trait-basket issue was).
#include <array>
#include <vector>

#include "cushion/compat/sudoswap.hpp"
#include "cushion/curves/weighted_xyk.hpp"
#include "support/harness.hpp"

using namespace cushion::fuzz;
namespace num = cushion::num;
namespace cv = cushion::curves;
using Exact = num::Evm256;

namespace {

struct Params {
  num::uint256 spot, delta, fee, protocol_fee, alpha, lambda, t0, now;
  ref::CurveParams to_ref() const {
    return {ref::to_int(spot),  ref::to_int(delta),  ref::to_int(fee), ref::to_int(protocol_fee),
            ref::to_int(alpha), ref::to_int(lambda), ref::to_int(t0),  ref::to_int(now)};
  }
};

/// A quote as comparable values: error, value, fees, items, next spot / delta / t0.
template <class Q, class Next>
std::vector<Int> values(const Q& q, Next next) {
  const std::array<num::uint256, 3> n = next(q.next);
  return {Int(static_cast<int>(q.error)), ref::to_int(q.value), ref::to_int(q.trade_fee), ref::to_int(q.protocol_fee),
          ref::to_int(q.items),           ref::to_int(n[0]),    ref::to_int(n[1]),        ref::to_int(n[2])};
}
std::vector<Int> values(const ref::Quote& q) {
  return {Int(static_cast<int>(q.error)),
          q.value,
          q.trade_fee,
          q.protocol_fee,
          q.items,
          q.next_spot,
          q.next_delta,
          q.next_t0};
}

num::uint256 fee(FuzzInput& in) { return in.flag() ? in.word(57) : in.word(); }  // mostly below 0.144e18
num::uint256 multiplier(FuzzInput& in) { return in.flag() ? num::wrapping_add(num::kWad, in.word(64)) : in.word(128); }

struct CurveCase {
  const char* name;
  void (*draw)(FuzzInput&, Params&);
  std::vector<Int> (*quote)(bool buy, const Params&, const num::uint256& n);
  ref::Quote (*reference)(bool buy, const ref::CurveParams&, const Int& n);
  /// How much more than its cost `cost` selling n back into the curve a buy left may return
  /// (a property of the on-chain formula); negative: not checked.  Linear and XYK: nothing,
  /// to the wei (weighted XYK too: Caviar rounds the buy up and the sale down).  Exponential: sudoswap's rounding only
  /// -- the new spot is rounded up after the buy (<= 1 wei, priced n times by the sale) and rpow's half-up steps move
  /// delta^n by a few wei, scaled by 1e18 / (delta - 1e18) (fuzz / Hypothesis finding, the reference agrees: S =
  /// 5667101907052218, delta = 1000100000000039827, n = 10 returns 23 wei more than it cost).  GDA: not checked -- the
  /// formula pays alpha times the cost back (a buy starts at spot, the sale back at spot * alpha^n).
  Int (*round_trip_slack)(const Params&, const num::uint256& n, const Int& cost);
};

Int none(const Params&, const num::uint256&, const Int&) { return 0; }
Int not_checked(const Params&, const num::uint256&, const Int&) { return -1; }
/// The most a no-fee exponential round trip may return above its cost from sudoswap's rounding
/// alone (tests/python/test_invariants.py derives it): the new spot is rounded up (at most a wei,
/// priced n times) and rpow's half-up steps move delta^n by a few wei of WAD, i.e. a relative
/// error of a few 1e-18 of the cost, which the series' division by delta - 1 amplifies by
/// 1e18 / (delta - 1e18).  The amplification is 1 + that ratio: above delta = 2 the ratio
/// floors to 0 while the relative error itself remains (found by this target: spot ~2^75 wei,
/// delta 6.43, n = 11 returned 2.5e12 wei, 7.4e-20 of the cost, above a slack of 12 wei).
Int exponential_rounding(const Params& p, const num::uint256& n, const Int& cost) {
  if (p.delta <= num::kWad) return -1;  // the buy reverts
  const Int amplification = 1 + ref::wad() / (ref::to_int(p.delta) - ref::wad());
  return ref::to_int(n) + 16 * cost * amplification / ref::wad() + 1;
}

template <class C>
auto run(const C& curve, bool buy, const num::uint256& n) {
  return buy ? curve.buy(n) : curve.sell(n);
}

const CurveCase kCurves[] = {
    {"linear",
     [](FuzzInput& in, Params& p) {
       p.spot = in.word(128);
       p.delta = in.word(128);
     },
     [](bool buy, const Params& p, const num::uint256& n) {
       return values(run(cv::Linear<Exact>(p.spot, p.delta, p.fee, p.protocol_fee), buy, n), [](const auto& c) {
         return std::array<num::uint256, 3>{c.spot_price(), c.delta(), num::uint256()};
       });
     },
     &ref::linear, &none},
    {"exponential",
     [](FuzzInput& in, Params& p) {
       p.spot = in.word(128);
       p.delta = multiplier(in);
     },
     [](bool buy, const Params& p, const num::uint256& n) {
       return values(run(cv::Exponential<Exact>(p.spot, p.delta, p.fee, p.protocol_fee), buy, n), [](const auto& c) {
         return std::array<num::uint256, 3>{c.spot_price(), c.delta(), num::uint256()};
       });
     },
     &ref::exponential, &exponential_rounding},
    {"xyk",
     [](FuzzInput& in, Params& p) {
       p.spot = in.word(128);
       p.delta = in.flag() ? num::uint256(in.below_or_equal(10000)) : in.word(128);
     },
     [](bool buy, const Params& p, const num::uint256& n) {
       return values(run(cv::XYK<Exact>(p.spot, p.delta, p.fee, p.protocol_fee), buy, n), [](const auto& c) {
         return std::array<num::uint256, 3>{c.token_reserve(), c.nft_reserve(), num::uint256()};
       });
     },
     &ref::xyk, &none},
    {"weighted_xyk",
     [](FuzzInput& in, Params& p) {  // Caviar: reserves in weight units, fee rates in basis points
       p.spot = in.word(128);
       p.delta = in.flag() ? num::wrapping_mul(num::uint256(in.below_or_equal(1000)), num::kWad) : in.word(128);
       p.fee = num::uint256(in.below_or_equal(5000));            // PrivatePool keeps feeRate <= 5000
       p.protocol_fee = num::uint256(in.below_or_equal(65535));  // the factory's uint16 rate
     },
     [](bool buy, const Params& p, const num::uint256& n) {
       return values(run(cv::WeightedXYK<Exact>(p.spot, p.delta, p.fee, p.protocol_fee), buy, n), [](const auto& c) {
         return std::array<num::uint256, 3>{c.base_reserve(), c.nft_reserve(), num::uint256()};
       });
     },
     &ref::weighted_xyk, &none},
    {"gda",
     [](FuzzInput& in, Params& p) {
       p.spot = in.word(128);
       p.alpha = multiplier(in);
       p.lambda = in.flag() ? in.word(60) : in.word();
       p.t0 = in.word(48);
       p.now = in.flag() ? num::wrapping_add(p.t0, in.word(20)) : in.word(64);
     },
     [](bool buy, const Params& p, const num::uint256& n) {
       const cv::GDA<Exact> c(p.spot, p.alpha, p.lambda, p.t0, p.now, p.fee, p.protocol_fee);
       const auto q = run(c, buy, n);
       // The auction's shape never changes; only spot and start time move.
       FUZZ_CHECK(q.next.alpha() == p.alpha && q.next.decay() == p.lambda && q.next.now() == p.now, "gda next");
       return values(q, [](const auto& next) {
         return std::array<num::uint256, 3>{next.spot_price(), num::uint256(), next.t0()};
       });
     },
     &ref::gda, &not_checked},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzInput in(data, size);
  const CurveCase& curve = kCurves[in.byte() % std::size(kCurves)];
  const bool buy = in.flag();
  Params p;
  p.fee = fee(in);
  p.protocol_fee = fee(in);
  curve.draw(in, p);  // after the fees: a curve may draw its own (Caviar's basis points)
  const num::uint256 n = in.flag() ? num::uint256(in.below_or_equal(300)) : in.word();
  const ref::CurveParams rp = p.to_ref();
  const std::string what = std::string(curve.name) + (buy ? ".buy" : ".sell");
  const std::string arguments =
      args({p.spot, p.delta, p.fee, p.protocol_fee, p.alpha, p.lambda, p.t0, p.now}) + "; n=" + hex(n);

  const Outcome got = run_cushion([&] { return curve.quote(buy, p, n); });
  const Outcome want = run_reference([&] { return values(curve.reference(buy, rp, ref::to_int(n))); });
  FUZZ_CHECK(same(got, want), "%s(%s)\n  cushion:   %s\n  reference: %s", what.c_str(), arguments.c_str(),
             got.describe().c_str(), want.describe().c_str());

  // Buy, then sell the same items back into the curve the buy left: no profit beyond rounding.
  if (buy && !got.reverted && got.values[0] == 0) {
    const Int slack = curve.round_trip_slack(p, n, got.values[1]);
    Params after = p;
    after.spot = ref::to_uint256(got.values[5]);
    after.delta = ref::to_uint256(got.values[6]);
    if (slack >= 0) {
      const Outcome back = run_cushion([&] { return curve.quote(false, after, n); });
      if (!back.reverted && back.values[0] == 0)
        FUZZ_CHECK(back.values[1] <= got.values[1] + slack, "%s round trip profits: buy %s, sell %s (%s)", curve.name,
                   ref::hex(got.values[1]).c_str(), ref::hex(back.values[1]).c_str(), arguments.c_str());
    }
  }

  // A uint128 field at 2^128 or above is refused before any quoting.
  if (in.flag()) {
    Params wide = p;
    wide.spot = num::wrapping_add(num::uint256::max_u128(), num::uint256(1u) + in.word(127));
    bool refused = false;
    try {
      (void)curve.quote(buy, wide, n);
    } catch (const cushion::OutOfRange&) {
      refused = true;
    }
    FUZZ_CHECK(refused, "%s accepted spot %s >= 2^128", curve.name, hex(wide.spot).c_str());
  }
  return 0;
}
