// cpp/bindings/register_basket.cpp — trait baskets: the weighted XYK curve in both number
// policies (_core.f64.WeightedXYK, _core.exact.WeightedXYK), the trait premium model and
// basket quoting on any curve (_core.basket).
#include <pybind11/eigen.h>
#include <pybind11/stl.h>

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "arrays.hpp"
#include "curve_dispatch.hpp"
#include "curves_common.hpp"
#include "cushion/curves/trait_premia.hpp"
#include "registry.hpp"

namespace cushion::bindings {

template <class Num>
struct CurveFields<curves::WeightedXYK<Num>> {
  using C = curves::WeightedXYK<Num>;
  using Getter = typename Num::value_type (*)(const C&);
  static std::array<std::pair<const char*, Getter>, 4> fields() {
    return {{{"base_reserve", +[](const C& c) { return c.base_reserve(); }},
             {"nft_reserve", +[](const C& c) { return c.nft_reserve(); }},
             {"fee_rate_bps", +[](const C& c) { return c.fee_rate_bps(); }},
             {"protocol_fee_rate_bps", +[](const C& c) { return c.protocol_fee_rate_bps(); }}}};
  }
};

namespace {

using curves::Index;
using curves::Side;

template <class Num>
py::tuple amounts_tuple(const curves::TradeAmounts<Num>& a) {
  using V = Values<Num>;
  return py::make_tuple(V::out(a.value), V::out(a.fee), V::out(a.protocol_fee));
}

template <class Num>
void bind_weighted_xyk(py::module_& m) {
  using C = curves::WeightedXYK<Num>;
  using V = Values<Num>;
  using A = typename V::arg;
  constexpr bool exact = Num::is_exact;
  auto factory = [](const py::tuple& t) {
    return C(V::in(t[0], "base_reserve"), V::in(t[1], "nft_reserve"), V::in(t[2], "fee_rate_bps"),
             V::in(t[3], "protocol_fee_rate_bps"));
  };
  bind_quote<curves::Quote<C>>(m, "WeightedXYKQuote", "WeightedXYK");
  const std::string units =
      exact ? "Exact mode: Python ints; base_reserve in base-token units, nft_reserve and weights with 18 decimals "
              "(a floor NFT weighs 10**18); fee rates in basis points."
            : "f64 mode: base_reserve in whole tokens, nft_reserve and weights in floor items (a floor NFT weighs "
              "1.0, a 2.3x-floor NFT 2.3); fee rates in basis points (fractional allowed).";
  const std::string doc =
      "Weighted constant-product curve of Caviar private pools (a trait-basket XYK): items carry weights, the pool "
      "keeps virtual reserves base_reserve (vB) and nft_reserve (vN, in weight units), and trading items of summed "
      "weight w costs ceil(w*vB/(vN-w)) (buy) or pays floor(w*vB/(vN+w)) (sell), plus or minus the pool's fee "
      "(fee_rate_bps <= 5000) and the factory's protocol fee (protocol_fee_rate_bps), both floored basis points.  "
      "buy/sell follow PrivatePool.buy/sell (the reserves move by the xy=k amount and by w); buy_quote/sell_quote "
      "are the view functions.\n\n" +
      units;
  const char* w_doc = exact ? "weight_sum: summed 18-decimal weights (int)." : "weight_sum: summed weights (float).";
  const char* revert_doc = exact ? "\nRaises Revert where the contract reverts (e.g. buying the last unit of weight)."
                                 : "\nWhere the contract would revert the quote's error is REVERTED.";
  py::class_<C> cls(m, "WeightedXYK", doc.c_str());
  cls.def(py::init([factory](A b, A n, A f, A p) { return factory(py::make_tuple(b, n, f, p)); }),
          py::arg("base_reserve"), py::arg("nft_reserve"), py::arg("fee_rate_bps") = 0,
          py::arg("protocol_fee_rate_bps") = 0)
      .def_property_readonly(
          "base_reserve", [](const C& c) { return V::out(c.base_reserve()); }, "Virtual base token reserve vB.")
      .def_property_readonly(
          "nft_reserve", [](const C& c) { return V::out(c.nft_reserve()); }, "Virtual NFT reserve vN (weight units).")
      .def_property_readonly(
          "fee_rate_bps", [](const C& c) { return V::out(c.fee_rate_bps()); }, "The pool's fee rate (basis points).")
      .def_property_readonly(
          "protocol_fee_rate_bps", [](const C& c) { return V::out(c.protocol_fee_rate_bps()); },
          "The factory's protocol fee rate (basis points).")
      .def(
          "price", [](const C& c) { return V::out(c.price()); },
          "PrivatePool.price(): vB * 1e18 / vN, the price of one floor item (an 18-decimal base token).")
      .def(
          "buy", [](const C& c, A w) { return c.buy(V::count(w.obj, "weight_sum")); }, py::arg("weight_sum"),
          (std::string("Quote buying items of summed weight weight_sum (PrivatePool.buy): value = net input.\n\n") +
           w_doc + revert_doc)
              .c_str())
      .def(
          "sell", [](const C& c, A w) { return c.sell(V::count(w.obj, "weight_sum")); }, py::arg("weight_sum"),
          (std::string("Quote selling items of summed weight weight_sum (PrivatePool.sell): value = net output.\n\n") +
           w_doc + revert_doc)
              .c_str())
      .def(
          "buy_quote", [](const C& c, A w) { return amounts_tuple<Num>(c.buy_quote(V::count(w.obj, "weight_sum"))); },
          py::arg("weight_sum"), "PrivatePool.buyQuote: (net_input, fee, protocol_fee).")
      .def(
          "sell_quote", [](const C& c, A w) { return amounts_tuple<Num>(c.sell_quote(V::count(w.obj, "weight_sum"))); },
          py::arg("weight_sum"), "PrivatePool.sellQuote: (net_output, fee, protocol_fee).");
  bind_curve_value<C>(cls, "WeightedXYK", factory);
}

// -- the trait premium model -------------------------------------------------------------

using AdditiveModel = curves::TraitModel<curves::AdditivePremia>;
using MultiplicativeModel = curves::TraitModel<curves::MultiplicativePremia>;

/// The Python TraitModel: the C++ model with its premium rule chosen at run time.
class PyTraitModel {
 public:
  using Model = std::variant<AdditiveModel, MultiplicativeModel>;

  PyTraitModel(Eigen::MatrixXd exposure, Eigen::VectorXd premia, const std::string& rule)
      : model_(make(std::move(exposure), std::move(premia), rule)) {}

  template <class Fn>
  decltype(auto) visit(Fn&& fn) const {
    return std::visit(std::forward<Fn>(fn), model_);
  }
  std::string rule() const {
    return visit([](const auto& m) { return std::string(m.rule()); });
  }

 private:
  static Model make(Eigen::MatrixXd exposure, Eigen::VectorXd premia, const std::string& rule) {
    if (rule == curves::AdditivePremia::name) return AdditiveModel(std::move(exposure), std::move(premia));
    if (rule == curves::MultiplicativePremia::name) return MultiplicativeModel(std::move(exposure), std::move(premia));
    throw InvalidArgument("rule must be 'additive' or 'multiplicative', got '" + rule + "'");
  }
  Model model_;
};

Eigen::MatrixXd to_matrix(py::handle obj, const char* name) {
  const F64Array a = to_f64_array(obj, name, /*allow_bool=*/true);
  if (a.operand.shape.size() != 2)
    raise(PyExc_ValueError, std::string(name) + " must be a 2-D array (items x traits), got " +
                                std::to_string(a.operand.shape.size()) + " dimensions");
  Eigen::MatrixXd m(a.operand.shape[0], a.operand.shape[1]);
  for (Index i = 0; i < m.rows(); ++i)
    for (Index t = 0; t < m.cols(); ++t) m(i, t) = a.operand.data[i * a.operand.strides[0] + t * a.operand.strides[1]];
  return m;
}

Eigen::VectorXd to_vector(py::handle obj, const char* name) {
  const F64Array a = to_f64_array(obj, name);
  if (a.operand.shape.size() != 1)
    raise(PyExc_ValueError,
          std::string(name) + " must be a 1-D array, got " + std::to_string(a.operand.shape.size()) + " dimensions");
  Eigen::VectorXd v(a.operand.shape[0]);
  for (Index i = 0; i < v.size(); ++i) v[i] = a.operand.data[i * a.operand.strides[0]];
  return v;
}

/// A sequence of indices (ints, or an integer array); None is the empty sequence.
std::vector<Index> to_indices(py::handle obj, const char* name) {
  if (obj.is_none()) return {};
  if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr()))
    raise(PyExc_TypeError, std::string(name) + " must be a sequence of int indices, not " + type_name(obj.ptr()));
  py::array arr = numpy().attr("asarray")(obj);
  if (arr.ndim() != 1) raise(PyExc_ValueError, std::string(name) + " must be a 1-D sequence of indices");
  if (arr.size() == 0) return {};
  const char kind = arr.dtype().kind();
  if (kind != 'i' && kind != 'u')
    raise(PyExc_TypeError, std::string(name) + " must be a sequence of int indices, not an array of dtype " +
                               std::string(py::str(arr.dtype())));
  const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> idx(arr);
  return {idx.data(), idx.data() + idx.size()};
}

/// `among`: None for all items, else the candidate items (possibly none).
struct CandidateList {
  std::vector<Index> items;
  bool all = true;
  curves::Candidates view() const {
    return all ? curves::Candidates() : curves::Candidates(std::span<const Index>(items));
  }
};

CandidateList to_candidates(py::handle obj) {
  if (obj.is_none()) return {};
  return {to_indices(obj, "among"), false};
}

curves::TraitFilter to_filter(py::handle all_of, py::handle any_of, py::handle none_of) {
  return {to_indices(all_of, "all_of"), to_indices(any_of, "any_of"), to_indices(none_of, "none_of")};
}

py::array_t<std::int64_t> index_array(const std::vector<Index>& v) {
  py::array_t<std::int64_t> out(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), out.mutable_data());
  return out;
}

/// (items, weight_sum, quote) for a basket picked from a model.
template <class Curve>
py::tuple basket_tuple(const curves::BasketQuote<Curve>& b) {
  return py::make_tuple(index_array(b.items), Values<typename Curve::number_policy>::out(b.weight_sum), b.quote);
}

void bind_trait_model(py::module_& m) {
  py::class_<PyTraitModel> cls(
      m, "TraitModel",
      "Item weights from trait exposures (items x traits) and trait premia: 'additive' w = 1 + E @ p, "
      "'multiplicative' w = prod((1 + p) ** E).  Private: use cushion.basket.TraitModel.");
  cls.def(py::init([](py::handle exposure, py::handle premia, const std::string& rule) {
            return PyTraitModel(to_matrix(exposure, "exposure"), to_vector(premia, "premia"), rule);
          }),
          py::arg("exposure"), py::arg("premia"), py::arg("rule") = "additive")
      .def_property_readonly("rule", &PyTraitModel::rule)
      .def_property_readonly(
          "weights",
          [](const PyTraitModel& t) { return t.visit([](const auto& m) { return Eigen::VectorXd(m.weights()); }); })
      .def_property_readonly(
          "exposure",
          [](const PyTraitModel& t) { return t.visit([](const auto& m) { return Eigen::MatrixXd(m.exposure()); }); })
      .def_property_readonly(
          "premia",
          [](const PyTraitModel& t) { return t.visit([](const auto& m) { return Eigen::VectorXd(m.premia()); }); })
      .def("weights_wad",
           [](const PyTraitModel& t) {
             const auto w = t.visit([](const auto& m) { return m.weights_wad(); });
             py::list out;
             for (const auto& v : w) out.append(from_uint256(v));
             return out;
           })
      .def(
          "weight_sum",
          [](const PyTraitModel& t, py::handle items) {
            const auto idx = to_indices(items, "items");
            return t.visit([&](const auto& m) { return m.weight_sum(idx); });
          },
          py::arg("items"))
      .def(
          "weight_sum_wad",
          [](const PyTraitModel& t, py::handle items) {
            const auto idx = to_indices(items, "items");
            return from_uint256(t.visit([&](const auto& m) { return m.weight_sum_wad(idx); }));
          },
          py::arg("items"))
      .def(
          "matching",
          [](const PyTraitModel& t, py::handle all_of, py::handle any_of, py::handle none_of, py::handle among) {
            const auto f = to_filter(all_of, any_of, none_of);
            const CandidateList cand = to_candidates(among);
            return index_array(t.visit([&](const auto& m) { return m.matching(f, cand.view()); }));
          },
          py::arg("all_of"), py::arg("any_of"), py::arg("none_of"), py::arg("among"))
      .def(
          "cheapest",
          [](const PyTraitModel& t, Index k, py::handle all_of, py::handle any_of, py::handle none_of,
             py::handle among) {
            const auto f = to_filter(all_of, any_of, none_of);
            const CandidateList cand = to_candidates(among);
            return index_array(t.visit([&](const auto& m) { return m.cheapest(k, f, cand.view()); }));
          },
          py::arg("k"), py::arg("all_of"), py::arg("any_of"), py::arg("none_of"), py::arg("among"))
      .def(
          "quote_items",
          [](const PyTraitModel& t, py::handle curve, py::handle items, py::handle side) {
            const auto idx = to_indices(items, "items");
            const Side s = to_side(side);
            py::object result;
            visit_any_curve(curve, "curve", [&](const auto& c) {
              t.visit([&](const auto& m) { result = basket_tuple(curves::quote_items(m, c, idx, s)); });
            });
            return result;
          },
          py::arg("curve"), py::arg("items"), py::arg("side"))
      .def(
          "buy_cheapest",
          [](const PyTraitModel& t, py::handle curve, Index k, py::handle all_of, py::handle any_of, py::handle none_of,
             py::handle among) {
            const auto f = to_filter(all_of, any_of, none_of);
            const CandidateList cand = to_candidates(among);
            py::object result;
            visit_any_curve(curve, "curve", [&](const auto& c) {
              t.visit([&](const auto& m) { result = basket_tuple(curves::buy_cheapest(m, c, k, f, cand.view())); });
            });
            return result;
          },
          py::arg("curve"), py::arg("k"), py::arg("all_of"), py::arg("any_of"), py::arg("none_of"), py::arg("among"));
}

void register_basket(py::module_& core) {
  py::module_ f64 = core.attr("f64");
  py::module_ exact = core.attr("exact");
  bind_weighted_xyk<num::F64>(f64);
  bind_weighted_xyk<num::Evm256>(exact);

  py::module_ m = core.def_submodule("basket", "Trait baskets: premium model and basket quotes on any curve.");
  bind_trait_model(m);
  m.def(
      "quote",
      [](py::handle curve, py::handle weight_sum, py::handle side) {
        const Side s = to_side(side);
        py::object result;
        visit_any_curve(curve, "curve", [&](const auto& c) {
          using Num = typename std::remove_cvref_t<decltype(c)>::number_policy;
          result = py::cast(curves::quote_basket(c, Values<Num>::in(weight_sum, "weight_sum"), s));
        });
        return result;
      },
      py::arg("curve"), py::arg("weight_sum"), py::arg("side"),
      "Quote a basket of summed weight weight_sum on any curve (see cushion.basket.buy).");
  m.def(
      "to_wad", [](RealArg weight) { return from_uint256(curves::to_wad(to_f64(weight, "weight"))); },
      py::arg("weight"),
      "A float weight as an 18-decimal int, from its exact binary value, rounded to nearest (ties to even).");
}

}  // namespace

CUSHION_REGISTER(40, basket, register_basket);

}  // namespace cushion::bindings
