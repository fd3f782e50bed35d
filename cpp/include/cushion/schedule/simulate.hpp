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
#include <span>
#include <string>
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
/// path[k], the last value past the end, `fallback` for an empty path.
inline double path_at(std::span<const double> path, std::size_t k, double fallback) {
  if (path.empty()) return fallback;
  return path[std::min(k, path.size() - 1)];
}
}  // namespace detail

/// Runs `schedule` against a pool (its curve, spread, caps, ledger, recovery and block).
/// The pool is taken by value: the caller's pool is not changed.
template <class Curve>
[[gnu::flatten]] SimulationTrace simulate(std::span<const double> schedule, absorb::CushionPool<Curve> pool,
                                          std::span<const double> stress_path, std::span<const double> reference_path,
                                          std::size_t extra_blocks = 0) {
  if (schedule.empty()) throw InvalidArgument("schedule must not be empty");
  double quantity = 0.0;
  for (double v : schedule) {
    if (!(std::isfinite(v) && v >= 0.0)) throw InvalidArgument("schedule tranches must be finite and >= 0");
    quantity += v;
  }
  if (!std::isfinite(quantity)) throw InvalidArgument("schedule: the tranches must sum to a finite number");
  for (double s : stress_path)
    if (!(s >= 0.0 && s <= 1.0)) throw InvalidArgument("stress_path values must be in [0, 1]");
  for (double p : reference_path)
    if (!(std::isfinite(p) && p >= 0.0)) throw InvalidArgument("reference_path values must be finite and >= 0");

  SimulationTrace t;
  t.quantity = quantity;
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

  double carry = 0.0, mid = t.arrival_mid;
  double sold = 0.0, proceeds = 0.0, spread = 0.0, fees_total = 0.0;
  const double arrival = t.arrival_mid;
  std::size_t k = 0;
  for (; k < n + extra_blocks; ++k) {
    if (k >= n && !(carry > 0.0)) break;
    if (k == size) {  // extra blocks: grow geometrically, trimmed at the end
      size = std::min(n + extra_blocks, 2 * size);
      t.resize(size);
      refresh();
    }
    const double target = (k < n ? schedule[k] : 0.0) + carry;
    const double s = detail::path_at(stress_path, k, 0.0);
    const auto r = pool.fill_unchecked(target, s);  // the path was checked above
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
    pool.advance_one_unchecked(detail::path_at(reference_path, k + 1, pool.reference()));
    mid = pool.mid();
  }
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
