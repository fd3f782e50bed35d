"""pytest wiring of the EVM parity suite: the compiled contracts, the chain, Hypothesis
profiles, and the per-function case counts printed at the end of the run."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, settings

import harness

# The same profiles as tests/python: "ci" by default, "long" for a deliberate deep run
# (CUSHION_HYPOTHESIS_PROFILE=long).  The bulk random cases scale with CUSHION_EVM_CASES.
settings.register_profile(
    "ci", max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("CUSHION_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def artifacts() -> harness.Artifacts:
    """The compiled reference contracts (compiled once per source change, then cached)."""
    return harness.compile_contracts()


@pytest.fixture(scope="session")
def chain(artifacts: harness.Artifacts) -> harness.Chain:
    """An in-process revm chain with the contracts deployed on demand."""
    return harness.Chain(artifacts)


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001 - pytest's hook signature
    if not harness.STATS:
        return
    tr = terminalreporter
    tr.section("EVM parity: cases per function (cushion exact mode vs the EVM)")
    rows = sorted(harness.STATS.items())
    width = max(len(label) for label, _ in rows)
    for label, s in rows:
        top = ", ".join(f"{k}: {v}" for k, v in s.detail.most_common(4))
        tr.write_line(f"{label:<{width}}  {s.cases:>7} cases  {s.ok:>7} ok  {s.reverted:>6} reverted   {top}")
    total = sum(s.cases for _, s in rows)
    tr.write_line(f"{len(rows)} functions, {total} cases in all (CUSHION_EVM_CASES={harness.default_cases()})")
    out = harness.ROOT / "build" / "evm-parity-stats.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({label: {"cases": s.cases, "ok": s.ok, "reverted": s.reverted,
                                       "detail": dict(s.detail)} for label, s in rows}, indent=1))
