// Scalar curve quotes and exact primitives (Google Benchmark).
//
//   build/release/cushion_bench --benchmark_filter=Exact
//
// Inputs vary per iteration (a small ring of realistic parameters) so that the
// compiler cannot hoist the work out of the loop.
#include <benchmark/benchmark.h>

#include <array>
#include <random>

#include "cushion/compat/sudoswap.hpp"

namespace {

using cushion::num::Evm256;
using cushion::num::F64;
using cushion::num::kWad;
using cushion::num::uint256;

constexpr std::size_t kRing = 64;

template <class Curve, class Make>
std::array<Curve, kRing> ring(Make make) {
  std::array<Curve, kRing> out{};
  std::mt19937_64 rng(42);
  for (auto& c : out) c = make(rng);
  return out;
}

uint256 wei(std::mt19937_64& rng, std::uint64_t lo_milli, std::uint64_t hi_milli) {
  return uint256(lo_milli + rng() % (hi_milli - lo_milli)) * uint256(1000000000000000ULL);
}

template <bool Buy>
void BM_ExactExponential(benchmark::State& state) {
  const auto curves = ring<cushion::curves::Exponential<Evm256>>([](std::mt19937_64& rng) {
    return cushion::curves::Exponential<Evm256>(wei(rng, 100, 100000), wei(rng, 1001, 1500),
                                                uint256(5000000000000000ULL), uint256(3000000000000000ULL));
  });
  const uint256 n(static_cast<std::uint64_t>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& c = curves[i++ % kRing];
    auto q = Buy ? c.buy(n) : c.sell(n);
    benchmark::DoNotOptimize(q);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ExactExponential<true>)->Name("Exact/Exponential/buy")->Arg(1)->Arg(5)->Arg(10);
BENCHMARK(BM_ExactExponential<false>)->Name("Exact/Exponential/sell")->Arg(1)->Arg(5)->Arg(10);

template <bool Buy>
void BM_ExactLinear(benchmark::State& state) {
  const auto curves = ring<cushion::curves::Linear<Evm256>>([](std::mt19937_64& rng) {
    return cushion::curves::Linear<Evm256>(wei(rng, 10000, 100000), wei(rng, 1, 500), uint256(5000000000000000ULL),
                                           uint256(3000000000000000ULL));
  });
  const uint256 n(static_cast<std::uint64_t>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& c = curves[i++ % kRing];
    auto q = Buy ? c.buy(n) : c.sell(n);
    benchmark::DoNotOptimize(q);
  }
}
BENCHMARK(BM_ExactLinear<true>)->Name("Exact/Linear/buy")->Arg(5);
BENCHMARK(BM_ExactLinear<false>)->Name("Exact/Linear/sell")->Arg(5);

template <bool Buy>
void BM_ExactXyk(benchmark::State& state) {
  const auto curves = ring<cushion::curves::XYK<Evm256>>([](std::mt19937_64& rng) {
    return cushion::curves::XYK<Evm256>(wei(rng, 10000, 1000000), uint256(20 + rng() % 200),
                                        uint256(5000000000000000ULL), uint256(3000000000000000ULL));
  });
  const uint256 n(static_cast<std::uint64_t>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& c = curves[i++ % kRing];
    auto q = Buy ? c.buy(n) : c.sell(n);
    benchmark::DoNotOptimize(q);
  }
}
BENCHMARK(BM_ExactXyk<true>)->Name("Exact/XYK/buy")->Arg(5);
BENCHMARK(BM_ExactXyk<false>)->Name("Exact/XYK/sell")->Arg(5);

template <bool Buy>
void BM_ExactGda(benchmark::State& state) {
  const auto curves = ring<cushion::curves::GDA<Evm256>>([](std::mt19937_64& rng) {
    const uint256 t0(1700000000u);
    return cushion::curves::GDA<Evm256>(wei(rng, 1000, 100000), wei(rng, 1001, 1200), uint256(1000000000000000ULL), t0,
                                        t0 + uint256(rng() % 5000), uint256(5000000000000000ULL),
                                        uint256(3000000000000000ULL));
  });
  const uint256 n(static_cast<std::uint64_t>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& c = curves[i++ % kRing];
    auto q = Buy ? c.buy(n) : c.sell(n);
    benchmark::DoNotOptimize(q);
  }
}
BENCHMARK(BM_ExactGda<true>)->Name("Exact/GDA/buy")->Arg(5);
BENCHMARK(BM_ExactGda<false>)->Name("Exact/GDA/sell")->Arg(5);

void BM_F64Exponential(benchmark::State& state) {
  const auto curves = ring<cushion::curves::Exponential<F64>>([](std::mt19937_64& rng) {
    return cushion::curves::Exponential<F64>(0.1 + static_cast<double>(rng() % 1000), 1.001 + (rng() % 500) * 1e-3,
                                             0.005, 0.003);
  });
  std::size_t i = 0;
  for (auto _ : state) {
    auto q = curves[i++ % kRing].buy(5.0);
    benchmark::DoNotOptimize(q);
  }
}
BENCHMARK(BM_F64Exponential)->Name("F64/Exponential/buy");

void BM_MulDivWad(benchmark::State& state) {
  std::array<uint256, kRing> a{}, b{};
  std::mt19937_64 rng(1);
  for (std::size_t k = 0; k < kRing; ++k) {
    a[k] = wei(rng, 1, 1000000000);
    b[k] = wei(rng, 1, 1000000);
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % kRing;
    benchmark::DoNotOptimize(cushion::num::mul_div(a[k], b[k], kWad, cushion::num::Rounding::up));
  }
}
BENCHMARK(BM_MulDivWad)->Name("Exact/mul_div/wad");

void BM_Rpow(benchmark::State& state) {
  std::array<uint256, kRing> x{};
  std::mt19937_64 rng(2);
  for (auto& v : x) v = wei(rng, 1001, 2000);
  const uint256 n(static_cast<std::uint64_t>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(cushion::num::solmate::rpow(x[i++ % kRing], n, kWad));
}
BENCHMARK(BM_Rpow)->Name("Exact/rpow")->Arg(10)->Arg(100);

void BM_PrbPow(benchmark::State& state) {
  std::array<uint256, kRing> x{}, y{};
  std::mt19937_64 rng(3);
  for (std::size_t k = 0; k < kRing; ++k) {
    x[k] = wei(rng, 1001, 50000);
    y[k] = wei(rng, 1, 10000);
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % kRing;
    benchmark::DoNotOptimize(cushion::num::prbmath::pow(x[k], y[k]));
  }
}
BENCHMARK(BM_PrbPow)->Name("Exact/prbmath/pow");

}  // namespace
