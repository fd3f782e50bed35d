// fuzz_absorb — the absorption caps, the ledger and absorb_sell (cushion/absorb/), in both
// number policies, driven by a decoded sequence of operations and replayed on a trivially
// correct model: a map block -> (items, notional) absorbed.
//
// Operations: advance the block (by a small gap, past the window, or backwards), record an
// amount directly (any double / any uint256), sell an order of any size into a stressed curve
// at any stress, query the headroom.  After every operation:
//   * the ledger's usage of every block in the window and its window sums equal the model's
//     (exact: to the unit; f64: the block slots to the bit, the window sums within 1e-12);
//   * a refused operation (InvalidArgument, or a Revert for an exact sum that would overflow)
//     leaves the ledger exactly as it was -- compared with operator== and the window sums;
//   * absorb_sell: 0 <= filled <= ordered and filled + remainder == ordered, exactly;
//     with a fill, the block's and the window's items and notional after it are within the
//     caps at the order's stress (exact: to the unit; f64: to 1e-12 relative); proceeds >= 0;
//   * the headroom is never negative and equals min(cap - used) over the limited limits.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <type_traits>
#include <utility>

#include "cushion/absorb/absorb.hpp"
#include "cushion/curves/exponential.hpp"
#include "cushion/curves/xyk.hpp"
#include "support/harness.hpp"

using namespace cushion::fuzz;
namespace ab = cushion::absorb;
namespace cv = cushion::curves;
namespace sp = cushion::spread;
namespace num = cushion::num;

namespace {

using F = num::F64;

/// FUZZ_TRACE=1 prints every operation (replaying an artifact: FUZZ_TRACE=1 fuzz_absorb <file>).
const bool kTrace = std::getenv("FUZZ_TRACE") != nullptr;
using E = num::Evm256;

// ---- drawing values per policy ----------------------------------------------------------

double amount(FuzzInput& in, F) {
  if (in.byte() % 8 == 0) return in.real();  // anything, NaN and negatives included
  return static_cast<double>(in.below_or_equal(1000)) / (1 + in.byte() % 8);
}
num::uint256 amount(FuzzInput& in, E) {
  if (in.byte() % 8 == 0) return in.word();  // up to 2^256 - 1: sums may overflow
  return num::uint256(in.below_or_equal(1000));
}
double stress(FuzzInput& in, F) {
  if (in.byte() % 16 == 0) return in.real();  // out of [0, 1]: refused
  return static_cast<double>(in.byte()) / 255.0;
}
num::uint256 stress(FuzzInput& in, E) {
  if (in.byte() % 16 == 0) return in.word();
  return num::wrapping_mul(num::uint256(static_cast<unsigned>(in.byte())), num::kWad) / num::uint256(255u);
}

template <class Num>
ab::CapRange<Num> range(FuzzInput& in) {
  using V = typename Num::value_type;
  if (in.byte() % 3 == 0) return {};  // unlimited
  const V calm = amount(in, Num{}), cut = amount(in, Num{});
  if constexpr (Num::is_exact) {
    return {calm, cut > calm ? num::uint256() : calm - cut};
  } else {
    return {calm, calm - cut};  // may be invalid (NaN, negative): the constructor must refuse it
  }
}

template <class Num>
typename Num::value_type exponent(FuzzInput& in) {
  if constexpr (Num::is_exact)
    return num::uint256(static_cast<unsigned>(in.byte() % 5));
  else
    return 0.25 * (1 + in.byte() % 12);
}

// ---- the model ----------------------------------------------------------------------------

template <class Num>
struct Model {
  using V = typename Num::value_type;
  std::map<std::uint64_t, std::pair<V, V>> used;  // block -> (items, notional)

  std::pair<V, V> window(std::uint64_t block, std::uint32_t w) const {
    std::pair<V, V> s{};
    for (const auto& [b, u] : used)
      if (b <= block && block - b < w) {
        s.first = s.first + u.first;
        s.second = s.second + u.second;
      }
    return s;
  }
  std::pair<V, V> at(std::uint64_t b) const {
    const auto it = used.find(b);
    return it == used.end() ? std::pair<V, V>{} : it->second;
  }
};

bool close(double got, double want, double scale) {
  return std::fabs(got - want) <= 1e-12 * std::max({std::fabs(want), scale, 1.0});
}

template <class Num>
std::string str(const typename Num::value_type& v) {
  if constexpr (Num::is_exact)
    return v.to_hex();
  else {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
  }
}

template <class Num>
void check_ledger(const ab::AbsorptionLedger<Num>& ledger, const Model<Num>& model, const char* after) {
  if (!ledger.started()) return;
  const std::uint64_t block = ledger.block();
  const std::uint32_t w = ledger.window_blocks();
  typename Num::value_type total{};
  for (std::uint32_t back = 0; back < w && back <= block; ++back) {
    const auto u = ledger.usage_at(block - back);
    const auto m = model.at(block - back);
    FUZZ_CHECK(u.items == m.first && u.notional == m.second, "after %s: block %llu usage (%s, %s), model (%s, %s)",
               after, static_cast<unsigned long long>(block - back), str<Num>(u.items).c_str(),
               str<Num>(u.notional).c_str(), str<Num>(m.first).c_str(), str<Num>(m.second).c_str());
    if constexpr (!Num::is_exact) total += u.items + u.notional;
  }
  const auto win = ledger.window_usage();
  const auto m = model.window(block, w);
  if constexpr (Num::is_exact) {
    FUZZ_CHECK(win.items == m.first && win.notional == m.second, "after %s: window (%s, %s), model (%s, %s)", after,
               str<Num>(win.items).c_str(), str<Num>(win.notional).c_str(), str<Num>(m.first).c_str(),
               str<Num>(m.second).c_str());
  } else {
    FUZZ_CHECK(close(win.items, m.first, total) && close(win.notional, m.second, total),
               "after %s: window (%.17g, %.17g), model (%.17g, %.17g)", after, win.items, win.notional, m.first,
               m.second);
  }
}

/// used + extra <= cap, with f64 rounding slack.
template <class Num>
bool within(const typename Num::value_type& used, const typename Num::value_type& cap) {
  if constexpr (Num::is_exact)
    return used <= cap;
  else
    return used <= cap * (1.0 + 1e-12) + 1e-300;
}

template <class Num>
struct Run {
  using V = typename Num::value_type;
  ab::AbsorptionCap<Num> cap;
  ab::AbsorptionLedger<Num> ledger;
  Model<Num> model;

  explicit Run(const ab::AbsorptionCap<Num>& c) : cap(c), ledger(c) {}

  std::uint64_t next_block(FuzzInput& in) const {
    const std::uint64_t now = ledger.started() ? ledger.block() : 0;
    switch (in.byte() % 6) {
      case 0:
        return now;
      case 1:
        return now + 1;
      case 2:
        return now + in.below_or_equal(2 * ledger.window_blocks());
      case 3:
        return now - std::min<std::uint64_t>(now, 1 + in.byte() % 3);  // backwards: refused (or the same)
      default:
        return now + in.byte() % 4;
    }
  }

  /// Runs op; if it throws InvalidArgument / OutOfRange / Revert, the ledger must be unchanged.
  template <class Op>
  bool refused_unchanged(const char* what, Op&& op) {
    const ab::AbsorptionLedger<Num> before = ledger;
    const auto window_before = ledger.window_usage();
    try {
      op();
      return false;
    } catch (const cushion::InvalidArgument&) {
    } catch (const cushion::OutOfRange&) {
    } catch (const num::Revert&) {
    }
    FUZZ_CHECK(ledger == before && ledger.window_usage() == window_before, "%s was refused but changed the ledger",
               what);
    return true;
  }

  void step(FuzzInput& in) {
    switch (in.byte() % 4) {
      case 0: {  // advance
        const std::uint64_t b = next_block(in);
        if (kTrace) std::fprintf(stderr, "advance_to(%llu)\n", static_cast<unsigned long long>(b));
        refused_unchanged("advance_to", [&] { ledger.advance_to(b); });
        check_ledger(ledger, model, "advance_to");
        break;
      }
      case 1: {  // a direct record
        const std::uint64_t b = next_block(in);
        const V items = amount(in, Num{}), notional = amount(in, Num{});
        if (kTrace)
          std::fprintf(stderr, "record(%llu, %s, %s)\n", static_cast<unsigned long long>(b), str<Num>(items).c_str(),
                       str<Num>(notional).c_str());
        if (!refused_unchanged("record", [&] { ledger.record(b, items, notional); })) {
          auto& m = model.used[b];
          m.first = m.first + items;
          m.second = m.second + notional;
        }
        check_ledger(ledger, model, "record");
        break;
      }
      case 2:
        sell(in);
        break;
      default: {  // headroom
        const std::uint64_t b = next_block(in);
        const V s = stress(in, Num{});
        ab::AbsorptionLedger<Num> probe = ledger;
        typename ab::AbsorptionLedger<Num>::Headroom h{};
        if (refused_unchanged("headroom", [&] { h = ledger.headroom(b, s); })) break;
        FUZZ_CHECK(probe == ledger, "headroom changed the ledger");
        check_headroom(h, b, s);
      }
    }
  }

  void check_headroom(const typename ab::AbsorptionLedger<Num>::Headroom& h, std::uint64_t b, const V& s) const {
    if constexpr (!Num::is_exact) FUZZ_CHECK(h.items >= 0.0 && h.notional >= 0.0, "negative headroom");
    const auto limits = cap.at(s);
    const auto block_used = model.at(b);
    const auto window_used = model.window(b, cap.window_blocks());
    auto sat = [](const V& a, const V& c) {
      if constexpr (Num::is_exact)
        return a > c ? a - c : V{};
      else
        return a - c > 0.0 ? a - c : 0.0;
    };
    auto expect = [&](const ab::CapRange<Num>& block_range, const ab::CapRange<Num>& window_range, const V& bc,
                      const V& wc, const V& bu, const V& wu) {
      V e = ab::CapRange<Num>::unlimited();
      if (!block_range.is_unlimited()) e = sat(bc, bu);
      if (!window_range.is_unlimited()) e = std::min(e, sat(wc, wu));
      return e;
    };
    const V items = expect(cap.block_items(), cap.window_items(), limits.block_items, limits.window_items,
                           block_used.first, window_used.first);
    const V notional = expect(cap.block_notional(), cap.window_notional(), limits.block_notional,
                              limits.window_notional, block_used.second, window_used.second);
    if constexpr (Num::is_exact) {
      FUZZ_CHECK(h.items == items && h.notional == notional, "headroom (%s, %s), model (%s, %s)",
                 str<Num>(h.items).c_str(), str<Num>(h.notional).c_str(), str<Num>(items).c_str(),
                 str<Num>(notional).c_str());
    } else {
      const double scale = std::fabs(window_used.first) + std::fabs(window_used.second);
      FUZZ_CHECK((std::isinf(items) ? h.items == items : close(h.items, items, scale)) &&
                     (std::isinf(notional) ? h.notional == notional : close(h.notional, notional, scale)),
                 "headroom (%.17g, %.17g), model (%.17g, %.17g)", h.items, h.notional, items, notional);
    }
  }

  void sell(FuzzInput& in) {
    const std::uint64_t b = next_block(in);
    const V s = stress(in, Num{});
    const V n = amount(in, Num{});
    const bool whole = in.flag();
    using Curve = std::conditional_t<Num::is_exact, cv::XYK<E>, cv::XYK<F>>;
    Curve curve;
    if constexpr (Num::is_exact)
      curve = Curve(num::wrapping_mul(num::uint256(1 + in.below_or_equal(1000)), num::kWad),
                    num::uint256(2 + in.below_or_equal(1000)),
                    num::uint256(in.below_or_equal(100)) * num::uint256(1000000000000000u));
    else
      curve = Curve(1.0 + static_cast<double>(in.below_or_equal(1000)), 2.0 + in.below_or_equal(1000),
                    in.below_or_equal(100) / 1000.0);
    const sp::HalfSpread<Num> spread;
    std::optional<sp::StressedCurve<Curve>> stressed;
    try {
      stressed.emplace(curve, spread, s);
    } catch (const cushion::InvalidArgument&) {
      return;  // a stress outside [0, 1] is refused by the curve already
    }
    ab::AbsorbResult<sp::StressedCurve<Curve>> r;
    if (kTrace)
      std::fprintf(stderr, "absorb_sell(block %llu, stress %s, n %s, whole %d)\n", static_cast<unsigned long long>(b),
                   str<Num>(s).c_str(), str<Num>(n).c_str(), whole);
    if (refused_unchanged("absorb_sell", [&] { r = ab::absorb_sell(*stressed, ledger, b, n, whole); })) {
      check_ledger(ledger, model, "a refused absorb_sell");
      return;
    }
    // Conservation: nothing created, nothing lost.
    if constexpr (Num::is_exact) {
      FUZZ_CHECK(r.filled <= n && r.filled + r.remainder == n, "fill %s + remainder %s != ordered %s",
                 str<Num>(r.filled).c_str(), str<Num>(r.remainder).c_str(), str<Num>(n).c_str());
    } else {
      FUZZ_CHECK(r.filled >= 0.0 && r.remainder >= 0.0 && r.filled <= n && r.filled + r.remainder == n,
                 "fill %.17g + remainder %.17g != ordered %.17g", r.filled, r.remainder, n);
      FUZZ_CHECK(r.proceeds >= 0.0 && std::isfinite(r.proceeds), "proceeds %.17g", r.proceeds);
      if (whole) FUZZ_CHECK(r.filled == std::floor(r.filled), "whole_items fill %.17g", r.filled);
    }
    if (!Num::is_zero(r.filled)) {
      const auto block_before = model.at(b);
      const auto window_before = model.window(b, cap.window_blocks());
      auto& m = model.used[b];
      m.first = m.first + r.filled;
      m.second = m.second + r.proceeds;
      // The caps at the order's stress hold after the fill: a fill only takes what they leave.
      // (Usage may already be above a cap -- a direct record, a cap that shrank with stress --
      // and then that dimension must not grow: a zero-value fill adds items, no notional.)
      const auto limits = cap.at(s);
      const auto window_after = model.window(b, cap.window_blocks());
      auto holds = [](const V& before, const V& after, const V& limit) {
        return within<Num>(after, limit) || !(before < after);
      };
      FUZZ_CHECK(holds(block_before.first, m.first, limits.block_items), "block items %s over the cap %s",
                 str<Num>(m.first).c_str(), str<Num>(limits.block_items).c_str());
      FUZZ_CHECK(holds(block_before.second, m.second, limits.block_notional), "block notional %s over the cap %s",
                 str<Num>(m.second).c_str(), str<Num>(limits.block_notional).c_str());
      FUZZ_CHECK(holds(window_before.first, window_after.first, limits.window_items), "window items %s over the cap %s",
                 str<Num>(window_after.first).c_str(), str<Num>(limits.window_items).c_str());
      FUZZ_CHECK(holds(window_before.second, window_after.second, limits.window_notional),
                 "window notional %s over the cap %s", str<Num>(window_after.second).c_str(),
                 str<Num>(limits.window_notional).c_str());
    }
    check_ledger(ledger, model, "absorb_sell");
  }
};

template <class Num>
void fuzz(FuzzInput& in) {
  std::optional<ab::AbsorptionCap<Num>> cap;
  try {
    const auto bi = range<Num>(in), bn = range<Num>(in), wi = range<Num>(in), wn = range<Num>(in);
    cap.emplace(bi, bn, wi, wn, static_cast<std::uint32_t>(1 + in.below_or_equal(40)), exponent<Num>(in));
  } catch (const cushion::InvalidArgument&) {
    return;  // a NaN / negative / inverted range: refused, nothing to run
  }
  Run<Num> run(*cap);
  for (int ops = 0; ops < 64 && in.byte() != 0xFF; ++ops) run.step(in);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzInput in(data, size);
  if (in.flag())
    fuzz<E>(in);
  else
    fuzz<F>(in);
  return 0;
}
