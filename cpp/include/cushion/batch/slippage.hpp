// cushion/batch/slippage.hpp — slippage curves and depth of an f64 curve, in one call.
//
// The quantities a quant asks first when a cushion absorbs liquidations:
//   - the slippage curve: for k = 1..K items (or a basket's items in sale order, with
//     cumulative weights q_k), the value of trading them at once, the average price
//     value_k / q_k, the price of the k-th item (value_k - value_{k-1}) / (q_k - q_{k-1}),
//     and the price impact relative to the first item's price:
//       sell: 1 - avg_k / avg_1   (how much less per floor-equivalent than the first item)
//       buy:  avg_k / avg_1 - 1   (how much more)
//   - depth(x): how many items the curve absorbs before the price of the next item is
//     more than x (a fraction: 0.1 = 10%) worse than the first item's price.
// Values include fees (what the trader receives or pays); fractional weights follow the
// f64 closed forms (see curves/basket.hpp).  A quote that fails (an error code) yields
// NaN at that point, and depth stops before it.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "cushion/curves/basket.hpp"
#include "cushion/errors.hpp"

namespace cushion::batch {

struct SlippageCurve {
  std::vector<double> quantity;        ///< cumulative floor-equivalent quantity q_k
  std::vector<double> value;           ///< received (sell) / paid (buy) for q_k, fees included
  std::vector<double> average_price;   ///< value_k / q_k
  std::vector<double> marginal_price;  ///< the k-th item's price per floor-equivalent
  std::vector<double> price_impact;    ///< relative to the first item's price (0 at k = 1)
  std::vector<double> items;           ///< what the value pays for (< quantity where a linear sell stops)
  std::vector<std::uint8_t> error;     ///< the quote's CurveError at each point
};

/// Checks that cumulative quantities are finite, positive and strictly increasing.
inline void check_quantities(std::span<const double> quantities) {
  double previous = 0.0;
  for (std::size_t k = 0; k < quantities.size(); ++k) {
    const double q = quantities[k];
    if (!(std::isfinite(q) && q > previous))
      throw InvalidArgument("quantities must be finite, > 0 and strictly increasing (index " + std::to_string(k) + ")");
    previous = q;
  }
}

/// The slippage curve of trading the cumulative quantities `quantities` (1, 2, ..., K for
/// whole items; the running sum of a basket's weights) on an f64 curve.
template <class Curve>
SlippageCurve slippage_curve(const Curve& curve, std::span<const double> quantities, curves::Side side) {
  static_assert(!Curve::number_policy::is_exact, "slippage curves are an f64 tool");
  check_quantities(quantities);
  const std::size_t n = quantities.size();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  SlippageCurve out{std::vector<double>(quantities.begin(), quantities.end()),
                    std::vector<double>(n),
                    std::vector<double>(n),
                    std::vector<double>(n),
                    std::vector<double>(n),
                    std::vector<double>(n),
                    std::vector<std::uint8_t>(n)};
  double previous_value = 0.0, previous_quantity = 0.0, first_average = nan;
  for (std::size_t k = 0; k < n; ++k) {
    const double q = quantities[k];
    const auto quote = curves::quote_basket(curve, q, side);
    out.error[k] = static_cast<std::uint8_t>(quote.error);
    out.items[k] = quote.ok() ? quote.items : nan;
    const double v = quote.ok() ? quote.value : nan;
    out.value[k] = v;
    out.average_price[k] = v / q;
    out.marginal_price[k] = (v - previous_value) / (q - previous_quantity);
    if (k == 0) first_average = out.average_price[0];
    out.price_impact[k] = side == curves::Side::sell ? 1.0 - out.average_price[k] / first_average
                                                     : out.average_price[k] / first_average - 1.0;
    previous_value = v;
    previous_quantity = q;
  }
  return out;
}

/// How many items (whole items; with `quantities`, basket items in that order) `curve`
/// absorbs before the price of the next item is worse than the first item's by more than
/// `drop`: the largest k <= max_items whose k-th item still trades at no less than
/// (1 - drop) (sell) or no more than (1 + drop) (buy) times the first item's price per
/// floor-equivalent (to 1e-12 relative).  0 when the first item cannot be traded.  Every curve's item price
/// is monotone in k, so this is a binary search: O(log max_items) quotes.
template <class Curve>
std::uint64_t depth(const Curve& curve, double drop, curves::Side side, std::uint64_t max_items,
                    std::span<const double> quantities = {}) {
  static_assert(!Curve::number_policy::is_exact, "depth is an f64 tool");
  if (!(std::isfinite(drop) && drop >= 0.0)) throw InvalidArgument("drop must be a finite number >= 0");
  if (!quantities.empty()) {
    check_quantities(quantities);
    max_items = std::min<std::uint64_t>(max_items, quantities.size());
  }
  const auto quantity = [&](std::uint64_t k) {
    return k == 0 ? 0.0 : quantities.empty() ? static_cast<double>(k) : quantities[k - 1];
  };
  const auto value = [&](std::uint64_t k) {
    if (k == 0) return 0.0;
    const double q = quantity(k);
    const auto quote = curves::quote_basket(curve, q, side);
    // A failed quote, or one that takes fewer items than offered (a linear sell stops
    // where its price reaches zero), absorbs nothing more: NaN, never within.
    return quote.ok() && !(quote.items < q) ? quote.value : std::numeric_limits<double>::quiet_NaN();
  };
  const auto item_price = [&](std::uint64_t k) { return (value(k) - value(k - 1)) / (quantity(k) - quantity(k - 1)); };
  if (max_items == 0) return 0;
  const double first = item_price(1);
  if (!std::isfinite(first)) return 0;
  // The item prices are differences of quotes, exact only to rounding: a bound hit
  // exactly in real arithmetic (a linear curve's 5th item at a 20% drop) must count as
  // within, so the comparison allows 1e-12 of the first price.
  const double slack = 1e-12 * std::abs(first);
  const double bound = side == curves::Side::sell ? (1.0 - drop) * first - slack : (1.0 + drop) * first + slack;
  const auto within = [&](std::uint64_t k) {
    const double p = item_price(k);
    return side == curves::Side::sell ? p >= bound : p <= bound;  // NaN (a failed quote) is never within
  };
  std::uint64_t lo = 1, hi = max_items;  // within(lo) holds; find the last k that holds
  if (within(hi)) return hi;
  while (hi - lo > 1) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    (within(mid) ? lo : hi) = mid;
  }
  return lo;
}

}  // namespace cushion::batch
