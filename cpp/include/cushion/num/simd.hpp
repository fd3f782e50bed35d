// cushion/num/simd.hpp — doubles a register at a time, for the f64 batch kernels.
//
// f64v is a GCC/Clang vector extension type as wide as the target's vector registers
// (8 lanes with AVX-512, 4 with AVX/AVX2, 2 with SSE2): arithmetic and comparisons act
// lane by lane with exactly the IEEE operations of scalar code (the project compiles with
// -ffp-contract=off, so no multiply-add is fused behind our back), which is what lets a
// kernel written on f64v equal the scalar quote bit for bit.  The width follows the
// target because a vector wider than the registers is lowered lane by lane around every
// mask and select (measured: 10-20x slower than the native width).
//
// The helpers are overloaded for `double` (mask: bool) and `f64v` (mask: i64v with -1 /
// 0 lanes), so that a numeric routine written once as a template (fast_math.hpp) is the
// same sequence of operations in the scalar quote and in the batch kernel.
#pragma once

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

namespace cushion::num::simd {

#if defined(__AVX512F__)
inline constexpr std::size_t kLanes = 8;
#elif defined(__AVX__)
inline constexpr std::size_t kLanes = 4;
#else
inline constexpr std::size_t kLanes = 2;
#endif

using f64v = double __attribute__((vector_size(8 * kLanes)));
using i64v = std::int64_t __attribute__((vector_size(8 * kLanes)));
using u8v = std::uint8_t __attribute__((vector_size(kLanes)));

// ---- loads, stores, broadcasts -------------------------------------------------------

[[gnu::always_inline]] inline f64v load(const double* p) noexcept {
  f64v v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
[[gnu::always_inline]] inline void store(double* p, f64v v) noexcept { std::memcpy(p, &v, sizeof v); }
/// The low byte of each lane (values 0..255), kLanes bytes.
[[gnu::always_inline]] inline void store_bytes(std::uint8_t* p, i64v v) noexcept {
#if defined(__AVX512F__)
  // One vpmovqb (GCC lowers the generic conversion through the stack, byte by byte).
  _mm512_mask_cvtepi64_storeu_epi8(p, 0xFF, reinterpret_cast<__m512i>(v));
#else
  for (std::size_t l = 0; l < kLanes; ++l) p[l] = static_cast<std::uint8_t>(v[l]);
#endif
}

/// Streaming (non-temporal) stores: a whole vector written past the caches, without the
/// read-for-ownership of the line a plain store does.  `p` must be kStreamAlignment-aligned;
/// call stream_fence() before the data is handed to anyone else.
inline constexpr bool kCanStream =
#if defined(__SSE2__)
    true;
#else
    false;
#endif
inline constexpr std::size_t kStreamAlignment = 8 * kLanes;
[[gnu::always_inline]] inline void stream(double* p, f64v v) noexcept {
#if defined(__AVX512F__)
  _mm512_stream_pd(p, reinterpret_cast<__m512d>(v));
#elif defined(__AVX__)
  _mm256_stream_pd(p, reinterpret_cast<__m256d>(v));
#elif defined(__SSE2__)
  _mm_stream_pd(p, reinterpret_cast<__m128d>(v));
#else
  store(p, v);
#endif
}
[[gnu::always_inline]] inline void stream_fence() noexcept {
#if defined(__SSE2__)
  _mm_sfence();
#endif
}

template <class T>
[[gnu::always_inline]] inline T splat(double v) noexcept {
  if constexpr (std::is_same_v<T, double>) {
    return v;
  } else {
    return T{} + v;
  }
}
template <class T>
[[gnu::always_inline]] inline T splat_int(std::int64_t v) noexcept {
  if constexpr (std::is_same_v<T, std::int64_t>) {
    return v;
  } else {
    return T{} + v;
  }
}

// ---- masks ---------------------------------------------------------------------------

/// The mask type of a value type: bool for double, i64v for f64v.
template <class T>
using mask_t = std::conditional_t<std::is_same_v<T, double>, bool, i64v>;
/// The integer lane type of a value type: int64 for double, i64v for f64v.
template <class T>
using int_t = std::conditional_t<std::is_same_v<T, double>, std::int64_t, i64v>;

[[gnu::always_inline]] inline double select(bool m, double a, double b) noexcept { return m ? a : b; }
[[gnu::always_inline]] inline f64v select(i64v m, f64v a, f64v b) noexcept { return m ? a : b; }
[[gnu::always_inline]] inline std::int64_t select(bool m, std::int64_t a, std::int64_t b) noexcept { return m ? a : b; }
[[gnu::always_inline]] inline i64v select(i64v m, i64v a, i64v b) noexcept { return m ? a : b; }

[[gnu::always_inline]] inline bool mask_not(bool m) noexcept { return !m; }
[[gnu::always_inline]] inline i64v mask_not(i64v m) noexcept { return ~m; }

/// The OR / AND of all lanes (a scalar is its own reduction).
[[gnu::always_inline]] inline std::int64_t reduce_or(std::int64_t v) noexcept { return v; }
[[gnu::always_inline]] inline std::int64_t reduce_or(i64v v) noexcept {
#if defined(__AVX512F__)
  // Halving shuffles (the lane loop extracts eight scalars).
  v |= __builtin_shufflevector(v, v, 4, 5, 6, 7, 0, 1, 2, 3);
  v |= __builtin_shufflevector(v, v, 2, 3, 0, 1, 6, 7, 4, 5);
  v |= __builtin_shufflevector(v, v, 1, 0, 3, 2, 5, 4, 7, 6);
  return v[0];
#else
  std::int64_t r = 0;
  for (std::size_t l = 0; l < kLanes; ++l) r |= v[l];
  return r;
#endif
}
[[gnu::always_inline]] inline std::int64_t reduce_and(i64v v) noexcept {
#if defined(__AVX512F__)
  v &= __builtin_shufflevector(v, v, 4, 5, 6, 7, 0, 1, 2, 3);
  v &= __builtin_shufflevector(v, v, 2, 3, 0, 1, 6, 7, 4, 5);
  v &= __builtin_shufflevector(v, v, 1, 0, 3, 2, 5, 4, 7, 6);
  return v[0];
#else
  std::int64_t r = -1;
  for (std::size_t l = 0; l < kLanes; ++l) r &= v[l];
  return r;
#endif
}

[[gnu::always_inline]] inline bool any(bool m) noexcept { return m; }
[[gnu::always_inline]] inline bool any(i64v m) noexcept { return reduce_or(m) != 0; }
[[gnu::always_inline]] inline bool all(bool m) noexcept { return m; }
[[gnu::always_inline]] inline bool all(i64v m) noexcept { return reduce_and(m) != 0; }

// ---- bit casts -----------------------------------------------------------------------

[[gnu::always_inline]] inline std::int64_t as_int(double v) noexcept { return std::bit_cast<std::int64_t>(v); }
[[gnu::always_inline]] inline i64v as_int(f64v v) noexcept { return reinterpret_cast<i64v>(v); }
[[gnu::always_inline]] inline double as_double(std::int64_t v) noexcept { return std::bit_cast<double>(v); }
[[gnu::always_inline]] inline f64v as_double(i64v v) noexcept { return reinterpret_cast<f64v>(v); }

// ---- multiply-add and exact products -----------------------------------------

/// a * b + c: one rounding (fma) where the target has FMA, else two (a * b, then + c).
/// Only the polynomial and correction terms of fast_math.hpp use it, where either is
/// accurate enough; a software fma (libm, no FMA hardware) would cost ~30 ns a call.  So
/// f64 results may differ in the last bit between FMA and non-FMA builds, never between
/// the scalar and batch paths of one build.
[[gnu::always_inline]] inline double madd(double a, double b, double c) noexcept {
#if defined(__FMA__)
  return std::fma(a, b, c);
#else
  return a * b + c;
#endif
}
[[gnu::always_inline]] inline f64v madd(f64v a, f64v b, f64v c) noexcept {
#if defined(__AVX512F__)
  return reinterpret_cast<f64v>(
      _mm512_fmadd_pd(reinterpret_cast<__m512d>(a), reinterpret_cast<__m512d>(b), reinterpret_cast<__m512d>(c)));
#elif defined(__FMA__) && defined(__AVX__)
  return reinterpret_cast<f64v>(
      _mm256_fmadd_pd(reinterpret_cast<__m256d>(a), reinterpret_cast<__m256d>(b), reinterpret_cast<__m256d>(c)));
#elif defined(__FMA__)
  f64v r;
  for (std::size_t l = 0; l < kLanes; ++l) r[l] = std::fma(a[l], b[l], c[l]);
  return r;
#else
  return a * b + c;
#endif
}

/// a * b == p + e exactly (p = fl(a * b)), for |a|, |b|, |p| in [2^-900, 2^900] (no
/// underflow of e, no overflow of Dekker's split).  With FMA hardware e = fma(a, b, -p);
/// without it Dekker's product (a software fma would be slow), which is exact too, so
/// both give the same bits.
template <class T>
[[gnu::always_inline]] inline void two_prod(T a, T b, T& p, T& e) noexcept {
  p = a * b;
#if defined(__FMA__)
  e = madd(a, b, -p);  // fused here: exact
#else
  const T split = splat<T>(134217729.0);  // 2^27 + 1 (Veltkamp)
  const T ta = split * a, ah = ta - (ta - a), al = a - ah;
  const T tb = split * b, bh = tb - (tb - b), bl = b - bh;
  e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
#endif
}

}  // namespace cushion::num::simd
