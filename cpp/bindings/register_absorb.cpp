// cpp/bindings/register_absorb.cpp — absorption caps and their ledger: _core.absorb (f64,
// shown as cushion.absorb) and _core.absorb.exact (shown as cushion.exact).
#include <pybind11/native_enum.h>

#include <string>

#include "series.hpp"
#include "cushion/absorb/ledger.hpp"
#include "registry.hpp"
#include "spread_common.hpp"

namespace cushion::bindings {

namespace {

using absorb::Limit;

template <class Num>
typename Num::value_type cap_value(py::handle h, const char* name);

template <>
double cap_value<num::F64>(py::handle h, const char* name) {
  // +inf is the f64 spelling of "no cap"; everything else must be a finite number >= 0.
  if (PyFloat_Check(h.ptr()) && std::isinf(PyFloat_AS_DOUBLE(h.ptr())) && PyFloat_AS_DOUBLE(h.ptr()) > 0)
    return PyFloat_AS_DOUBLE(h.ptr());
  return to_f64(h, name, Domain::nonnegative);
}

template <>
num::uint256 cap_value<num::Evm256>(py::handle h, const char* name) {
  return to_uint256(h, name);
}

/// One limit from Python: None (unlimited), a number (constant: calm == severe) or a pair
/// (calm, severe).
template <class Num>
absorb::CapRange<Num> to_cap_range(py::handle h, const char* name) {
  absorb::CapRange<Num> r;
  if (h.is_none()) return r;
  if (PyTuple_Check(h.ptr()) || PyList_Check(h.ptr())) {
    py::sequence seq = py::reinterpret_borrow<py::sequence>(h);
    if (seq.size() != 2)
      raise(PyExc_ValueError, std::string(name) + " must be None, a number or a (calm, severe) pair");
    const std::string calm = std::string(name) + "[calm]", severe = std::string(name) + "[severe]";
    r.calm = cap_value<Num>(seq[0], calm.c_str());
    r.severe = cap_value<Num>(seq[1], severe.c_str());
  } else {
    r.calm = r.severe = cap_value<Num>(h, name);
  }
  r.validate(name);
  return r;
}

template <class Num>
py::object cap_range_out(const absorb::CapRange<Num>& r) {
  using V = Values<Num>;
  if (r.is_unlimited()) return py::none();
  return py::make_tuple(V::out(r.calm), V::out(r.severe));
}

template <class Num>
py::dict limits_out(const typename absorb::AbsorptionCap<Num>::Limits& l) {
  using V = Values<Num>;
  py::dict d;
  d["block_items"] = V::out(l.block_items);
  d["block_notional"] = V::out(l.block_notional);
  d["window_items"] = V::out(l.window_items);
  d["window_notional"] = V::out(l.window_notional);
  return d;
}

template <class Num>
void bind_cap(py::module_& m) {
  using Cap = absorb::AbsorptionCap<Num>;
  using V = Values<Num>;
  constexpr bool exact = Num::is_exact;
  const std::string doc =
      std::string(
          "Per-block and rolling-window absorption caps that shrink with stress: cap(s) = calm - (calm - severe) * "
          "s**exponent for each of block_items, block_notional, window_items, window_notional (notional: what the "
          "cushion pays out).  Each limit is None (unlimited), a number (constant) or a (calm, severe) pair with "
          "severe <= calm.  window_blocks: W, the rolling window (the current block and the W - 1 before).\n\n") +
      (exact ? "Exact mode: ints (items, wei); stress a WAD; exponent an integer in [0, 64]; cap = calm - "
               "mulDivUp(calm - severe, s**exponent (rounded up), 1e18), i.e. rounded down (the protocol's favour); "
               "an unlimited cap reads 2**256 - 1."
             : "f64 mode: floats (items, tokens); an unlimited cap reads inf.");
  py::class_<Cap> cls(m, "AbsorptionCap", doc.c_str());
  cls.attr("__module__") = exact ? "cushion.exact" : "cushion.absorb";
  cls.def(py::init([](py::object block_items, py::object block_notional, py::object window_items,
                      py::object window_notional, IntArg window_blocks, typename V::arg exponent) {
            // One statement per argument: the order of the checks (and so which error a call
            // with several bad arguments raises) must not depend on the compiler's unspecified
            // order of evaluating function arguments.  It is the order of the signature, as in
            // the Solidity reference (AbsorptionCapMath.validate).
            const auto bi = to_cap_range<Num>(block_items, "block_items");
            const auto bn = to_cap_range<Num>(block_notional, "block_notional");
            const auto wi = to_cap_range<Num>(window_items, "window_items");
            const auto wn = to_cap_range<Num>(window_notional, "window_notional");
            const auto w = to_u32(window_blocks.obj, "window_blocks");
            const auto e = V::in(exponent.obj, "exponent");
            return Cap(bi, bn, wi, wn, w, e);
          }),
          py::kw_only(), py::arg("block_items") = py::none(), py::arg("block_notional") = py::none(),
          py::arg("window_items") = py::none(), py::arg("window_notional") = py::none(), py::arg("window_blocks") = 300,
          py::arg("exponent") = exact ? py::cast(1) : py::cast(1.0))
      .def_property_readonly(
          "block_items", [](const Cap& c) { return cap_range_out(c.block_items()); }, "(calm, severe) or None.")
      .def_property_readonly(
          "block_notional", [](const Cap& c) { return cap_range_out(c.block_notional()); }, "(calm, severe) or None.")
      .def_property_readonly(
          "window_items", [](const Cap& c) { return cap_range_out(c.window_items()); }, "(calm, severe) or None.")
      .def_property_readonly(
          "window_notional", [](const Cap& c) { return cap_range_out(c.window_notional()); }, "(calm, severe) or None.")
      .def_property_readonly("window_blocks", &Cap::window_blocks, "W: blocks in the rolling window.")
      .def_property_readonly(
          "exponent", [](const Cap& c) { return V::out(c.exponent()); }, "q in s**q.")
      .def(
          "at",
          [](const Cap& c, typename V::arg s) {
            const auto v = V::in(s.obj, "stress");
            return limits_out<Num>(c.at(v));
          },
          py::arg("stress"), "The four limits at a stress level, as a dict.")
      .def("__eq__", [](const Cap& a, py::object b) { return py::isinstance<Cap>(b) && a == b.cast<Cap>(); })
      .def("__repr__",
           [](const Cap& c) {
             auto f = [](py::object o) { return py::repr(o).cast<std::string>(); };
             return "AbsorptionCap(block_items=" + f(cap_range_out(c.block_items())) +
                    ", block_notional=" + f(cap_range_out(c.block_notional())) +
                    ", window_items=" + f(cap_range_out(c.window_items())) +
                    ", window_notional=" + f(cap_range_out(c.window_notional())) +
                    ", window_blocks=" + std::to_string(c.window_blocks()) + ", exponent=" + f(V::out(c.exponent())) +
                    ")";
           })
      .def(py::pickle(
          [](const Cap& c) {
            return py::make_tuple(cap_range_out(c.block_items()), cap_range_out(c.block_notional()),
                                  cap_range_out(c.window_items()), cap_range_out(c.window_notional()),
                                  c.window_blocks(), V::out(c.exponent()));
          },
          [](const py::tuple& t) {
            if (t.size() != 6) raise(PyExc_ValueError, "invalid pickled AbsorptionCap state");
            return Cap(to_cap_range<Num>(t[0], "block_items"), to_cap_range<Num>(t[1], "block_notional"),
                       to_cap_range<Num>(t[2], "window_items"), to_cap_range<Num>(t[3], "window_notional"),
                       t[4].cast<std::uint32_t>(), V::in(t[5], "exponent"));
          }));
  if constexpr (!exact) {
    cls.def(
        "path",
        [](const Cap& c, py::handle stress) {
          const F64Series s = to_stress_array(stress, "stress");
          const py::ssize_t T = s.size();
          py::array_t<double> bi(T), bn(T), wi(T), wn(T);
          {
            py::gil_scoped_release release;
            for (py::ssize_t i = 0; i < T; ++i) {
              const auto l = c.at_unchecked(s.data()[i]);
              bi.mutable_data()[i] = l.block_items;
              bn.mutable_data()[i] = l.block_notional;
              wi.mutable_data()[i] = l.window_items;
              wn.mutable_data()[i] = l.window_notional;
            }
          }
          py::dict d;
          d["block_items"] = bi;
          d["block_notional"] = bn;
          d["window_items"] = wi;
          d["window_notional"] = wn;
          return d;
        },
        py::arg("stress"), "The four limits along a stress path: a dict of arrays (inf where unlimited).");
  }
}

template <class Num>
void bind_ledger(py::module_& m) {
  using Ledger = absorb::AbsorptionLedger<Num>;
  using Cap = absorb::AbsorptionCap<Num>;
  using Headroom = typename Ledger::Headroom;
  using Usage = typename Ledger::Usage;
  using V = Values<Num>;
  using A = typename V::arg;
  constexpr bool exact = Num::is_exact;
  const char* module_name = exact ? "cushion.exact" : "cushion.absorb";

  py::class_<Headroom> h(m, "Headroom",
                         "What a new order may still take at a block and stress: items, notional, and the Limit "
                         "flags of the limits that bind (items_limit, notional_limit), plus the caps themselves.");
  h.attr("__module__") = module_name;
  h.def_property_readonly(
       "items", [](const Headroom& x) { return V::out(x.items); }, "Items headroom.")
      .def_property_readonly(
          "notional", [](const Headroom& x) { return V::out(x.notional); }, "Notional headroom.")
      .def_property_readonly(
          "items_limit", [](const Headroom& x) { return limit_flags(x.items_limit); },
          "Limit flags of the binding item limits.")
      .def_property_readonly(
          "notional_limit", [](const Headroom& x) { return limit_flags(x.notional_limit); },
          "Limit flags of the binding notional limits.")
      .def_property_readonly(
          "caps", [](const Headroom& x) { return limits_out<Num>(x.caps); }, "The four caps at this stress (dict).")
      .def(py::pickle(
          [](const Headroom& x) {
            return py::make_tuple(V::out(x.items), V::out(x.notional), static_cast<int>(x.items_limit),
                                  static_cast<int>(x.notional_limit), V::out(x.caps.block_items),
                                  V::out(x.caps.block_notional), V::out(x.caps.window_items),
                                  V::out(x.caps.window_notional));
          },
          [](const py::tuple& t) {
            if (t.size() != 8) raise(PyExc_ValueError, "invalid pickled Headroom state");
            // Caps and headroom may be unlimited (inf in f64), which V::in rightly refuses as input.
            auto in = [](py::handle h, const char* name) {
              if constexpr (exact) {
                return to_uint256(h, name);
              } else {
                (void)name;
                return h.cast<double>();
              }
            };
            Headroom x;
            x.items = in(t[0], "items");
            x.notional = in(t[1], "notional");
            x.items_limit = static_cast<std::uint8_t>(t[2].cast<int>());
            x.notional_limit = static_cast<std::uint8_t>(t[3].cast<int>());
            x.caps = {in(t[4], "block_items"), in(t[5], "block_notional"), in(t[6], "window_items"),
                      in(t[7], "window_notional")};
            return x;
          }))
      .def("__repr__", [](const Headroom& x) {
        return "Headroom(items=" + py::repr(V::out(x.items)).template cast<std::string>() +
               ", notional=" + py::repr(V::out(x.notional)).template cast<std::string>() + ")";
      });

  auto usage_out = [](const Usage& u) { return py::make_tuple(V::out(u.items), V::out(u.notional)); };
  py::class_<Ledger> cls(
      m, "AbsorptionLedger",
      "Tracks what the cushion absorbed per block and over the rolling window of the cap, and the headroom left "
      "at a block and stress (caps minus usage, saturating at 0).  Blocks only move forward.  A value: copy() it "
      "to branch a scenario; it pickles.");
  cls.attr("__module__") = module_name;
  cls.def(py::init([](std::optional<Cap> cap) { return Ledger(cap ? *cap : Cap{}); }), py::arg("cap") = py::none())
      .def_property_readonly("cap", &Ledger::cap, "The AbsorptionCap.")
      .def_property_readonly("started", &Ledger::started, "False until the first order fixes the current block.")
      .def_property_readonly("block", &Ledger::block, "The current block.")
      .def_property_readonly("window_blocks", &Ledger::window_blocks, "W.")
      .def_property_readonly(
          "block_usage", [usage_out](const Ledger& l) { return usage_out(l.block_usage()); },
          "(items, notional) absorbed in the current block.")
      .def_property_readonly(
          "window_usage", [usage_out](const Ledger& l) { return usage_out(l.window_usage()); },
          "(items, notional) absorbed over the window ending at the current block.")
      .def(
          "usage_at", [usage_out](const Ledger& l, IntArg b) { return usage_out(l.usage_at(to_u64(b, "block"))); },
          py::arg("block"), "(items, notional) of a block inside the current window (zero outside).")
      .def(
          "history",
          [](const Ledger& l) {
            const auto hist = l.window_history();
            if constexpr (exact) {
              py::list items, notional;
              for (const auto& u : hist) {
                items.append(from_uint256(u.items));
                notional.append(from_uint256(u.notional));
              }
              return py::make_tuple(items, notional);
            } else {
              py::array_t<double> items(static_cast<py::ssize_t>(hist.size())),
                  notional(static_cast<py::ssize_t>(hist.size()));
              for (std::size_t i = 0; i < hist.size(); ++i) {
                items.mutable_data()[i] = hist[i].items;
                notional.mutable_data()[i] = hist[i].notional;
              }
              return py::make_tuple(items, notional);
            }
          },
          "(items, notional) per block of the window, oldest first (blocks block - W + 1 .. block).")
      .def(
          "headroom",
          [](const Ledger& l, IntArg b, A s) {
            const std::uint64_t block = to_u64(b, "block");
            if (l.started() && block < l.block())
              raise(PyExc_ValueError,
                    "block must not go backwards (the ledger is at block " + std::to_string(l.block()) + ")");
            return l.headroom(block, V::in(s.obj, "stress"));
          },
          py::arg("block"), py::arg("stress"), "Headroom at a block (>= the current one) and stress; no change.")
      .def(
          "advance_to",
          [](Ledger& l, IntArg b) {
            const std::uint64_t block = to_u64(b, "block");
            if (l.started() && block < l.block())
              raise(PyExc_ValueError,
                    "block must not go backwards (the ledger is at block " + std::to_string(l.block()) + ")");
            l.advance_to(block);
          },
          py::arg("block"), "Moves the current block forward, expiring what leaves the window.")
      .def(
          "record",
          [](Ledger& l, IntArg b, A items, A notional) {
            const std::uint64_t block = to_u64(b, "block");
            const auto i = V::count(items.obj, "items");
            const auto n = V::in(notional.obj, "notional");
            if (l.started() && block < l.block())
              raise(PyExc_ValueError,
                    "block must not go backwards (the ledger is at block " + std::to_string(l.block()) + ")");
            Ledger working = l;  // a checked-sum revert leaves the ledger unchanged
            working.record(block, i, n);
            l = std::move(working);
          },
          py::arg("block"), py::arg("items"), py::arg("notional"),
          "Books a fill absorbed elsewhere (e.g. by another venue of the same cushion).")
      .def(
          "copy", [](const Ledger& l) { return l; }, "An independent copy.")
      .def("__copy__", [](const Ledger& l) { return l; })
      .def(
          "__deepcopy__", [](const Ledger& l, py::handle) { return l; }, py::arg("memo"))
      .def("__eq__", [](const Ledger& a, py::object b) { return py::isinstance<Ledger>(b) && a == b.cast<Ledger>(); })
      .def("__repr__",
           [usage_out](const Ledger& l) {
             return "AbsorptionLedger(block=" + (l.started() ? std::to_string(l.block()) : std::string("None")) +
                    ", window_usage=" + py::repr(usage_out(l.window_usage())).template cast<std::string>() + ")";
           })
      .def(py::pickle(
          [](const Ledger& l) {
            py::list hist;
            for (const auto& u : l.window_history()) hist.append(py::make_tuple(V::out(u.items), V::out(u.notional)));
            return py::make_tuple(py::cast(l.cap()), l.started(), l.block(), hist);
          },
          [](const py::tuple& t) {
            if (t.size() != 4) raise(PyExc_ValueError, "invalid pickled AbsorptionLedger state");
            std::vector<Usage> hist;
            for (auto item : t[3].cast<py::list>()) {
              py::tuple u = item.cast<py::tuple>();
              hist.push_back({V::in(u[0], "items"), V::in(u[1], "notional")});
            }
            return Ledger::restore(t[0].cast<Cap>(), t[1].cast<bool>(), t[2].cast<std::uint64_t>(), hist);
          }));
}

void register_absorb(py::module_& core) {
  py::module_ m = core.def_submodule("absorb", "Absorption caps and their ledger (f64).");
  if (!py::hasattr(m, "CUSHION_TYPES")) m.attr("CUSHION_TYPES") = py::dict();  // the curve -> pool registry
  py::native_enum<Limit>(m, "Limit", "enum.IntFlag", "Which limit cut an order (flags combine).")
      .value("NONE", Limit::none)
      .value("BLOCK_ITEMS", Limit::block_items)
      .value("BLOCK_NOTIONAL", Limit::block_notional)
      .value("WINDOW_ITEMS", Limit::window_items)
      .value("WINDOW_NOTIONAL", Limit::window_notional)
      .value("CURVE", Limit::curve)
      .value("WHOLE_ITEMS", Limit::whole_items)
      .finalize();
  py::module_ exact = m.def_submodule("exact", "Absorption caps and their ledger (exact).");
  bind_cap<num::F64>(m);
  bind_cap<num::Evm256>(exact);
  bind_ledger<num::F64>(m);
  bind_ledger<num::Evm256>(exact);
}

}  // namespace

CUSHION_REGISTER(61, absorb, register_absorb);

}  // namespace cushion::bindings
