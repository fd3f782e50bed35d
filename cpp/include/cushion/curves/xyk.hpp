// cushion/curves/xyk.hpp — the constant-product curve on virtual reserves (sudoswap v2 XykCurve).
//
// x = the virtual token reserve (sudoswap's `spotPrice` slot), y = the virtual NFT
// reserve, a plain item count (sudoswap's `delta` slot).  Buying n items costs
// n x / (y - n); selling n items pays n x / (y + n).
#pragma once

#include "cushion/curves/detail/common.hpp"

namespace cushion::curves {

template <num::NumberPolicy Num>
class XYK {
 public:
  using number_policy = Num;
  using value_type = typename Num::value_type;
  using count_type = typename Num::count_type;
  static constexpr const char* kind = "xyk";

  XYK() = default;
  /// token_reserve (uint128, a token amount) and nft_reserve (uint128, an item count).
  XYK(value_type token_reserve, value_type nft_reserve, value_type fee = {}, value_type protocol_fee = {})
      : x_(token_reserve), y_(nft_reserve), fee_(fee), protocol_fee_(protocol_fee) {
    detail::check_parameter<Num>(x_, "token_reserve", true);
    detail::check_parameter<Num>(y_, "nft_reserve", true);
    detail::check_parameter<Num>(fee_, "fee", false);
    detail::check_parameter<Num>(protocol_fee_, "protocol_fee", false);
  }

  const value_type& token_reserve() const noexcept { return x_; }
  const value_type& nft_reserve() const noexcept { return y_; }
  /// sudoswap's names for the two reserves.
  const value_type& spot_price() const noexcept { return x_; }
  const value_type& delta() const noexcept { return y_; }
  const value_type& fee() const noexcept { return fee_; }
  const value_type& protocol_fee() const noexcept { return protocol_fee_; }

  Quote<XYK> buy(const count_type& n) const {
    if (detail::invalid_count<Num>(n)) return Quote<XYK>::failed(CurveError::invalid_numitems, *this);
    // Buying the whole reserve (or more) would divide by zero: INVALID_NUMITEMS.
    if (!(n < y_)) return Quote<XYK>::failed(CurveError::invalid_numitems, *this);
    const value_type new_y = Num::sub(y_, n);  // cannot underflow: n < y
    // V = floor(n x / (y - n)); n x is checked (reverts past 2^256).
    const value_type raw = Num::div(Num::mul(n, x_), new_y);
    const value_type protocol_fee = Num::mul_wad(raw, protocol_fee_, num::Rounding::up);
    const value_type trade_fee = Num::mul_wad(raw, fee_, num::Rounding::up);
    // The input value is summed (checked) before the reserve range check, as on chain.
    const value_type value = Num::add(Num::add(raw, trade_fee), protocol_fee);
    const value_type new_x = Num::add(x_, raw);
    if (new_x > Num::max_u128_amount()) return Quote<XYK>::failed(CurveError::spot_price_overflow, *this);
    return detail::make_quote<Num>(*this, value, trade_fee, protocol_fee, n, with_reserves(new_x, new_y));
  }

  Quote<XYK> sell(const count_type& n) const {
    if (detail::invalid_count<Num>(n)) return Quote<XYK>::failed(CurveError::invalid_numitems, *this);
    // y + n is checked (reverts past 2^256) and must fit uint128: DELTA_OVERFLOW.
    const value_type new_y = Num::add(y_, n);
    if (new_y > Num::max_u128_count()) return Quote<XYK>::failed(CurveError::delta_overflow, *this);
    // V = floor(n x / (y + n)) < x, so x - V never underflows.
    const value_type raw = Num::div(Num::mul(n, x_), new_y);
    const value_type protocol_fee = Num::mul_wad(raw, protocol_fee_, num::Rounding::up);
    const value_type trade_fee = Num::mul_wad(raw, fee_, num::Rounding::up);
    const value_type value = Num::sub(Num::sub(raw, trade_fee), protocol_fee);  // reverts if fees > V
    return detail::make_quote<Num>(*this, value, trade_fee, protocol_fee, n,
                                   with_reserves(reserve_after_sale(raw), new_y));
  }

  /// x - V after a sale.  Exact: V < x, so this cannot underflow.  f64: n x / (y + n) can
  /// round to an ulp above x when n >> y, which would make the next reserve NaN on an OK
  /// quote (found by fuzz_curves_f64); the sale has then taken the whole reserve.
  value_type reserve_after_sale(const value_type& raw) const {
    if constexpr (Num::is_exact)
      return Num::sub(x_, raw);
    else
      return raw < x_ ? x_ - raw : 0.0;
  }

  XYK with_reserves(const value_type& token_reserve, const value_type& nft_reserve) const {
    XYK c = *this;
    c.x_ = token_reserve;
    c.y_ = nft_reserve;
    return c;
  }

 private:
  value_type x_{};
  value_type y_{};
  value_type fee_{};
  value_type protocol_fee_{};
};

}  // namespace cushion::curves
