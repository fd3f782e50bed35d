// cushion/schedule/schedules.hpp — how to unwind Q items over N blocks.
//
// A schedule is a vector of N tranches (items to sell at blocks 0 .. N-1) summing to Q.
//   dump              everything at block 0
//   twap              Q / N per block
//   AlmgrenChriss     the mean-variance optimal trajectory of Almgren & Chriss (2000) for
//                     linear permanent (gamma) and temporary (epsilon, eta) impact, with its
//                     closed-form expected cost and variance (risk-and-execution.md)
//   resilience_aware  the optimal schedule when impact decays between blocks by a factor
//                     a = exp(-rho tau) (Obizhaeva & Wang; discrete form of Alfonsi, Fruth &
//                     Schied): equal blocks at the first and last block and a smaller
//                     constant rate in between
//   carry_forward     a schedule cut to per-block caps; what a cap refuses at block k is
//                     added to block k+1 (the rule simulate() applies to dynamic caps too)
//
// f64 only: schedules are continuous quantities (round them with whole_items in simulate()).
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "cushion/errors.hpp"

namespace cushion::schedule {

namespace detail {
/// The largest position a schedule takes: its tranches' sum (and close_sum's) must stay a
/// finite double (found by fuzz_schedule: a quantity of 1.8e308 split into tranches summed to
/// inf, and close_sum then zeroed the residue tranche: 2.9e306 items vanished).
inline constexpr double kMaxQuantity = 1e300;

inline void check_quantity(double q, const char* name = "quantity") {
  if (!(std::isfinite(q) && q >= 0.0 && q <= kMaxQuantity))
    throw InvalidArgument(std::string(name) + " must be a finite number in [0, 1e300]");
}
inline void check_blocks(std::size_t n) {
  if (n == 0) throw InvalidArgument("blocks must be >= 1");
}
/// Makes the tranches sum to q in floating point by putting the rounding residue on the
/// largest tranche (never below zero): consumers compare sum(schedule) with q.
inline void close_sum(std::vector<double>& x, double q) {
  double sum = 0.0;
  for (double v : x) sum += v;
  double residue = q - sum;
  auto it = std::max_element(x.begin(), x.end());
  if (*it + residue >= 0.0) {  // always, but for subnormal quantities
    *it += residue;
    return;
  }
  // A negative residue larger than the largest tranche (found by fuzz_schedule: 36 subnormal
  // units split into tranches that rounded up to 56): taken from the largest tranches down,
  // none below zero, so that the tranches still sum to q.
  std::vector<std::size_t> order(x.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] > x[b]; });
  for (std::size_t i : order) {
    const double take = std::min(x[i], -residue);
    x[i] -= take;
    residue += take;
    if (residue >= 0.0) break;
  }
}
}  // namespace detail

/// All Q at the first block.
inline std::vector<double> dump(double quantity, std::size_t blocks) {
  detail::check_quantity(quantity);
  detail::check_blocks(blocks);
  std::vector<double> x(blocks, 0.0);
  x[0] = quantity;
  return x;
}

/// Q / N at every block.
inline std::vector<double> twap(double quantity, std::size_t blocks) {
  detail::check_quantity(quantity);
  detail::check_blocks(blocks);
  std::vector<double> x(blocks, quantity / static_cast<double>(blocks));
  detail::close_sum(x, quantity);
  return x;
}

/// The Obizhaeva-Wang / Alfonsi-Fruth-Schied schedule for impact that decays by a factor
/// a = exp(-rho tau) between consecutive blocks (linear impact, "block-shaped" book).
/// With N blocks there are N - 1 intervals (N_ref = N - 1 in risk-and-execution.md):
///   xi_first = xi_last = Q / ((N - 2)(1 - a) + 2),   xi_k = xi_first (1 - a) in between.
/// a = 1 (no resilience) gives dump-at-both-ends of Q/2; a = 0 (full recovery) gives TWAP.
/// N = 1 sells everything at once.
inline std::vector<double> resilience_aware(double quantity, std::size_t blocks, double decay) {
  detail::check_quantity(quantity);
  detail::check_blocks(blocks);
  if (!(decay >= 0.0 && decay <= 1.0)) throw InvalidArgument("decay (a = exp(-rho tau)) must be in [0, 1]");
  std::vector<double> x(blocks);
  if (blocks == 1) {
    x[0] = quantity;
    return x;
  }
  const double interior = static_cast<double>(blocks - 2);
  const double edge = quantity / (interior * (1.0 - decay) + 2.0);
  std::fill(x.begin(), x.end(), edge * (1.0 - decay));
  x.front() = edge;
  x.back() = edge;
  detail::close_sum(x, quantity);
  return x;
}

/// a = exp(-rho tau): the share of a price dislocation left after one block.
inline double resilience_decay(double rho, double tau) {
  if (!(std::isfinite(rho) && rho >= 0.0)) throw InvalidArgument("rho must be a finite number >= 0");
  if (!(std::isfinite(tau) && tau > 0.0)) throw InvalidArgument("tau must be a finite number > 0");
  return std::exp(-rho * tau);
}

/// A schedule cut to per-block caps (caps[k] for block k; caps shorter than the schedule
/// repeat their last value).  Carry-forward rule: target_k = schedule_k + carry_k,
/// fill_k = min(target_k, cap_k), carry_{k+1} = target_k - fill_k.  If extend, blocks
/// are appended at the last cap until the carry is gone (at most max_extra_blocks; a zero
/// cap can never finish).  Returns the capped schedule; `leftover` receives what no block
/// could take.
inline std::vector<double> carry_forward(std::span<const double> schedule, std::span<const double> caps, bool extend,
                                         std::size_t max_extra_blocks, double* leftover) {
  if (caps.empty()) throw InvalidArgument("caps must not be empty");
  for (double c : caps)
    if (!(c >= 0.0)) throw InvalidArgument("caps must be >= 0 (inf for no cap)");
  for (double v : schedule) detail::check_quantity(v, "schedule");
  std::vector<double> out;
  out.reserve(schedule.size());
  double carry = 0.0;
  auto cap_at = [&](std::size_t k) { return caps[std::min(k, caps.size() - 1)]; };
  for (std::size_t k = 0; k < schedule.size(); ++k) {
    const double target = schedule[k] + carry;
    const double fill = std::min(target, cap_at(k));
    out.push_back(fill);
    carry = target - fill;
  }
  if (extend) {
    for (std::size_t k = schedule.size(); carry > 0.0 && k < schedule.size() + max_extra_blocks; ++k) {
      const double fill = std::min(carry, cap_at(k));
      if (fill <= 0.0) break;
      out.push_back(fill);
      carry -= fill;
    }
  }
  if (leftover) *leftover = carry;
  return out;
}

/// Almgren & Chriss (2000): sell X over N periods of length tau (T = N tau) with permanent
/// impact gamma, temporary impact epsilon sgn(n) + (eta / tau) n, volatility sigma (price
/// units per sqrt(time)) and risk aversion lambda.  All formulas from risk-and-execution.md:
///   eta~ = eta - gamma tau / 2 (must be > 0);  kappa~^2 = lambda sigma^2 / eta~;
///   kappa = arccosh(kappa~^2 tau^2 / 2 + 1) / tau;
///   x_j = X sinh(kappa (T - t_j)) / sinh(kappa T);
///   n_j = 2 sinh(kappa tau / 2) / sinh(kappa T) cosh(kappa (T - (j - 1/2) tau)) X;
///   E = 1/2 gamma X^2 + epsilon X + eta~ X^2 tanh(kappa tau / 2)
///       [tau sinh(2 kappa T) + 2 T sinh(kappa tau)] / (2 tau^2 sinh^2(kappa T));
///   V = 1/2 sigma^2 X^2 [tau sinh(kappa T) cosh(kappa (T - tau)) - T sinh(kappa tau)]
///       / (sinh^2(kappa T) sinh(kappa tau)).
/// lambda = 0 (or sigma = 0) is the TWAP limit: n_j = X / N, E = 1/2 gamma X^2 + epsilon X
/// + eta~ X^2 / T, V = 1/3 sigma^2 X^2 T (1 - 1/N)(1 - 1/(2N)).
/// The hyperbolic ratios are evaluated in exp(-2 kappa T) form so large kappa T (very risk
/// averse) neither overflows nor loses the trajectory.
class AlmgrenChriss {
 public:
  struct Params {
    double quantity = 0.0;       ///< X
    std::size_t blocks = 1;      ///< N
    double tau = 1.0;            ///< period length
    double sigma = 0.0;          ///< volatility per sqrt(time unit)
    double eta = 0.0;            ///< temporary impact coefficient
    double gamma = 0.0;          ///< permanent impact coefficient
    double epsilon = 0.0;        ///< fixed cost per unit (half spread + fees)
    double risk_aversion = 0.0;  ///< lambda
  };

  explicit AlmgrenChriss(const Params& p) : p_(p) {
    detail::check_quantity(p.quantity);
    detail::check_blocks(p.blocks);
    auto nonneg = [](double v, const char* name) {
      if (!(std::isfinite(v) && v >= 0.0)) throw InvalidArgument(std::string(name) + " must be a finite number >= 0");
    };
    if (!(std::isfinite(p.tau) && p.tau > 0.0)) throw InvalidArgument("tau must be a finite number > 0");
    // T = N tau enters every formula (found by fuzz_schedule: tau = 1.8e308 over 54 blocks gave
    // T = inf and a NaN variance).
    if (!std::isfinite(static_cast<double>(p.blocks) * p.tau))
      throw InvalidArgument("blocks * tau (the horizon T) must be finite");
    nonneg(p.sigma, "sigma");
    nonneg(p.eta, "eta");
    nonneg(p.gamma, "gamma");
    nonneg(p.epsilon, "epsilon");
    nonneg(p.risk_aversion, "risk_aversion");
    eta_tilde_ = p.eta - 0.5 * p.gamma * p.tau;
    if (!(eta_tilde_ > 0.0)) throw InvalidArgument("eta - gamma * tau / 2 (eta~) must be > 0");
    const double kt2 = p.risk_aversion * p.sigma * p.sigma / eta_tilde_;
    kappa_ = std::acosh(0.5 * kt2 * p.tau * p.tau + 1.0) / p.tau;
    if (!std::isfinite(kappa_)) throw InvalidArgument("risk_aversion * sigma^2 / eta~ is too large");
  }

  const Params& params() const noexcept { return p_; }
  double horizon() const noexcept { return static_cast<double>(p_.blocks) * p_.tau; }
  double eta_tilde() const noexcept { return eta_tilde_; }
  double kappa() const noexcept { return kappa_; }
  bool is_twap_limit() const noexcept { return !(kappa_ * horizon() > 0.0); }

  /// Holdings x_0 = X, ..., x_N = 0 (N + 1 values).
  std::vector<double> holdings() const {
    const std::size_t n = p_.blocks;
    std::vector<double> x(n + 1);
    const double T = horizon();
    for (std::size_t j = 0; j <= n; ++j) {
      const double t = static_cast<double>(j) * p_.tau;
      x[j] = p_.quantity * (is_twap_limit() ? (T - t) / T : sinh_ratio(T - t, T));
    }
    x[n] = 0.0;
    return x;
  }

  /// Trades n_1 .. n_N (n_j sold in period j, i.e. at block j - 1), summing to X.
  std::vector<double> trades() const {
    const std::size_t n = p_.blocks;
    std::vector<double> out(n);
    const double T = horizon(), tau = p_.tau;
    for (std::size_t j = 1; j <= n; ++j) {
      if (is_twap_limit()) {
        out[j - 1] = p_.quantity / static_cast<double>(n);
      } else {
        // n_j = x_{j-1} - x_j: by sinh A - sinh B = 2 cosh((A+B)/2) sinh((A-B)/2) this is
        // exactly the closed form 2 sinh(k tau/2) cosh(k (T - (j - 1/2) tau)) X / sinh(k T),
        // evaluated through the overflow-safe sinh ratio.
        const double t0 = static_cast<double>(j - 1) * tau, t1 = static_cast<double>(j) * tau;
        out[j - 1] = p_.quantity * (sinh_ratio(T - t0, T) - sinh_ratio(T - t1, T));
      }
    }
    detail::close_sum(out, p_.quantity);
    return out;
  }

  /// Closed-form expected implementation shortfall E[X S_0 - proceeds].
  double expected_cost() const {
    const double X = p_.quantity, T = horizon(), tau = p_.tau, k = kappa_;
    const double base = 0.5 * p_.gamma * X * X + p_.epsilon * X;
    if (is_twap_limit()) return base + eta_tilde_ * X * X / T;
    // tanh(k tau/2) [tau sinh(2kT) + 2T sinh(k tau)] / (2 tau^2 sinh^2(kT))
    //   = tanh(k tau/2) [tau * 2 coth(kT) + 2T sinh(k tau) csch^2(kT)] / (2 tau^2)
    // and, with T = N tau, bracket / (2 tau) = coth(kT) + N sinh(k tau) csch^2(kT).
    // eta~ / tau and that half-bracket are each O(1): divided first, neither tau^2 nor
    // eta~ X^2 overflows on its own (found by fuzz_schedule: tau = eta = 2e243 gave inf / inf).
    // The half-bracket never forms tau * coth or 2 T, which overflow for tau near 1e308
    // (found by fuzz_schedule: tau = 1.4e306 over 127 blocks made 2T = inf, times a
    // sinh(k tau) csch^2(kT) of 0, a NaN expected cost).
    const double half_bracket = coth(k * T) + static_cast<double>(p_.blocks) * sinh_csch2(k * tau, k * T);
    return base + (eta_tilde_ / tau) * X * X * std::tanh(0.5 * k * tau) * half_bracket;
  }

  /// Closed-form variance of the implementation shortfall.
  ///
  /// sigma enters as (sigma X)^2 or (sigma x_j)^2, never sigma^2 alone: sigma^2 may overflow
  /// while sigma X does not (found by fuzz_schedule: sigma = 1.8e308, X = 6e-307 made
  /// sigma^2 = inf and x_j^2 = 0, a NaN variance; the variance is ~1e4 there).
  double variance() const {
    const double X = p_.quantity, T = horizon(), tau = p_.tau, k = kappa_;
    // Nothing to sell, or no volatility: no variance (inf * 0 would be NaN).
    if (X == 0.0 || p_.sigma == 0.0 || p_.blocks == 1) return 0.0;  // one block: sold at once, nothing held
    const double sx = p_.sigma * X, sx2 = sx * sx;  // inf only when the variance overflows anyway
    if (is_twap_limit()) {
      const double n = static_cast<double>(p_.blocks);
      const double shape = (1.0 - 1.0 / n) * (1.0 - 0.5 / n) / 3.0;
      // One block sells everything at once: no variance, however long the block (found by
      // fuzz_schedule: sigma^2 X^2 T overflowed to inf first, and inf * 0 is NaN).
      return shape == 0.0 ? 0.0 : sx2 * T * shape;
    }
    // For k T < 0.01 the two terms below are ~1/(kT)^2 times the result and cancel; there
    // the identical quantity sigma^2 tau sum x_k^2 over the closed-form holdings is exact.
    if (k * T < 0.01) {
      const std::vector<double> x = holdings();
      double acc = 0.0;
      for (std::size_t j = 1; j < x.size(); ++j) {
        const double sxj = p_.sigma * x[j];
        acc += sxj * sxj;
      }
      return tau * acc;
    }
    // [tau sinh(kT) cosh(k(T - tau)) - T sinh(k tau)] / (sinh^2(kT) sinh(k tau))
    //   = tau cosh(k(T - tau)) / (sinh(kT) sinh(k tau)) - T csch^2(kT)
    const double first = tau * cosh_over_sinh(T - tau, T) / std::sinh(k * tau);
    // The bracket is a difference of nearly equal terms when the trajectory is short: its
    // rounding residue may come out a hair below zero; a variance is never negative.
    return std::max(0.0, 0.5 * sx2 * (first - T * csch2(k * T)));
  }

  /// E and V of an arbitrary schedule (trades at blocks 0 .. N-1) under the same linear
  /// impact model, from their definitions: E = 1/2 gamma X^2 + epsilon sum|n| + (eta~/tau)
  /// sum n^2 and V = sigma^2 tau sum_{k=1..N} x_k^2 (x_k: holdings after trade k).
  double expected_cost_of(std::span<const double> trades) const {
    double X = 0.0, sq = 0.0, abs_sum = 0.0;
    for (double v : trades) {
      X += v;
      sq += v * v;
      abs_sum += std::fabs(v);
    }
    return 0.5 * p_.gamma * X * X + p_.epsilon * abs_sum + eta_tilde_ / p_.tau * sq;
  }
  double variance_of(std::span<const double> trades) const {
    double X = 0.0;
    for (double v : trades) X += v;
    double x = X, acc = 0.0;
    for (double v : trades) {
      x -= v;
      const double sx = p_.sigma * x;  // (sigma x)^2, not sigma^2 x^2: see variance()
      acc += sx * sx;
    }
    return p_.tau * acc;
  }

 private:
  /// sinh(k a) / sinh(k b) for 0 <= a <= b, without overflow.
  double sinh_ratio(double a, double b) const {
    const double k = kappa_;
    if (k * b < 20.0) return std::sinh(k * a) / std::sinh(k * b);
    return std::exp(-k * (b - a)) * (-std::expm1(-2.0 * k * a)) / (-std::expm1(-2.0 * k * b));
  }
  /// cosh(k a) / sinh(k b) for 0 <= a <= b.
  double cosh_over_sinh(double a, double b) const {
    const double k = kappa_;
    if (k * b < 20.0) return std::cosh(k * a) / std::sinh(k * b);
    return std::exp(-k * (b - a)) * (1.0 + std::exp(-2.0 * k * a)) / (-std::expm1(-2.0 * k * b));
  }
  /// sinh(a) / sinh^2(b) for 0 <= a <= b, without overflow (found by fuzz_schedule: tau =
  /// 2.7e154 made sinh(k tau) = inf and csch^2(k T) = 0, a NaN expected cost).
  static double sinh_csch2(double a, double b) {
    if (b < 20.0) return std::sinh(a) * csch2(b);
    const double e = std::expm1(-2.0 * b);
    return 2.0 * std::exp(a - 2.0 * b) * (-std::expm1(-2.0 * a)) / (e * e);
  }
  static double coth(double x) { return x < 20.0 ? 1.0 / std::tanh(x) : 1.0 + 2.0 * std::exp(-2.0 * x); }
  static double csch2(double x) {
    if (x < 20.0) {
      const double s = std::sinh(x);
      return 1.0 / (s * s);
    }
    const double e = std::exp(-2.0 * x);
    return 4.0 * e / ((1.0 - e) * (1.0 - e));
  }

  Params p_;
  double eta_tilde_ = 0.0;
  double kappa_ = 0.0;
};

}  // namespace cushion::schedule
