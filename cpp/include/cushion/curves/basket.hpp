// cushion/curves/basket.hpp — quoting a basket of weighted items on any curve.
//
// A basket is a set of items with weights (a floor item weighs 1; exact mode: 1e18).
// The weighted XYK trades weights natively.  A collection-index curve (linear,
// exponential, xyk, gda) prices the basket as its floor-equivalent quantity, the summed
// weight, through its ordinary buy(n) / sell(n):
//
//   f64    the closed forms extend to fractional counts, so a basket of weight 2.7 is
//          quoted as n = 2.7 (linear: n(S+d) + n(n-1)d/2; exponential: delta^n; ...).
//   exact  n must be a whole number of items, so the summed weight (18 decimals) is
//          rounded in the pool's favour: a buy charges ceil(w / 1e18) items, a sell pays
//          floor(w / 1e18) items.  A sell of weight under one floor item is then n = 0,
//          INVALID_NUMITEMS.  The quote's `items` is the rounded count.
#pragma once

#include <type_traits>

#include "cushion/curves/weighted_xyk.hpp"

namespace cushion::curves {

enum class Side : unsigned char { buy, sell };

template <class Curve>
inline constexpr bool trades_weights_v = std::is_same_v<Curve, WeightedXYK<typename Curve::number_policy>>;

/// The item count a collection-index curve trades for a basket of summed weight
/// weight_sum (see the file comment for the rounding).
template <num::NumberPolicy Num>
typename Num::count_type floor_equivalent(const typename Num::value_type& weight_sum, Side side) {
  if constexpr (Num::is_exact) {
    const num::DivMod256 qr = num::divmod_nonzero(weight_sum, num::kWad);
    // ceil for a buy: the buyer pays for every started floor item.  The +1 cannot
    // overflow: the quotient is at most (2^256 - 1) / 1e18.
    if (side == Side::buy && !qr.rem.is_zero()) return qr.quot + num::uint256(1u);
    return qr.quot;  // floor for a sell: the seller is paid for whole floor items only
  } else {
    (void)side;
    return weight_sum;
  }
}

/// Quote buying a basket of summed weight weight_sum from `curve`.
template <class Curve>
Quote<Curve> buy_basket(const Curve& curve, const typename Curve::value_type& weight_sum) {
  if constexpr (trades_weights_v<Curve>)
    return curve.buy(weight_sum);
  else
    return curve.buy(floor_equivalent<typename Curve::number_policy>(weight_sum, Side::buy));
}

/// Quote selling a basket of summed weight weight_sum into `curve`.
template <class Curve>
Quote<Curve> sell_basket(const Curve& curve, const typename Curve::value_type& weight_sum) {
  if constexpr (trades_weights_v<Curve>)
    return curve.sell(weight_sum);
  else
    return curve.sell(floor_equivalent<typename Curve::number_policy>(weight_sum, Side::sell));
}

template <class Curve>
Quote<Curve> quote_basket(const Curve& curve, const typename Curve::value_type& weight_sum, Side side) {
  return side == Side::buy ? buy_basket(curve, weight_sum) : sell_basket(curve, weight_sum);
}

}  // namespace cushion::curves
