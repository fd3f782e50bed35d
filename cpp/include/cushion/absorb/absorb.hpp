// cushion/absorb/absorb.hpp — one order sold into the cushion under its caps.
//
// absorb_sell(curve, ledger, block, n) fills as much of an order to sell n items as the
// caps allow at the curve's stress, sells the fill into the (stress-widened) curve, books it
// in the ledger and returns the rest explicitly (absorb_into is the same on a curve held by
// the caller, updated in place: the pool and the simulator use it):
//
//   1. headroom = ledger.headroom(block, stress) (ledger.hpp)
//   2. m = min(n, headroom.items)     (f64 whole_items: floor; exact counts are integers)
//   3. if sell(m) is a valid quote for at most m items whose widened value is <=
//      headroom.notional: fill = sell(m).items;
//      else fill = the largest m' < m with such a quote: integer binary search (exact,
//      whole_items) or bisection to 1e-12 m (f64).  A quote error, a quote for more items
//      than asked (a linear curve rounds a fractional count up at price zero) or, in exact
//      mode, a Revert counts as "cannot take m'".
//   4. the ledger books (fill, proceeds) at `block` (or just advances to it when nothing was
//      filled); remainder = n - fill.  In exact mode nothing changes before this step, so a
//      Revert leaves ledger and curve untouched.
//
// Nothing is dropped: filled + remainder == ordered, exactly, in both policies (f64: when
// the rounded difference does not add back, the remainder moves an ulp, or failing that the
// fill moves down an ulp and is re-quoted).  `limited_by` names every limit that cut the
// order (Limit flags, including CURVE and WHOLE_ITEMS).
#pragma once

#include <cmath>
#include <cstdint>

#include "cushion/absorb/ledger.hpp"
#include "cushion/curves/sell_memo.hpp"
#include "cushion/num/revert.hpp"
#include "cushion/spread/stressed_curve.hpp"

namespace cushion::absorb {

/// The outcome of one order, without the curve (absorb_into updates the curve in place).
template <class Value>
struct Fill {
  Value ordered{};
  Value filled{};
  Value remainder{};  ///< ordered - filled: returned to the caller, never dropped
  Value proceeds{};   ///< what the seller receives (widened sell value)
  Value spread{};     ///< what the spread took from the seller
  Value trade_fee{};
  Value protocol_fee{};
  Value half_spread{};
  std::uint8_t limited_by = 0;                              ///< Limit flags
  curves::CurveError curve_error = curves::CurveError::ok;  ///< of the quote for the capped amount
};

template <class Stressed>
struct AbsorbResult : Fill<typename Stressed::value_type> {
  using value_type = typename Stressed::value_type;
  using count_type = typename Stressed::count_type;
  Stressed next;  ///< the curve after the fill (unchanged if nothing was filled)
};

namespace detail {

/// conserving_split (f64) when the rounded difference does not add back (rare).
template <class T>  // a template: out of line (noinline) yet defined in a header
[[gnu::noinline]] bool conserving_split_search(T ordered, T& filled, T& remainder, bool whole_items) {
  bool changed = false;
  for (int step = 0; step < 64; ++step) {  // two steps always suffice; the bound is a guard
    const double r0 = ordered - filled;
    if (filled + r0 == ordered) {
      remainder = r0;
      return changed;
    }
    for (const double r : {std::nextafter(r0, -1.0), std::nextafter(r0, 2.0 * r0 + 1.0)}) {
      if (r >= 0.0 && filled + r == ordered) {
        remainder = r;
        return changed;
      }
    }
    if (filled <= 0.0) {
      filled = 0.0;
      remainder = ordered;
      return true;
    }
    // Down an ulp, or to the next whole item below (past 2^53 an ulp is whole already).
    filled = whole_items ? std::floor(std::nextafter(filled, 0.0)) : std::nextafter(filled, 0.0);
    changed = true;
  }
  filled = 0.0;
  remainder = ordered;
  return true;
}

/// ordered = filled + remainder exactly.  Exact: integer subtraction.  f64: remainder is
/// fl(ordered - filled), moved by an ulp if needed so that fl(filled + remainder) == ordered
/// (such a double sits next to the rounded difference); should none be found the fill itself
/// is lowered an ulp at a time (down to 0, where the identity is trivial), or for whole_items
/// a whole item at a time, so that a whole fill stays whole (found by fuzz_absorb: 15 items
/// out of 10843961455708070, whose ulp is 2, became 14.999999999999998).  Returns true if
/// the fill had to change.
template <class T>
bool conserving_split(const T& ordered, T& filled, T& remainder, bool whole_items = false) {
  if constexpr (std::is_same_v<T, double>) {
    const double r0 = ordered - filled;
    if (filled + r0 == ordered) [[likely]] {  // always, when the fill is >= ordered / 2
      remainder = r0;
      return false;
    }
    return conserving_split_search(ordered, filled, remainder, whole_items);
  } else {
    (void)whole_items;  // exact counts are integers
    remainder = ordered - filled;
    return false;
  }
}

/// Quotes "sell m into the widened curve" and checks it against the notional headroom.
template <class Curve>
struct SellProbe {
  using Num = curves::number_policy_of<Curve>;
  using value_type = typename Curve::value_type;
  using quote_type = decltype(std::declval<const Curve&>().sell(std::declval<const typename Curve::count_type&>()));

  const Curve& curve;
  const spread::HalfSpread<Num>& spread;
  value_type half_spread;
  value_type notional;
  curves::SellMemo<Curve>* memo = nullptr;  ///< quotes through it when given (the same quotes)
  bool curve_refused = false;
  bool notional_refused = false;
  curves::CurveError first_error = curves::CurveError::ok;
  bool probed = false;

  /// The wrapped curve's quote for m into `out` and its widened value into `value`; true if
  /// the quote is valid and the widened value is within the notional headroom.
  bool operator()(const typename Curve::count_type& m, quote_type& out, value_type& value) {
    const bool first = !probed;
    probed = true;
    try {
      out = memo ? memo->sell(curve, m) : curve.sell(m);
      if (!out.ok()) {
        curve_refused = true;
        if (first) first_error = out.error;
        return false;
      }
      if (out.items > m) {  // a linear sell clamped at price zero rounds a fractional count up
        curve_refused = true;
        return false;
      }
      value = spread.widen_sell(out.value, half_spread);  // as StressedCurve::sell
      if (value > notional) {
        notional_refused = true;
        return false;
      }
      return true;
    } catch (const num::Revert&) {  // exact mode only: selling m would revert on chain
      curve_refused = true;
      if (first) first_error = curves::CurveError::reverted;
      return false;
    }
  }
};

/// The largest feasible m' in (0, m) when selling m itself is not: feasibility is monotone
/// (values grow with the count; price floors and overflow bite from some count on).  Exact
/// and whole-item counts: integer binary search; f64: bisection to 1e-12 m.  On success
/// `best`, `best_value` and `best_count` hold the last feasible probe.
template <class Probe, class Count>
bool search_feasible(Probe& probe, const Count& m, bool whole_items, typename Probe::quote_type& best,
                     typename Probe::value_type& best_value, Count& best_count) {
  using Num = typename Probe::Num;
  typename Probe::quote_type trial{};
  typename Probe::value_type trial_value{};
  bool found = false;
  auto accept = [&](const Count& c) {
    best = trial;
    best_value = trial_value;
    best_count = c;
    found = true;
  };
  if constexpr (Num::is_exact) {
    (void)whole_items;   // exact counts are integers
    Count lo{}, hi = m;  // lo feasible (0 items), hi infeasible
    while (hi - lo > Count(1u)) {
      const Count mid = lo + (hi - lo) / Count(2u);
      if (probe(mid, trial, trial_value)) {
        lo = mid;
        accept(mid);
      } else {
        hi = mid;
      }
    }
  } else {
    // Bisection to 1e-12 of the capped amount (absolute, so that an infeasible order
    // does not end in a dust fill of 2^-200 items worth nothing).
    const double tolerance = 1e-12 * m;
    double lo = 0.0, hi = m;
    for (int it = 0; it < 200; ++it) {
      double mid = 0.5 * (lo + hi);
      if (whole_items) {
        if (hi - lo <= 1.0) break;
        mid = std::floor(mid);
      } else if (!(hi - lo > tolerance) || mid <= lo || mid >= hi) {
        break;
      }
      if (probe(mid, trial, trial_value)) {
        lo = mid;
        accept(mid);
      } else {
        hi = mid;
      }
    }
  }
  return found;
}

}  // namespace detail

/// Sells up to n items into `curve` (the wrapped curve, updated in place) quoted with
/// `spread` at `stress` (h = spread.at(stress), passed in), at `block`, within the ledger's
/// caps at that stress; books the fill in the ledger.  Exactly StressedCurve(curve, spread,
/// stress).sell(...) for the amount the caps allow.  whole_items (f64) floors fills to whole
/// items (exact counts are integers anyway).  `memo` (optional) carries the count-only part of
/// the quotes from one call to the next (a simulation's repeated tranches; the quotes are the
/// same bit for bit, see curves/sell_memo.hpp).
template <class Curve>
Fill<typename Curve::value_type> absorb_into(Curve& curve,
                                             const spread::HalfSpread<curves::number_policy_of<Curve>>& spread,
                                             const typename Curve::value_type& stress,
                                             const typename Curve::value_type& half_spread,
                                             AbsorptionLedger<curves::number_policy_of<Curve>>& ledger,
                                             std::uint64_t block, const typename Curve::count_type& n,
                                             bool whole_items = false, curves::SellMemo<Curve>* memo = nullptr) {
  using Num = curves::number_policy_of<Curve>;
  using count_type = typename Curve::count_type;
  using value_type = typename Curve::value_type;
  static_assert(std::is_same_v<count_type, value_type>,
                "absorb: item counts and amounts must share the policy's number type");
  if constexpr (!Num::is_exact) {
    if (!(std::isfinite(n) && n >= 0.0)) throw InvalidArgument("n must be a finite number >= 0");
  }
  Fill<value_type> r;
  r.ordered = n;
  r.half_spread = half_spread;
  // The order is at `block`.  Nothing changes until the fill is known and booked at the end
  // (headroom_unchecked looks ahead to `block` without moving the ledger): a refused order --
  // a block before the ledger's, an exact sum past 2^256 (a Revert, as the reverted call does
  // on chain), an f64 sum past the largest double -- leaves ledger and curve as they were.
  const auto head = ledger.headroom_unchecked(block, stress);

  count_type m = n;
  if (head.items < m) {
    m = head.items;
    r.limited_by |= head.items_limit;
  }
  if constexpr (!Num::is_exact) {
    if (whole_items && m != std::floor(m)) {
      m = std::floor(m);
      r.limited_by = r.limited_by | Limit::whole_items;
    }
  }

  using probe_type = detail::SellProbe<Curve>;
  typename probe_type::quote_type best{};
  value_type best_value{};
  bool have_best = false;
  count_type best_count = m;  // the count `best` quotes
  probe_type probe{curve, spread, half_spread, head.notional, memo};
  if (!Num::is_zero(m)) {
    have_best = probe(m, best, best_value);
    if (!have_best) {
      have_best = detail::search_feasible(probe, m, whole_items, best, best_value, best_count);
      r.curve_error = probe.first_error;
      if (probe.curve_refused) r.limited_by = r.limited_by | Limit::curve;
      if (probe.notional_refused) r.limited_by |= head.notional_limit;
    }
  }
  if (have_best && best.items < best_count) r.limited_by = r.limited_by | Limit::curve;  // a linear sell hit price 0

  // Conservation: filled + remainder == ordered.  In f64 a fill below ordered / 2 may have to
  // move down an ulp for the identity to hold in doubles; the fill is then re-quoted, so the
  // proceeds are always exactly what the curve pays for the fill booked (a smaller sale is
  // feasible whenever a larger one is).
  r.remainder = r.ordered;
  for (int attempt = 0; have_best; ++attempt) {
    count_type filled = best.items;
    count_type remainder{};
    if (!detail::conserving_split(r.ordered, filled, remainder, whole_items)) {
      r.filled = filled;
      r.remainder = remainder;
      break;
    }
    if (attempt == 4 || Num::is_zero(filled) || !probe(filled, best, best_value)) have_best = false;
  }
  if (have_best) {
    r.proceeds = best_value;
    r.spread = best.value - best_value;  // >= 0: widen_sell rounds down
    r.trade_fee = best.trade_fee;
    r.protocol_fee = best.protocol_fee;
    ledger.record_unchecked(block, r.filled, r.proceeds);  // may refuse (f64) or Revert (exact): before the curve moves
    curve = best.next;
  } else {
    r.filled = count_type{};
    r.remainder = r.ordered;
    ledger.advance_to(block);  // the order still happened at `block`
  }
  return r;
}

/// Sells up to n items of `curve` (a StressedCurve: its stress sets spread and caps) into
/// the cushion at `block`, within the ledger's caps; books the fill in the ledger and returns
/// the fill with the curve after it.  See absorb_into.
template <class Stressed>
AbsorbResult<Stressed> absorb_sell(const Stressed& curve, AbsorptionLedger<typename Stressed::number_policy>& ledger,
                                   std::uint64_t block, const typename Stressed::count_type& n,
                                   bool whole_items = false) {
  typename Stressed::curve_type inner = curve.curve();
  AbsorbResult<Stressed> r;
  static_cast<Fill<typename Stressed::value_type>&>(r) =
      absorb_into(inner, curve.spread(), curve.stress(), curve.half_spread(), ledger, block, n, whole_items);
  r.next = curve.with_curve(std::move(inner));
  return r;
}

}  // namespace cushion::absorb
