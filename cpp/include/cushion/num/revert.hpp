// cushion/num/revert.hpp — the typed error that stands for an EVM revert.
//
// Exact mode never wraps silently: every condition under which the Solidity
// code we reproduce would revert (0.8 checked arithmetic, an explicit
// require, a library's custom error) throws `Revert` instead.  The kind says
// which: it is what the EVM would report as Panic(0x11) (overflow/underflow),
// Panic(0x12) (division by zero), or a revert with a reason (custom).
#pragma once

#include <exception>
#include <string>
#include <utility>

namespace cushion::num {

enum class RevertKind : unsigned char {
  overflow = 0,          ///< a result does not fit its type (Panic 0x11, or a require on overflow)
  underflow = 1,         ///< an unsigned subtraction went below zero (Panic 0x11)
  division_by_zero = 2,  ///< division or modulo by zero (Panic 0x12)
  custom = 3,            ///< an explicit revert: the reason names it (e.g. a library's custom error)
};

inline const char* to_string(RevertKind kind) noexcept {
  switch (kind) {
    case RevertKind::overflow:
      return "overflow";
    case RevertKind::underflow:
      return "underflow";
    case RevertKind::division_by_zero:
      return "division_by_zero";
    case RevertKind::custom:
      return "custom";
  }
  return "custom";
}

class Revert : public std::exception {
 public:
  Revert(RevertKind kind, std::string reason) : kind_(kind), reason_(std::move(reason)) {
    what_ = std::string("revert (") + to_string(kind_) + "): " + reason_;
  }
  RevertKind kind() const noexcept { return kind_; }
  const std::string& reason() const noexcept { return reason_; }
  const char* what() const noexcept override { return what_.c_str(); }

 private:
  RevertKind kind_;
  std::string reason_;
  std::string what_;
};

/// Throws a Revert.  Out of line and cold so that the checked fast paths stay small.
[[noreturn, gnu::cold, gnu::noinline]] inline void revert(RevertKind kind, const char* reason) {
  throw Revert(kind, reason);
}

}  // namespace cushion::num
