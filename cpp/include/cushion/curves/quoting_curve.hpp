// cushion/curves/quoting_curve.hpp — what the spread, absorption and schedule layers
// ask of a curve, as a C++20 concept.
//
// Any immutable curve value with value_type / count_type and buy(n) / sell(n) returning
// a quote (error, value, trade_fee, protocol_fee, items, next, ok()) qualifies: the four
// collection-index curves, a trait-basket curve, the linear-impact model market of
// schedule/, or a StressedCurve wrapping any of them.  Nothing else is assumed, so the
// layers above never need to know the concrete curve.
#pragma once

#include <type_traits>
#include <utility>

#include "cushion/num/policy.hpp"

namespace cushion::curves {

template <class Q, class Curve>
concept CurveQuote = requires(const Q& q) {
  q.error;
  q.value;
  q.trade_fee;
  q.protocol_fee;
  q.items;
  { q.next } -> std::convertible_to<Curve>;
  { q.ok() } -> std::convertible_to<bool>;
};

template <class Curve>
concept QuotingCurve = std::is_same_v<Curve, std::remove_cvref_t<Curve>> && std::is_copy_assignable_v<Curve> &&
    requires(const Curve& c, const typename Curve::count_type& n) {
  typename Curve::value_type;
  typename Curve::count_type;
  { c.buy(n) } -> CurveQuote<Curve>;
  { c.sell(n) } -> CurveQuote<Curve>;
};

/// The number policy a curve's values belong to, deduced from its value_type (a basket
/// or model curve need not name its policy): uint256 -> Evm256, double -> F64.
template <class Curve>
using number_policy_of =
    std::conditional_t<std::is_same_v<typename Curve::value_type, num::uint256>, num::Evm256, num::F64>;

}  // namespace cushion::curves
