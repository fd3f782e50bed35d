// cushion/absorb/ledger.hpp — what the cushion absorbed, per block and over the rolling
// window, and how much more it may absorb at a given stress.
//
// The window at block b is the W blocks b - W + 1 .. b (W = the cap's window_blocks).  The
// ledger keeps one (items, notional) slot per block of the window in a ring and the two
// window sums.  Blocks only move forward; several orders in one block add up.
//
// Headroom at block b and stress s (what a new order may still take):
//   items    = min(block_items(s) - used this block, window_items(s) - used in window)
//   notional = min(block_notional(s) - ..., window_notional(s) - ...)
// each difference saturating at 0 (a cap that shrank below what was already absorbed leaves
// no headroom, it never goes negative).  Exact mode: integer subtraction after the check, no
// rounding; f64 sums are recomputed from the ring once per window to keep drift at zero.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "cushion/absorb/cap.hpp"

namespace cushion::absorb {

template <num::NumberPolicy Num>
class AbsorptionLedger {
 public:
  using value_type = typename Num::value_type;
  using cap_type = AbsorptionCap<Num>;

  struct Usage {
    value_type items{};
    value_type notional{};
    friend bool operator==(const Usage&, const Usage&) = default;
  };

  struct Headroom {
    value_type items{};
    value_type notional{};
    std::uint8_t items_limit = 0;     ///< Limit flags of the item limits that bind (equal the headroom)
    std::uint8_t notional_limit = 0;  ///< Limit flags of the notional limits that bind
    typename cap_type::Limits caps{};
  };

  AbsorptionLedger() : AbsorptionLedger(cap_type{}) {}
  explicit AbsorptionLedger(const cap_type& cap) : cap_(cap), ring_(cap.window_blocks()) {}

  const cap_type& cap() const noexcept { return cap_; }
  /// False until the first order (or advance_to) fixes the current block.
  bool started() const noexcept { return started_; }
  /// True if the ledger is at block b (started there): an order at b needs no look-ahead.
  bool is_at(std::uint64_t b) const noexcept { return started_ && block_ == b; }
  std::uint64_t block() const noexcept { return block_; }
  std::uint32_t window_blocks() const noexcept { return cap_.window_blocks(); }

  /// Usage of the current block.
  Usage block_usage() const { return started_ ? ring_[head_] : Usage{}; }
  /// Usage over the window ending at the current block.
  Usage window_usage() const { return window_; }
  /// Usage of block b if it is inside the current window, else zero.
  Usage usage_at(std::uint64_t b) const {
    if (!started_ || b > block_ || block_ - b >= window_blocks()) return {};
    return ring_[slot(b)];
  }
  /// The ring, oldest block first (W slots for blocks block - W + 1 .. block).
  std::vector<Usage> window_history() const {
    std::vector<Usage> out(window_blocks());
    for (std::uint32_t i = 0; i < window_blocks(); ++i) {
      const std::uint64_t back = window_blocks() - 1 - i;
      out[i] = (started_ && back <= block_) ? ring_[slot(block_ - back)] : Usage{};
    }
    return out;
  }

  /// Moves the current block forward to b, expiring the blocks that leave the window.
  void advance_to(std::uint64_t b) {
    if (is_at(b)) return;  // already there (an order booked after a sync)
    if (!started_) {
      started_ = true;
      block_ = b;
      head_ = slot(b);
      return;
    }
    const Usage window = window_at(b);  // InvalidArgument for a block before ours
    const std::uint64_t gap = b - block_;
    if (gap == 0) return;
    if (gap >= window_blocks()) {
      std::fill(ring_.begin(), ring_.end(), Usage{});
      head_ = slot(b);
    } else {
      for (std::uint64_t j = 1; j <= gap; ++j) ring_[ahead(j)] = Usage{};  // the blocks leaving the window
      head_ = ahead(gap);
    }
    window_ = window;  // the look-ahead's sums: the same numbers, to the bit, by construction
    block_ = b;
  }

  /// Headroom at block b (>= the current block) and stress s, without changing the ledger.
  Headroom headroom(std::uint64_t b, const value_type& s) const {
    spread::check_stress<Num>(s);
    return headroom_unchecked(b, s);
  }

  Headroom headroom_unchecked(std::uint64_t b, const value_type& s) const {
    const auto [in_block, in_window] = usage_when_at(b);
    return headroom_given(s, in_block, in_window);
  }

  /// headroom_unchecked at the current block (the ledger already moved there: an f64 order
  /// expires the window up front), without looking ahead.
  Headroom headroom_now(const value_type& s) const { return headroom_given(s, block_usage(), window_); }

  /// Books an f64 fill at the current block (the ledger already moved to the order's block).
  void record_now(const value_type& items, const value_type& notional) requires(!Num::is_exact) {
    Usage& u = ring_[head_];
    u.items = Num::add(u.items, items);
    u.notional = Num::add(u.notional, notional);
    window_.items = Num::add(window_.items, items);
    window_.notional = Num::add(window_.notional, notional);
  }

 private:
  Headroom headroom_given(const value_type& s, const Usage& in_block, const Usage& in_window) const {
    Headroom h;
    h.caps = cap_.at_unchecked(s);
    limit_pair(h.caps.block_items, h.caps.window_items, in_block.items, in_window.items, Limit::block_items,
               Limit::window_items, h.items, h.items_limit);
    limit_pair(h.caps.block_notional, h.caps.window_notional, in_block.notional, in_window.notional,
               Limit::block_notional, Limit::window_notional, h.notional, h.notional_limit);
    return h;
  }

 public:
  /// Books an absorbed fill at block b (advancing to it first).  Exact sums are checked.
  void record(std::uint64_t b, const value_type& items, const value_type& notional) {
    if constexpr (!Num::is_exact) {
      if (!(items >= 0.0 && notional >= 0.0 && std::isfinite(items) && std::isfinite(notional)))
        throw InvalidArgument("recorded items and notional must be finite and >= 0");
    }
    record_unchecked(b, items, notional);
  }

  /// record() for amounts already known to be valid (absorb_sell's own fills).
  ///
  /// Every sum is checked before anything changes, so a refused record leaves the ledger
  /// exactly as it was -- not even advanced.  Exact: a sum past 2^256 - 1 reverts (found by
  /// fuzz_absorb: the block's slot was updated before the window's sum reverted), as the
  /// reverted call does on chain.  f64: a record that would take a window sum to infinity is
  /// refused (an infinite usage would stay infinite as blocks expire: inf - x).  The block's
  /// sums are at most the window's, so checking the window's covers all four.
  void record_unchecked(std::uint64_t b, const value_type& items, const value_type& notional) {
    const auto [in_block, in_window] = usage_when_at(b);  // InvalidArgument for a block before ours
    if constexpr (Num::is_exact) {
      const Usage block_sum{Num::add(in_block.items, items), Num::add(in_block.notional, notional)};
      const Usage window_sum{Num::add(in_window.items, items), Num::add(in_window.notional, notional)};
      advance_to(b);  // cannot throw: b >= block_ (usage_when_at checked it)
      ring_[head_] = block_sum;
      window_ = window_sum;
    } else {
      if (!std::isfinite(in_window.items + items) || !std::isfinite(in_window.notional + notional))
        throw InvalidArgument("items and notional would take the ledger's window sums past the largest double");
      advance_to(b);  // f64 sums are refreshed here when the ring wraps (or cancels), so add after advancing
      record_now(items, notional);
    }
  }

  /// The usage of block b and of the window ending at b, as they will be once the ledger is at
  /// b (>= the current block; InvalidArgument otherwise).  Changes nothing.
  std::pair<Usage, Usage> usage_when_at(std::uint64_t b) const {
    if (is_at(b)) return {ring_[head_], window_};  // no look-ahead: the common case of a driver that syncs first
    return {Usage{}, window_at(b)};  // a later block (or a fresh ledger) has nothing booked yet
  }

  /// Usage over the window ending at block b (>= the current block) as it will be once the
  /// ledger advances there, without changing the ledger.
  Usage window_at(std::uint64_t b) const {
    if (!started_) return {};
    if (b < block_) throw InvalidArgument("block must not go backwards (the ledger is at a later block)");
    const std::uint64_t gap = b - block_;
    if (gap == 0) return window_;
    if (gap >= window_blocks()) return {};
    Usage w = window_;
    bool cancelled = false;
    for (std::uint64_t j = 1; j <= gap; ++j) {
      const Usage& u = ring_[ahead(j)];  // the slot of a block leaving the window
      w.items = sat_sub(w.items, u.items);
      w.notional = sat_sub(w.notional, u.notional);
      cancelled = cancelled || cancels(u, w);
    }
    if constexpr (!Num::is_exact) {
      // On a wrap of the ring (bounding the drift of incremental sums) or a cancelling
      // subtraction (bits lost), the sums are taken afresh from the slots that stay.
      // advance_to() stores this very value, so a look-ahead equals the moved ledger.
      if (ahead(gap) < gap || cancelled) w = ring_sum(gap);
    }
    return w;
  }

  /// Rebuilds a ledger from its parts (unpickling): the ring holds blocks block - W + 1 ..
  /// block, oldest first, as window_history() returns them.
  static AbsorptionLedger restore(const cap_type& cap, bool started, std::uint64_t block,
                                  const std::vector<Usage>& history) {
    AbsorptionLedger l(cap);
    if (history.size() != l.window_blocks()) throw InvalidArgument("ledger history must have window_blocks entries");
    l.started_ = started;
    l.block_ = block;
    l.head_ = l.slot(block);
    if (started) {
      for (std::uint32_t i = 0; i < l.window_blocks(); ++i) {
        const std::uint64_t back = l.window_blocks() - 1 - i;
        if (back <= block) l.ring_[l.slot(block - back)] = history[i];
      }
    }
    l.recompute_window();
    return l;
  }

  friend bool operator==(const AbsorptionLedger& a, const AbsorptionLedger& b) {
    return a.cap_ == b.cap_ && a.started_ == b.started_ && a.block_ == b.block_ &&
           a.window_history() == b.window_history();
  }

 private:
  std::size_t slot(std::uint64_t b) const { return static_cast<std::size_t>(b % window_blocks()); }
  /// slot(block_ + j) for 0 <= j < W without a division (a 64-bit modulo per block was the
  /// slowest step of a simulated block).
  std::size_t ahead(std::uint64_t j) const {
    const std::size_t i = head_ + static_cast<std::size_t>(j);
    return i >= ring_.size() ? i - ring_.size() : i;
  }

  /// headroom = min(block cap - block usage, window cap - window usage) and the flags of the
  /// limits that equal it; unlimited limits are skipped (they never bind).  A cap is unlimited
  /// exactly when its value is CapRange::unlimited() (a limited cap is at most its finite calm
  /// value), so the caps at s tell, without reading the ranges again.
  static void limit_pair(const value_type& block_cap, const value_type& window_cap, const value_type& block_used,
                         const value_type& window_used, Limit block_flag, Limit window_flag, value_type& headroom,
                         std::uint8_t& flags) {
    const value_type unlimited = CapRange<Num>::unlimited();
    const bool block_limited = !(block_cap == unlimited), window_limited = !(window_cap == unlimited);
    if (!block_limited && !window_limited) {
      headroom = unlimited;
      return;
    }
    const value_type b = block_limited ? sat_sub(block_cap, block_used) : unlimited;
    const value_type w = window_limited ? sat_sub(window_cap, window_used) : unlimited;
    headroom = w < b ? w : b;
    // Arithmetic, not branches: branches on each flag let the optimiser thread every
    // combination of flag values through the caller as separate constants (dozens of byte
    // stores per block in a simulation).
    flags =
        static_cast<std::uint8_t>(flags | static_cast<unsigned>(block_limited && b == headroom) * unsigned(block_flag) |
                                  static_cast<unsigned>(window_limited && w == headroom) * unsigned(window_flag));
  }

  /// f64: whether subtracting an expiring slot `u` left a sum `rest` smaller than `u` itself,
  /// i.e. lost more than a bit to cancellation (a large record expiring from a small window:
  /// found by fuzz_absorb, 1e18 expiring left a window's notional 149 off).  The sum is then
  /// recomputed from the ring.  Rare: uniform usage never triggers it.  Exact: never.
  static bool cancels(const Usage& u, const Usage& rest) {
    if constexpr (Num::is_exact) {
      return false;
    } else {
      return u.items > rest.items || u.notional > rest.notional;
    }
  }

  static value_type sat_sub(const value_type& a, const value_type& b) {
    if constexpr (Num::is_exact) {
      return a > b ? a - b : value_type{};
    } else {
      const double d = a - b;  // inf - finite stays inf: an unlimited cap stays unlimited
      return d > 0.0 ? d : 0.0;
    }
  }

  void recompute_window() { window_ = ring_sum(0); }

  /// The slots summed in ring order, leaving out the `expiring` ones after the head (the
  /// blocks that leave the window when the ledger moves `expiring` blocks on).  One order for
  /// every fresh sum, so the look-ahead and the moved ledger agree to the bit.
  Usage ring_sum(std::uint64_t expiring) const {
    Usage w;
    const std::size_t size = ring_.size();
    for (std::size_t i = 0; i < size; ++i) {
      // slot i is ahead(offset + 1); i + size - head_ - 1 < 2 size, so one conditional
      // subtraction is the modulo (a 64-bit division per slot was most of a resum's time)
      std::size_t offset = i + size - head_ - 1;
      if (offset >= size) offset -= size;
      if (offset < expiring) continue;
      w.items = Num::add(w.items, ring_[i].items);
      w.notional = Num::add(w.notional, ring_[i].notional);
    }
    return w;
  }

  cap_type cap_;
  std::vector<Usage> ring_;
  Usage window_{};
  std::uint64_t block_ = 0;
  std::size_t head_ = 0;  ///< slot(block_)
  bool started_ = false;
};

}  // namespace cushion::absorb
