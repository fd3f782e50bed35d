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
//                    max 0.5 ulp).  A fractional n > 0 with x in that range and
//                    |n log2 x| <= 64: 2^(n log2 x), log2 x in double-double (relative
//                    error ~2^-62) and 2^y = 2^(j/64) (a double-double table) times a
//                    degree-6 polynomial in the rest (|r| <= 1/128), rounded once:
//                    measured max 0.524 ulp over 1.5 million cases (std::pow: ~0.52;
//                    the two differ in ~0.2 % of cases).  A scalar call keeps log2 x per
//                    thread for the last base (a simulation raising one base to each
//                    block's fill): ~6 ns a call then, ~22 ns with a new base (std::pow:
//                    ~10.5 ns); lanes compute it on all lanes at once; the same bits
//                    either way.  Any other argument (huge n, x or x^n out of range, 0,
//                    inf, NaN) is std::pow(x, n), lane by lane.
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

/// 2^(j/64) for j = 0..63 as hi + lo: hi the double nearest, lo the double nearest the rest
/// (|lo| <= ulp(hi)/2).  Generated with Python's decimal module at 60 digits:
///   v = Decimal(2) ** (Decimal(j) / 64); hi = float(v); lo = float(v - Decimal(hi))
/// tests/cpp/test_kernels.cpp checks every entry against long double exp2l.
alignas(64) inline constexpr double kExp2TableHi[64] = {
    0x1.0000000000000p+0, 0x1.02c9a3e778061p+0, 0x1.059b0d3158574p+0, 0x1.0874518759bc8p+0, 0x1.0b5586cf9890fp+0,
    0x1.0e3ec32d3d1a2p+0, 0x1.11301d0125b51p+0, 0x1.1429aaea92de0p+0, 0x1.172b83c7d517bp+0, 0x1.1a35beb6fcb75p+0,
    0x1.1d4873168b9aap+0, 0x1.2063b88628cd6p+0, 0x1.2387a6e756238p+0, 0x1.26b4565e27cddp+0, 0x1.29e9df51fdee1p+0,
    0x1.2d285a6e4030bp+0, 0x1.306fe0a31b715p+0, 0x1.33c08b26416ffp+0, 0x1.371a7373aa9cbp+0, 0x1.3a7db34e59ff7p+0,
    0x1.3dea64c123422p+0, 0x1.4160a21f72e2ap+0, 0x1.44e086061892dp+0, 0x1.486a2b5c13cd0p+0, 0x1.4bfdad5362a27p+0,
    0x1.4f9b2769d2ca7p+0, 0x1.5342b569d4f82p+0, 0x1.56f4736b527dap+0, 0x1.5ab07dd485429p+0, 0x1.5e76f15ad2148p+0,
    0x1.6247eb03a5585p+0, 0x1.6623882552225p+0, 0x1.6a09e667f3bcdp+0, 0x1.6dfb23c651a2fp+0, 0x1.71f75e8ec5f74p+0,
    0x1.75feb564267c9p+0, 0x1.7a11473eb0187p+0, 0x1.7e2f336cf4e62p+0, 0x1.82589994cce13p+0, 0x1.868d99b4492edp+0,
    0x1.8ace5422aa0dbp+0, 0x1.8f1ae99157736p+0, 0x1.93737b0cdc5e5p+0, 0x1.97d829fde4e50p+0, 0x1.9c49182a3f090p+0,
    0x1.a0c667b5de565p+0, 0x1.a5503b23e255dp+0, 0x1.a9e6b5579fdbfp+0, 0x1.ae89f995ad3adp+0, 0x1.b33a2b84f15fbp+0,
    0x1.b7f76f2fb5e47p+0, 0x1.bcc1e904bc1d2p+0, 0x1.c199bdd85529cp+0, 0x1.c67f12e57d14bp+0, 0x1.cb720dcef9069p+0,
    0x1.d072d4a07897cp+0, 0x1.d5818dcfba487p+0, 0x1.da9e603db3285p+0, 0x1.dfc97337b9b5fp+0, 0x1.e502ee78b3ff6p+0,
    0x1.ea4afa2a490dap+0, 0x1.efa1bee615a27p+0, 0x1.f50765b6e4540p+0, 0x1.fa7c1819e90d8p+0};
alignas(64) inline constexpr double kExp2TableLo[64] = {
    0x0p+0, -0x1.19083535b085dp-56, 0x1.d73e2a475b465p-55, 0x1.186be4bb284ffp-57, 0x1.8a62e4adc610bp-54,
    0x1.03a1727c57b53p-59, -0x1.6c51039449b3ap-54, -0x1.32fbf9af1369ep-54, -0x1.19041b9d78a76p-55,
    0x1.e5b4c7b4968e4p-55, 0x1.e016e00a2643cp-54, 0x1.dc775814a8495p-55, 0x1.9b07eb6c70573p-54,
    0x1.2bd339940e9d9p-55, 0x1.612e8afad1255p-55, 0x1.0024754db41d5p-54, 0x1.6f46ad23182e4p-55,
    0x1.32721843659a6p-54, -0x1.63aeabf42eae2p-54, -0x1.5e436d661f5e3p-56, 0x1.ada0911f09ebcp-55,
    -0x1.ef3691c309278p-58, 0x1.89b7a04ef80d0p-59, 0x1.3c1a3b69062f0p-56, 0x1.d4397afec42e2p-56,
    -0x1.4b309d25957e3p-54, -0x1.07abe1db13cadp-55, 0x1.9bb2c011d93adp-54, 0x1.6324c054647adp-54,
    0x1.ba6f93080e65ep-54, -0x1.383c17e40b497p-54, -0x1.bb60987591c34p-54, -0x1.bdd3413b26456p-54,
    -0x1.bbe3a683c88abp-57, -0x1.16e4786887a99p-55, -0x1.0245957316dd3p-54, -0x1.41577ee04992fp-55,
    0x1.05d02ba15797ep-56, -0x1.d4c1dd41532d8p-54, -0x1.fc6f89bd4f6bap-54, 0x1.6e9f156864b27p-54,
    0x1.5cc13a2e3976cp-55, -0x1.75fc781b57ebcp-57, -0x1.d185b7c1b85d1p-54, 0x1.c7c46b071f2bep-56,
    -0x1.359495d1cd533p-54, -0x1.d2f6edb8d41e1p-54, 0x1.0fac90ef7fd31p-54, 0x1.7a1cd345dcc81p-54,
    -0x1.2805e3084d708p-57, -0x1.5584f7e54ac3bp-56, 0x1.23dd07a2d9e84p-55, 0x1.11065895048ddp-55,
    0x1.2884dff483cadp-54, 0x1.503cbd1e949dbp-56, -0x1.cbc3743797a9cp-54, 0x1.2ed02d75b3707p-55,
    0x1.c2300696db532p-54, -0x1.1a5cd4f184b5cp-54, 0x1.39e8980a9cc8fp-55, -0x1.e9c23179c2893p-54,
    0x1.dc7f486a4b6b0p-54, 0x1.9d3e12dd8a18bp-54, 0x1.74853f3a5931ep-55};

/// log2(x) in double-double for x in [2^-900, 2^900], relative error ~2^-62 (measured
/// against long double; the exponent part is exact): x = 2^e m, m in [sqrt(1/2), sqrt(2)),
/// ln m = 2 atanh(s) = 2s + 2s^3/3 + 2s (s^4/5 + s^6/7 + ...), s = (m - 1)/(m + 1), |s| < 0.172.
/// s is taken in double-double (the quotient and its exact remainder), 2s^3/3 in
/// double-double too (it is up to 1% of the sum: a double would cost 2^-59), and the rest
/// (< 2e-4 of the sum) in double, truncated after s^23 (the next term < 2^-70 of the sum).
/// One template for a double and for lanes: the same operations, the same bits.
template <class T>
[[gnu::always_inline]] inline DoubleDouble<T> log2_dd(T x) noexcept {
  const auto c = [](double v) { return simd::splat<T>(v); };
  const int_t<T> bits = simd::as_int(x);
  int_t<T> e = (bits >> 52) - 1023;
  T m = simd::as_double((bits & 0x000fffffffffffff) | 0x3ff0000000000000);  // [1, 2)
  const mask_t<T> high = m > 1.4142135623730951;
  m = simd::select(high, m * 0.5, m);
  e = simd::select(high, e + 1, e);
  const T num = m - 1.0;              // exact (Sterbenz)
  const T den = 1.0 + m;              // 1 + m == den + den_err exactly (fast two-sum:
  const T den_err = m - (den - 1.0);  // 1 has the larger exponent, m < 2)
  const T inv = 1.0 / den;            // one division: q and its correction both multiply by it
  const T q = num * inv;              // within 2 ulp of num / den
  // s = q + q_lo: the remainder num - q (den + den_err) over den, with q den = qd + qd_err
  // exactly and num - qd exact (Sterbenz: qd is within a few ulp of num).
  T qd, qd_err;
  simd::two_prod(q, den, qd, qd_err);
  const T q_lo = (((num - qd) - qd_err) - q * den_err) * inv;
  const T a = 2.0 * q;
  T t, t_err;  // q^2 exactly
  simd::two_prod(q, q, t, t_err);
  T cube, cube_err;  // 2q^3 = cube + cube_err + a t_err
  simd::two_prod(a, t, cube, cube_err);
  // 2q^3 / 3 = d + d_lo: d = cube * fl(1/3) rounded, its rounding error exact (two_prod),
  // plus cube times 1/3's own error (1/3 = fl(1/3) + 1.85e-17) and the low parts over 3.
  constexpr double kThird = 0x1.5555555555555p-2, kThirdLo = 0x1.5555555555555p-56;
  T d, d_err;
  simd::two_prod(cube, c(kThird), d, d_err);
  const T d_lo = d_err + simd::madd(cube, c(kThirdLo), (cube_err + a * t_err) * kThird);
  // 1/5 + t/7 + ... + t^9/23 in Estrin's order (a short dependency chain).
  const T t2 = t * t, t4 = t2 * t2;
  const T p01 = simd::madd(c(1.0 / 7.0), t, c(1.0 / 5.0)), p23 = simd::madd(c(1.0 / 11.0), t, c(1.0 / 9.0));
  const T p45 = simd::madd(c(1.0 / 15.0), t, c(1.0 / 13.0)), p67 = simd::madd(c(1.0 / 19.0), t, c(1.0 / 17.0));
  const T p89 = simd::madd(c(1.0 / 23.0), t, c(1.0 / 21.0));
  const T p0_3 = simd::madd(p23, t2, p01), p4_7 = simd::madd(p67, t2, p45);
  const T p = simd::madd(simd::madd(p89, t4, p4_7), t4, p0_3);
  const T rest = a * t2 * p;
  // ln m = a + d + (a's low part 2 q_lo, its first-order effect on 2s^3/3 (2 t q_lo), d_lo,
  // rest): |d| < |a|, a fast two-sum, then the low parts added in increasing size.
  const T sh = a + d;
  const T se = d - (sh - a);
  const T lo = se + (d_lo + (rest + (2.0 * q_lo + 2.0 * t * q_lo)));
  // log2 m = ln m * log2(e), log2(e) as hi + lo.  sh + lo is not renormalised (|lo| may
  // reach 2e-4 |sh|: dd_mul's low products still carry it to ~2^-65); the result is, below.
  const DoubleDouble<T> lm = dd_mul(DoubleDouble<T>{sh, lo}, DoubleDouble<T>{c(1.4426950408889634), c(2.0355273740931033e-17)});
  // + e (an integer, |e| < 2^11, converted exactly through the rounding constant's bits): a
  // two-sum (either may be the larger).
  const T ed = simd::as_double(simd::as_int(c(kRoundMagic)) + e) - kRoundMagic;
  const T hi = ed + lm.hi;
  const T bb = hi - ed;
  const T err = (ed - (hi - bb)) + (lm.hi - bb);
  // Renormalised (the low part reaches ~2e-4 of the high one before this): |lo| <= ulp(hi)/2.
  const T low = err + lm.lo;
  const T sum = hi + low;
  return {sum, low - (sum - hi)};
}

/// The largest |n log2 x| the fractional path takes: its error grows with |y| (log2 x's
/// relative error times y), 0.03 ulp at 64.
inline constexpr double kFracMaxExponent = 64.0;

/// table[i] for a double's index, lane by lane for lanes.
template <class T>
[[gnu::always_inline]] inline T table_at(const double* table, int_t<T> i) noexcept {
  if constexpr (std::is_same_v<T, double>) {
    return table[i];
  } else {
    T v;
    for (std::size_t l = 0; l < simd::kLanes; ++l) v[l] = table[i[l]];
    return v;
  }
}

/// 2^y for y = yh + yl, |yh| <= 64, |yl| <= ulp(yh): y = k/64 + r, |r| <= 1/128 (+ yl),
/// 2^y = 2^(k >> 6) * 2^((k & 63)/64) * (1 + P(r)), P(r) = 2^r - 1 by its Taylor series to
/// r^6 (the next term < 2^-65), in Estrin's order (a short dependency chain).
template <class T>
[[gnu::always_inline]] inline T exp2_small(T yh, T yl) noexcept {
  const auto c = [](double v) { return simd::splat<T>(v); };
  const T big = yh * 64.0 + kRoundMagic;         // yh * 64 exact
  const T k = big - kRoundMagic;                 // round(64 yh)
  const T r = (yh - k * (1.0 / 64.0)) + yl;      // the subtraction is exact (Sterbenz, or k == 0)
  const int_t<T> ki = simd::as_int(big) - simd::as_int(kRoundMagic);
  const T hi = table_at<T>(kExp2TableHi, ki & 63), lo = table_at<T>(kExp2TableLo, ki & 63);
  const T r2 = r * r;
  const T c12 = simd::madd(c(0x1.ebfbdff82c58fp-3), r, c(0x1.62e42fefa39efp-1));
  const T c34 = simd::madd(c(0x1.3b2ab6fba4e77p-7), r, c(0x1.c6b08d704a0c0p-5));
  const T c56 = simd::madd(c(0x1.430912f86c787p-13), r, c(0x1.5d87fe78a6731p-10));
  const T poly = simd::madd(simd::madd(c56, r2, c34), r2, c12) * r;  // 2^r - 1, |.| < 0.0055
  const T mantissa = hi + simd::madd(hi, poly, lo);
  const T scale = simd::as_double(((ki >> 6) + 1023) << 52);  // |k >> 6| <= 64: a normal 2^(k >> 6)
  return mantissa * scale;
}

/// y = n log2 x as hi + lo (n times a double-double: an exact product and the low part's
/// share), and whether |y| is within the fractional path's domain (kFracMaxExponent).  The
/// scalar and the lane paths both go through here and exp2_small: the same bits.
template <class T>
struct PowExponent {
  T hi, lo;
  mask_t<T> in_domain;
};
template <class T>
[[gnu::always_inline]] inline PowExponent<T> pow_exponent(T n, const DoubleDouble<T>& log2_x) noexcept {
  T yh, ye;
  simd::two_prod(n, log2_x.hi, yh, ye);
  const mask_t<T> in_domain = (yh >= -kFracMaxExponent) & (yh <= kFracMaxExponent);
  return {yh, simd::madd(n, log2_x.lo, ye), in_domain};
}

/// Lanes (or a value) the fractional path takes: x in range, n in (0, 2^32 - 1], n not whole.
template <class T>
[[gnu::always_inline]] inline mask_t<T> fractional_in_range(T x, T n) noexcept {
  return (x >= kPowMin) & (x <= kPowMax) & (n > 0.0) & (n <= kMaxCount) & ((n + kIntMagic) - kIntMagic != n);
}

/// The last base's log2 (per thread): a caller raising one base to many fractional counts (a
/// simulation's per-block fills, a bisection's probes) computes it once.  A pure cache: hit
/// or miss, the same bits.  x == 0 (never in range) marks it empty.
struct Log2Cache {
  double x = 0.0;
  DoubleDouble<double> log2_x{0.0, 0.0};
};

/// What binary powering does not take, one value: a fractional n > 0 with x in range and
/// |n log2 x| <= 64 by exp2_small, everything else std::pow.
inline double pow_count_other(double x, double n) noexcept {
  if (fractional_in_range(x, n)) {  // false for NaN
    thread_local Log2Cache cache;
    if (cache.x != x) [[unlikely]]
      cache = {x, log2_dd(x)};
    const PowExponent<double> y = pow_exponent(n, cache.log2_x);
    if (y.in_domain) return exp2_small(y.hi, y.lo);
  }
  return std::pow(x, n);
}

/// The lanes binary powering refused (`fallback`; `r` holds the others): fractional counts
/// in range by 2^(n log2 x) on all lanes at once, the rest -- out of range, a power past
/// the range, |n log2 x| > 64 -- std::pow lane by lane.  Out of line: the usual batch (whole
/// counts) never comes here and keeps its loop small.
template <class T>
[[gnu::noinline]] T pow_count_lanes_rest(T x, T n, T r, mask_t<T> fallback) noexcept {
  const mask_t<T> fractional = fractional_in_range(x, n);
  if (simd::any(fractional)) {
    // Other lanes get a harmless base and count; their results are selected away.
    const T xs = simd::select(fractional, x, simd::splat<T>(2.0)), ns = simd::select(fractional, n, simd::splat<T>(0.5));
    const PowExponent<T> y = pow_exponent(ns, log2_dd(xs));
    const mask_t<T> ok = fractional & y.in_domain;
    const T zero = simd::splat<T>(0.0);
    const T f = exp2_small(simd::select(ok, y.hi, zero), simd::select(ok, y.lo, zero));
    r = simd::select(ok, f, r);
    fallback = fallback & simd::mask_not(ok);
  }
  return patch(fallback, r, x, n, [](double a, double b) { return std::pow(a, b); });
}
}  // namespace detail

/// x^n for an item count n (see the accuracy note above); std::pow(x, n) semantics for
/// every argument.  Lanes: the same bits as the scalar pow_count, lane by lane (fractional
/// lanes on lanes too; log2 x is computed for every lane, the scalar path may take it from
/// its cache: the same value).
template <class T>
[[gnu::always_inline]] inline T pow_count(T x, T n) noexcept {
  using namespace detail;
  const T big = n + kIntMagic;
  const mask_t<T> eligible = (x >= kPowMin) & (x <= kPowMax) & (n >= 0.0) & (n <= kMaxCount) & (big - kIntMagic == n);
  const int_t<T> k = simd::select(eligible, simd::as_int(big) - simd::as_int(kIntMagic), int_t<T>{});
  if constexpr (std::is_same_v<T, double>) {
    if (!eligible) return pow_count_other(x, n);
    const double r = pow_binary(x, k);
    return ((r >= kPowMin) & (r <= kPowMax)) ? r : std::pow(x, n);
  } else {
    const T r = pow_binary(x, k);
    const mask_t<T> fallback = simd::mask_not(eligible & (r >= kPowMin) & (r <= kPowMax));
    if (simd::any(fallback)) [[unlikely]]  // whole counts in range (the usual batch) stop here
      return pow_count_lanes_rest(x, n, r, fallback);
    return r;
  }
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
