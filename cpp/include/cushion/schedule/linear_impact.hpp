// cushion/schedule/linear_impact.hpp — the Almgren-Chriss linear-impact market as a curve.
//
// Selling n units in one period of length tau executes at S - epsilon - (eta / tau) n per
// unit and moves the price permanently by -gamma n; buying is the mirror image:
//
//   sell(n).value = n (S - epsilon - (eta/tau) n),   next price S - gamma n
//   buy(n).value  = n (S + epsilon + (eta/tau) n),   next price S + gamma n
//
// It satisfies the QuotingCurve concept, so simulate() can run any schedule against the
// exact model Almgren & Chriss price (expected cost and variance in closed form), and with
// recovery (a < 1) it is the Obizhaeva-Wang block-shaped book (eta/tau = gamma/2: a trade
// walks the book linearly and the dislocation then decays).  Its mid is S.  f64 only; a
// sale whose execution price would be negative is reported as CurveError::reverted.
#pragma once

#include <cmath>
#include <string>

#include "cushion/curves/dynamics.hpp"
#include "cushion/curves/quote.hpp"
#include "cushion/errors.hpp"

namespace cushion::schedule {

class LinearImpact {
 public:
  using value_type = double;
  using count_type = double;
  using number_policy = num::F64;
  static constexpr const char* kind = "linear_impact";

  LinearImpact() = default;
  LinearImpact(double price, double gamma, double eta, double epsilon = 0.0, double tau = 1.0)
      : price_(price), gamma_(gamma), eta_(eta), epsilon_(epsilon), tau_(tau) {
    check(price_, "price");
    check(gamma_, "gamma");
    check(eta_, "eta");
    check(epsilon_, "epsilon");
    if (!(std::isfinite(tau_) && tau_ > 0.0)) throw InvalidArgument("tau must be a finite number > 0");
  }

  double price() const noexcept { return price_; }
  double gamma() const noexcept { return gamma_; }
  double eta() const noexcept { return eta_; }
  double epsilon() const noexcept { return epsilon_; }
  double tau() const noexcept { return tau_; }
  double fee() const noexcept { return 0.0; }
  double protocol_fee() const noexcept { return 0.0; }

  curves::Quote<LinearImpact> sell(double n) const {
    if (!(n > 0.0)) return curves::Quote<LinearImpact>::failed(curves::CurveError::invalid_numitems, *this);
    const double unit = price_ - epsilon_ - eta_ / tau_ * n;
    if (!(unit >= 0.0)) return curves::Quote<LinearImpact>::failed(curves::CurveError::reverted, *this);
    return make(n * unit, n, price_ - gamma_ * n);
  }

  curves::Quote<LinearImpact> buy(double n) const {
    if (!(n > 0.0)) return curves::Quote<LinearImpact>::failed(curves::CurveError::invalid_numitems, *this);
    return make(n * (price_ + epsilon_ + eta_ / tau_ * n), n, price_ + gamma_ * n);
  }

  LinearImpact with_price(double p) const {
    LinearImpact c = *this;
    c.price_ = p;
    return c;
  }

  friend bool operator==(const LinearImpact&, const LinearImpact&) = default;

 private:
  static void check(double v, const char* name) {
    if (!(std::isfinite(v) && v >= 0.0)) throw InvalidArgument(std::string(name) + " must be a finite number >= 0");
  }
  curves::Quote<LinearImpact> make(double value, double n, double next_price) const {
    curves::Quote<LinearImpact> q;
    q.value = value;
    q.items = n;
    q.next = with_price(next_price);
    return q;
  }

  double price_ = 0.0, gamma_ = 0.0, eta_ = 0.0, epsilon_ = 0.0, tau_ = 1.0;
};

}  // namespace cushion::schedule

namespace cushion::curves {
template <>
struct CurveDynamics<schedule::LinearImpact> {
  static double mid(const schedule::LinearImpact& c) { return c.price(); }
  static schedule::LinearImpact with_mid(const schedule::LinearImpact& c, double p) { return c.with_price(p); }
};
}  // namespace cushion::curves
