// fuzz_caviar — Caviar private pools (compat/caviar.hpp): buyQuote, sellQuote,
// changeFeeQuote and change's fee against the reference transcription of PrivatePool.sol on
// unbounded integers (the same values, or the same revert), and the argument checks: pool
// states the contract cannot hold (a reserve >= 2^128, feeRate > 5000, a uint16 / uint56 /
// uint8 field too wide) are refused with OutOfRange / InvalidArgument, never quoted.
#include "cushion/compat/caviar.hpp"
#include "support/harness.hpp"

using namespace cushion::fuzz;
namespace num = cushion::num;
namespace cav = cushion::compat::caviar;

namespace {

num::uint256 reserve(FuzzInput& in) {
  if (in.byte() % 8 == 0) return in.word();  // sometimes wider than the uint128 slot
  return in.flag() ? num::wrapping_mul(num::uint256(in.below_or_equal(10000)), num::kWad) : in.word(128);
}

num::uint256 rate(FuzzInput& in, unsigned usual_max) {
  if (in.byte() % 8 == 0) return in.word(in.flag() ? 17 : 256);  // past feeRate's 5000 / uint16
  return num::uint256(in.below_or_equal(usual_max));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzInput in(data, size);
  const unsigned op = in.byte() % 4;
  const num::uint256 vb = reserve(in), vn = reserve(in), w = in.word(), w_out = in.word();
  const num::uint256 fee = rate(in, 5000), protocol = rate(in, 10000);
  const num::uint256 change_fee = in.flag() ? num::uint256(in.below_or_equal(100000)) : in.word(in.flag() ? 56 : 64);
  const num::uint256 decimals = in.flag() ? num::uint256(in.below_or_equal(30)) : in.word(9);
  const std::string arguments =
      "op " + std::to_string(op) + ": " + args({vb, vn, w, w_out, fee, protocol, change_fee, decimals});

  // What the contract's storage types (and setFeeRate) allow.
  const num::uint256 u16(65535u);
  bool allowed = protocol <= u16;
  if (op < 2)
    allowed = allowed && vb <= num::uint256::max_u128() && vn <= num::uint256::max_u128() && fee <= num::uint256(5000u);
  else
    allowed = allowed && change_fee.bit_length() <= 56 && decimals <= num::uint256(255u);

  bool refused = false;
  Outcome got;
  try {
    got = run_cushion([&]() -> std::vector<Int> {
      switch (op) {
        case 0:
        case 1: {
          const cav::QuoteResult r =
              op == 0 ? cav::buy_quote(vb, vn, w, fee, protocol) : cav::sell_quote(vb, vn, w, fee, protocol);
          return {ref::to_int(r.value), ref::to_int(r.fee), ref::to_int(r.protocol_fee)};
        }
        case 2: {
          const cav::ChangeFeeResult r = cav::change_fee_quote(w, change_fee, decimals, protocol);
          return {ref::to_int(r.fee), ref::to_int(r.protocol_fee)};
        }
        default: {
          const cav::ChangeFeeResult r = cav::change_quote(w, w_out, change_fee, decimals, protocol);
          return {ref::to_int(r.fee), ref::to_int(r.protocol_fee)};
        }
      }
    });
  } catch (const cushion::OutOfRange&) {
    refused = true;
  } catch (const cushion::InvalidArgument&) {
    refused = true;
  }
  FUZZ_CHECK(refused == !allowed, "%s: %s", arguments.c_str(), refused ? "refused" : "accepted");
  if (refused) return 0;

  const Int VB = ref::to_int(vb), VN = ref::to_int(vn), W = ref::to_int(w), F = ref::to_int(fee);
  const Int P = ref::to_int(protocol), C = ref::to_int(change_fee);
  const unsigned d = static_cast<unsigned>(decimals.limb(0));
  const Outcome want = run_reference([&]() -> std::vector<Int> {
    switch (op) {
      case 0:
      case 1: {
        const auto a = op == 0 ? ref::caviar::buy_quote(VB, VN, W, F, P) : ref::caviar::sell_quote(VB, VN, W, F, P);
        return {a.value, a.fee, a.protocol_fee};
      }
      case 2: {
        const auto [f, pf] = ref::caviar::change_fee_quote(W, C, d, P);
        return {f, pf};
      }
      default: {
        const auto [f, pf] = ref::caviar::change_quote(W, ref::to_int(w_out), C, d, P);
        return {f, pf};
      }
    }
  });
  FUZZ_CHECK(same(got, want), "%s\n  cushion:   %s\n  reference: %s", arguments.c_str(), got.describe().c_str(),
             want.describe().c_str());
  return 0;
}
