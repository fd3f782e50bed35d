"""The README's Foundry snippet ("Cross-checking your contracts") compiles with the pinned solc
against minimal stand-ins for forge-std's Test and the user's curve (Foundry itself is not
installable here); its decode types are the ones cushion.ffi documents."""

from __future__ import annotations

import json
import re
import subprocess

from cushion import ffi
from harness import EVM_DIR, ROOT

FORGE_STD_STAND_IN = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
interface Vm {
    function ffi(string[] calldata) external returns (bytes memory);
    function toString(uint256) external pure returns (string memory);
}
abstract contract Test {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    function bound(uint256 x, uint256 lo, uint256 hi) internal pure returns (uint256) { return lo + x % (hi - lo + 1); }
    function assertEq(bool a, bool b, string memory) internal pure { require(a == b); }
    function assertEq(uint256 a, uint256 b, string memory) internal pure { require(a == b); }
    function assertEq(int256 a, int256 b, string memory) internal pure { require(a == b); }
    function assertEq(address a, address b, string memory) internal pure { require(a == b); }
    function assertEq(bytes32 a, bytes32 b, string memory) internal pure { require(a == b); }
}
"""
CURVE_STAND_IN = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
import {CurveErrorCodes} from "./CurveErrorCodes.sol";
contract ExponentialCurve is CurveErrorCodes {
    function getBuyInfo(uint128, uint128, uint256, uint256, uint256)
        external pure returns (Error, uint128, uint128, uint256, uint256, uint256) {}
}
"""


def readme_snippet() -> str:
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Cross-checking your contracts"):]
    return re.search(r"```solidity\n(.*?)```", section, re.S).group(1)


def test_snippet_compiles_without_warnings():
    codes = (EVM_DIR / "contracts" / "curves" / "CurveQuote.sol").read_text()
    sources = {
        "forge-std/Test.sol": FORGE_STD_STAND_IN,
        "src/CurveErrorCodes.sol": codes,  # declares CurveErrorCodes (and ICurve, CurveQuote)
        "src/ExponentialCurve.sol": CURVE_STAND_IN,
        "test/ExponentialCurveVsCushion.t.sol": readme_snippet(),
    }
    request = {"language": "Solidity", "sources": {k: {"content": v} for k, v in sources.items()},
               "settings": {"optimizer": {"enabled": True, "runs": 200}, "outputSelection": {"*": {"*": ["abi"]}}}}
    done = subprocess.run(["node", "compile.js"], cwd=EVM_DIR, input=json.dumps(request), capture_output=True,
                          text=True, check=True)
    output = json.loads(done.stdout)["output"]
    assert [e["formattedMessage"] for e in output.get("errors", [])] == []
    assert "ExponentialCurveVsCushionTest" in output["contracts"]["test/ExponentialCurveVsCushion.t.sol"]


def test_snippet_decodes_the_documented_tuple():
    fn = ffi.FUNCTIONS["sudoswap.get_buy_info"]
    types = ", ".join(["bool", *(t for t, _ in fn.returns)])
    assert types == "bool, uint8, uint128, uint128, uint256, uint256, uint256"
    assert f"// ({types}): static" in readme_snippet()
