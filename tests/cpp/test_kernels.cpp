// The f64 fast paths against the checked paths they replace:
//  - num::fast::pow_count / exp2 against long double references (accuracy bounds) and
//    std::pow / std::exp2 (agreement, and identical results wherever they fall back);
//  - the SIMD batch kernels (batch/kernels.hpp) against the scalar F64 curves, bit
//    for bit, on random and edge inputs, with broadcast operands and every tail length.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <vector>

#include "cushion/batch/kernels.hpp"

namespace {

using namespace cushion;
using num::F64;
using num::simd::f64v;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::uint64_t bits(double v) { return std::bit_cast<std::uint64_t>(v); }

/// |got - want| in units of ulp(got).
long double ulps(double got, long double want) {
  const double a = std::fabs(got);
  return std::fabs(static_cast<long double>(got) - want) / static_cast<long double>(std::nextafter(a, kInf) - a);
}

/// The vector instantiation lane by lane equals the scalar instantiation.
template <class F>
void expect_lanes_equal_scalar(const std::vector<double>& a, const std::vector<double>& b, F f) {
  constexpr std::size_t W = num::simd::kLanes;
  for (std::size_t i = 0; i + W <= a.size(); i += W) {
    f64v va, vb;
    for (std::size_t l = 0; l < W; ++l) {
      va[l] = a[i + l];
      vb[l] = b[i + l];
    }
    const f64v r = f(va, vb);
    for (std::size_t l = 0; l < W; ++l)
      ASSERT_EQ(bits(r[l]), bits(f(a[i + l], b[i + l])))
          << "lane " << l << " of (" << a[i + l] << ", " << b[i + l] << ")";
  }
}

TEST(FastPowCount, CorrectlyRoundedAgainstLongDouble) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> near_one(0.5, 2.0);
  long double worst = 0;
  int differs_from_libm = 0, cases = 0;
  for (int i = 0; i < 100000; ++i) {
    const double x = near_one(rng), n = static_cast<double>(1 + rng() % 400);
    const long double want = std::pow(static_cast<long double>(x), static_cast<long double>(n));
    if (!(want > 0x1p-900L && want < 0x1p900L)) continue;
    const double got = num::fast::pow_count(x, n);
    worst = std::max(worst, ulps(got, want));
    const double libm = std::pow(x, n);
    ASSERT_LE(std::fabs(got - libm), std::nextafter(std::fabs(libm), kInf) - std::fabs(libm)) << x << "^" << n;
    differs_from_libm += got != libm;
    ++cases;
  }
  // Correct rounding within the long double reference's own error (~2^-11 ulp).
  EXPECT_LE(worst, 0.5005L);
  EXPECT_LT(differs_from_libm, cases / 500) << "a correctly rounded pow differs only near halfway cases";
}

TEST(FastPowCount, FallsBackToStdPowOutsideItsRange) {
  // Out of range: x, n, x^n (integral and fractional n), zero, infinities, NaN, negatives.
  const std::vector<double> x{0.0, 1e-300, 0x1p-901, 0x1p901, kInf, kNaN, 2.0, 1.5, 1.0001, 3.0, 0.5, -2.0, 1.0,
                              0x1p800, 0x1p-800, 2.0, -2.0, 0.0, 0x1p-950};
  const std::vector<double> n{3.0, 2.0, 1.0, 1.0, 2.0, 2.0, 1e12, 4294967296.0, 1e9, 700.0, 1500.0, 3.0, kNaN,
                              1.5, 1.5, 4294967296.5, 0.5, 0.5, 0.5};
  for (std::size_t i = 0; i < x.size(); ++i)
    EXPECT_EQ(bits(num::fast::pow_count(x[i], n[i])), bits(std::pow(x[i], n[i]))) << x[i] << "^" << n[i];
  EXPECT_EQ(num::fast::pow_count(1.7, 0.0), 1.0);
  EXPECT_EQ(num::fast::pow_count(1.05, 1.0), 1.05);
  std::vector<double> xs(x), ns(n);
  std::mt19937_64 rng(5);
  for (int i = 0; i < 4000; ++i) {
    xs.push_back(std::ldexp(std::uniform_real_distribution<double>(0.5, 1.0)(rng), static_cast<int>(rng() % 40) - 20));
    ns.push_back(rng() % 7 == 0 ? kNaN : static_cast<double>(rng() % 3000) / (rng() % 5 == 0 ? 2.0 : 1.0));
  }
  while (xs.size() % num::simd::kLanes) {
    xs.push_back(1.1);
    ns.push_back(3.0);
  }
  expect_lanes_equal_scalar(xs, ns, [](auto a, auto b) { return num::fast::pow_count(a, b); });
}

TEST(FastPowCount, FractionalCountsWithinHalfAnUlpAndAHairAndTheSameBitsWhetherLog2IsCached) {
  // x^n = 2^(n log2 x) for |n log2 x| <= 64, log2 x kept per thread for the last base.
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u01(0.0, 1.0);
  long double worst = 0;
  int cases = 0, fast = 0, differs_from_libm = 0;
  for (int i = 0; i < 200000; ++i) {
    double x;
    switch (i % 4) {
      case 0: x = 0.5 + 1.5 * u01(rng); break;          // GDA alphas, exponential deltas
      case 1: x = 1.0 + (u01(rng) - 0.5) / 50.0; break;  // near 1 (log2 x small: relative accuracy)
      case 2: x = std::ldexp(0.5 + u01(rng) / 2, static_cast<int>(rng() % 200) - 100); break;
      default: x = std::ldexp(0.5 + u01(rng) / 2, static_cast<int>(rng() % 1700) - 850); break;
    }
    const double n = (i % 3 == 0 ? 0.0 : static_cast<double>(rng() % 60)) + u01(rng);
    if (std::floor(n) == n) continue;
    const long double want = std::pow(static_cast<long double>(x), static_cast<long double>(n));
    if (!(want > 0x1p-890L && want < 0x1p890L)) continue;
    (void)num::fast::pow_count(3.0, 0.5);  // another base: the next call computes log2 x afresh
    const double fresh = num::fast::pow_count(x, n);
    (void)num::fast::pow_count(x, n + 0.25);  // the same base: the next call takes the kept log2 x
    const double kept = num::fast::pow_count(x, n);
    ASSERT_EQ(bits(fresh), bits(kept)) << x << "^" << n;
    worst = std::max(worst, ulps(fresh, want));
    const double libm = std::pow(x, n);
    ASSERT_LE(std::fabs(fresh - libm), std::nextafter(std::fabs(libm), kInf) - std::fabs(libm)) << x << "^" << n;
    differs_from_libm += fresh != libm;
    fast += std::fabs(n * std::log2(x)) <= 64.0;
    ++cases;
  }
  EXPECT_GT(cases, 150000);
  EXPECT_GT(fast, cases / 2);  // most of them took the fast path (the rest is std::pow)
  // Measured 0.515 here, 0.524 over 1.5 million cases, against the long double reference
  // (its own error ~0.0005 ulp).
  std::printf("fractional pow_count: max %.4Lf ulp over %d cases, %d differ from std::pow\n", worst, cases,
              differs_from_libm);
  EXPECT_LT(worst, 0.55L);
  EXPECT_LT(differs_from_libm, cases / 100);
  EXPECT_EQ(num::fast::pow_count(4.0, 0.5), 2.0);
  EXPECT_EQ(num::fast::pow_count(2.0, 10.5), std::sqrt(2.0) * 1024.0);
  EXPECT_EQ(num::fast::pow_count(1.0, 0.37), 1.0);
  // Past |n log2 x| = 64: std::pow itself.
  EXPECT_EQ(bits(num::fast::pow_count(2.0, 70.5)), bits(std::pow(2.0, 70.5)));
  EXPECT_EQ(bits(num::fast::pow_count(1.5, 200.25)), bits(std::pow(1.5, 200.25)));
  // Lanes: the same bits, with varying and with one shared base.
  std::vector<double> xs, ns;
  for (int i = 0; i < 4000; ++i) {
    xs.push_back(i % 2 ? 1.002 : std::ldexp(0.5 + u01(rng) / 2, static_cast<int>(rng() % 1800) - 900));
    ns.push_back(i % 3 ? static_cast<double>(rng() % 50) + u01(rng) : static_cast<double>(rng() % 50));
  }
  while (xs.size() % num::simd::kLanes) {
    xs.push_back(1.1);
    ns.push_back(3.5);
  }
  expect_lanes_equal_scalar(xs, ns, [](auto a, auto b) { return num::fast::pow_count(a, b); });
}

TEST(FastPowCount, Exp2TableAndLog2AgainstLongDouble) {
  for (int j = 0; j < 64; ++j) {
    const double hi = num::fast::detail::kExp2TableHi[j], lo = num::fast::detail::kExp2TableLo[j];
    const long double want = std::exp2(static_cast<long double>(j) / 64.0L);
    EXPECT_LE(std::fabs(static_cast<long double>(hi) + lo - want), 0x1p-62L * want) << j;
    EXPECT_LE(std::fabs(lo), (std::nextafter(hi, kInf) - hi) / 2) << j;
    EXPECT_EQ(hi, static_cast<double>(want)) << j;
  }
  std::mt19937_64 rng(13);
  std::uniform_real_distribution<double> u01(0.0, 1.0);
  long double worst = 0;
  for (int i = 0; i < 200000; ++i) {
    const double x = i % 2 ? 1.0 + (u01(rng) - 0.5) / 8.0 : std::ldexp(0.5 + u01(rng) / 2, static_cast<int>(rng() % 1800) - 900);
    if (x == 1.0) continue;
    const auto l = num::fast::detail::log2_dd(x);
    const long double want = std::log2(static_cast<long double>(x));
    worst = std::max(worst, std::fabs((static_cast<long double>(l.hi) + l.lo - want) / want));
    ASSERT_LE(std::fabs(l.lo), (std::nextafter(std::fabs(l.hi), kInf) - std::fabs(l.hi)) / 2) << x;
  }
  // Measured ~2^-62 (the long double reference's own error is ~2^-64).
  EXPECT_LT(worst, 0x1p-61L);
  const auto one = num::fast::detail::log2_dd(1.0), two = num::fast::detail::log2_dd(0x1p-37);
  EXPECT_EQ(one.hi, 0.0);
  EXPECT_EQ(one.lo, 0.0);
  EXPECT_EQ(two.hi, -37.0);
  EXPECT_EQ(two.lo, 0.0);
}

TEST(FastExp2, WithinOneUlpAndEqualToStdExp2WhereItFallsBack) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-60.0, 60.0);
  long double worst = 0;
  for (int i = 0; i < 200000; ++i) {
    const double x = i % 2 ? u(rng) : u(rng) / 5.0;  // GDA's exponents live in [0, 11)
    worst = std::max(worst, ulps(num::fast::exp2(x), std::exp2(static_cast<long double>(x))));
    const double libm = std::exp2(x);
    ASSERT_LE(std::fabs(num::fast::exp2(x) - libm), std::nextafter(libm, kInf) - libm) << x;
  }
  EXPECT_LT(worst, 0.62L);
  for (const double x : {0.0, 1.0, 10.0, -1.0, 0.5, 1000.0, -1000.0})
    EXPECT_EQ(num::fast::exp2(x), std::exp2(x)) << x;  // exact powers of two, and sqrt(2) rounded
  for (const double x : {1000.5, -1000.5, 1024.0, 1100.0, -1075.0, -2000.0, kInf, -kInf, kNaN})
    EXPECT_EQ(bits(num::fast::exp2(x)), bits(std::exp2(x))) << x;
  std::vector<double> xs{1000.5, kNaN, -kInf, 3.25, 10.0, 10.999, 0.0, -0.0};
  for (int i = 0; i < 4000; ++i) xs.push_back(u(rng) * (i % 3 ? 1.0 : 20.0));
  expect_lanes_equal_scalar(xs, xs, [](auto a, auto) { return num::fast::exp2(a); });
}

// ---------------------------------------------------------------- the batch kernels

/// Draws each of P operands from its special values (edges) with probability 1/P, else from
/// its range, so that about a third of the elements have no edge at all.
struct Operands {
  std::vector<std::pair<double, double>> ranges;
  std::vector<std::vector<double>> edges;
};

template <class Curve>
std::vector<std::vector<double>> draw(std::mt19937_64& rng, const Operands& spec, std::size_t size) {
  std::vector<std::vector<double>> out(spec.ranges.size(), std::vector<double>(size));
  for (std::size_t k = 0; k < out.size(); ++k) {
    std::uniform_real_distribution<double> u(spec.ranges[k].first, spec.ranges[k].second);
    for (auto& v : out[k]) {
      v = (rng() % out.size() == 0 && !spec.edges[k].empty()) ? spec.edges[k][rng() % spec.edges[k].size()] : u(rng);
      if (k + 1 == out.size() && rng() % 4 != 0) v = std::floor(v);  // counts: mostly whole
    }
  }
  return out;
}

/// quote_row over operands (each an array, or broadcast when `broadcast[k]`) against the
/// scalar quote of every element, bit for bit.  Returns the number of failed quotes.
template <class Curve, bool Buy>
int expect_kernel_equals_scalar(const std::vector<std::vector<double>>& params, const std::vector<bool>& broadcast,
                                std::size_t len) {
  using S = batch::CurveSchema<Curve>;
  constexpr std::size_t P = S::params.size(), N = S::next.size();
  std::array<const double*, P> ptr;
  std::array<std::ptrdiff_t, P> stride;
  for (std::size_t k = 0; k < P; ++k) {
    ptr[k] = params[k].data();
    stride[k] = broadcast[k] ? 0 : 1;
  }
  std::vector<double> value(len, -1), tf(len, -1), pf(len, -1), items(len, -1);
  std::vector<std::uint8_t> error(len, 255);
  std::array<std::vector<double>, N> next;
  std::array<double*, N> next_ptr;
  for (std::size_t j = 0; j < N; ++j) {
    next[j].assign(len, -1);
    next_ptr[j] = next[j].data();
  }
  const bool in_domain = batch::kernels::quote_row<Curve, Buy>(ptr, stride, len, value.data(), tf.data(), pf.data(),
                                                               error.data(), items.data(), next_ptr);
  EXPECT_TRUE(in_domain);
  int failed = 0;
  for (std::size_t i = 0; i < len; ++i) {
    std::array<double, P> p;
    for (std::size_t k = 0; k < P; ++k) p[k] = params[k][broadcast[k] ? 0 : i];
    const Curve c = S::make(p.data());
    const auto q = Buy ? c.buy(p[P - 1]) : c.sell(p[P - 1]);
    failed += !q.ok();
    const auto where = [&] {
      std::string s = std::string(Curve::kind) + (Buy ? " buy" : " sell") + " element " + std::to_string(i) + " (";
      for (std::size_t k = 0; k < P; ++k) s += std::string(S::params[k]) + "=" + std::to_string(p[k]) + " ";
      return s + ")";
    };
    EXPECT_EQ(error[i], static_cast<std::uint8_t>(q.error)) << where();
    EXPECT_EQ(bits(value[i]), bits(q.value)) << where() << " value " << value[i] << " vs " << q.value;
    EXPECT_EQ(bits(tf[i]), bits(q.trade_fee)) << where();
    EXPECT_EQ(bits(pf[i]), bits(q.protocol_fee)) << where();
    EXPECT_EQ(bits(items[i]), bits(q.items)) << where();
    std::array<double, N> n;
    S::store_next(q.next, n.data());
    for (std::size_t j = 0; j < N; ++j) EXPECT_EQ(bits(next[j][i]), bits(n[j])) << where() << " next " << j;
    if (::testing::Test::HasFailure()) return failed;
  }
  return failed;
}

/// Every operand an array, then each operand broadcast in turn, over lengths that leave
/// every possible tail; checks that the sample exercises both outcomes.
template <class Curve>
void check_curve(const Operands& spec, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const std::size_t P = spec.ranges.size();
  for (const bool buy : {true, false}) {
    int failed = 0, quoted = 0;
    for (std::size_t len : {std::size_t{1}, std::size_t{7}, std::size_t{8}, std::size_t{13}, std::size_t{4000}}) {
      const auto params = draw<Curve>(rng, spec, len);
      for (std::size_t b = 0; b <= P; ++b) {  // b == P: nothing broadcast
        std::vector<bool> broadcast(P, false);
        if (b < P) broadcast[b] = true;
        failed += buy ? expect_kernel_equals_scalar<Curve, true>(params, broadcast, len)
                      : expect_kernel_equals_scalar<Curve, false>(params, broadcast, len);
        quoted += static_cast<int>(len);
        if (::testing::Test::HasFailure()) return;
      }
    }
    EXPECT_GT(failed, quoted / 20) << Curve::kind << ": the sample should include many failed quotes";
    EXPECT_LT(failed, quoted * 4 / 5) << Curve::kind << ": the sample should include many good quotes";
  }
}

const std::vector<double> kFeeEdges{0.0, 1.0, 0.5, 2.0, 1e300};
const std::vector<double> kCountEdges{0.0, 1.0, 0.5, 2.5, 1e6, 1e300, 4294967296.0};

TEST(BatchKernels, LinearEqualsScalarOnEdges) {
  check_curve<curves::Linear<F64>>(
      {{{0, 10}, {0, 1}, {0, 0.6}, {0, 0.5}, {0, 40}},
       {{0.0, 1e-300, 3.4e20, 1e300, 5.0}, {0.0, 1e-300, 0.25, 1e19, 1e300}, kFeeEdges, kFeeEdges, kCountEdges}},
      101);
}

TEST(BatchKernels, ExponentialEqualsScalarOnEdges) {
  check_curve<curves::Exponential<F64>>({{{1e-13, 10}, {0.95, 2}, {0, 0.6}, {0, 0.5}, {0, 40}},
                                         {{0.0, 1e-12, 1e-13, 3.4e20, 1e300},
                                          {0.0, 1.0, 0.5, 1.0000001, 2.0, 1e10, 1e300, 0x1p-950},
                                          kFeeEdges,
                                          kFeeEdges,
                                          kCountEdges}},
                                        102);
}

TEST(BatchKernels, XYKEqualsScalarOnEdges) {
  check_curve<curves::XYK<F64>>({{{0, 100}, {0, 60}, {0, 0.6}, {0, 0.5}, {0, 70}},
                                 {{0.0, 3.4e20, 1e300, 1e-300},
                                  {0.0, 1.0, 3.4e38, 1e300},
                                  kFeeEdges,
                                  kFeeEdges,
                                  {0.0, 1.0, 0.5, 60.0, 3.4e38, 1e300}}},
                                103);
}

TEST(BatchKernels, GDAEqualsScalarOnEdges) {
  check_curve<curves::GDA<F64>>(
      {{{1e-10, 10}, {0.99, 1.5}, {0, 0.02}, {0, 1000}, {0, 3000}, {0, 0.6}, {0, 0.5}, {0, 40}},
       {{0.0, 1e-9, 3.4e20, 1e300},
        {0.0, 1.0, 0.5, 1e300, 0x1p-950},
        {0.0, 1e-3, 1.0, 1e300},
        {0.0, 1000.0, 1e300},
        {0.0, 11.0, 1000.0, 1e300},
        kFeeEdges,
        kFeeEdges,
        kCountEdges}},
      104);
}

/// Long rows take the streaming-store path when every double column has the same offset
/// within a vector (a head of plain stores first aligns them), plain stores otherwise.
TEST(BatchKernels, LongRowsEqualScalarAtEveryColumnAlignment) {
  using Curve = curves::XYK<F64>;
  constexpr std::size_t len = batch::kernels::kStreamMinLength + 37;
  std::mt19937_64 rng(11);
  const auto params =
      draw<Curve>(rng, {{{50, 500}, {60, 200}, {0, 0.01}, {0, 0.005}, {0, 70}}, {{}, {}, {}, {}, {}}}, len);
  std::array<const double*, 5> ptr;
  for (std::size_t k = 0; k < 5; ++k) ptr[k] = params[k].data();
  const std::array<std::ptrdiff_t, 5> stride{1, 1, 1, 1, 1};
  for (std::size_t shift = 0; shift < 9; ++shift) {
    // shift < 8: every column `shift` doubles past a 64-byte boundary; 8: mixed offsets.
    std::vector<std::vector<double>> storage(6, std::vector<double>(len + 16));
    std::vector<double*> col(6);
    for (std::size_t c = 0; c < 6; ++c) {
      auto* base = reinterpret_cast<double*>((reinterpret_cast<std::uintptr_t>(storage[c].data()) + 63) / 64 * 64);
      col[c] = base + (shift < 8 ? shift : c);
    }
    std::vector<std::uint8_t> error(len);
    ASSERT_TRUE((batch::kernels::quote_row<Curve, true>(ptr, stride, len, col[0], col[1], col[2], error.data(), col[3],
                                                        std::array<double*, 2>{col[4], col[5]})));
    for (std::size_t i = 0; i < len; ++i) {
      const auto q = Curve(params[0][i], params[1][i], params[2][i], params[3][i]).buy(params[4][i]);
      ASSERT_EQ(error[i], static_cast<std::uint8_t>(q.error)) << "shift " << shift << " element " << i;
      ASSERT_EQ(bits(col[0][i]), bits(q.value)) << "shift " << shift << " element " << i;
      ASSERT_EQ(bits(col[1][i]), bits(q.trade_fee));
      ASSERT_EQ(bits(col[2][i]), bits(q.protocol_fee));
      ASSERT_EQ(bits(col[3][i]), bits(q.items));
      ASSERT_EQ(bits(col[4][i]), bits(q.next.token_reserve()));
      ASSERT_EQ(bits(col[5][i]), bits(q.next.nft_reserve()));
    }
  }
}

TEST(BatchKernels, ReportOperandsOutOfTheirDomain) {
  for (const double bad : {-1.0, kNaN, kInf, -0.5}) {
    for (std::size_t k = 0; k < 5; ++k) {
      std::array<double, 5> p{10.0, 50.0, 0.01, 0.0, 3.0};
      p[k] = bad;
      std::array<const double*, 5> ptr;
      for (std::size_t j = 0; j < 5; ++j) ptr[j] = &p[j];
      double v, t, f, it, n0, n1;
      std::uint8_t e;
      EXPECT_FALSE((batch::kernels::quote_row<curves::XYK<F64>, true>(ptr, {0, 0, 0, 0, 0}, 1, &v, &t, &f, &e, &it,
                                                                      std::array<double*, 2>{&n0, &n1})))
          << "operand " << k << " = " << bad;
    }
  }
}

}  // namespace
