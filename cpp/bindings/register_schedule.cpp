// cpp/bindings/register_schedule.cpp — tranche schedules, Almgren-Chriss, and the linear
// impact model market: _core.schedule (shown as cushion.schedule).
#include <string>

#include "cushion/schedule/linear_impact.hpp"
#include "cushion/schedule/schedules.hpp"
#include "cushion_common.hpp"
#include "registry.hpp"

namespace cushion::bindings {

template <>
struct CurveFields<schedule::LinearImpact> {
  using C = schedule::LinearImpact;
  using Getter = double (*)(const C&);
  static std::array<std::pair<const char*, Getter>, 5> fields() {
    return {{{"price", +[](const C& c) { return c.price(); }},
             {"gamma", +[](const C& c) { return c.gamma(); }},
             {"eta", +[](const C& c) { return c.eta(); }},
             {"epsilon", +[](const C& c) { return c.epsilon(); }},
             {"tau", +[](const C& c) { return c.tau(); }}}};
  }
};

namespace {

constexpr std::uint64_t kMaxBlocks = 100000000;  // 1e8 blocks: far beyond any horizon, bounded memory

std::size_t to_blocks(IntArg b, const char* name = "blocks") {
  const std::uint64_t v = to_u64(b, name);
  if (v == 0) raise(PyExc_ValueError, std::string(name) + " must be >= 1");
  if (v > kMaxBlocks) raise(PyExc_ValueError, std::string(name) + " must be <= 100000000");
  return static_cast<std::size_t>(v);
}

void bind_schedules(py::module_& m) {
  m.def(
      "dump",
      [](RealArg q, IntArg blocks) {
        return vector_to_array(schedule::dump(to_f64(q, "quantity"), to_blocks(blocks)));
      },
      py::arg("quantity"), py::arg("blocks"), "Everything at the first block: [Q, 0, ..., 0].");
  m.def(
      "twap",
      [](RealArg q, IntArg blocks) {
        return vector_to_array(schedule::twap(to_f64(q, "quantity"), to_blocks(blocks)));
      },
      py::arg("quantity"), py::arg("blocks"), "Q / N at every block (the residue of rounding on the largest tranche).");
  m.def(
      "resilience_aware",
      [](RealArg q, IntArg blocks, RealArg decay) {
        const double a = to_f64(decay, "decay");
        if (a > 1.0) raise(PyExc_ValueError, "decay must be in [0, 1] (decay = exp(-rho tau))");
        return vector_to_array(schedule::resilience_aware(to_f64(q, "quantity"), to_blocks(blocks), a));
      },
      py::arg("quantity"), py::arg("blocks"), py::arg("decay"),
      "The Obizhaeva-Wang / Alfonsi-Fruth-Schied schedule for impact decaying by `decay` = exp(-rho tau) per "
      "block: Q / ((N - 2)(1 - decay) + 2) at the first and last block, (1 - decay) times that in between.");
  m.def(
      "resilience_decay",
      [](RealArg rho, RealArg tau) {
        return schedule::resilience_decay(to_f64(rho, "rho"), to_f64(tau, "tau", Domain::positive));
      },
      py::arg("rho"), py::arg("tau"), "exp(-rho tau): the share of a price dislocation left after one block.");
  m.def(
      "carry_forward",
      [](py::handle sched, py::handle caps, bool extend, IntArg max_extra_blocks) {
        const F64Series s = to_f64_series(sched, "schedule", 1, Domain::nonnegative);
        // caps may hold inf (no cap): validated by hand
        py::array raw = py::module_::import("numpy").attr("asarray")(caps);
        const char kind = raw.dtype().kind();
        if (kind != 'f' && kind != 'i' && kind != 'u') raise(PyExc_TypeError, "caps must hold real numbers");
        F64Series c = F64Series::ensure(raw.ndim() == 0 ? raw.attr("reshape")(1) : raw);
        if (c.ndim() != 1 || c.size() == 0) raise(PyExc_ValueError, "caps must be a non-empty 1-D array (or a number)");
        for (py::ssize_t i = 0; i < c.size(); ++i)
          if (!(c.data()[i] >= 0.0)) raise(PyExc_ValueError, "caps must be >= 0 (inf for no cap)");
        const std::uint64_t extra = to_u64(max_extra_blocks, "max_extra_blocks");
        if (extra > kMaxBlocks) raise(PyExc_ValueError, "max_extra_blocks must be <= 100000000");
        double leftover = 0.0;
        const auto out =
            schedule::carry_forward(span_of(s), span_of(c), extend, static_cast<std::size_t>(extra), &leftover);
        return py::make_tuple(vector_to_array(out), leftover);
      },
      py::arg("schedule"), py::arg("caps"), py::arg("extend").noconvert() = false, py::arg("max_extra_blocks") = 100000,
      "Cuts a schedule to per-block caps (an array, the last value repeating, or one number; inf = no cap): "
      "target_k = schedule_k + carry_k, fill_k = min(target_k, cap_k), the rest carries to block k + 1.  With "
      "extend, blocks are appended at the last cap until the carry is sold (at most max_extra_blocks).  Returns "
      "(capped schedule, leftover).");
}

void bind_almgren_chriss(py::module_& m) {
  using AC = schedule::AlmgrenChriss;
  py::class_<AC> cls(
      m, "AlmgrenChriss",
      "Almgren & Chriss (2000) optimal liquidation of `quantity` over `blocks` periods of length tau with "
      "permanent impact gamma, temporary impact epsilon sgn(n) + (eta / tau) n, volatility sigma and risk aversion "
      "lambda (risk_aversion).  eta~ = eta - gamma tau / 2 must be > 0; kappa = arccosh(lambda sigma^2 tau^2 / (2 "
      "eta~) + 1) / tau.  trades / holdings are the closed-form trajectory; expected_cost and variance the "
      "closed-form moments of the implementation shortfall.  risk_aversion = 0 is TWAP.");
  cls.attr("__module__") = "cushion.schedule";
  cls.def(py::init([](RealArg quantity, IntArg blocks, RealArg tau, RealArg sigma, RealArg eta, RealArg gamma,
                      RealArg epsilon, RealArg risk_aversion) {
            AC::Params p;
            p.quantity = to_f64(quantity, "quantity");
            p.blocks = to_blocks(blocks);
            p.tau = to_f64(tau, "tau", Domain::positive);
            p.sigma = to_f64(sigma, "sigma");
            p.eta = to_f64(eta, "eta");
            p.gamma = to_f64(gamma, "gamma");
            p.epsilon = to_f64(epsilon, "epsilon");
            p.risk_aversion = to_f64(risk_aversion, "risk_aversion");
            return AC(p);
          }),
          py::arg("quantity"), py::arg("blocks"), py::kw_only(), py::arg("tau") = 1.0, py::arg("sigma") = 0.0,
          py::arg("eta"), py::arg("gamma") = 0.0, py::arg("epsilon") = 0.0, py::arg("risk_aversion") = 0.0)
      .def_property_readonly(
          "quantity", [](const AC& a) { return a.params().quantity; }, "X.")
      .def_property_readonly(
          "blocks", [](const AC& a) { return a.params().blocks; }, "N.")
      .def_property_readonly(
          "tau", [](const AC& a) { return a.params().tau; }, "Period length.")
      .def_property_readonly(
          "sigma", [](const AC& a) { return a.params().sigma; }, "Volatility.")
      .def_property_readonly(
          "eta", [](const AC& a) { return a.params().eta; }, "Temporary impact.")
      .def_property_readonly(
          "gamma", [](const AC& a) { return a.params().gamma; }, "Permanent impact.")
      .def_property_readonly(
          "epsilon", [](const AC& a) { return a.params().epsilon; }, "Fixed cost per unit.")
      .def_property_readonly(
          "risk_aversion", [](const AC& a) { return a.params().risk_aversion; }, "lambda.")
      .def_property_readonly("horizon", &AC::horizon, "T = N tau.")
      .def_property_readonly("eta_tilde", &AC::eta_tilde, "eta - gamma tau / 2.")
      .def_property_readonly("kappa", &AC::kappa, "The urgency kappa (0: TWAP).")
      .def_property_readonly(
          "trades", [](const AC& a) { return vector_to_array(a.trades()); },
          "n_1 .. n_N: what to sell at blocks 0 .. N-1 (sums to X).")
      .def_property_readonly(
          "holdings", [](const AC& a) { return vector_to_array(a.holdings()); },
          "x_0 = X, ..., x_N = 0 (N + 1 values).")
      .def_property_readonly("expected_cost", &AC::expected_cost, "Closed-form E[shortfall].")
      .def_property_readonly("variance", &AC::variance, "Closed-form Var[shortfall].")
      .def(
          "expected_cost_of",
          [](const AC& a, py::handle trades) {
            const F64Series t = to_f64_series(trades, "trades", 1, Domain::nonnegative);
            return a.expected_cost_of(span_of(t));
          },
          py::arg("trades"),
          "E of any schedule under this model: 1/2 gamma X^2 + epsilon sum|n| + (eta~ / tau) sum n^2.")
      .def(
          "variance_of",
          [](const AC& a, py::handle trades) {
            const F64Series t = to_f64_series(trades, "trades", 1, Domain::nonnegative);
            return a.variance_of(span_of(t));
          },
          py::arg("trades"), "V of any schedule under this model: sigma^2 tau sum x_k^2 (holdings after trade k).")
      .def("__repr__",
           [](const AC& a) {
             const auto& p = a.params();
             auto f = [](double v) { return py::repr(py::float_(v)).cast<std::string>(); };
             return "AlmgrenChriss(quantity=" + f(p.quantity) + ", blocks=" + std::to_string(p.blocks) +
                    ", tau=" + f(p.tau) + ", sigma=" + f(p.sigma) + ", eta=" + f(p.eta) + ", gamma=" + f(p.gamma) +
                    ", epsilon=" + f(p.epsilon) + ", risk_aversion=" + f(p.risk_aversion) + ")";
           })
      .def(py::pickle(
          [](const AC& a) {
            const auto& p = a.params();
            return py::make_tuple(p.quantity, p.blocks, p.tau, p.sigma, p.eta, p.gamma, p.epsilon, p.risk_aversion);
          },
          [](const py::tuple& t) {
            if (t.size() != 8) raise(PyExc_ValueError, "invalid pickled AlmgrenChriss state");
            AC::Params p{t[0].cast<double>(), t[1].cast<std::size_t>(), t[2].cast<double>(), t[3].cast<double>(),
                         t[4].cast<double>(), t[5].cast<double>(),      t[6].cast<double>(), t[7].cast<double>()};
            return AC(p);
          }));
}

void bind_linear_impact(py::module_& m) {
  using C = schedule::LinearImpact;
  bind_quote<curves::Quote<C>>(m, "LinearImpactQuote", "LinearImpact");
  m.attr("LinearImpactQuote").attr("__module__") = "cushion.schedule";
  py::class_<C> cls(m, "LinearImpact",
                    "The Almgren-Chriss linear-impact market as a curve: selling n executes at price - epsilon - "
                    "(eta / tau) n per unit and moves the price by -gamma n (buying mirrors it).  Its mid is "
                    "`price`.  Run schedules against it to reproduce the Almgren-Chriss moments exactly, or, with "
                    "recovery and eta / tau = gamma / 2, the Obizhaeva-Wang block-shaped book.  f64.");
  auto factory = [](const py::tuple& t) {
    return C(to_f64(t[0], "price"), to_f64(t[1], "gamma"), to_f64(t[2], "eta"), to_f64(t[3], "epsilon"),
             to_f64(t[4], "tau", Domain::positive));
  };
  cls.def(py::init([factory](RealArg price, RealArg gamma, RealArg eta, RealArg epsilon, RealArg tau) {
            return factory(py::make_tuple(price.obj, gamma.obj, eta.obj, epsilon.obj, tau.obj));
          }),
          py::arg("price"), py::arg("gamma"), py::arg("eta"), py::arg("epsilon") = 0.0, py::arg("tau") = 1.0)
      .def_property_readonly("price", &C::price, "The unaffected price (the mid).")
      .def_property_readonly("gamma", &C::gamma, "Permanent impact per unit.")
      .def_property_readonly("eta", &C::eta, "Temporary impact coefficient (per unit per period).")
      .def_property_readonly("epsilon", &C::epsilon, "Fixed cost per unit.")
      .def_property_readonly("tau", &C::tau, "Period length.");
  bind_curve_common<C>(cls, "LinearImpact", factory);
  cls.attr("__module__") = "cushion.schedule";
}

void register_schedule(py::module_& core) {
  py::module_ m = core.def_submodule("schedule", "Tranche schedules and their simulation (f64).");
  bind_schedules(m);
  bind_almgren_chriss(m);
  bind_linear_impact(m);
  py::module_ spread_module = core.attr("spread").cast<py::module_>();
  bind_stressed<schedule::LinearImpact>(spread_module, "LinearImpact");
  py::module_ absorb_module = core.attr("absorb").cast<py::module_>();
  bind_cushion_pool<schedule::LinearImpact>(absorb_module, "LinearImpact");
}

}  // namespace

CUSHION_REGISTER(63, schedule, register_schedule);

}  // namespace cushion::bindings
