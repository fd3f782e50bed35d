"""The risk layer: the components of the cushion stack, composable in Python.

* :class:`Oracle` / :class:`SpotOracle` — multi-source floor oracle with liquidity weights,
  EMA time decay, outlier rejection, staleness and a confidence band (``oracle``);
* :class:`LoanBook` — vectorised NFT-backed loans and their health factors (``loans``);
* :class:`LiquidityBuffer` — the reserve in risk buckets; its books always balance (``buffer``);
* :class:`Rebalancer` — the controller: policy ladder, hysteresis, delayed release, kill
  switches, event classification, a decision log (``rebalancer``);
* :class:`StagedLiquidation`, :class:`BorrowerBehaviour` — breach 1/2/3 and who tops up
  (``liquidation``);
* the decentralised ramp — partial repayment and sale, refinancing, rescue auctions
  (``ramp``);
* :class:`ParameterSet` and :class:`Envelope` — governance envelopes and logged emergency
  overrides (``envelopes``);
* :class:`ThinBidMarket` — the open market's thin, reflexive bids (``market``);
* :class:`PostEventReview` — the report after a run (``review``).
"""

from __future__ import annotations

from .buffer import BucketConfig, InsufficientReserve, LiquidityBuffer, Position
from .envelopes import EmergencyOverride, Envelope, EnvelopeViolation, OverrideRecord, ParameterSet, default_envelopes
from .liquidation import BorrowerBehaviour, Stage, StagedLiquidation, StageEvents, TopUps, required_repayment
from .loans import LoanBook, LoanStatus
from .market import MarketConfig, SaleFill, ThinBidMarket
from .oracle import Oracle, OracleConfig, OracleReading, SpotOracle, weighted_median
from .ramp import (AuctionConfig, AuctionLot, RefinanceTerms, RescueAuction, partial_repayment,
                   partial_sale_items)
from .rebalancer import (Decision, EventClass, KillSwitch, Policy, PolicyLadder, PolicyRung, Rebalancer,
                         RebalancerConfig, RebalancerInputs, decision_frame)
from .review import PostEventReview

__all__ = [
    "AuctionConfig", "AuctionLot", "BorrowerBehaviour", "BucketConfig", "Decision", "EmergencyOverride", "Envelope",
    "EnvelopeViolation", "EventClass", "InsufficientReserve", "KillSwitch", "LiquidityBuffer", "LoanBook",
    "LoanStatus", "MarketConfig", "Oracle", "OracleConfig", "OracleReading", "OverrideRecord", "ParameterSet",
    "Policy", "PolicyLadder", "PolicyRung", "Position", "PostEventReview", "Rebalancer", "RebalancerConfig",
    "RebalancerInputs", "RefinanceTerms", "RescueAuction", "SaleFill", "SpotOracle", "Stage", "StageEvents",
    "StagedLiquidation", "ThinBidMarket", "TopUps", "decision_frame", "default_envelopes", "partial_repayment",
    "partial_sale_items", "required_repayment", "weighted_median",
]
