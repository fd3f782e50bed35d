// cpp/bindings/registry.hpp — how binding areas join the module.
//
// Each register_<area>.cpp defines one function that adds its classes and
// functions to the `_core` module, and registers it here with an order key
// (areas that others depend on register first).  module.cpp runs them all in
// order, so adding an area never means editing module.cpp.
#pragma once

#include <pybind11/pybind11.h>

#include <functional>
#include <vector>

namespace cushion::bindings {

using Registrar = void (*)(pybind11::module_& core);

struct RegistrarEntry {
  int order;
  const char* name;
  Registrar fn;
};

inline std::vector<RegistrarEntry>& registrars() {
  static std::vector<RegistrarEntry> all;
  return all;
}

struct AutoRegister {
  AutoRegister(int order, const char* name, Registrar fn) { registrars().push_back({order, name, fn}); }
};

}  // namespace cushion::bindings

/// CUSHION_REGISTER(order, name, fn): registers `fn` to run at module import.
/// Orders: 10 num, 20 curves, 30 compat, 40 basket, 50 batch, 60 spread/absorb/schedule, 90 misc.
#define CUSHION_REGISTER(order, name, fn) \
  static const ::cushion::bindings::AutoRegister cushion_autoregister_##name { order, #name, fn }
