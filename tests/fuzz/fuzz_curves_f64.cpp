// fuzz_curves_f64 — every curve's buy and sell in the f64 policy, on any doubles:
//   - a constructor accepts exactly the finite, non-negative parameters (InvalidArgument
//     otherwise) and a quote never throws;
//   - an OK quote has a finite, non-negative value and fees an exact uint256 could hold, a
//     finite non-negative item count (at most n for a whole n) and a finite, non-negative
//     next curve; a count that is not a finite number > 0 is never OK;
//   - quotes are monotone in n: exactly (every f64 operation rounds monotonically) for buys
//     of whole counts, and within 1e-12 of the gross amount (+ 1e-30 tokens) otherwise;
//   - buying n and selling them back into the curve the buy left never profits beyond
//     1e-12 (+ 1e-30 tokens; exponential: + the conditioning of delta^n - 1) (linear,
//     exponential, XYK; not GDA, whose on-chain formula pays back alpha times the cost).
// No UB anywhere (the target runs under ASan + UBSan, float-cast-overflow included).
//
// Adding a curve: one row in kCurves.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "cushion/compat/sudoswap.hpp"
#include "cushion/curves/weighted_xyk.hpp"
#include "support/harness.hpp"

using namespace cushion::fuzz;
namespace cv = cushion::curves;
using F = cushion::num::F64;

namespace {

struct Summary {
  cv::CurveError error;
  double value, trade_fee, protocol_fee, items;
  std::vector<double> next;  // the next curve's parameters
  bool ok() const { return error == cv::CurveError::ok; }
  double gross() const { return value + trade_fee + protocol_fee; }
};

template <class Q>
Summary summarize(const Q& q, std::vector<double> next) {
  return {q.error, q.value, q.trade_fee, q.protocol_fee, q.items, std::move(next)};
}

struct CurveCase {
  const char* name;
  unsigned parameters;  ///< how many doubles the constructor takes (fees included)
  Summary (*quote)(const std::vector<double>& p, bool buy, double n);
  /// How much more than its cost `value` selling n back may return, from f64 rounding
  /// alone; negative: the on-chain formula itself profits (GDA), not checked.
  double (*round_trip_slack)(const std::vector<double>& p, double n, double value);
  /// Parameters the constructor must accept beyond "finite and >= 0" (nullptr: no more).
  bool (*more_valid)(const std::vector<double>& p) = nullptr;
};

/// Caviar: feeRate <= 5000 (FeeRateTooHigh), protocolFeeRate a uint16.
bool caviar_rates(const std::vector<double>& p) { return p[2] <= 5000.0 && p[3] <= 65535.0; }

double plain_rounding(const std::vector<double>&, double, double value) { return 1e-12 * value; }
double not_checked(const std::vector<double>&, double, double) { return -1.0; }
/// The exponential curve's buy and sell compute delta^n - 1 and 1 - delta^-n separately, by
/// subtracting from a pow() result rounded to 1 ulp: an absolute error of a few ulps of
/// delta^n times the series' scale S delta / (delta - 1) (and the fees' factor), large when
/// delta^n is close to 1 (delta near 1, or a tiny count).
double exponential_rounding(const std::vector<double>& p, double n, double value) {
  const double spot = p[0], delta = p[1], fees = 1.0 + p[2] + p[3];
  const double scale = spot * std::max(1.0, std::pow(delta, n)) * delta / std::fabs(delta - 1.0) * fees;
  return 1e-12 * value + 8.0 * std::numeric_limits<double>::epsilon() * scale;
}

template <class C>
auto run(const C& c, bool buy, double n) {
  return buy ? c.buy(n) : c.sell(n);
}

const CurveCase kCurves[] = {
    {"linear", 4,
     [](const std::vector<double>& p, bool buy, double n) {
       const auto q = run(cv::Linear<F>(p[0], p[1], p[2], p[3]), buy, n);
       return summarize(q, {q.next.spot_price(), q.next.delta(), q.next.fee(), q.next.protocol_fee()});
     },
     &plain_rounding},
    {"exponential", 4,
     [](const std::vector<double>& p, bool buy, double n) {
       const auto q = run(cv::Exponential<F>(p[0], p[1], p[2], p[3]), buy, n);
       return summarize(q, {q.next.spot_price(), q.next.delta(), q.next.fee(), q.next.protocol_fee()});
     },
     &exponential_rounding},
    {"xyk", 4,
     [](const std::vector<double>& p, bool buy, double n) {
       const auto q = run(cv::XYK<F>(p[0], p[1], p[2], p[3]), buy, n);
       return summarize(q, {q.next.token_reserve(), q.next.nft_reserve(), q.next.fee(), q.next.protocol_fee()});
     },
     &plain_rounding},
    {"weighted_xyk", 4,
     [](const std::vector<double>& p, bool buy, double n) {
       const auto q = run(cv::WeightedXYK<F>(p[0], p[1], p[2], p[3]), buy, n);
       const auto& c = q.next;
       return summarize(q, {c.base_reserve(), c.nft_reserve(), c.fee_rate_bps(), c.protocol_fee_rate_bps()});
     },
     &plain_rounding, &caviar_rates},
    {"gda", 7,
     [](const std::vector<double>& p, bool buy, double n) {
       const auto q = run(cv::GDA<F>(p[0], p[1], p[2], p[3], p[4], p[5], p[6]), buy, n);
       const auto& c = q.next;
       return summarize(q, {c.spot_price(), c.alpha(), c.decay(), c.t0(), c.now(), c.fee(), c.protocol_fee()});
     },
     &not_checked},
};

/// Amounts below 1e-30 tokens (1e-12 wei) are below anything an exact uint256 can express;
/// the closed forms' rounding there (subnormal doubles included) is not a finding.
constexpr double kNegligible = 1e-30;
/// The rounding analysis behind the monotonicity and round-trip tolerances assumes normal
/// doubles; counts below a billionth of an item (subnormal ones included) only get the
/// validity checks.
constexpr double kSmallestCheckedCount = 1e-9;

bool valid_parameter(double v) { return std::isfinite(v) && v >= 0.0; }
bool whole(double n) { return n == std::floor(n); }

void check_ok_quote(const char* what, const Summary& s, double n, const std::string& args) {
  const auto amount = [](double v) { return v >= 0.0 && v <= F::max_u256_amount(); };  // false for NaN
  FUZZ_CHECK(amount(s.value) && amount(s.trade_fee) && amount(s.protocol_fee),
             "%s: OK quote with value %g, fees %g / %g (%s)", what, s.value, s.trade_fee, s.protocol_fee, args.c_str());
  FUZZ_CHECK(std::isfinite(s.items) && s.items >= 0.0, "%s: OK quote with items %g (%s)", what, s.items, args.c_str());
  for (const double v : s.next)
    FUZZ_CHECK(valid_parameter(v), "%s: next curve parameter %g (%s)", what, v, args.c_str());
  FUZZ_CHECK(std::isfinite(n) && n > 0.0, "%s: OK quote for the count n = %g (%s)", what, n, args.c_str());
  if (whole(n)) FUZZ_CHECK(s.items <= n, "%s: items %g > n = %g (%s)", what, s.items, n, args.c_str());
}

std::string describe(const std::vector<double>& p, double n) {
  std::string out;
  char buf[40];
  for (const double v : p) {
    std::snprintf(buf, sizeof buf, "%.17g, ", v);
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "n=%.17g", n);
  return out + buf;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzInput in(data, size);
  const CurveCase& curve = kCurves[in.byte() % std::size(kCurves)];
  const bool buy = in.flag();
  std::vector<double> p(curve.parameters);
  bool all_valid = true;
  for (double& v : p) {
    v = in.real();
    if (in.byte() % 4 != 0) v = std::fabs(v);  // mostly valid parameters, so that quoting is reached
    all_valid = all_valid && valid_parameter(v);
  }
  double n = in.real();
  if (in.flag()) n = std::floor(std::fabs(n) < 1e6 ? std::fabs(n) : static_cast<double>(in.below_or_equal(1000)));
  const std::string args = describe(p, n);
  const std::string what = std::string(curve.name) + (buy ? ".buy" : ".sell");

  if (all_valid && curve.more_valid != nullptr) all_valid = curve.more_valid(p);
  bool refused = false;
  Summary s{};
  try {
    s = curve.quote(p, buy, n);
  } catch (const cushion::InvalidArgument&) {
    refused = true;
  } catch (const cushion::OutOfRange&) {  // a field its on-chain type cannot hold
    refused = true;
  }
  FUZZ_CHECK(refused == !all_valid, "%s: constructor %s (%s)", what.c_str(), refused ? "refused" : "accepted",
             args.c_str());
  if (refused || !s.ok()) return 0;
  check_ok_quote(what.c_str(), s, n, args);

  // Monotone in n: quote a larger count n2 on the same curve.
  const double step = std::fabs(in.real());
  const double n2 = in.flag() ? n + 1.0 : n + (std::isfinite(step) ? step : 1.0);
  const Summary s2 = curve.quote(p, buy, n2);
  if (s2.ok()) check_ok_quote(what.c_str(), s2, n2, args);
  // A linear sell of a fractional count near the price's zero is the one exception: the
  // closed form n S - n (n - 1) d / 2 peaks at n = S / d + 1/2, above the value of the whole
  // count floor(S / d) + 1 that the sale stops at (by up to d / 8; see the report).
  const bool linear_sell_near_zero =
      std::string(curve.name) == "linear" && !buy && !(whole(n) && whole(n2)) && p[0] < p[1] * (n2 + 1.0);
  if (s2.ok() && n2 >= n && n >= kSmallestCheckedCount && !linear_sell_near_zero) {
    const double tolerance = (buy && whole(n) && whole(n2)) ? 0.0 : 1e-12 * s2.gross() + kNegligible;
    FUZZ_CHECK(s2.value >= s.value - tolerance, "%s not monotone: n=%.17g -> %.17g, n2=%.17g -> %.17g (%s)",
               what.c_str(), n, s.value, n2, s2.value, args.c_str());
  }

  // Round trip: sell the n items back into the curve the buy left.
  const double slack = curve.round_trip_slack(p, n, s.value);
  if (buy && slack >= 0.0 && std::isfinite(slack) && n >= kSmallestCheckedCount) {
    const Summary back = curve.quote(s.next, false, n);
    if (back.ok())
      FUZZ_CHECK(back.value <= s.value + slack + kNegligible, "%s round trip profits: buy %.17g, sell %.17g (%s)",
                 curve.name, s.value, back.value, args.c_str());
  }
  return 0;
}
