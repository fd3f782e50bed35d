// cushion/curves/weighted_xyk.hpp — the weighted constant-product curve of Caviar private
// pools (outdoteth/caviar-private-pools, src/PrivatePool.sol): a trait-basket XYK.
//
// Every NFT carries a weight (18 decimals in exact mode: a floor item weighs 1e18, an
// item "2.3x the floor" 2.3e18; 1.0 and 2.3 in f64).  The pool keeps a virtual base
// token reserve vB and a virtual NFT reserve vN counted in weight units; trading a set
// of items moves vN by their summed weight w:
//
//   buy   in  = ceil(w vB / (vN - w))          vB += in,  vN -= w
//   sell  out = floor(w vB / (vN + w))         vB -= out, vN += w
//
// Fees are basis points of `in` / `out`, floored: the pool's fee (feeRate <= 5000 bps)
// and the factory's protocol fee.  The buyer pays in + fee + protocolFee, the seller
// receives out - fee - protocolFee; fees never enter the reserves.
//
// Two layers, as on chain: `buy_quote` / `sell_quote` are the contract's view functions
// (amounts only, reverting exactly where they revert), `buy` / `sell` add the effects of
// PrivatePool.buy / sell on the reserves and return a Quote with the next curve.  Royalties
// (paid on top when payRoyalties is set, ignoring weights) are not part of the curve.
#pragma once

#include <string>

#include "cushion/curves/detail/common.hpp"
#include "cushion/num/revert.hpp"

namespace cushion::curves {

/// What PrivatePool.buyQuote / sellQuote return, plus the fee-free curve amount.
template <class Num>
struct TradeAmounts {
  using value_type = typename Num::value_type;
  value_type value;         ///< netInputAmount (buy) or netOutputAmount (sell)
  value_type fee;           ///< feeAmount: the pool's fee
  value_type protocol_fee;  ///< protocolFeeAmount: the factory's fee
  value_type amount;        ///< inputAmount / outputAmount: the xy=k amount before fees
};

/// What PrivatePool.changeFeeQuote returns.
template <class Num>
struct ChangeFeeAmounts {
  using value_type = typename Num::value_type;
  value_type fee;
  value_type protocol_fee;
};

namespace detail {

/// Basis points: the denominator of every Caviar fee rate.
template <class Num>
typename Num::value_type bps_denominator() {
  return Num::count(10000);
}

/// `reserve += uint128(x)` / `reserve -= uint128(x)` on a uint128 state variable: the
/// explicit uint128(...) conversion silently keeps the low 128 bits, then the uint128
/// arithmetic is checked (overflow and underflow revert).  f64 yields NaN instead.
template <class Num>
typename Num::value_type u128_update(const typename Num::value_type& reserve, const typename Num::value_type& delta,
                                     bool add) {
  const typename Num::value_type d = Num::truncate_u128(delta);
  if (!add) return Num::sub(reserve, d);                    // uint128 underflow == uint256 underflow
  const typename Num::value_type r = Num::add(reserve, d);  // cannot overflow 256 bits: both < 2^128
  if (r > Num::max_u128_amount()) {
    if constexpr (Num::is_exact)
      num::revert(num::RevertKind::overflow, "uint128 addition overflow (virtual reserve)");
    else
      return Num::nan();
  }
  return r;
}

}  // namespace detail

template <num::NumberPolicy Num>
class WeightedXYK {
 public:
  using number_policy = Num;
  using value_type = typename Num::value_type;
  using count_type = typename Num::value_type;  ///< a weight sum, not an item count
  static constexpr const char* kind = "weighted_xyk";
  /// PrivatePool.initialize / setFeeRate revert FeeRateTooHigh above 50%.
  static constexpr unsigned kMaxFeeRateBps = 5000;
  /// feeRate and the factory's protocolFeeRate are uint16.
  static constexpr unsigned kMaxRateBps = 65535;

  WeightedXYK() = default;
  /// base_reserve: virtualBaseTokenReserves (uint128, a token amount).  nft_reserve:
  /// virtualNftReserves (uint128, in weight units: 5 floor items = 5e18, or 5.0 in f64).
  /// fee_rate_bps: the pool's feeRate (<= 5000).  protocol_fee_rate_bps: the factory's
  /// protocolFeeRate (uint16; the factory does not bound it).
  WeightedXYK(value_type base_reserve, value_type nft_reserve, value_type fee_rate_bps = {},
              value_type protocol_fee_rate_bps = {})
      : base_(base_reserve), nft_(nft_reserve), fee_rate_(fee_rate_bps), protocol_fee_rate_(protocol_fee_rate_bps) {
    detail::check_parameter<Num>(base_, "base_reserve", true);
    detail::check_parameter<Num>(nft_, "nft_reserve", true);
    detail::check_parameter<Num>(fee_rate_, "fee_rate_bps", false);
    detail::check_parameter<Num>(protocol_fee_rate_, "protocol_fee_rate_bps", false);
    if (fee_rate_ > Num::count(kMaxFeeRateBps))
      throw InvalidArgument("fee_rate_bps must be <= 5000 (PrivatePool reverts FeeRateTooHigh above 50%)");
    if (protocol_fee_rate_ > Num::count(kMaxRateBps))
      throw OutOfRange("protocol_fee_rate_bps must be <= 65535 (a uint16 on chain)");
  }

  const value_type& base_reserve() const noexcept { return base_; }
  const value_type& nft_reserve() const noexcept { return nft_; }
  const value_type& fee_rate_bps() const noexcept { return fee_rate_; }
  const value_type& protocol_fee_rate_bps() const noexcept { return protocol_fee_rate_; }

  /// PrivatePool.price(): vB * 1e18 / vN, the price of one floor item (weight 1e18) for an
  /// 18-decimal base token.  Floors; reverts when vN == 0.
  value_type price() const { return Num::div(Num::mul(base_, Num::unit()), nft_); }

  /// PrivatePool.buyQuote(weight_sum).
  TradeAmounts<Num> buy_quote(const value_type& weight_sum) const {
    // inputAmount = mulDivUp(w, vB, vN - w): rounded up, so the buyer never pays less than
    // xy=k asks.  vN - w is checked: w > vN underflows (revert); w == vN, buying the last
    // unit of weight, makes mulDivUp divide by zero (revert).  solmate's mulDiv is not
    // 512-bit, but past those checks w < vN < 2^128 keeps w * vB under 2^256.
    const value_type amount = Num::mul_div(weight_sum, base_, Num::sub(nft_, weight_sum), num::Rounding::up);
    // protocolFeeAmount = inputAmount * protocolFeeRate / 10_000, feeAmount likewise with
    // feeRate: checked products, floored divisions, in this order.
    const value_type protocol_fee = Num::div(Num::mul(amount, protocol_fee_rate_), detail::bps_denominator<Num>());
    const value_type fee = Num::div(Num::mul(amount, fee_rate_), detail::bps_denominator<Num>());
    const value_type value = Num::add(Num::add(amount, fee), protocol_fee);  // checked
    return {value, fee, protocol_fee, amount};
  }

  /// PrivatePool.sellQuote(weight_sum).
  TradeAmounts<Num> sell_quote(const value_type& weight_sum) const {
    // outputAmount = w * vB / (vN + w): floored, so the seller never receives more than
    // xy=k gives.  w * vB and vN + w are checked (w is any uint256 here, so the product can
    // overflow: revert); vN + w == 0 divides by zero (revert).
    const value_type amount = Num::div(Num::mul(weight_sum, base_), Num::add(nft_, weight_sum));
    const value_type protocol_fee = Num::div(Num::mul(amount, protocol_fee_rate_), detail::bps_denominator<Num>());
    const value_type fee = Num::div(Num::mul(amount, fee_rate_), detail::bps_denominator<Num>());
    // netOutputAmount = outputAmount - feeAmount - protocolFeeAmount: underflows (revert)
    // when the two rates sum past 100% (a protocol fee rate above 5000 bps).
    const value_type value = Num::sub(Num::sub(amount, fee), protocol_fee);
    return {value, fee, protocol_fee, amount};
  }

  /// PrivatePool.buy for items of summed weight `weight_sum`: the quote and the reserves
  /// after the trade.  A zero weight sum is INVALID_NUMITEMS (on chain an empty buy
  /// reverts dividing the sale price by tokenIds.length).  Exact mode throws num::Revert
  /// wherever the contract reverts; f64 returns CurveError::reverted.
  Quote<WeightedXYK> buy(const value_type& weight_sum) const {
    if (detail::invalid_count<Num>(weight_sum)) return Quote<WeightedXYK>::failed(CurveError::invalid_numitems, *this);
    const TradeAmounts<Num> a = buy_quote(weight_sum);
    // virtualBaseTokenReserves += uint128(netInputAmount - feeAmount - protocolFeeAmount)
    // (= inputAmount, truncated to 128 bits, then a checked uint128 addition);
    // virtualNftReserves -= uint128(weightSum) (w < vN here, so no truncation, no underflow).
    const value_type new_base = detail::u128_update<Num>(base_, a.amount, true);
    const value_type new_nft = detail::u128_update<Num>(nft_, weight_sum, false);
    return finish(a, weight_sum, new_base, new_nft);
  }

  /// PrivatePool.sell for items of summed weight `weight_sum`; see buy().
  Quote<WeightedXYK> sell(const value_type& weight_sum) const {
    if (detail::invalid_count<Num>(weight_sum)) return Quote<WeightedXYK>::failed(CurveError::invalid_numitems, *this);
    const TradeAmounts<Num> a = sell_quote(weight_sum);
    // virtualBaseTokenReserves -= uint128(netOutputAmount + protocolFeeAmount + feeAmount)
    // (= outputAmount <= vB); virtualNftReserves += uint128(weightSum): a weight sum past
    // 2^128 is silently truncated before the checked uint128 addition, as on chain (the
    // pool never checks its reserves against the weights it holds).
    const value_type new_base = detail::u128_update<Num>(base_, a.amount, false);
    const value_type new_nft = detail::u128_update<Num>(nft_, weight_sum, true);
    return finish(a, weight_sum, new_base, new_nft);
  }

  WeightedXYK with_reserves(const value_type& base_reserve, const value_type& nft_reserve) const {
    WeightedXYK c = *this;
    c.base_ = base_reserve;
    c.nft_ = nft_reserve;
    return c;
  }

 private:
  Quote<WeightedXYK> finish(const TradeAmounts<Num>& a, const value_type& weight_sum, const value_type& new_base,
                            const value_type& new_nft) const {
    if constexpr (!Num::is_exact) {
      // A reserve update that would revert on chain (NaN) or leave uint128 (f64 cannot
      // truncate) is CurveError::reverted, like every other f64 revert.
      if (!(Num::representable(new_base) && Num::representable(new_nft)))
        return Quote<WeightedXYK>::failed(CurveError::reverted, *this);
    }
    return detail::make_quote<Num>(*this, a.value, a.fee, a.protocol_fee, weight_sum, with_reserves(new_base, new_nft));
  }

  value_type base_{};
  value_type nft_{};
  value_type fee_rate_{};
  value_type protocol_fee_rate_{};
};

/// The base-token amount of one unit of Caviar's 4-decimal change fee: 10^(decimals - 4)
/// base units (exact), 1e-4 tokens (f64).  `decimals - 4` is uint8 arithmetic on chain
/// (ERC20.decimals() returns uint8): a token with fewer than 4 decimals underflows and
/// every change reverts (Code4rena 2023-04 Caviar, M-03); f64 returns NaN there.
/// 10 ** exponent is a checked uint256 power: it reverts from 10^78 on.
template <num::NumberPolicy Num>
typename Num::value_type change_fee_unit(unsigned base_token_decimals) {
  if constexpr (Num::is_exact) {
    if (base_token_decimals < 4) num::revert(num::RevertKind::underflow, "uint8 subtraction underflow (decimals - 4)");
    const unsigned exponent = base_token_decimals - 4;
    if (exponent > 77) num::revert(num::RevertKind::overflow, "uint256 exponentiation overflow (10 ** exponent)");
    num::uint256 p(1u);
    for (unsigned i = 0; i < exponent; ++i) p = p * num::uint256(10u);
    return p;
  } else {
    return base_token_decimals < 4 ? Num::nan() : 1e-4;
  }
}

/// PrivatePool.changeFeeQuote(weight_sum_in): the fee for changing (swapping) NFTs of
/// summed weight weight_sum_in for pool NFTs of equal or lower weight.
///   feePerNft = changeFee * 10^(decimals - 4)      (changeFee: uint56, 4 decimals)
///   fee = weight_sum_in * feePerNft / 1e18          (checked product, floored)
///   protocolFee = fee * protocol_fee_rate_bps / 10_000
/// The protocol rate is the factory's: `protocolFeeRate` in the audited code
/// (caviar-private-pools @463473a, code-423n4/2023-04-caviar), `protocolChangeFeeRate`
/// after the fix for finding M-10 (caviar-private-pools PR #13); both are uint16 basis
/// points applied to the change fee, so the caller passes the one its deployment reads.
/// Throws OutOfRange for arguments the on-chain types cannot hold (change_fee >= 2^56 in
/// exact mode, decimals > 255, a rate > 65535).
namespace detail {
/// The arguments of changeFeeQuote that the on-chain types cannot hold are argument errors,
/// checked before anything can revert (as for every other quote).
template <class Num>
void check_change_fee_arguments(const typename Num::value_type& weight_sum_in,
                                const typename Num::value_type& change_fee, unsigned base_token_decimals,
                                const typename Num::value_type& protocol_fee_rate_bps) {
  check_parameter<Num>(weight_sum_in, "weight_sum_in", false);
  check_parameter<Num>(change_fee, "change_fee", false);
  check_parameter<Num>(protocol_fee_rate_bps, "protocol_fee_rate_bps", false);
  if constexpr (Num::is_exact) {
    if (change_fee.bit_length() > 56) throw OutOfRange("change_fee must be < 2**56 (a uint56 on chain)");
  }
  if (base_token_decimals > 255) throw OutOfRange("base_token_decimals must be <= 255 (a uint8 on chain)");
  if (protocol_fee_rate_bps > Num::count(WeightedXYK<Num>::kMaxRateBps))
    throw OutOfRange("protocol_fee_rate_bps must be <= 65535 (a uint16 on chain)");
}
}  // namespace detail

template <num::NumberPolicy Num>
ChangeFeeAmounts<Num> change_fee_quote(const typename Num::value_type& weight_sum_in,
                                       const typename Num::value_type& change_fee, unsigned base_token_decimals,
                                       const typename Num::value_type& protocol_fee_rate_bps = {}) {
  using V = typename Num::value_type;
  detail::check_change_fee_arguments<Num>(weight_sum_in, change_fee, base_token_decimals, protocol_fee_rate_bps);
  const V fee_per_nft = Num::mul(change_fee, change_fee_unit<Num>(base_token_decimals));  // checked
  const V fee = Num::div(Num::mul(weight_sum_in, fee_per_nft), Num::unit());              // checked, floored
  const V protocol_fee = Num::div(Num::mul(fee, protocol_fee_rate_bps), detail::bps_denominator<Num>());
  return {fee, protocol_fee};
}

/// PrivatePool.change: swapping NFTs of summed weight weight_sum_in for pool NFTs of summed
/// weight weight_sum_out (reserves unchanged).  Reverts InsufficientInputWeight when
/// weight_sum_in < weight_sum_out (f64: NaN fees), then charges change_fee_quote(weight_sum_in).
template <num::NumberPolicy Num>
ChangeFeeAmounts<Num> change_quote(const typename Num::value_type& weight_sum_in,
                                   const typename Num::value_type& weight_sum_out,
                                   const typename Num::value_type& change_fee, unsigned base_token_decimals,
                                   const typename Num::value_type& protocol_fee_rate_bps = {}) {
  detail::check_parameter<Num>(weight_sum_out, "weight_sum_out", false);
  // Every argument error first (found by fuzz_caviar: a uint8 decimals past 255 was refused,
  // a uint56 change fee past 2^56 reverted InsufficientInputWeight instead).
  detail::check_change_fee_arguments<Num>(weight_sum_in, change_fee, base_token_decimals, protocol_fee_rate_bps);
  if (weight_sum_in < weight_sum_out) {
    if constexpr (Num::is_exact)
      num::revert(num::RevertKind::custom, "InsufficientInputWeight");
    else
      return {Num::nan(), Num::nan()};
  }
  return change_fee_quote<Num>(weight_sum_in, change_fee, base_token_decimals, protocol_fee_rate_bps);
}

}  // namespace cushion::curves
