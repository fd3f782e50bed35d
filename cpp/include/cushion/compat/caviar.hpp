// cushion/compat/caviar.hpp — Caviar private pools (outdoteth/caviar-private-pools,
// src/PrivatePool.sol): buyQuote, sellQuote and changeFeeQuote, bit for bit.
//
// A thin mapping onto the core weighted XYK (curves/weighted_xyk.hpp, Evm256 policy): it
// checks that the arguments fit the contract's storage types, builds the curve and calls
// its view functions.  Reverts are num::Revert, as everywhere in exact mode:
//   - buying the last unit of weight (vN - w == 0) divides by zero, w > vN underflows;
//   - a sell's w * vB past 2^256, and every checked fee product;
//   - a sell whose fee rates sum past 100% underflows netOutputAmount;
//   - changeFeeQuote with a base token of fewer than 4 decimals (uint8 underflow).
#pragma once

#include <string>

#include "cushion/curves/weighted_xyk.hpp"

namespace cushion::compat::caviar {

using num::uint256;

/// (netInputAmount | netOutputAmount, feeAmount, protocolFeeAmount).
struct QuoteResult {
  uint256 value;
  uint256 fee;
  uint256 protocol_fee;
};

/// (feeAmount, protocolFeeAmount).
struct ChangeFeeResult {
  uint256 fee;
  uint256 protocol_fee;
};

namespace detail {

/// The pool's storage: virtual reserves are uint128, feeRate a uint16 that initialize and
/// setFeeRate keep <= 5000 (FeeRateTooHigh), the factory's protocolFeeRate a uint16.
/// A pool cannot be in any other state, so other values are argument errors (OutOfRange
/// for what the type cannot hold, InvalidArgument for a fee rate above 5000), not reverts.
inline curves::WeightedXYK<num::Evm256> pool(const uint256& virtual_base_reserves, const uint256& virtual_nft_reserves,
                                             const uint256& fee_rate_bps, const uint256& protocol_fee_rate_bps) {
  if (virtual_base_reserves > uint256::max_u128())
    throw OutOfRange("virtual_base_reserves must be < 2**128 (a uint128 on chain)");
  if (virtual_nft_reserves > uint256::max_u128())
    throw OutOfRange("virtual_nft_reserves must be < 2**128 (a uint128 on chain)");
  if (fee_rate_bps > uint256(65535u)) throw OutOfRange("fee_rate_bps must be <= 65535 (a uint16 on chain)");
  return curves::WeightedXYK<num::Evm256>(virtual_base_reserves, virtual_nft_reserves, fee_rate_bps,
                                          protocol_fee_rate_bps);
}

template <bool Buy>
QuoteResult quote(const uint256& virtual_base_reserves, const uint256& virtual_nft_reserves, const uint256& weight_sum,
                  const uint256& fee_rate_bps, const uint256& protocol_fee_rate_bps) {
  const auto p = pool(virtual_base_reserves, virtual_nft_reserves, fee_rate_bps, protocol_fee_rate_bps);
  const curves::TradeAmounts<num::Evm256> a = Buy ? p.buy_quote(weight_sum) : p.sell_quote(weight_sum);
  return {a.value, a.fee, a.protocol_fee};
}

/// ERC20.decimals() is a uint8.
inline unsigned decimals(const uint256& base_token_decimals) {
  if (base_token_decimals > uint256(255u)) throw OutOfRange("base_token_decimals must be <= 255 (a uint8 on chain)");
  return static_cast<unsigned>(base_token_decimals.limb(0));
}

}  // namespace detail

/// PrivatePool.buyQuote(weight_sum) on a pool with the given state.
inline QuoteResult buy_quote(const uint256& virtual_base_reserves, const uint256& virtual_nft_reserves,
                             const uint256& weight_sum, const uint256& fee_rate_bps,
                             const uint256& protocol_fee_rate_bps) {
  return detail::quote<true>(virtual_base_reserves, virtual_nft_reserves, weight_sum, fee_rate_bps,
                             protocol_fee_rate_bps);
}

/// PrivatePool.sellQuote(weight_sum) on a pool with the given state.
inline QuoteResult sell_quote(const uint256& virtual_base_reserves, const uint256& virtual_nft_reserves,
                              const uint256& weight_sum, const uint256& fee_rate_bps,
                              const uint256& protocol_fee_rate_bps) {
  return detail::quote<false>(virtual_base_reserves, virtual_nft_reserves, weight_sum, fee_rate_bps,
                              protocol_fee_rate_bps);
}

/// PrivatePool.changeFeeQuote(weight_sum_in): change_fee is the pool's uint56 changeFee
/// (4 decimals: 0.0025 ETH = 25), base_token_decimals 18 for ETH, protocol_fee_rate_bps
/// the factory rate applied to the change fee (see curves::change_fee_quote).
inline ChangeFeeResult change_fee_quote(const uint256& weight_sum_in, const uint256& change_fee,
                                        const uint256& base_token_decimals, const uint256& protocol_fee_rate_bps) {
  const auto r = curves::change_fee_quote<num::Evm256>(weight_sum_in, change_fee, detail::decimals(base_token_decimals),
                                                       protocol_fee_rate_bps);
  return {r.fee, r.protocol_fee};
}

/// PrivatePool.change's fee: reverts InsufficientInputWeight (a custom error) when
/// weight_sum_in < weight_sum_out, else change_fee_quote(weight_sum_in, ...).
inline ChangeFeeResult change_quote(const uint256& weight_sum_in, const uint256& weight_sum_out,
                                    const uint256& change_fee, const uint256& base_token_decimals,
                                    const uint256& protocol_fee_rate_bps) {
  const auto r = curves::change_quote<num::Evm256>(weight_sum_in, weight_sum_out, change_fee,
                                                   detail::decimals(base_token_decimals), protocol_fee_rate_bps);
  return {r.fee, r.protocol_fee};
}

}  // namespace cushion::compat::caviar
