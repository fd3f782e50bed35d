// cpp/bindings/register_caviar.cpp — Caviar private pools compatibility: _core.caviar.
#include <string>

#include "convert.hpp"
#include "cushion/compat/caviar.hpp"
#include "registry.hpp"

namespace cushion::bindings {

namespace {

namespace cav = compat::caviar;

py::tuple to_tuple(const cav::QuoteResult& r) {
  return py::make_tuple(from_uint256(r.value), from_uint256(r.fee), from_uint256(r.protocol_fee));
}

template <bool Buy>
py::tuple trade_quote(IntArg virtual_base_reserves, IntArg virtual_nft_reserves, IntArg weight_sum, IntArg fee_rate_bps,
                      IntArg protocol_fee_rate_bps) {
  const num::uint256 vb = to_uint256(virtual_base_reserves, "virtual_base_reserves");
  const num::uint256 vn = to_uint256(virtual_nft_reserves, "virtual_nft_reserves");
  const num::uint256 w = to_uint256(weight_sum, "weight_sum");
  const num::uint256 fee = to_uint256(fee_rate_bps, "fee_rate_bps");
  const num::uint256 pfee = to_uint256(protocol_fee_rate_bps, "protocol_fee_rate_bps");
  return to_tuple(Buy ? cav::buy_quote(vb, vn, w, fee, pfee) : cav::sell_quote(vb, vn, w, fee, pfee));
}

py::tuple to_tuple(const cav::ChangeFeeResult& r) {
  return py::make_tuple(from_uint256(r.fee), from_uint256(r.protocol_fee));
}

py::tuple change_fee(IntArg weight_sum_in, IntArg change_fee, IntArg base_token_decimals,
                     IntArg protocol_fee_rate_bps) {
  // Converted in argument order, so the first bad argument is the one reported.
  const num::uint256 in = to_uint256(weight_sum_in, "weight_sum_in");
  const num::uint256 fee = to_uint256(change_fee, "change_fee");
  const num::uint256 decimals = to_uint256(base_token_decimals, "base_token_decimals");
  const num::uint256 rate = to_uint256(protocol_fee_rate_bps, "protocol_fee_rate_bps");
  return to_tuple(cav::change_fee_quote(in, fee, decimals, rate));
}

py::tuple change(IntArg weight_sum_in, IntArg weight_sum_out, IntArg change_fee, IntArg base_token_decimals,
                 IntArg protocol_fee_rate_bps) {
  const num::uint256 in = to_uint256(weight_sum_in, "weight_sum_in");
  const num::uint256 out = to_uint256(weight_sum_out, "weight_sum_out");
  const num::uint256 fee = to_uint256(change_fee, "change_fee");
  const num::uint256 decimals = to_uint256(base_token_decimals, "base_token_decimals");
  const num::uint256 rate = to_uint256(protocol_fee_rate_bps, "protocol_fee_rate_bps");
  return to_tuple(cav::change_quote(in, out, fee, decimals, rate));
}

constexpr const char* kPoolArgs =
    "virtual_base_reserves and virtual_nft_reserves are the pool's uint128 virtual reserves (base token units; NFT\n"
    "weight units, 1e18 per floor NFT); weight_sum the summed 18-decimal weights of the NFTs traded; fee_rate_bps\n"
    "the pool's feeRate (basis points, <= 5000); protocol_fee_rate_bps the factory's protocolFeeRate (uint16).\n"
    "Raises cushion.Revert wherever the contract reverts, OverflowError / ValueError for a pool state the\n"
    "contract cannot hold.";

void register_caviar(py::module_& core) {
  py::module_ m = core.def_submodule(
      "caviar", "Caviar private pools (outdoteth/caviar-private-pools, PrivatePool.sol): the quotes, bit for bit.");
  m.def("buy_quote", &trade_quote<true>, py::arg("virtual_base_reserves"), py::arg("virtual_nft_reserves"),
        py::arg("weight_sum"), py::arg("fee_rate_bps"), py::arg("protocol_fee_rate_bps") = 0,
        (std::string("PrivatePool.buyQuote: (net_input, fee, protocol_fee) for buying NFTs of summed weight\n"
                     "weight_sum.  The xy=k input ceil(w*vB/(vN-w)) is rounded up; the fees are floored basis\n"
                     "points of it.  Buying the last unit of weight (w == vN) reverts.\n\n") +
         kPoolArgs)
            .c_str());
  m.def("sell_quote", &trade_quote<false>, py::arg("virtual_base_reserves"), py::arg("virtual_nft_reserves"),
        py::arg("weight_sum"), py::arg("fee_rate_bps"), py::arg("protocol_fee_rate_bps") = 0,
        (std::string("PrivatePool.sellQuote: (net_output, fee, protocol_fee) for selling NFTs of summed weight\n"
                     "weight_sum.  The xy=k output floor(w*vB/(vN+w)) is rounded down; the fees are floored basis\n"
                     "points of it and are subtracted (fee rates past 100% in total revert).\n\n") +
         kPoolArgs)
            .c_str());
  m.def("change_fee_quote", &change_fee, py::arg("weight_sum_in"), py::arg("change_fee"),
        py::arg("base_token_decimals") = 18, py::kw_only(), py::arg("protocol_fee_rate_bps") = 0,
        "PrivatePool.changeFeeQuote: (fee, protocol_fee) for changing NFTs of summed weight weight_sum_in.\n"
        "fee = weight_sum_in * change_fee * 10**(base_token_decimals - 4) // 10**18 (change_fee: the pool's uint56\n"
        "changeFee, 4 decimals: 0.0025 ETH = 25); protocol_fee = fee * protocol_fee_rate_bps // 10_000, the rate\n"
        "being the factory's (protocolFeeRate in the audited code, protocolChangeFeeRate after the M-10 fix).\n"
        "A base token with fewer than 4 decimals reverts (uint8 underflow), as on chain.");
  m.def("change_quote", &change, py::arg("weight_sum_in"), py::arg("weight_sum_out"), py::arg("change_fee"),
        py::arg("base_token_decimals") = 18, py::kw_only(), py::arg("protocol_fee_rate_bps") = 0,
        "PrivatePool.change's fee: reverts InsufficientInputWeight when weight_sum_in < weight_sum_out, then\n"
        "returns change_fee_quote(weight_sum_in, ...).");
}

}  // namespace

CUSHION_REGISTER(30, caviar, register_caviar);

}  // namespace cushion::bindings
