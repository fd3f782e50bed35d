// bench/naive_boost.hpp — a naive Boost.Multiprecision transcription of sudoswap's exact
// exponential buy, kept as a comparison peer for the benchmarks (bench_curves.cpp,
// bench/throughput.py).
//
// It is what one writes with a checked 256-bit integer type and no further thought: the
// same formulas and rounding as cushion::curves::Exponential<Evm256>::buy (solmate's
// rpow, mulWadUp, divWadUp), every operation on Boost's checked uint256 (overflow throws
// std::overflow_error, a negative result std::range_error), no fast paths for 64- or
// 128-bit operands or the WAD divisor.  tests/cpp/test_naive_boost.cpp checks that it
// returns cushion's quotes, so the benchmark compares the same computation.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

namespace cushion::bench {

namespace bmp = boost::multiprecision;
using checked_uint256 =
    bmp::number<bmp::cpp_int_backend<256, 256, bmp::unsigned_magnitude, bmp::checked, void>, bmp::et_off>;

struct NaiveQuote {
  int error = 0;  ///< sudoswap's CurveErrorCodes (0 ok, 1 invalid n, 2 spot price overflow)
  checked_uint256 new_spot, value, trade_fee, protocol_fee;
};

inline const checked_uint256& naive_wad() {
  static const checked_uint256 wad(1000000000000000000ULL);
  return wad;
}

/// solmate mulDivUp(x, y, d): ceil(x * y / d); x * y must fit in 256 bits.
inline checked_uint256 naive_mul_div_up(const checked_uint256& x, const checked_uint256& y, const checked_uint256& d) {
  const checked_uint256 p = x * y;  // throws on overflow, like the Solidity require
  return p / d + (p % d != 0 ? 1 : 0);
}

/// solmate rpow(x, n, 1e18): square-and-multiply, each step rounded half up.
inline checked_uint256 naive_rpow(checked_uint256 x, unsigned long long n) {
  const checked_uint256& scalar = naive_wad();
  const checked_uint256 half = scalar / 2;
  if (x == 0) return n == 0 ? scalar : checked_uint256(0);
  checked_uint256 z = (n & 1) ? x : scalar;
  for (n >>= 1; n != 0; n >>= 1) {
    if ((x >> 128) != 0) throw std::overflow_error("rpow: x^2 overflows");
    x = (x * x + half) / scalar;
    if (n & 1) z = (z * x + half) / scalar;
  }
  return z;
}

/// sudoswap v2 ExponentialCurve.getBuyInfo(spot, delta, n, fee, protocol_fee).
inline NaiveQuote naive_exponential_buy(const checked_uint256& spot, const checked_uint256& delta, unsigned long long n,
                                        const checked_uint256& fee, const checked_uint256& protocol_fee) {
  NaiveQuote q;
  if (n == 0) {
    q.error = 1;
    return q;
  }
  const checked_uint256& wad = naive_wad();
  const checked_uint256 delta_pow_n = naive_rpow(delta, n);
  const checked_uint256 new_spot = naive_mul_div_up(spot, delta_pow_n, wad);
  if (new_spot > (checked_uint256(1) << 128) - 1) {
    q.error = 2;
    return q;
  }
  const checked_uint256 buy_spot = naive_mul_div_up(spot, delta, wad);
  const checked_uint256 growth = naive_mul_div_up(delta_pow_n - wad, wad, delta - wad);
  const checked_uint256 raw = naive_mul_div_up(buy_spot, growth, wad);
  q.protocol_fee = naive_mul_div_up(raw, protocol_fee, wad);
  q.trade_fee = naive_mul_div_up(raw, fee, wad);
  q.value = raw + q.protocol_fee + q.trade_fee;
  q.new_spot = new_spot;
  return q;
}

}  // namespace cushion::bench
