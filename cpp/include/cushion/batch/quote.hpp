// cushion/batch/quote.hpp — one curve quote per element of broadcast arrays.
//
// f64: rows whose operands are contiguous or broadcast (the common cases) run the curve's
// SIMD kernel (kernels.hpp: the scalar quote transcribed onto SIMD lanes, tested
// equal to it bit for bit); other rows, and curves without a kernel, build the curve per
// element and call the same inline buy/sell as a scalar quote.  Either way a batch result
// equals the scalar result bit for bit (the project compiles with -ffp-contract=off, so no
// FMA differs between the two).  The loops are allocation-free: outputs are preallocated
// columns, and a row whose curve parameters are all broadcast builds its curve once.  Validation rides
// on the loop instead of a separate pass over the inputs: the curve constructors check
// their parameters (throwing, out of line, only on bad input) and the quantities fold
// into a flag; only on failure is the input scanned again, to name the bad element.
//
// exact: the same, over columns of uint256 (length 1 or the batch length); a revert is
// caught per element and reported (CurveError::reverted plus the Revert itself) so that
// one failing case does not hide the thousands of others a contract developer checks.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cushion/batch/broadcast.hpp"
#include "cushion/batch/kernels.hpp"
#include "cushion/batch/schema.hpp"

namespace cushion::batch {

/// The first element of an operand outside [0, upper] (NaN and infinities included).
struct InvalidElement {
  Shape index;  ///< its position in the operand's own shape
  double value;
};

template <class T>
std::optional<InvalidElement> find_invalid(const Operand<T>& op, double upper) {
  const auto bad = [upper](double v) { return !((v >= 0.0) & (v <= upper)); };
  const std::size_t nd = op.shape.size();
  std::size_t size = 1;
  for (const auto n : op.shape) size *= static_cast<std::size_t>(n);
  if (size == 0) return std::nullopt;
  // Fast path: a C-contiguous operand is one flat, vectorisable scan.
  bool contiguous = true;
  std::ptrdiff_t expect = 1;
  for (std::size_t d = nd; d-- > 0;) {
    contiguous = contiguous && (op.shape[d] == 1 || op.strides[d] == expect);
    expect *= op.shape[d];
  }
  std::ptrdiff_t first_bad = -1;
  if (contiguous) {
    bool any_bad = false;
    for (std::size_t i = 0; i < size; ++i) any_bad |= bad(op.data[i]);
    if (!any_bad) return std::nullopt;
    for (std::size_t i = 0; i < size && first_bad < 0; ++i)
      if (bad(op.data[i])) first_bad = static_cast<std::ptrdiff_t>(i);
    Shape index(nd);
    std::ptrdiff_t rest = first_bad;
    for (std::size_t d = nd; d-- > 0;) {
      index[d] = rest % op.shape[d];
      rest /= op.shape[d];
    }
    return InvalidElement{index, op.data[first_bad]};
  }
  Shape index(nd, 0);
  for (std::size_t i = 0; i < size; ++i) {
    std::ptrdiff_t offset = 0;
    for (std::size_t d = 0; d < nd; ++d) offset += index[d] * op.strides[d];
    if (bad(op.data[offset])) return InvalidElement{index, op.data[offset]};
    for (std::size_t d = nd; d-- > 0;) {
      if (++index[d] < op.shape[d]) break;
      index[d] = 0;
    }
  }
  return std::nullopt;
}

inline std::string describe_invalid(const char* name, double upper, const InvalidElement& e) {
  std::string bound = upper == kUnbounded
                          ? " must be a finite number >= 0"
                          : " must be a finite number in [0, " + std::to_string(std::llround(upper)) + "]";
  std::string got = std::isnan(e.value)   ? "nan"
                    : std::isinf(e.value) ? (e.value > 0 ? "inf" : "-inf")
                                          : std::to_string(e.value);
  return std::string(name) + bound + ", got " + got + (e.index.empty() ? "" : " at index " + shape_string(e.index));
}

/// Checks every operand against its curve parameter's domain; throws InvalidArgument
/// naming the argument, the offending value and its index.
template <class Curve, std::size_t P>
void validate_f64(const std::array<Operand<double>, P>& ops) {
  using S = CurveSchema<Curve>;
  static_assert(S::params.size() == P);
  for (std::size_t k = 0; k < P; ++k)
    if (const auto e = find_invalid(ops[k], S::upper[k]))
      throw InvalidArgument(describe_invalid(S::params[k], S::upper[k], *e));
}

/// Output columns of an f64 batch quote, C-contiguous, one element per broadcast element.
template <std::size_t NextN>
struct F64Columns {
  double* value = nullptr;
  double* trade_fee = nullptr;
  double* protocol_fee = nullptr;
  std::uint8_t* error = nullptr;
  double* items = nullptr;
  std::array<double*, NextN> next{};
};

/// Quotes every element of `plan` (operands in CurveSchema<Curve>::params order; the last
/// is the traded quantity).  A row whose operands are contiguous or broadcast runs the
/// curve's SIMD kernel (kernels.hpp) where it has one, every other row the element
/// loop.  The element loop checks the curve parameters in the curve constructors (which
/// throw) and the quantities by a flag; the kernels fold every operand's check into the
/// flag.  Returns false when an operand is out of its domain (negative, not finite); use
/// quote_f64_checked for the diagnosis.
template <class Curve, bool Buy, std::size_t P, std::size_t NextN>
bool quote_f64(const LoopPlan<P>& plan, const std::array<const double*, P>& base, const F64Columns<NextN>& out) {
  using S = CurveSchema<Curve>;
  static_assert(S::params.size() == P && S::next.size() == NextN);
  bool quantities_ok = true;
  for_each_row(plan, base,
               [&](std::size_t offset, std::size_t len, const std::array<const double*, P>& ptr,
                   const std::array<std::ptrdiff_t, P>& stride) {
                 if constexpr (kernels::HasKernel<Curve>) {
                   bool contiguous = true;
                   for (std::size_t k = 0; k < P; ++k) contiguous = contiguous && (stride[k] == 0 || stride[k] == 1);
                   if (contiguous) {
                     std::array<double*, NextN> next;
                     for (std::size_t j = 0; j < NextN; ++j) next[j] = out.next[j] + offset;
                     const bool row_ok = kernels::quote_row<Curve, Buy>(
                         ptr, stride, len, out.value + offset, out.trade_fee + offset, out.protocol_fee + offset,
                         out.error + offset, out.items + offset, next);
                     quantities_ok = quantities_ok && row_ok;
                     return;
                   }
                 }
                 double* const value = out.value + offset;
                 double* const trade_fee = out.trade_fee + offset;
                 double* const protocol_fee = out.protocol_fee + offset;
                 std::uint8_t* const error = out.error + offset;
                 double* const items = out.items + offset;
                 std::array<double*, NextN> next;
                 for (std::size_t j = 0; j < NextN; ++j) next[j] = out.next[j] + offset;
                 const auto store = [&](std::size_t i, const auto& q) {
                   value[i] = q.value;
                   trade_fee[i] = q.trade_fee;
                   protocol_fee[i] = q.protocol_fee;
                   error[i] = static_cast<std::uint8_t>(q.error);
                   items[i] = q.items;
                   std::array<double, NextN> n;
                   S::store_next(q.next, n.data());
                   for (std::size_t j = 0; j < NextN; ++j) next[j][i] = n[j];
                 };
                 bool row_ok = true;
                 bool fixed_curve = true;  // every curve parameter broadcast along this row
                 for (std::size_t k = 0; k + 1 < P; ++k) fixed_curve = fixed_curve && stride[k] == 0;
                 std::array<double, P> p;
                 for (std::size_t k = 0; k < P; ++k) p[k] = ptr[k][0];
                 if (fixed_curve) {
                   // One curve, many quantities (the commonest batch: a grid of n): build the
                   // curve once; each element is the very same buy/sell call.
                   const Curve curve = S::make(p.data());
                   const double* const quantity = ptr[P - 1];
                   const std::ptrdiff_t step = stride[P - 1];
                   for (std::size_t i = 0; i < len; ++i) {
                     const double n = quantity[static_cast<std::ptrdiff_t>(i) * step];
                     row_ok &= (n >= 0.0) & (n <= S::upper[P - 1]);
                     store(i, Buy ? curve.buy(n) : curve.sell(n));
                   }
                 } else {
                   // Running pointers and strides in locals: the uint8 error store may alias
                   // anything, which would otherwise reload `ptr` and `stride` every element.
                   std::array<const double*, P> at = ptr;
                   const std::array<std::ptrdiff_t, P> step = stride;
                   for (std::size_t i = 0; i < len; ++i) {
                     for (std::size_t k = 0; k < P; ++k) {
                       p[k] = *at[k];
                       at[k] += step[k];
                     }
                     const Curve curve = S::make(p.data());  // checks (and may throw for) the parameters
                     row_ok = row_ok && p[P - 1] >= 0.0 && p[P - 1] <= S::upper[P - 1];
                     store(i, Buy ? curve.buy(p[P - 1]) : curve.sell(p[P - 1]));
                   }
                 }
                 quantities_ok = quantities_ok && row_ok;
               });
  return quantities_ok;
}

/// quote_f64 with the inputs' domain checked: on any invalid element, throws
/// InvalidArgument naming the argument, the value and its index (validate_f64), and the
/// outputs are to be discarded.  Validation rides on the quoting loop (the constructors'
/// own checks and a flag on the quantities), so valid input is read once.
template <class Curve, bool Buy, std::size_t P, std::size_t NextN>
void quote_f64_checked(const std::array<Operand<double>, P>& ops, const LoopPlan<P>& plan,
                       const std::array<const double*, P>& base, const F64Columns<NextN>& out) {
  bool ok = false;
  if (plan.size == 0) validate_f64<Curve>(ops);  // an empty batch still rejects bad scalars
  try {
    ok = quote_f64<Curve, Buy>(plan, base, out);
  } catch (const InvalidArgument&) {
    validate_f64<Curve>(ops);
    throw;
  } catch (const OutOfRange&) {
    validate_f64<Curve>(ops);
    throw;
  }
  if (!ok) validate_f64<Curve>(ops);
}

/// An exact-mode element that reverted.
struct ElementRevert {
  std::size_t index;
  num::Revert revert;
};

/// The columns of an exact batch quote.  A failed element (error != OK, including
/// CurveError::reverted for a revert) has zero amounts and its unchanged state in `next`.
template <std::size_t NextN>
struct ExactColumns {
  std::vector<num::uint256> value, trade_fee, protocol_fee, items;
  std::array<std::vector<num::uint256>, NextN> next;
  std::vector<std::uint8_t> error;
  std::vector<ElementRevert> reverts;  ///< in index order
};

/// Where an exact kernel writes a run of quotes: `count` slots per column.
template <std::size_t NextN>
struct ExactSink {
  num::uint256* value = nullptr;
  num::uint256* trade_fee = nullptr;
  num::uint256* protocol_fee = nullptr;
  num::uint256* items = nullptr;
  std::array<num::uint256*, NextN> next{};
  std::uint8_t* error = nullptr;
  std::vector<ElementRevert>* reverts = nullptr;  ///< appended to, in index order
};

/// Elements per chunk when a long exact batch runs through small reused buffers (the Python
/// binding; cushion_bench's Batch/exact rows): ~(P + 4 + NextN) * 32 B each, in L1/L2.
inline constexpr std::size_t kExactChunk = 256;

/// A sink whose value, fee, items and next columns are `chunk` slots each of `buffer`
/// (resized here to (4 + NextN) * chunk); the error column and the reverts are the caller's.
template <std::size_t NextN>
ExactSink<NextN> chunk_sink(std::vector<num::uint256>& buffer, std::size_t chunk, std::uint8_t* error,
                            std::vector<ElementRevert>* reverts) {
  buffer.assign((4 + NextN) * chunk, num::uint256());
  num::uint256* b = buffer.data();
  ExactSink<NextN> sink{b, b + chunk, b + 2 * chunk, b + 3 * chunk, {}, error, reverts};
  for (std::size_t j = 0; j < NextN; ++j) sink.next[j] = b + (4 + j) * chunk;
  return sink;
}

/// Quotes `count` elements into `out`; column k holds 1 value (broadcast) or `count`.
/// `first_index` is the first element's index in the whole batch (for messages and
/// ElementRevert::index), so a caller can run a long batch through small buffers.  An
/// argument the curve cannot hold (e.g. a uint128 field >= 2^128) aborts with the curve's
/// InvalidArgument / OutOfRange, its message naming the element.
template <class Curve, bool Buy, std::size_t P, std::size_t NextN>
void quote_exact_into(const std::array<std::span<const num::uint256>, P>& columns, std::size_t count,
                      std::size_t first_index, const ExactSink<NextN>& out) {
  using S = CurveSchema<Curve>;
  static_assert(S::params.size() == P && S::next.size() == NextN);
  for (std::size_t i = 0; i < count; ++i) {
    std::array<num::uint256, P> p;
    for (std::size_t k = 0; k < P; ++k) p[k] = columns[k][columns[k].size() == 1 ? 0 : i];
    const auto element = [&] { return " (element " + std::to_string(first_index + i) + ")"; };
    std::optional<Curve> curve;
    try {
      curve.emplace(S::make(p.data()));
    } catch (const OutOfRange& e) {
      throw OutOfRange(e.what() + element());
    } catch (const InvalidArgument& e) {
      throw InvalidArgument(e.what() + element());
    }
    std::array<num::uint256, NextN> n;
    try {
      const auto q = Buy ? curve->buy(p[P - 1]) : curve->sell(p[P - 1]);
      out.value[i] = q.value;
      out.trade_fee[i] = q.trade_fee;
      out.protocol_fee[i] = q.protocol_fee;
      out.items[i] = q.items;
      out.error[i] = static_cast<std::uint8_t>(q.error);
      S::store_next(q.next, n.data());
    } catch (const num::Revert& r) {
      out.value[i] = out.trade_fee[i] = out.protocol_fee[i] = out.items[i] = num::uint256();
      out.error[i] = static_cast<std::uint8_t>(curves::CurveError::reverted);
      out.reverts->push_back({first_index + i, r});
      S::store_next(*curve, n.data());
    }
    for (std::size_t j = 0; j < NextN; ++j) out.next[j][i] = n[j];
  }
}

/// Quotes `size` elements into fresh columns (see quote_exact_into).
template <class Curve, bool Buy, std::size_t P>
auto quote_exact(const std::array<std::span<const num::uint256>, P>& columns, std::size_t size) {
  constexpr std::size_t NextN = CurveSchema<Curve>::next.size();
  ExactColumns<NextN> out;
  for (auto* col : {&out.value, &out.trade_fee, &out.protocol_fee, &out.items}) col->resize(size);
  for (auto& col : out.next) col.resize(size);
  out.error.resize(size);
  ExactSink<NextN> sink{out.value.data(), out.trade_fee.data(), out.protocol_fee.data(), out.items.data(), {},
                        out.error.data(), &out.reverts};
  for (std::size_t j = 0; j < NextN; ++j) sink.next[j] = out.next[j].data();
  quote_exact_into<Curve, Buy>(columns, size, 0, sink);
  return out;
}

}  // namespace cushion::batch
