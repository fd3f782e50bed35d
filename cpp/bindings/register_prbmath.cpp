// cpp/bindings/register_prbmath.cpp — PRBMath v3.3.2 UD60x18: _core.num.prbmath.
#include "convert.hpp"
#include "cushion/num/prbmath.hpp"
#include "int_functions.hpp"
#include "registry.hpp"

namespace cushion::bindings {

namespace {

namespace prb = num::prbmath;

void register_prbmath(py::module_& core) {
  py::module_ num_module = core.attr("num").cast<py::module_>();
  py::module_ m = num_module.def_submodule("prbmath", "PRBMath v3.3.2 UD60x18 (60.18-decimal unsigned fixed point).");
  def_binary(m, "mul", &prb::mul, "x", "y",
             "x * y / 1e18, truncated, on the 512-bit product (mulDiv18).  Revert (custom "
             "PRBMath_MulDiv18_Overflow) when the result does not fit 256 bits.");
  def_binary(m, "div", &prb::div, "x", "y",
             "x * 1e18 / y, truncated (mulDiv).  Revert: division_by_zero when y == 0; custom "
             "PRBMath_MulDiv_Overflow when the result does not fit 256 bits.");
  m.def(
      "powu", [](IntArg x, IntArg y) { return from_uint256(prb::powu(to_uint256(x, "x"), to_uint256(y, "y"))); },
      py::arg("x"), py::arg("y"),
      "x ** y for a UD60x18 x and an integer y, by squaring, truncating at every mul.  Reverts as mul.");
  def_unary(m, "log2", &prb::log2,
            "Binary logarithm of a UD60x18 (iterative squaring).  Revert (custom "
            "PRBMath_UD60x18_Log_InputTooSmall) when x < 1e18.");
  def_unary(m, "exp2", &prb::exp2,
            "2 ** x for a UD60x18 x.  Revert (custom PRBMath_UD60x18_Exp2_InputTooBig) when x >= 192e18.");
  def_binary(m, "pow", &prb::pow, "x", "y",
             "x ** y for UD60x18 x and y: exp2(mul(log2(x), y)) (v3.3.2: no reciprocal branch, so 0 < x < 1e18\n"
             "reverts with PRBMath_UD60x18_Log_InputTooSmall); 0 ** y is 1e18 for y == 0, else 0; x ** 1e18 == x.");
  def_binary(m, "mul_div18", &prb::mul_div18, "x", "y",
             "Common.mulDiv18: x * y / 1e18 truncated, 512-bit; custom PRBMath_MulDiv18_Overflow.");
  m.def(
      "mul_div",
      [](IntArg x, IntArg y, IntArg d) {
        return from_uint256(prb::mul_div(to_uint256(x, "x"), to_uint256(y, "y"), to_uint256(d, "denominator")));
      },
      py::arg("x"), py::arg("y"), py::arg("denominator"),
      "Common.mulDiv: x * y / denominator truncated, 512-bit.  Revert: division_by_zero when denominator == 0 "
      "and x * y < 2**256; otherwise custom PRBMath_MulDiv_Overflow when (x * y) >> 256 >= denominator.");
}

}  // namespace

CUSHION_REGISTER(11, prbmath, register_prbmath);

}  // namespace cushion::bindings
