// cpp/bindings/register_stress.cpp — the stress index and the regime state machine:
// _core.stress (f64; the exact RegimeTracker is shown as cushion.exact.RegimeTracker).
#include <pybind11/native_enum.h>

#include <array>
#include <string>

#include "curves_common.hpp"
#include "cushion/spread/regime.hpp"
#include "cushion/spread/stress_index.hpp"
#include "registry.hpp"
#include "series.hpp"

namespace cushion::bindings {

namespace {

using spread::kSignalCount;
using spread::Regime;
using spread::SignalSpec;
using spread::SignalSpecs;
using spread::SignalValues;
using spread::StressIndex;
using spread::StressReading;
using spread::StressSignal;

/// A signal named by the Signal enum, its int value or its name.
std::size_t to_signal(py::handle h, const char* name) {
  if (PyUnicode_Check(h.ptr())) {
    const std::string s = py::str(h);
    for (std::size_t i = 0; i < kSignalCount; ++i)
      if (s == spread::to_string(static_cast<StressSignal>(i))) return i;
    raise(PyExc_ValueError, std::string(name) + ": unknown signal '" + s + "'");
  }
  if (is_bool_like(h.ptr()) || !PyIndex_Check(h.ptr()))
    raise(PyExc_TypeError, std::string(name) + " keys must be Signal members or signal names");
  const std::uint64_t i = to_u64(h, name);
  if (i >= kSignalCount) raise(PyExc_ValueError, std::string(name) + ": signal index must be < 8");
  return static_cast<std::size_t>(i);
}

/// values: a sequence of 8 numbers (NaN / None = missing) or a mapping signal -> number
/// (absent = `absent`).
SignalValues to_signal_values(py::handle h, const char* name, double absent, Domain domain) {
  SignalValues out;
  out.fill(absent);
  auto one = [&](py::handle v, std::size_t i) {
    if (v.is_none()) return std::numeric_limits<double>::quiet_NaN();
    const std::string label = std::string(name) + "[" + spread::to_string(static_cast<StressSignal>(i)) + "]";
    if (PyFloat_Check(v.ptr()) && std::isnan(PyFloat_AS_DOUBLE(v.ptr()))) return PyFloat_AS_DOUBLE(v.ptr());
    if (domain == Domain::nonnegative && PyFloat_Check(v.ptr()) && std::isinf(PyFloat_AS_DOUBLE(v.ptr())) &&
        PyFloat_AS_DOUBLE(v.ptr()) > 0)
      return PyFloat_AS_DOUBLE(v.ptr());  // an age of inf: never updated
    return to_f64(v, label.c_str(), domain);
  };
  if (h.is_none()) raise(PyExc_TypeError, std::string(name) + " must be a sequence of 8 numbers or a mapping");
  if (PyDict_Check(h.ptr())) {
    for (auto item : h.cast<py::dict>()) {
      const std::size_t i = to_signal(item.first, name);
      out[i] = one(item.second, i);
    }
    return out;
  }
  if (is_array_like(h)) {
    py::sequence seq = py::reinterpret_borrow<py::sequence>(py::module_::import("builtins").attr("list")(h));
    if (seq.size() != kSignalCount)
      raise(PyExc_ValueError, std::string(name) + " must have 8 entries (one per Signal)");
    for (std::size_t i = 0; i < kSignalCount; ++i) out[i] = one(seq[i], i);
    return out;
  }
  raise(PyExc_TypeError, std::string(name) + " must be a sequence of 8 numbers or a mapping signal -> number");
}

SignalSpecs to_specs(py::handle specs, py::handle weights) {
  SignalSpecs out = spread::default_signal_specs();
  if (!specs.is_none()) {
    if (PyDict_Check(specs.ptr())) {
      for (auto item : specs.cast<py::dict>()) {
        const std::size_t i = to_signal(item.first, "specs");
        if (!py::isinstance<SignalSpec>(item.second)) raise(PyExc_TypeError, "specs values must be SignalSpec");
        out[i] = item.second.cast<SignalSpec>();
      }
    } else if (is_array_like(specs)) {
      py::sequence seq = py::reinterpret_borrow<py::sequence>(py::module_::import("builtins").attr("list")(specs));
      if (seq.size() != kSignalCount) raise(PyExc_ValueError, "specs must have 8 SignalSpec entries (one per Signal)");
      for (std::size_t i = 0; i < kSignalCount; ++i) {
        if (!py::isinstance<SignalSpec>(seq[i])) raise(PyExc_TypeError, "specs entries must be SignalSpec");
        out[i] = seq[i].cast<SignalSpec>();
      }
    } else {
      raise(PyExc_TypeError, "specs must be None, a sequence of 8 SignalSpec or a mapping signal -> SignalSpec");
    }
  }
  if (!weights.is_none()) {
    const SignalValues w =
        to_signal_values(weights, "weights", std::numeric_limits<double>::quiet_NaN(), Domain::nonnegative);
    for (std::size_t i = 0; i < kSignalCount; ++i)
      if (!std::isnan(w[i])) out[i].weight = w[i];
  }
  return out;
}

py::list signal_list(std::uint16_t mask) {
  py::object enum_type = py::module_::import("cushion._core").attr("stress").attr("Signal");
  py::list out;
  for (std::size_t i = 0; i < kSignalCount; ++i)
    if (mask & (1u << i)) out.append(enum_type(i));
  return out;
}

py::array_t<double> normalised_array(const StressReading& r) {
  py::array_t<double> a(static_cast<py::ssize_t>(kSignalCount));
  std::copy(r.normalised.begin(), r.normalised.end(), a.mutable_data());
  return a;
}

void bind_signal_spec(py::module_& m) {
  py::class_<SignalSpec> cls(
      m, "SignalSpec",
      "How one stress signal is normalised and weighted: z = clamp((x - calm) / (severe - calm), "
      "0, 1) on x (or |x| when magnitude), weight in the index, max_age in blocks before the "
      "observation is stale.  severe < calm means stress grows as x falls (depth ratios).");
  cls.attr("__module__") = "cushion.stress";
  cls.def(py::init([](RealArg calm, RealArg severe, RealArg weight, RealArg max_age, bool magnitude) {
            SignalSpec s;
            s.calm = to_f64(calm, "calm", Domain::any_finite);
            s.severe = to_f64(severe, "severe", Domain::any_finite);
            s.weight = to_f64(weight, "weight", Domain::nonnegative);
            s.magnitude = magnitude;
            PyObject* age = max_age.obj.ptr();
            s.max_age = (PyFloat_Check(age) && std::isinf(PyFloat_AS_DOUBLE(age)) && PyFloat_AS_DOUBLE(age) > 0)
                            ? PyFloat_AS_DOUBLE(age)
                            : to_f64(max_age, "max_age", Domain::nonnegative);
            if (s.calm == s.severe) raise(PyExc_ValueError, "calm and severe must differ");
            return s;
          }),
          py::arg("calm"), py::arg("severe"), py::arg("weight"), py::arg("max_age") = 300.0,
          py::arg("magnitude").noconvert() = false)
      .def_readonly("calm", &SignalSpec::calm, "Raw value mapped to 0.")
      .def_readonly("severe", &SignalSpec::severe, "Raw value mapped to 1.")
      .def_readonly("weight", &SignalSpec::weight, "Weight in the index (the index divides by the used weights' sum).")
      .def_readonly("max_age", &SignalSpec::max_age, "Blocks after which an observation is stale (inf: never).")
      .def_readonly("magnitude", &SignalSpec::magnitude, "Normalise |x| (signed signals: funding, OI change).")
      .def("__eq__",
           [](const SignalSpec& a, py::object b) { return py::isinstance<SignalSpec>(b) && a == b.cast<SignalSpec>(); })
      .def("__hash__",
           [](const SignalSpec& s) {
             return py::hash(py::make_tuple(s.calm, s.severe, s.weight, s.max_age, s.magnitude));
           })
      .def("__repr__",
           [](const SignalSpec& s) {
             return "SignalSpec(calm=" + py::repr(py::float_(s.calm)).cast<std::string>() +
                    ", severe=" + py::repr(py::float_(s.severe)).cast<std::string>() +
                    ", weight=" + py::repr(py::float_(s.weight)).cast<std::string>() +
                    ", max_age=" + py::repr(py::float_(s.max_age)).cast<std::string>() +
                    ", magnitude=" + (s.magnitude ? "True" : "False") + ")";
           })
      .def(py::pickle(
          [](const SignalSpec& s) { return py::make_tuple(s.calm, s.severe, s.weight, s.max_age, s.magnitude); },
          [](const py::tuple& t) {
            if (t.size() != 5) raise(PyExc_ValueError, "invalid pickled SignalSpec state");
            return SignalSpec{t[0].cast<double>(), t[1].cast<double>(), t[2].cast<double>(), t[3].cast<double>(),
                              t[4].cast<bool>()};
          }));
}

void bind_stress_reading(py::module_& m) {
  py::class_<StressReading> cls(m, "StressReading",
                                "One evaluation of the stress index: index (s in [0, 1]), coverage (weight share of "
                                "the signals used), used / stale / missing signals, fail_safe (coverage below "
                                "min_coverage: index forced to 1) and the per-signal normalised values.");
  cls.attr("__module__") = "cushion.stress";
  cls.def_readonly("index", &StressReading::index, "The stress index s in [0, 1].")
      .def_readonly("coverage", &StressReading::coverage, "Share of the total weight carried by the signals used.")
      .def_readonly("fail_safe", &StressReading::fail_safe, "True when coverage < min_coverage forced s = 1.")
      .def_readonly("used_mask", &StressReading::used, "Bit i set: signal i entered the index.")
      .def_readonly("stale_mask", &StressReading::stale, "Bit i set: signal i was stale.")
      .def_readonly("missing_mask", &StressReading::missing, "Bit i set: signal i had no value.")
      .def_property_readonly(
          "used", [](const StressReading& r) { return signal_list(r.used); }, "The signals that entered the index.")
      .def_property_readonly(
          "stale", [](const StressReading& r) { return signal_list(r.stale); }, "The stale signals.")
      .def_property_readonly(
          "missing", [](const StressReading& r) { return signal_list(r.missing); }, "The missing signals.")
      .def_property_readonly("normalised", &normalised_array,
                             "z per signal (array of 8; 1 for a stale signal counted as stressed; NaN if not used).")
      .def(py::pickle(
          [](const StressReading& r) {
            py::list z;
            for (double v : r.normalised) z.append(v);
            return py::make_tuple(r.index, r.coverage, r.used, r.stale, r.missing, r.fail_safe, z);
          },
          [](const py::tuple& t) {
            if (t.size() != 7) raise(PyExc_ValueError, "invalid pickled StressReading state");
            StressReading r;
            r.index = t[0].cast<double>();
            r.coverage = t[1].cast<double>();
            r.used = t[2].cast<std::uint16_t>();
            r.stale = t[3].cast<std::uint16_t>();
            r.missing = t[4].cast<std::uint16_t>();
            r.fail_safe = t[5].cast<bool>();
            py::list z = t[6].cast<py::list>();
            if (z.size() != kSignalCount) raise(PyExc_ValueError, "invalid pickled StressReading state");
            for (std::size_t i = 0; i < kSignalCount; ++i) r.normalised[i] = z[i].cast<double>();
            return r;
          }))
      .def("__repr__", [](const StressReading& r) {
        return "StressReading(index=" + py::repr(py::float_(r.index)).cast<std::string>() +
               ", coverage=" + py::repr(py::float_(r.coverage)).cast<std::string>() +
               ", used=" + std::to_string(__builtin_popcount(r.used)) +
               ", stale=" + std::to_string(__builtin_popcount(r.stale)) +
               ", missing=" + std::to_string(__builtin_popcount(r.missing)) +
               ", fail_safe=" + (r.fail_safe ? "True" : "False") + ")";
      });
}

void bind_stress_index(py::module_& m) {
  py::class_<StressIndex> cls(
      m, "StressIndex",
      "Combines the eight stress signals into one index s in [0, 1]: s = sum(w z) / sum(w) over the signals used.\n\n"
      "Missing signals (NaN / None / absent) are dropped and the weights renormalised; stale signals (age > "
      "max_age) follow stale_policy (STRESSED: counted with z = 1, the default; DROP: renormalised away; KEEP: "
      "used as if fresh); if the used weight share is below min_coverage the index is a fail-safe 1.\n\n"
      "specs: None (the documented defaults), a sequence of 8 SignalSpec, or a mapping Signal/name -> SignalSpec "
      "overriding some defaults.  weights: optional mapping Signal/name -> weight (or 8 weights) overriding "
      "the specs' weights.");
  cls.attr("__module__") = "cushion.stress";
  cls.def(py::init([](py::object specs, py::object weights, spread::StalePolicy policy, RealArg min_coverage) {
            const double mc = to_f64(min_coverage, "min_coverage", Domain::nonnegative);
            if (mc > 1.0) raise(PyExc_ValueError, "min_coverage must be in [0, 1]");
            return StressIndex(to_specs(specs, weights), policy, mc);
          }),
          py::arg("specs") = py::none(), py::kw_only(), py::arg("weights") = py::none(),
          py::arg("stale_policy") = spread::StalePolicy::stressed, py::arg("min_coverage") = 0.5)
      .def_property_readonly(
          "specs",
          [](const StressIndex& s) {
            py::list out;
            for (const auto& sp : s.specs()) out.append(sp);
            return out;
          },
          "The 8 SignalSpec, in Signal order.")
      .def_property_readonly(
          "weights",
          [](const StressIndex& s) {
            py::array_t<double> a(static_cast<py::ssize_t>(kSignalCount));
            for (std::size_t i = 0; i < kSignalCount; ++i) a.mutable_data()[i] = s.specs()[i].weight;
            return a;
          },
          "The 8 weights, in Signal order.")
      .def_property_readonly("stale_policy", &StressIndex::stale_policy, "How stale signals are treated.")
      .def_property_readonly("min_coverage", &StressIndex::min_coverage, "Fail-safe threshold on coverage.")
      .def(
          "normalise",
          [](const StressIndex& s, py::handle signal, RealArg x) {
            return s.normalise(to_signal(signal, "signal"), to_f64(x, "x", Domain::any_finite));
          },
          py::arg("signal"), py::arg("x"), "z = clamp((x - calm) / (severe - calm), 0, 1) for one signal.")
      .def(
          "evaluate",
          [](const StressIndex& s, py::handle values, py::handle ages) {
            const SignalValues v =
                to_signal_values(values, "values", std::numeric_limits<double>::quiet_NaN(), Domain::any_finite);
            const SignalValues a =
                ages.is_none() ? SignalValues{} : to_signal_values(ages, "ages", 0.0, Domain::nonnegative);
            for (double x : a)
              if (std::isnan(x)) raise(PyExc_ValueError, "ages must not contain NaN / None");
            return s.evaluate(v, a);
          },
          py::arg("values"), py::arg("ages") = py::none(),
          "Evaluates the index for one block.\n\nvalues: 8 numbers in Signal order (NaN or None = missing) or a "
          "mapping Signal/name -> number (absent = missing).  ages: blocks since each value was observed (same "
          "shapes; absent = 0, i.e. fresh; inf = never updated).")
      .def(
          "path",
          [](const StressIndex& s, py::handle values, py::handle ages) {
            const F64Series v = to_f64_series(values, "values", 2, Domain::any_finite, NonFinite::allow_nan);
            if (v.shape(1) != static_cast<py::ssize_t>(kSignalCount))
              raise(PyExc_ValueError, "values must have shape (T, 8): one column per Signal");
            const py::ssize_t T = v.shape(0);
            F64Series a;
            if (!ages.is_none()) {
              // inf ages (never updated) are allowed: validate by hand
              py::array raw = py::module_::import("numpy").attr("asarray")(ages);
              const char kind = raw.dtype().kind();
              if (kind != 'f' && kind != 'i' && kind != 'u') raise(PyExc_TypeError, "ages must hold real numbers");
              a = F64Series::ensure(raw);
              if (a.ndim() != 2 || a.shape(0) != T || a.shape(1) != static_cast<py::ssize_t>(kSignalCount))
                raise(PyExc_ValueError, "ages must have the shape of values, (T, 8)");
              for (py::ssize_t i = 0; i < a.size(); ++i)
                if (!(a.data()[i] >= 0.0)) raise(PyExc_ValueError, "ages must be >= 0 (inf allowed, NaN not)");
            }
            py::array_t<double> index(T), coverage(T), normalised({T, static_cast<py::ssize_t>(kSignalCount)});
            py::array_t<std::uint16_t> used(T), stale(T), missing(T);
            py::array_t<bool> fail_safe(T);
            {
              py::gil_scoped_release release;
              const double* vp = v.data();
              const double* ap = ages.is_none() ? nullptr : a.data();
              for (py::ssize_t t = 0; t < T; ++t) {
                SignalValues row{}, age{};
                for (std::size_t i = 0; i < kSignalCount; ++i) {
                  row[i] = vp[t * kSignalCount + i];
                  age[i] = ap ? ap[t * kSignalCount + i] : 0.0;
                }
                const StressReading r = s.evaluate(row, age);
                index.mutable_data()[t] = r.index;
                coverage.mutable_data()[t] = r.coverage;
                used.mutable_data()[t] = r.used;
                stale.mutable_data()[t] = r.stale;
                missing.mutable_data()[t] = r.missing;
                fail_safe.mutable_data()[t] = r.fail_safe;
                std::copy(r.normalised.begin(), r.normalised.end(), normalised.mutable_data() + t * kSignalCount);
              }
            }
            py::dict out;
            out["index"] = index;
            out["coverage"] = coverage;
            out["used_mask"] = used;
            out["stale_mask"] = stale;
            out["missing_mask"] = missing;
            out["fail_safe"] = fail_safe;
            out["normalised"] = normalised;
            return out;
          },
          py::arg("values"), py::arg("ages") = py::none(),
          "Evaluates the index for T blocks: values (T, 8) (NaN = missing), ages (T, 8) or None.  Returns a dict "
          "of arrays: index, coverage, used_mask, stale_mask, missing_mask (uint16 bit masks), fail_safe, "
          "normalised (T, 8).")
      .def("__eq__", [](const StressIndex& a,
                        py::object b) { return py::isinstance<StressIndex>(b) && a == b.cast<StressIndex>(); })
      .def("__repr__",
           [](const StressIndex& s) {
             return "StressIndex(stale_policy=" +
                    std::string(s.stale_policy() == spread::StalePolicy::stressed ? "STRESSED"
                                : s.stale_policy() == spread::StalePolicy::drop   ? "DROP"
                                                                                  : "KEEP") +
                    ", min_coverage=" + py::repr(py::float_(s.min_coverage())).cast<std::string>() + ")";
           })
      .def(py::pickle(
          [](const StressIndex& s) {
            py::list specs;
            for (const auto& sp : s.specs()) specs.append(sp);
            return py::make_tuple(specs, s.stale_policy(), s.min_coverage());
          },
          [](const py::tuple& t) {
            if (t.size() != 3) raise(PyExc_ValueError, "invalid pickled StressIndex state");
            SignalSpecs specs;
            py::list l = t[0].cast<py::list>();
            for (std::size_t i = 0; i < kSignalCount; ++i) specs[i] = l[i].cast<SignalSpec>();
            return StressIndex(specs, t[1].cast<spread::StalePolicy>(), t[2].cast<double>());
          }));
}

template <class Num>
void bind_regime_tracker(py::module_& m) {
  using Tracker = spread::RegimeTracker<Num>;
  using Thresholds = spread::RegimeThresholds<Num>;
  using V = Values<Num>;
  using A = typename V::arg;
  constexpr bool exact = Num::is_exact;
  auto stress_in = [](py::handle h, const char* name) {
    const auto s = V::in(h, name);
    try {
      spread::check_stress<Num>(s, name);
    } catch (const InvalidArgument& e) {
      raise(PyExc_ValueError, e.what());
    }
    return s;
  };
  const std::string doc =
      std::string(
          "Calm / moderate / severe regimes with hysteresis and delayed release.\n\n"
          "update(s) once per block: escalation to the highest regime whose enter threshold s reaches is "
          "immediate; stepping down needs release_blocks consecutive blocks below the current regime's exit "
          "threshold and goes one regime at a time.  effective(s) = max(s, floor of the regime) is the stress "
          "spreads and caps should see.  Defaults: enter/exit moderate 0.35/0.25, severe 0.65/0.50, floors at the "
          "enter thresholds, release after 25 blocks.\n\n") +
      (exact ? "Exact mode: thresholds and stress are WAD ints (1e18 == 1)." : "f64 mode: fractions in [0, 1].");
  py::class_<Tracker> cls(m, "RegimeTracker", doc.c_str());
  cls.attr("__module__") = exact ? "cushion.exact" : "cushion.stress";
  cls.def(py::init([stress_in](std::optional<A> enter_moderate, std::optional<A> exit_moderate,
                               std::optional<A> enter_severe, std::optional<A> exit_severe,
                               std::optional<A> floor_moderate, std::optional<A> floor_severe, IntArg release_blocks,
                               Regime regime, IntArg quiet_blocks) {
            Thresholds t = Thresholds::defaults();
            if (enter_moderate) t.enter_moderate = stress_in(enter_moderate->obj, "enter_moderate");
            if (exit_moderate) t.exit_moderate = stress_in(exit_moderate->obj, "exit_moderate");
            if (enter_severe) t.enter_severe = stress_in(enter_severe->obj, "enter_severe");
            if (exit_severe) t.exit_severe = stress_in(exit_severe->obj, "exit_severe");
            t.floor_moderate = floor_moderate ? stress_in(floor_moderate->obj, "floor_moderate") : t.enter_moderate;
            t.floor_severe = floor_severe ? stress_in(floor_severe->obj, "floor_severe") : t.enter_severe;
            t.release_blocks = to_u32(release_blocks.obj, "release_blocks");
            return Tracker(t, regime, to_u32(quiet_blocks.obj, "quiet_blocks"));
          }),
          py::kw_only(), py::arg("enter_moderate") = py::none(), py::arg("exit_moderate") = py::none(),
          py::arg("enter_severe") = py::none(), py::arg("exit_severe") = py::none(),
          py::arg("floor_moderate") = py::none(), py::arg("floor_severe") = py::none(), py::arg("release_blocks") = 25,
          py::arg("regime") = Regime::calm, py::arg("quiet_blocks") = 0)
      .def_property_readonly("regime", &Tracker::regime, "The current Regime.")
      .def_property_readonly("quiet_blocks", &Tracker::quiet_blocks,
                             "Consecutive blocks so far below the current regime's exit threshold.")
      .def_property_readonly(
          "floor", [](const Tracker& t) { return V::out(t.floor()); }, "The stress floor of the current regime.")
      .def_property_readonly(
          "thresholds",
          [](const Tracker& t) {
            const auto& th = t.thresholds();
            py::dict d;
            d["enter_moderate"] = V::out(th.enter_moderate);
            d["exit_moderate"] = V::out(th.exit_moderate);
            d["enter_severe"] = V::out(th.enter_severe);
            d["exit_severe"] = V::out(th.exit_severe);
            d["floor_moderate"] = V::out(th.floor_moderate);
            d["floor_severe"] = V::out(th.floor_severe);
            d["release_blocks"] = th.release_blocks;
            return d;
          },
          "The thresholds as a dict.")
      .def(
          "update", [stress_in](Tracker& t, A s) { return t.update(stress_in(s.obj, "stress")); }, py::arg("stress"),
          "Feeds one block's stress index; returns the regime after it.")
      .def(
          "effective", [stress_in](const Tracker& t, A s) { return V::out(t.effective(stress_in(s.obj, "stress"))); },
          py::arg("stress"), "max(stress, floor of the current regime).")
      .def(
          "copy", [](const Tracker& t) { return t; }, "An independent copy.")
      .def("__copy__", [](const Tracker& t) { return t; })
      .def(
          "__deepcopy__", [](const Tracker& t, py::handle) { return t; }, py::arg("memo"))
      .def("__eq__",
           [](const Tracker& a, py::object b) { return py::isinstance<Tracker>(b) && a == b.cast<Tracker>(); })
      .def("__repr__",
           [](const Tracker& t) {
             return std::string("RegimeTracker(regime=") + spread::to_string(t.regime()) +
                    ", quiet_blocks=" + std::to_string(t.quiet_blocks()) + ")";
           })
      .def(py::pickle(
          [](const Tracker& t) {
            const auto& th = t.thresholds();
            return py::make_tuple(V::out(th.enter_moderate), V::out(th.exit_moderate), V::out(th.enter_severe),
                                  V::out(th.exit_severe), V::out(th.floor_moderate), V::out(th.floor_severe),
                                  th.release_blocks, t.regime(), t.quiet_blocks());
          },
          [](const py::tuple& t) {
            if (t.size() != 9) raise(PyExc_ValueError, "invalid pickled RegimeTracker state");
            Thresholds th{V::in(t[0], "enter_moderate"), V::in(t[1], "exit_moderate"),  V::in(t[2], "enter_severe"),
                          V::in(t[3], "exit_severe"),    V::in(t[4], "floor_moderate"), V::in(t[5], "floor_severe"),
                          t[6].cast<std::uint32_t>()};
            return Tracker(th, t[7].cast<Regime>(), t[8].cast<std::uint32_t>());
          }));
  if constexpr (!exact) {
    cls.def(
        "run",
        [](Tracker& t, py::handle stress) {
          const F64Series s = to_stress_array(stress, "stress");
          const py::ssize_t T = s.size();
          py::array_t<std::int8_t> regime(T);
          py::array_t<double> effective(T);
          py::array_t<std::uint32_t> quiet(T);
          {
            py::gil_scoped_release release;
            for (py::ssize_t i = 0; i < T; ++i) {
              regime.mutable_data()[i] = static_cast<std::int8_t>(t.update(s.data()[i]));
              effective.mutable_data()[i] = t.effective(s.data()[i]);
              quiet.mutable_data()[i] = t.quiet_blocks();
            }
          }
          py::dict out;
          out["stress"] = s.attr("copy")();
          out["regime"] = regime;
          out["effective"] = effective;
          out["quiet_blocks"] = quiet;
          return out;
        },
        py::arg("stress"),
        "Feeds a whole stress path (advancing this tracker).  Returns a dict of arrays: stress (as float64), regime "
        "(int8: 0 "
        "calm, 1 moderate, 2 severe), effective (the stress spreads and caps should use), quiet_blocks.");
  }
}

void register_stress(py::module_& core) {
  py::module_ m = core.def_submodule("stress", "Stress signals, the stress index and the regime state machine.");
  py::native_enum<StressSignal>(m, "Signal", "enum.IntEnum", "The eight stress signals, in index order.")
      .value("REALISED_VOLATILITY", StressSignal::realised_volatility)
      .value("BID_DEPTH_1PCT", StressSignal::bid_depth_1pct)
      .value("BID_DEPTH_5PCT", StressSignal::bid_depth_5pct)
      .value("QUOTED_SPREAD", StressSignal::quoted_spread)
      .value("FUNDING_RATE", StressSignal::funding_rate)
      .value("OPEN_INTEREST_CHANGE", StressSignal::open_interest_change)
      .value("LIQUIDATION_VELOCITY", StressSignal::liquidation_velocity)
      .value("ORACLE_CONFIDENCE", StressSignal::oracle_confidence)
      .finalize();
  py::native_enum<spread::StalePolicy>(m, "StalePolicy", "enum.IntEnum",
                                       "How the stress index treats a stale signal: STRESSED (z = 1), DROP "
                                       "(renormalise over the others) or KEEP (use the old value).")
      .value("STRESSED", spread::StalePolicy::stressed)
      .value("DROP", spread::StalePolicy::drop)
      .value("KEEP", spread::StalePolicy::keep)
      .finalize();
  py::native_enum<Regime>(m, "Regime", "enum.IntEnum", "Stress regimes.")
      .value("CALM", Regime::calm)
      .value("MODERATE", Regime::moderate)
      .value("SEVERE", Regime::severe)
      .finalize();
  bind_signal_spec(m);
  bind_stress_reading(m);
  bind_stress_index(m);
  bind_regime_tracker<num::F64>(m);
  py::module_ exact = m.def_submodule("exact", "The regime tracker in exact (WAD) arithmetic.");
  bind_regime_tracker<num::Evm256>(exact);
  m.def(
      "to_stress_wad",
      [](RealArg s) {
        const double v = to_f64(s, "stress", Domain::nonnegative);
        if (v > 1.0) raise(PyExc_ValueError, "stress must be in [0, 1]");
        return from_uint256(spread::to_stress_wad(v));
      },
      py::arg("stress"),
      "ceil(stress * 1e18), computed exactly from the double: the WAD a keeper pushes on chain (never below the "
      "computed stress).");
}

}  // namespace

CUSHION_REGISTER(60, stress, register_stress);

}  // namespace cushion::bindings
