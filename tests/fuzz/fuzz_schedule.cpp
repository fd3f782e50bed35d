// fuzz_schedule — the tranche schedulers and the schedule simulator (cushion/schedule/), f64.
//
// Any position size, horizon, decay and Almgren-Chriss parameters (any doubles, NaN and
// infinities included), any caps:
//   * dump / twap / resilience_aware / AlmgrenChriss: refused (InvalidArgument) exactly when
//     an argument is invalid; otherwise N tranches, each finite and >= 0, summing to the
//     quantity (to 1e-12 relative); TWAP's tranches equal; resilience_aware's first and last
//     equal and no smaller than the interior ones; Almgren-Chriss front-loaded (non-increasing)
//     for a positive risk aversion;
//   * carry_forward: refused exactly for a NaN / negative cap, an empty cap list or an invalid
//     tranche; otherwise every block's fill is in [0, cap of that block] and the fills plus the
//     leftover give back the schedule's total (quantities conserved);
//   * simulate (a schedule into a cushion pool over an XYK or exponential curve with random
//     caps, stress path and recovery): per block filled >= 0, target == filled + carry exactly
//     (nothing created or lost), filled <= the block-items cap at that block's stress,
//     proceeds >= 0; in total sold + unsold == the schedule's quantity (to 1e-9 relative) and
//     the pool given to simulate() is unchanged.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "cushion/curves/exponential.hpp"
#include "cushion/curves/xyk.hpp"
#include "cushion/schedule/schedules.hpp"
#include "cushion/schedule/simulate.hpp"
#include "support/harness.hpp"

using namespace cushion::fuzz;
namespace sc = cushion::schedule;
namespace ab = cushion::absorb;
namespace cv = cushion::curves;
namespace sp = cushion::spread;
using F = cushion::num::F64;

namespace {

/// A quantity: usually realistic, sometimes any double.
double quantity(FuzzInput& in) {
  if (in.byte() % 8 == 0) return in.real();
  return static_cast<double>(in.below_or_equal(100000)) / (1 + in.byte() % 16);
}

bool valid_quantity(double q) { return std::isfinite(q) && q >= 0.0 && q <= sc::detail::kMaxQuantity; }

double sum(const std::vector<double>& x) {
  double s = 0.0;
  for (double v : x) s += v;
  return s;
}

bool close(double a, double b, double rel) { return std::fabs(a - b) <= rel * std::max({std::fabs(a), std::fabs(b)}); }

void check_schedule(const std::vector<double>& x, double q, std::size_t n, const char* what) {
  FUZZ_CHECK(x.size() == n, "%s: %zu tranches for %zu blocks", what, x.size(), n);
  for (double v : x) FUZZ_CHECK(std::isfinite(v) && v >= 0.0, "%s: tranche %.17g (quantity %.17g)", what, v, q);
  FUZZ_CHECK(close(sum(x), q, 1e-12) || sum(x) == q, "%s: tranches sum to %.17g, quantity %.17g", what, sum(x), q);
}

/// Every tranche is its closed-form value but at most one (the rounding residue's).
void check_formula(const std::vector<double>& x, const std::vector<double>& formula, const char* what) {
  if (!(std::fabs(formula[0]) >= std::numeric_limits<double>::min())) return;  // subnormal: only sums are meaningful
  std::size_t off = 0;
  for (std::size_t k = 0; k < x.size(); ++k) off += x[k] != formula[k];
  FUZZ_CHECK(off <= 1, "%s: %zu tranches differ from the closed form (first: %.17g vs %.17g)", what, off, x[0],
             formula[0]);
}

template <class Make>
std::optional<std::vector<double>> run(const char* what, bool valid, Make&& make) {
  try {
    std::vector<double> x = make();
    FUZZ_CHECK(valid, "%s accepted invalid arguments", what);
    return x;
  } catch (const cushion::InvalidArgument&) {
    FUZZ_CHECK(!valid, "%s refused valid arguments", what);
    return std::nullopt;
  }
}

std::vector<double> schedules(FuzzInput& in) {
  const double q = quantity(in);
  const std::size_t n = in.below_or_equal(in.flag() ? 8 : 200);
  const bool ok = valid_quantity(q) && n >= 1;
  switch (in.byte() % 4) {
    case 0: {
      auto x = run("dump", ok, [&] { return sc::dump(q, n); });
      if (!x) return {};
      check_schedule(*x, q, n, "dump");
      FUZZ_CHECK((*x)[0] == q, "dump: first tranche %.17g, quantity %.17g", (*x)[0], q);
      return *x;
    }
    case 1: {
      auto x = run("twap", ok, [&] { return sc::twap(q, n); });
      if (!x) return {};
      check_schedule(*x, q, n, "twap");
      // Equal tranches of q / n, but for (at most) the one that carries close_sum's rounding residue.
      std::vector<double> formula(n, q / static_cast<double>(n));
      check_formula(*x, formula, "twap");
      return *x;
    }
    case 2: {
      const double a = in.flag() ? in.real() : in.byte() / 255.0;
      auto x = run("resilience_aware", ok && a >= 0.0 && a <= 1.0, [&] { return sc::resilience_aware(q, n, a); });
      if (!x) return {};
      check_schedule(*x, q, n, "resilience_aware");
      // The closed form (edge = Q / ((N - 2)(1 - a) + 2) at both ends, edge (1 - a) inside), but
      // for (at most) the tranche that carries close_sum's rounding residue.
      std::vector<double> formula(n);
      if (n == 1) {
        formula[0] = q;
      } else {
        const double edge = q / (static_cast<double>(n - 2) * (1.0 - a) + 2.0);
        std::fill(formula.begin(), formula.end(), edge * (1.0 - a));
        formula.front() = formula.back() = edge;
      }
      check_formula(*x, formula, "resilience_aware");
      return *x;
    }
    default: {
      sc::AlmgrenChriss::Params p;
      p.quantity = q;
      p.blocks = n;
      p.tau = in.flag() ? in.real() : 1.0 + in.byte() % 10;
      p.sigma = in.flag() ? in.real() : in.byte() / 64.0;
      p.eta = in.flag() ? in.real() : 0.01 + in.byte() / 100.0;
      p.gamma = in.flag() ? in.real() : in.byte() / 10000.0;
      p.epsilon = in.flag() ? in.real() : in.byte() / 1000.0;
      p.risk_aversion = in.flag() ? in.real() : in.byte() * 1e-5;
      auto nonneg = [](double v) { return std::isfinite(v) && v >= 0.0; };
      const bool args_ok = ok && std::isfinite(p.tau) && p.tau > 0 && std::isfinite(static_cast<double>(n) * p.tau) &&
                           nonneg(p.sigma) && nonneg(p.eta) && nonneg(p.gamma) && nonneg(p.epsilon) &&
                           nonneg(p.risk_aversion) && p.eta - 0.5 * p.gamma * p.tau > 0.0;
      std::optional<sc::AlmgrenChriss> model;
      try {
        model.emplace(p);
      } catch (const cushion::InvalidArgument&) {
        // Valid arguments may still be refused when kappa overflows (risk_aversion * sigma^2 / eta~ too large).
        const double kt2 = p.risk_aversion * p.sigma * p.sigma / (p.eta - 0.5 * p.gamma * p.tau);
        FUZZ_CHECK(!args_ok || !std::isfinite(std::acosh(0.5 * kt2 * p.tau * p.tau + 1.0) / p.tau),
                   "AlmgrenChriss refused valid arguments");
        return {};
      }
      FUZZ_CHECK(args_ok, "AlmgrenChriss accepted invalid arguments");
      const std::vector<double> x = model->trades();
      check_schedule(x, q, n, "AlmgrenChriss");
      if (!model->is_twap_limit())
        for (std::size_t j = 1; j + 1 < x.size(); ++j)  // the last tranche carries close_sum's residue
          FUZZ_CHECK(x[j] <= x[j - 1] * (1 + 1e-9) + 1e-300, "AlmgrenChriss: tranche %zu %.17g > tranche %zu %.17g", j,
                     x[j], j - 1, x[j - 1]);
      // E and V: never NaN, never negative (infinite only when the parameters' products overflow a double).
      FUZZ_CHECK(model->expected_cost() >= 0.0 && model->variance() >= 0.0,
                 "AlmgrenChriss(X %.17g, N %zu, tau %.17g, sigma %.17g, eta %.17g, gamma %.17g, epsilon %.17g, "
                 "lambda %.17g): E %.17g, V %.17g",
                 q, n, p.tau, p.sigma, p.eta, p.gamma, p.epsilon, p.risk_aversion, model->expected_cost(),
                 model->variance());
      return x;
    }
  }
}

void carry(FuzzInput& in, const std::vector<double>& schedule) {
  std::vector<double> caps(in.below_or_equal(6));
  bool ok = !caps.empty();
  for (double& c : caps) {
    c = in.byte() % 4 == 0 ? in.real() : static_cast<double>(in.below_or_equal(50));
    ok = ok && c >= 0.0;
  }
  for (double v : schedule) ok = ok && valid_quantity(v);
  const bool extend = in.flag();
  const std::size_t max_extra = in.below_or_equal(300);
  double leftover = -1.0;
  auto out = run("carry_forward", ok, [&] { return sc::carry_forward(schedule, caps, extend, max_extra, &leftover); });
  if (!out) return;
  double in_total = 0.0, out_total = 0.0;
  for (double v : schedule) in_total += v;
  for (std::size_t k = 0; k < out->size(); ++k) {
    const double cap = caps[std::min(k, caps.size() - 1)];
    FUZZ_CHECK((*out)[k] >= 0.0 && (*out)[k] <= cap, "carry_forward: block %zu fill %.17g, cap %.17g", k, (*out)[k],
               cap);
    out_total += (*out)[k];
  }
  if (!extend) FUZZ_CHECK(out->size() == schedule.size(), "carry_forward: %zu blocks without extend", out->size());
  FUZZ_CHECK(leftover >= 0.0, "carry_forward: leftover %.17g", leftover);
  FUZZ_CHECK(close(out_total + leftover, in_total, 1e-9) || out_total + leftover == in_total,
             "carry_forward: fills %.17g + leftover %.17g != schedule %.17g", out_total, leftover, in_total);
}

template <class Curve>
void simulate(FuzzInput& in, const std::vector<double>& schedule, const Curve& curve) {
  if (schedule.empty()) return;
  double q = 0.0;
  for (double v : schedule) q += v;
  if (!std::isfinite(q)) return;
  const double block_calm = static_cast<double>(in.below_or_equal(20)), block_severe = block_calm * (in.byte() / 255.0);
  const ab::AbsorptionCap<F> cap(ab::CapRange<F>{block_calm, block_severe}, {},
                                 in.flag() ? ab::CapRange<F>{5 * block_calm, 2 * block_severe} : ab::CapRange<F>{}, {},
                                 static_cast<std::uint32_t>(1 + in.below_or_equal(20)), 1.0);
  std::vector<double> stress(in.below_or_equal(8));
  for (double& s : stress) s = in.byte() / 255.0;
  std::vector<double> reference(in.below_or_equal(4));
  for (double& r : reference) r = 0.5 + in.byte() / 64.0;
  const double decay = in.byte() / 255.0;
  const bool whole = in.flag();
  const std::size_t extra = in.below_or_equal(50);
  const ab::CushionPool<Curve> pool(curve, sp::HalfSpread<F>(), cap, decay, std::nullopt, 0, whole);
  const double mid_before = pool.mid();
  const sc::SimulationTrace t = sc::simulate(schedule, pool, stress, reference, extra);
  FUZZ_CHECK(pool.mid() == mid_before && pool.ledger().window_usage().items == 0.0, "simulate changed its pool");
  FUZZ_CHECK(t.blocks() >= schedule.size() && t.blocks() <= schedule.size() + extra, "simulate: %zu blocks",
             t.blocks());
  double sold = 0.0;
  for (std::size_t k = 0; k < t.blocks(); ++k) {
    FUZZ_CHECK(t.filled[k] >= 0.0 && t.filled[k] <= t.target[k], "simulate: block %zu fill %.17g, target %.17g", k,
               t.filled[k], t.target[k]);
    FUZZ_CHECK(t.filled[k] + t.carry[k] == t.target[k], "simulate: block %zu fill %.17g + carry %.17g != %.17g", k,
               t.filled[k], t.carry[k], t.target[k]);
    const double s = stress.empty() ? 0.0 : stress[std::min(k, stress.size() - 1)];
    const double block_cap = cap.at(s).block_items;
    FUZZ_CHECK(t.filled[k] <= block_cap * (1 + 1e-12), "simulate: block %zu fill %.17g over the cap %.17g", k,
               t.filled[k], block_cap);
    FUZZ_CHECK(t.proceeds[k] >= 0.0 && std::isfinite(t.proceeds[k]), "simulate: block %zu proceeds %.17g", k,
               t.proceeds[k]);
    if (whole) FUZZ_CHECK(t.filled[k] == std::floor(t.filled[k]), "simulate: whole-item fill %.17g", t.filled[k]);
    sold += t.filled[k];
  }
  FUZZ_CHECK(sold == t.sold, "simulate: sold %.17g, per-block fills %.17g", t.sold, sold);
  FUZZ_CHECK(close(t.sold + t.unsold, q, 1e-9) || t.sold + t.unsold == q,
             "simulate: sold %.17g + unsold %.17g != %.17g", t.sold, t.unsold, q);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzInput in(data, size);
  const std::vector<double> schedule = schedules(in);
  carry(in, schedule);
  // Small positions against small curves: simulate() is the expensive part.
  std::vector<double> small = schedule;
  for (double& v : small) v = std::fmod(v, 64.0);
  if (small.size() > 60) small.resize(60);
  if (in.flag())
    simulate(in, small, cv::XYK<F>(10.0 + in.byte(), 20.0 + in.byte(), in.byte() / 2550.0));
  else
    simulate(in, small, cv::Exponential<F>(1.0 + in.byte(), 1.0 + (1 + in.byte()) / 1000.0, in.byte() / 2550.0));
  return 0;
}
