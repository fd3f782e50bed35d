"""Shared pytest configuration: Hypothesis profiles and uint256 strategies."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# "ci" keeps the suite inside its time budget; "long" is for a deliberate deep run:
#   CUSHION_HYPOTHESIS_PROFILE=long pytest tests/python
settings.register_profile(
    "ci", max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=20000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# "smoke": the sanitizer run (.ci/sanitize.sh), where every call costs ~10x.
settings.register_profile(
    "smoke", max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
PROFILE = os.environ.get("CUSHION_HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)


def scaled(examples: int) -> int:
    """A test's example count in the "ci" profile, and 20 times that under "long"."""
    return examples * 20 if PROFILE == "long" else examples

MAX256 = 2**256 - 1
MAX128 = 2**128 - 1
WAD = 10**18

EDGES = sorted(
    {0, 1, 2, 3, 10**6, 10**9, WAD - 1, WAD, WAD + 1, 2**64 - 1, 2**64, 2**127, MAX128 - 1, MAX128, 2**128,
     2**128 + 1, 2**192, 2**255, MAX256 - 1, MAX256}
)


def uint(bits: int = 256) -> st.SearchStrategy[int]:
    """Integers in [0, 2**bits) with the edges over-represented."""
    top = 2**bits - 1
    return st.one_of(
        st.sampled_from([e for e in EDGES if e <= top]),
        st.integers(0, top),
        st.integers(0, 2**64),
        st.integers(0, 10**24),
    )


def outcome(fn, *args, **kw):
    """("ok", result tuple) or ("revert", kind) for cushion and the reference alike, so that
    a differential test compares what happened, reverts included."""
    import cushion
    from reference.errors import RefRevert

    try:
        return ("ok", tuple(fn(*args, **kw)))
    except cushion.Revert as e:
        return ("revert", e.kind.value)
    except RefRevert as e:
        return ("revert", e.kind)
