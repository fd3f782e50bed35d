// cpp/bindings/curve_dispatch.hpp — calling a C++ template on a Python curve object.
//
// The basket and slippage functions take any bound curve (cushion.Linear, ...,
// cushion.exact.WeightedXYK) and run a template on its C++ type; this finds the type.
#pragma once

#include <pybind11/pybind11.h>

#include <string>

#include "convert.hpp"
#include "cushion/batch/schema.hpp"
#include "cushion/curves/basket.hpp"

namespace cushion::bindings {

inline constexpr const char* kCurveTypes =
    "a cushion curve (Linear, Exponential, XYK, GDA, WeightedXYK; f64 or cushion.exact)";

/// Calls fn(const Curve&) for the curve `obj` holds, among the curves of policy Num.
/// Returns false (fn not called) when obj is not one of them.
template <class Num, class Fn>
bool visit_curve_object(py::handle obj, Fn&& fn) {
  bool found = false;
  const auto attempt = [&](auto type) {
    using Curve = typename decltype(type)::type;
    if (!found && py::isinstance<Curve>(obj)) {
      found = true;
      fn(obj.cast<const Curve&>());
    }
  };
  attempt(batch::Type<curves::Linear<Num>>{});
  attempt(batch::Type<curves::Exponential<Num>>{});
  attempt(batch::Type<curves::XYK<Num>>{});
  attempt(batch::Type<curves::GDA<Num>>{});
  attempt(batch::Type<curves::WeightedXYK<Num>>{});
  return found;
}

/// Calls fn(const Curve&) for any bound curve (f64 or exact); TypeError otherwise.
template <class Fn>
void visit_any_curve(py::handle obj, const char* name, Fn&& fn) {
  if (visit_curve_object<num::F64>(obj, fn) || visit_curve_object<num::Evm256>(obj, fn)) return;
  raise(PyExc_TypeError, std::string(name) + " must be " + kCurveTypes + ", not " + type_name(obj.ptr()));
}

/// The side of a trade from 'buy' or 'sell': TypeError for a non-str, ValueError otherwise.
inline curves::Side to_side(py::handle h) {
  if (!PyUnicode_Check(h.ptr())) raise(PyExc_TypeError, "side must be 'buy' or 'sell' (a str)");
  const std::string s = py::str(h);
  if (s == "buy") return curves::Side::buy;
  if (s == "sell") return curves::Side::sell;
  raise(PyExc_ValueError, "side must be 'buy' or 'sell', got '" + s + "'");
}

}  // namespace cushion::bindings
