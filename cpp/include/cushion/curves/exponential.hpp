// cushion/curves/exponential.hpp — the exponential bonding curve (sudoswap v2 ExponentialCurve).
//
// The spot price is multiplied by delta (> 1) per item bought and divided by it
// per item sold.  As with the linear curve the spot price is the instant sell
// price and a buy starts one step up, at spot * delta.
#pragma once

#include <array>

#include "cushion/curves/detail/common.hpp"
#include "cushion/num/wad128.hpp"

namespace cushion::curves {

template <num::NumberPolicy Num>
class Exponential {
 public:
  using number_policy = Num;
  using value_type = typename Num::value_type;
  using count_type = typename Num::count_type;
  static constexpr const char* kind = "exponential";

  Exponential() = default;
  /// spot_price is a token amount (uint128); delta is the per-item multiplier
  /// (WAD-scaled uint128 in exact mode, e.g. 1.05e18; 1.05 in f64).  A delta <= 1
  /// is accepted (the contract does not check it when quoting) and makes quotes
  /// revert, as on chain.
  Exponential(value_type spot_price, value_type delta, value_type fee = {}, value_type protocol_fee = {})
      : spot_(spot_price), delta_(delta), fee_(fee), protocol_fee_(protocol_fee) {
    detail::check_parameter<Num>(spot_, "spot_price", true);
    detail::check_parameter<Num>(delta_, "delta", true);
    detail::check_parameter<Num>(fee_, "fee", false);
    detail::check_parameter<Num>(protocol_fee_, "protocol_fee", false);
  }

  /// The smallest spot price a sell may leave (sudoswap v2: 1e6 wei).
  static value_type min_price() { return Num::from_wei(1000000); }

  const value_type& spot_price() const noexcept { return spot_; }
  const value_type& delta() const noexcept { return delta_; }
  const value_type& fee() const noexcept { return fee_; }
  const value_type& protocol_fee() const noexcept { return protocol_fee_; }

  Quote<Exponential> buy(const count_type& n) const {
    if constexpr (Num::is_exact) {
      // Realistic curves run on 128-bit registers; the general path below is taken when the
      // fast one declines (an operand or intermediate out of its range, or a revert).  Both
      // branches return a prvalue, so the quote is built once, in the caller's storage.
      FastQuote f;
      if (buy_u128(n, &f)) [[likely]]
        return quote_of(f, n);
      return buy_general(n);
    } else {
      return buy_general(n);
    }
  }

  Quote<Exponential> sell(const count_type& n) const {
    if constexpr (Num::is_exact) {
      FastQuote f;
      if (sell_u128(n, &f)) [[likely]]
        return f.below_min_price ? Quote<Exponential>::failed(CurveError::spot_price_underflow, *this) : quote_of(f, n);
      return sell_general(n);
    } else {
      return sell_general(n);
    }
  }

  /// The general path alone (checked uint256 at every step; the f64 quote itself in f64
  /// mode).  buy() and sell() equal these by construction; the tests hold them to it.
  Quote<Exponential> buy_reference(const count_type& n) const { return buy_general(n); }
  Quote<Exponential> sell_reference(const count_type& n) const { return sell_general(n); }

  /// The part of sell(n) that depends on delta and n alone (not on the spot price):
  /// I = 1/delta and I^n.  A caller selling again and again (a simulation's tranches: see
  /// SellMemo) computes it once per count; sell(n, sell_terms(n)) is sell(n).  `reuse`:
  /// terms computed earlier for the same delta, whose I is taken as it is.
  struct SellTerms {
    value_type inv_delta{};
    value_type inv_delta_pow_n{};
    value_type decay{};  ///< f64: (1 - I^n) / (1 - I) (exact computes it after the spot check)
  };
  SellTerms sell_terms(const count_type& n, const SellTerms* reuse = nullptr) const {
    SellTerms t;
    // I = floor(1e18 * 1e18 / delta); reverts on delta == 0.
    t.inv_delta = reuse ? reuse->inv_delta : Num::div_wad(Num::unit(), delta_, num::Rounding::down);
    t.inv_delta_pow_n = Num::rpow_wad(t.inv_delta, n);
    // f64 steps never revert, so this one may move ahead of the spot check.
    if constexpr (!Num::is_exact) t.decay = sell_decay(t);
    return t;
  }
  /// What sell_terms() depends on besides the count (a SellMemo's key).
  std::array<value_type, 1> sell_terms_key() const { return {delta_}; }

  /// sell(n) from terms already computed for this delta and n (the general path: f64, or
  /// exact when the caller holds the terms).
  Quote<Exponential> sell(const count_type& n, const SellTerms& terms) const {
    if (detail::invalid_count<Num>(n)) return Quote<Exponential>::failed(CurveError::invalid_numitems, *this);
    return sell_from_terms(n, terms);
  }

  Exponential with_spot(const value_type& spot) const {
    Exponential c = *this;
    c.spot_ = spot;
    return c;
  }

 private:
  /// A quote computed on 128-bit registers, before it becomes a Quote of uint256 values.
  struct FastQuote {
    num::u128 value, trade_fee, protocol_fee, new_spot;
    bool below_min_price;  ///< sell only: SPOT_PRICE_UNDERFLOW (nothing else is set)
  };

  Quote<Exponential> quote_of(const FastQuote& f, const count_type& n) const noexcept {
    return {CurveError::ok,
            num::uint256::from_u128(f.value),
            num::uint256::from_u128(f.trade_fee),
            num::uint256::from_u128(f.protocol_fee),
            n,
            with_spot(num::uint256::from_u128(f.new_spot))};
  }

  /// The five operands on 128-bit registers; false if any is wider (every one is read:
  /// no branch per operand).
  bool fast_operands(const count_type& n, num::u128* s, num::u128* d, num::u128* f, num::u128* p,
                     num::u128* items) const noexcept {
    namespace w = num::wad128;
    unsigned fits = w::to_u128(spot_, s);
    fits &= w::to_u128(delta_, d);
    fits &= w::to_u128(fee_, f);
    fits &= w::to_u128(protocol_fee_, p);
    fits &= w::to_u128(n, items);
    return fits != 0;
  }

  /// The exact buy on 128-bit registers (num/wad128.hpp): the same steps and rounding as
  /// buy_general, declining (false) wherever that could differ; *out is then untouched.
  bool buy_u128(const count_type& n, FastQuote* out) const noexcept {
    namespace w = num::wad128;
    num::u128 s, d, f, p, items, dpn, new_spot, first, dpn_less_one, delta_less_one, growth, raw, pf, tf, fees, value;
    const bool fits = fast_operands(n, &s, &d, &f, &p, &items);
    // new_spot < 2^128 / 1e18 here, so SPOT_PRICE_OVERFLOW cannot occur on this path.
    if (!(fits && items != 0 && w::rpow(d, items, &dpn) && w::mul_wad(s, dpn, true, &new_spot) &&
          w::mul_wad(s, d, true, &first) && w::sub(dpn, w::kWad, &dpn_less_one) &&
          w::sub(d, w::kWad, &delta_less_one) && w::div_wad(dpn_less_one, delta_less_one, true, &growth) &&
          w::mul_wad(first, growth, true, &raw) && w::mul_wad(raw, p, true, &pf) && w::mul_wad(raw, f, true, &tf) &&
          w::add(pf, tf, &fees) && w::add(raw, fees, &value)))
      return false;
    *out = {value, tf, pf, new_spot, false};
    return true;
  }

  /// The exact sell on 128-bit registers (see buy_u128).
  bool sell_u128(const count_type& n, FastQuote* out) const noexcept {
    namespace w = num::wad128;
    num::u128 s, d, f, p, items, inv, ipn, new_spot, ipn_gap, inv_gap, decay, raw, pf, tf, fees, value;
    const bool fits = fast_operands(n, &s, &d, &f, &p, &items);
    // The product S * I^n < 2^128, so uint128(...) truncates nothing on this path.
    if (!(fits && items != 0 && w::div_wad(w::kWad, d, false, &inv) && w::rpow(inv, items, &ipn) &&
          w::mul_wad(s, ipn, false, &new_spot)))
      return false;
    if (new_spot < 1000000) {  // min_price(): reported before anything below can revert
      out->below_min_price = true;
      return true;
    }
    if (!(w::sub(w::kWad, ipn, &ipn_gap) && w::sub(w::kWad, inv, &inv_gap) &&
          w::div_wad(ipn_gap, inv_gap, false, &decay) && w::mul_wad(s, decay, false, &raw) &&
          w::mul_wad(raw, p, true, &pf) && w::mul_wad(raw, f, true, &tf) && w::add(pf, tf, &fees) &&
          w::sub(raw, fees, &value)))
      return false;
    *out = {value, tf, pf, new_spot, false};
    return true;
  }

  Quote<Exponential> buy_general(const count_type& n) const {
    if (detail::invalid_count<Num>(n)) return Quote<Exponential>::failed(CurveError::invalid_numitems, *this);
    const value_type one = Num::unit();
    // D = delta^n by rpow: every squaring/multiply rounds half up; reverts if an
    // intermediate reaches 2^128 before squaring.
    const value_type delta_pow_n = Num::rpow_wad(delta_, n);
    // S' = ceil(S * D / 1e18): rounded up, in the pool's favour.
    const value_type new_spot = Num::mul_wad(spot_, delta_pow_n, num::Rounding::up);
    if (new_spot > Num::max_u128_amount()) return Quote<Exponential>::failed(CurveError::spot_price_overflow, *this);
    // The first item costs B = ceil(S * delta / 1e18); n items cost the geometric series
    // B (D - 1) / (delta - 1), each factor rounded up:
    //   V = ceil(B * ceil((D - 1e18) * 1e18 / (delta - 1e18)) / 1e18).
    // delta < 1e18 underflows D - 1e18 (revert); delta == 1e18 divides by zero (revert).
    const value_type first = Num::mul_wad(spot_, delta_, num::Rounding::up);
    const value_type growth = Num::div_wad(Num::sub(delta_pow_n, one), Num::sub(delta_, one), num::Rounding::up);
    const value_type raw = Num::mul_wad(first, growth, num::Rounding::up);
    const value_type protocol_fee = Num::mul_wad(raw, protocol_fee_, num::Rounding::up);
    const value_type trade_fee = Num::mul_wad(raw, fee_, num::Rounding::up);
    const value_type value = Num::add(raw, Num::add(protocol_fee, trade_fee));  // checked
    return detail::make_quote<Num>(*this, value, trade_fee, protocol_fee, n, with_spot(new_spot));
  }

  Quote<Exponential> sell_general(const count_type& n) const {
    if (detail::invalid_count<Num>(n)) return Quote<Exponential>::failed(CurveError::invalid_numitems, *this);
    return sell_from_terms(n, sell_terms(n));
  }

  /// floor((1e18 - I^n) * 1e18 / (1e18 - I)).  delta < 1e18 makes I > 1e18: underflow revert.
  static value_type sell_decay(const SellTerms& terms) {
    const value_type one = Num::unit();
    return Num::div_wad(Num::sub(one, terms.inv_delta_pow_n), Num::sub(one, terms.inv_delta), num::Rounding::down);
  }

  Quote<Exponential> sell_from_terms(const count_type& n, const SellTerms& terms) const {
    const value_type& inv_delta_pow_n = terms.inv_delta_pow_n;
    // S' = floor(S * I^n / 1e18), then `uint128(...)`, which truncates silently.  With
    // delta >= 1e18, S' <= S and nothing is lost; with delta < 1e18 the truncated value
    // can fall under MIN_PRICE and return SPOT_PRICE_UNDERFLOW before the revert below.
    const value_type new_spot = Num::truncate_u128(Num::mul_wad(spot_, inv_delta_pow_n, num::Rounding::down));
    if (new_spot < min_price()) return Quote<Exponential>::failed(CurveError::spot_price_underflow, *this);
    // V = floor(S * floor((1e18 - I^n) * 1e18 / (1e18 - I)) / 1e18), each step rounded
    // down (the pool's favour on a sell).
    const value_type decay = Num::is_exact ? sell_decay(terms) : terms.decay;
    const value_type raw = Num::mul_wad(spot_, decay, num::Rounding::down);
    const value_type protocol_fee = Num::mul_wad(raw, protocol_fee_, num::Rounding::up);
    const value_type trade_fee = Num::mul_wad(raw, fee_, num::Rounding::up);
    const value_type value = Num::sub(raw, Num::add(protocol_fee, trade_fee));  // reverts if fees > V
    return detail::make_quote<Num>(*this, value, trade_fee, protocol_fee, n, with_spot(new_spot));
  }

  value_type spot_{};
  value_type delta_{};
  value_type fee_{};
  value_type protocol_fee_{};
};

}  // namespace cushion::curves
