"""The exception every reference implementation raises where the on-chain code reverts."""

from __future__ import annotations

#: The kinds a revert can have; they match ``cushion.Revert.kind``.
KINDS = ("overflow", "underflow", "division_by_zero", "custom")


class RefRevert(Exception):
    """The reference's stand-in for an EVM revert.

    kind:   'overflow' / 'underflow' (Panic 0x11), 'division_by_zero' (Panic 0x12),
            or 'custom' (an explicit revert; then ``reason`` is the custom error's name).
    reason: free text for the Panic kinds, the error name for 'custom'.
    """

    def __init__(self, kind: str, reason: str = "") -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown revert kind {kind!r}")
        super().__init__(f"{kind}: {reason}")
        self.kind = kind
        self.reason = reason
