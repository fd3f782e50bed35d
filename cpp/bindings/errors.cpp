// cpp/bindings/errors.cpp — C++ exceptions to Python exceptions.
#include "cushion/errors.hpp"

#include <exception>

#include "convert.hpp"
#include "cushion/num/revert.hpp"

namespace cushion::bindings {

namespace {

/// cushion.Revert lives in Python (cushion/_errors.py) so that it documents, types and
/// pickles like any Python exception; it is looked up once, at module import.
PyObject* revert_type = nullptr;

void raise_revert(const num::Revert& e) {
  if (revert_type == nullptr) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
    return;
  }
  PyObject* exc = PyObject_CallFunction(revert_type, "ss", num::to_string(e.kind()), e.reason().c_str());
  if (exc == nullptr) return;  // the call set its own error
  PyErr_SetObject(revert_type, exc);
  Py_DECREF(exc);
}

}  // namespace

void install_error_translation(py::module_& m) {
  py::object cls = py::module_::import("cushion._errors").attr("Revert");
  revert_type = cls.release().ptr();  // kept for the life of the process
  m.attr("Revert") = py::handle(revert_type);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const num::Revert& e) {
      raise_revert(e);
    } catch (const OutOfRange& e) {
      PyErr_SetString(PyExc_OverflowError, e.what());
    } catch (const InvalidArgument& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    }
  });
}

}  // namespace cushion::bindings
