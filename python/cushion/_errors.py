"""Errors raised by cushion (importable without the compiled core)."""

from __future__ import annotations

import enum

__all__ = ["Revert", "RevertKind"]


class RevertKind(str, enum.Enum):
    """Why an exact-mode computation reverted, as the EVM would report it."""

    OVERFLOW = "overflow"
    """A result did not fit its type (Solidity Panic 0x11, or a require on overflow)."""
    UNDERFLOW = "underflow"
    """An unsigned subtraction went below zero (Panic 0x11)."""
    DIVISION_BY_ZERO = "division_by_zero"
    """Division or modulo by zero (Panic 0x12)."""
    CUSTOM = "custom"
    """An explicit revert; ``reason`` names it (e.g. a library's custom error)."""


class Revert(Exception):
    """The exact (uint256) mode hit a condition on which the Solidity it reproduces reverts.

    Exact mode never wraps silently: checked-arithmetic overflow and underflow, division by
    zero and the libraries' own custom errors all raise ``Revert`` instead of returning a
    number.  ``kind`` says which (a :class:`RevertKind`); ``reason`` is a short description
    or, for ``RevertKind.CUSTOM``, the custom error's name.
    """

    kind: RevertKind
    reason: str

    def __init__(self, kind: str | RevertKind, reason: str = "") -> None:
        super().__init__(str(RevertKind(kind).value), reason)
        self.kind = RevertKind(kind)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.kind.value}: {self.reason}" if self.reason else self.kind.value
