// cushion/curves/gda.hpp — the gradual Dutch auction curve (sudoswap v2 GDACurve,
// after Paradigm's GDA).
//
// Each item bought multiplies the price by alpha; the price decays with time as
// 2^(-lambda t) (sudoswap uses 2 in place of e).  The spot price carries the
// history: after every trade the auction restarts at `now` from the new spot.
// Arithmetic is PRBMath UD60x18: every mul/div truncates.
#pragma once

#include <array>

#include "cushion/curves/detail/common.hpp"

namespace cushion::curves {

template <num::NumberPolicy Num>
class GDA {
 public:
  using number_policy = Num;
  using value_type = typename Num::value_type;
  using count_type = typename Num::count_type;
  static constexpr const char* kind = "gda";

  GDA() = default;
  /// spot_price: token amount (uint128).  alpha: per-item price multiplier (> 1;
  /// UD60x18, e.g. 1.1e18).  decay: lambda, the decay rate per second (UD60x18;
  /// the price halves every 1/lambda seconds).  t0: the auction's start time
  /// (seconds).  now: the time the curve is quoted at (block.timestamp).
  GDA(value_type spot_price, value_type alpha, value_type decay, value_type t0, value_type now, value_type fee = {},
      value_type protocol_fee = {})
      : spot_(spot_price), alpha_(alpha), lambda_(decay), t0_(t0), now_(now), fee_(fee), protocol_fee_(protocol_fee) {
    detail::check_parameter<Num>(spot_, "spot_price", true);
    detail::check_parameter<Num>(alpha_, "alpha", false);
    detail::check_parameter<Num>(lambda_, "decay", false);
    detail::check_parameter<Num>(t0_, "t0", false);
    detail::check_parameter<Num>(now_, "now", false);
    detail::check_parameter<Num>(fee_, "fee", false);
    detail::check_parameter<Num>(protocol_fee_, "protocol_fee", false);
  }

  /// The smallest spot price a trade may leave (sudoswap v2: 1 gwei).
  static value_type min_price() { return Num::from_wei(1000000000); }
  /// The time exponent's cap (2^10): see decay_factor().
  static constexpr unsigned kMaxTimeExponent = 10;

  const value_type& spot_price() const noexcept { return spot_; }
  const value_type& alpha() const noexcept { return alpha_; }
  const value_type& decay() const noexcept { return lambda_; }
  const value_type& t0() const noexcept { return t0_; }
  const value_type& now() const noexcept { return now_; }
  const value_type& fee() const noexcept { return fee_; }
  const value_type& protocol_fee() const noexcept { return protocol_fee_; }

  /// The same auction quoted at another time.
  GDA at(const value_type& now) const {
    detail::check_parameter<Num>(now, "now", false);
    GDA c = *this;
    c.now_ = now;
    return c;
  }

  /// The same auction (start and clock unchanged) from another spot price.
  GDA with_spot(const value_type& spot) const {
    detail::check_parameter<Num>(spot, "spot_price", true);  // the rest was checked at construction
    GDA c = *this;
    c.spot_ = spot;
    return c;
  }

  /// 2^(lambda (now - t0)) as UD60x18 pow(2e18, x).  `now - t0` is checked (now < t0
  /// reverts), and so is the product.  The cap tests the *whole part*:
  /// `if (convert(x) > 10) x = 10e18`, so an exponent in (10, 11) is left as is.
  value_type decay_factor() const {
    value_type exponent = Num::mul(Num::sub(now_, t0_), lambda_);
    if (Num::ud_whole(exponent) > Num::count(kMaxTimeExponent))
      exponent = Num::mul(Num::count(kMaxTimeExponent), Num::unit());
    return Num::ud_pow(Num::mul(Num::count(2), Num::unit()), exponent);
  }

  Quote<GDA> buy(const count_type& n) const {
    if (detail::invalid_count<Num>(n)) return Quote<GDA>::failed(CurveError::invalid_numitems, *this);
    const value_type one = Num::unit();
    const value_type decay = decay_factor();
    const value_type alpha_pow_n = Num::ud_powu(alpha_, n);  // truncates at every step
    // S' = (S * alpha^n) / decay, each UD60x18 op truncating.
    const value_type new_spot = Num::ud_div(Num::ud_mul(spot_, alpha_pow_n), decay);
    if (new_spot > Num::max_u128_amount()) return Quote<GDA>::failed(CurveError::spot_price_overflow, *this);
    if (new_spot < min_price()) return Quote<GDA>::failed(CurveError::spot_price_underflow, *this);
    // V = S (alpha^n - 1) / (alpha - 1) / decay; alpha < 1 underflows (revert), alpha == 1
    // divides by zero (revert).
    const value_type raw =
        Num::ud_div(Num::ud_div(Num::ud_mul(spot_, Num::sub(alpha_pow_n, one)), Num::sub(alpha_, one)), decay);
    // GDA floors its fees: UD60x18 mul truncates.
    const value_type protocol_fee = Num::ud_mul(raw, protocol_fee_);
    const value_type trade_fee = Num::ud_mul(raw, fee_);
    const value_type value = Num::add(Num::add(raw, protocol_fee), trade_fee);  // checked
    return detail::make_quote<Num>(*this, value, trade_fee, protocol_fee, n, restarted(new_spot));
  }

  Quote<GDA> sell(const count_type& n) const {
    if (detail::invalid_count<Num>(n)) return Quote<GDA>::failed(CurveError::invalid_numitems, *this);
    return sell_from_terms(n, sell_terms(n));
  }

  /// The part of sell(n) that does not depend on the spot price: the time boost
  /// 2^(lambda (now - t0)) and alpha^n.  A caller selling again and again at the same time
  /// (a simulation's tranches: see SellMemo) computes it once per count; sell(n,
  /// sell_terms(n)) is sell(n).  `reuse`: terms computed earlier for the same auction
  /// parameters (sell_terms_key()), whose boost is taken as it is.
  struct SellTerms {
    value_type boost{};
    value_type alpha_pow_n{};
    value_type alpha_pow_n_per_alpha{};  ///< f64: alpha^n / alpha (exact divides in the contract's order)
    value_type alpha_pow_n_less_one{};   ///< f64: alpha^n - 1
  };
  SellTerms sell_terms(const count_type& n, const SellTerms* reuse = nullptr) const {
    SellTerms t;
    t.boost = reuse ? reuse->boost : decay_factor();  // first: it may revert (now < t0)
    t.alpha_pow_n = Num::ud_powu(alpha_, n);
    // f64 division never reverts, so it may move ahead of the spot checks; the exact quote
    // keeps the contract's order (an overflow there must not pre-empt a spot error).
    if constexpr (!Num::is_exact) {
      t.alpha_pow_n_per_alpha = Num::ud_div(t.alpha_pow_n, alpha_);
      t.alpha_pow_n_less_one = Num::sub(t.alpha_pow_n, Num::unit());
    }
    return t;
  }
  /// What sell_terms() depends on besides the count (a SellMemo's key).
  std::array<value_type, 4> sell_terms_key() const { return {alpha_, lambda_, t0_, now_}; }

  /// sell(n) from terms already computed for this auction and n.
  Quote<GDA> sell(const count_type& n, const SellTerms& terms) const {
    if (detail::invalid_count<Num>(n)) return Quote<GDA>::failed(CurveError::invalid_numitems, *this);
    return sell_from_terms(n, terms);
  }

  /// The auction after a trade: the new spot price, restarted at `now`.
  GDA restarted(const value_type& spot) const {
    GDA c = *this;
    c.spot_ = spot;
    c.t0_ = now_;
    return c;
  }

 private:
  Quote<GDA> sell_from_terms(const count_type& n, const SellTerms& terms) const {
    const value_type one = Num::unit();
    const value_type& boost = terms.boost;
    const value_type& alpha_pow_n = terms.alpha_pow_n;
    // S' = (S * boost) / alpha^n.
    const value_type boosted = Num::ud_mul(spot_, boost);
    const value_type new_spot = Num::ud_div(boosted, alpha_pow_n);
    if (new_spot > Num::max_u128_amount()) return Quote<GDA>::failed(CurveError::spot_price_overflow, *this);
    if (new_spot < min_price()) return Quote<GDA>::failed(CurveError::spot_price_underflow, *this);
    // V = (S * boost) / (alpha^n / alpha) * (alpha^n - 1) / (alpha - 1), left to right,
    // each op truncating.
    value_type raw;
    if constexpr (Num::is_exact) {  // the contract's expression, as it stands (its revert order)
      raw = Num::ud_div(Num::ud_mul(Num::ud_div(boosted, Num::ud_div(alpha_pow_n, alpha_)), Num::sub(alpha_pow_n, one)),
                        Num::sub(alpha_, one));
    } else {  // the same steps, the count-only ones taken from the terms
      raw = Num::ud_div(Num::ud_mul(Num::ud_div(boosted, terms.alpha_pow_n_per_alpha), terms.alpha_pow_n_less_one),
                        Num::sub(alpha_, one));
    }
    const value_type protocol_fee = Num::ud_mul(raw, protocol_fee_);
    const value_type trade_fee = Num::ud_mul(raw, fee_);
    const value_type value = Num::sub(Num::sub(raw, protocol_fee), trade_fee);  // reverts if fees > V
    return detail::make_quote<Num>(*this, value, trade_fee, protocol_fee, n, restarted(new_spot));
  }

  value_type spot_{};
  value_type alpha_{};
  value_type lambda_{};
  value_type t0_{};
  value_type now_{};
  value_type fee_{};
  value_type protocol_fee_{};
};

}  // namespace cushion::curves
