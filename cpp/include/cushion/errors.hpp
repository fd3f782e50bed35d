// cushion/errors.hpp — argument errors raised by the C++ API (distinct from Revert,
// which stands for an on-chain revert).  The bindings translate InvalidArgument to
// Python's ValueError and OutOfRange to OverflowError.
#pragma once

#include <stdexcept>
#include <string>

namespace cushion {

/// An argument outside its domain (negative, NaN, infinite, inconsistent).
class InvalidArgument : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// An integer argument too large for the on-chain type it stands for (e.g. uint128).
class OutOfRange : public std::out_of_range {
 public:
  using std::out_of_range::out_of_range;
};

}  // namespace cushion
