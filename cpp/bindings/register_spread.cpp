// cpp/bindings/register_spread.cpp — the stress-widened half-spread and the stressed
// curves: _core.spread (f64, shown as cushion.spread) and _core.spread.exact (shown as
// cushion.exact).
#include <pybind11/numpy.h>

#include <limits>
#include <string>

#include "cushion/curves/exponential.hpp"
#include "cushion/curves/gda.hpp"
#include "cushion/curves/linear.hpp"
#include "cushion/curves/weighted_xyk.hpp"
#include "cushion/curves/xyk.hpp"
#include "registry.hpp"
#include "series.hpp"
#include "spread_common.hpp"

namespace cushion::bindings {

namespace {

constexpr double kNoMax = std::numeric_limits<double>::infinity();

/// Checks an upper bound on every element (stress <= 1) before any loop runs.
void check_max(const F64Series& x, const char* name, double max) {
  for (py::ssize_t i = 0; i < x.size(); ++i)
    if (x.data()[i] > max) raise(PyExc_ValueError, std::string(name) + " must be in [0, 1]");
}

/// f64: a scalar in, a float out; an array-like in, an array of the same shape out (two
/// inputs broadcast against each other, NumPy style).  Inputs are validated (domain, upper
/// bound) before the loop, which runs without the GIL.
template <class Fn>
py::object map_f64(Fn fn, py::handle a, const char* a_name, Domain a_domain, double a_max, py::handle b = py::handle(),
                   const char* b_name = nullptr, double b_max = kNoMax) {
  const bool scalar = !is_array_like(a) && (!b || !is_array_like(b));
  if (scalar) {
    const double x = to_f64(a, a_name, a_domain);
    if (x > a_max) raise(PyExc_ValueError, std::string(a_name) + " must be in [0, 1]");
    double y = 0.0;
    if (b) {
      y = to_f64(b, b_name, Domain::nonnegative);
      if (y > b_max) raise(PyExc_ValueError, std::string(b_name) + " must be in [0, 1]");
    }
    return py::float_(fn(x, y));
  }
  py::object np = py::module_::import("numpy");
  py::array ax = to_f64_series(a, a_name, -1, a_domain);
  py::array bx = b ? py::array(to_f64_series(b, b_name, -1, Domain::nonnegative)) : ax;
  py::tuple both = np.attr("broadcast_arrays")(ax, bx);
  py::object shape = both[0].attr("shape");
  const F64Series x = to_f64_series(both[0].attr("reshape")(-1), a_name, 1, a_domain);
  const F64Series y = to_f64_series(both[1].attr("reshape")(-1), b ? b_name : a_name, 1, Domain::nonnegative);
  check_max(x, a_name, a_max);
  if (b) check_max(y, b_name, b_max);
  py::array_t<double> out(x.size());
  {
    py::gil_scoped_release release;
    for (py::ssize_t i = 0; i < x.size(); ++i) out.mutable_data()[i] = fn(x.data()[i], b ? y.data()[i] : 0.0);
  }
  return out.attr("reshape")(shape);
}

void bind_half_spread_f64(py::module_& m) {
  using H = spread::HalfSpread<num::F64>;
  py::class_<H> cls(m, "HalfSpread",
                    "The stress-widened half-spread h(s) = min(cap, base + slope * s**exponent); bid = mid (1 - h), "
                    "ask = mid (1 + h).  f64: fractions (0.003 == 30 bps), any exponent > 0.  Defaults: base 0.003, "
                    "slope 0.047, exponent 1, cap 0.05.");
  cls.attr("__module__") = "cushion.spread";
  cls.def(py::init([](RealArg base, RealArg slope, RealArg exponent, RealArg cap) {
            return H(to_f64(base, "base"), to_f64(slope, "slope"), to_f64(exponent, "exponent", Domain::positive),
                     to_f64(cap, "cap"));
          }),
          py::arg("base") = 0.003, py::arg("slope") = 0.047, py::arg("exponent") = 1.0, py::arg("cap") = 0.05)
      .def_property_readonly("base", &H::base, "Half-spread at zero stress.")
      .def_property_readonly("slope", &H::slope, "Added at full stress (before the cap).")
      .def_property_readonly("exponent", &H::exponent, "Curvature p of s**p.")
      .def_property_readonly("cap", &H::cap, "The largest half-spread (< 1).")
      .def(
          "at",
          [](const H& h, py::handle s) {
            return map_f64([&h](double x, double) { return h.at_unchecked(x); }, s, "stress", Domain::nonnegative, 1.0);
          },
          py::arg("stress"), "h(stress) for a stress in [0, 1] (a float, or an array of them).")
      .def(
          "bid",
          [](const H& h, py::handle mid, py::handle s) {
            return map_f64([&h](double p, double x) { return h.widen_sell(p, h.at_unchecked(x)); }, mid, "mid",
                           Domain::nonnegative, kNoMax, s, "stress", 1.0);
          },
          py::arg("mid"), py::arg("stress"), "mid (1 - h(stress)); arrays broadcast.")
      .def(
          "ask",
          [](const H& h, py::handle mid, py::handle s) {
            return map_f64([&h](double p, double x) { return h.widen_buy(p, h.at_unchecked(x)); }, mid, "mid",
                           Domain::nonnegative, kNoMax, s, "stress", 1.0);
          },
          py::arg("mid"), py::arg("stress"), "mid (1 + h(stress)); arrays broadcast.")
      .def("__eq__", [](const H& a, py::object b) { return py::isinstance<H>(b) && a == b.cast<H>(); })
      .def("__hash__", [](const H& h) { return py::hash(py::make_tuple(h.base(), h.slope(), h.exponent(), h.cap())); })
      .def("__repr__", [](const H& h) { return spread_repr(h); })
      .def(py::pickle([](const H& h) { return py::make_tuple(h.base(), h.slope(), h.exponent(), h.cap()); },
                      [](const py::tuple& t) {
                        if (t.size() != 4) raise(PyExc_ValueError, "invalid pickled HalfSpread state");
                        return H(t[0].cast<double>(), t[1].cast<double>(), t[2].cast<double>(), t[3].cast<double>());
                      }));
}

void bind_half_spread_exact(py::module_& m) {
  using H = spread::HalfSpread<num::Evm256>;
  using num::uint256;
  py::class_<H> cls(
      m, "HalfSpread",
      "The stress-widened half-spread in exact integer arithmetic (basis points, rounding in the protocol's "
      "favour):\n\n"
      "  sp  = s**exponent, s a WAD; t = 1e18, then exponent times t = mulDivUp(t, s, 1e18)\n"
      "  h   = min(cap, base + mulDivUp(slope, sp, 1e18))            [bps, rounded up]\n"
      "  ask = mulDivUp(mid, 10000 + h, 10000)                       [rounded up]\n"
      "  bid = mulDiv(mid, 10000 - h, 10000)                         [rounded down]\n\n"
      "(FullMath mulDiv: 512-bit product.)  base, slope, cap in bps (cap < 10000, base <= cap); exponent an "
      "integer in [0, 64].  Defaults: 30, 470, 1, 500.");
  cls.attr("__module__") = "cushion.exact";
  cls.def(py::init([](IntArg base, IntArg slope, IntArg exponent, IntArg cap) {
            return H(to_uint256(base, "base"), to_uint256(slope, "slope"), to_uint256(exponent, "exponent"),
                     to_uint256(cap, "cap"));
          }),
          py::arg("base") = 30, py::arg("slope") = 470, py::arg("exponent") = 1, py::arg("cap") = 500)
      .def_property_readonly(
          "base", [](const H& h) { return from_uint256(h.base()); }, "bps at zero stress.")
      .def_property_readonly(
          "slope", [](const H& h) { return from_uint256(h.slope()); }, "bps added at full stress.")
      .def_property_readonly(
          "exponent", [](const H& h) { return from_uint256(h.exponent()); }, "Integer exponent.")
      .def_property_readonly(
          "cap", [](const H& h) { return from_uint256(h.cap()); }, "The largest half-spread, bps.")
      .def(
          "at", [](const H& h, IntArg s) { return from_uint256(h.at(stress_arg<num::Evm256>(s.obj))); },
          py::arg("stress"), "h(stress) in bps, rounded up; stress a WAD in [0, 1e18].")
      .def(
          "bid",
          [](const H& h, IntArg mid, IntArg s) {
            return from_uint256(h.bid(to_uint256(mid, "mid"), stress_arg<num::Evm256>(s.obj)));
          },
          py::arg("mid"), py::arg("stress"), "mulDiv(mid, 10000 - h, 10000): rounded down.")
      .def(
          "ask",
          [](const H& h, IntArg mid, IntArg s) {
            return from_uint256(h.ask(to_uint256(mid, "mid"), stress_arg<num::Evm256>(s.obj)));
          },
          py::arg("mid"), py::arg("stress"), "mulDivUp(mid, 10000 + h, 10000): rounded up.")
      .def(
          "widen_buy",
          [](const H& h, IntArg value, IntArg half_spread) {
            const uint256 hs = to_uint256(half_spread, "half_spread");
            if (!(hs < uint256(spread::kBpsDenominator))) raise(PyExc_ValueError, "half_spread must be < 10000 bps");
            return from_uint256(h.widen_buy(to_uint256(value, "value"), hs));
          },
          py::arg("value"), py::arg("half_spread"), "mulDivUp(value, 10000 + half_spread, 10000).")
      .def(
          "widen_sell",
          [](const H& h, IntArg value, IntArg half_spread) {
            const uint256 hs = to_uint256(half_spread, "half_spread");
            if (!(hs < uint256(spread::kBpsDenominator))) raise(PyExc_ValueError, "half_spread must be < 10000 bps");
            return from_uint256(h.widen_sell(to_uint256(value, "value"), hs));
          },
          py::arg("value"), py::arg("half_spread"), "mulDiv(value, 10000 - half_spread, 10000).")
      .def("__eq__", [](const H& a, py::object b) { return py::isinstance<H>(b) && a == b.cast<H>(); })
      .def("__hash__",
           [](const H& h) {
             return py::hash(py::make_tuple(from_uint256(h.base()), from_uint256(h.slope()), from_uint256(h.exponent()),
                                            from_uint256(h.cap())));
           })
      .def("__repr__", [](const H& h) { return spread_repr(h); })
      .def(py::pickle(
          [](const H& h) {
            return py::make_tuple(from_uint256(h.base()), from_uint256(h.slope()), from_uint256(h.exponent()),
                                  from_uint256(h.cap()));
          },
          [](const py::tuple& t) {
            if (t.size() != 4) raise(PyExc_ValueError, "invalid pickled HalfSpread state");
            return H(to_uint256(t[0], "base"), to_uint256(t[1], "slope"), to_uint256(t[2], "exponent"),
                     to_uint256(t[3], "cap"));
          }));
}

template <class Num>
void bind_stressed_curves(py::module_& m) {
  bind_stressed<curves::Linear<Num>>(m, "Linear");
  bind_stressed<curves::Exponential<Num>>(m, "Exponential");
  bind_stressed<curves::XYK<Num>>(m, "XYK");
  bind_stressed<curves::GDA<Num>>(m, "GDA");
  // The trait-basket curve: n is a weight sum (f64: floor items; exact: 1e18 per floor
  // item), and so are the item caps of a ledger it absorbs into.
  bind_stressed<curves::WeightedXYK<Num>>(m, "WeightedXYK");
}

void register_spread(py::module_& core) {
  py::module_ m = core.def_submodule("spread", "Stress-widened spreads and stressed curves (f64).");
  if (!py::hasattr(m, "STRESSED_TYPES")) m.attr("STRESSED_TYPES") = py::dict();  // the curve -> stressed registry
  bind_half_spread_f64(m);
  py::module_ exact = m.def_submodule("exact", "Stress-widened spreads and stressed curves (exact).");
  bind_half_spread_exact(exact);
  bind_stressed_curves<num::F64>(m);
  bind_stressed_curves<num::Evm256>(exact);
}

}  // namespace

CUSHION_REGISTER(62, spread, register_spread);

}  // namespace cushion::bindings
