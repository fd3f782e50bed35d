// cpp/bindings/int_functions.hpp — binding a uint256 function as a Python function of ints.
//
// cushion.num and cushion.num.prbmath expose many plain uint256 -> uint256 functions; these
// bind one with named arguments (each converted by to_uint256, so a bad argument's error
// names it) and the result as a Python int.
#pragma once

#include <pybind11/pybind11.h>

#include "convert.hpp"

namespace cushion::bindings {

using UnaryUint = uint256 (*)(const uint256&);
using BinaryUint = uint256 (*)(const uint256&, const uint256&);
using TernaryUint = uint256 (*)(const uint256&, const uint256&, const uint256&);

inline void def_unary(py::module_& m, const char* name, UnaryUint fn, const char* doc) {
  m.def(
      name, [fn](IntArg x) { return from_uint256(fn(to_uint256(x, "x"))); }, py::arg("x"), doc);
}

inline void def_binary(py::module_& m, const char* name, BinaryUint fn, const char* a, const char* b, const char* doc) {
  m.def(
      name, [fn, a, b](IntArg x, IntArg y) { return from_uint256(fn(to_uint256(x, a), to_uint256(y, b))); }, py::arg(a),
      py::arg(b), doc);
}

inline void def_ternary(py::module_& m, const char* name, TernaryUint fn, const char* a, const char* b, const char* c,
                        const char* doc) {
  m.def(
      name,
      [fn, a, b, c](IntArg x, IntArg y, IntArg z) {
        return from_uint256(fn(to_uint256(x, a), to_uint256(y, b), to_uint256(z, c)));
      },
      py::arg(a), py::arg(b), py::arg(c), doc);
}

}  // namespace cushion::bindings
