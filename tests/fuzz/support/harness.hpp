// tests/fuzz/support/harness.hpp — what every fuzz target shares: turning libFuzzer's bytes
// into uint256 / double / count arguments (edge values over-represented), running cushion and
// the reference side by side, and failing loudly with the arguments printed.
//
// A failed check prints the operation, its arguments (hex) and both outcomes, then aborts:
// libFuzzer saves the input as a crash artifact, which replays with `<target> <artifact>`.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "cushion/num/revert.hpp"
#include "cushion/num/uint256.hpp"
#include "reference.hpp"

#define FUZZ_CHECK(cond, ...)                                                                     \
  do {                                                                                            \
    if (!(cond)) {                                                                                \
      std::fprintf(stderr, "\nFUZZ_CHECK failed: %s\n  at %s:%d\n  ", #cond, __FILE__, __LINE__); \
      std::fprintf(stderr, __VA_ARGS__);                                                          \
      std::fputc('\n', stderr);                                                                   \
      std::abort();                                                                               \
    }                                                                                             \
  } while (0)

namespace cushion::fuzz {

using num::uint256;
using ref::Int;

/// Reads arguments from the fuzzer's bytes; past the end every read returns zeros, so any
/// input (the empty one included) decodes to a valid argument list.
class FuzzInput {
 public:
  FuzzInput(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  bool flag() { return (byte() & 1) != 0; }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    for (unsigned i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(byte()) << (8 * i);
    return v;
  }
  /// An integer in [0, max].
  std::uint64_t below_or_equal(std::uint64_t max) {
    const std::uint64_t v = max < 256 ? byte() : max < 65536 ? (byte() | (std::uint64_t{byte()} << 8)) : u64();
    return max == ~0ULL ? v : v % (max + 1);
  }

  /// A uint256 with at most `max_bits` significant bits.  Edges (0, 1, powers of two and
  /// their neighbours, the WAD and its multiples, the uint128/uint256 maxima) are a third
  /// of the draws; the rest have a uniformly drawn bit length.
  uint256 word(unsigned max_bits = 256) {
    const std::uint8_t selector = byte();
    uint256 v;
    switch (selector % 8) {
      case 0: {  // 2^k + small or 2^k - small
        const unsigned k = byte() % 257;
        const uint256 p = k == 256 ? uint256() : uint256(1u) << k;
        const uint256 s(static_cast<unsigned>(byte() % 4));
        v = (selector & 8) ? num::wrapping_sub(p, s) : num::wrapping_add(p, s);
        break;
      }
      case 1: {  // WAD multiples: m * 1e18 + small, and m * 1e18 - small
        const uint256 m(below_or_equal(1000000));
        const uint256 s(static_cast<unsigned>(byte() % 4));
        const uint256 base = num::wrapping_mul(m, num::kWad);
        v = (selector & 8) ? num::wrapping_sub(base, s) : num::wrapping_add(base, s);
        break;
      }
      case 2:  // a small integer (item counts, timestamps, fees in bps)
        v = uint256(below_or_equal(1000));
        break;
      default: {  // uniform bit length, random bits
        const unsigned bits = byte() % 257;
        uint256::limbs_type w{};
        for (unsigned i = 0; i * 64 < bits; ++i) w[i] = u64();
        v = bits >= 256 ? uint256(w) : (uint256(w) & num::wrapping_sub(uint256(1u) << bits, uint256(1u)));
        break;
      }
    }
    if (max_bits < 256) v = v & num::wrapping_sub(uint256(1u) << max_bits, uint256(1u));
    return v;
  }

  /// Any double: edges (±0, subnormals, 1, the f64 policy's limits, ±inf, NaN) or raw bits.
  double real() {
    static const double edges[] = {0.0,
                                   -0.0,
                                   1.0,
                                   -1.0,
                                   0.5,
                                   2.0,
                                   1e-18,
                                   1e-12,
                                   1e-9,
                                   1e-6,
                                   1e18,
                                   3.402823669209385e20,  // uint128 max in tokens
                                   1.157920892373162e59,  // uint256 max in tokens
                                   1e300,
                                   std::numeric_limits<double>::denorm_min(),
                                   std::numeric_limits<double>::min(),
                                   std::numeric_limits<double>::max(),
                                   std::numeric_limits<double>::infinity(),
                                   -std::numeric_limits<double>::infinity(),
                                   std::numeric_limits<double>::quiet_NaN()};
    const std::uint8_t selector = byte();
    if (selector % 4 == 0) return edges[byte() % std::size(edges)];
    if (selector % 4 == 1) {  // a "realistic" magnitude: m * 10^e, m in [0, 65536), e in [-24, 24]
      const double m = static_cast<double>(byte() | (unsigned{byte()} << 8));
      return m * std::pow(10.0, static_cast<int>(byte() % 49) - 24);
    }
    const std::uint64_t bits = u64();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

/// The result of one exact computation: its values (one, or a tuple), or a revert.
struct Outcome {
  bool reverted = false;
  num::RevertKind kind = num::RevertKind::custom;
  std::string reason;
  std::vector<Int> values;

  std::string describe() const {
    if (reverted)
      return std::string("Revert(") + num::to_string(kind) + (kind == num::RevertKind::custom ? ", " + reason : "") +
             ")";
    std::string out = "(";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + ref::hex(values[i]);
    return out + ")";
  }
};

inline std::vector<Int> as_values(const uint256& v) { return {ref::to_int(v)}; }
inline std::vector<Int> as_values(const Int& v) { return {v}; }
inline std::vector<Int> as_values(std::vector<Int> v) { return v; }

inline void record_revert(Outcome& o, const num::Revert& e) {
  o.reverted = true;
  o.kind = e.kind();
  o.reason = e.reason();
}
inline void record_revert(Outcome& o, const ref::RefRevert& e) {
  o.reverted = true;
  o.kind = e.kind;
  o.reason = e.reason;
}

/// Runs f; the revert type Error (cushion's num::Revert or the reference's RefRevert)
/// becomes a revert outcome, anything else escapes (libFuzzer reports it as a crash).
template <class Error, class F>
Outcome run_catching(F&& f) {
  Outcome o;
  try {
    o.values = as_values(f());
  } catch (const Error& e) {
    record_revert(o, e);
  }
  return o;
}

template <class F>
Outcome run_cushion(F&& f) {
  return run_catching<num::Revert>(std::forward<F>(f));
}

template <class F>
Outcome run_reference(F&& f) {
  return run_catching<ref::RefRevert>(std::forward<F>(f));
}

/// Equal values, or reverts of the same kind (and, for custom errors, the same name).
inline bool same(const Outcome& a, const Outcome& b) {
  if (a.reverted != b.reverted) return false;
  if (!a.reverted) return a.values == b.values;
  return a.kind == b.kind && (a.kind != num::RevertKind::custom || a.reason == b.reason);
}

inline std::string hex(const uint256& v) { return v.to_hex(); }

/// "0x.., 0x.." for an argument list.
inline std::string args(std::initializer_list<uint256> values) {
  std::string out;
  for (const uint256& v : values) out += (out.empty() ? "" : ", ") + v.to_hex();
  return out;
}

/// Runs `ours` (returning uint256) and `theirs` (returning Int) and aborts on disagreement.
template <class Ours, class Theirs>
void expect_same(const char* what, const std::string& args, Ours&& ours, Theirs&& theirs) {
  const Outcome got = run_cushion(ours);
  const Outcome want = run_reference(theirs);
  FUZZ_CHECK(same(got, want), "%s(%s)\n  cushion:   %s\n  reference: %s", what, args.c_str(), got.describe().c_str(),
             want.describe().c_str());
}

}  // namespace cushion::fuzz
