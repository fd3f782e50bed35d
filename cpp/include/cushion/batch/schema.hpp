// cushion/batch/schema.hpp — what a batch quote reads and writes for each curve.
//
// For every curve: its parameters in constructor order followed by the traded quantity
// (the batch operands), the state fields a trade changes (the `next` outputs), how to
// build the curve from one element's parameters, and, for f64, each parameter's upper
// bound (the constructor's own checks; the batch validates whole arrays up front so that
// the loop never throws).  `CurveKind` names the five curves at run time.
#pragma once

#include <array>
#include <limits>
#include <optional>
#include <string_view>

#include "cushion/curves/exponential.hpp"
#include "cushion/curves/gda.hpp"
#include "cushion/curves/linear.hpp"
#include "cushion/curves/weighted_xyk.hpp"
#include "cushion/curves/xyk.hpp"

namespace cushion::batch {

inline constexpr double kUnbounded = std::numeric_limits<double>::max();

template <class Curve>
struct CurveSchema;

/// Linear and exponential curves: (spot_price, delta, fee, protocol_fee), the spot price moves.
template <class Curve>
struct SpotDeltaSchema {
  using V = typename Curve::value_type;
  static constexpr std::array<const char*, 5> params{"spot_price", "delta", "fee", "protocol_fee", "n"};
  static constexpr std::array<double, 5> upper{kUnbounded, kUnbounded, kUnbounded, kUnbounded, kUnbounded};
  static constexpr std::array<const char*, 1> next{"spot_price"};
  static Curve make(const V* p) { return Curve(p[0], p[1], p[2], p[3]); }
  static void store_next(const Curve& c, V* out) { out[0] = c.spot_price(); }
};

template <class Num>
struct CurveSchema<curves::Linear<Num>> : SpotDeltaSchema<curves::Linear<Num>> {};

template <class Num>
struct CurveSchema<curves::Exponential<Num>> : SpotDeltaSchema<curves::Exponential<Num>> {};

template <class Num>
struct CurveSchema<curves::XYK<Num>> {
  using Curve = curves::XYK<Num>;
  using V = typename Num::value_type;
  static constexpr std::array<const char*, 5> params{"token_reserve", "nft_reserve", "fee", "protocol_fee", "n"};
  static constexpr std::array<double, 5> upper{kUnbounded, kUnbounded, kUnbounded, kUnbounded, kUnbounded};
  static constexpr std::array<const char*, 2> next{"token_reserve", "nft_reserve"};
  static Curve make(const V* p) { return Curve(p[0], p[1], p[2], p[3]); }
  static void store_next(const Curve& c, V* out) {
    out[0] = c.token_reserve();
    out[1] = c.nft_reserve();
  }
};

template <class Num>
struct CurveSchema<curves::GDA<Num>> {
  using Curve = curves::GDA<Num>;
  using V = typename Num::value_type;
  static constexpr std::array<const char*, 8> params{"spot_price", "alpha", "decay",        "t0",
                                                     "now",        "fee",   "protocol_fee", "n"};
  static constexpr std::array<double, 8> upper{kUnbounded, kUnbounded, kUnbounded, kUnbounded,
                                               kUnbounded, kUnbounded, kUnbounded, kUnbounded};
  static constexpr std::array<const char*, 2> next{"spot_price", "t0"};
  static Curve make(const V* p) { return Curve(p[0], p[1], p[2], p[3], p[4], p[5], p[6]); }
  static void store_next(const Curve& c, V* out) {
    out[0] = c.spot_price();
    out[1] = c.t0();
  }
};

template <class Num>
struct CurveSchema<curves::WeightedXYK<Num>> {
  using Curve = curves::WeightedXYK<Num>;
  using V = typename Num::value_type;
  static constexpr std::array<const char*, 5> params{"base_reserve", "nft_reserve", "fee_rate_bps",
                                                     "protocol_fee_rate_bps", "weight_sum"};
  static constexpr std::array<double, 5> upper{kUnbounded, kUnbounded, double(Curve::kMaxFeeRateBps),
                                               double(Curve::kMaxRateBps), kUnbounded};
  static constexpr std::array<const char*, 2> next{"base_reserve", "nft_reserve"};
  static Curve make(const V* p) { return Curve(p[0], p[1], p[2], p[3]); }
  static void store_next(const Curve& c, V* out) {
    out[0] = c.base_reserve();
    out[1] = c.nft_reserve();
  }
};

enum class CurveKind : unsigned char { linear, exponential, xyk, gda, weighted_xyk };

inline std::optional<CurveKind> parse_curve_kind(std::string_view name) noexcept {
  if (name == "linear") return CurveKind::linear;
  if (name == "exponential") return CurveKind::exponential;
  if (name == "xyk") return CurveKind::xyk;
  if (name == "gda") return CurveKind::gda;
  if (name == "weighted_xyk") return CurveKind::weighted_xyk;
  return std::nullopt;
}

template <class T>
struct Type {
  using type = T;
};

/// Calls fn(Type<Curve<Num>>{}) for the curve `kind` names.
template <class Num, class Fn>
decltype(auto) visit_curve(CurveKind kind, Fn&& fn) {
  switch (kind) {
    case CurveKind::linear:
      return fn(Type<curves::Linear<Num>>{});
    case CurveKind::exponential:
      return fn(Type<curves::Exponential<Num>>{});
    case CurveKind::xyk:
      return fn(Type<curves::XYK<Num>>{});
    case CurveKind::gda:
      return fn(Type<curves::GDA<Num>>{});
    case CurveKind::weighted_xyk:
      break;
  }
  return fn(Type<curves::WeightedXYK<Num>>{});
}

}  // namespace cushion::batch
