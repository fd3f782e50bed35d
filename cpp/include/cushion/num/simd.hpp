// cushion/num/simd.hpp — eight doubles at a time, for the f64 batch kernels.
//
// f64x8 is a GCC/Clang vector extension type: arithmetic and comparisons act lane by lane
// with exactly the IEEE operations of scalar code (the project compiles with
// -ffp-contract=off, so no multiply-add is fused behind our back), which is what lets a
// kernel written on f64x8 equal the scalar quote bit for bit.  The compiler lowers it to
// one AVX-512 register, two AVX2 registers or four SSE2 registers, whatever the target.
//
// The helpers are overloaded for `double` (mask: bool) and `f64x8` (mask: i64x8 with -1 /
// 0 lanes), so that a numeric routine written once as a template (fast_math.hpp) is the
// same sequence of operations in the scalar quote and in the batch kernel.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#if defined(__AVX512F__) || defined(__FMA__)
#include <immintrin.h>
#endif

// Passing 64-byte vectors by value changes the ABI on targets without AVX-512; every
// function taking them is inline, so there is no ABI to keep stable.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

namespace cushion::num::simd {

inline constexpr std::size_t kLanes = 8;

using f64x8 = double __attribute__((vector_size(64)));
using i64x8 = std::int64_t __attribute__((vector_size(64)));
using u64x8 = std::uint64_t __attribute__((vector_size(64)));
using u8x8 = std::uint8_t __attribute__((vector_size(8)));

// ---- loads, stores, broadcasts -------------------------------------------------------

[[gnu::always_inline]] inline f64x8 load(const double* p) noexcept {
  f64x8 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
[[gnu::always_inline]] inline void store(double* p, f64x8 v) noexcept { std::memcpy(p, &v, sizeof v); }
/// The low byte of each lane (values 0..255), as eight bytes.
[[gnu::always_inline]] inline void store_bytes(std::uint8_t* p, i64x8 v) noexcept {
#if defined(__AVX512F__)
  // One vpmovqb (GCC lowers the generic conversion through the stack, byte by byte).
  _mm512_mask_cvtepi64_storeu_epi8(p, 0xFF, reinterpret_cast<__m512i>(v));
#else
  const u8x8 b = __builtin_convertvector(v, u8x8);
  std::memcpy(p, &b, sizeof b);
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

/// The mask type of a value type: bool for double, i64x8 for f64x8.
template <class T>
using mask_t = std::conditional_t<std::is_same_v<T, double>, bool, i64x8>;
/// The integer lane type of a value type: int64 for double, i64x8 for f64x8.
template <class T>
using int_t = std::conditional_t<std::is_same_v<T, double>, std::int64_t, i64x8>;

[[gnu::always_inline]] inline double select(bool m, double a, double b) noexcept { return m ? a : b; }
[[gnu::always_inline]] inline f64x8 select(i64x8 m, f64x8 a, f64x8 b) noexcept { return m ? a : b; }
[[gnu::always_inline]] inline std::int64_t select(bool m, std::int64_t a, std::int64_t b) noexcept { return m ? a : b; }
[[gnu::always_inline]] inline i64x8 select(i64x8 m, i64x8 a, i64x8 b) noexcept { return m ? a : b; }

[[gnu::always_inline]] inline bool mask_not(bool m) noexcept { return !m; }
[[gnu::always_inline]] inline i64x8 mask_not(i64x8 m) noexcept { return ~m; }
/// The OR / AND of all lanes (a scalar is its own reduction).
[[gnu::always_inline]] inline std::int64_t reduce_or(std::int64_t v) noexcept { return v; }
[[gnu::always_inline]] inline std::int64_t reduce_or(i64x8 v) noexcept {
  v |= __builtin_shufflevector(v, v, 4, 5, 6, 7, 0, 1, 2, 3);
  v |= __builtin_shufflevector(v, v, 2, 3, 0, 1, 6, 7, 4, 5);
  v |= __builtin_shufflevector(v, v, 1, 0, 3, 2, 5, 4, 7, 6);
  return v[0];
}
[[gnu::always_inline]] inline std::int64_t reduce_and(i64x8 v) noexcept {
  v &= __builtin_shufflevector(v, v, 4, 5, 6, 7, 0, 1, 2, 3);
  v &= __builtin_shufflevector(v, v, 2, 3, 0, 1, 6, 7, 4, 5);
  v &= __builtin_shufflevector(v, v, 1, 0, 3, 2, 5, 4, 7, 6);
  return v[0];
}

[[gnu::always_inline]] inline bool any(bool m) noexcept { return m; }
[[gnu::always_inline]] inline bool any(i64x8 m) noexcept { return reduce_or(m) != 0; }
[[gnu::always_inline]] inline bool all(bool m) noexcept { return m; }
[[gnu::always_inline]] inline bool all(i64x8 m) noexcept { return reduce_and(m) != 0; }

// ---- bit casts -----------------------------------------------------------------------

[[gnu::always_inline]] inline std::int64_t as_int(double v) noexcept { return std::bit_cast<std::int64_t>(v); }
[[gnu::always_inline]] inline i64x8 as_int(f64x8 v) noexcept { return reinterpret_cast<i64x8>(v); }
[[gnu::always_inline]] inline double as_double(std::int64_t v) noexcept { return std::bit_cast<double>(v); }
[[gnu::always_inline]] inline f64x8 as_double(i64x8 v) noexcept { return reinterpret_cast<f64x8>(v); }

// ---- exact products ------------------------------------------------------------------

/// a * b == p + e exactly (p = fl(a * b)), for |a|, |b|, |p| in [2^-900, 2^900] (no
/// underflow of e, no overflow of Dekker's split).  With FMA hardware e = fma(a, b, -p);
/// without it Dekker's product, which is exact too, so both give the same bits.
[[gnu::always_inline]] inline void two_prod(double a, double b, double& p, double& e) noexcept {
  p = a * b;
#if defined(__FMA__)
  e = std::fma(a, b, -p);
#else
  constexpr double split = 134217729.0;  // 2^27 + 1 (Veltkamp)
  const double ta = split * a, ah = ta - (ta - a), al = a - ah;
  const double tb = split * b, bh = tb - (tb - b), bl = b - bh;
  e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
#endif
}
[[gnu::always_inline]] inline void two_prod(f64x8 a, f64x8 b, f64x8& p, f64x8& e) noexcept {
  p = a * b;
#if defined(__AVX512F__)
  e = reinterpret_cast<f64x8>(
      _mm512_fmadd_pd(reinterpret_cast<__m512d>(a), reinterpret_cast<__m512d>(b), reinterpret_cast<__m512d>(-p)));
#elif defined(__FMA__)
  for (std::size_t h = 0; h < kLanes; h += 4) {
    __m256d ra, rb, rp;
    std::memcpy(&ra, reinterpret_cast<const double*>(&a) + h, sizeof ra);
    std::memcpy(&rb, reinterpret_cast<const double*>(&b) + h, sizeof rb);
    const f64x8 np = -p;
    std::memcpy(&rp, reinterpret_cast<const double*>(&np) + h, sizeof rp);
    const __m256d r = _mm256_fmadd_pd(ra, rb, rp);
    std::memcpy(reinterpret_cast<double*>(&e) + h, &r, sizeof r);
  }
#else
  const f64x8 split = splat<f64x8>(134217729.0);
  const f64x8 ta = split * a, ah = ta - (ta - a), al = a - ah;
  const f64x8 tb = split * b, bh = tb - (tb - b), bl = b - bh;
  e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
#endif
}

}  // namespace cushion::num::simd
