// cpp/bindings/convert.hpp — Python <-> C++ argument conversion that names the argument.
//
// pybind11's own casters cannot say *which* argument was wrong, so every public
// binding takes Python objects and converts them here:
//   - uint256 from a Python int (or anything with __index__, e.g. numpy integers):
//     bool and float are TypeError, negative and >= 2**256 are OverflowError;
//   - double from a real number: str/None/complex/bool are TypeError, NaN and
//     infinities (and negatives where the domain forbids them) are ValueError.
// The messages all start with the argument's name.
#pragma once

#include <pybind11/pybind11.h>

#include <cmath>
#include <cstring>
#include <string>

#include "cushion/num/uint256.hpp"
#include "pylong.hpp"

namespace cushion::bindings {

namespace py = pybind11;
using num::uint256;

/// Raised after a Python error indicator has been set; pybind11 propagates it.
[[noreturn]] inline void raise(PyObject* type, const std::string& message) {
  PyErr_SetString(type, message.c_str());
  throw py::error_already_set();
}

inline bool is_bool_like(PyObject* o) {
  if (PyBool_Check(o)) return true;
  const char* tp = Py_TYPE(o)->tp_name;
  return std::strcmp(tp, "numpy.bool") == 0 || std::strcmp(tp, "numpy.bool_") == 0;
}

inline std::string type_name(PyObject* o) { return Py_TYPE(o)->tp_name; }

/// Re-raises the pending Python error (from an object's own __index__ / __float__, e.g. a
/// NumPy array of several elements) with a message that names the argument, chained to the
/// original (`raise ... from`).  OverflowError and ValueError keep their type; anything
/// else becomes a TypeError.
[[noreturn]] inline void reraise_named(const std::string& message) {
  PyObject* pending = PyErr_Occurred();
  PyObject* type = PyErr_GivenExceptionMatches(pending, PyExc_OverflowError) ? PyExc_OverflowError
                   : PyErr_GivenExceptionMatches(pending, PyExc_ValueError)  ? PyExc_ValueError
                                                                             : PyExc_TypeError;
  py::raise_from(type, message.c_str());
  throw py::error_already_set();
}

/// A non-negative int of more than 63 bits as a uint256; false (with the Python error
/// indicator cleared) when it needs more than 256 bits.
inline bool large_to_uint256(PyObject* o, uint256* out) noexcept {
  unsigned char bytes[32];
#if PY_VERSION_HEX >= 0x030D0000
  const int rc = _PyLong_AsByteArray(reinterpret_cast<PyLongObject*>(o), bytes, 32, 1, 0, 1);
#else
  const int rc = _PyLong_AsByteArray(reinterpret_cast<PyLongObject*>(o), bytes, 32, 1, 0);
#endif
  if (rc != 0) {
    PyErr_Clear();
    return false;
  }
  uint256 v;
  for (unsigned i = 0; i < 4; ++i) {
    std::uint64_t limb = 0;
    for (unsigned b = 0; b < 8; ++b) limb |= static_cast<std::uint64_t>(bytes[8 * i + b]) << (8 * b);
    v.limb_ref(i) = limb;
  }
  *out = v;
  return true;
}

/// The fast path of to_uint256 for a plain, non-negative Python int below 2**256, for
/// loops over columns: no error is raised (false means "use to_uint256 for the
/// diagnosis"), so a caller builds an element's name ("n[17]") only on failure.
inline bool try_to_uint256(PyObject* o, uint256* out) noexcept {
  if (!PyLong_CheckExact(o)) return false;
#ifdef CUSHION_PYLONG_DIGITS
  return pylong::read(o, out);
#else
  int overflow = 0;
  const long long small = PyLong_AsLongLongAndOverflow(o, &overflow);
  if (overflow == 0) {
    if (small < 0) {  // -1 may also be an error indicator: leave both to to_uint256
      PyErr_Clear();
      return false;
    }
    *out = uint256(static_cast<unsigned long long>(small));
    return true;
  }
  return overflow > 0 && large_to_uint256(o, out);
#endif
}

/// A Python int (or an object with __index__) as a uint256.
inline uint256 to_uint256(py::handle h, const char* name) {
  PyObject* o = h.ptr();
  uint256 fast;
  if (o != nullptr && try_to_uint256(o, &fast)) return fast;
  if (o == nullptr || o == Py_None) raise(PyExc_TypeError, std::string(name) + " must be an int, not None");
  if (is_bool_like(o)) raise(PyExc_TypeError, std::string(name) + " must be an int, not bool");
  py::object owned;
  if (!PyLong_Check(o)) {
    if (PyFloat_Check(o) || !PyIndex_Check(o))
      raise(PyExc_TypeError, std::string(name) + " must be an int, not " + type_name(o));
    owned = py::reinterpret_steal<py::object>(PyNumber_Index(o));
    if (!owned) reraise_named(std::string(name) + " must be an int, not " + type_name(o));
    o = owned.ptr();
  }
  int overflow = 0;
  const long long small = PyLong_AsLongLongAndOverflow(o, &overflow);
  if (overflow == 0) {
    if (small == -1 && PyErr_Occurred()) throw py::error_already_set();
    if (small < 0)
      raise(PyExc_OverflowError, std::string(name) + " must be >= 0 (a uint256), got " + std::to_string(small));
    return uint256(static_cast<unsigned long long>(small));
  }
  if (overflow < 0) raise(PyExc_OverflowError, std::string(name) + " must be >= 0 (a uint256), got a negative int");
  uint256 v;
  if (!large_to_uint256(o, &v)) raise(PyExc_OverflowError, std::string(name) + " must be < 2**256 (a uint256)");
  return v;
}

/// A new reference to a Python int equal to v; nullptr with a Python error set on failure
/// (out of memory).  For loops that fill lists with PyList_SET_ITEM.
inline PyObject* new_int(const uint256& v) noexcept {
#ifdef CUSHION_PYLONG_DIGITS
  return pylong::write(v);
#else
  if (v.fits_u64()) return PyLong_FromUnsignedLongLong(v.limb(0));
  unsigned char bytes[32];
  for (unsigned i = 0; i < 4; ++i)
    for (unsigned b = 0; b < 8; ++b) bytes[8 * i + b] = static_cast<unsigned char>(v.limb(i) >> (8 * b));
  // Only the significant bytes: CPython walks every byte it is given.
  return _PyLong_FromByteArray(bytes, (v.bit_length() + 7) / 8, 1, 0);
#endif
}

/// A uint256 as a Python int.
inline py::object from_uint256(const uint256& v) {
  PyObject* r = new_int(v);
  if (r == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(r);
}

enum class Domain { any_finite, nonnegative, positive };

/// A real number (int, float, numpy scalar) as a double.
inline double to_f64(py::handle h, const char* name, Domain domain = Domain::nonnegative) {
  PyObject* o = h.ptr();
  if (o == nullptr || o == Py_None) raise(PyExc_TypeError, std::string(name) + " must be a real number, not None");
  double v = 0.0;
  if (PyFloat_Check(o)) {
    v = PyFloat_AS_DOUBLE(o);
  } else if (is_bool_like(o)) {
    raise(PyExc_TypeError, std::string(name) + " must be a real number, not bool");
  } else if (PyLong_Check(o)) {
    v = PyLong_AsDouble(o);
    if (v == -1.0 && PyErr_Occurred()) {
      PyErr_Clear();
      raise(PyExc_OverflowError, std::string(name) + " is too large for a float64");
    }
  } else if (PyComplex_Check(o) || PyUnicode_Check(o) || PyBytes_Check(o) || Py_TYPE(o)->tp_as_number == nullptr ||
             Py_TYPE(o)->tp_as_number->nb_float == nullptr) {
    raise(PyExc_TypeError, std::string(name) + " must be a real number, not " + type_name(o));
  } else {
    v = PyFloat_AsDouble(o);  // numpy floating scalars and other __float__ types
    if (v == -1.0 && PyErr_Occurred()) reraise_named(std::string(name) + " must be a real number, not " + type_name(o));
  }
  if (std::isnan(v)) raise(PyExc_ValueError, std::string(name) + " must not be NaN");
  if (std::isinf(v)) raise(PyExc_ValueError, std::string(name) + " must be finite, got " + (v > 0 ? "inf" : "-inf"));
  if (domain == Domain::nonnegative && v < 0.0)
    raise(PyExc_ValueError, std::string(name) + " must be >= 0, got " + py::repr(py::float_(v)).cast<std::string>());
  if (domain == Domain::positive && !(v > 0.0))
    raise(PyExc_ValueError, std::string(name) + " must be > 0, got " + py::repr(py::float_(v)).cast<std::string>());
  return v;
}

/// Argument holders: they accept any object (conversion, with the argument's name in
/// the error, happens in the function body) but show up in signatures and help() as
/// `int` / `float` / `str` instead of `object`.
struct IntArg {
  py::handle obj;
};
struct RealArg {
  py::handle obj;
};
struct StrArg {
  py::handle obj;
};

inline uint256 to_uint256(IntArg a, const char* name) { return to_uint256(a.obj, name); }
inline double to_f64(RealArg a, const char* name, Domain domain = Domain::nonnegative) {
  return to_f64(a.obj, name, domain);
}

/// Installs the translation of cushion's C++ exceptions:
///   num::Revert         -> cushion.Revert (kind, reason)
///   cushion::OutOfRange -> OverflowError
///   cushion::InvalidArgument -> ValueError
void install_error_translation(py::module_& m);

}  // namespace cushion::bindings

namespace pybind11::detail {

#define CUSHION_ARG_CASTER(Type, pyname)                                                                          \
  template <>                                                                                                     \
  struct type_caster<cushion::bindings::Type> {                                                                   \
    PYBIND11_TYPE_CASTER(cushion::bindings::Type, const_name(pyname));                                            \
    bool load(handle src, bool) {                                                                                 \
      value.obj = src;                                                                                            \
      return true;                                                                                                \
    }                                                                                                             \
    static handle cast(const cushion::bindings::Type& v, return_value_policy, handle) { return v.obj.inc_ref(); } \
  }

CUSHION_ARG_CASTER(IntArg, "int");
CUSHION_ARG_CASTER(RealArg, "float");
CUSHION_ARG_CASTER(StrArg, "str");

#undef CUSHION_ARG_CASTER

}  // namespace pybind11::detail
