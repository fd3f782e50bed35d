// fuzz_rpow — solmate's rpow (MakerDAO's fixed-point power by squaring, rounding every step
// half up, reverting when an intermediate overflows) against the assembly transcribed on
// unbounded integers.  The base is near the WAD, the exponent small and the scalar the WAD
// most of the time (the curves' use, and cushion's 64-bit fast path); the rest is anything.
#include "cushion/num/solmate.hpp"
#include "support/harness.hpp"

using namespace cushion::fuzz;
namespace num = cushion::num;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzInput in(data, size);
  const std::uint8_t shape = in.byte();
  num::uint256 x = in.word();
  if (shape & 1) x = num::wrapping_add(num::kWad, in.word(64));  // a per-item multiplier: 1e18 + small
  if (shape & 2) x = num::kWad - in.word(59) % num::kWad;        // an inverse multiplier: just below 1e18
  const num::uint256 n = (shape & 4) ? in.word() : num::uint256(in.below_or_equal(4096));
  const num::uint256 scalar = (shape & 8) ? in.word() : num::kWad;
  expect_same(
      "rpow", args({x, n, scalar}), [&] { return num::solmate::rpow(x, n, scalar); },
      [&] { return ref::rpow(ref::to_int(x), ref::to_int(n), ref::to_int(scalar)); });
  return 0;
}
