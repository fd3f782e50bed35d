// cpp/bindings/register_curves.cpp — the collection-index curves in both number
// policies: _core.f64.{Linear,Exponential,XYK,GDA} and _core.exact.{...}.
#include <pybind11/native_enum.h>

#include <array>
#include <utility>

#include "curves_common.hpp"
#include "cushion/curves/exponential.hpp"
#include "cushion/curves/gda.hpp"
#include "cushion/curves/linear.hpp"
#include "cushion/curves/xyk.hpp"
#include "registry.hpp"

namespace cushion::bindings {

template <class Num>
struct CurveFields<curves::Linear<Num>> {
  using C = curves::Linear<Num>;
  using Getter = typename Num::value_type (*)(const C&);
  static std::array<std::pair<const char*, Getter>, 4> fields() {
    return {{{"spot_price", +[](const C& c) { return c.spot_price(); }},
             {"delta", +[](const C& c) { return c.delta(); }},
             {"fee", +[](const C& c) { return c.fee(); }},
             {"protocol_fee", +[](const C& c) { return c.protocol_fee(); }}}};
  }
};

template <class Num>
struct CurveFields<curves::Exponential<Num>> {
  using C = curves::Exponential<Num>;
  using Getter = typename Num::value_type (*)(const C&);
  static std::array<std::pair<const char*, Getter>, 4> fields() {
    return {{{"spot_price", +[](const C& c) { return c.spot_price(); }},
             {"delta", +[](const C& c) { return c.delta(); }},
             {"fee", +[](const C& c) { return c.fee(); }},
             {"protocol_fee", +[](const C& c) { return c.protocol_fee(); }}}};
  }
};

template <class Num>
struct CurveFields<curves::XYK<Num>> {
  using C = curves::XYK<Num>;
  using Getter = typename Num::value_type (*)(const C&);
  static std::array<std::pair<const char*, Getter>, 4> fields() {
    return {{{"token_reserve", +[](const C& c) { return c.token_reserve(); }},
             {"nft_reserve", +[](const C& c) { return c.nft_reserve(); }},
             {"fee", +[](const C& c) { return c.fee(); }},
             {"protocol_fee", +[](const C& c) { return c.protocol_fee(); }}}};
  }
};

template <class Num>
struct CurveFields<curves::GDA<Num>> {
  using C = curves::GDA<Num>;
  using Getter = typename Num::value_type (*)(const C&);
  static std::array<std::pair<const char*, Getter>, 7> fields() {
    return {{{"spot_price", +[](const C& c) { return c.spot_price(); }},
             {"alpha", +[](const C& c) { return c.alpha(); }},
             {"decay", +[](const C& c) { return c.decay(); }},
             {"t0", +[](const C& c) { return c.t0(); }},
             {"now", +[](const C& c) { return c.now(); }},
             {"fee", +[](const C& c) { return c.fee(); }},
             {"protocol_fee", +[](const C& c) { return c.protocol_fee(); }}}};
  }
};

namespace {

template <class Num>
const char* units_doc() {
  return Num::is_exact ? "Exact mode: Python ints in base units (wei); multipliers WAD-scaled (1e18 == 1)."
                       : "f64 mode: amounts in whole tokens (1.0 == 1e18 wei); multipliers as plain numbers.";
}

template <class Num>
void bind_linear(py::module_& m) {
  using C = curves::Linear<Num>;
  using V = Values<Num>;
  using A = typename V::arg;
  auto factory = [](const py::tuple& t) {
    return C(V::in(t[0], "spot_price"), V::in(t[1], "delta"), V::in(t[2], "fee"), V::in(t[3], "protocol_fee"));
  };
  bind_quote<curves::Quote<C>>(m, "LinearQuote", "Linear");
  const std::string doc = std::string(
                              "Linear bonding curve (sudoswap v2 LinearCurve): the spot price moves by `delta` per "
                              "item, up on buys and down on sells; a buy starts at spot_price + delta.\n\n") +
                          units_doc<Num>();
  py::class_<C> cls(m, "Linear", doc.c_str());
  cls.def(py::init([factory](A s, A d, A f, A p) { return factory(py::make_tuple(s, d, f, p)); }),
          py::arg("spot_price"), py::arg("delta"), py::arg("fee") = 0, py::arg("protocol_fee") = 0)
      .def_property_readonly(
          "spot_price", [](const C& c) { return V::out(c.spot_price()); }, "The instant sell price.")
      .def_property_readonly(
          "delta", [](const C& c) { return V::out(c.delta()); }, "Price step per item.");
  bind_curve_common<C>(cls, "Linear", factory);
}

template <class Num>
void bind_exponential(py::module_& m) {
  using C = curves::Exponential<Num>;
  using V = Values<Num>;
  using A = typename V::arg;
  auto factory = [](const py::tuple& t) {
    return C(V::in(t[0], "spot_price"), V::in(t[1], "delta"), V::in(t[2], "fee"), V::in(t[3], "protocol_fee"));
  };
  bind_quote<curves::Quote<C>>(m, "ExponentialQuote", "Exponential");
  const std::string doc =
      std::string(
          "Exponential bonding curve (sudoswap v2 ExponentialCurve): the spot price is multiplied by `delta` "
          "(> 1) per item bought and divided by it per item sold; a buy starts at spot_price * delta.  A sell may "
          "not leave the price under MIN_PRICE (1e6 wei): SPOT_PRICE_UNDERFLOW.\n\n") +
      units_doc<Num>();
  py::class_<C> cls(m, "Exponential", doc.c_str());
  cls.def(py::init([factory](A s, A d, A f, A p) { return factory(py::make_tuple(s, d, f, p)); }),
          py::arg("spot_price"), py::arg("delta"), py::arg("fee") = 0, py::arg("protocol_fee") = 0)
      .def_property_readonly(
          "spot_price", [](const C& c) { return V::out(c.spot_price()); }, "The instant sell price.")
      .def_property_readonly(
          "delta", [](const C& c) { return V::out(c.delta()); }, "Multiplier per item.");
  bind_curve_common<C>(cls, "Exponential", factory);
}

template <class Num>
void bind_xyk(py::module_& m) {
  using C = curves::XYK<Num>;
  using V = Values<Num>;
  using A = typename V::arg;
  auto factory = [](const py::tuple& t) {
    return C(V::in(t[0], "token_reserve"), V::in(t[1], "nft_reserve"), V::in(t[2], "fee"), V::in(t[3], "protocol_fee"));
  };
  bind_quote<curves::Quote<C>>(m, "XYKQuote", "XYK");
  const std::string doc =
      std::string(
          "Constant-product curve on virtual reserves (sudoswap v2 XykCurve): buying n items costs "
          "n*x/(y-n), selling n pays n*x/(y+n), x = token_reserve (sudoswap's spot_price slot), y = nft_reserve "
          "(an item count, sudoswap's delta slot).\n\n") +
      units_doc<Num>();
  py::class_<C> cls(m, "XYK", doc.c_str());
  cls.def(py::init([factory](A x, A y, A f, A p) { return factory(py::make_tuple(x, y, f, p)); }),
          py::arg("token_reserve"), py::arg("nft_reserve"), py::arg("fee") = 0, py::arg("protocol_fee") = 0)
      .def_property_readonly(
          "token_reserve", [](const C& c) { return V::out(c.token_reserve()); }, "Virtual token reserve x.")
      .def_property_readonly(
          "nft_reserve", [](const C& c) { return V::out(c.nft_reserve()); }, "Virtual NFT reserve y (items).")
      .def_property_readonly(
          "spot_price", [](const C& c) { return V::out(c.spot_price()); }, "sudoswap's name for token_reserve.")
      .def_property_readonly(
          "delta", [](const C& c) { return V::out(c.delta()); }, "sudoswap's name for nft_reserve.");
  bind_curve_common<C>(cls, "XYK", factory);
}

template <class Num>
void bind_gda(py::module_& m) {
  using C = curves::GDA<Num>;
  using V = Values<Num>;
  using A = typename V::arg;
  auto factory = [](const py::tuple& t) {
    return C(V::in(t[0], "spot_price"), V::in(t[1], "alpha"), V::in(t[2], "decay"), V::in(t[3], "t0"),
             V::in(t[4], "now"), V::in(t[5], "fee"), V::in(t[6], "protocol_fee"));
  };
  bind_quote<curves::Quote<C>>(m, "GDAQuote", "GDA");
  const std::string doc =
      std::string(
          "Gradual Dutch auction curve (sudoswap v2 GDACurve): each item bought multiplies the price by `alpha`; "
          "the price decays as 2**(-decay * (now - t0)) (sudoswap uses 2 for e; the exponent is capped at 10 only "
          "when its whole part exceeds 10).  A trade restarts the auction at `now`.  UD60x18 arithmetic: every "
          "step truncates, fees are floored.\n\n") +
      units_doc<Num>() + (Num::is_exact ? "  t0 and now are unix seconds (ints)." : "  t0 and now are seconds.");
  py::class_<C> cls(m, "GDA", doc.c_str());
  cls.def(py::init([factory](A s, A a, A l, A t0, A now, A f, A p) {
            return factory(py::make_tuple(s, a, l, t0, now, f, p));
          }),
          py::arg("spot_price"), py::arg("alpha"), py::arg("decay"), py::arg("t0"), py::arg("now"), py::arg("fee") = 0,
          py::arg("protocol_fee") = 0)
      .def_property_readonly(
          "spot_price", [](const C& c) { return V::out(c.spot_price()); }, "Current spot price.")
      .def_property_readonly(
          "alpha", [](const C& c) { return V::out(c.alpha()); }, "Price multiplier per item.")
      .def_property_readonly(
          "decay", [](const C& c) { return V::out(c.decay()); }, "lambda: decay rate per second (base 2).")
      .def_property_readonly(
          "t0", [](const C& c) { return V::out(c.t0()); }, "Auction start time.")
      .def_property_readonly(
          "now", [](const C& c) { return V::out(c.now()); }, "The time quotes are taken at.")
      .def(
          "at", [](const C& c, A now) { return c.at(V::in(now.obj, "now")); }, py::arg("now"),
          "The same auction quoted at another time.")
      .def(
          "decay_factor", [](const C& c) { return V::out(c.decay_factor()); },
          "2**(decay * (now - t0)) with sudoswap's exponent cap (exact: PRBMath pow(2e18, x)).");
  bind_curve_common<C>(cls, "GDA", factory);
}

template <class Num>
void bind_all(py::module_& m) {
  bind_linear<Num>(m);
  bind_exponential<Num>(m);
  bind_xyk<Num>(m);
  bind_gda<Num>(m);
}

void register_curves(py::module_& core) {
  py::native_enum<curves::CurveError>(core, "CurveError", "enum.IntEnum",
                                      "sudoswap v2 CurveErrorCodes.Error (values 0-5) plus REVERTED (6, f64 only: "
                                      "the exact mode would revert).")
      .value("OK", curves::CurveError::ok)
      .value("INVALID_NUMITEMS", curves::CurveError::invalid_numitems)
      .value("SPOT_PRICE_OVERFLOW", curves::CurveError::spot_price_overflow)
      .value("DELTA_OVERFLOW", curves::CurveError::delta_overflow)
      .value("SPOT_PRICE_UNDERFLOW", curves::CurveError::spot_price_underflow)
      .value("AUCTION_ENDED", curves::CurveError::auction_ended)
      .value("REVERTED", curves::CurveError::reverted)
      .finalize();
  py::module_ f64 = core.def_submodule("f64", "Curves in the f64 number policy.");
  bind_all<num::F64>(f64);
  py::module_ exact = core.def_submodule("exact", "Curves in the exact uint256 number policy.");
  bind_all<num::Evm256>(exact);
}

}  // namespace

CUSHION_REGISTER(20, curves, register_curves);

}  // namespace cushion::bindings
