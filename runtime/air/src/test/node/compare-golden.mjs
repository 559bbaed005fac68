#!/usr/bin/env node
// Writes the golden file for io.gyre.air.conformance: what the REAL compare.mjs
// (../shared/conformance/compare.mjs) prints, and its exit code, for actual outputs made from
// conformance cases with deliberate differences (one rule at a time), under its flags.
//
// Regenerate (from the repository root; CONFORMANCE defaults to ../shared/conformance):
//   node runtime/air/src/test/node/compare-golden.mjs
//
// Output: runtime/air/src/test/resources/io/gyre/air/conformance/compare-golden.json, read by
// ConformanceComparatorGoldenTest. The case.json files used are copied in, so the test does not
// depend on the corpus staying the same.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../../../../..");
const conformance = path.resolve(process.env.CONFORMANCE ?? path.join(repo, "../shared/conformance"));
const { peerIdOf } = await import(pathToFileURL(path.join(conformance, "peerids.mjs")).href);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "compare-golden-"));

const clone = (v) => JSON.parse(JSON.stringify(v));
const denorm = (v) => {
  if (typeof v === "string") return v.replace(/@peer:([A-Za-z0-9_]+)/g, (_, n) => peerIdOf(n));
  if (Array.isArray(v)) return v.map(denorm);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, denorm(x)]));
  return v;
};

/** What a faithful run would print for a case: run-air's format, raw peer ids. */
function actualOf(kase) {
  const e = kase.expected;
  return {
    ok: e.ok,
    quiescent: e.quiescent,
    steps: 1,
    response: denorm(e.response),
    responses: e.responses.map((r) => ({ peer: peerIdOf(r.peer), value: denorm(r.value) })),
    errors: e.errors.map((x) => ({ peer: peerIdOf(x.peer), args: denorm(x.args) })),
    prints: denorm(e.prints),
    interpreter_errors: e.interpreter_errors.map((x, i) => ({ step: i + 1, peer: peerIdOf(x.peer), ret_code: x.ret_code, message: denorm(x.message) })),
    undelivered: e.undelivered.map((u, i) => ({ step: i + 1, from: peerIdOf(u.from), to: peerIdOf(u.to) })),
    calls: e.calls.map((c, i) => ({ step: i + 1, peer: peerIdOf(c.peer), peer_alias: c.peer, key: i + 1, service: c.service, function: c.function, args: denorm(c.args), ret_code: c.ret_code, result: denorm(c.result) })),
  };
}

const cases = {};
const load = (dir) => (cases[dir] ??= JSON.parse(fs.readFileSync(path.join(conformance, "cases", dir, "case.json"), "utf8")));
const entries = [];
function run(dir, note, mutate, flagSets = [[], ["--strict"], ["--compiler"]]) {
  const kase = load(dir);
  const actual = kase.expected.compile_error ? {} : actualOf(kase);
  const mutated = mutate(actual, kase) ?? actual;
  const file = path.join(tmp, "actual.json");
  fs.writeFileSync(file, JSON.stringify(mutated));
  const runs = flagSets.map((flags) => {
    const r = spawnSync(process.execPath, [path.join(conformance, "compare.mjs"), ...flags, file, path.join(conformance, "cases", dir, "case.json")], { encoding: "utf8" });
    return { flags, exit: r.status, stdout: r.stdout };
  });
  entries.push({ case: dir, note, actual: mutated, runs });
}
const call = (a, pred) => a.calls.find(pred);

// --- unchanged and harmless reorderings
for (const dir of ["02-return-scalars", "05-multi-return", "15-co", "17-for-par-join", "25-uncaught-error", "30-builtins", "35-undelivered-peer", "36-stream-size-limit"]) {
  run(dir, "as expected", () => {});
  run(dir, "calls in reverse order", (a) => { a.calls.reverse(); });
}
run("17-for-par-join", "peer ids already normalised", (a, k) => JSON.parse(JSON.stringify(a).replaceAll(peerIdOf("alice"), "@peer:alice")));
run("17-for-par-join", "peer_alias null: the peer id names the peer", (a) => { for (const c of a.calls) c.peer_alias = null; });
// --- ok
run("05-multi-return", "ok flipped", (a) => { a.ok = !a.ok; });
run("05-multi-return", "ok missing", (a) => { delete a.ok; });
// --- response
run("05-multi-return", "response changed", (a) => { a.response[0] = "different"; });
run("05-multi-return", "response missing", (a) => { delete a.response; });
run("05-multi-return", "response a long string", (a) => { a.response = "x".repeat(700); });
run("15-co", "tuple reversed (arity 2)", (a) => { a.response = clone(a.response).reverse(); a.responses[0].value = clone(a.responses[0].value).reverse(); });
run("15-co", "stream order reversed (order-insensitive case)", (a) => { a.response[0].reverse(); a.responses[0].value[0].reverse(); });
run("17-for-par-join", "tuple positions swapped (arity 2)", (a) => { a.response.reverse(); a.responses[0].value.reverse(); });
run("17-for-par-join", "inner arrays reversed (arity 2)", (a) => { for (const v of [a.response, a.responses[0].value]) for (const x of v) if (Array.isArray(x)) x.reverse(); });
run("02-return-scalars", "tuple reversed (order-sensitive)", (a) => { a.response.reverse(); });
// --- responses
run("05-multi-return", "response recorded on another peer", (a) => { a.responses[0].peer = peerIdOf("relay"); });
run("05-multi-return", "an extra response", (a) => { a.responses.push(clone(a.responses[0])); });
// --- errors
run("25-uncaught-error", "error instruction changed", (a) => { a.errors[0].args[0].instruction = "call somewhere else"; });
run("25-uncaught-error", "error message changed", (a) => { a.errors[0].args[0].message = "another message"; });
run("25-uncaught-error", "error peer_id changed", (a) => { a.errors[0].args[0].peer_id = peerIdOf("bob"); });
run("25-uncaught-error", "error code changed", (a) => { a.errors[0].args[0].error_code = 10001; });
run("25-uncaught-error", "no errors", (a) => { a.errors = []; a.calls = a.calls.filter((c) => c.service !== "errorHandlingSrv"); });
// --- interpreter errors
run("36-stream-size-limit", "interpreter error code changed", (a) => { a.interpreter_errors[0].ret_code = 20012; });
run("36-stream-size-limit", "interpreter error message changed", (a) => { a.interpreter_errors[0].message = "something else"; });
run("36-stream-size-limit", "interpreter error on another peer", (a) => { a.interpreter_errors[0].peer = peerIdOf("relay"); });
run("36-stream-size-limit", "interpreter errors missing", (a) => { delete a.interpreter_errors; });
// --- undelivered
run("35-undelivered-peer", "undelivered from another peer", (a) => { a.undelivered[0].from = peerIdOf("alice"); });
run("35-undelivered-peer", "undelivered to another peer", (a) => { a.undelivered[0].to = peerIdOf("dave"); });
run("35-undelivered-peer", "nothing undelivered", (a) => { a.undelivered = []; });
// --- calls
run("30-builtins", "a call's args changed", (a) => { a.calls[a.calls.length - 2].args = ["changed"]; });
run("30-builtins", "a call's result changed", (a) => { a.calls[1].result = "changed"; a.calls[1].ret_code = 1; });
run("30-builtins", "a call on another peer", (a) => { a.calls[2].peer = peerIdOf("carol"); a.calls[2].peer_alias = "carol"; });
run("30-builtins", "a call missing", (a) => { a.calls.splice(3, 1); });
run("30-builtins", "plumbing calls missing", (a) => { a.calls = a.calls.filter((c) => !["getDataSrv", "callbackSrv"].includes(c.service)); });
run("22-math", "math calls missing", (a) => { a.calls = a.calls.filter((c) => c.service !== "math"); });
run("22-math", "an op.identity extra", (a) => { a.calls.push({ ...clone(a.calls[0]), service: "op", function: "identity" }); });
run("17-for-par-join", "12 extra calls", (a) => { for (let i = 0; i < 12; i++) a.calls.push({ ...clone(a.calls[3]), args: [`extra-${i}`, "y".repeat(500)] }); });
run("17-for-par-join", "call args reordered (order-insensitive case)", (a) => { for (const c of a.calls) if (Array.isArray(c.args)) c.args.reverse(); });
run("25-uncaught-error", "errorHandlingSrv call with another instruction", (a) => { call(a, (c) => c.service === "errorHandlingSrv").args[0].instruction = "x"; });
// --- compile errors
const ce = (errors) => () => errors;
run("37-ce-type-mismatch", "the compiler's own error", ce({ errors: [load("37-ce-type-mismatch").expected.message] }), [[], ["--strict"]]);
run("37-ce-type-mismatch", "another line", ce({ errors: ["---- Error: case.aqua:8:12 Types mismatch"] }), [[], ["--strict"]]);
run("37-ce-type-mismatch", "line and message form", ce({ line: 7, message: "cannot add strings" }), [[], ["--strict"]]);
run("37-ce-type-mismatch", "line and message form, wording kept", ce({ line: 7, message: "Types mismatch here" }), [["--strict"]]);
run("37-ce-type-mismatch", "no error", ce({ errors: [] }), [[]]);
run("37-ce-type-mismatch", "an error without a location", ce({ errors: ["something failed"] }), [[]]);
run("38-ce-unknown-name", "two errors, the first decides", ce({ errors: ["x.aqua:10:26 Name 'nmae' isn't found in scope", "x.aqua:3:1 other"] }), [[], ["--strict"]]);
run("05-multi-return", "compile errors for a runnable case", ce({ errors: ["case.aqua:1:1 boom"] }), [["--compile-error"]]);

const target = path.join(repo, "runtime/air/src/test/resources/io/gyre/air/conformance/compare-golden.json");
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, JSON.stringify({ generated_by: "runtime/air/src/test/node/compare-golden.mjs", cases, entries }, null, 1) + "\n");
fs.rmSync(tmp, { recursive: true });
console.log(`wrote ${entries.reduce((n, e) => n + e.runs.length, 0)} comparisons to ${path.relative(repo, target)}`);
