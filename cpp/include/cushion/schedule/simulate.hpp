// cushion/schedule/simulate.hpp — executing a tranche schedule against a cushion, block by
// block.
//
// For block k = 0, 1, ...:
//   target_k  = schedule_k + carry_k                  (carry_0 = 0)
//   fill      = pool.absorb(target_k, stress_k)       caps at stress_k, widened sell quote
//   carry_k+1 = target_k - fill_k                     what the caps (or the curve) refused
//   pool.advance(1, reference_k+1)                    the curve recovers toward the reference
// After the schedule's N blocks, up to `extra_blocks` more blocks sell the carry (target =
// carry) until it is gone; whatever is left then is `unsold`.  Paths (stress, reference)
// shorter than the blocks simulated repeat their last value; an empty stress path is 0, an
// empty reference path is the arrival mid (transient impact only).
//
// Per block the trace records stress, half-spread, target, fill, carry out, proceeds,
// spread paid, fees, the mid before and after the trade, and slippage against the arrival
// mid (fill * mid_0 - proceeds), whose sum is the implementation shortfall of what was
// sold.  f64 only.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "cushion/absorb/cushion_pool.hpp"

namespace cushion::schedule {

struct SimulationTrace {
  std::vector<double> stress, half_spread, target, filled, carry, proceeds, spread, fees, mid_before, mid_after,
      slippage;
  std::vector<std::uint8_t> limited_by;
  double quantity = 0.0;     ///< sum of the schedule
  double arrival_mid = 0.0;  ///< the mid before the first block
  double sold = 0.0;         ///< sum of fills
  double unsold = 0.0;       ///< carry after the last block
  double total_proceeds = 0.0;
  double total_spread = 0.0;
  double total_fees = 0.0;
  double shortfall = 0.0;  ///< sold * arrival_mid - total_proceeds

  std::size_t blocks() const noexcept { return filled.size(); }

  /// Sizes every per-block column to n (the simulator writes them by index).
  void resize(std::size_t n) {
    for (auto* v : columns()) v->resize(n);
    limited_by.resize(n);
  }

 private:
  std::array<std::vector<double>*, 11> columns() {
    return {&stress, &half_spread, &target,     &filled,    &carry,   &proceeds,
            &spread, &fees,        &mid_before, &mid_after, &slippage};
  }
};

namespace detail {
/// Finite and >= 0 is 0 <= v <= the largest double (NaN fails both comparisons).
inline constexpr double kMaxFinite = std::numeric_limits<double>::max();

/// True if pred holds for every value (no early exit: a branch-free pass).
template <class Pred>
bool all_of_paths(std::span<const double> values, Pred pred) {
  unsigned failed = 0;  // an unsigned OR (a bool AND does not vectorise)
  for (double v : values) failed |= static_cast<unsigned>(!pred(v));
  return failed == 0;
}

/// The sum of the values in four interleaved lanes (it vectorises; the block loop takes the
/// ordered sum).  Only its finiteness is used: for values >= 0 it overflows exactly when the
/// ordered sum does, up to rounding at the very top of the double range (checked again at
/// the end).
inline double sum_unordered(std::span<const double> values) {
  double lane[4] = {0.0, 0.0, 0.0, 0.0};
  std::size_t i = 0;
  for (; i + 4 <= values.size(); i += 4)
    for (std::size_t j = 0; j < 4; ++j) lane[j] += values[i + j];
  for (; i < values.size(); ++i) lane[0] += values[i];
  return (lane[0] + lane[1]) + (lane[2] + lane[3]);
}

/// A path read block by block: path[k], its last value past the end.  An empty path has no
/// value of its own: the caller's fallback applies.
class PathCursor {
 public:
  explicit PathCursor(std::span<const double> path)
      : data_(path.data()), size_(path.size()), last_(path.empty() ? 0.0 : path.back()) {}
  bool empty() const noexcept { return size_ == 0; }
  double at(std::size_t k, double fallback) const noexcept {
    if (k < size_) return data_[k];
    return size_ == 0 ? fallback : last_;
  }

 private:
  const double* data_;
  std::size_t size_;
  double last_;
};
}  // namespace detail

/// Runs `schedule` against a pool (its curve, spread, caps, ledger, recovery and block).
/// The pool is taken by value: the caller's pool is not changed.
template <class Curve>
[[gnu::flatten]] SimulationTrace simulate(std::span<const double> schedule, absorb::CushionPool<Curve> given,
                                          std::span<const double> stress_path, std::span<const double> reference_path,
                                          std::size_t extra_blocks = 0) {
  if (schedule.empty()) throw InvalidArgument("schedule must not be empty");
  // The checks accumulate without branching (they vectorise); the schedule's sum is taken in
  // the block loop, in the same order, off this pass's critical path.
  if (!detail::all_of_paths(schedule, [](double v) { return (v >= 0.0) & (v <= detail::kMaxFinite); }))
    throw InvalidArgument("schedule tranches must be finite and >= 0");
  if (!std::isfinite(detail::sum_unordered(schedule)))
    throw InvalidArgument("schedule: the tranches must sum to a finite number");
  if (!detail::all_of_paths(stress_path, [](double s) { return (s >= 0.0) & (s <= 1.0); }))
    throw InvalidArgument("stress_path values must be in [0, 1]");
  if (!detail::all_of_paths(reference_path, [](double p) { return (p >= 0.0) & (p <= detail::kMaxFinite); }))
    throw InvalidArgument("reference_path values must be finite and >= 0");

  // A local pool (moved, not copied): unlike the by-value parameter, which lives in the
  // caller's frame, its address is nowhere else, so the optimiser knows the trace's stores
  // cannot touch it and keeps its state in registers across a block.
  absorb::CushionPool<Curve> pool = std::move(given);
  SimulationTrace t;
  t.arrival_mid = pool.mid();
  if (!reference_path.empty()) pool.set_reference(reference_path[0]);  // the curve itself does not move
  const std::size_t n = schedule.size();
  std::size_t size = n;
  t.resize(size);

  // Column pointers, refreshed when the extra blocks grow the trace: the loop writes rows by
  // index without re-reading twelve vectors' bookkeeping every block.
  struct Columns {
    double *stress, *half_spread, *target, *filled, *carry, *proceeds, *spread, *fees, *mid_before, *mid_after,
        *slippage;
    std::uint8_t* limited_by;
  } c{};
  auto refresh = [&] {
    c = {t.stress.data(),     t.half_spread.data(), t.target.data(),   t.filled.data(),
         t.carry.data(),      t.proceeds.data(),    t.spread.data(),   t.fees.data(),
         t.mid_before.data(), t.mid_after.data(),   t.slippage.data(), t.limited_by.data()};
  };
  refresh();

  const detail::PathCursor stress_at(stress_path), reference_at(reference_path);
  double quantity = 0.0, carry = 0.0, mid = t.arrival_mid;
  double sold = 0.0, proceeds = 0.0, spread = 0.0, fees_total = 0.0;
  const double arrival = t.arrival_mid;
  curves::SellMemo<Curve> memo;  // equal tranches share their count-only quote terms
  std::size_t k = 0;
  for (; k < n + extra_blocks; ++k) {
    if (k >= n && !(carry > 0.0)) break;
    if (k == size) {  // extra blocks: grow geometrically, trimmed at the end
      size = std::min(n + extra_blocks, 2 * size);
      t.resize(size);
      refresh();
    }
    const double tranche = k < n ? schedule[k] : 0.0;
    if (k < n) quantity += tranche;
    const double target = tranche + carry;
    const double s = stress_at.at(k, 0.0);
    pool.sync_ledger_unchecked();                          // the pool is ours: expire the window before the order
    const auto r = pool.fill_unchecked(target, s, &memo);  // the path was checked above
    carry = r.remainder;
    const double fees = r.trade_fee + r.protocol_fee;
    const double mid_after = pool.mid();
    c.stress[k] = s;
    c.half_spread[k] = r.half_spread;
    c.target[k] = target;
    c.filled[k] = r.filled;
    c.carry[k] = carry;
    c.proceeds[k] = r.proceeds;
    c.spread[k] = r.spread;
    c.fees[k] = fees;
    c.mid_before[k] = mid;
    c.mid_after[k] = mid_after;
    c.slippage[k] = r.filled * arrival - r.proceeds;
    c.limited_by[k] = r.limited_by;
    sold += r.filled;
    proceeds += r.proceeds;
    spread += r.spread;
    fees_total += fees;
    pool.advance_one_unchecked(reference_at.at(k + 1, pool.reference()));
    mid = pool.mid();
  }
  if (!std::isfinite(quantity)) throw InvalidArgument("schedule: the tranches must sum to a finite number");
  t.quantity = quantity;
  t.sold = sold;
  t.total_proceeds = proceeds;
  t.total_spread = spread;
  t.total_fees = fees_total;
  t.resize(k);
  t.unsold = carry;
  t.shortfall = t.sold * t.arrival_mid - t.total_proceeds;
  return t;
}

}  // namespace cushion::schedule
