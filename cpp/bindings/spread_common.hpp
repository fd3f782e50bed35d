// cpp/bindings/spread_common.hpp — binding templates for the stress-widened curves and
// the absorption results, usable for any curve (add one line per new curve type):
//
//   bind_stressed<Curve>(module, "XYK")      -> StressedXYK, StressedXYKQuote, AbsorbResultXYK
//
// and registers the class in _core.spread.STRESSED_TYPES[curve class] so that Python's
// cushion.spread.StressedCurve(curve, ...) finds it.  The wrapped curve class must be bound
// first (its Python type is the registry key).
#pragma once

#include <pybind11/pybind11.h>

#include <string>

#include "curves_common.hpp"
#include "cushion/absorb/absorb.hpp"
#include "cushion/spread/stressed_curve.hpp"
#include "series.hpp"

namespace cushion::bindings {

/// _core.<area>.<dict_name>, created on first use: the curve-type -> wrapper-type registry.
inline py::dict type_registry(const char* area, const char* dict_name) {
  py::module_ core = py::module_::import("cushion._core");
  py::module_ m = core.attr(area).cast<py::module_>();
  if (!py::hasattr(m, dict_name)) m.attr(dict_name) = py::dict();
  return m.attr(dict_name).cast<py::dict>();
}

/// A stress level argument in the policy's units, range-checked (ValueError names it).
template <class Num>
typename Num::value_type stress_arg(py::handle h, const char* name = "stress") {
  const auto s = Values<Num>::in(h, name);
  spread::check_stress<Num>(s, name);
  return s;
}

inline py::object limit_flags(std::uint8_t v) {
  static py::object* limit_type = nullptr;
  if (limit_type == nullptr)
    limit_type = new py::object(py::module_::import("cushion._core").attr("absorb").attr("Limit"));  // kept for life
  return (*limit_type)(static_cast<int>(v));
}

template <class Num>
std::string spread_repr(const spread::HalfSpread<Num>& h) {
  using V = Values<Num>;
  return "HalfSpread(base=" + py::repr(V::out(h.base())).template cast<std::string>() +
         ", slope=" + py::repr(V::out(h.slope())).template cast<std::string>() +
         ", exponent=" + py::repr(V::out(h.exponent())).template cast<std::string>() +
         ", cap=" + py::repr(V::out(h.cap())).template cast<std::string>() + ")";
}

template <class Curve>
void bind_stressed(py::module_& m, const std::string& kind) {
  using Stressed = spread::StressedCurve<Curve>;
  using Quote = spread::StressedQuote<Curve>;
  using Result = absorb::AbsorbResult<Stressed>;
  using Num = typename Stressed::number_policy;
  using V = Values<Num>;
  using A = typename V::arg;
  using Spread = spread::HalfSpread<Num>;
  using Ledger = absorb::AbsorptionLedger<Num>;
  constexpr bool exact = Num::is_exact;
  const char* module_name = exact ? "cushion.exact" : "cushion.spread";
  const std::string name = "Stressed" + kind;
  const std::string units = exact ? "Exact mode: ints in base units; stress a WAD (1e18 == 1); half_spread in bps."
                                  : "f64 mode: stress in [0, 1]; half_spread a fraction.";

  py::class_<Quote> q(m, (name + "Quote").c_str(),
                      ("A " + name +
                       " quote: the wrapped curve's quote with value widened by the half-spread "
                       "(buy: value (1 + h) rounded up; sell: value (1 - h) rounded down), spread = what the widening "
                       "took (>= 0), curve_value = the unwidened value.")
                          .c_str());
  q.attr("__module__") = module_name;
  q.def_property_readonly(
       "error", [](const Quote& x) { return py::cast(x.error); }, "A CurveError.")
      .def_property_readonly(
          "ok", [](const Quote& x) { return x.ok(); }, "True when error is CurveError.OK.")
      .def_property_readonly(
          "value", [](const Quote& x) { return V::out(x.value); },
          "Buy: what the trader pays.  Sell: what the trader receives.  Spread and fees included.")
      .def_property_readonly(
          "curve_value", [](const Quote& x) { return V::out(x.curve_value); },
          "The wrapped curve's value (fees included, spread not).")
      .def_property_readonly(
          "spread", [](const Quote& x) { return V::out(x.spread); }, "What the spread took from the trader (>= 0).")
      .def_property_readonly(
          "half_spread", [](const Quote& x) { return V::out(x.half_spread); },
          "h at the curve's stress (fraction, or bps in exact mode).")
      .def_property_readonly(
          "trade_fee", [](const Quote& x) { return V::out(x.trade_fee); }, "The pool's fee.")
      .def_property_readonly(
          "protocol_fee", [](const Quote& x) { return V::out(x.protocol_fee); }, "The protocol's fee.")
      .def_property_readonly(
          "items", [](const Quote& x) { return V::out(x.items); }, "Items the value pays for.")
      .def_property_readonly(
          "next", [](const Quote& x) { return x.next; }, "The stressed curve after the trade.")
      .def(py::pickle(
          [](const Quote& x) {
            return py::make_tuple(py::cast(x.error), V::out(x.value), V::out(x.trade_fee), V::out(x.protocol_fee),
                                  V::out(x.items), py::cast(x.next), V::out(x.spread), V::out(x.half_spread),
                                  V::out(x.curve_value));
          },
          [](const py::tuple& t) {
            if (t.size() != 9) raise(PyExc_ValueError, "invalid pickled stressed quote state");
            Quote x;
            x.error = t[0].cast<curves::CurveError>();
            x.value = V::in(t[1], "value");
            x.trade_fee = V::in(t[2], "trade_fee");
            x.protocol_fee = V::in(t[3], "protocol_fee");
            x.items = V::count(t[4], "items");
            x.next = t[5].cast<Stressed>();
            x.spread = V::in(t[6], "spread");
            x.half_spread = V::in(t[7], "half_spread");
            x.curve_value = V::in(t[8], "curve_value");
            return x;
          }))
      .def("__repr__", [name](const Quote& x) {
        return name + "Quote(error=" + curves::to_string(x.error) +
               ", value=" + py::repr(V::out(x.value)).template cast<std::string>() +
               ", spread=" + py::repr(V::out(x.spread)).template cast<std::string>() +
               ", items=" + py::repr(V::out(x.items)).template cast<std::string>() + ")";
      });

  py::class_<Stressed> c(m, name.c_str(),
                         ("A " + kind +
                          " curve quoted with the stress-widened spread: buy and sell like the wrapped curve, with "
                          "buy values widened up and sell values widened down by h(stress).  The curve's state "
                          "moves exactly as the wrapped curve's.  Never creates an arbitrage: widened round trips "
                          "pay at least what the wrapped curve's do.\n\n" +
                          units)
                             .c_str());
  c.attr("__module__") = module_name;
  c.def(py::init([](const Curve& curve, const Spread& spread, A stress) {
          return Stressed(curve, spread, stress_arg<Num>(stress.obj));
        }),
        py::arg("curve"), py::arg("spread"), py::arg("stress"))
      .def_property_readonly("curve", &Stressed::curve, "The wrapped curve (its current state).")
      .def_property_readonly("spread", &Stressed::spread, "The HalfSpread model.")
      .def_property_readonly(
          "stress", [](const Stressed& s) { return V::out(s.stress()); }, "The stress level.")
      .def_property_readonly(
          "half_spread", [](const Stressed& s) { return V::out(s.half_spread()); },
          "h(stress): a fraction (f64) or bps (exact).")
      .def(
          "buy", [](const Stressed& s, A n) { return s.buy(V::count(n.obj, "n")); }, py::arg("n"),
          "Quote buying n items from the pool (widened up).")
      .def(
          "sell", [](const Stressed& s, A n) { return s.sell(V::count(n.obj, "n")); }, py::arg("n"),
          "Quote selling n items into the pool (widened down).")
      .def(
          "with_stress", [](const Stressed& s, A stress) { return s.with_stress(stress_arg<Num>(stress.obj)); },
          py::arg("stress"), "The same curve state at another stress level.")
      .def(
          "absorb",
          [](const Stressed& s, Ledger& ledger, A n, IntArg block, bool whole_items) {
            const auto count = V::count(n.obj, "n");
            const std::uint64_t b = to_u64(block, "block");
            if (ledger.started() && b < ledger.block())
              raise(PyExc_ValueError,
                    "block must not go backwards (the ledger is at block " + std::to_string(ledger.block()) + ")");
            // Work on a copy so that an error leaves the caller's ledger untouched.
            Ledger working = ledger;
            auto result = absorb::absorb_sell(s, working, b, count, whole_items);
            ledger = std::move(working);
            return result;
          },
          py::arg("ledger"), py::arg("n"), py::arg("block"), py::arg("whole_items").noconvert() = false,
          "Sells up to n items into this curve at `block`, within the ledger's caps at this curve's stress; books "
          "the fill in the ledger and returns an AbsorbResult (filled + remainder == ordered; result.next is the "
          "curve after the fill).  whole_items (f64): fills in whole items.")
      .def("__repr__",
           [name](const Stressed& s) {
             return name + "(curve=" + py::repr(py::cast(s.curve())).template cast<std::string>() +
                    ", spread=" + spread_repr(s.spread()) +
                    ", stress=" + py::repr(V::out(s.stress())).template cast<std::string>() + ")";
           })
      .def(py::pickle(
          [](const Stressed& s) {
            return py::make_tuple(py::cast(s.curve()), py::cast(s.spread()), V::out(s.stress()));
          },
          [](const py::tuple& t) {
            if (t.size() != 3) raise(PyExc_ValueError, "invalid pickled stressed-curve state");
            return Stressed(t[0].cast<Curve>(), t[1].cast<Spread>(), stress_arg<Num>(t[2]));
          }));

  py::class_<Result> r(m, ("AbsorbResult" + kind).c_str(),
                       "One order sold into the cushion: ordered = filled + remainder (the remainder is returned, "
                       "never dropped), proceeds (what the seller receives), spread (what the spread took), fees, "
                       "half_spread, limited_by (Limit flags: which caps or the curve cut the order), curve_error "
                       "(of the quote for the capped amount) and next (the curve after the fill).");
  r.attr("__module__") = exact ? "cushion.exact" : "cushion.absorb";
  r.def_property_readonly(
       "ordered", [](const Result& x) { return V::out(x.ordered); }, "Items ordered.")
      .def_property_readonly(
          "filled", [](const Result& x) { return V::out(x.filled); }, "Items absorbed.")
      .def_property_readonly(
          "remainder", [](const Result& x) { return V::out(x.remainder); },
          "Items not absorbed, returned to the caller (ordered - filled).")
      .def_property_readonly(
          "proceeds", [](const Result& x) { return V::out(x.proceeds); },
          "What the seller receives (widened sell value).")
      .def_property_readonly(
          "spread", [](const Result& x) { return V::out(x.spread); }, "What the spread took from the seller.")
      .def_property_readonly(
          "trade_fee", [](const Result& x) { return V::out(x.trade_fee); }, "The pool's fee.")
      .def_property_readonly(
          "protocol_fee", [](const Result& x) { return V::out(x.protocol_fee); }, "The protocol's fee.")
      .def_property_readonly(
          "half_spread", [](const Result& x) { return V::out(x.half_spread); }, "h at the order's stress.")
      .def_property_readonly(
          "limited_by", [](const Result& x) { return limit_flags(x.limited_by); },
          "Limit flags of everything that cut the order (Limit.NONE when fully filled).")
      .def_property_readonly(
          "curve_error", [](const Result& x) { return py::cast(x.curve_error); },
          "CurveError of the quote for the capped amount (REVERTED for an exact revert).")
      .def_property_readonly(
          "next", [](const Result& x) { return x.next; }, "The stressed curve after the fill.")
      .def("__repr__",
           [kind](const Result& x) {
             return "AbsorbResult" + kind + "(ordered=" + py::repr(V::out(x.ordered)).template cast<std::string>() +
                    ", filled=" + py::repr(V::out(x.filled)).template cast<std::string>() +
                    ", remainder=" + py::repr(V::out(x.remainder)).template cast<std::string>() +
                    ", proceeds=" + py::repr(V::out(x.proceeds)).template cast<std::string>() +
                    ", limited_by=" + py::repr(limit_flags(x.limited_by)).template cast<std::string>() + ")";
           })
      .def(py::pickle(
          [](const Result& x) {
            return py::make_tuple(V::out(x.ordered), V::out(x.filled), V::out(x.remainder), V::out(x.proceeds),
                                  V::out(x.spread), V::out(x.trade_fee), V::out(x.protocol_fee), V::out(x.half_spread),
                                  static_cast<int>(x.limited_by), py::cast(x.curve_error), py::cast(x.next));
          },
          [](const py::tuple& t) {
            if (t.size() != 11) raise(PyExc_ValueError, "invalid pickled AbsorbResult state");
            Result x;
            x.ordered = V::count(t[0], "ordered");
            x.filled = V::count(t[1], "filled");
            x.remainder = V::count(t[2], "remainder");
            x.proceeds = V::in(t[3], "proceeds");
            x.spread = V::in(t[4], "spread");
            x.trade_fee = V::in(t[5], "trade_fee");
            x.protocol_fee = V::in(t[6], "protocol_fee");
            x.half_spread = V::in(t[7], "half_spread");
            x.limited_by = static_cast<std::uint8_t>(t[8].cast<int>());
            x.curve_error = t[9].cast<curves::CurveError>();
            x.next = t[10].cast<Stressed>();
            return x;
          }));

  type_registry("spread", "STRESSED_TYPES")[py::type::of<Curve>()] = py::type::of<Stressed>();
}

}  // namespace cushion::bindings
