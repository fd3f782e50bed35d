"""Governance envelopes for the buffer's and the rebalancer's parameters.

Every tunable parameter has an :class:`Envelope` ``[min, max]`` approved by governance.
Inside it, the controller moves freely (no vote, no delay); a value outside it raises
:class:`EnvelopeViolation` unless the call carries an explicit :class:`EmergencyOverride`
(who authorised it, why, until when), and every override is appended to
:attr:`ParameterSet.override_log` — the audit trail the seed asks for ("pre-approved
parameter envelopes, emergency quorum thresholds ... within a transparent framework").
When an override expires, :meth:`ParameterSet.expire` moves the value back to the nearest
bound of its envelope and logs that too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from .._validate import UnknownName, check_instance, check_mapping, check_real, check_str

__all__ = ["EmergencyOverride", "Envelope", "EnvelopeViolation", "OverrideRecord", "ParameterSet",
           "default_envelopes"]


class EnvelopeViolation(ValueError):
    """A parameter was set outside its governance envelope without an emergency override."""


@dataclass(frozen=True)
class Envelope:
    """The governance range of one parameter."""

    name: str
    min: float
    max: float
    description: str = ""

    def __post_init__(self) -> None:
        check_str("name", self.name)
        check_str("description", self.description)
        check_real("min", self.min)
        check_real("max", self.max)
        if not self.min <= self.max:
            raise ValueError(f"envelope {self.name!r}: need min <= max, got [{self.min}, {self.max}]")

    def contains(self, value: float) -> bool:
        """min <= value <= max."""
        return self.min <= check_real("value", value) <= self.max

    def clamp(self, value: float) -> float:
        """The nearest value inside the envelope."""
        return min(self.max, max(self.min, check_real("value", value)))


@dataclass(frozen=True)
class EmergencyOverride:
    """Authority to set a value outside its envelope.

    Attributes:
        reason: why (logged).
        authorised_by: who (a multisig, an emergency quorum; logged).
        expires_at: simulation time (s) after which :meth:`ParameterSet.expire` reverts the
            value into its envelope; None for no expiry.
    """

    reason: str
    authorised_by: str
    expires_at: float | None = None

    def __post_init__(self) -> None:
        for name in ("reason", "authorised_by"):
            if not check_str(name, getattr(self, name)):
                raise ValueError(f"{name}: an emergency override needs a reason and who authorised it")
        if self.expires_at is not None:
            check_real("expires_at", self.expires_at, lo=0.0)


@dataclass(frozen=True)
class OverrideRecord:
    """One line of the override log."""

    time: float
    name: str
    old: float
    new: float
    envelope: tuple[float, float]
    reason: str
    authorised_by: str
    expires_at: float | None


class ParameterSet(Mapping[str, float]):
    """Named parameter values, each inside its envelope unless an override is logged.

    A read-only mapping (``params["oc_addon_mid"]``); change values with :meth:`set`.
    """

    def __init__(self, envelopes: Iterable[Envelope], values: Mapping[str, float]) -> None:
        self.envelopes: dict[str, Envelope] = {}
        if isinstance(envelopes, (str, bytes)) or not isinstance(envelopes, Iterable):
            raise TypeError(f"envelopes must be an iterable of Envelope, not {type(envelopes).__name__}")
        envelopes = list(envelopes)
        for e in envelopes:
            check_instance("envelopes", e, Envelope, "iterable of Envelope")
        check_mapping("values", values)
        for e in envelopes:
            if e.name in self.envelopes:
                raise ValueError(f"duplicate envelope {e.name!r}")
            self.envelopes[e.name] = e
        missing = set(self.envelopes) - set(values)
        if missing:
            raise ValueError(f"no initial value for {sorted(missing)}")
        self._values: dict[str, float] = {}
        self._overridden: dict[str, EmergencyOverride] = {}
        self.override_log: list[OverrideRecord] = []
        for name, v in values.items():
            self.set(name, v)

    # Mapping interface
    def __getitem__(self, name: str) -> float:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def envelope(self, name: str) -> Envelope:
        """The envelope of ``name`` (KeyError naming it if unknown)."""
        check_str("name", name)
        try:
            return self.envelopes[name]
        except KeyError:
            raise UnknownName(f"name: no envelope for parameter {name!r}") from None

    def is_overridden(self, name: str) -> bool:
        """True while ``name`` holds a value set under an emergency override."""
        return self.envelope(name).name in self._overridden

    def set(self, name: str, value: float, *, override: EmergencyOverride | None = None, time: float = 0.0) -> float:
        """Sets ``name`` to ``value``; returns it.

        Inside the envelope: always allowed (and clears a previous override).  Outside:
        raises :class:`EnvelopeViolation` unless ``override`` is given, in which case the
        change is logged in :attr:`override_log`.
        """
        env = self.envelope(name)
        value = check_real(f"value (of {name})", value)
        if override is not None:
            check_instance("override", override, EmergencyOverride, "EmergencyOverride or None")
        time = check_real("time", time, lo=0.0)
        if env.contains(value):
            self._overridden.pop(name, None)
        elif override is None:
            raise EnvelopeViolation(f"{name} = {value} is outside its envelope [{env.min}, {env.max}]; "
                                    "an EmergencyOverride is required")
        else:
            self.override_log.append(OverrideRecord(time, name, self._values.get(name, math.nan), value,
                                                    (env.min, env.max), override.reason, override.authorised_by,
                                                    override.expires_at))
            self._overridden[name] = override
        self._values[name] = value
        return value

    def expire(self, time: float) -> list[str]:
        """Reverts every override whose ``expires_at`` <= ``time`` to the nearest envelope
        bound; logs each reversion; returns the names reverted."""
        time = check_real("time", time, lo=0.0, allow_inf=True)  # inf: every override with an expiry
        reverted = []
        for name, o in list(self._overridden.items()):
            if o.expires_at is not None and o.expires_at <= time:
                env = self.envelopes[name]
                old = self._values[name]
                self._values[name] = env.clamp(old)
                del self._overridden[name]
                self.override_log.append(OverrideRecord(time, name, old, self._values[name], (env.min, env.max),
                                                        "override expired", o.authorised_by, o.expires_at))
                reverted.append(name)
        return reverted

    def as_dict(self) -> dict[str, float]:
        """The current values."""
        return dict(self._values)


def default_envelopes() -> list[Envelope]:
    """The envelopes of the rebalancer's and the buffer's parameters (the defaults the
    simulator uses; governance would publish its own)."""
    env = [
        Envelope("oc_addon_blue_chip", 0.0, 0.10, "temporary overcollateralization, blue chips"),
        Envelope("oc_addon_mid", 0.0, 0.12, "temporary overcollateralization, mid"),
        Envelope("oc_addon_long_tail", 0.0, 0.15, "temporary overcollateralization, long tail"),
        Envelope("reserve_multiplier", 1.0, 2.0, "required reserve multiplier"),
        Envelope("review_interval_minutes", 5.0, 240.0, "how often the controller reviews"),
        Envelope("cure_window_hours", 1.0, 48.0, "top-up window after a breach-1 notice"),
        Envelope("release_step", 0.005, 0.05, "most the OC add-on may fall per release"),
        Envelope("release_delay_hours", 1.0, 48.0, "quiet time before any OC release"),
        Envelope("max_support_fraction", 0.0, 0.30, "buffer refinancing per loan / collateral value"),
        Envelope("hard_floor_hf", 0.80, 1.00, "health factor that skips the cure window"),
        Envelope("max_ltv_cut", 0.0, 0.5, "borrow-cap cut for a decaying asset (share of max LTV)"),
    ]
    return env
