// cushion/compat/sudoswap.hpp — sudoswap v2 (lssvm2) ICurve.getBuyInfo / getSellInfo,
// reproduced bit for bit on top of the core exact curves.
//
// This is a thin mapping, not a second implementation: it unpacks sudoswap's
// arguments into a core curve (Evm256 policy), quotes it, and packs the result
// into ICurve's tuple with the on-chain conventions:
//   - (error, newSpotPrice, newDelta, value, tradeFee, protocolFee)
//   - every field but `error` is 0 when error != OK
//   - checked-arithmetic failures are reverts (num::Revert), not error codes.
#pragma once

#include <optional>
#include <string_view>

#include "cushion/curves/exponential.hpp"
#include "cushion/curves/gda.hpp"
#include "cushion/curves/linear.hpp"
#include "cushion/curves/xyk.hpp"

namespace cushion::compat::sudoswap {

using num::uint256;

enum class CurveKind : unsigned char { linear, exponential, xyk, gda };

inline std::optional<CurveKind> parse_curve_kind(std::string_view name) noexcept {
  if (name == "linear") return CurveKind::linear;
  if (name == "exponential") return CurveKind::exponential;
  if (name == "xyk") return CurveKind::xyk;
  if (name == "gda") return CurveKind::gda;
  return std::nullopt;
}

/// ICurve's return tuple.
struct CurveInfo {
  curves::CurveError error = curves::CurveError::ok;
  uint256 new_spot_price;
  uint256 new_delta;
  uint256 value;
  uint256 trade_fee;
  uint256 protocol_fee;
};

/// GDA's delta packs alpha (uint40, bits 88..127), lambda (uint40, bits 48..87) and the
/// start time t0 (uint48, bits 0..47); alpha and lambda carry 9 decimals and are scaled
/// by 1e9 to UD60x18.
struct GdaDelta {
  uint256 alpha;   ///< UD60x18 (uint40 field * 1e9)
  uint256 lambda;  ///< UD60x18 per second (uint40 field * 1e9)
  uint256 t0;      ///< seconds (uint48 field)
};

inline constexpr std::uint64_t kGdaScale = 1000000000ULL;  // 9 -> 18 decimals

inline GdaDelta unpack_gda_delta(const uint256& delta) {
  const uint256 mask40 = uint256((1ULL << 40) - 1);
  const uint256 mask48 = uint256((1ULL << 48) - 1);
  return GdaDelta{((delta >> 88) & mask40) * uint256(kGdaScale), ((delta >> 48) & mask40) * uint256(kGdaScale),
                  delta & mask48};
}

/// Packs 9-decimal alpha and lambda fields and a start time into a GDA delta.
/// Throws OutOfRange when a field does not fit its width.
inline uint256 pack_gda_delta(const uint256& alpha9, const uint256& lambda9, const uint256& t0) {
  if (alpha9.bit_length() > 40) throw OutOfRange("alpha must fit in 40 bits (9 decimals)");
  if (lambda9.bit_length() > 40) throw OutOfRange("lambda must fit in 40 bits (9 decimals)");
  if (t0.bit_length() > 48) throw OutOfRange("t0 must fit in 48 bits");
  return (alpha9 << 88) | (lambda9 << 48) | t0;
}

/// _getNewDelta: clears the low 48 bits and writes uint48(block.timestamp) there
/// (the timestamp is truncated to 48 bits, silently, as on chain).
inline uint256 gda_delta_restarted(const uint256& delta, const uint256& timestamp) {
  return ((delta >> 48) << 48) | (timestamp & uint256((1ULL << 48) - 1));
}

namespace detail {

inline void check_u128(const uint256& v, const char* name) {
  if (v > uint256::max_u128()) throw OutOfRange(std::string(name) + " must be < 2**128 (it is a uint128 on chain)");
}

template <class Curve>
CurveInfo to_info(const curves::Quote<Curve>& q, const uint256& new_spot, const uint256& new_delta) {
  CurveInfo info;
  info.error = q.error;
  if (!q.ok()) return info;  // all zeros, as CurveErrorCodes requires
  info.new_spot_price = new_spot;
  info.new_delta = new_delta;
  info.value = q.value;
  info.trade_fee = q.trade_fee;
  info.protocol_fee = q.protocol_fee;
  return info;
}

template <bool Buy>
CurveInfo quote(CurveKind kind, const uint256& spot_price, const uint256& delta, const uint256& num_items,
                const uint256& fee_multiplier, const uint256& protocol_fee_multiplier, const uint256& timestamp) {
  using num::Evm256;
  check_u128(spot_price, "spot_price");
  check_u128(delta, "delta");
  auto run = [&](const auto& curve) { return Buy ? curve.buy(num_items) : curve.sell(num_items); };
  switch (kind) {
    case CurveKind::linear: {
      const auto q = run(curves::Linear<Evm256>(spot_price, delta, fee_multiplier, protocol_fee_multiplier));
      return to_info(q, q.next.spot_price(), delta);
    }
    case CurveKind::exponential: {
      const auto q = run(curves::Exponential<Evm256>(spot_price, delta, fee_multiplier, protocol_fee_multiplier));
      return to_info(q, q.next.spot_price(), delta);
    }
    case CurveKind::xyk: {
      const auto q = run(curves::XYK<Evm256>(spot_price, delta, fee_multiplier, protocol_fee_multiplier));
      return to_info(q, q.next.token_reserve(), q.next.nft_reserve());
    }
    case CurveKind::gda: {
      const GdaDelta d = unpack_gda_delta(delta);
      const auto q = run(
          curves::GDA<Evm256>(spot_price, d.alpha, d.lambda, d.t0, timestamp, fee_multiplier, protocol_fee_multiplier));
      return to_info(q, q.next.spot_price(), gda_delta_restarted(delta, timestamp));
    }
  }
  return CurveInfo{};
}

}  // namespace detail

/// ICurve.getBuyInfo.  `timestamp` (block.timestamp) is read by GDA only.
/// Throws OutOfRange if spot_price or delta does not fit uint128 (the ABI would reject
/// the call), and num::Revert wherever the contract reverts.
inline CurveInfo get_buy_info(CurveKind kind, const uint256& spot_price, const uint256& delta, const uint256& num_items,
                              const uint256& fee_multiplier, const uint256& protocol_fee_multiplier,
                              const uint256& timestamp = uint256()) {
  return detail::quote<true>(kind, spot_price, delta, num_items, fee_multiplier, protocol_fee_multiplier, timestamp);
}

/// ICurve.getSellInfo; see get_buy_info.
inline CurveInfo get_sell_info(CurveKind kind, const uint256& spot_price, const uint256& delta,
                               const uint256& num_items, const uint256& fee_multiplier,
                               const uint256& protocol_fee_multiplier, const uint256& timestamp = uint256()) {
  return detail::quote<false>(kind, spot_price, delta, num_items, fee_multiplier, protocol_fee_multiplier, timestamp);
}

}  // namespace cushion::compat::sudoswap
