// Curves and the exact primitives keep no shared mutable state: quoting the same curve
// objects from several threads at once gives exactly the serial results (also run under
// ASan + UBSan by .ci/sanitize.sh).  This is what lets the bindings release the GIL.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "cushion/compat/sudoswap.hpp"

namespace {

using cushion::num::Evm256;
using cushion::num::F64;
using cushion::num::kWad;
using cushion::num::uint256;
namespace cv = cushion::curves;

/// Every value a quote carries, as text (a revert is "revert").
template <class Curve>
std::vector<std::string> quote_all(const Curve& c, unsigned max_items) {
  std::vector<std::string> out;
  for (unsigned n = 1; n <= max_items; ++n) {
    for (const bool buy : {true, false}) {
      try {
        const auto q = buy ? c.buy(typename Curve::count_type(n)) : c.sell(typename Curve::count_type(n));
        if constexpr (Curve::number_policy::is_exact)
          out.push_back(std::to_string(static_cast<int>(q.error)) + " " + q.value.to_string() + " " +
                        q.trade_fee.to_string() + " " + q.next.spot_price().to_string());
        else
          out.push_back(std::to_string(static_cast<int>(q.error)) + " " + std::to_string(q.value) + " " +
                        std::to_string(q.next.spot_price()));
      } catch (const cushion::num::Revert& e) {
        out.push_back(std::string("revert ") + e.what());
      }
    }
  }
  return out;
}

template <class Curve>
void expect_thread_safe(const Curve& curve) {
  const auto serial = quote_all(curve, 200);
  std::vector<std::vector<std::string>> results(8);
  std::vector<std::thread> threads;
  for (auto& r : results) threads.emplace_back([&curve, &r] { r = quote_all(curve, 200); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_EQ(r, serial);
}

TEST(Threads, TheSameCurveFromEightThreads) {
  const uint256 fee(5000000000000000ULL);
  expect_thread_safe(cv::Linear<Evm256>(uint256(10u) * kWad, kWad, fee, fee));
  expect_thread_safe(cv::Exponential<Evm256>(uint256(10u) * kWad, uint256(1050000000000000000ULL), fee, fee));
  expect_thread_safe(cv::XYK<Evm256>(uint256(500u) * kWad, uint256(150u), fee, fee));
  expect_thread_safe(cv::GDA<Evm256>(uint256(10u) * kWad, uint256(1010000000000000000ULL), uint256(100000000000000ULL),
                                     uint256(0u), uint256(3600u), fee, fee));
  expect_thread_safe(cv::Linear<F64>(10.0, 0.1, 0.005));
  expect_thread_safe(cv::Exponential<F64>(10.0, 1.05, 0.005));
  expect_thread_safe(cv::XYK<F64>(500.0, 150.0, 0.005));
  expect_thread_safe(cv::GDA<F64>(10.0, 1.01, 0.0001, 0.0, 3600.0, 0.005));
}

}  // namespace
