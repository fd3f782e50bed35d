// cpp/bindings/register_batch.cpp — vectorised quoting: _core.batch.
//
//   quote(kind, side, operands)        f64: NumPy arrays (broadcast) in, arrays out, one C++
//                                      loop with the GIL released
//   quote_exact(kind, side, operands)  exact: ints or 1-D sequences of ints in, lists out,
//                                      one C++ loop, reverts reported per element
//   slippage_curve / depth             f64 slippage helpers on a curve object
//   parameters(kind)                   the operand names, for the Python layer
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstdlib>
#include <new>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "arrays.hpp"
#include "curve_dispatch.hpp"
#include "cushion/batch/quote.hpp"
#include "cushion/batch/slippage.hpp"
#include "registry.hpp"

namespace cushion::bindings {

namespace {

using batch::CurveKind;
using batch::CurveSchema;

CurveKind to_kind(py::handle h) {
  if (!PyUnicode_Check(h.ptr()))
    raise(PyExc_TypeError, "curve must be a str: 'linear', 'exponential', 'xyk', 'gda' or 'weighted_xyk'");
  const std::string name = py::str(h);
  const auto kind = batch::parse_curve_kind(name);
  if (!kind)
    raise(PyExc_ValueError,
          "curve must be 'linear', 'exponential', 'xyk', 'gda' or 'weighted_xyk', got '" + name + "'");
  return *kind;
}

template <std::size_t N>
py::tuple names_tuple(const std::array<const char*, N>& names) {
  py::tuple t(N);
  for (std::size_t i = 0; i < N; ++i) t[i] = py::str(names[i]);
  return t;
}

template <class Curve>
py::sequence checked_operands(py::handle operands) {
  constexpr std::size_t P = CurveSchema<Curve>::params.size();
  if (!PySequence_Check(operands.ptr())) raise(PyExc_TypeError, "operands must be a sequence");
  py::sequence seq = py::reinterpret_borrow<py::sequence>(operands);
  if (seq.size() != P)
    raise(PyExc_ValueError, "expected " + std::to_string(P) + " operands for curve '" + Curve::kind + "', got " +
                                std::to_string(seq.size()));
  return seq;
}

/// A batch's columns as the dict the Python layer unpacks (next: field name -> column).
template <std::size_t N, class Column>
py::dict result_columns(const py::object& value, const py::object& trade_fee, const py::object& protocol_fee,
                        const py::object& error, const py::object& items, const std::array<const char*, N>& names,
                        const std::array<Column, N>& next) {
  py::dict next_dict;
  for (std::size_t j = 0; j < N; ++j) next_dict[names[j]] = next[j];
  py::dict out;
  out["value"] = value;
  out["trade_fee"] = trade_fee;
  out["protocol_fee"] = protocol_fee;
  out["error"] = error;
  out["items"] = items;
  out["next"] = next_dict;
  return out;
}

// -- f64 --------------------------------------------------------------------------------

/// A fresh C-contiguous array whose data starts on a 64-byte boundary (NumPy's allocator
/// gives 16): every column of a batch then has the same alignment, which lets the kernels
/// write long rows with streaming stores (batch/kernels.hpp).  The buffer is owned by a
/// capsule, the array's base; nothing else is allocated.
template <class T>
py::array_t<T> aligned_array(const std::vector<py::ssize_t>& shape) {
  std::size_t count = 1;
  for (const auto n : shape) count *= static_cast<std::size_t>(n);
  const std::size_t bytes = (std::max<std::size_t>(count * sizeof(T), 1) + 63) / 64 * 64;
  void* data = std::aligned_alloc(64, bytes);
  if (data == nullptr) throw std::bad_alloc();
  py::capsule owner(data, [](void* p) { std::free(p); });
  return py::array_t<T>(shape, static_cast<T*>(data), owner);
}

/// The output columns of an f64 batch: fresh arrays, or with `out` (a previous result's
/// columns, for repeated sweeps without reallocating) the caller's arrays once they are
/// checked to be writable, C-contiguous, of the right dtype and shape, and disjoint from
/// the inputs and from each other.
class OutputColumns {
 public:
  OutputColumns(py::handle out, std::vector<py::ssize_t> shape, const std::vector<py::array>& inputs)
      : out_(out), shape_(std::move(shape)), inputs_(inputs) {
    if (!out.is_none() && !PyDict_Check(out.ptr())) raise(PyExc_TypeError, "out must be a BatchQuote (or None)");
  }

  template <class T>
  py::array_t<T> take(const char* key, bool in_next = false) {
    if (out_.is_none()) return aligned_array<T>(shape_);
    py::dict source = py::reinterpret_borrow<py::dict>(out_);
    if (in_next) {
      if (!source.contains("next")) raise(PyExc_ValueError, "out has no next columns");
      source = source["next"].cast<py::dict>();
    }
    if (!source.contains(key)) raise(PyExc_ValueError, std::string("out has no column '") + key + "' for this curve");
    const py::object column = source[key];
    const std::string name = std::string("out.") + (in_next ? "next['" + std::string(key) + "']" : key);
    if (!py::isinstance<py::array>(column)) raise(PyExc_TypeError, name + " must be a NumPy array");
    const auto arr = py::reinterpret_borrow<py::array>(column);
    if (!arr.dtype().is(py::dtype::of<T>()))
      raise(PyExc_TypeError, name + " must have dtype " + std::string(py::str(py::dtype::of<T>())));
    if (!(arr.flags() & py::array::c_style) || !arr.writeable())
      raise(PyExc_ValueError, name + " must be a writable C-contiguous array");
    if (std::vector<py::ssize_t>(arr.shape(), arr.shape() + arr.ndim()) != shape_)
      raise(PyExc_ValueError, name + " has the wrong shape for this batch");
    for (const auto& other : inputs_)
      if (numpy().attr("may_share_memory")(arr, other).cast<bool>())
        raise(PyExc_ValueError, name + " overlaps an input: out columns must not share memory with the inputs");
    for (const auto& other : taken_)
      if (numpy().attr("may_share_memory")(arr, other).cast<bool>())
        raise(PyExc_ValueError, name + " overlaps another out column");
    taken_.push_back(arr);
    return py::array_t<T>(arr);
  }

 private:
  py::handle out_;
  std::vector<py::ssize_t> shape_;
  const std::vector<py::array>& inputs_;
  std::vector<py::array> taken_;
};

template <class Curve, bool Buy>
py::dict quote_f64(py::handle operands, py::handle out_columns) {
  using S = CurveSchema<Curve>;
  constexpr std::size_t P = S::params.size(), N = S::next.size();
  const py::sequence seq = checked_operands<Curve>(operands);
  std::array<F64Array, P> arrays;
  std::array<batch::Operand<double>, P> ops;
  std::array<batch::Shape, P> shapes;
  std::array<const double*, P> base{};
  std::vector<py::array> inputs;
  for (std::size_t k = 0; k < P; ++k) {
    arrays[k] = to_f64_array(seq[k], S::params[k]);
    ops[k] = arrays[k].operand;
    shapes[k] = ops[k].shape;
    base[k] = ops[k].data;
    inputs.push_back(arrays[k].array);
  }
  const batch::Shape shape = batch::broadcast_shapes(shapes, S::params);
  const auto plan = batch::plan_loops(ops, shape);
  OutputColumns columns(out_columns, to_py_shape(shape), inputs);
  py::array_t<double> value = columns.take<double>("value"), trade_fee = columns.take<double>("trade_fee"),
                      protocol_fee = columns.take<double>("protocol_fee"), items = columns.take<double>("items");
  py::array_t<std::uint8_t> error = columns.take<std::uint8_t>("error");
  std::array<py::array_t<double>, N> next;
  batch::F64Columns<N> cols{value.mutable_data(), trade_fee.mutable_data(), protocol_fee.mutable_data(),
                            error.mutable_data(), items.mutable_data(),     {}};
  for (std::size_t j = 0; j < N; ++j) {
    next[j] = columns.take<double>(S::next[j], true);
    cols.next[j] = next[j].mutable_data();
  }
  {
    py::gil_scoped_release release;
    batch::quote_f64_checked<Curve, Buy>(ops, plan, base, cols);
  }
  return result_columns(value, trade_fee, protocol_fee, error, items, S::next, next);
}

// -- exact ------------------------------------------------------------------------------

/// One exact operand: an int (broadcast) or a 1-D sequence of ints.  It is converted a
/// chunk at a time (read_chunk), so a batch holds only small uint256 buffers besides its
/// outputs; errors name the argument and the element ("spot_price[3] must be >= 0 ...").
class IntColumn {
 public:
  IntColumn(py::handle obj, const char* name) : name_(name) {
    py::object seq;
    if (py::isinstance<py::array>(obj)) {
      const auto arr = py::reinterpret_borrow<py::array>(obj);
      if (arr.ndim() == 0) {
        scalar_ = to_uint256(arr.attr("item")(), name);
        return;
      }
      if (arr.ndim() != 1)
        raise(PyExc_ValueError, std::string(name) + " must be an int or a 1-D sequence of ints, got a " +
                                    std::to_string(arr.ndim()) + "-D array");
      seq = arr.attr("tolist")();
    } else if (PySequence_Check(obj.ptr()) && !PyUnicode_Check(obj.ptr()) && !PyBytes_Check(obj.ptr())) {
      seq = py::reinterpret_borrow<py::object>(obj);
    } else {
      scalar_ = to_uint256(obj, name);
      return;
    }
    fast_ = py::reinterpret_steal<py::object>(PySequence_Fast(seq.ptr(), name));
    if (!fast_) throw py::error_already_set();
    size_ = static_cast<std::size_t>(PySequence_Fast_GET_SIZE(fast_.ptr()));
    if (size_ == 1) {  // a length-1 sequence broadcasts like an int
      scalar_ = element(0);
      fast_ = py::object();
    }
  }

  /// 1 for a broadcast value, else the sequence's length.
  std::size_t size() const noexcept { return size_; }
  bool broadcast() const noexcept { return !fast_; }
  const uint256& scalar() const noexcept { return scalar_; }

  static constexpr std::size_t kPrefetchAhead = 8;

  /// Elements [first, first + count) into out.  The GIL must be held; the sequence is
  /// re-read each time (a list may have changed while the GIL was released).
  void read_chunk(std::size_t first, std::size_t count, uint256* out) const {
    if (static_cast<std::size_t>(PySequence_Fast_GET_SIZE(fast_.ptr())) != size_)
      raise(PyExc_RuntimeError, std::string(name_) + " changed size during the batch");
    PyObject** items = PySequence_Fast_ITEMS(fast_.ptr());
    for (std::size_t i = 0; i < count; ++i) {
      // Reading an int is one cache miss on its object: ask for the later ones early.
      if (i + kPrefetchAhead < count) __builtin_prefetch(items[first + i + kPrefetchAhead]);
      if (!try_to_uint256(items[first + i], &out[i])) out[i] = element(first + i);
    }
  }

 private:
  /// The general conversion of one element, which names it in any error.
  uint256 element(std::size_t i) const {
    const std::string label = std::string(name_) + "[" + std::to_string(i) + "]";
    return to_uint256(py::handle(PySequence_Fast_ITEMS(fast_.ptr())[i]), label.c_str());
  }

  const char* name_;
  py::object fast_;  ///< PySequence_Fast of the sequence; empty for a broadcast value
  std::size_t size_ = 1;
  uint256 scalar_;
};

/// Elements [first, first + count) of `values` into slots of a list made by PyList_New.
void set_ints(PyObject* list, std::size_t first, const uint256* values, std::size_t count) {
  // PyList_SET_ITEM steals the new reference: no per-element refcount traffic.
  for (std::size_t i = 0; i < count; ++i) {
    PyObject* o = new_int(values[i]);
    if (o == nullptr) throw py::error_already_set();  // the list's unset slots stay NULL: it frees fine
    PyList_SET_ITEM(list, static_cast<Py_ssize_t>(first + i), o);
  }
}

py::list new_list(std::size_t size) {
  PyObject* l = PyList_New(static_cast<Py_ssize_t>(size));  // slots NULL until set (list_dealloc allows it)
  if (l == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::list>(l);
}

template <class Curve, bool Buy>
py::dict quote_exact(py::handle operands) {
  using S = CurveSchema<Curve>;
  constexpr std::size_t P = S::params.size(), N = S::next.size();
  const py::sequence seq = checked_operands<Curve>(operands);
  std::vector<IntColumn> columns;
  columns.reserve(P);
  std::size_t size = 1;
  std::size_t owner = P;
  for (std::size_t k = 0; k < P; ++k) {
    columns.emplace_back(seq[k], S::params[k]);
    const std::size_t len = columns[k].size();
    if (len == 1) continue;
    if (owner == P || size == 1) {
      size = len;
      owner = k;
    } else if (len != size) {
      raise(PyExc_ValueError, std::string("lengths do not broadcast: ") + S::params[owner] + " has " +
                                  std::to_string(size) + " elements but " + S::params[k] + " has " +
                                  std::to_string(len));
    }
  }
  // Outputs: lists of ints filled chunk by chunk, the error codes as a uint8 array.
  py::list value = new_list(size), trade_fee = new_list(size), protocol_fee = new_list(size), items = new_list(size);
  std::array<py::list, N> next;
  for (auto& col : next) col = new_list(size);
  py::array_t<std::uint8_t> error(static_cast<py::ssize_t>(size));
  std::vector<batch::ElementRevert> reverts;
  // Chunk buffers: inputs (a broadcast column keeps its one value) and outputs.
  // The GIL is released once per chunk.
  const std::size_t chunk = std::min(size, batch::kExactChunk);
  std::array<std::vector<uint256>, P> in;
  std::array<std::span<const uint256>, P> views;
  for (std::size_t k = 0; k < P; ++k) in[k].assign(columns[k].broadcast() ? 1 : chunk, columns[k].scalar());
  std::vector<uint256> out;
  batch::ExactSink<N> sink = batch::chunk_sink<N>(out, chunk, nullptr, &reverts);
  for (std::size_t first = 0; first < size; first += chunk) {
    const std::size_t count = std::min(chunk, size - first);
    for (std::size_t k = 0; k < P; ++k) {
      if (!columns[k].broadcast()) columns[k].read_chunk(first, count, in[k].data());
      views[k] = std::span<const uint256>(in[k].data(), columns[k].broadcast() ? 1 : count);
    }
    sink.error = error.mutable_data() + first;
    {
      py::gil_scoped_release release;
      batch::quote_exact_into<Curve, Buy>(views, count, first, sink);
    }
    set_ints(value.ptr(), first, sink.value, count);
    set_ints(trade_fee.ptr(), first, sink.trade_fee, count);
    set_ints(protocol_fee.ptr(), first, sink.protocol_fee, count);
    set_ints(items.ptr(), first, sink.items, count);
    for (std::size_t j = 0; j < N; ++j) set_ints(next[j].ptr(), first, sink.next[j], count);
  }
  py::list revert_list;
  for (const auto& r : reverts)
    revert_list.append(py::make_tuple(r.index, num::to_string(r.revert.kind()), r.revert.reason()));
  py::dict result = result_columns(value, trade_fee, protocol_fee, error, items, S::next, next);
  result["reverts"] = revert_list;
  return result;
}

template <class Num, bool Exact>
py::dict dispatch_quote(py::handle kind, py::handle side, py::handle operands, py::handle out) {
  const CurveKind k = to_kind(kind);
  const bool buy = to_side(side) == curves::Side::buy;
  return batch::visit_curve<Num>(k, [&](auto type) {
    using Curve = typename decltype(type)::type;
    if constexpr (Exact)
      return buy ? quote_exact<Curve, true>(operands) : quote_exact<Curve, false>(operands);
    else
      return buy ? quote_f64<Curve, true>(operands, out) : quote_f64<Curve, false>(operands, out);
  });
}

// -- slippage ---------------------------------------------------------------------------

std::vector<double> to_quantities(py::handle obj) {
  const F64Array a = to_f64_array(obj, "quantities");
  if (a.operand.shape.size() != 1) raise(PyExc_ValueError, "quantities must be a 1-D array");
  std::vector<double> q(static_cast<std::size_t>(a.operand.shape[0]));
  for (std::size_t i = 0; i < q.size(); ++i)
    q[i] = a.operand.data[static_cast<std::ptrdiff_t>(i) * a.operand.strides[0]];
  return q;
}

template <class Fn>
void visit_f64_curve(py::handle curve, Fn&& fn) {
  if (visit_curve_object<num::F64>(curve, fn)) return;
  if (visit_curve_object<num::Evm256>(curve, [](const auto&) {}))
    raise(PyExc_TypeError, "curve must be an f64 curve: slippage and depth are f64 tools (use cushion.Linear, ...)");
  raise(PyExc_TypeError, std::string("curve must be ") + kCurveTypes + ", not " + type_name(curve.ptr()));
}

py::array_t<double> to_array(const std::vector<double>& v) {
  py::array_t<double> out(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), out.mutable_data());
  return out;
}

py::dict slippage_curve(py::handle curve, py::handle quantities, py::handle side) {
  const std::vector<double> q = to_quantities(quantities);
  const curves::Side s = to_side(side);
  batch::SlippageCurve result;
  visit_f64_curve(curve, [&](const auto& c) {
    py::gil_scoped_release release;
    result = batch::slippage_curve(c, q, s);
  });
  py::dict out;
  out["quantity"] = to_array(result.quantity);
  out["value"] = to_array(result.value);
  out["average_price"] = to_array(result.average_price);
  out["marginal_price"] = to_array(result.marginal_price);
  out["price_impact"] = to_array(result.price_impact);
  out["items"] = to_array(result.items);
  py::array_t<std::uint8_t> error(static_cast<py::ssize_t>(result.error.size()));
  std::copy(result.error.begin(), result.error.end(), error.mutable_data());
  out["error"] = error;
  return out;
}

py::array_t<std::int64_t> depth(py::handle curve, py::handle drop, py::handle side, std::int64_t max_items,
                                py::handle quantities) {
  if (max_items < 0) raise(PyExc_ValueError, "max_items must be >= 0");
  const F64Array drops = to_f64_array(drop, "drop");
  const std::vector<double> q = quantities.is_none() ? std::vector<double>() : to_quantities(quantities);
  const curves::Side s = to_side(side);
  const batch::Operand<double>& op = drops.operand;
  if (const auto bad = batch::find_invalid(op, batch::kUnbounded))
    raise(PyExc_ValueError, batch::describe_invalid("drop", batch::kUnbounded, *bad));
  py::array_t<std::int64_t> out(to_py_shape(op.shape));
  std::array<batch::Operand<double>, 1> ops{op};
  const auto plan = batch::plan_loops(ops, op.shape);
  std::int64_t* dst = out.mutable_data();
  visit_f64_curve(curve, [&](const auto& c) {
    py::gil_scoped_release release;
    batch::for_each_row(
        plan, std::array<const double*, 1>{op.data},
        [&](std::size_t offset, std::size_t len, const auto& ptr, const auto& stride) {
          for (std::size_t i = 0; i < len; ++i)
            dst[offset + i] = static_cast<std::int64_t>(batch::depth(
                c, ptr[0][static_cast<std::ptrdiff_t>(i) * stride[0]], s, static_cast<std::uint64_t>(max_items), q));
        });
  });
  return out;
}

void register_batch(py::module_& core) {
  py::module_ m = core.def_submodule("batch", "Vectorised quoting (private: use cushion.batch / cushion.slippage).");
  m.def(
      "parameters",
      [](py::handle kind) {
        return batch::visit_curve<num::F64>(to_kind(kind), [](auto type) {
          using S = CurveSchema<typename decltype(type)::type>;
          return py::make_tuple(names_tuple(S::params), names_tuple(S::next));
        });
      },
      py::arg("kind"), "(operand names in order, next-state field names) of a curve kind.");
  m.def("quote", &dispatch_quote<num::F64, false>, py::arg("kind"), py::arg("side"), py::arg("operands"),
        py::arg("out") = py::none(),
        "f64 batch quote: operands (one per parameter, in parameters(kind) order) broadcast together; out: a "
        "previous result's columns to write into.");
  m.def(
      "quote_exact",
      [](py::handle kind, py::handle side, py::handle operands) {
        return dispatch_quote<num::Evm256, true>(kind, side, operands, py::none());
      },
      py::arg("kind"), py::arg("side"), py::arg("operands"),
      "Exact batch quote: operands are ints or 1-D sequences of ints of one common length.");
  m.def("slippage_curve", &slippage_curve, py::arg("curve"), py::arg("quantities"), py::arg("side"),
        "The slippage curve of an f64 curve at cumulative quantities.");
  m.def("depth", &depth, py::arg("curve"), py::arg("drop"), py::arg("side"), py::arg("max_items"),
        py::arg("quantities") = py::none(), "Items absorbable before the item price worsens by more than drop.");
}

}  // namespace

CUSHION_REGISTER(50, batch, register_batch);

}  // namespace cushion::bindings
