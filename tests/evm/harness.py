"""The EVM side of the parity suite: compile the reference contracts, deploy them, run batches.

* :func:`compile_contracts` compiles every ``contracts/**/*.sol`` with the pinned solc-js
  (``package.json``; settings in ``solc-settings.json``) through ``compile.js``, and caches the
  output in ``build/evm-artifacts/<sha256 of solc lock + settings + sources>.json``.
* :class:`Chain` deploys contracts on revm (pyrevm, the EVM Foundry runs) and runs many cases
  of one function in a single call through ``BatchCaller``: every case is its own STATICCALL,
  so one revert does not abort the batch.
* :func:`outcome_of` turns a cushion call into the same shape as an EVM outcome, and
  :func:`assert_parity` compares the two, case by case, bit for bit, reverts included.

Outcomes are ``("ok", values)`` with ``values`` a tuple of ints (bools and enums as ints,
struct outputs flattened), or ``("revert", reason)``:
``"panic:0x11"`` / ``"panic:0x12"`` / ... (Solidity's checked arithmetic), ``"empty"`` (a bare
``revert()``/``require``: solmate, FullMath, ABI decoding), ``"custom:<ErrorName>"`` (a custom
error declared in the contracts), ``"error:<message>"`` (``Error(string)``), or
``"unknown:0x<data>"``.  On the cushion side, ``("revert", Revert)``.
"""

from __future__ import annotations

import collections
import hashlib
import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from keccak import selector as keccak_selector

EVM_DIR = Path(__file__).resolve().parent
ROOT = EVM_DIR.parent.parent
CONTRACTS_DIR = EVM_DIR / "contracts"
CACHE_DIR = ROOT / "build" / "evm-artifacts"
SETTINGS_FILE = EVM_DIR / "solc-settings.json"
LOCK_FILE = EVM_DIR / "package-lock.json"

#: The hard fork the contracts are compiled for (solc-settings.json) and revm runs.
EVM_SPEC = "CANCUN"
MAX256 = 2**256 - 1
PANIC_SELECTOR = keccak_selector("Panic(uint256)")
ERROR_STRING_SELECTOR = keccak_selector("Error(string)")
CALLER = "0x" + "c0" * 20
#: Cases per message call: BatchCaller's memory (and so its gas) grows quadratically.
CHUNK = 1500

Outcome = tuple  # ("ok", tuple[int, ...]) | ("revert", str | cushion.Revert)


def default_cases() -> int:
    """Random cases per function (CUSHION_EVM_CASES, default 10000; e.g. 100000 for a long run)."""
    return int(os.environ.get("CUSHION_EVM_CASES", "10000"))


# ---------------------------------------------------------------------------------------------
# Compilation
# ---------------------------------------------------------------------------------------------


def standard_json_input() -> dict[str, Any]:
    """solc's standard-JSON input: every contract source, and the recorded settings."""
    sources = {
        path.relative_to(CONTRACTS_DIR).as_posix(): {"content": path.read_text()}
        for path in sorted(CONTRACTS_DIR.rglob("*.sol"))
    }
    return {"language": "Solidity", "sources": sources, "settings": json.loads(SETTINGS_FILE.read_text())}


@dataclass(frozen=True)
class Function:
    """One external function of a compiled contract, with its static ABI types."""

    name: str
    signature: str
    selector: bytes
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]  # struct outputs flattened into their components


@dataclass(frozen=True)
class Contract:
    name: str
    bytecode: bytes
    deployed_size: int
    functions: dict[str, Function]


@dataclass(frozen=True)
class Artifacts:
    solc_version: str
    contracts: dict[str, Contract]
    errors: dict[bytes, str]  # custom error selector -> error name
    from_cache: bool


def _flatten(params: Iterable[dict[str, Any]]) -> tuple[str, ...]:
    """The static ABI words of a parameter list: structs and fixed-size arrays (``uint256[12]``)
    expand into their elements."""
    types: list[str] = []
    for p in params:
        if p["type"] == "tuple":
            types.extend(_flatten(p["components"]))
        elif p["type"].endswith("]"):
            element, _, size = p["type"][:-1].rpartition("[")
            types.extend(_flatten([{**p, "type": element}] * int(size)))
        else:
            types.append(p["type"])
    return tuple(types)


def _canonical(param: dict[str, Any]) -> str:
    if param["type"] == "tuple":
        return "(" + ",".join(_canonical(c) for c in param["components"]) + ")"
    return param["type"]


def compile_contracts() -> Artifacts:
    """Compiles the contracts once per source/settings/compiler state, then reads the cache."""
    source_input = standard_json_input()
    key = hashlib.sha256(LOCK_FILE.read_bytes() + json.dumps(source_input, sort_keys=True).encode()).hexdigest()
    cache = CACHE_DIR / f"{key[:32]}.json"
    from_cache = cache.exists()
    if from_cache:
        compiled = json.loads(cache.read_text())
    else:
        if not (EVM_DIR / "node_modules" / "solc").is_dir():
            raise RuntimeError("solc-js is not installed: run `npm ci` in tests/evm (make test does)")
        run = subprocess.run(["node", "compile.js"], cwd=EVM_DIR, input=json.dumps(source_input),
                             capture_output=True, text=True, check=True)
        compiled = json.loads(run.stdout)
        problems = [e["formattedMessage"] for e in compiled["output"].get("errors", [])
                    if e["severity"] == "error" or e["type"] == "Warning"]
        if problems:
            raise RuntimeError("solc reported:\n" + "\n".join(problems))
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(compiled))
        tmp.replace(cache)  # atomic: parallel test workers never read half a file

    contracts: dict[str, Contract] = {}
    errors: dict[bytes, str] = {}
    for per_file in compiled["output"]["contracts"].values():
        for name, c in per_file.items():
            functions = {}
            for entry in c["abi"]:
                if entry["type"] == "error":
                    sig = f"{entry['name']}({','.join(_canonical(p) for p in entry['inputs'])})"
                    errors[keccak_selector(sig)] = entry["name"]
                if entry["type"] != "function":
                    continue
                sig = f"{entry['name']}({','.join(_canonical(p) for p in entry['inputs'])})"
                functions[entry["name"]] = Function(
                    entry["name"], sig, bytes.fromhex(c["evm"]["methodIdentifiers"][sig]),
                    _flatten(entry["inputs"]), _flatten(entry["outputs"]))
            contracts[name] = Contract(name, bytes.fromhex(c["evm"]["bytecode"]["object"]),
                                       len(c["evm"]["deployedBytecode"]["object"]) // 2, functions)
    return Artifacts(compiled["solcVersion"], contracts, errors, from_cache)


# ---------------------------------------------------------------------------------------------
# ABI words (static types only)
# ---------------------------------------------------------------------------------------------


def _word(value: int) -> bytes:
    if not 0 <= value <= MAX256:
        raise ValueError(f"{value} is not a uint256 word")
    return value.to_bytes(32, "big")


def encode_words(values: Sequence[int]) -> bytes:
    """Static ABI encoding: one 32-byte big-endian word per value (the caller checks the types)."""
    return b"".join(_word(v) for v in values)


def decode_words(data: bytes, count: int) -> tuple[int, ...]:
    return tuple(int.from_bytes(data[32 * i:32 * i + 32], "big") for i in range(count))


def classify_revert(data: bytes, errors: dict[bytes, str]) -> str:
    """Names a revert by its data (see the module docstring)."""
    if not data:
        return "empty"
    if data[:4] == PANIC_SELECTOR and len(data) == 36:
        return f"panic:{int.from_bytes(data[4:36], 'big'):#04x}"
    if data[:4] == ERROR_STRING_SELECTOR and len(data) >= 68:
        length = int.from_bytes(data[36:68], "big")
        return "error:" + data[68:68 + length].decode(errors="replace")
    if data[:4] in errors:
        return "custom:" + errors[data[:4]]
    return "unknown:0x" + data.hex()


# ---------------------------------------------------------------------------------------------
# The chain
# ---------------------------------------------------------------------------------------------


class Chain:
    """The reference contracts deployed on one in-process revm instance."""

    def __init__(self, artifacts: Artifacts) -> None:
        from pyrevm import EVM

        self.artifacts = artifacts
        self.evm = EVM(spec_id=EVM_SPEC)
        self._addresses: dict[str, str] = {}
        self._timestamp: int | None = None
        self._batch = self.artifacts.contracts["BatchCaller"].functions["run"]
        self._batch_mutating = self.artifacts.contracts["BatchCaller"].functions["runMutating"]

    def address(self, contract: str) -> str:
        """The contract's address, deploying it on first use."""
        if contract not in self._addresses:
            code = self.artifacts.contracts[contract].bytecode
            self._addresses[contract] = self.evm.deploy(CALLER, code, gas=30_000_000)
        return self._addresses[contract]

    def set_timestamp(self, timestamp: int) -> None:
        """block.timestamp for the following calls."""
        from pyrevm import BlockEnv

        if timestamp != self._timestamp:
            self.evm.set_block_env(BlockEnv(timestamp=timestamp))
            self._timestamp = timestamp

    def run(self, contract: str, function: str, cases: Sequence[Sequence[int]], *,
            mutating: bool = False) -> list[Outcome]:
        """Calls contract.function once per case (a sequence of ints, one per static input word)
        and returns one outcome per case.  mutating: each case is a CALL, in order, and sees the
        state the previous cases left (a stateful scenario); else a STATICCALL."""
        fn = self.artifacts.contracts[contract].functions[function]
        target = self.address(contract)
        batch = self.address("BatchCaller")
        data_words = max(len(fn.outputs), 2)  # room for Panic(uint256): selector + code
        stride = 32 * (2 + data_words)
        outcomes: list[Outcome] = []
        for start in range(0, len(cases), CHUNK):
            chunk = cases[start:start + CHUNK]
            for case in chunk:
                if len(case) != len(fn.inputs):
                    raise ValueError(f"{fn.signature} takes {len(fn.inputs)} words, got {len(case)}")
            args = b"".join(encode_words(case) for case in chunk)
            batch_fn = self._batch_mutating if mutating else self._batch
            calldata = (batch_fn.selector + _word(int(target, 16)) + fn.selector.ljust(32, b"\0")
                        + _word(len(chunk)) + _word(data_words) + _word(5 * 32) + _word(len(args)) + args
                        + b"\0" * (-len(args) % 32))
            raw = bytes(self.evm.message_call(CALLER, batch, calldata, gas=2**56))
            records = raw[64:64 + int.from_bytes(raw[32:64], "big")]
            for i in range(len(chunk)):
                rec = records[i * stride:(i + 1) * stride]
                ok = rec[31] == 1
                size = int.from_bytes(rec[32:64], "big")
                body = rec[64:64 + min(size, 32 * data_words)]
                if ok:
                    if size != 32 * len(fn.outputs):
                        raise AssertionError(f"{fn.signature} returned {size} bytes")
                    outcomes.append(("ok", decode_words(body, len(fn.outputs))))
                else:
                    outcomes.append(("revert", classify_revert(body, self.artifacts.errors)))
        return outcomes

    def call_with_bytes(self, contract: str, function: str, data: bytes) -> tuple[int, ...]:
        """Calls a function whose only argument is `bytes` directly (no batch); returns its
        static outputs, or raises RuntimeError when it reverts."""
        fn = self.artifacts.contracts[contract].functions[function]
        calldata = fn.selector + _word(32) + _word(len(data)) + data + b"\0" * (-len(data) % 32)
        raw = bytes(self.evm.message_call(CALLER, self.address(contract), calldata, gas=10**7))
        return decode_words(raw, len(fn.outputs))

    def call(self, contract: str, function: str, *args: int) -> Outcome:
        """One case."""
        return self.run(contract, function, [args])[0]


# ---------------------------------------------------------------------------------------------
# Parity
# ---------------------------------------------------------------------------------------------


class Rejected(Exception):
    """cushion refused an input (ValueError) that the contract rejects with a custom error: the
    outcome ("revert", Rejected(name)) must meet the EVM's ``custom:<name>``."""

    kind = "custom"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def rejecting(fn: Callable[..., Any]) -> Callable[..., Any]:
    """fn with the ValueErrors of cushion.ffi.REFERENCE_REJECTIONS turned into Rejected; any other
    ValueError (an input the test should not have generated) propagates."""

    def call(*args: Any) -> Any:
        try:
            return fn(*args)
        except ValueError as e:
            from cushion.ffi import REFERENCE_REJECTIONS  # cushion's message -> the contracts' error

            for message, error in REFERENCE_REJECTIONS.items():
                if message in str(e):
                    raise Rejected(error) from e
            raise

    return call


def outcome_of(fn: Callable[..., Any], *args: Any, revert_types: tuple[type, ...] | None = None) -> Outcome:
    """Runs a cushion (or Python-reference) call and returns its outcome: ("ok", result) or
    ("revert", the exception) for cushion.Revert and Rejected (or the given exception types)."""
    import cushion

    try:
        return ("ok", fn(*args))
    except revert_types or (cushion.Revert, Rejected) as e:  # noqa: B030 - a tuple of types
        return ("revert", e)


#: Which EVM revert data can stand for which cushion RevertKind.  The contracts revert exactly
#: where cushion does; what they say differs by library: checked arithmetic is a Panic, solmate
#: and FullMath revert with empty data, PRBMath with its custom errors (matched by name).
COMPATIBLE_REVERTS = {
    "overflow": {"panic:0x11", "empty"},
    "underflow": {"panic:0x11", "empty"},
    "division_by_zero": {"panic:0x12", "empty"},
}


def reverts_agree(evm_reason: str, ours: Any) -> bool:
    """Does the EVM's revert data fit the kind (and, for custom errors, the name) cushion raised?"""
    kind = getattr(getattr(ours, "kind", None), "value", getattr(ours, "kind", None))
    if kind == "custom":
        return evm_reason == f"custom:{ours.reason}"
    return evm_reason in COMPATIBLE_REVERTS.get(kind, set())


@dataclass
class ParityStats:
    """What one function's parity run covered."""

    cases: int = 0
    ok: int = 0
    reverted: int = 0
    detail: collections.Counter = field(default_factory=collections.Counter)


#: function label -> stats, printed by conftest.py at the end of the session.
STATS: dict[str, ParityStats] = collections.defaultdict(ParityStats)


def assert_parity(label: str, cases: Sequence[Any], evm: Sequence[Outcome], ours: Sequence[Outcome],
                  *, detail: Callable[[Outcome], str] | None = None, max_report: int = 5) -> None:
    """Asserts that every case has the same outcome on both sides: equal values, or a revert on
    both sides whose EVM data fits cushion's kind.  Records the coverage under `label`."""
    assert len(cases) == len(evm) == len(ours)
    stats = STATS[label]
    mismatches = []
    for case, e, o in zip(cases, evm, ours):
        stats.cases += 1
        if e[0] == "ok" and o[0] == "ok":
            agree = tuple(e[1]) == tuple(o[1])
            stats.ok += 1
            if detail is not None:
                stats.detail[detail(e)] += 1
        elif e[0] == "revert" and o[0] == "revert":
            agree = reverts_agree(e[1], o[1])
            stats.reverted += 1
            stats.detail[f"revert {e[1]}"] += 1
        else:
            agree = False
        if not agree:
            mismatches.append((case, e, o))
    if mismatches:
        lines = [f"{label}: {len(mismatches)} of {len(cases)} cases differ; first {max_report}:"]
        for case, e, o in mismatches[:max_report]:
            lines.append(f"  case {case}\n    EVM     {e}\n    cushion {o!r}")
        raise AssertionError("\n".join(lines))


# ---------------------------------------------------------------------------------------------
# Specs: one function of a contract against its cushion counterpart
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParitySpec:
    """One function pair under test.

    label:     how the stats and failures name it (e.g. "num.solmate.rpow")
    contract:  the harness contract, function: its function name
    ours:      the cushion side: takes a case's ints, returns a tuple shaped like the EVM output
               (or raises cushion.Revert)
    case:      draws one case (a tuple of ints) from a random.Random
    strategy:  Hypothesis strategy for one case
    detail:    optional: names an ok outcome for the coverage table (e.g. its error code)
    """

    label: str
    contract: str
    function: str
    ours: Callable[..., tuple]
    case: Callable[[Any], tuple]
    strategy: Any
    detail: Callable[[Outcome], str] | None = None

    def __str__(self) -> str:  # pytest ids
        return self.label


def check_cases(chain: Chain, spec: ParitySpec, cases: Sequence[tuple]) -> None:
    """Runs the cases on the EVM and through cushion and asserts parity."""
    evm = chain.run(spec.contract, spec.function, cases)
    ours = [outcome_of(spec.ours, *case) for case in cases]
    assert_parity(spec.label, cases, evm, ours, detail=spec.detail)


def check_bulk(chain: Chain, spec: ParitySpec, count: int | None = None) -> None:
    """`count` (default: CUSHION_EVM_CASES) random cases from spec.case, seeded by the label."""
    from cases import rng

    r = rng(spec.label)
    check_cases(chain, spec, [spec.case(r) for _ in range(count or default_cases())])


def error_code_detail(outcome: Outcome) -> str:
    """Coverage detail for curve quotes: the CurveErrorCodes value of an ok outcome."""
    names = ("OK", "INVALID_NUMITEMS", "SPOT_PRICE_OVERFLOW", "DELTA_OVERFLOW", "SPOT_PRICE_UNDERFLOW",
             "AUCTION_ENDED")
    return names[outcome[1][0]]


def parity_tests(specs: Sequence[ParitySpec]) -> tuple[Callable[..., None], Callable[..., None]]:
    """The two tests every parity module runs, parametrized over its specs:
    ``test_random_cases, test_hypothesis_cases = parity_tests(SPECS)``."""
    import pytest
    from hypothesis import given

    @pytest.mark.parametrize("spec", specs, ids=str)
    def test_random_cases(chain: Chain, spec: ParitySpec) -> None:
        check_bulk(chain, spec)

    @pytest.mark.parametrize("spec", specs, ids=str)
    def test_hypothesis_cases(chain: Chain, spec: ParitySpec) -> None:
        @given(spec.strategy)
        def check(case: tuple) -> None:
            check_cases(chain, spec, [case])

        check()

    return test_random_cases, test_hypothesis_cases
