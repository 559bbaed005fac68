// Runs a Gyre ABI service function in Node's V8, the way wasm-host calls it (alloc, write the
// JSON arguments, call, read the packed ptr/len result, free), and reports its warm time per call.
// It is the V8 side of the WASM host benchmarks (bench/RESULTS.md, "WASM host (issue 4)").
//
//   node bench/node/run-wasm.mjs MODULE.wasm FUNCTION 'JSON_ARGS' [warmup_s] [iterations] [iteration_s]
//
// Prints one line per iteration (progress) and a JSON summary on the last line.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [modulePath, functionName, jsonArgs = '[]', warmupArg = '12', iterationsArg = '5', iterationArg = '3'] =
  process.argv.slice(2);
if (!modulePath || !functionName) {
  console.error('usage: node run-wasm.mjs MODULE.wasm FUNCTION JSON_ARGS [warmup_s] [iterations] [iteration_s]');
  process.exit(2);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let memory;

// The host functions the Gyre ABI offers; the benchmark's services do not log or fail.
const text = (ptr, len) => decoder.decode(new Uint8Array(memory.buffer, ptr, len));
const imports = {
  gyre: {
    log: () => {},
    fail: (ptr, len) => {
      throw new Error(`service error: ${text(ptr, len)}`);
    },
    call_parameters: () => 0,
  },
};

const { instance } = await WebAssembly.instantiate(readFileSync(modulePath), imports);
const { alloc, free } = instance.exports;
memory = instance.exports.memory;
instance.exports._initialize?.();
const fn = instance.exports[functionName];
if (typeof fn !== 'function') {
  console.error(`${modulePath} exports no function ${functionName}`);
  process.exit(2);
}

function call(json) {
  const args = encoder.encode(json);
  const ptr = alloc(args.length);
  new Uint8Array(memory.buffer, ptr, args.length).set(args);
  const packed = fn(ptr, args.length);
  const resultPtr = Number(packed >> 32n);
  const resultLen = Number(packed & 0xffffffffn);
  const result = JSON.parse(text(resultPtr, resultLen));
  free(resultPtr, resultLen);
  free(ptr, args.length);
  return result;
}

// Runs calls for `seconds` of wall time; returns [calls, elapsed ms, process CPU ms]. CPU time
// (user + system) is what other processes' load on a shared machine disturbs least.
function runFor(seconds) {
  const end = performance.now() + seconds * 1000;
  let calls = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  while (performance.now() < end) {
    call(jsonArgs);
    calls++;
  }
  const cpu = process.cpuUsage(cpuStart);
  return [calls, performance.now() - start, (cpu.user + cpu.system) / 1000];
}

const result = call(jsonArgs);
const [warmCalls] = runFor(Number(warmupArg));
console.log(`warmup: ${warmCalls} calls in ${warmupArg} s`);
const perCallMs = [];
const perCallCpuMs = [];
for (let i = 1; i <= Number(iterationsArg); i++) {
  const [calls, elapsed, cpu] = runFor(Number(iterationArg));
  perCallMs.push(elapsed / calls);
  perCallCpuMs.push(cpu / calls);
  console.log(
    `iteration ${i}: ${(elapsed / calls).toFixed(6)} ms/call, ${(cpu / calls).toFixed(6)} CPU ms/call (${calls} calls)`,
  );
}
const cpuSorted = [...perCallCpuMs].sort((a, b) => a - b);
const mean = perCallMs.reduce((a, b) => a + b, 0) / perCallMs.length;
const sorted = [...perCallMs].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    engine: `V8 ${process.versions.v8} (node ${process.version})`,
    module: modulePath,
    function: functionName,
    result,
    msPerCall: Number(mean.toFixed(6)),
    medianMsPerCall: Number(sorted[Math.floor(sorted.length / 2)].toFixed(6)),
    bestMsPerCall: Number(sorted[0].toFixed(6)),
    medianCpuMsPerCall: Number(cpuSorted[Math.floor(cpuSorted.length / 2)].toFixed(6)),
    bestCpuMsPerCall: Number(cpuSorted[0].toFixed(6)),
    usPerCall: Number((mean * 1000).toFixed(3)),
  }),
);
