// Compiles cushion's Solidity reference contracts with the pinned solc-js (package.json).
// stdin: a Solidity standard-JSON input.  stdout: {"solcVersion": ..., "output": <standard-JSON output>}.
// Python's tests/evm/harness.py builds the input, caches the result by source hash and reads it.
"use strict";
const solc = require("solc");

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const output = JSON.parse(solc.compile(Buffer.concat(chunks).toString("utf8")));
  process.stdout.write(JSON.stringify({ solcVersion: solc.version(), output }));
});
