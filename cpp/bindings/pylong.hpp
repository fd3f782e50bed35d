// cpp/bindings/pylong.hpp — CPython ints <-> uint256 through their 30-bit digits.
//
// CPython <= 3.11 stores an int as a signed digit count (ob_size: the sign is the int's
// sign) and little-endian 30-bit digits (cpython/longintrepr.h).  Reading and writing
// those directly costs a few nanoseconds per int, several times less than the public
// byte-array round trip or PyLong_FromUnsignedLongLong's digit-count loop; an exact batch
// converts ~10 ints per quote, so this is most of its cost beyond the quote itself.
// Other layouts (3.12 moved the sign into a tag word; 15-bit digits) define nothing here
// and convert.hpp keeps to the public API.
#pragma once

#include <Python.h>

#include <cstdint>

#include "cushion/num/uint256.hpp"

#if PY_VERSION_HEX < 0x030C0000 && PYLONG_BITS_IN_DIGIT == 30 && !defined(Py_LIMITED_API)
#define CUSHION_PYLONG_DIGITS 1

namespace cushion::bindings::pylong {

using num::u128;
using num::uint256;

inline constexpr int kDigitBits = PyLong_SHIFT;  // 30
inline constexpr std::uint64_t kDigitMask = PyLong_MASK;

/// The value of a non-negative int object below 2**256 into *out; false (out untouched,
/// no Python error) when it is negative or needs more than 256 bits.  `o` must be an int
/// (PyLong_Check); the caller decides which int subclasses it accepts.
inline bool read(PyObject* o, uint256* out) noexcept {
  const Py_ssize_t size = Py_SIZE(o);
  const digit* d = reinterpret_cast<const PyLongObject*>(o)->ob_digit;
  std::uint64_t w[4] = {0, 0, 0, 0};
  if (size <= 3) {  // below 2**90: counts, fees and token amounts in wei; no loop
    if (size < 0) return false;
    if (size >= 1) w[0] = d[0];
    if (size >= 2) w[0] |= std::uint64_t{d[1]} << kDigitBits;
    if (size == 3) {
      w[0] |= std::uint64_t{d[2]} << (2 * kDigitBits);
      w[1] = d[2] >> (64 - 2 * kDigitBits);
    }
  } else {
    // 9 digits hold 270 bits: the top one may only use its low 256 - 240 = 16 bits.
    if (size > 9 || (size == 9 && (d[8] >> (256 - 8 * kDigitBits)) != 0)) return false;
    u128 acc = 0;  // pending bits, low first
    int bits = 0;
    unsigned limb = 0;
    for (Py_ssize_t i = 0; i < size; ++i) {
      acc |= u128{d[i]} << bits;
      bits += kDigitBits;
      if (bits >= 64) {
        w[limb++] = static_cast<std::uint64_t>(acc);
        acc >>= 64;
        bits -= 64;
      }
    }
    if (limb < 4) w[limb] = static_cast<std::uint64_t>(acc);  // at 4 limbs the rest is 0 (checked above)
  }
  // Limb by limb: one 32-byte copy of a local built by 8-byte stores stalls on store
  // forwarding (it was most of the old conversion's time).
  for (unsigned i = 0; i < 4; ++i) out->limb_ref(i) = w[i];
  return true;
}

/// A new reference to an int equal to v; nullptr with MemoryError set if allocation fails.
inline PyObject* write(const uint256& v) noexcept {
  const std::uint64_t w0 = v.limb(0);
  if ((v.limb(1) | v.limb(2) | v.limb(3)) == 0) {
    if (w0 <= 256) return PyLong_FromLong(static_cast<long>(w0));  // CPython's shared small ints
    const Py_ssize_t n = w0 >> kDigitBits == 0 ? 1 : w0 >> (2 * kDigitBits) == 0 ? 2 : 3;
    PyLongObject* r = _PyLong_New(n);
    if (r == nullptr) return nullptr;
    r->ob_digit[0] = static_cast<digit>(w0 & kDigitMask);
    if (n >= 2) r->ob_digit[1] = static_cast<digit>((w0 >> kDigitBits) & kDigitMask);
    if (n == 3) r->ob_digit[2] = static_cast<digit>(w0 >> (2 * kDigitBits));
    return reinterpret_cast<PyObject*>(r);
  }
  const Py_ssize_t n = (v.bit_length() + kDigitBits - 1) / kDigitBits;
  PyLongObject* r = _PyLong_New(n);
  if (r == nullptr) return nullptr;
  u128 acc = w0;  // pending bits, low first
  int bits = 64;
  unsigned limb = 1;
  for (Py_ssize_t i = 0; i < n; ++i) {
    if (bits < kDigitBits && limb < 4) {
      acc |= u128{v.limb(limb++)} << bits;
      bits += 64;
    }
    r->ob_digit[i] = static_cast<digit>(acc & kDigitMask);
    acc >>= kDigitBits;
    bits -= kDigitBits;
  }
  return reinterpret_cast<PyObject*>(r);
}

}  // namespace cushion::bindings::pylong

#endif
