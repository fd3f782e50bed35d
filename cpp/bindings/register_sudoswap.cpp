// cpp/bindings/register_sudoswap.cpp — sudoswap v2 ICurve compatibility: _core.sudoswap.
#include <pybind11/stl.h>

#include <optional>
#include <string>

#include "convert.hpp"
#include "cushion/compat/sudoswap.hpp"
#include "registry.hpp"

namespace cushion::bindings {

namespace {

namespace sudo = compat::sudoswap;

sudo::CurveKind to_curve_kind(py::handle h) {
  if (!PyUnicode_Check(h.ptr())) raise(PyExc_TypeError, "curve must be a str: 'linear', 'exponential', 'xyk' or 'gda'");
  const std::string name = py::str(h);
  const auto kind = sudo::parse_curve_kind(name);
  if (!kind) raise(PyExc_ValueError, "curve must be 'linear', 'exponential', 'xyk' or 'gda', got '" + name + "'");
  return *kind;
}

py::tuple to_tuple(const sudo::CurveInfo& info) {
  return py::make_tuple(static_cast<int>(info.error), from_uint256(info.new_spot_price), from_uint256(info.new_delta),
                        from_uint256(info.value), from_uint256(info.trade_fee), from_uint256(info.protocol_fee));
}

template <bool Buy>
py::tuple curve_info(StrArg curve, IntArg spot_price, IntArg delta, IntArg num_items, IntArg fee_multiplier,
                     IntArg protocol_fee_multiplier, std::optional<IntArg> timestamp) {
  const sudo::CurveKind kind = to_curve_kind(curve.obj);
  const num::uint256 spot = to_uint256(spot_price, "spot_price");
  const num::uint256 d = to_uint256(delta, "delta");
  const num::uint256 n = to_uint256(num_items, "num_items");
  const num::uint256 fee = to_uint256(fee_multiplier, "fee_multiplier");
  const num::uint256 pfee = to_uint256(protocol_fee_multiplier, "protocol_fee_multiplier");
  num::uint256 now;
  if (kind == sudo::CurveKind::gda) {
    if (!timestamp) raise(PyExc_ValueError, "timestamp (block.timestamp) is required for curve 'gda'");
    now = to_uint256(*timestamp, "timestamp");
  } else if (timestamp) {
    now = to_uint256(*timestamp, "timestamp");  // validated, then unused: only GDA reads the clock
  }
  return to_tuple(Buy ? sudo::get_buy_info(kind, spot, d, n, fee, pfee, now)
                      : sudo::get_sell_info(kind, spot, d, n, fee, pfee, now));
}

constexpr const char* kInfoDoc =
    "\n"
    "Returns ICurve's tuple (error, new_spot_price, new_delta, value, trade_fee, protocol_fee) as ints, with\n"
    "every field 0 when error != 0 (CurveErrorCodes).  Raises cushion.Revert wherever the contract reverts\n"
    "(checked arithmetic, PRBMath errors), OverflowError if spot_price or delta does not fit uint128.";

void register_sudoswap(py::module_& core) {
  py::module_ m = core.def_submodule("sudoswap", "sudoswap v2 (lssvm2 @1b18945) bonding curves, bit for bit.");
  m.def("get_buy_info", &curve_info<true>, py::arg("curve"), py::arg("spot_price"), py::arg("delta"),
        py::arg("num_items"), py::arg("fee_multiplier"), py::arg("protocol_fee_multiplier"), py::kw_only(),
        py::arg("timestamp") = py::none(),
        (std::string("ICurve.getBuyInfo: quote buying num_items from a sudoswap v2 pool.\n") + kInfoDoc).c_str());
  m.def("get_sell_info", &curve_info<false>, py::arg("curve"), py::arg("spot_price"), py::arg("delta"),
        py::arg("num_items"), py::arg("fee_multiplier"), py::arg("protocol_fee_multiplier"), py::kw_only(),
        py::arg("timestamp") = py::none(),
        (std::string("ICurve.getSellInfo: quote selling num_items into a sudoswap v2 pool.\n") + kInfoDoc).c_str());
  m.def(
      "pack_gda_delta",
      [](IntArg alpha, IntArg decay, IntArg t0) {
        return from_uint256(
            sudo::pack_gda_delta(to_uint256(alpha, "alpha"), to_uint256(decay, "decay"), to_uint256(t0, "t0")));
      },
      py::arg("alpha"), py::arg("decay"), py::arg("t0"),
      "Packs a GDA delta: alpha and decay (lambda) with 9 decimals (uint40 each), t0 in seconds (uint48).");
  m.def(
      "unpack_gda_delta",
      [](IntArg delta) {
        const auto d = sudo::unpack_gda_delta(to_uint256(delta, "delta"));
        return py::make_tuple(from_uint256(d.alpha), from_uint256(d.lambda), from_uint256(d.t0));
      },
      py::arg("delta"),
      "Unpacks a GDA delta into (alpha, decay, t0) as the contract reads them: alpha and decay scaled to 18 "
      "decimals (UD60x18), t0 in seconds.");
}

}  // namespace

CUSHION_REGISTER(30, sudoswap, register_sudoswap);

}  // namespace cushion::bindings
