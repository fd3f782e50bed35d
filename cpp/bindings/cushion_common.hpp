// cpp/bindings/cushion_common.hpp — the binding template for a cushion pool over any f64
// curve with CurveDynamics (add one line per new curve type, after bind_stressed<Curve>):
//
//   bind_cushion_pool<Curve>(module, "XYK")   -> CushionXYK, in _core.absorb.CUSHION_TYPES
//
// The pool's simulate() runs a whole schedule in C++ (schedule/simulate.hpp) and returns a
// dict of NumPy arrays and totals that cushion.schedule.SimulationResult wraps.
#pragma once

#include <optional>
#include <string>

#include "cushion/absorb/cushion_pool.hpp"
#include "cushion/schedule/simulate.hpp"
#include "series.hpp"
#include "spread_common.hpp"

namespace cushion::bindings {

inline py::dict trace_to_dict(const schedule::SimulationTrace& t) {
  py::dict d;
  d["stress"] = vector_to_array(t.stress);
  d["half_spread"] = vector_to_array(t.half_spread);
  d["target"] = vector_to_array(t.target);
  d["filled"] = vector_to_array(t.filled);
  d["carry"] = vector_to_array(t.carry);
  d["proceeds"] = vector_to_array(t.proceeds);
  d["spread"] = vector_to_array(t.spread);
  d["fees"] = vector_to_array(t.fees);
  d["mid_before"] = vector_to_array(t.mid_before);
  d["mid_after"] = vector_to_array(t.mid_after);
  d["slippage"] = vector_to_array(t.slippage);
  d["limited_by"] = vector_to_array(t.limited_by);
  d["quantity"] = t.quantity;
  d["arrival_mid"] = t.arrival_mid;
  d["sold"] = t.sold;
  d["unsold"] = t.unsold;
  d["total_proceeds"] = t.total_proceeds;
  d["total_spread"] = t.total_spread;
  d["total_fees"] = t.total_fees;
  d["shortfall"] = t.shortfall;
  return d;
}

template <class Curve>
void bind_cushion_pool(py::module_& m, const std::string& kind) {
  using Pool = absorb::CushionPool<Curve>;
  using Spread = spread::HalfSpread<num::F64>;
  using Cap = absorb::AbsorptionCap<num::F64>;
  const std::string name = "Cushion" + kind;
  py::class_<Pool> cls(
      m, name.c_str(),
      ("The cushion over a " + kind +
       " curve: the curve's current state, its stress-widened spread, its absorption caps and ledger, and its "
       "recovery between blocks (the mid relaxes toward the reference price by decay = exp(-rho tau) per block).  "
       "Drive it block by block (absorb, buy, advance) or run a whole schedule (simulate).  A value: copy() it to "
       "branch a scenario; it pickles.  f64.")
          .c_str());
  cls.attr("__module__") = "cushion.absorb";
  cls.def(py::init([](const Curve& curve, std::optional<Spread> spread, std::optional<Cap> cap, RealArg decay,
                      std::optional<RealArg> reference, IntArg block, bool whole_items) {
            const double a = to_f64(decay, "decay", Domain::nonnegative);
            if (a > 1.0) raise(PyExc_ValueError, "decay must be in [0, 1] (decay = exp(-rho tau))");
            std::optional<double> ref;
            if (reference) ref = to_f64(*reference, "reference", Domain::nonnegative);
            return Pool(curve, spread ? *spread : Spread{}, cap ? *cap : Cap{}, a, ref, to_u64(block, "block"),
                        whole_items);
          }),
          py::arg("curve"), py::arg("spread") = py::none(), py::arg("cap") = py::none(), py::kw_only(),
          py::arg("decay") = 1.0, py::arg("reference") = py::none(), py::arg("block") = 0,
          py::arg("whole_items").noconvert() = false)
      .def_property_readonly("curve", &Pool::curve, "The curve's current state.")
      .def_property_readonly("spread", &Pool::spread, "The HalfSpread.")
      .def_property_readonly("cap", &Pool::cap, "The AbsorptionCap.")
      .def_property_readonly(
          "ledger", [](const Pool& p) { return p.ledger(); }, "A copy of the absorption ledger.")
      .def_property_readonly("decay", &Pool::decay, "a = exp(-rho tau): the dislocation left after one block.")
      .def_property_readonly("reference", &Pool::reference, "The price the curve recovers toward.")
      .def_property_readonly("block", &Pool::block, "The current block.")
      .def_property_readonly("whole_items", &Pool::whole_items, "Fills in whole items.")
      .def_property_readonly("mid", &Pool::mid, "The curve's mid price (before fees and spread).")
      .def(
          "stressed", [](const Pool& p, RealArg s) { return p.stressed(stress_arg<num::F64>(s.obj)); },
          py::arg("stress"), "The curve as the pool quotes it at a stress level (a stressed curve).")
      .def(
          "headroom", [](const Pool& p, RealArg s) { return p.headroom(stress_arg<num::F64>(s.obj)); },
          py::arg("stress"), "The caps' headroom at the current block and a stress level.")
      .def(
          "absorb",
          [](Pool& p, RealArg n, RealArg s) {
            return p.absorb(to_f64(n, "n", Domain::nonnegative), stress_arg<num::F64>(s.obj));
          },
          py::arg("n"), py::arg("stress"),
          "Sells up to n items into the cushion at the current block under the caps at `stress`; returns an "
          "AbsorbResult (filled + remainder == ordered) and moves the curve and the ledger.")
      .def(
          "preview",
          [](const Pool& p, RealArg n, RealArg s) {
            return p.preview_absorb(to_f64(n, "n", Domain::nonnegative), stress_arg<num::F64>(s.obj));
          },
          py::arg("n"), py::arg("stress"), "What absorb(n, stress) would return, changing nothing.")
      .def(
          "buy",
          [](Pool& p, RealArg n, RealArg s) {
            return p.buy(to_f64(n, "n", Domain::nonnegative), stress_arg<num::F64>(s.obj));
          },
          py::arg("n"), py::arg("stress"),
          "A buyer takes n items from the pool at the widened ask (not capped); returns the quote.  A failed quote "
          "changes nothing.")
      .def(
          "advance",
          [](Pool& p, IntArg blocks, std::optional<RealArg> reference) {
            const std::uint64_t k = to_u64(blocks, "blocks");
            std::optional<double> ref;
            if (reference) ref = to_f64(*reference, "reference", Domain::nonnegative);
            p.advance(k, ref);
          },
          py::arg("blocks") = 1, py::arg("reference") = py::none(),
          "`blocks` blocks pass: the mid relaxes to reference' + decay**blocks (mid - reference); reference' is "
          "the new reference if given (an oracle update), else the current one.")
      .def(
          "set_reference", [](Pool& p, RealArg r) { p.set_reference(to_f64(r, "reference", Domain::nonnegative)); },
          py::arg("reference"), "Replaces the reference price without moving the curve.")
      .def(
          "simulate",
          [](const Pool& p, py::handle schedule, py::handle stress, py::handle reference, IntArg extra_blocks) {
            const F64Series sched = to_f64_series(schedule, "schedule", 1, Domain::nonnegative);
            F64Series s, r;
            if (!stress.is_none()) s = to_stress_array(stress, "stress");
            if (!reference.is_none()) r = to_f64_series(reference, "reference", 1, Domain::nonnegative);
            const std::uint64_t extra = to_u64(extra_blocks, "extra_blocks");
            if (extra > 100000000ULL) raise(PyExc_ValueError, "extra_blocks must be <= 100000000");
            schedule::SimulationTrace t;
            {
              py::gil_scoped_release release;
              t = schedule::simulate<Curve>(
                  span_of(sched), p, stress.is_none() ? std::span<const double>{} : span_of(s),
                  reference.is_none() ? std::span<const double>{} : span_of(r), static_cast<std::size_t>(extra));
            }
            return trace_to_dict(t);
          },
          py::arg("schedule"), py::arg("stress") = py::none(), py::arg("reference") = py::none(),
          py::arg("extra_blocks") = 0,
          "Runs a schedule from the pool's current state (the pool itself is not changed) and returns a dict of "
          "per-block arrays and totals; see cushion.schedule.simulate.")
      .def(
          "copy", [](const Pool& p) { return p; }, "An independent copy.")
      .def("__copy__", [](const Pool& p) { return p; })
      .def(
          "__deepcopy__", [](const Pool& p, py::handle) { return p; }, py::arg("memo"))
      .def("__repr__",
           [name](const Pool& p) {
             return name + "(curve=" + py::repr(py::cast(p.curve())).template cast<std::string>() +
                    ", block=" + std::to_string(p.block()) +
                    ", mid=" + py::repr(py::float_(p.mid())).template cast<std::string>() +
                    ", reference=" + py::repr(py::float_(p.reference())).template cast<std::string>() +
                    ", decay=" + py::repr(py::float_(p.decay())).template cast<std::string>() + ")";
           })
      .def(py::pickle(
          [](const Pool& p) {
            return py::make_tuple(py::cast(p.curve()), py::cast(p.spread()), py::cast(p.ledger()), p.decay(),
                                  p.reference(), p.block(), p.whole_items());
          },
          [](const py::tuple& t) {
            if (t.size() != 7) raise(PyExc_ValueError, "invalid pickled cushion state");
            return Pool::restore(t[0].cast<Curve>(), t[1].cast<Spread>(),
                                 t[2].cast<absorb::AbsorptionLedger<num::F64>>(), t[3].cast<double>(),
                                 t[4].cast<double>(), t[5].cast<std::uint64_t>(), t[6].cast<bool>());
          }));
  type_registry("absorb", "CUSHION_TYPES")[py::type::of<Curve>()] = py::type::of<Pool>();
}

}  // namespace cushion::bindings
