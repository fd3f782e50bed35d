// cushion/batch/broadcast.hpp — NumPy broadcasting over strided operands, without Python.
//
// A batch quote reads P strided input operands (any shapes that broadcast together, as
// NumPy defines it) and writes C-contiguous outputs of the broadcast shape.  The plan
// drops unit dimensions and merges dimensions that every operand walks contiguously, so
// the common cases (one array and scalars; equal-shape arrays) become one flat loop, and
// only genuinely strided or broadcast shapes keep an outer odometer.  The kernel sees one
// row at a time: a length and one element stride per operand (0 for a broadcast operand).
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "cushion/errors.hpp"

namespace cushion::batch {

using Shape = std::vector<std::ptrdiff_t>;

/// An input operand: its base pointer, shape and element strides (any sign).
template <class T>
struct Operand {
  const T* data = nullptr;
  Shape shape;    ///< empty for a scalar
  Shape strides;  ///< in elements, one per dimension
};

inline std::string shape_string(const Shape& s) {
  std::string out = "(";
  for (std::size_t i = 0; i < s.size(); ++i) out += (i ? ", " : "") + std::to_string(s[i]);
  return out + (s.size() == 1 ? ",)" : ")");
}

/// The broadcast shape of `shapes` (NumPy rules: aligned on the right, each dimension equal
/// or 1).  Throws InvalidArgument naming the two operands that do not broadcast.
inline Shape broadcast_shapes(std::span<const Shape> shapes, std::span<const char* const> names) {
  std::size_t nd = 0;
  for (const Shape& s : shapes) nd = std::max(nd, s.size());
  Shape out(nd, 1);
  std::vector<std::size_t> owner(nd, shapes.size());  // which operand fixed each dimension
  for (std::size_t k = 0; k < shapes.size(); ++k) {
    const Shape& s = shapes[k];
    for (std::size_t j = 0; j < s.size(); ++j) {
      const std::size_t d = nd - s.size() + j;
      if (s[j] == 1) continue;
      if (out[d] == 1) {
        out[d] = s[j];
        owner[d] = k;
      } else if (out[d] != s[j]) {
        throw InvalidArgument("shapes do not broadcast: " + std::string(names[owner[d]]) + " has shape " +
                              shape_string(shapes[owner[d]]) + " but " + names[k] + " has shape " + shape_string(s));
      }
    }
  }
  return out;
}

/// The loop nest of one broadcast: dimensions (outermost first) and, per operand, its
/// element stride along each of them.
template <std::size_t P>
struct LoopPlan {
  Shape shape;                                         ///< coalesced loop dimensions (may be empty: one element)
  std::vector<std::array<std::ptrdiff_t, P>> strides;  ///< per dimension, per operand
  std::size_t size = 1;                                ///< number of elements
};

template <std::size_t P, class T>
LoopPlan<P> plan_loops(const std::array<Operand<T>, P>& ops, const Shape& shape) {
  LoopPlan<P> plan;
  for (const auto n : shape) plan.size *= static_cast<std::size_t>(n);
  const std::size_t nd = shape.size();
  // Per dimension of the broadcast shape, each operand's stride (0 where it broadcasts).
  std::vector<std::array<std::ptrdiff_t, P>> st(nd);
  for (std::size_t k = 0; k < P; ++k) {
    const Operand<T>& op = ops[k];
    for (std::size_t d = 0; d < nd; ++d) {
      const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(d) - static_cast<std::ptrdiff_t>(nd - op.shape.size());
      st[d][k] = (j < 0 || op.shape[static_cast<std::size_t>(j)] == 1) ? 0 : op.strides[static_cast<std::size_t>(j)];
    }
  }
  // Drop unit dimensions, then merge a dimension into the next inner one when every
  // operand steps through it as one longer row.
  for (std::size_t d = 0; d < nd; ++d) {
    if (shape[d] == 1) continue;
    if (!plan.shape.empty()) {
      // The previously kept dimension is the outer one, d the inner one: they are one row
      // of length outer_len * shape[d] when outer_stride == inner_stride * shape[d].
      auto& outer_stride = plan.strides.back();
      bool mergeable = true;
      for (std::size_t k = 0; k < P; ++k) mergeable = mergeable && outer_stride[k] == st[d][k] * shape[d];
      if (mergeable) {
        plan.shape.back() *= shape[d];
        outer_stride = st[d];
        continue;
      }
    }
    plan.shape.push_back(shape[d]);
    plan.strides.push_back(st[d]);
  }
  return plan;
}

/// Calls row(offset, length, pointers, inner_strides) for every innermost row of the plan,
/// in C order; `offset` is the row's first element in the (C-contiguous) output.
template <std::size_t P, class T, class Row>
void for_each_row(const LoopPlan<P>& plan, const std::array<const T*, P>& base, Row&& row) {
  if (plan.size == 0) return;
  if (plan.shape.empty()) {
    row(std::size_t{0}, std::size_t{1}, base, std::array<std::ptrdiff_t, P>{});
    return;
  }
  const std::size_t nd = plan.shape.size();
  const auto row_len = static_cast<std::size_t>(plan.shape.back());
  const auto& inner = plan.strides.back();
  // Element offsets, not pointers: the odometer's intermediate positions may lie outside
  // an operand (negative strides, the step past the last row), which a pointer may not.
  std::vector<std::ptrdiff_t> index(nd - 1, 0);
  std::array<std::ptrdiff_t, P> at{};
  std::array<const T*, P> ptr{};
  for (std::size_t offset = 0; offset < plan.size; offset += row_len) {
    for (std::size_t k = 0; k < P; ++k) ptr[k] = base[k] + at[k];
    row(offset, row_len, ptr, inner);
    // Advance the odometer over the outer dimensions.
    for (std::size_t d = nd - 1; d-- > 0;) {
      for (std::size_t k = 0; k < P; ++k) at[k] += plan.strides[d][k];
      if (++index[d] < plan.shape[d]) break;
      for (std::size_t k = 0; k < P; ++k) at[k] -= plan.strides[d][k] * plan.shape[d];
      index[d] = 0;
    }
  }
}

}  // namespace cushion::batch
