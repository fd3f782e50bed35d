// cushion/num/fast_math.hpp — x^n for item counts and 2^x, vectorisable, for the f64 policy.
//
// The exponential curve needs delta^n and the GDA curve alpha^n and 2^(lambda t) for every
// quote.  std::pow / std::exp2 are scalar calls (no vector form a batch loop can use), so
// the F64 policy computes them here, with one template per function that the scalar quote
// (T = double) and the batch kernel (T = simd::f64v, a register of lanes) both
// instantiate: the same operations in the same order, hence the same bits in both.
//
// Accuracy (tested against long double references and std::pow / std::exp2 in
// tests/cpp/test_kernels.cpp; FMA targets, the usual -march=native build):
//   pow_count(x, n)  x^n for an integral n in [0, 2^32) and x, x^n in [2^-900, 2^900]:
//                    binary powering in double-double (error-free products), so the
//                    result carries a relative error near 2^-100 before its final
//                    rounding: correctly rounded except within ~2^-45 ulp of a halfway
//                    case, i.e. the same double as a correctly rounded pow (measured:
//                    max 0.5 ulp).  Any other argument (fractional or huge n, x or x^n out
//                    of that range, 0, inf, NaN) is std::pow(x, n), lane by lane.
//   exp2(x)          2^x for |x| <= 1000: x = k + f, |f| <= 1/2, 2^f by its Taylor
//                    series to f^13 (truncation < 0.05 ulp) with the leading term summed
//                    exactly; error < 0.6 ulp (within 1 ulp of std::exp2).  Other x
//                    (|x| > 1000, inf, NaN) is std::exp2(x), lane by lane.
// Without FMA hardware the correction terms round twice (simd::madd): still within 1 ulp.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

#include "cushion/num/simd.hpp"

namespace cushion::num::fast {

namespace detail {

using simd::int_t;
using simd::mask_t;

/// A double-double value hi + lo, |lo| a few ulp(hi) at most.  Products are not
/// renormalised (hi is the rounded product of the his, lo collects the rest): that saves
/// three additions a step and still carries ~2^-100 relative accuracy through 32 steps.
template <class T>
struct DoubleDouble {
  T hi, lo;
};

/// (a.hi + a.lo)(b.hi + b.lo) to ~2^-104 relative (a.lo * b.lo is below that).
template <class T>
[[gnu::always_inline]] inline DoubleDouble<T> dd_mul(const DoubleDouble<T>& a, const DoubleDouble<T>& b) noexcept {
  T p, e;
  simd::two_prod(a.hi, b.hi, p, e);
  return {p, e + simd::madd(a.hi, b.lo, a.lo * b.hi)};
}

template <class T>
[[gnu::always_inline]] inline DoubleDouble<T> dd_sqr(const DoubleDouble<T>& a) noexcept {
  T p, e;
  simd::two_prod(a.hi, a.hi, p, e);
  return {p, simd::madd(a.hi * 2.0, a.lo, e)};
}

inline constexpr double kPowMin = 0x1p-900;  // the range where two_prod is exact (see simd.hpp)
inline constexpr double kPowMax = 0x1p900;
inline constexpr double kMaxCount = 4294967295.0;  // 2^32 - 1: at most 32 squarings
inline constexpr double kIntMagic = 0x1p52;        // n + 2^52 holds n in its low mantissa bits
inline constexpr double kRoundMagic = 0x1.8p52;    // x + 1.5 * 2^52 rounds x to an integer (|x| < 2^51)

/// x^k by binary powering in double-double, for 0 <= k < 2^32; lanes with k == 0 give 1.
template <class T>
[[gnu::always_inline]] inline T pow_binary(T x, int_t<T> k) noexcept {
  // Every lane runs as many steps as the widest exponent (the bit width of the lanes' OR);
  // a lane whose bits are used up keeps r (the select) while b goes on squaring unused,
  // so each lane computes exactly the products the scalar instantiation computes.
  const int steps = std::bit_width(static_cast<std::uint64_t>(simd::reduce_or(k)));
  const T zero = simd::splat<T>(0.0);
  // The lowest bit: r = x or 1, exactly (no product needed).
  DoubleDouble<T> r{simd::select((k & 1) != 0, x, simd::splat<T>(1.0)), zero};
  DoubleDouble<T> b{x, zero};
  for (int step = 1; step < steps; ++step) {
    k = k >> 1;
    b = dd_sqr(b);
    const DoubleDouble<T> m = dd_mul(r, b);
    const mask_t<T> bit = (k & 1) != 0;
    r.hi = simd::select(bit, m.hi, r.hi);
    r.lo = simd::select(bit, m.lo, r.lo);
  }
  return r.hi + r.lo;
}

/// Lanes of `fallback` recomputed by a scalar library function.
template <class F>
[[gnu::always_inline]] inline double patch(bool fallback, double fast, double a, double b, F f) noexcept {
  return fallback ? f(a, b) : fast;
}
template <class F>
[[gnu::always_inline]] inline simd::f64v patch(simd::i64v fallback, simd::f64v fast, simd::f64v a, simd::f64v b,
                                               F f) noexcept {
  if (simd::any(fallback)) [[unlikely]] {
    for (std::size_t l = 0; l < simd::kLanes; ++l)
      if (fallback[l]) fast[l] = f(a[l], b[l]);
  }
  return fast;
}

}  // namespace detail

/// x^n for an item count n (see the accuracy note above); std::pow(x, n) semantics for
/// every argument.
template <class T>
[[gnu::always_inline]] inline T pow_count(T x, T n) noexcept {
  using namespace detail;
  const T big = n + kIntMagic;
  const mask_t<T> eligible = (x >= kPowMin) & (x <= kPowMax) & (n >= 0.0) & (n <= kMaxCount) & (big - kIntMagic == n);
  const int_t<T> k = simd::select(eligible, simd::as_int(big) - simd::as_int(kIntMagic), int_t<T>{});
  T r;
  if constexpr (std::is_same_v<T, double>) {
    if (!eligible) return std::pow(x, n);
    r = pow_binary(x, k);
  } else {
    r = pow_binary(x, k);
  }
  const mask_t<T> fallback = simd::mask_not(eligible & (r >= kPowMin) & (r <= kPowMax));
  return patch(fallback, r, x, n, [](double a, double b) { return std::pow(a, b); });
}

/// 2^x (see the accuracy note above); std::exp2(x) semantics for every argument.
template <class T>
[[gnu::always_inline]] inline T exp2(T x) noexcept {
  using namespace detail;
  const mask_t<T> eligible = (x >= -1000.0) & (x <= 1000.0);  // false for NaN
  const T xs = simd::select(eligible, x, simd::splat<T>(0.0));
  const T big = xs + kRoundMagic;
  const T k = big - kRoundMagic;  // the integer nearest x
  const T f = xs - k;             // exact, |f| <= 1/2
  // 2^f = 1 + ln2 f + f^2 R(f), R(f) = sum_{j>=2} ln2^j f^(j-2) / j!
  // Horner with multiply-adds (fused: half the latency of mul + add).
  T r = simd::splat<T>(1.3691488853904128e-12);
  r = simd::madd(r, f, simd::splat<T>(2.5678435993488206e-11));
  r = simd::madd(r, f, simd::splat<T>(4.4455382718708116e-10));
  r = simd::madd(r, f, simd::splat<T>(7.054911620801123e-09));
  r = simd::madd(r, f, simd::splat<T>(1.01780860092397e-07));
  r = simd::madd(r, f, simd::splat<T>(1.321548679014431e-06));
  r = simd::madd(r, f, simd::splat<T>(1.5252733804059841e-05));
  r = simd::madd(r, f, simd::splat<T>(0.0001540353039338161));
  r = simd::madd(r, f, simd::splat<T>(0.0013333558146428443));
  r = simd::madd(r, f, simd::splat<T>(0.009618129107628477));
  r = simd::madd(r, f, simd::splat<T>(0.05550410866482158));
  r = simd::madd(r, f, simd::splat<T>(0.24022650695910072));
  // ln2 f exactly as a + a_err (ln2 itself as hi + lo), then 1 + a by an exact two-sum.
  T a, a_err;
  simd::two_prod(f, simd::splat<T>(0.6931471805599453), a, a_err);
  const T small = simd::madd(f * f, r, simd::madd(f, simd::splat<T>(2.3190468138462996e-17), a_err));
  const T s = 1.0 + a;            // |a| <= 0.35 < 1: fast two-sum
  const T s_err = a - (s - 1.0);  // exact
  const T mantissa = s + (s_err + small);
  // 2^k by its exponent bits (k in [-1000, 1000]: a normal double).
  const T scale = simd::as_double((simd::as_int(big) - simd::as_int(kRoundMagic) + 1023) << 52);
  const T fast = mantissa * scale;  // exact: a power-of-two scaling inside the normal range
  return patch(simd::mask_not(eligible), fast, x, x, [](double a, double) { return std::exp2(a); });
}

}  // namespace cushion::num::fast
