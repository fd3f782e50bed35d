// cpp/bindings/register_num.cpp — exact arithmetic primitives: cushion.num.
#include <string>

#include "convert.hpp"
#include "cushion/num/mul_div.hpp"
#include "cushion/num/solmate.hpp"
#include "int_functions.hpp"
#include "registry.hpp"

namespace cushion::bindings {

namespace {

num::Rounding to_rounding(py::handle h) {
  if (!PyUnicode_Check(h.ptr())) raise(PyExc_TypeError, "rounding must be 'down' or 'up' (a str)");
  const std::string s = py::str(h);
  if (s == "down") return num::Rounding::down;
  if (s == "up") return num::Rounding::up;
  raise(PyExc_ValueError, "rounding must be 'down' or 'up', got '" + s + "'");
}

void register_num(py::module_& core) {
  py::module_ m = core.def_submodule("num", "Exact EVM arithmetic on uint256 (Python ints in and out).");

  m.def(
      "mul_div",
      [](IntArg a, IntArg b, IntArg d, StrArg rounding) {
        return from_uint256(num::mul_div(to_uint256(a, "a"), to_uint256(b, "b"), to_uint256(d, "denominator"),
                                         to_rounding(rounding.obj)));
      },
      py::arg("a"), py::arg("b"), py::arg("denominator"), py::arg("rounding") = "down",
      "a * b / denominator on the full 512-bit product (Uniswap v3 FullMath.mulDiv / mulDivRoundingUp).\n\n"
      "rounding: 'down' (floor) or 'up' (ceil).  Raises Revert: division_by_zero if denominator == 0;\n"
      "overflow if the quotient (or the rounded-up quotient) does not fit in 256 bits.");

  m.def(
      "mulmod",
      [](IntArg a, IntArg b, IntArg d) {
        return from_uint256(num::mulmod(to_uint256(a, "a"), to_uint256(b, "b"), to_uint256(d, "denominator")));
      },
      py::arg("a"), py::arg("b"), py::arg("denominator"),
      "The MULMOD opcode: (a * b) % denominator on the 512-bit product; 0 when denominator == 0.");

  py::module_ s = m.def_submodule("solmate", "solmate FixedPointMathLib (@3a752b8): WAD helpers and rpow.");
  def_ternary(s, "mul_div_down", &num::solmate::mul_div_down, "x", "y", "denominator",
              "floor(x * y / denominator).  Not 512-bit: raises Revert (overflow) when x * y >= 2**256,\n"
              "Revert (division_by_zero) when denominator == 0.");
  def_ternary(s, "mul_div_up", &num::solmate::mul_div_up, "x", "y", "denominator",
              "ceil(x * y / denominator).  Reverts as mul_div_down.");
  def_binary(s, "mul_wad_down", &num::solmate::mul_wad_down, "x", "y",
             "floor(x * y / 1e18); Revert (overflow) when x * y >= 2**256.");
  def_binary(s, "mul_wad_up", &num::solmate::mul_wad_up, "x", "y",
             "ceil(x * y / 1e18); Revert (overflow) when x * y >= 2**256.");
  def_binary(s, "div_wad_down", &num::solmate::div_wad_down, "x", "y",
             "floor(x * 1e18 / y); Revert when y == 0 or x * 1e18 >= 2**256.");
  def_binary(s, "div_wad_up", &num::solmate::div_wad_up, "x", "y",
             "ceil(x * 1e18 / y); Revert when y == 0 or x * 1e18 >= 2**256.");
  s.def(
      "rpow",
      [](IntArg x, IntArg n, IntArg scalar) {
        return from_uint256(num::solmate::rpow(to_uint256(x, "x"), to_uint256(n, "n"), to_uint256(scalar, "scalar")));
      },
      py::arg("x"), py::arg("n"), py::arg("scalar"),
      "x**n in fixed point with base `scalar`, every step rounded half up (MakerDAO rpow).\n"
      "0**0 = scalar, 0**n = 0.  Raises Revert (overflow) if x >= 2**128 before a squaring or an\n"
      "intermediate product (or its rounding add) overflows 256 bits.");
}

}  // namespace

CUSHION_REGISTER(10, num, register_num);

}  // namespace cushion::bindings
