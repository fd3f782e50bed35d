// fuzz_sudoswap — the sudoswap v2 ICurve layer (compat/sudoswap.hpp): getBuyInfo /
// getSellInfo for the four curves against the reference curves driven through sudoswap's
// own argument conventions (GDA's packed delta, uint48 timestamp, all-zero error tuples),
// the uint128 ABI checks, and pack_gda_delta / unpack_gda_delta.
#include "cushion/compat/sudoswap.hpp"
#include "support/harness.hpp"

using namespace cushion::fuzz;
namespace num = cushion::num;
namespace sudo = cushion::compat::sudoswap;

namespace {

const Int kMask40 = (Int(1) << 40) - 1;
const Int kMask48 = (Int(1) << 48) - 1;

/// ICurve's tuple from a reference quote, with sudoswap's conventions spelled out here.
std::vector<Int> info(const ref::Quote& q, const Int& new_delta) {
  if (q.error != cushion::curves::CurveError::ok) return {Int(static_cast<int>(q.error)), 0, 0, 0, 0, 0};
  return {Int(static_cast<int>(q.error)), q.next_spot, new_delta, q.value, q.trade_fee, q.protocol_fee};
}

std::vector<Int> info(const sudo::CurveInfo& i) {
  return {Int(static_cast<int>(i.error)), ref::to_int(i.new_spot_price), ref::to_int(i.new_delta),
          ref::to_int(i.value),           ref::to_int(i.trade_fee),      ref::to_int(i.protocol_fee)};
}

std::vector<Int> reference(sudo::CurveKind kind, bool buy, const Int& spot, const Int& delta, const Int& n,
                           const Int& fee, const Int& protocol_fee, const Int& timestamp) {
  ref::CurveParams c{spot, delta, fee, protocol_fee, 0, 0, 0, 0};
  switch (kind) {
    case sudo::CurveKind::linear:
      return info(ref::linear(buy, c, n), delta);
    case sudo::CurveKind::exponential:
      return info(ref::exponential(buy, c, n), delta);
    case sudo::CurveKind::xyk: {
      const ref::Quote q = ref::xyk(buy, c, n);
      return info(q, q.next_delta);
    }
    case sudo::CurveKind::gda: {
      // delta = alpha (uint40, 9 decimals) << 88 | lambda (uint40, 9 decimals) << 48 | t0 (uint48)
      c.alpha = ((delta >> 88) & kMask40) * 1000000000;
      c.lambda = ((delta >> 48) & kMask40) * 1000000000;
      c.t0 = delta & kMask48;
      c.now = timestamp;
      const Int restarted = ((delta >> 48) << 48) | (timestamp & kMask48);  // uint48(block.timestamp)
      return info(ref::gda(buy, c, n), restarted);
    }
  }
  return {};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzInput in(data, size);
  const auto kind = static_cast<sudo::CurveKind>(in.byte() % 4);
  const bool buy = in.flag();
  const bool abi_width = in.byte() % 8 != 0;  // mostly arguments the ABI accepts
  num::uint256 spot = in.word(abi_width ? 128 : 256), delta = in.word(abi_width ? 128 : 256);
  if (kind == sudo::CurveKind::gda && in.flag()) {  // a well-formed packed delta: alpha near 1, a small lambda
    const num::uint256 alpha9 = num::uint256(1000000000u) + in.word(30), lambda9 = in.word(34), t0 = in.word(48);
    delta = sudo::pack_gda_delta(alpha9, lambda9, t0);
  }
  const num::uint256 n = in.flag() ? num::uint256(in.below_or_equal(300)) : in.word();
  const num::uint256 fee = in.flag() ? in.word(57) : in.word(), protocol_fee = in.flag() ? in.word(57) : in.word();
  const num::uint256 timestamp = in.flag() ? num::wrapping_add(delta & num::uint256((1ULL << 48) - 1), in.word(24))
                                           : in.word(in.flag() ? 64 : 256);
  const std::string arguments = std::string(buy ? "get_buy_info" : "get_sell_info") + "(kind " +
                                std::to_string(static_cast<int>(kind)) + ", " +
                                args({spot, delta, n, fee, protocol_fee, timestamp}) + ")";

  const bool fits = spot <= num::uint256::max_u128() && delta <= num::uint256::max_u128();
  bool refused = false;
  Outcome got;
  try {
    got = run_cushion([&] {
      return info(buy ? sudo::get_buy_info(kind, spot, delta, n, fee, protocol_fee, timestamp)
                      : sudo::get_sell_info(kind, spot, delta, n, fee, protocol_fee, timestamp));
    });
  } catch (const cushion::OutOfRange&) {
    refused = true;
  }
  FUZZ_CHECK(refused == !fits, "%s: %s", arguments.c_str(), refused ? "refused" : "accepted a non-uint128");
  if (!refused) {
    const Outcome want = run_reference([&] {
      return reference(kind, buy, ref::to_int(spot), ref::to_int(delta), ref::to_int(n), ref::to_int(fee),
                       ref::to_int(protocol_fee), ref::to_int(timestamp));
    });
    FUZZ_CHECK(same(got, want), "%s\n  cushion:   %s\n  reference: %s", arguments.c_str(), got.describe().c_str(),
               want.describe().c_str());
  }

  // pack_gda_delta refuses fields wider than uint40 / uint40 / uint48 and round-trips the rest.
  const num::uint256 a9 = in.word(in.flag() ? 40 : 41), l9 = in.word(in.flag() ? 40 : 41), t0 = in.word(49);
  const bool packable = a9.bit_length() <= 40 && l9.bit_length() <= 40 && t0.bit_length() <= 48;
  try {
    const sudo::GdaDelta d = sudo::unpack_gda_delta(sudo::pack_gda_delta(a9, l9, t0));
    FUZZ_CHECK(packable, "pack_gda_delta accepted %s", args({a9, l9, t0}).c_str());
    FUZZ_CHECK(ref::to_int(d.alpha) == ref::to_int(a9) * 1000000000 &&
                   ref::to_int(d.lambda) == ref::to_int(l9) * 1000000000 && d.t0 == t0,
               "pack/unpack round trip %s", args({a9, l9, t0}).c_str());
  } catch (const cushion::OutOfRange&) {
    FUZZ_CHECK(!packable, "pack_gda_delta refused %s", args({a9, l9, t0}).c_str());
  }
  return 0;
}
