// Scalar curve quotes and exact primitives (Google Benchmark).
//
//   build/release/cushion_bench --benchmark_filter='^Scalar/'      every curve, side, policy
//   build/release/cushion_bench --benchmark_filter='^(Naive|Exact)/Exponential/buy/mixed$'
//   build/release/cushion_bench --benchmark_filter='^Primitive/'    (wad128/*/dependent: latencies)
//   build/release/cushion_bench --benchmark_filter='^Stressed/'   the spread adapter
//
// Every benchmark walks a ring of 1024 inputs (a curve and a count per slot, drawn once
// from realistic ranges), so each iteration quotes different numbers and nothing can be
// hoisted out of the loop; the ring (1024 curves of <= 7 uint256) stays in L1/L2 like a
// user's working set.  Counts are 1..10.  Results go through DoNotOptimize.
#include <benchmark/benchmark.h>

#include <array>
#include <random>
#include <string>
#include <vector>

#include "cushion/compat/sudoswap.hpp"
#include "cushion/curves/weighted_xyk.hpp"
#include "cushion/num/wad128.hpp"
#include "cushion/spread/stressed_curve.hpp"
#include "naive_boost.hpp"

namespace {

using namespace cushion;
using num::Evm256;
using num::F64;
using num::kWad;
using num::uint256;

constexpr std::size_t kRing = 1024;
constexpr std::uint64_t kMilli = 1000000000000000ULL;  // 1e15 wei: parameters are drawn in 0.001 tokens

/// A curve's parameters drawn once, as exact values; the F64 curve gets the same numbers
/// in tokens (wei / 1e18), so both policies quote the same trades.
struct Draw {
  std::mt19937_64 rng{42};
  std::uint64_t milli(double lo, double hi) {  // an integer number of thousandths in [lo, hi]
    const auto a = static_cast<std::uint64_t>(lo * 1000 + 0.5), b = static_cast<std::uint64_t>(hi * 1000 + 0.5);
    return a + rng() % (b - a + 1);
  }
  std::uint64_t count(std::uint64_t lo, std::uint64_t hi) { return lo + rng() % (hi - lo + 1); }
};

inline uint256 wei_of(std::uint64_t milli) { return uint256(milli) * uint256(kMilli); }
inline double tokens_of(std::uint64_t milli) { return static_cast<double>(milli) / 1000.0; }

template <class Num>
auto amount(std::uint64_t milli) {
  if constexpr (Num::is_exact)
    return wei_of(milli);
  else
    return tokens_of(milli);
}
template <class Num>
auto plain(std::uint64_t v) {
  if constexpr (Num::is_exact)
    return uint256(v);
  else
    return static_cast<double>(v);
}

template <class Num>
curves::Linear<Num> draw_linear(Draw& d) {
  return {amount<Num>(d.milli(10, 50)), amount<Num>(d.milli(0.01, 0.5)), amount<Num>(d.milli(0, 0.01)),
          amount<Num>(d.milli(0, 0.005))};
}
template <class Num>
curves::Exponential<Num> draw_exponential(Draw& d) {
  return {amount<Num>(d.milli(0.5, 50)), amount<Num>(d.milli(1.001, 1.2)), amount<Num>(d.milli(0, 0.01)),
          amount<Num>(d.milli(0, 0.005))};
}
template <class Num>
curves::XYK<Num> draw_xyk(Draw& d) {
  return {amount<Num>(d.milli(50, 500)), plain<Num>(d.count(60, 200)), amount<Num>(d.milli(0, 0.01)),
          amount<Num>(d.milli(0, 0.005))};
}
template <class Num>
curves::GDA<Num> draw_gda(Draw& d) {
  constexpr std::uint64_t t0 = 1700000000;
  const auto spot = amount<Num>(d.milli(0.5, 50)), alpha = amount<Num>(d.milli(1.01, 1.5));
  // lambda in [0, 0.001] per second: micro-units, 1e12 wei each
  const std::uint64_t lambda_micro = d.count(0, 1000);
  const auto lambda = [&] {
    if constexpr (Num::is_exact)
      return uint256(lambda_micro) * uint256(1000000000000ULL);
    else
      return static_cast<double>(lambda_micro) / 1e6;
  }();
  return {spot,
          alpha,
          lambda,
          plain<Num>(t0 - d.count(0, 1000)),
          plain<Num>(t0 + d.count(1000, 5000)),
          amount<Num>(d.milli(0, 0.01)),
          amount<Num>(d.milli(0, 0.005))};
}
template <class Num>
curves::WeightedXYK<Num> draw_weighted_xyk(Draw& d) {
  // Caviar: virtual reserves in base tokens and 18-decimal NFT weights, fee rates in bps.
  return {amount<Num>(d.milli(50, 500)), amount<Num>(d.milli(60000, 200000)), plain<Num>(d.count(0, 100)),
          plain<Num>(d.count(0, 50))};
}

/// A ring of curves and counts (n in 1..10; weighted XYK trades weight sums of 1..10 items).
template <class Curve>
struct Ring {
  using Num = typename Curve::number_policy;
  std::array<Curve, kRing> curve;
  std::array<typename Curve::count_type, kRing> n;
  template <class Make>
  explicit Ring(Make make) {
    Draw d;
    for (std::size_t i = 0; i < kRing; ++i) {
      curve[i] = make(d);
      const std::uint64_t items = d.count(1, 10);
      if constexpr (std::is_same_v<Curve, curves::WeightedXYK<Num>>)
        n[i] = amount<Num>(items * 1000);  // one item is 1e18 of weight
      else
        n[i] = plain<Num>(items);
    }
  }
};

template <class Curve, bool Buy, class Make>
void scalar(benchmark::State& state, Make make) {
  const Ring<Curve> ring(make);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % kRing;
    auto q = Buy ? ring.curve[k].buy(ring.n[k]) : ring.curve[k].sell(ring.n[k]);
    benchmark::DoNotOptimize(q);
  }
  state.SetItemsProcessed(state.iterations());
}

template <class Curve, bool Buy, class Make>
void register_scalar(const char* policy, const char* curve, Make make) {
  const std::string name = std::string("Scalar/") + policy + "/" + curve + "/" + (Buy ? "buy" : "sell");
  benchmark::RegisterBenchmark(name.c_str(), [make](benchmark::State& s) { scalar<Curve, Buy>(s, make); });
}

template <template <class> class C, class MakeF, class MakeE>
void register_curve(const char* curve, MakeF make_f64, MakeE make_exact) {
  register_scalar<C<F64>, true>("f64", curve, make_f64);
  register_scalar<C<F64>, false>("f64", curve, make_f64);
  register_scalar<C<Evm256>, true>("exact", curve, make_exact);
  register_scalar<C<Evm256>, false>("exact", curve, make_exact);
}

/// The spread adapter: StressedCurve around the same ring of curves, each at its own stress
/// level (drawn in [0, 1]; the documented default half-spread, 30 bps + 470 bps * s), so the
/// row minus the matching Scalar/ row is the cost of widening a quote.
template <class Curve, bool Buy, class Make>
void stressed(benchmark::State& state, Make make) {
  using Num = typename Curve::number_policy;
  using Stressed = spread::StressedCurve<Curve>;
  const Ring<Curve> ring(make);
  std::vector<Stressed> wrapped;
  std::mt19937_64 rng(9);
  for (const Curve& c : ring.curve) {
    const std::uint64_t permille = rng() % 1001;
    if constexpr (Num::is_exact)
      wrapped.emplace_back(c, spread::HalfSpread<Num>(), uint256(permille) * uint256(kMilli));
    else
      wrapped.emplace_back(c, spread::HalfSpread<Num>(), static_cast<double>(permille) / 1000.0);
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % kRing;
    auto q = Buy ? wrapped[k].buy(ring.n[k]) : wrapped[k].sell(ring.n[k]);
    benchmark::DoNotOptimize(q);
  }
  state.SetItemsProcessed(state.iterations());
}

template <template <class> class C, class MakeF, class MakeE>
void register_stressed(const char* curve, MakeF make_f64, MakeE make_exact) {
  const auto add = [curve](const char* policy, const char* side, auto fn) {
    const std::string name = std::string("Stressed/") + policy + "/" + curve + "/" + side;
    benchmark::RegisterBenchmark(name.c_str(), fn);
  };
  add("f64", "buy", [make_f64](benchmark::State& s) { stressed<C<F64>, true>(s, make_f64); });
  add("f64", "sell", [make_f64](benchmark::State& s) { stressed<C<F64>, false>(s, make_f64); });
  add("exact", "buy", [make_exact](benchmark::State& s) { stressed<C<Evm256>, true>(s, make_exact); });
  add("exact", "sell", [make_exact](benchmark::State& s) { stressed<C<Evm256>, false>(s, make_exact); });
}

/// The exact exponential buy over the throughput script's mix (n = 1..10), next to the
/// naive Boost.Multiprecision peer on the very same inputs.
void BM_ExactExponentialBuyMixed(benchmark::State& state) {
  const Ring<curves::Exponential<Evm256>> ring(draw_exponential<Evm256>);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % kRing;
    auto q = ring.curve[k].buy(ring.n[k]);
    benchmark::DoNotOptimize(q);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_NaiveExponentialBuyMixed(benchmark::State& state) {
  const Ring<curves::Exponential<Evm256>> ring(draw_exponential<Evm256>);
  struct Args {
    bench::checked_uint256 spot, delta, fee, protocol_fee;
    unsigned long long n;
  };
  std::vector<Args> args;
  const auto to = [](const uint256& v) { return bench::checked_uint256(v.to_boost()); };
  for (std::size_t k = 0; k < kRing; ++k) {
    const auto& c = ring.curve[k];
    args.push_back({to(c.spot_price()), to(c.delta()), to(c.fee()), to(c.protocol_fee()), ring.n[k].limb(0)});
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const Args& a = args[i++ % kRing];
    auto q = bench::naive_exponential_buy(a.spot, a.delta, a.n, a.fee, a.protocol_fee);
    benchmark::DoNotOptimize(q);
  }
  state.SetItemsProcessed(state.iterations());
}

/// One exponent for a whole run (the rows the target names: n = 1, 5, 10).
template <bool Buy>
void BM_ExactExponentialFixedN(benchmark::State& state) {
  const Ring<curves::Exponential<Evm256>> ring(draw_exponential<Evm256>);
  const uint256 n(static_cast<std::uint64_t>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& c = ring.curve[i++ % kRing];
    auto q = Buy ? c.buy(n) : c.sell(n);
    benchmark::DoNotOptimize(q);
  }
  state.SetItemsProcessed(state.iterations());
}

// -- primitives ---------------------------------------------------------------------------

template <class Fill, class Op>
void primitive(benchmark::State& state, Fill fill, Op op) {
  std::array<uint256, kRing> a{}, b{};
  std::mt19937_64 rng(1);
  for (std::size_t k = 0; k < kRing; ++k) fill(rng, a[k], b[k]);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % kRing;
    benchmark::DoNotOptimize(op(a[k], b[k]));
  }
  state.SetItemsProcessed(state.iterations());
}

uint256 wei(std::mt19937_64& rng, std::uint64_t lo_milli, std::uint64_t hi_milli) {
  return wei_of(lo_milli + rng() % (hi_milli - lo_milli));
}

const bool kRegistered = [] {
  register_curve<curves::Linear>("linear", draw_linear<F64>, draw_linear<Evm256>);
  register_curve<curves::Exponential>("exponential", draw_exponential<F64>, draw_exponential<Evm256>);
  register_curve<curves::XYK>("xyk", draw_xyk<F64>, draw_xyk<Evm256>);
  register_curve<curves::GDA>("gda", draw_gda<F64>, draw_gda<Evm256>);
  register_curve<curves::WeightedXYK>("weighted_xyk", draw_weighted_xyk<F64>, draw_weighted_xyk<Evm256>);

  benchmark::RegisterBenchmark("Exact/Exponential/buy/mixed", BM_ExactExponentialBuyMixed);
  benchmark::RegisterBenchmark("Naive/Exponential/buy/mixed", BM_NaiveExponentialBuyMixed);
  benchmark::RegisterBenchmark("Exact/Exponential/buy", BM_ExactExponentialFixedN<true>)
      ->ArgName("n")
      ->Arg(1)
      ->Arg(5)
      ->Arg(10);
  benchmark::RegisterBenchmark("Exact/Exponential/sell", BM_ExactExponentialFixedN<false>)
      ->ArgName("n")
      ->Arg(1)
      ->Arg(5)
      ->Arg(10);

  // FullMath mulDiv with a WAD denominator (the 128-bit fast path) and a general 512-bit one.
  benchmark::RegisterBenchmark("Primitive/mul_div/wad", [](benchmark::State& s) {
    primitive(
        s,
        [](std::mt19937_64& rng, uint256& a, uint256& b) {
          a = wei(rng, 1, 1000000000);
          b = wei(rng, 1, 1000000);
        },
        [](const uint256& a, const uint256& b) { return num::mul_div(a, b, kWad, num::Rounding::up); });
  });
  benchmark::RegisterBenchmark("Primitive/mul_div/512bit", [](benchmark::State& s) {
    primitive(
        s,
        [](std::mt19937_64& rng, uint256& a, uint256& b) {
          a = uint256(uint256::limbs_type{rng(), rng(), rng(), rng() >> 1});
          b = uint256(uint256::limbs_type{rng(), rng(), rng(), rng() >> 2});
        },
        [](const uint256& a, const uint256& b) { return num::mul_div(a, b, a | uint256(1u) << 255); });
  });
  benchmark::RegisterBenchmark("Primitive/rpow",
                               [](benchmark::State& s) {
                                 const uint256 n(static_cast<std::uint64_t>(s.range(0)));
                                 primitive(
                                     s, [](std::mt19937_64& rng, uint256& x, uint256&) { x = wei(rng, 1001, 2000); },
                                     [n](const uint256& x, const uint256&) { return num::solmate::rpow(x, n, kWad); });
                               })
      ->ArgName("n")
      ->Arg(10)
      ->Arg(100);
  // Latency, not throughput: each step's input is the previous step's result, as in the
  // exact exponential quote's chain (rpow's squarings, then growth -> raw -> fees).  y is a
  // multiplier of 1 + 1e-18, so x stays where it starts for any number of steps.
  benchmark::RegisterBenchmark("Primitive/wad128/mul_wad/dependent", [](benchmark::State& s) {
    num::u128 x = static_cast<num::u128>(37) * num::kWad64 + 123456789;  // 37 tokens: past 2^64
    std::uint64_t y = num::kWad64 + 1;
    benchmark::DoNotOptimize(y);
    bool up = false;
    for (auto _ : s) {
      num::u128 next = 0;
      benchmark::DoNotOptimize(num::wad128::mul_wad(x, y, up, &next));
      x = next;
      up = !up;
    }
    benchmark::DoNotOptimize(x);
  });
  benchmark::RegisterBenchmark("Primitive/wad128/rpow_step/dependent", [](benchmark::State& s) {
    std::uint64_t z = 1100000000000000000ULL, y = num::kWad64 + 1;
    benchmark::DoNotOptimize(y);
    for (auto _ : s) {
      const num::wad128::RoundedStep step = num::wad128::mul_round_half(z, y);
      z = step.value + static_cast<std::uint64_t>(!step.fits);
    }
    benchmark::DoNotOptimize(z);
  });
  benchmark::RegisterBenchmark("Primitive/prbmath/pow", [](benchmark::State& s) {
    primitive(
        s,
        [](std::mt19937_64& rng, uint256& x, uint256& y) {
          x = wei(rng, 1001, 50000);
          y = wei(rng, 1, 10000);
        },
        [](const uint256& x, const uint256& y) { return num::prbmath::pow(x, y); });
  });
  benchmark::RegisterBenchmark("Primitive/prbmath/powu", [](benchmark::State& s) {
    primitive(
        s,
        [](std::mt19937_64& rng, uint256& x, uint256& y) {
          x = wei(rng, 1001, 1500);
          y = uint256(1 + rng() % 10);
        },
        [](const uint256& x, const uint256& y) { return num::prbmath::powu(x, y); });
  });

  register_stressed<curves::Linear>("linear", draw_linear<F64>, draw_linear<Evm256>);
  register_stressed<curves::Exponential>("exponential", draw_exponential<F64>, draw_exponential<Evm256>);
  register_stressed<curves::XYK>("xyk", draw_xyk<F64>, draw_xyk<Evm256>);
  register_stressed<curves::GDA>("gda", draw_gda<F64>, draw_gda<Evm256>);
  // The schedule simulation (tranche schedules + simulate, issue 4) is bench_schedule.cpp:
  // Simulate/1000_blocks/<curve>, next to its Quotes/1000_sells/<curve> baseline.
  return true;
}();

}  // namespace
