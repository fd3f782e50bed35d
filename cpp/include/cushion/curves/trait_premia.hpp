// cushion/curves/trait_premia.hpp — item weights from trait exposures and trait premia.
//
// A collection has T traits.  Item i's exposure row E_i (an items x traits matrix,
// non-negative: 0/1 indicators, counts, or intensities) and the premium vector p give
// its weight, the multiple of the floor price it trades at:
//
//   AdditivePremia        w_i = 1 + E_i . p              (premia add: a 30% and a 20% trait
//                                                          make 1.5x the floor)
//   MultiplicativePremia  w_i = prod_t (1 + p_t)^E_it    (premia compound: 1.3 * 1.2 = 1.56x;
//                                                          = exp(E_i . log1p(p)))
//
// An item without traits weighs 1, the floor.  The rule is a template parameter, so a
// model with another rule is one struct with `name`, `check_premia` and `weights` away.
// Additive is the default: it is linear in p (premia can be fitted by least squares on
// sale prices / floor) and reads directly as "this trait adds x floors".  Multiplicative
// suits stacked rarities, whose premia compound.
//
// Item i "has" trait t when E_it > 0; a TraitFilter selects items by all-of / any-of /
// none-of trait sets, and `cheapest(k, filter)` picks the k lightest matching items (the
// cheapest to buy from a pool that prices by weight).
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "cushion/curves/basket.hpp"
#include "cushion/errors.hpp"
#include "cushion/num/uint256.hpp"

namespace cushion::curves {

using Index = Eigen::Index;

/// w = 1 + E p.
struct AdditivePremia {
  static constexpr const char* name = "additive";
  static void check_premia(const Eigen::VectorXd&) {}
  static Eigen::VectorXd weights(const Eigen::MatrixXd& exposure, const Eigen::VectorXd& premia) {
    return (exposure * premia).array() + 1.0;
  }
};

/// w = exp(E log1p(p)) = prod_t (1 + p_t)^E_it; premia must be > -1.
struct MultiplicativePremia {
  static constexpr const char* name = "multiplicative";
  static void check_premia(const Eigen::VectorXd& premia) {
    for (Index t = 0; t < premia.size(); ++t)
      if (!(premia[t] > -1.0))
        throw InvalidArgument("premia[" + std::to_string(t) + "] must be > -1 for multiplicative premia");
  }
  static Eigen::VectorXd weights(const Eigen::MatrixXd& exposure, const Eigen::VectorXd& premia) {
    // log1p and exp element by element through libm (Eigen's AVX-512 packet exp trips
    // GCC 12's -Wmaybe-uninitialized, and a handful of logs need no SIMD).
    Eigen::VectorXd log_growth(premia.size());
    for (Index t = 0; t < premia.size(); ++t) log_growth[t] = std::log1p(premia[t]);
    Eigen::VectorXd w = exposure * log_growth;
    for (Index i = 0; i < w.size(); ++i) w[i] = std::exp(w[i]);
    return w;
  }
};

/// Which items a basket may hold, by trait index.  An empty any_of means "no constraint".
struct TraitFilter {
  std::vector<Index> all_of;
  std::vector<Index> any_of;
  std::vector<Index> none_of;

  bool matches(const Eigen::MatrixXd& exposure, Index item) const {
    const auto has = [&](Index t) { return exposure(item, t) > 0.0; };
    return std::all_of(all_of.begin(), all_of.end(), has) &&
           (any_of.empty() || std::any_of(any_of.begin(), any_of.end(), has)) &&
           std::none_of(none_of.begin(), none_of.end(), has);
  }
};

/// A weight as an 18-decimal integer (Caviar's merkle-tree weights), from the double's
/// exact binary value, rounded to the nearest integer with ties to even.  Throws
/// InvalidArgument for negative or non-finite weights, OutOfRange past 2^256.
inline num::uint256 to_wad(double weight) {
  if (!(std::isfinite(weight) && weight >= 0.0)) throw InvalidArgument("a weight must be finite and >= 0");
  if (weight == 0.0) return num::uint256();
  int e = 0;
  const double f = std::frexp(weight, &e);                                  // weight = f * 2^e, f in [0.5, 1)
  const auto mantissa = static_cast<std::uint64_t>(std::ldexp(f, 53));      // exact: 53 bits
  const int shift = e - 53;                                                 // weight = mantissa * 2^shift
  const num::u128 scaled = static_cast<num::u128>(mantissa) * num::kWad64;  // < 2^113
  if (shift >= 0) {
    const num::uint256 v = num::uint256::from_u128(scaled);
    if (v.bit_length() + static_cast<unsigned>(shift) > 256) throw OutOfRange("a weight * 1e18 must be < 2**256");
    return v << static_cast<unsigned>(shift);
  }
  const int k = -shift;
  if (k >= 128) return num::uint256();  // scaled < 2^113: far below one half
  num::u128 q = scaled >> k;
  const num::u128 rem = scaled - (q << k);
  const num::u128 half = static_cast<num::u128>(1) << (k - 1);
  if (rem > half || (rem == half && (q & 1) != 0)) ++q;
  return num::uint256::from_u128(q);
}

/// The items a selection may draw from; nullopt means all of the model's items.
using Candidates = std::optional<std::span<const Index>>;

template <class Rule = AdditivePremia>
class TraitModel {
 public:
  using rule_type = Rule;

  /// exposure: items x traits, finite and >= 0.  premia: one per trait, finite (and > -1
  /// for multiplicative premia).  Every resulting weight must be finite and > 0.
  TraitModel(Eigen::MatrixXd exposure, Eigen::VectorXd premia)
      : exposure_(std::move(exposure)), premia_(std::move(premia)) {
    if (premia_.size() != exposure_.cols())
      throw InvalidArgument("premia has " + std::to_string(premia_.size()) + " entries but exposure has " +
                            std::to_string(exposure_.cols()) + " trait columns");
    for (Index i = 0; i < exposure_.rows(); ++i)
      for (Index t = 0; t < exposure_.cols(); ++t)
        if (!(std::isfinite(exposure_(i, t)) && exposure_(i, t) >= 0.0))
          throw InvalidArgument("exposure[" + std::to_string(i) + ", " + std::to_string(t) +
                                "] must be a finite number >= 0");
    for (Index t = 0; t < premia_.size(); ++t)
      if (!std::isfinite(premia_[t])) throw InvalidArgument("premia[" + std::to_string(t) + "] must be finite");
    Rule::check_premia(premia_);
    weights_ = Rule::weights(exposure_, premia_);
    for (Index i = 0; i < weights_.size(); ++i)
      if (!(std::isfinite(weights_[i]) && weights_[i] > 0.0))
        throw InvalidArgument("exposure and premia: item " + std::to_string(i) + " gets weight " +
                              std::to_string(weights_[i]) + ": every weight must be finite and > 0");
  }

  Index items() const noexcept { return exposure_.rows(); }
  Index traits() const noexcept { return exposure_.cols(); }
  const Eigen::MatrixXd& exposure() const noexcept { return exposure_; }
  const Eigen::VectorXd& premia() const noexcept { return premia_; }
  /// Each item's multiple of the floor price.
  const Eigen::VectorXd& weights() const noexcept { return weights_; }
  static constexpr const char* rule() noexcept { return Rule::name; }

  /// The same items under other premia (e.g. a re-fitted premium vector).
  TraitModel with_premia(Eigen::VectorXd premia) const { return TraitModel(exposure_, std::move(premia)); }

  /// The weights as 18-decimal integers (see to_wad).
  std::vector<num::uint256> weights_wad() const {
    std::vector<num::uint256> out(static_cast<std::size_t>(weights_.size()));
    for (Index i = 0; i < weights_.size(); ++i) out[static_cast<std::size_t>(i)] = to_wad(weights_[i]);
    return out;
  }

  /// Throws InvalidArgument for an index outside [0, items()).
  void check_item(Index item) const {
    if (item < 0 || item >= items())
      throw InvalidArgument("item index " + std::to_string(item) + " is out of range [0, " + std::to_string(items()) +
                            ")");
  }

  /// The summed weight of `items` (an item listed twice counts twice).
  double weight_sum(std::span<const Index> items) const {
    double sum = 0.0;
    for (const Index i : items) {
      check_item(i);
      sum += weights_[i];
    }
    return sum;
  }

  /// The summed 18-decimal weight of `items`: the sum of the per-item integer weights,
  /// as a Caviar pool adds up the weights committed in its merkle tree.
  num::uint256 weight_sum_wad(std::span<const Index> items) const {
    num::uint256 sum;
    for (const Index i : items) {
      check_item(i);
      sum = sum + to_wad(weights_[i]);  // checked
    }
    return sum;
  }

  /// The items matching `filter`, in index order, among `candidates` (by default all items;
  /// e.g. the items a pool holds), in their order.
  std::vector<Index> matching(const TraitFilter& filter, Candidates candidates = std::nullopt) const {
    check_filter(filter);
    std::vector<Index> out;
    const auto consider = [&](Index i) {
      if (filter.matches(exposure_, i)) out.push_back(i);
    };
    if (!candidates) {
      for (Index i = 0; i < items(); ++i) consider(i);
    } else {
      for (const Index i : *candidates) {
        check_item(i);
        consider(i);
      }
    }
    return out;
  }

  /// The k lightest items matching `filter` among `candidates` (by default all items),
  /// lightest first, ties by index.  Throws InvalidArgument when fewer than k match.
  std::vector<Index> cheapest(Index k, const TraitFilter& filter, Candidates candidates = std::nullopt) const {
    if (k < 0) throw InvalidArgument("k must be >= 0");
    std::vector<Index> pool = matching(filter, candidates);
    if (static_cast<Index>(pool.size()) < k)
      throw InvalidArgument("only " + std::to_string(pool.size()) +
                            " items match the trait filter, k = " + std::to_string(k));
    const auto lighter = [&](Index a, Index b) {
      return weights_[a] < weights_[b] || (weights_[a] == weights_[b] && a < b);
    };
    std::partial_sort(pool.begin(), pool.begin() + k, pool.end(), lighter);
    pool.resize(static_cast<std::size_t>(k));
    return pool;
  }

 private:
  void check_filter(const TraitFilter& filter) const {
    for (const auto* set : {&filter.all_of, &filter.any_of, &filter.none_of})
      for (const Index t : *set)
        if (t < 0 || t >= traits())
          throw InvalidArgument("trait index " + std::to_string(t) + " is out of range [0, " +
                                std::to_string(traits()) + ")");
  }

  Eigen::MatrixXd exposure_;
  Eigen::VectorXd premia_;
  Eigen::VectorXd weights_;
};

/// A basket picked from a trait model and its quote.
template <class Curve>
struct BasketQuote {
  std::vector<Index> items;
  typename Curve::value_type weight_sum;  ///< f64 weights, or the 18-decimal sum for an exact curve
  Quote<Curve> quote;
};

/// The summed weight of `items` in `Curve`'s units.
template <class Curve, class Rule>
typename Curve::value_type basket_weight(const TraitModel<Rule>& model, std::span<const Index> items) {
  if constexpr (Curve::number_policy::is_exact)
    return model.weight_sum_wad(items);
  else
    return model.weight_sum(items);
}

/// Quote trading the given items of `model` on `curve` (see basket.hpp for how a
/// collection-index curve prices fractional weights).
template <class Curve, class Rule>
BasketQuote<Curve> quote_items(const TraitModel<Rule>& model, const Curve& curve, std::vector<Index> items, Side side) {
  const auto w = basket_weight<Curve>(model, items);
  auto q = quote_basket(curve, w, side);
  return {std::move(items), w, std::move(q)};
}

/// Quote buying the k cheapest (lightest) items matching `filter` from `curve`.
template <class Curve, class Rule>
BasketQuote<Curve> buy_cheapest(const TraitModel<Rule>& model, const Curve& curve, Index k, const TraitFilter& filter,
                                Candidates candidates = std::nullopt) {
  return quote_items(model, curve, model.cheapest(k, filter, candidates), Side::buy);
}

}  // namespace cushion::curves
