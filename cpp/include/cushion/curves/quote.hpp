// cushion/curves/quote.hpp — what a curve returns for a buy or a sell.
#pragma once

#include <cstdint>

namespace cushion::curves {

/// sudoswap v2's CurveErrorCodes.Error, in order, plus one f64-only code.
enum class CurveError : std::uint8_t {
  ok = 0,
  invalid_numitems = 1,      ///< n == 0, or (XYK buy) n >= the NFT reserve
  spot_price_overflow = 2,   ///< the new spot price does not fit in uint128
  delta_overflow = 3,        ///< the new delta does not fit in uint128
  spot_price_underflow = 4,  ///< the new spot price falls below the curve's MIN_PRICE
  auction_ended = 5,         ///< in the on-chain enum; none of the four curves returns it
  /// f64 only: the exact mode would revert here (an unsigned subtraction below zero,
  /// a division by zero, fees above the value, a result past 2^256).  Exact mode
  /// throws num::Revert instead and never returns this code.
  reverted = 6,
};

inline const char* to_string(CurveError e) noexcept {
  switch (e) {
    case CurveError::ok:
      return "OK";
    case CurveError::invalid_numitems:
      return "INVALID_NUMITEMS";
    case CurveError::spot_price_overflow:
      return "SPOT_PRICE_OVERFLOW";
    case CurveError::delta_overflow:
      return "DELTA_OVERFLOW";
    case CurveError::spot_price_underflow:
      return "SPOT_PRICE_UNDERFLOW";
    case CurveError::auction_ended:
      return "AUCTION_ENDED";
    case CurveError::reverted:
      return "REVERTED";
  }
  return "?";
}

/// The result of quoting n items against a curve.  A value: copy it freely.
///
/// `value` is what the trader pays (buy) or receives (sell), fees included, exactly
/// as sudoswap's `inputValue` / `outputValue`.  `items` is the number of items the
/// value pays for (the linear curve's sell stops where its price reaches zero, so
/// it may be less than asked).  `next` is the curve after the trade; when `error`
/// is not ok, every amount is zero and `next` is the unchanged curve.
template <class Curve>
struct Quote {
  using value_type = typename Curve::value_type;
  using count_type = typename Curve::count_type;

  CurveError error = CurveError::ok;
  value_type value{};
  value_type trade_fee{};
  value_type protocol_fee{};
  count_type items{};
  Curve next;

  bool ok() const noexcept { return error == CurveError::ok; }

  static Quote failed(CurveError e, const Curve& unchanged) {
    Quote q{};
    q.error = e;
    q.next = unchanged;
    return q;
  }
};

}  // namespace cushion::curves
