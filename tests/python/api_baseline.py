"""The record of one valid call, shared by public_api.py and public_api_risk.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Baseline:
    kwargs: dict[str, Any]
    #: per argument, hostile categories that are valid for it (test_hostile_input.HOSTILE)
    accepts: dict[str, set[str]] = field(default_factory=dict)
    #: per argument, its kind when the signature does not say ("int", "float", "str", "bool",
    #: "array", "object", "int_column"); e.g. a binding typed `object` that takes an int
    kinds: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Fresh:
    """An argument a valid call changes (a ledger, a loan book): ``factory()`` makes a new one
    for every call, so that calls stay independent of each other."""

    factory: Any


def materialise(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The kwargs with every ``Fresh`` replaced by a new object."""
    return {k: v.factory() if isinstance(v, Fresh) else v for k, v in kwargs.items()}
