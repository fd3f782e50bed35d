// cushion/batch/kernels.hpp — the f64 curves' buy and sell a vector register of quotes at a time.
//
// Each kernel is the F64 curve's quote (curves/*.hpp with num::F64) transcribed onto
// simd::f64v: the same IEEE operations in the same order, with F64's NaN-on-revert steps
// (sub, div) as lane selects and the curve's early returns replaced by an error code
// chosen with the same precedence (the first check in the curve is applied last, so it
// wins).  A failed lane gets zero amounts and its unchanged state, as Quote::failed.  The
// powers go through num::fast, which the scalar F64 policy calls too, so every lane equals
// the scalar quote bit for bit; tests/cpp/test_kernels.cpp checks that on random and edge
// inputs (n = 0, n >= the reserve, overflows, underflows, reverts, NaN-producing steps).
//
// The curves stay the checked, readable definition; a kernel is only an evaluation
// strategy for quote_f64 (quote.hpp), which uses it for rows whose operands are contiguous
// or broadcast, and the generic element loop otherwise.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <limits>

#include "cushion/batch/schema.hpp"
#include "cushion/num/fast_math.hpp"
#include "cushion/num/simd.hpp"

namespace cushion::batch::kernels {

using num::F64;
using num::simd::f64v;
using num::simd::i64v;
using num::simd::select;

// ---- F64's operations on lanes (num/policy.hpp) --------------------------------------

[[gnu::always_inline]] inline f64v nan_lanes() noexcept {
  return num::simd::splat<f64v>(std::numeric_limits<double>::quiet_NaN());
}
/// F64::sub: a - b, NaN where it would underflow (a < b, or NaN).
[[gnu::always_inline]] inline f64v sub(f64v a, f64v b) noexcept { return select(a >= b, a - b, nan_lanes()); }
/// F64::div (and div_wad, ud_div): a / b, NaN where b == 0.
[[gnu::always_inline]] inline f64v div(f64v a, f64v b) noexcept { return select(b != 0.0, a / b, nan_lanes()); }
/// F64::representable.
[[gnu::always_inline]] inline i64v representable(f64v v) noexcept { return (v >= 0.0) & (v <= F64::max_u256_amount()); }
/// std::floor, for the lanes a curve can produce (exact for every double but -0.0, which
/// gives +0.0; no curve floors a negative zero).
[[gnu::always_inline]] inline f64v floor(f64v v) noexcept {
  const i64v small = (v < 0x1p51) & (v > -0x1p51) & (v != 0.0);  // false for NaN, inf, integral |v|
  f64v r = (v + 0x1.8p52) - 0x1.8p52;                            // nearest integer
  r = select(r > v, r - 1.0, r);
  return select(small, r, v);
}

[[gnu::always_inline]] inline i64v code(curves::CurveError e) noexcept {
  return num::simd::splat_int<i64v>(static_cast<std::int64_t>(e));
}

/// One register of quotes (simd::kLanes).  next[j] is CurveSchema<Curve>::next[j] (unused entries stay zero).
struct Lanes {
  f64v value, trade_fee, protocol_fee, items;
  std::array<f64v, 2> next;
  i64v error;
};

/// The quote lanes: amounts where error == ok, zeros elsewhere; `next` where ok, else the
/// unchanged state (Quote::failed).  `error` already holds every lane's code, except that
/// a lane the curve would have passed to make_quote (pending == true) turns reverted when
/// an amount is not representable.
[[gnu::always_inline]] inline Lanes assemble(i64v error, f64v value, f64v trade_fee, f64v protocol_fee, f64v items,
                                             std::array<f64v, 2> next, std::array<f64v, 2> unchanged) noexcept {
  const i64v ok = error == 0;
  const f64v zero{};
  Lanes q;
  q.error = error;
  q.value = select(ok, value, zero);
  q.trade_fee = select(ok, trade_fee, zero);
  q.protocol_fee = select(ok, protocol_fee, zero);
  q.items = select(ok, items, zero);
  q.next = {select(ok, next[0], unchanged[0]), select(ok, next[1], unchanged[1])};
  return q;
}

/// make_quote's check: reverted unless every amount is representable.
[[gnu::always_inline]] inline i64v made(f64v value, f64v trade_fee, f64v protocol_fee) noexcept {
  using curves::CurveError;
  return select(representable(value) & representable(trade_fee) & representable(protocol_fee), code(CurveError::ok),
                code(CurveError::reverted));
}

template <class Curve>
struct Kernel;  // no kernel: quote_f64 runs the generic element loop

/// XYK<F64> (curves/xyk.hpp).  Operands: token_reserve, nft_reserve, fee, protocol_fee, n.
template <>
struct Kernel<curves::XYK<F64>> {
  template <bool Buy>
  [[gnu::always_inline]] static Lanes quote(const f64v* p) noexcept {
    using curves::CurveError;
    const f64v x = p[0], y = p[1], fee = p[2], pfee = p[3], n = p[4];
    if constexpr (Buy) {
      const f64v new_y = sub(y, n);
      const f64v raw = div(n * x, new_y);
      const f64v protocol_fee = raw * pfee;
      const f64v trade_fee = raw * fee;
      const f64v value = (raw + trade_fee) + protocol_fee;
      const f64v new_x = x + raw;
      i64v error = made(value, trade_fee, protocol_fee);
      error = select(new_x > F64::max_u128_amount(), code(CurveError::spot_price_overflow), error);
      error = select((n == 0.0) | ~(n < y), code(CurveError::invalid_numitems), error);
      return assemble(error, value, trade_fee, protocol_fee, n, {new_x, new_y}, {x, y});
    } else {
      const f64v new_y = y + n;
      const f64v raw = div(n * x, new_y);
      const f64v protocol_fee = raw * pfee;
      const f64v trade_fee = raw * fee;
      const f64v value = sub(sub(raw, trade_fee), protocol_fee);
      i64v error = made(value, trade_fee, protocol_fee);
      error = select(new_y > F64::max_u128_count(), code(CurveError::delta_overflow), error);
      error = select(n == 0.0, code(CurveError::invalid_numitems), error);
      // x - V, never below zero: n x / (y + n) may round an ulp above x when n >> y (the
      // scalar XYK's reserve_after_sale, an issue-8 fuzz finding; sub() would give NaN).
      const f64v new_x = select(raw < x, x - raw, f64v{});
      return assemble(error, value, trade_fee, protocol_fee, n, {new_x, new_y}, {x, y});
    }
  }
};

/// Linear<F64> (curves/linear.hpp).  Operands: spot_price, delta, fee, protocol_fee, n.
template <>
struct Kernel<curves::Linear<F64>> {
  template <bool Buy>
  [[gnu::always_inline]] static Lanes quote(const f64v* p) noexcept {
    using curves::CurveError;
    const f64v spot = p[0], delta = p[1], fee = p[2], pfee = p[3], n = p[4];
    const f64v zero{};
    if constexpr (Buy) {
      const f64v new_spot = spot + delta * n;
      const f64v buy_spot = spot + delta;
      const f64v series = ((n * (n - 1.0)) * delta) / 2.0;
      const f64v raw = n * buy_spot + series;
      const f64v protocol_fee = raw * pfee;
      const f64v trade_fee = raw * fee;
      const f64v value = raw + (trade_fee + protocol_fee);
      i64v error = made(value, trade_fee, protocol_fee);
      error = select(new_spot > F64::max_u128_amount(), code(CurveError::spot_price_overflow), error);
      error = select(n == 0.0, code(CurveError::invalid_numitems), error);
      return assemble(error, value, trade_fee, protocol_fee, n, {new_spot, zero}, {spot, zero});
    } else {
      const f64v decrease = delta * n;
      const i64v clamped = spot < decrease;  // the sale stops where the price reaches zero
      const f64v items = select(clamped, floor(div(spot, delta)) + 1.0, n);
      const f64v new_spot = select(clamped, zero, sub(spot, decrease));
      const f64v series = ((items * (items - 1.0)) * delta) / 2.0;
      const f64v raw = sub(items * spot, series);
      const f64v protocol_fee = raw * pfee;
      const f64v trade_fee = raw * fee;
      const f64v value = sub(raw, trade_fee + protocol_fee);
      i64v error = made(value, trade_fee, protocol_fee);
      error = select(n == 0.0, code(CurveError::invalid_numitems), error);
      return assemble(error, value, trade_fee, protocol_fee, items, {new_spot, zero}, {spot, zero});
    }
  }
};

/// Exponential<F64> (curves/exponential.hpp).  Operands: spot_price, delta, fee, protocol_fee, n.
template <>
struct Kernel<curves::Exponential<F64>> {
  template <bool Buy>
  [[gnu::always_inline]] static Lanes quote(const f64v* p) noexcept {
    using curves::CurveError;
    const f64v spot = p[0], delta = p[1], fee = p[2], pfee = p[3], n = p[4];
    const f64v zero{}, one = 1.0 + zero;
    f64v new_spot, raw;
    i64v error_code, out_of_range;  // the spot price's range check
    if constexpr (Buy) {
      const f64v delta_pow_n = num::fast::pow_count(delta, n);
      new_spot = spot * delta_pow_n;
      out_of_range = new_spot > F64::max_u128_amount();
      error_code = code(CurveError::spot_price_overflow);
      raw = (spot * delta) * div(sub(delta_pow_n, one), sub(delta, one));
    } else {
      const f64v inv_delta = div(one, delta);
      const f64v inv_delta_pow_n = num::fast::pow_count(inv_delta, n);
      new_spot = spot * inv_delta_pow_n;
      out_of_range = new_spot < curves::Exponential<F64>::min_price();
      error_code = code(CurveError::spot_price_underflow);
      raw = spot * div(sub(one, inv_delta_pow_n), sub(one, inv_delta));
    }
    const f64v protocol_fee = raw * pfee;
    const f64v trade_fee = raw * fee;
    const f64v value = Buy ? raw + (protocol_fee + trade_fee) : sub(raw, protocol_fee + trade_fee);
    i64v error = made(value, trade_fee, protocol_fee);
    error = select(out_of_range, error_code, error);
    error = select(n == 0.0, code(CurveError::invalid_numitems), error);
    return assemble(error, value, trade_fee, protocol_fee, n, {new_spot, zero}, {spot, zero});
  }
};

/// GDA<F64> (curves/gda.hpp).  Operands: spot_price, alpha, decay, t0, now, fee, protocol_fee, n.
template <>
struct Kernel<curves::GDA<F64>> {
  template <bool Buy>
  [[gnu::always_inline]] static Lanes quote(const f64v* p) noexcept {
    using curves::CurveError;
    using Curve = curves::GDA<F64>;
    const f64v spot = p[0], alpha = p[1], lambda = p[2], t0 = p[3], now = p[4], fee = p[5], pfee = p[6], n = p[7];
    const f64v one = 1.0 + f64v{};
    // decay_factor(): 2^(lambda (now - t0)), the exponent capped at 10 when its whole part
    // exceeds 10 (F64::ud_pow(2, y) is fast::exp2(y)).
    f64v exponent = sub(now, t0) * lambda;
    exponent =
        select(floor(exponent) > double(Curve::kMaxTimeExponent), one * double(Curve::kMaxTimeExponent), exponent);
    const f64v time_factor = num::fast::exp2(exponent);
    const f64v alpha_pow_n = num::fast::pow_count(alpha, n);
    f64v new_spot, raw;
    if constexpr (Buy) {
      new_spot = div(spot * alpha_pow_n, time_factor);
      raw = div(div(spot * sub(alpha_pow_n, one), sub(alpha, one)), time_factor);
    } else {
      const f64v boosted = spot * time_factor;
      new_spot = div(boosted, alpha_pow_n);
      raw = div(div(boosted, div(alpha_pow_n, alpha)) * sub(alpha_pow_n, one), sub(alpha, one));
    }
    const f64v protocol_fee = raw * pfee;
    const f64v trade_fee = raw * fee;
    const f64v value = Buy ? (raw + protocol_fee) + trade_fee : sub(sub(raw, protocol_fee), trade_fee);
    i64v error = made(value, trade_fee, protocol_fee);
    error = select(new_spot < Curve::min_price(), code(CurveError::spot_price_underflow), error);
    error = select(new_spot > F64::max_u128_amount(), code(CurveError::spot_price_overflow), error);
    error = select(n == 0.0, code(CurveError::invalid_numitems), error);
    return assemble(error, value, trade_fee, protocol_fee, n, {new_spot, now}, {spot, t0});
  }
};

template <class Curve>
concept HasKernel = requires(const f64v* p) {
  Kernel<Curve>::template quote<true>(p);
};

/// One register of quotes, and the operands' domain check ([0, upper], not NaN) folded into
/// `in_domain`.  A function, not a lambda: GCC does not inline a lambda this large, and
/// the call would spill every lane.
template <class Curve, bool Buy, std::size_t P>
[[gnu::always_inline]] inline Lanes quote_lanes(const std::array<f64v, P>& p, i64v& in_domain) noexcept {
  using S = CurveSchema<Curve>;
  for (std::size_t k = 0; k < P; ++k) in_domain &= (p[k] >= 0.0) & (p[k] <= S::upper[k]);
  return Kernel<Curve>::template quote<Buy>(p.data());
}

/// Rows at least this long write their double columns with streaming stores (when the
/// columns share one alignment): ~1.5 MiB of outputs and more, past the L2 cache, where a
/// plain store first reads each line it overwrites.  Measured on the benchmark machine:
/// six columns of 10^6 doubles take 5.5 ns per element with plain stores, 2.9 streamed.
inline constexpr std::size_t kStreamMinLength = std::size_t{1} << 15;

/// Quotes one row of `len` elements whose operands are contiguous (stride 1) or broadcast
/// (stride 0), simd::kLanes at a time, into the output columns (which must not overlap the
/// inputs).  Returns whether every operand was in its domain ([0, upper], not NaN); when
/// not, the outputs are to be discarded (quote_f64_checked then names the element).
template <class Curve, bool Buy, std::size_t P, std::size_t NextN>
bool quote_row(const std::array<const double*, P>& ptr, const std::array<std::ptrdiff_t, P>& stride, std::size_t len,
               double* value, double* trade_fee, double* protocol_fee, std::uint8_t* error, double* items,
               const std::array<double*, NextN>& next) noexcept {
  using S = CurveSchema<Curve>;
  static_assert(S::params.size() == P && S::next.size() == NextN && NextN <= 2);
  namespace simd = num::simd;
  constexpr std::size_t W = simd::kLanes;
  // A broadcast operand reads a splat buffer that does not advance: every operand is then
  // one load and one pointer bump per step, with no branch on the stride in the loop.
  alignas(64) std::array<std::array<double, W>, P> splat;
  std::array<const double*, P> src;
  std::array<std::size_t, P> step;
  for (std::size_t k = 0; k < P; ++k) {
    if (stride[k] == 0) {
      splat[k].fill(ptr[k][0]);
      src[k] = splat[k].data();
      step[k] = 0;
    } else {
      src[k] = ptr[k];
      step[k] = W;
    }
  }
  i64v in_domain = ~i64v{};

  // Fewer than W elements at i: their operands padded with copies of the first, so that
  // the padding lanes compute valid quotes that are then dropped.
  const auto partial = [&](std::size_t i, std::size_t count) {
    std::array<f64v, P> p;
    for (std::size_t k = 0; k < P; ++k) {
      alignas(64) std::array<double, W> lane;
      lane.fill(src[k][0]);
      if (step[k] != 0) std::memcpy(lane.data(), src[k], count * sizeof(double));
      p[k] = simd::load(lane.data());
      if (step[k] != 0) src[k] += count;
    }
    const Lanes q = quote_lanes<Curve, Buy>(p, in_domain);
    const auto put = [count](double* out, f64v v) { std::memcpy(out, &v, count * sizeof(double)); };
    put(value + i, q.value);
    put(trade_fee + i, q.trade_fee);
    put(protocol_fee + i, q.protocol_fee);
    put(items + i, q.items);
    for (std::size_t j = 0; j < NextN; ++j) put(next[j] + i, q.next[j]);
    std::array<std::uint8_t, W> codes;
    simd::store_bytes(codes.data(), q.error);
    std::memcpy(error + i, codes.data(), count);
  };
  // The full steps from i to end, with plain or streaming stores of the double columns.
  // Locals for the loop state: the stores are memcpy's, which may alias anything, and
  // would otherwise reload the pointers and the flag every step.
  const auto body = [&]<bool Stream>(std::size_t i, std::size_t end) {
    std::array<const double*, P> at = src;
    const std::array<std::size_t, P> advance = step;
    i64v ok = in_domain;
    for (; i < end; i += W) {
      std::array<f64v, P> p;
      for (std::size_t k = 0; k < P; ++k) {
        p[k] = simd::load(at[k]);
        at[k] += advance[k];
      }
      const Lanes q = quote_lanes<Curve, Buy>(p, ok);
      const auto put = [i](double* out, f64v v) {
        if constexpr (Stream)
          simd::stream(out + i, v);
        else
          simd::store(out + i, v);
      };
      put(value, q.value);
      put(trade_fee, q.trade_fee);
      put(protocol_fee, q.protocol_fee);
      put(items, q.items);
      for (std::size_t j = 0; j < NextN; ++j) put(next[j], q.next[j]);
      simd::store_bytes(error + i, q.error);
    }
    src = at;
    in_domain = ok;
  };

  // Streaming needs every double column at the same offset within a vector, so that one
  // head of plain stores aligns them all.
  const auto phase = [](const double* q) { return reinterpret_cast<std::uintptr_t>(q) % simd::kStreamAlignment; };
  bool aligned_together = phase(value) % sizeof(double) == 0;
  for (const double* column : {trade_fee, protocol_fee, items})
    aligned_together = aligned_together && phase(column) == phase(value);
  for (std::size_t j = 0; j < NextN; ++j) aligned_together = aligned_together && phase(next[j]) == phase(value);
  std::size_t i = 0;
  if (simd::kCanStream && len >= kStreamMinLength && aligned_together) {
    const std::size_t head = (simd::kStreamAlignment - phase(value)) % simd::kStreamAlignment / sizeof(double);
    if (head != 0) partial(0, head);
    i = head;
    const std::size_t end = i + (len - i) / W * W;
    body.template operator()<true>(i, end);
    simd::stream_fence();
    i = end;
  } else {
    const std::size_t end = len / W * W;
    body.template operator()<false>(0, end);
    i = end;
  }
  if (i != len) partial(i, len - i);
  return simd::all(in_domain);
}

}  // namespace cushion::batch::kernels
