// fuzz_mul_div — Uniswap FullMath mul_div (both roundings), the MULMOD opcode and solmate's
// mulDivDown/Up and WAD helpers, against unbounded cpp_int arithmetic: the same value, or
// the same revert (kind).  The denominator is the WAD a quarter of the time, so the
// register fast paths (operands < 2^128, divisor 1e18) and the general 512-bit path are
// both exercised on the same inputs.
#include "cushion/num/mul_div.hpp"
#include "cushion/num/solmate.hpp"
#include "support/harness.hpp"

using namespace cushion::fuzz;
namespace num = cushion::num;
namespace sm = cushion::num::solmate;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzInput in(data, size);
  const num::uint256 a = in.word(), b = in.word();
  const num::uint256 d = in.byte() % 4 == 0 ? num::kWad : in.word();
  const Int A = ref::to_int(a), B = ref::to_int(b), D = ref::to_int(d), W = ref::wad();
  const std::string abd = args({a, b, d}), ab = args({a, b});

  expect_same(
      "mul_div(down)", abd, [&] { return num::mul_div(a, b, d, num::Rounding::down); },
      [&] { return ref::fullmath_mul_div(A, B, D, false); });
  expect_same(
      "mul_div(up)", abd, [&] { return num::mul_div(a, b, d, num::Rounding::up); },
      [&] { return ref::fullmath_mul_div(A, B, D, true); });
  expect_same(
      "mulmod", abd, [&] { return num::mulmod(a, b, d); }, [&] { return ref::mulmod(A, B, D); });

  expect_same(
      "solmate.mul_div_down", abd, [&] { return sm::mul_div_down(a, b, d); },
      [&] { return ref::solmate_mul_div(A, B, D, false); });
  expect_same(
      "solmate.mul_div_up", abd, [&] { return sm::mul_div_up(a, b, d); },
      [&] { return ref::solmate_mul_div(A, B, D, true); });
  expect_same(
      "solmate.mul_wad_down", ab, [&] { return sm::mul_wad_down(a, b); },
      [&] { return ref::solmate_mul_div(A, B, W, false); });
  expect_same(
      "solmate.mul_wad_up", ab, [&] { return sm::mul_wad_up(a, b); },
      [&] { return ref::solmate_mul_div(A, B, W, true); });
  expect_same(
      "solmate.div_wad_down", ab, [&] { return sm::div_wad_down(a, b); },
      [&] { return ref::solmate_mul_div(A, W, B, false); });
  expect_same(
      "solmate.div_wad_up", ab, [&] { return sm::div_wad_up(a, b); },
      [&] { return ref::solmate_mul_div(A, W, B, true); });
  return 0;
}
