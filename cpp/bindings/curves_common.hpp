// cpp/bindings/curves_common.hpp — pieces shared by every curve binding: value
// conversion per number policy, the Quote classes, and buy/sell/repr/pickle.
#pragma once

#include <pybind11/pybind11.h>

#include <array>
#include <string>
#include <utility>

#include "convert.hpp"
#include "cushion/curves/quote.hpp"
#include "cushion/num/policy.hpp"

namespace cushion::bindings {

/// How one number policy's values cross the Python boundary.
template <class Num>
struct Values;

template <>
struct Values<num::F64> {
  using arg = RealArg;
  static double in(py::handle h, const char* name) { return to_f64(h, name, Domain::nonnegative); }
  static double count(py::handle h, const char* name) { return to_f64(h, name, Domain::nonnegative); }
  static py::object out(double v) { return py::float_(v); }
  static const char* type_name() { return "float"; }
};

template <>
struct Values<num::Evm256> {
  using arg = IntArg;
  static num::uint256 in(py::handle h, const char* name) { return to_uint256(h, name); }
  static num::uint256 count(py::handle h, const char* name) { return to_uint256(h, name); }
  static py::object out(const num::uint256& v) { return from_uint256(v); }
  static const char* type_name() { return "int"; }
};

/// The public module a bound class is shown (and pickled) under.
template <class Num>
const char* public_module() {
  return Num::is_exact ? "cushion.exact" : "cushion.curves";
}

/// A curve's constructor fields, in order: name and accessor.  Specialised per curve.
template <class Curve>
struct CurveFields;

template <class Curve>
std::string curve_repr(const Curve& c, const char* class_name) {
  using V = Values<typename Curve::number_policy>;
  std::string out = std::string(class_name) + "(";
  bool first = true;
  for (const auto& [name, getter] : CurveFields<Curve>::fields()) {
    if (!first) out += ", ";
    first = false;
    out += std::string(name) + "=" + py::repr(V::out(getter(c))).template cast<std::string>();
  }
  return out + ")";
}

template <class Curve>
py::tuple curve_state(const Curve& c) {
  using V = Values<typename Curve::number_policy>;
  const auto fields = CurveFields<Curve>::fields();
  py::tuple t(fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) t[i] = V::out(fields[i].second(c));
  return t;
}

template <class Quote>
void bind_quote(py::module_& m, const char* name, const char* curve_name) {
  using Curve = std::remove_cvref_t<decltype(std::declval<Quote>().next)>;
  using V = Values<typename Curve::number_policy>;
  const std::string doc = std::string("The result of quoting a ") + curve_name +
                          " curve: error, value (what the trader pays or receives, fees included), trade_fee, "
                          "protocol_fee, items (the items the value pays for) and next (the curve after the trade; "
                          "the unchanged curve when error is not OK, with all amounts 0).";
  py::class_<Quote> cls(m, name, doc.c_str());
  cls.attr("__module__") = public_module<typename Curve::number_policy>();
  cls.def_property_readonly(
         "error", [](const Quote& q) { return py::cast(q.error); }, "A CurveError.")
      .def_property_readonly("ok", &Quote::ok, "True when error is CurveError.OK.")
      .def_property_readonly(
          "value", [](const Quote& q) { return V::out(q.value); },
          "Buy: what the trader pays (curve value + fees).  Sell: what the trader receives "
          "(curve value - fees).")
      .def_property_readonly(
          "trade_fee", [](const Quote& q) { return V::out(q.trade_fee); }, "The pool's fee.")
      .def_property_readonly(
          "protocol_fee", [](const Quote& q) { return V::out(q.protocol_fee); }, "The protocol's fee.")
      .def_property_readonly(
          "items", [](const Quote& q) { return V::out(q.items); },
          "How many items the value pays for (a linear sell may stop early at price zero).")
      .def_property_readonly(
          "next", [](const Quote& q) { return q.next; }, "The curve after the trade.")
      .def(py::pickle(
          [](const Quote& q) {
            return py::make_tuple(static_cast<int>(q.error), V::out(q.value), V::out(q.trade_fee),
                                  V::out(q.protocol_fee), V::out(q.items), py::cast(q.next));
          },
          [](const py::tuple& t) {
            if (t.size() != 6) raise(PyExc_ValueError, "invalid pickled quote state");
            const int error = t[0].cast<int>();
            if (error < 0 || error > static_cast<int>(curves::CurveError::reverted))
              raise(PyExc_ValueError, "invalid pickled quote state: error code " + std::to_string(error));
            Quote q;
            q.error = static_cast<curves::CurveError>(error);
            q.value = V::in(t[1], "value");
            q.trade_fee = V::in(t[2], "trade_fee");
            q.protocol_fee = V::in(t[3], "protocol_fee");
            q.items = V::count(t[4], "items");
            q.next = t[5].cast<const Curve&>();
            return q;
          }))
      .def("__repr__", [curve_name](const Quote& q) {
        return std::string(curve_name) + "Quote(error=" + curves::to_string(q.error) +
               ", value=" + py::repr(V::out(q.value)).template cast<std::string>() +
               ", trade_fee=" + py::repr(V::out(q.trade_fee)).template cast<std::string>() +
               ", protocol_fee=" + py::repr(V::out(q.protocol_fee)).template cast<std::string>() +
               ", items=" + py::repr(V::out(q.items)).template cast<std::string>() + ")";
      });
}

/// __module__ / repr / equality / hash / pickling for a bound curve class: a curve is an
/// immutable value whose state is CurveFields<Curve>.
template <class Curve, class PyClass, class Factory>
void bind_curve_value(PyClass& cls, const char* class_name, Factory factory) {
  cls.attr("__module__") = public_module<typename Curve::number_policy>();
  cls.def("__repr__", [class_name](const Curve& c) { return curve_repr(c, class_name); })
      .def("__eq__",
           [](const Curve& a, py::object b) {
             if (!py::isinstance<Curve>(b)) return false;
             return curve_state(a).equal(curve_state(b.cast<const Curve&>()));
           })
      .def("__hash__", [](const Curve& c) { return py::hash(curve_state(c)); })
      .def(py::pickle([](const Curve& c) { return curve_state(c); },
                      [factory](const py::tuple& t) {
                        constexpr std::size_t n = std::tuple_size_v<decltype(CurveFields<Curve>::fields())>;
                        if (t.size() != n) raise(PyExc_ValueError, "invalid pickled curve state");
                        return factory(t);
                      }));
}

/// buy / sell / properties / repr / equality / pickling for a bound curve class.
template <class Curve, class PyClass, class Factory>
void bind_curve_common(PyClass& cls, const char* class_name, Factory factory) {
  using Num = typename Curve::number_policy;
  using V = Values<Num>;
  constexpr bool exact = Num::is_exact;
  const char* count_doc = exact ? "n: number of items (a uint256 int)."
                                : "n: number of items (a float >= 0; fractional counts follow the closed form).";
  cls.def(
         "buy", [](const Curve& c, typename V::arg n) { return c.buy(V::count(n.obj, "n")); }, py::arg("n"),
         (std::string("Quote buying n items from the pool.\n\n") + count_doc +
          (exact ? "\nRaises Revert where the Solidity would revert." : ""))
             .c_str())
      .def(
          "sell", [](const Curve& c, typename V::arg n) { return c.sell(V::count(n.obj, "n")); }, py::arg("n"),
          (std::string("Quote selling n items into the pool.\n\n") + count_doc +
           (exact ? "\nRaises Revert where the Solidity would revert." : ""))
              .c_str())
      .def_property_readonly(
          "fee", [](const Curve& c) { return V::out(c.fee()); }, "Trade fee multiplier.")
      .def_property_readonly(
          "protocol_fee", [](const Curve& c) { return V::out(c.protocol_fee()); }, "Protocol fee multiplier.");
  bind_curve_value<Curve>(cls, class_name, factory);
}

}  // namespace cushion::bindings
