// cushion/curves/linear.hpp — the linear bonding curve (sudoswap v2 LinearCurve).
//
// The spot price moves by `delta` per item: up on a buy, down on a sell.  The
// spot price is the pool's instant *sell* price; a buy starts one step up, at
// spot + delta, so that a buy followed by a sell never profits.
#pragma once

#include "cushion/curves/detail/common.hpp"

namespace cushion::curves {

template <num::NumberPolicy Num>
class Linear {
 public:
  using number_policy = Num;
  using value_type = typename Num::value_type;
  using count_type = typename Num::count_type;
  static constexpr const char* kind = "linear";

  Linear() = default;
  /// spot_price and delta are token amounts (uint128 on chain); fee and protocol_fee
  /// are multipliers (WAD-scaled in exact mode, fractions in f64).
  Linear(value_type spot_price, value_type delta, value_type fee = {}, value_type protocol_fee = {})
      : spot_(spot_price), delta_(delta), fee_(fee), protocol_fee_(protocol_fee) {
    detail::check_parameter<Num>(spot_, "spot_price", true);
    detail::check_parameter<Num>(delta_, "delta", true);
    detail::check_parameter<Num>(fee_, "fee", false);
    detail::check_parameter<Num>(protocol_fee_, "protocol_fee", false);
  }

  const value_type& spot_price() const noexcept { return spot_; }
  const value_type& delta() const noexcept { return delta_; }
  const value_type& fee() const noexcept { return fee_; }
  const value_type& protocol_fee() const noexcept { return protocol_fee_; }

  /// Buying n items from the pool.
  Quote<Linear> buy(const count_type& n) const {
    if (detail::invalid_count<Num>(n)) return Quote<Linear>::failed(CurveError::invalid_numitems, *this);
    // S' = S + delta * n: checked, so a product or sum past 2^256 reverts before the
    // uint128 range check turns a merely large result into SPOT_PRICE_OVERFLOW.
    const value_type new_spot = Num::add(spot_, Num::mul(delta_, n));
    if (new_spot > Num::max_u128_amount()) return Quote<Linear>::failed(CurveError::spot_price_overflow, *this);
    // The first item costs spot + delta; the n prices form an arithmetic series:
    // V = n (S + delta) + n (n - 1) delta / 2.  n (n - 1) is even, so the floor
    // division by 2 is exact.
    const value_type buy_spot = Num::add(spot_, delta_);
    const value_type series = Num::div(Num::mul(Num::mul(n, Num::minus_one(n)), delta_), two());
    const value_type raw = Num::add(Num::mul(n, buy_spot), series);
    // Fees round up (the pool's favour): ceil(V * P / 1e18), ceil(V * F / 1e18).
    const value_type protocol_fee = Num::mul_wad(raw, protocol_fee_, num::Rounding::up);
    const value_type trade_fee = Num::mul_wad(raw, fee_, num::Rounding::up);
    const value_type value = Num::add(raw, Num::add(trade_fee, protocol_fee));  // checked
    return detail::make_quote<Num>(*this, value, trade_fee, protocol_fee, n, with_spot(new_spot));
  }

  /// Selling n items into the pool.  When the price would go below zero the sale
  /// stops at the item that reaches zero: items = floor(S / delta) + 1 and S' = 0.
  Quote<Linear> sell(const count_type& n) const {
    if (detail::invalid_count<Num>(n)) return Quote<Linear>::failed(CurveError::invalid_numitems, *this);
    const value_type decrease = Num::mul(delta_, n);  // checked
    count_type items = n;
    value_type new_spot{};
    if (spot_ < decrease) {
      // delta > 0 here (decrease > spot >= 0), so the division cannot revert.
      items = Num::add(Num::floor_div(spot_, delta_), Num::count(1));
    } else {
      new_spot = Num::sub(spot_, decrease);
    }
    // V = n S - n (n - 1) delta / 2 >= 0 for every n the clamp allows.
    const value_type series = Num::div(Num::mul(Num::mul(items, Num::minus_one(items)), delta_), two());
    const value_type raw = Num::sub(Num::mul(items, spot_), series);
    const value_type protocol_fee = Num::mul_wad(raw, protocol_fee_, num::Rounding::up);
    const value_type trade_fee = Num::mul_wad(raw, fee_, num::Rounding::up);
    // Fees above the value make the subtraction revert (f64: CurveError::reverted).
    const value_type value = Num::sub(raw, Num::add(trade_fee, protocol_fee));
    return detail::make_quote<Num>(*this, value, trade_fee, protocol_fee, items, with_spot(new_spot));
  }

  Linear with_spot(const value_type& spot) const {
    Linear c = *this;
    c.spot_ = spot;
    return c;
  }

 private:
  static value_type two() { return Num::count(2); }

  value_type spot_{};
  value_type delta_{};
  value_type fee_{};
  value_type protocol_fee_{};
};

}  // namespace cushion::curves
