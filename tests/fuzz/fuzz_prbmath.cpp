// fuzz_prbmath — PRBMath v3.3.2 UD60x18 against a transcription of the Solidity on unbounded
// integers (support/reference.cpp), bit for bit and revert for revert (custom error names
// included): mulDiv, mulDiv18, mul, div, powu, log2, exp2 (and the raw prbExp2), pow, exp,
// ln, log10.
//
// Two independent checks back the transcription up, since it follows the same algorithm:
//   - exp2's 64 factors are derived in the reference from integer square roots and must equal
//     cushion's table (checked once, at start-up);
//   - log2, exp2 and pow results are compared with long-double math (log2l / exp2l) within
//     the algorithms' error bounds, so a shared misreading of the algorithm cannot hide.
#include <cmath>

#include "cushion/num/prbmath.hpp"
#include "support/harness.hpp"

using namespace cushion::fuzz;
namespace num = cushion::num;
namespace pm = cushion::num::prbmath;

namespace {

long double to_ld(const Int& v) { return v.convert_to<long double>(); }

/// |got - want| <= rel * want + abs_wei, in wei.
bool close(const Int& got, long double want, long double rel, long double abs_wei) {
  return std::fabs(to_ld(got) - want) <= rel * want + abs_wei;
}

void check_against_long_double(unsigned op, const num::uint256& x, const num::uint256& y, const Int& result) {
  const long double xf = to_ld(ref::to_int(x)) / 1e18L, yf = to_ld(ref::to_int(y)) / 1e18L;
  switch (op) {
    case 5:  // log2 rounds down; its 60 truncated squarings cost < 1e-16 in total
      FUZZ_CHECK(std::fabs(to_ld(result) / 1e18L - std::log2(xf)) <= 1e-16L, "log2(%s) = %s vs %.21Lg", hex(x).c_str(),
                 ref::hex(result).c_str(), std::log2(xf));
      break;
    case 6: {  // exp2: 64 truncating factors (2^-64 each) and the final truncation to wei
      // The oracle's own error: xf carries two long double roundings (2^-64 relative each),
      // an absolute error of up to xf 2^-63 that exp2 turns into a relative xf ln2 2^-63,
      // allowed twice over (found by fuzz_prbmath: x = 166.02 made long double exp2 1.0e-17
      // low while PRBMath was 1.6e-20 from the true value).
      const long double rel = 1e-17L + xf * 0.6931471805599453L * 0x1p-63L * 2.0L;
      FUZZ_CHECK(close(result, std::exp2(xf) * 1e18L, rel, 1.0L), "exp2(%s) = %s vs %.21Lg", hex(x).c_str(),
                 ref::hex(result).c_str(), std::exp2(xf) * 1e18L);
      break;
    }
    case 7: {  // pow = exp2(y * log2(x)): log2's error is amplified by y
      if (x < pm::kUnit || y == pm::kUnit) break;
      const long double want = std::exp2(yf * std::log2(xf)) * 1e18L;
      FUZZ_CHECK(close(result, want, 1e-16L + yf * 2e-16L, 1.0L), "pow(%s, %s) = %s vs %.21Lg", hex(x).c_str(),
                 hex(y).c_str(), ref::hex(result).c_str(), want);
      break;
    }
    default:
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  for (unsigned k = 0; k < 64; ++k)
    FUZZ_CHECK(ref::prb::exp2_factor(k) == (Int(1) << 64) + Int(pm::detail::kExp2Frac[k]),
               "exp2 factor %u: derived %s, table 2^64 + 0x%llx", k, ref::hex(ref::prb::exp2_factor(k)).c_str(),
               static_cast<unsigned long long>(pm::detail::kExp2Frac[k]));
  return 0;
}

namespace {

/// One PRBMath function: cushion's and the reference's, on (x, y, d).
struct Operation {
  const char* name;
  num::uint256 (*ours)(const num::uint256& x, const num::uint256& y, const num::uint256& d);
  Int (*theirs)(const Int& x, const Int& y, const Int& d);
};

/// A row of kOperations: the same expression of x, y, d on both sides (unary and binary
/// functions ignore the rest).
// clang-format off
#define CUSHION_PRB_OP(name, ours_expr, theirs_expr)                                               \
  Operation{#name,                                                                               \
            [](const num::uint256& x, [[maybe_unused]] const num::uint256& y,                    \
               [[maybe_unused]] const num::uint256& d) { return ours_expr; },                     \
            [](const Int& x, [[maybe_unused]] const Int& y, [[maybe_unused]] const Int& d) {     \
              return Int(theirs_expr);                                                           \
            }}
// clang-format on

// The op index matters to check_against_long_double (5 log2, 6 exp2, 7 pow) and to the
// argument shaping below (4 powu, 6 exp2, 7 pow, 9 exp).
const Operation kOperations[] = {
    CUSHION_PRB_OP(mul_div, pm::mul_div(x, y, d), ref::prb::mul_div(x, y, d)),
    CUSHION_PRB_OP(mul_div18, pm::mul_div18(x, y), ref::prb::mul_div18(x, y)),
    CUSHION_PRB_OP(mul, pm::mul(x, y), ref::prb::mul(x, y)),
    CUSHION_PRB_OP(div, pm::div(x, y), ref::prb::div(x, y)),
    CUSHION_PRB_OP(powu, pm::powu(x, y), ref::prb::powu(x, y)),
    CUSHION_PRB_OP(log2, pm::log2(x), ref::prb::log2(x)),
    CUSHION_PRB_OP(exp2, pm::exp2(x), ref::prb::exp2(x)),
    CUSHION_PRB_OP(pow, pm::pow(x, y), ref::prb::pow(x, y)),
    CUSHION_PRB_OP(prb_exp2, pm::prb_exp2(x), ref::prb::prb_exp2(x)),
    CUSHION_PRB_OP(exp, pm::exp(x), ref::prb::exp(x)),
    CUSHION_PRB_OP(ln, pm::ln(x), ref::prb::ln(x)),
    CUSHION_PRB_OP(log10, pm::log10(x), ref::prb::log10(x)),
};
#undef CUSHION_PRB_OP

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzInput in(data, size);
  const unsigned op = in.byte() % std::size(kOperations);
  const bool near_one = in.flag();
  num::uint256 x = near_one ? num::wrapping_add(pm::kUnit, in.word(66)) : in.word();
  num::uint256 y = in.word();
  const num::uint256 d = in.word();
  if (op == 4 && !in.flag()) y = num::uint256(in.below_or_equal(1024));  // powu: a small integer exponent
  if ((op == 6 || op == 9) && !in.flag()) x = in.word(68);               // exp2 / exp: around the input limits
  if (op == 7 && !in.flag()) y = in.word(72);                            // pow: a moderate exponent
  const Operation& operation = kOperations[op];
  const Outcome got = run_cushion([&] { return operation.ours(x, y, d); });
  const Outcome want = run_reference([&] { return operation.theirs(ref::to_int(x), ref::to_int(y), ref::to_int(d)); });
  FUZZ_CHECK(same(got, want), "prbmath.%s(%s)\n  cushion:   %s\n  reference: %s", operation.name,
             args({x, y, d}).c_str(), got.describe().c_str(), want.describe().c_str());
  if (!got.reverted) check_against_long_double(op, x, y, got.values[0]);
  return 0;
}
