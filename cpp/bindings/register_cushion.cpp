// cpp/bindings/register_cushion.cpp — cushion pools over the f64 collection curves:
// _core.absorb.Cushion{Linear,Exponential,XYK,GDA,WeightedXYK} (shown as cushion.absorb).
#include "cushion/curves/dynamics.hpp"
#include "cushion_common.hpp"
#include "registry.hpp"

namespace cushion::bindings {

namespace {

void register_cushion(py::module_& core) {
  py::module_ m = core.attr("absorb").cast<py::module_>();
  bind_cushion_pool<curves::Linear<num::F64>>(m, "Linear");
  bind_cushion_pool<curves::Exponential<num::F64>>(m, "Exponential");
  bind_cushion_pool<curves::XYK<num::F64>>(m, "XYK");
  bind_cushion_pool<curves::GDA<num::F64>>(m, "GDA");
  bind_cushion_pool<curves::WeightedXYK<num::F64>>(m, "WeightedXYK");
}

}  // namespace

CUSHION_REGISTER(64, cushion, register_cushion);

}  // namespace cushion::bindings
