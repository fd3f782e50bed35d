// cpp/bindings/arrays.hpp — NumPy arguments as strided float64 operands, named in errors.
//
// Any parameter of a vectorised function may be a Python number, a sequence or an array
// of any shape.  It becomes a float64 view without a copy when it already is one (any
// strides, negative ones included); integer arrays are cast.  Arrays whose elements are
// not real numbers (object, str, bytes, complex, datetime, bool unless allowed) raise
// TypeError naming the argument; ragged sequences raise ValueError.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "convert.hpp"
#include "cushion/batch/broadcast.hpp"

namespace cushion::bindings {

struct F64Array {
  py::array array;  ///< keeps the data alive
  batch::Operand<double> operand;
};

inline const py::module_& numpy() {
  // Deliberately never destroyed: a static py::module_ would be released by the C++ exit
  // handlers after the interpreter has finalised (found by the ASan smoke run of issue 8: a
  // SEGV in module_dealloc at exit).  The module lives as long as the interpreter anyway.
  static const py::module_* np = new py::module_(py::module_::import("numpy"));
  return *np;
}

inline F64Array to_f64_array(py::handle obj, const char* name, bool allow_bool = false) {
  if (obj.is_none()) raise(PyExc_TypeError, std::string(name) + " must be a real number or an array of them, not None");
  if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr()))
    raise(PyExc_TypeError,
          std::string(name) + " must be a real number or an array of them, not " + type_name(obj.ptr()));
  py::array arr;
  try {
    arr = numpy().attr("asarray")(obj);
  } catch (py::error_already_set& e) {
    raise(PyExc_ValueError, std::string(name) + " is not a valid array: " + e.what());
  }
  const char kind = arr.dtype().kind();
  const bool real = kind == 'f' || kind == 'i' || kind == 'u' || (allow_bool && kind == 'b');
  if (!real) {
    const std::string dtype = py::str(arr.dtype());
    raise(PyExc_TypeError, std::string(name) + " must be a real number or an array of them, not an array of dtype " +
                               dtype + (kind == 'b' ? " (bool)" : ""));
  }
  if (!arr.dtype().is(py::dtype::of<double>())) arr = arr.attr("astype")(py::dtype::of<double>());
  // Element strides must be whole multiples of 8 bytes on an aligned base (true for every
  // float64 array NumPy makes itself); anything else is copied once.
  bool aligned = reinterpret_cast<std::uintptr_t>(arr.data()) % alignof(double) == 0;
  for (py::ssize_t d = 0; d < arr.ndim(); ++d) aligned = aligned && arr.strides(d) % py::ssize_t(sizeof(double)) == 0;
  if (!aligned) arr = numpy().attr("ascontiguousarray")(arr);
  F64Array out{arr, {}};
  out.operand.data = static_cast<const double*>(arr.data());
  for (py::ssize_t d = 0; d < arr.ndim(); ++d) {
    out.operand.shape.push_back(arr.shape(d));
    out.operand.strides.push_back(arr.strides(d) / py::ssize_t(sizeof(double)));
  }
  return out;
}

inline std::vector<py::ssize_t> to_py_shape(const batch::Shape& shape) { return {shape.begin(), shape.end()}; }

}  // namespace cushion::bindings
