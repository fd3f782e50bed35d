// Simulating tranche schedules against a cushion (Google Benchmark).
//
//   build/release/cushion_bench --benchmark_filter=Simulate
//
// One iteration = one full simulate() call: a 1,000-block schedule (TWAP, or an Almgren-Chriss
// trajectory) against an f64 curve with a stress path (so the spread and the caps move every
// block), per-block caps that bind under stress (so the carry-forward path runs), a rolling
// window, recovery toward the reference between blocks, and the per-block trace written out
// (its allocation included).  The budget is 50 us per call.
//
// Timings on a shared machine are noisy, so each curve also has a baseline in the same run:
// Quotes/1000_sells/<curve> chains 1,000 bare f64 sell quotes of the same curve (the one
// quote per block no simulation can avoid).  The ratio simulate / quotes is the overhead of
// everything else (caps, ledger, spread, recovery, trace) and is stable across loads.
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "cushion/schedule/linear_impact.hpp"
#include "cushion/schedule/schedules.hpp"
#include "cushion/schedule/simulate.hpp"

namespace {

using cushion::num::F64;
using Cap = cushion::absorb::AbsorptionCap<F64>;
using Range = cushion::absorb::CapRange<F64>;

constexpr std::size_t kBlocks = 1000;

/// A crash and snap-back: stress ramps up over the first 300 blocks, holds, then decays.
std::vector<double> stress_path() {
  std::vector<double> s(kBlocks);
  for (std::size_t k = 0; k < kBlocks; ++k) {
    const double t = static_cast<double>(k);
    s[k] = k < 300 ? t / 300.0 * 0.9 : k < 500 ? 0.9 : 0.9 * std::exp(-(t - 500.0) / 150.0);
  }
  return s;
}

/// The reference (oracle) price: -18% over the first 300 blocks, half of it back by the end.
std::vector<double> reference_path(double p0) {
  std::vector<double> r(kBlocks);
  for (std::size_t k = 0; k < kBlocks; ++k) {
    const double t = static_cast<double>(k);
    r[k] = p0 * (k < 300 ? 1.0 - 0.18 * t / 300.0 : 0.82 + 0.09 * (t - 300.0) / 700.0);
  }
  return r;
}

Cap binding_caps() {
  // 1.0 item per block calm, 0.3 severe: binds while stress is high (TWAP sells 0.5 / block).
  return Cap(Range{1.0, 0.3}, Range{}, Range{200.0, 60.0}, Range{}, 300, 1.0);
}

template <class Curve>
void run(benchmark::State& state, const Curve& curve, const std::vector<double>& schedule) {
  const auto stress = stress_path();
  const auto reference = reference_path(cushion::curves::CurveDynamics<Curve>::mid(curve));
  const cushion::absorb::CushionPool<Curve> pool(curve, {}, binding_caps(), std::exp(-0.05 * 12.0));
  double sink = 0.0;
  for (auto _ : state) {
    const auto trace = cushion::schedule::simulate<Curve>(schedule, pool, stress, reference, 0);
    sink += trace.total_proceeds;
    benchmark::DoNotOptimize(sink);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kBlocks));  // blocks per second
}

/// 1,000 chained sells of 0.5 items (the TWAP tranche), the curve moving after each.
template <class Curve>
void chained_sells(benchmark::State& state, const Curve& curve) {
  double sink = 0.0;
  for (auto _ : state) {
    Curve c = curve;
    for (std::size_t k = 0; k < kBlocks; ++k) {
      const auto q = c.sell(0.5);
      sink += q.value;
      c = q.next;
    }
    benchmark::DoNotOptimize(sink);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kBlocks));
}

const std::vector<double>& twap_schedule() {
  static const auto s = cushion::schedule::twap(500.0, kBlocks);
  return s;
}

void BM_SimulateXYK(benchmark::State& state) {
  run(state, cushion::curves::XYK<F64>(1000.0, 1000.0, 0.005, 0.0), twap_schedule());
}
void BM_SimulateLinear(benchmark::State& state) {
  run(state, cushion::curves::Linear<F64>(10.0, 0.005, 0.005, 0.0), twap_schedule());
}
void BM_SimulateExponential(benchmark::State& state) {
  run(state, cushion::curves::Exponential<F64>(10.0, 1.002, 0.005, 0.0), twap_schedule());
}
void BM_SimulateGDA(benchmark::State& state) {
  run(state, cushion::curves::GDA<F64>(10.0, 1.002, 0.0, 0.0, 0.0, 0.005, 0.0), twap_schedule());
}
void BM_SimulateLinearImpactAlmgrenChriss(benchmark::State& state) {
  cushion::schedule::AlmgrenChriss::Params p;
  p.quantity = 500.0;
  p.blocks = kBlocks;
  p.sigma = 0.05;
  p.eta = 0.05;
  p.gamma = 0.001;
  p.risk_aversion = 1e-3;
  static const auto ac = cushion::schedule::AlmgrenChriss(p).trades();
  run(state, cushion::schedule::LinearImpact(10.0, 0.001, 0.05, 0.0, 1.0), ac);
}

void BM_QuotesXYK(benchmark::State& state) {
  chained_sells(state, cushion::curves::XYK<F64>(1000.0, 1000.0, 0.005, 0.0));
}
void BM_QuotesLinear(benchmark::State& state) {
  chained_sells(state, cushion::curves::Linear<F64>(10.0, 0.005, 0.005, 0.0));
}
void BM_QuotesExponential(benchmark::State& state) {
  chained_sells(state, cushion::curves::Exponential<F64>(10.0, 1.002, 0.005, 0.0));
}
void BM_QuotesGDA(benchmark::State& state) {
  chained_sells(state, cushion::curves::GDA<F64>(10.0, 1.002, 0.0, 0.0, 0.0, 0.005, 0.0));
}

BENCHMARK(BM_QuotesXYK)->Name("Quotes/1000_sells/XYK")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QuotesLinear)->Name("Quotes/1000_sells/Linear")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QuotesExponential)->Name("Quotes/1000_sells/Exponential")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QuotesGDA)->Name("Quotes/1000_sells/GDA")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SimulateXYK)->Name("Simulate/1000_blocks/XYK")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SimulateLinear)->Name("Simulate/1000_blocks/Linear")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SimulateExponential)->Name("Simulate/1000_blocks/Exponential")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SimulateGDA)->Name("Simulate/1000_blocks/GDA")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SimulateLinearImpactAlmgrenChriss)
    ->Name("Simulate/1000_blocks/LinearImpact_AlmgrenChriss")
    ->Unit(benchmark::kMicrosecond);

}  // namespace
