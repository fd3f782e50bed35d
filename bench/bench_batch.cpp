// Batch quoting throughput (Google Benchmark): quotes per second per core.
//
//   build/release/cushion_bench --benchmark_filter=Batch
//
// Each f64 benchmark runs the same kernel as cushion.batch (quote_f64_checked: the
// validation rides on the loop) over 10^6 elements into preallocated output columns:
//   /fixed     one curve (scalar parameters) and an array of 10^6 item counts;
//   /varying   every curve parameter an array of 10^6 as well (a curve per element).
// Exact batches (Batch/exact/...) quote 10^5 elements, every parameter a uint256 column.
// Batch/pow_count/lanes times the exponential rows' delta^n alone (the kernels' largest part).
// items_per_second is the quote throughput.  Inputs are random but realistic (counts 1..10,
// the ranges of bench/throughput.py), so the branches in the curves (errors, clamps) behave
// as on real data; output columns are 64-byte aligned like the bindings' fresh arrays.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <random>
#include <span>
#include <vector>

#include "cushion/batch/quote.hpp"
#include "cushion/batch/slippage.hpp"

namespace {

using namespace cushion;
using num::F64;

/// An output column allocated as the Python bindings allocate it: 64-byte aligned (so that
/// long rows take the streaming-store path), touched once before timing.
template <class T>
struct AlignedColumn {
  std::unique_ptr<T[], decltype(&std::free)> data{nullptr, &std::free};
  void resize(std::size_t n) {
    const std::size_t bytes = (std::max<std::size_t>(n * sizeof(T), 1) + 63) / 64 * 64;
    data.reset(static_cast<T*>(std::aligned_alloc(64, bytes)));
    std::fill_n(data.get(), n, T{});
  }
  T* get() const noexcept { return data.get(); }
};

/// One benchmark case: P operands, each a scalar or an array of `size` values in a range.
template <class Curve>
struct BatchCase {
  static constexpr std::size_t P = batch::CurveSchema<Curve>::params.size();
  static constexpr std::size_t N = batch::CurveSchema<Curve>::next.size();

  std::array<std::vector<double>, P> data;
  std::array<batch::Operand<double>, P> ops;
  std::array<const double*, P> base{};
  AlignedColumn<double> value, trade_fee, protocol_fee, items;
  AlignedColumn<std::uint8_t> error;
  std::array<AlignedColumn<double>, N> next;
  batch::F64Columns<N> cols;
  batch::LoopPlan<P> plan;

  /// whole_counts: the quantities floored to whole items (else fractional, as drawn).
  BatchCase(std::size_t size, const std::array<std::pair<double, double>, P>& ranges, bool varying,
            bool whole_counts = true) {
    std::mt19937_64 rng(42);
    for (std::size_t k = 0; k < P; ++k) {
      const bool is_array = varying || k + 1 == P;  // the quantity is always an array
      std::uniform_real_distribution<double> u(ranges[k].first, ranges[k].second);
      data[k].resize(is_array ? size : 1);
      for (auto& v : data[k]) v = k + 1 == P && whole_counts ? std::floor(u(rng)) : u(rng);
      ops[k] = is_array ? batch::Operand<double>{data[k].data(), {static_cast<std::ptrdiff_t>(size)}, {1}}
                        : batch::Operand<double>{data[k].data(), {}, {}};
      base[k] = data[k].data();
    }
    plan = batch::plan_loops(ops, batch::Shape{static_cast<std::ptrdiff_t>(size)});
    for (auto* col : {&value, &trade_fee, &protocol_fee, &items}) col->resize(size);
    error.resize(size);
    cols = {value.get(), trade_fee.get(), protocol_fee.get(), error.get(), items.get(), {}};
    for (std::size_t j = 0; j < N; ++j) {
      next[j].resize(size);
      cols.next[j] = next[j].get();
    }
  }
};

using Range = std::pair<double, double>;

template <class Curve, bool Buy, std::size_t P>
void run(benchmark::State& state, const std::array<Range, P>& ranges, bool whole_counts = true) {
  const auto size = static_cast<std::size_t>(state.range(0));
  BatchCase<Curve> c(size, ranges, state.range(1) != 0, whole_counts);
  for (auto _ : state) {
    batch::quote_f64_checked<Curve, Buy>(c.ops, c.plan, c.base, c.cols);
    benchmark::DoNotOptimize(c.value.get());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * size));
}

constexpr std::array<Range, 5> kXyk{Range{50, 500}, Range{60, 200}, Range{0, 0.01}, Range{0, 0.005}, Range{1, 11}};
constexpr std::array<Range, 5> kExponential{Range{0.5, 50}, Range{1.001, 1.2}, Range{0, 0.01}, Range{0, 0.005},
                                            Range{1, 11}};
constexpr std::array<Range, 5> kLinear{Range{10, 50}, Range{0.01, 0.5}, Range{0, 0.01}, Range{0, 0.005}, Range{1, 11}};
constexpr std::array<Range, 8> kGda{Range{0.5, 50},    Range{1.01, 1.5}, Range{0, 0.001}, Range{0, 1000},
                                    Range{1000, 5000}, Range{0, 0.01},   Range{0, 0.005}, Range{1, 11}};
constexpr std::array<Range, 5> kWeighted{Range{50, 500}, Range{60, 200}, Range{0, 500}, Range{0, 100}, Range{1, 11}};

template <bool Buy>
void BM_BatchXYK(benchmark::State& s) {
  run<curves::XYK<F64>, Buy>(s, kXyk);
}
template <bool Buy>
void BM_BatchExponential(benchmark::State& s) {
  run<curves::Exponential<F64>, Buy>(s, kExponential);
}
template <bool Buy>
void BM_BatchLinear(benchmark::State& s) {
  run<curves::Linear<F64>, Buy>(s, kLinear);
}
template <bool Buy>
void BM_BatchGDA(benchmark::State& s) {
  run<curves::GDA<F64>, Buy>(s, kGda);
}
template <bool Buy>
void BM_BatchWeightedXYK(benchmark::State& s) {
  run<curves::WeightedXYK<F64>, Buy>(s, kWeighted);
}

// Args: {elements, varying (0: one curve and an array of n; 1: every parameter an array)}.
// 16,384 quotes (~1.4 MiB of operands and outputs) stay in cache: the kernels' compute cost.
#define CUSHION_BATCH_BENCH(fn, name)  \
  BENCHMARK(fn<true>)                  \
      ->Name("Batch/" name "/buy")     \
      ->ArgNames({"n", "varying"})     \
      ->Args({1000000, 0})             \
      ->Args({1000000, 1})             \
      ->Args({16384, 1})               \
      ->Unit(benchmark::kMillisecond); \
  BENCHMARK(fn<false>)                 \
      ->Name("Batch/" name "/sell")    \
      ->ArgNames({"n", "varying"})     \
      ->Args({1000000, 0})             \
      ->Args({1000000, 1})             \
      ->Args({16384, 1})               \
      ->Unit(benchmark::kMillisecond)

CUSHION_BATCH_BENCH(BM_BatchXYK, "xyk");
CUSHION_BATCH_BENCH(BM_BatchExponential, "exponential");
CUSHION_BATCH_BENCH(BM_BatchLinear, "linear");
CUSHION_BATCH_BENCH(BM_BatchGDA, "gda");
CUSHION_BATCH_BENCH(BM_BatchWeightedXYK, "weighted_xyk");

/// Fractional counts (uniform in [1, 11), not floored): the powers' fractional path, which
/// the kernels take one lane at a time (num/fast_math.hpp).  varying:0 shares one base, whose
/// log2 the power keeps between lanes; varying:1 gives every lane its own.
template <bool Buy>
void BM_BatchExponentialFractional(benchmark::State& s) {
  run<curves::Exponential<F64>, Buy>(s, kExponential, false);
}
BENCHMARK(BM_BatchExponentialFractional<false>)
    ->Name("Batch/fractional/exponential/sell")
    ->ArgNames({"n", "varying"})
    ->Args({100000, 0})
    ->Args({100000, 1})
    ->Unit(benchmark::kMillisecond);

/// The power alone: fast::pow_count on lanes over the exponential rows' deltas and whole
/// counts (n:16384 stays in cache, like Batch/exponential/.../n:16384), to compare with the
/// whole kernel: the part of an exponential quote that is delta^n.
void BM_PowCountLanes(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> delta(kExponential[1].first, kExponential[1].second);
  std::uniform_real_distribution<double> count(kExponential[4].first, kExponential[4].second);
  std::vector<double> x(size), n(size), out(size);
  for (std::size_t i = 0; i < size; ++i) {
    x[i] = delta(rng);
    n[i] = std::floor(count(rng));
  }
  constexpr std::size_t L = num::simd::kLanes;
  for (auto _ : state) {
    for (std::size_t i = 0; i + L <= size; i += L)
      num::simd::store(&out[i], num::fast::pow_count(num::simd::load(&x[i]), num::simd::load(&n[i])));
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * size));
}
BENCHMARK(BM_PowCountLanes)->Name("Batch/pow_count/lanes")->ArgName("n")->Arg(16384)->Unit(benchmark::kMicrosecond);

/// Exact batches: the contract-developer path, one uint256 curve per element (every
/// parameter a column of 10^5; counts 1..10).  Two rows per curve and side:
///   Batch/exact/<curve>/<side>        batch::quote_exact_into, kExactChunk (256) at a time into
///                                     buffers reused from chunk to chunk: the loop the Python
///                                     binding runs (register_batch.cpp), without the Python ints
///   Batch/exact/<curve>/<side>/fresh  batch::quote_exact, which allocates its 10^5-element
///                                     output columns (5 x 3.2 MB) every call: on a VM most of
///                                     that row is the kernel faulting in and zeroing fresh pages
/// A revert is caught and reported per element either way.
/// An exact column: integers drawn in [lo, hi], times `unit` wei.
struct Column {
  std::uint64_t lo, hi, unit;
};
constexpr std::uint64_t kMilli = 1000000000000000ULL;  // 0.001 token (or multiplier) in wei

template <std::size_t P>
std::array<std::vector<num::uint256>, P> exact_columns(std::size_t size, const std::array<Column, P>& spec) {
  using num::uint256;
  std::mt19937_64 rng(42);
  std::array<std::vector<uint256>, P> columns;
  for (std::size_t k = 0; k < P; ++k) {
    columns[k].resize(size);
    for (auto& v : columns[k]) v = uint256(spec[k].lo + rng() % (spec[k].hi - spec[k].lo + 1)) * uint256(spec[k].unit);
  }
  return columns;
}

template <class Curve, bool Buy, std::size_t P>
void run_exact(benchmark::State& state, const std::array<Column, P>& spec) {
  using num::uint256;
  constexpr std::size_t N = batch::CurveSchema<Curve>::next.size();
  const auto size = static_cast<std::size_t>(state.range(0));
  const auto columns = exact_columns(size, spec);
  // The chunk's outputs, reused as the binding reuses them.
  constexpr std::size_t kChunk = batch::kExactChunk;
  std::vector<uint256> out;
  std::vector<std::uint8_t> error(kChunk);
  std::vector<batch::ElementRevert> reverts;
  const batch::ExactSink<N> sink = batch::chunk_sink<N>(out, kChunk, error.data(), &reverts);
  for (auto _ : state) {
    reverts.clear();
    for (std::size_t first = 0; first < size; first += kChunk) {
      const std::size_t count = std::min(kChunk, size - first);
      std::array<std::span<const uint256>, P> views;
      for (std::size_t k = 0; k < P; ++k) views[k] = std::span<const uint256>(columns[k]).subspan(first, count);
      batch::quote_exact_into<Curve, Buy>(views, count, first, sink);
      benchmark::ClobberMemory();  // the chunk's outputs are consumed (converted, in the binding)
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * size));
}

template <class Curve, bool Buy, std::size_t P>
void run_exact_fresh(benchmark::State& state, const std::array<Column, P>& spec) {
  using num::uint256;
  const auto size = static_cast<std::size_t>(state.range(0));
  const auto columns = exact_columns(size, spec);
  std::array<std::span<const uint256>, P> views;
  for (std::size_t k = 0; k < P; ++k) views[k] = columns[k];
  for (auto _ : state) {
    auto r = batch::quote_exact<Curve, Buy, P>(views, size);
    benchmark::DoNotOptimize(r.value.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * size));
}

// The ranges of the f64 benchmarks (and bench/throughput.py) in exact units; counts 1..10.
constexpr Column kFee{0, 10, kMilli}, kProtocolFee{0, 5, kMilli}, kCount{1, 10, 1};
constexpr std::array<Column, 5> kExactLinear{Column{10000, 50000, kMilli}, Column{10, 500, kMilli}, kFee, kProtocolFee,
                                             kCount};
constexpr std::array<Column, 5> kExactExponential{Column{500, 50000, kMilli}, Column{1001, 1200, kMilli}, kFee,
                                                  kProtocolFee, kCount};
constexpr std::array<Column, 5> kExactXyk{Column{50000, 500000, kMilli}, Column{60, 200, 1}, kFee, kProtocolFee,
                                          kCount};
// lambda in [0, 0.001] per second (1e12-wei steps), t0 and now in seconds.
constexpr std::array<Column, 8> kExactGda{Column{500, 50000, kMilli},
                                          Column{1010, 1500, kMilli},
                                          Column{0, 1000, 1000000000000ULL},
                                          Column{1699999000, 1700000000, 1},
                                          Column{1700001000, 1700005000, 1},
                                          kFee,
                                          kProtocolFee,
                                          kCount};
// Caviar: reserves in base tokens and 18-decimal weights, fee rates in bps, weight sums of 1..10 items.
constexpr std::array<Column, 5> kExactWeighted{Column{50000, 500000, kMilli}, Column{60000, 200000, kMilli},
                                               Column{0, 100, 1}, Column{0, 50, 1}, Column{1000, 10000, kMilli}};

template <class Curve, bool Buy, const auto& Spec>
void BM_BatchExact(benchmark::State& s) {
  run_exact<Curve, Buy>(s, Spec);
}
template <class Curve, bool Buy, const auto& Spec>
void BM_BatchExactFresh(benchmark::State& s) {
  run_exact_fresh<Curve, Buy>(s, Spec);
}

#define CUSHION_EXACT_BATCH_ROW(bm, Curve, buy, spec, row) \
  BENCHMARK(bm<curves::Curve<num::Evm256>, buy, spec>)->Name(row)->Arg(100000)->Unit(benchmark::kMillisecond)
#define CUSHION_EXACT_BATCH_BENCH(Curve, name, spec)                                         \
  CUSHION_EXACT_BATCH_ROW(BM_BatchExact, Curve, true, spec, "Batch/exact/" name "/buy");           \
  CUSHION_EXACT_BATCH_ROW(BM_BatchExact, Curve, false, spec, "Batch/exact/" name "/sell");         \
  CUSHION_EXACT_BATCH_ROW(BM_BatchExactFresh, Curve, true, spec, "Batch/exact/" name "/buy/fresh"); \
  CUSHION_EXACT_BATCH_ROW(BM_BatchExactFresh, Curve, false, spec, "Batch/exact/" name "/sell/fresh")

CUSHION_EXACT_BATCH_BENCH(Linear, "linear", kExactLinear);
CUSHION_EXACT_BATCH_BENCH(Exponential, "exponential", kExactExponential);
CUSHION_EXACT_BATCH_BENCH(XYK, "xyk", kExactXyk);
CUSHION_EXACT_BATCH_BENCH(GDA, "gda", kExactGda);
CUSHION_EXACT_BATCH_BENCH(WeightedXYK, "weighted_xyk", kExactWeighted);

/// A whole slippage curve (k = 1..K) and a depth search.
void BM_SlippageCurve(benchmark::State& state) {
  const curves::XYK<F64> curve(500.0, 200.0, 0.005, 0.002);
  std::vector<double> k(static_cast<std::size_t>(state.range(0)));
  for (std::size_t i = 0; i < k.size(); ++i) k[i] = static_cast<double>(i + 1);
  for (auto _ : state) benchmark::DoNotOptimize(batch::slippage_curve(curve, k, curves::Side::sell));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * k.size()));
}
BENCHMARK(BM_SlippageCurve)->Name("Batch/slippage_curve/xyk")->Arg(1000);

void BM_Depth(benchmark::State& state) {
  const curves::Exponential<F64> curve(10.0, 1.001, 0.005);
  for (auto _ : state) benchmark::DoNotOptimize(batch::depth(curve, 0.1, curves::Side::sell, 1000000));
}
BENCHMARK(BM_Depth)->Name("Batch/depth/exponential");

}  // namespace
