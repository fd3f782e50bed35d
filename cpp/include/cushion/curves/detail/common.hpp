// cushion/curves/detail/common.hpp — parameter checks and quote assembly shared by the curves.
#pragma once

#include <cmath>
#include <limits>
#include <string>

#include "cushion/curves/quote.hpp"
#include "cushion/errors.hpp"
#include "cushion/num/policy.hpp"

namespace cushion::curves::detail {

/// The throws of check_parameter, out of line and cold so that the check itself inlines
/// into hot loops (a batch quote builds one curve per element).
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_out_of_range_u128(const char* name) {
  throw OutOfRange(std::string(name) + " must be < 2**128 (it is a uint128 on chain)");
}
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_not_finite_nonnegative(const char* name) {
  throw InvalidArgument(std::string(name) + " must be a finite number >= 0");
}

/// Parameters of a curve are validated once, at construction, so quoting never sees
/// a value the on-chain types could not hold.  `u128` marks the uint128 ABI fields
/// (spot price and delta); fees and timestamps are uint256.
template <class Num>
[[gnu::always_inline]] inline void check_parameter(const typename Num::value_type& v, const char* name, bool u128) {
  if constexpr (Num::is_exact) {
    if (u128 && v > num::uint256::max_u128()) [[unlikely]]
      throw_out_of_range_u128(name);
  } else {
    (void)u128;
    if (!(v >= 0.0 && v <= std::numeric_limits<double>::max())) [[unlikely]]
      throw_not_finite_nonnegative(name);
  }
}

/// Whether n is not a count a quote can be taken for: zero in both policies (sudoswap's
/// INVALID_NUMITEMS), and in f64 also a negative, NaN or infinite count, which the closed
/// forms would otherwise turn into a plausible-looking quote (found by fuzz_curves_f64:
/// linear buy(-1) on a zero curve was OK with items == -1).
template <class Num>
bool invalid_count(const typename Num::count_type& n) {
  if constexpr (Num::is_exact)
    return n.is_zero();
  else
    return !(n > 0.0 && n <= std::numeric_limits<double>::max());
}

/// Assembles a successful quote.  In f64 a value that the exact mode could not have
/// produced (NaN from a step that would revert, a negative or out-of-range amount)
/// turns the quote into CurveError::reverted.
template <class Num, class Curve>
Quote<Curve> make_quote(const Curve& unchanged, const typename Num::value_type& value,
                        const typename Num::value_type& trade_fee, const typename Num::value_type& protocol_fee,
                        const typename Num::count_type& items, const Curve& next) {
  if constexpr (!Num::is_exact) {
    if (!(Num::representable(value) && Num::representable(trade_fee) && Num::representable(protocol_fee)))
      return Quote<Curve>::failed(CurveError::reverted, unchanged);
  }
  Quote<Curve> q;
  q.error = CurveError::ok;
  q.value = value;
  q.trade_fee = trade_fee;
  q.protocol_fee = protocol_fee;
  q.items = items;
  q.next = next;
  return q;
}

}  // namespace cushion::curves::detail
