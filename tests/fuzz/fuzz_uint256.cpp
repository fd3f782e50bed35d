// fuzz_uint256 — the checked uint256 (Solidity 0.8 + - * / %), the wrapping operations,
// shifts, comparisons, the 512-bit product, string parsing/printing and the conversion to
// double, against unbounded cpp_int arithmetic.
#include <cmath>
#include <stdexcept>
#include <string>

#include "cushion/num/uint256.hpp"
#include "support/harness.hpp"

using namespace cushion::fuzz;
using cushion::num::uint256;

namespace {

const Int kTwo256 = Int(1) << 256;

void check_arithmetic(const uint256& a, const uint256& b) {
  const Int A = ref::to_int(a), B = ref::to_int(b);
  const std::string ab = args({a, b});
  expect_same(
      "add", ab, [&] { return a + b; }, [&] { return ref::add(A, B); });
  expect_same(
      "sub", ab, [&] { return a - b; }, [&] { return ref::sub(A, B); });
  expect_same(
      "mul", ab, [&] { return a * b; }, [&] { return ref::mul(A, B); });
  expect_same(
      "div", ab, [&] { return a / b; }, [&] { return ref::div(A, B); });
  expect_same(
      "mod", ab, [&] { return a % b; }, [&] { return ref::mod(A, B); });
  expect_same(
      "evm_div", ab, [&] { return cushion::num::evm_div(a, b); }, [&] { return B == 0 ? Int(0) : A / B; });
  expect_same(
      "evm_mod", ab, [&] { return cushion::num::evm_mod(a, b); }, [&] { return B == 0 ? Int(0) : A % B; });
  expect_same(
      "wrapping_add", ab, [&] { return cushion::num::wrapping_add(a, b); }, [&] { return (A + B) % kTwo256; });
  expect_same(
      "wrapping_sub", ab, [&] { return cushion::num::wrapping_sub(a, b); },
      [&] { return (A + kTwo256 - B) % kTwo256; });
  expect_same(
      "wrapping_mul", ab, [&] { return cushion::num::wrapping_mul(a, b); }, [&] { return (A * B) % kTwo256; });
  const cushion::num::uint512 wide = cushion::num::mul_wide(a, b);
  FUZZ_CHECK((ref::to_int(wide.hi) << 256) + ref::to_int(wide.lo) == A * B, "mul_wide(%s)", ab.c_str());
  FUZZ_CHECK((a < b) == (A < B) && (a == b) == (A == B) && (a > b) == (A > B), "compare(%s)", ab.c_str());
  FUZZ_CHECK(ref::to_int(a & b) == (A & B) && ref::to_int(a | b) == (A | B) && ref::to_int(a ^ b) == (A ^ B),
             "bitwise(%s)", ab.c_str());
  if (!b.is_zero()) {
    const auto qr = cushion::num::divmod_nonzero(a, b);
    FUZZ_CHECK(ref::to_int(qr.quot) == A / B && ref::to_int(qr.rem) == A % B, "divmod_nonzero(%s)", ab.c_str());
  }
}

void check_shifts(const uint256& a, unsigned s) {
  const Int A = ref::to_int(a);
  FUZZ_CHECK(ref::to_int(a << s) == ((A << s) % kTwo256), "shl(%s, %u)", hex(a).c_str(), s);
  FUZZ_CHECK(ref::to_int(a >> s) == (A >> s), "shr(%s, %u)", hex(a).c_str(), s);
  FUZZ_CHECK(a.bit_length() == (A == 0 ? 0u : static_cast<unsigned>(boost::multiprecision::msb(A)) + 1),
             "bit_length(%s)", hex(a).c_str());
}

/// to_double must be the double nearest to the value (ties to even): no neighbour is closer.
void check_to_double(const uint256& a) {
  const Int A = ref::to_int(a);
  const double d = a.to_double();
  FUZZ_CHECK(std::isfinite(d) && d >= 0.0, "to_double(%s) = %g", hex(a).c_str(), d);
  auto exact = [](double v) {  // every double >= 1 here is an integer; below 1 only 0 occurs
    int e = 0;
    const double m = std::frexp(v, &e);
    const Int mant(static_cast<long long>(std::ldexp(m, 53)));
    return e >= 53 ? Int(mant << (e - 53)) : Int(mant >> (53 - e));
  };
  auto mantissa_is_even = [](double v) {
    int e = 0;
    return (static_cast<long long>(std::ldexp(std::frexp(v, &e), 53)) & 1) == 0;
  };
  const Int D = exact(d);
  const Int err = D > A ? Int(D - A) : Int(A - D);
  for (const double n : {std::nextafter(d, 0.0), std::nextafter(d, 1e300)}) {
    const Int N = exact(n);
    const Int nerr = N > A ? Int(N - A) : Int(A - N);
    FUZZ_CHECK(err < nerr || (err == nerr && mantissa_is_even(d)), "to_double(%s) = %.17g is not the nearest double",
               hex(a).c_str(), d);
  }
}

/// from_string accepts decimal or 0x-hex text, rejects anything else (invalid_argument) and
/// values >= 2^256 (out_of_range), whichever the left-to-right scan meets first.
void check_parse(const std::string& text) {
  enum class Expect { value, invalid, too_large };
  Expect expect = Expect::value;
  Int value = 0;
  unsigned base = 10;
  std::string digits = text;
  if (text.empty()) expect = Expect::invalid;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    digits = text.substr(2);
  }
  for (const char c : digits) {
    if (expect != Expect::value) break;
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (base == 16 && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (base == 16 && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) {
      expect = Expect::invalid;
      break;
    }
    value = value * base + digit;
    if (value > ref::max256()) expect = Expect::too_large;
  }
  Expect got = Expect::value;
  uint256 parsed;
  try {
    parsed = uint256::from_string(text);
  } catch (const std::out_of_range&) {
    got = Expect::too_large;
  } catch (const std::invalid_argument&) {
    got = Expect::invalid;
  }
  FUZZ_CHECK(got == expect, "from_string(\"%s\"): outcome %d, expected %d", text.c_str(), static_cast<int>(got),
             static_cast<int>(expect));
  if (got == Expect::value) FUZZ_CHECK(ref::to_int(parsed) == value, "from_string(\"%s\") value", text.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzInput in(data, size);
  const uint256 a = in.word(), b = in.word();
  check_arithmetic(a, b);
  check_shifts(a, in.byte() + (in.flag() ? 256u : 0u));
  check_to_double(a);
  // Printing and parsing round-trip.
  FUZZ_CHECK(uint256::from_string(a.to_string()) == a && uint256::from_string(a.to_hex()) == a, "round trip %s",
             hex(a).c_str());
  FUZZ_CHECK(a.to_string() == ref::to_int(a).str(), "to_string(%s)", hex(a).c_str());
  std::string text;
  for (unsigned i = 0, n = in.byte() % 96; i < n; ++i) text.push_back(static_cast<char>(in.byte()));
  check_parse(text);
  return 0;
}
