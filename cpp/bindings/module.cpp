// cpp/bindings/module.cpp — the `cushion._core` extension module.  Dull on purpose:
// it installs the error translation and runs every registered binding area.
#include <pybind11/pybind11.h>

#include <algorithm>

#include "convert.hpp"
#include "registry.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "cushion's compiled core (private: use the `cushion` package).";
  cushion::bindings::install_error_translation(m);
  auto entries = cushion::bindings::registrars();
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
  for (const auto& entry : entries) entry.fn(m);
}
