// cpp/bindings/series.hpp — 1-D NumPy series (stress paths, schedules, per-block results)
// in and out, with errors that name the argument.  (Broadcast operands of the batch
// quoting functions are in arrays.hpp.)
//
//   to_f64_series(obj, "name", ndim)  any array-like of real numbers (ints or floats; not
//                                    bool, str, object or complex) as a C-contiguous float64
//                                    array of exactly `ndim` dimensions (a scalar is 1 element
//                                    when ndim == 1; ndim -1: any shape); NaN / inf are
//                                    rejected unless allowed
//   to_u64(obj, "name")              a block number: a Python int in [0, 2**64)
//   vector_to_array(v)               a std::vector as a new 1-D array (one copy)
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>  // std::optional arguments

#include <cmath>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "convert.hpp"

namespace cushion::bindings {

using F64Series = py::array_t<double, py::array::c_style | py::array::forcecast>;

enum class NonFinite { reject, allow_nan };

inline F64Series to_f64_series(py::handle h, const char* name, int ndim = 1, Domain domain = Domain::any_finite,
                             NonFinite nonfinite = NonFinite::reject) {
  if (h.is_none()) raise(PyExc_TypeError, std::string(name) + " must be an array of real numbers, not None");
  if (PyUnicode_Check(h.ptr()) || PyBytes_Check(h.ptr()))
    raise(PyExc_TypeError, std::string(name) + " must be an array of real numbers, not str");
  py::array arr;
  try {
    arr = py::module_::import("numpy").attr("asarray")(h);
  } catch (py::error_already_set&) {
    raise(PyExc_TypeError, std::string(name) + " must be an array of real numbers");
  }
  const char kind = arr.dtype().kind();
  if (kind != 'f' && kind != 'i' && kind != 'u')
    raise(PyExc_TypeError, std::string(name) + " must hold real numbers (int or float), not dtype " +
                               py::str(arr.dtype()).cast<std::string>());
  if (ndim == 1 && arr.ndim() == 0) arr = arr.attr("reshape")(1);
  if (ndim >= 0 && arr.ndim() != ndim)
    raise(PyExc_ValueError, std::string(name) + " must be " + std::to_string(ndim) + "-dimensional, got " +
                                std::to_string(arr.ndim()) + " dimensions");
  F64Series out = F64Series::ensure(arr);
  if (!out) throw py::error_already_set();
  const double* p = out.data();
  for (py::ssize_t i = 0; i < out.size(); ++i) {
    const double v = p[i];
    if (std::isnan(v)) {
      if (nonfinite == NonFinite::allow_nan) continue;
      raise(PyExc_ValueError, std::string(name) + " must not contain NaN");
    }
    if (std::isinf(v)) raise(PyExc_ValueError, std::string(name) + " must not contain inf");
    if (domain == Domain::nonnegative && v < 0.0)
      raise(PyExc_ValueError, std::string(name) + " must be >= 0 (element " + std::to_string(i) + " is negative)");
    if (domain == Domain::positive && !(v > 0.0))
      raise(PyExc_ValueError, std::string(name) + " must be > 0 (element " + std::to_string(i) + " is not)");
  }
  return out;
}

/// A 1-D stress path: every value in [0, 1].
inline F64Series to_stress_array(py::handle h, const char* name) {
  F64Series a = to_f64_series(h, name, 1, Domain::nonnegative);
  for (py::ssize_t i = 0; i < a.size(); ++i)
    if (a.data()[i] > 1.0) raise(PyExc_ValueError, std::string(name) + " must be in [0, 1]");
  return a;
}

inline std::span<const double> span_of(const F64Series& a) { return {a.data(), static_cast<std::size_t>(a.size())}; }

/// A block number (uint64).
inline std::uint64_t to_u64(py::handle h, const char* name) {
  const num::uint256 v = to_uint256(h, name);
  if (!v.fits_u64()) raise(PyExc_OverflowError, std::string(name) + " must be < 2**64 (a block number)");
  return v.limb(0);
}
inline std::uint64_t to_u64(IntArg a, const char* name) { return to_u64(a.obj, name); }

/// A count that must fit uint32 (window lengths, release blocks).
inline std::uint32_t to_u32(py::handle h, const char* name) {
  const std::uint64_t v = to_u64(h, name);
  if (v > 0xffffffffULL) raise(PyExc_OverflowError, std::string(name) + " must be < 2**32");
  return static_cast<std::uint32_t>(v);
}

template <class T>
py::array_t<T> vector_to_array(const std::vector<T>& v) {
  py::array_t<T> out(static_cast<py::ssize_t>(v.size()));
  if (!v.empty()) std::memcpy(out.mutable_data(), v.data(), v.size() * sizeof(T));
  return out;
}

/// True for anything that should take the array path (arrays, lists, tuples) rather than
/// the scalar path of a function that accepts both.
inline bool is_array_like(py::handle h) {
  return py::isinstance<py::array>(h) || PyList_Check(h.ptr()) || PyTuple_Check(h.ptr());
}

}  // namespace cushion::bindings
