// cushion/curves/sell_memo.hpp — SellMemo<Curve>: sells quoted one after another, with the
// count-only part of the last quote remembered.
//
// A simulation sells into one curve block after block, mostly the same count (TWAP's equal
// tranches), while only the spot price moves.  The exponential and GDA sells spend most of
// their time on a part that depends on the count and the curve's fixed parameters alone
// (I^n and, for GDA, alpha^n and the time boost: a pow for a fractional count).  A curve
// that splits its sell that way offers
//
//   SellTerms sell_terms(n, reuse)    the spot-independent part; `reuse` (may be null):
//                                     terms for the same key, whose count-free part is kept
//   sell_terms_key()                  the parameters sell_terms reads besides n
//   sell(n, terms)                    == sell(n) when terms == sell_terms(n)
//
// and SellMemo recomputes the terms only when n or the key changes, and the count-free part
// only when the key changes (both compared bit for bit, so that -0.0 and 0.0 or two NaNs are
// never taken for each other).  The quote is the curve's
// own sell(n), bit for bit; a curve without the split is simply sold.  f64 only: exact
// curves keep their dedicated paths (and their revert order).
#pragma once

#include <cstring>
#include <utility>

#include "cushion/curves/quoting_curve.hpp"

namespace cushion::curves {

template <class Curve>
concept SplitSellCurve = std::is_same_v<typename Curve::value_type, double> &&
    requires(const Curve& c, const typename Curve::count_type& n) {
  c.sell_terms(n, nullptr);
  c.sell_terms_key();
  { c.sell(n, c.sell_terms(n)) } -> CurveQuote<Curve>;
};

namespace detail {
/// What a SellMemo remembers: nothing for a curve without the split.
template <class Curve>
struct SellMemoState {};
template <SplitSellCurve Curve>
struct SellMemoState<Curve> {
  decltype(std::declval<const Curve&>().sell_terms(std::declval<const typename Curve::count_type&>())) terms{};
  decltype(std::declval<const Curve&>().sell_terms_key()) key{};
  typename Curve::count_type count{};
  bool cached = false;
};
}  // namespace detail

template <QuotingCurve Curve>
class SellMemo {
 public:
  using count_type = typename Curve::count_type;

  /// curve.sell(n), bit for bit.
  auto sell(const Curve& curve, const count_type& n) {
    if constexpr (SplitSellCurve<Curve>) {
      const auto key = curve.sell_terms_key();
      const bool same_key = s_.cached && same_bits(key, s_.key);
      if (!(same_key && same_bits(n, s_.count))) refresh(curve, n, key, same_key);
      return curve.sell(n, s_.terms);
    } else {
      return curve.sell(n);
    }
  }

 private:
  /// New terms for n, out of line: a fractional count's power (num/fast_math.hpp) is long
  /// code with its own calls, and the hit path stays small.  By value: the
  /// caller's curve does not escape (it may stay in registers).
  template <class Key>
  [[gnu::noinline]] void refresh(const Curve curve, const count_type n, const Key key, bool same_key) {
    s_.terms = curve.sell_terms(n, same_key ? &s_.terms : nullptr);
    s_.count = n;
    s_.key = key;
    s_.cached = true;
  }

  template <class T>
  static bool same_bits(const T& a, const T& b) noexcept {
    return std::memcmp(&a, &b, sizeof(T)) == 0;
  }

  detail::SellMemoState<Curve> s_{};
};

}  // namespace cushion::curves
