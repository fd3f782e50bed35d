// Batch quoting: broadcasting, loop planning, f64 kernels equal to scalar quotes bit for
// bit, validation, exact batches with per-element reverts, slippage and depth.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <random>

#include "cushion/batch/quote.hpp"
#include "cushion/batch/slippage.hpp"

namespace {

using namespace cushion;
using batch::Operand;
using batch::Shape;
using num::F64;

Operand<double> array(const std::vector<double>& v) { return {v.data(), {static_cast<std::ptrdiff_t>(v.size())}, {1}}; }
Operand<double> scalar(const double& v) { return {&v, {}, {}}; }

TEST(Broadcast, Shapes) {
  const std::array<Shape, 3> shapes{Shape{3, 1}, Shape{4}, Shape{}};
  const std::array<const char*, 3> names{"a", "b", "c"};
  EXPECT_EQ(batch::broadcast_shapes(shapes, names), (Shape{3, 4}));
  const std::array<Shape, 2> bad{Shape{3}, Shape{4}};
  try {
    batch::broadcast_shapes(bad, names);
    FAIL();
  } catch (const InvalidArgument& e) {
    EXPECT_STREQ(e.what(), "shapes do not broadcast: a has shape (3,) but b has shape (4,)");
  }
}

TEST(Broadcast, PlansMergeContiguousDimensions) {
  const double s = 1.0;
  std::vector<double> data(12);
  // A C-contiguous (3, 4) operand and a scalar: one flat row of 12.
  const std::array<Operand<double>, 2> flat{Operand<double>{data.data(), {3, 4}, {4, 1}}, scalar(s)};
  const auto plan = batch::plan_loops(flat, Shape{3, 4});
  EXPECT_EQ(plan.shape, (Shape{12}));
  // Its transpose cannot merge: two dimensions, strides (1, 4).
  const std::array<Operand<double>, 2> transposed{Operand<double>{data.data(), {4, 3}, {1, 4}}, scalar(s)};
  const auto plan_t = batch::plan_loops(transposed, Shape{4, 3});
  EXPECT_EQ(plan_t.shape, (Shape{4, 3}));
  std::vector<std::size_t> offsets;
  batch::for_each_row(plan_t, std::array<const double*, 2>{data.data(), &s},
                      [&](std::size_t offset, std::size_t len, const auto& ptr, const auto& stride) {
                        offsets.push_back(offset);
                        EXPECT_EQ(len, 3u);
                        EXPECT_EQ(stride[0], 4);
                        EXPECT_EQ(ptr[0], data.data() + offsets.size() - 1);
                      });
  EXPECT_EQ(offsets, (std::vector<std::size_t>{0, 3, 6, 9}));
}

/// Runs an f64 batch over per-element parameter vectors and compares every output with the
/// scalar quote, bit for bit.
template <class Curve, bool Buy, std::size_t P>
void expect_batch_equals_scalar(const std::array<std::vector<double>, P>& params) {
  using S = batch::CurveSchema<Curve>;
  constexpr std::size_t N = S::next.size();
  const std::size_t size = params[0].size();
  std::array<Operand<double>, P> ops;
  std::array<const double*, P> base;
  for (std::size_t k = 0; k < P; ++k) {
    ops[k] = array(params[k]);
    base[k] = params[k].data();
  }
  std::vector<double> value(size), tf(size), pf(size), items(size);
  std::vector<std::uint8_t> error(size);
  std::array<std::vector<double>, N> next;
  batch::F64Columns<N> cols{value.data(), tf.data(), pf.data(), error.data(), items.data(), {}};
  for (std::size_t j = 0; j < N; ++j) {
    next[j].resize(size);
    cols.next[j] = next[j].data();
  }
  batch::quote_f64_checked<Curve, Buy>(ops, batch::plan_loops(ops, Shape{static_cast<std::ptrdiff_t>(size)}), base,
                                       cols);
  int failed = 0;
  for (std::size_t i = 0; i < size; ++i) {
    std::array<double, P> p;
    for (std::size_t k = 0; k < P; ++k) p[k] = params[k][i];
    const Curve c = S::make(p.data());
    const auto q = Buy ? c.buy(p[P - 1]) : c.sell(p[P - 1]);
    failed += !q.ok();
    ASSERT_EQ(error[i], static_cast<std::uint8_t>(q.error)) << Curve::kind << " " << i;
    ASSERT_EQ(std::bit_cast<std::uint64_t>(value[i]), std::bit_cast<std::uint64_t>(q.value)) << Curve::kind << i;
    ASSERT_EQ(std::bit_cast<std::uint64_t>(tf[i]), std::bit_cast<std::uint64_t>(q.trade_fee));
    ASSERT_EQ(std::bit_cast<std::uint64_t>(pf[i]), std::bit_cast<std::uint64_t>(q.protocol_fee));
    ASSERT_EQ(std::bit_cast<std::uint64_t>(items[i]), std::bit_cast<std::uint64_t>(q.items));
    std::array<double, N> n;
    S::store_next(q.next, n.data());
    for (std::size_t j = 0; j < N; ++j)
      ASSERT_EQ(std::bit_cast<std::uint64_t>(next[j][i]), std::bit_cast<std::uint64_t>(n[j]));
  }
  EXPECT_GT(failed, 0) << Curve::kind << ": the sample should include failures";
  EXPECT_LT(failed, static_cast<int>(size)) << Curve::kind;
}

template <std::size_t P>
std::array<std::vector<double>, P> random_params(std::mt19937_64& rng, std::size_t size,
                                                 const std::array<std::pair<double, double>, P>& ranges) {
  std::array<std::vector<double>, P> out;
  for (std::size_t k = 0; k < P; ++k) {
    std::uniform_real_distribution<double> u(ranges[k].first, ranges[k].second);
    out[k].resize(size);
    for (auto& v : out[k]) v = u(rng);
  }
  for (auto& n : out[P - 1]) n = (rng() % 4 == 0) ? n : std::floor(n);  // mostly whole counts, some 0
  return out;
}

TEST(BatchF64, EqualsScalarQuotesBitForBit) {
  std::mt19937_64 rng(11);
  constexpr std::size_t n = 3000;
  using R = std::pair<double, double>;
  const auto linear = random_params<5>(rng, n, {R{0, 10}, R{0, 1}, R{0, 0.6}, R{0, 0.5}, R{0, 40}});
  expect_batch_equals_scalar<curves::Linear<F64>, true>(linear);
  expect_batch_equals_scalar<curves::Linear<F64>, false>(linear);
  const auto expo = random_params<5>(rng, n, {R{1e-13, 10}, R{0.95, 2}, R{0, 0.6}, R{0, 0.5}, R{0, 40}});
  expect_batch_equals_scalar<curves::Exponential<F64>, true>(expo);
  expect_batch_equals_scalar<curves::Exponential<F64>, false>(expo);
  const auto xyk = random_params<5>(rng, n, {R{0, 100}, R{0, 60}, R{0, 0.6}, R{0, 0.5}, R{0, 70}});
  expect_batch_equals_scalar<curves::XYK<F64>, true>(xyk);
  expect_batch_equals_scalar<curves::XYK<F64>, false>(xyk);
  auto gda = random_params<8>(
      rng, n, {R{1e-10, 10}, R{0.99, 1.5}, R{0, 0.02}, R{0, 1000}, R{0, 3000}, R{0, 0.6}, R{0, 0.5}, R{0, 40}});
  expect_batch_equals_scalar<curves::GDA<F64>, true>(gda);
  expect_batch_equals_scalar<curves::GDA<F64>, false>(gda);
  const auto wxyk = random_params<5>(rng, n, {R{0, 100}, R{0, 20}, R{0, 5000}, R{0, 12000}, R{0, 25}});
  expect_batch_equals_scalar<curves::WeightedXYK<F64>, true>(wxyk);
  expect_batch_equals_scalar<curves::WeightedXYK<F64>, false>(wxyk);
}

TEST(BatchF64, ValidationNamesTheArgumentAndIndex) {
  const std::vector<double> n{1, 2, -3};
  const double x = 10, y = 5, zero = 0;
  std::vector<double> out(3), out2(3), out3(3), out4(3), out5(3), out6(3);
  std::vector<std::uint8_t> err(3);
  const std::array<Operand<double>, 5> ops{scalar(x), scalar(y), scalar(zero), scalar(zero), array(n)};
  const batch::F64Columns<2> cols{out.data(), out2.data(), out3.data(),
                                  err.data(), out4.data(), {out5.data(), out6.data()}};
  try {
    batch::quote_f64_checked<curves::XYK<F64>, true>(ops, batch::plan_loops(ops, Shape{3}),
                                                     {&x, &y, &zero, &zero, n.data()}, cols);
    FAIL();
  } catch (const InvalidArgument& e) {
    EXPECT_STREQ(e.what(), "n must be a finite number >= 0, got -3.000000 at index (2,)");
  }
  const double nan = std::nan("");
  const std::array<Operand<double>, 5> bad{scalar(x), scalar(nan), scalar(zero), scalar(zero), array(n)};
  EXPECT_THROW((batch::quote_f64_checked<curves::XYK<F64>, true>(bad, batch::plan_loops(bad, Shape{3}),
                                                                 {&x, &nan, &zero, &zero, n.data()}, cols)),
               InvalidArgument);
}

TEST(BatchExact, RevertsAreReportedPerElement) {
  using num::uint256;
  const std::vector<uint256> base{uint256(100u) * num::kWad}, nft{uint256(5u) * num::kWad}, fee{uint256(200u)},
      pfee{uint256()};
  const std::vector<uint256> w{num::kWad, uint256(5u) * num::kWad, uint256()};
  const auto r = batch::quote_exact<curves::WeightedXYK<num::Evm256>, true, 5>({base, nft, fee, pfee, w}, 3);
  EXPECT_EQ(r.error, (std::vector<std::uint8_t>{0, 6, 1}));
  EXPECT_EQ(r.value[0], uint256(255u) * num::kWad / uint256(10u));
  ASSERT_EQ(r.reverts.size(), 1u);
  EXPECT_EQ(r.reverts[0].index, 1u);
  EXPECT_EQ(r.reverts[0].revert.kind(), num::RevertKind::division_by_zero);
  EXPECT_EQ(r.next[1][1], nft[0]);  // unchanged state on a revert
  const std::vector<uint256> too_big{uint256::max_u128() + uint256(1u)};
  EXPECT_THROW((batch::quote_exact<curves::WeightedXYK<num::Evm256>, true, 5>({too_big, nft, fee, pfee, w}, 3)),
               OutOfRange);
}

TEST(Slippage, LinearClosedFormAndDepth) {
  const curves::Linear<F64> curve(1.0, 0.05);
  std::vector<double> k(10);
  for (std::size_t i = 0; i < k.size(); ++i) k[i] = double(i + 1);
  const auto s = batch::slippage_curve(curve, k, curves::Side::sell);
  for (std::size_t i = 0; i < k.size(); ++i) {
    EXPECT_NEAR(s.marginal_price[i], 1.0 - 0.05 * double(i), 1e-12);
    EXPECT_NEAR(s.price_impact[i], 0.025 * double(i), 1e-12);
  }
  EXPECT_EQ(batch::depth(curve, 0.2, curves::Side::sell, 1000), 5u);
  EXPECT_EQ(batch::depth(curve, 0.0, curves::Side::sell, 1000), 1u);
  EXPECT_EQ(batch::depth(curve, 2.0, curves::Side::sell, 1000), 21u);  // the linear sell stops at price 0
  EXPECT_EQ(batch::depth(curve, 0.2, curves::Side::sell, 3), 3u);
  const std::vector<double> increasing_not{1.0, 1.0};
  EXPECT_THROW(batch::slippage_curve(curve, increasing_not, curves::Side::sell), InvalidArgument);
}

}  // namespace
