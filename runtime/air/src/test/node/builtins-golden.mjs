#!/usr/bin/env node
// Writes the golden file for io.gyre.air.builtins: what the REAL js-client 0.9.0 builtin handlers
// (dist/services/builtins.js, as the oracle installs them) answer for each (service, function, args),
// and how Node prints numbers and JSON (JSON.stringify(v, null, 4), the text js-client hands to AquaVM).
//
// Regenerate (from the repository root; ORACLE defaults to ../shared/oracle):
//   node runtime/air/src/test/node/builtins-golden.mjs
//   ORACLE=/path/to/oracle node runtime/air/src/test/node/builtins-golden.mjs
//
// Output: runtime/air/src/test/resources/io/gyre/air/builtins/golden.json (read by BuiltinsGoldenTest,
// JsJsonGoldenTest, JsNumbersGoldenTest). Args are kept as JSON text: the handlers get them the way
// js-client does, through JSON.parse, so big integers and key order go through JS semantics.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../../../../..");
const oracle = path.resolve(process.env.ORACLE ?? path.join(repo, "../shared/oracle"));
const builtinsJs = path.join(oracle, "node_modules/@fluencelabs/js-client/dist/services/builtins.js");
if (!fs.existsSync(builtinsJs)) {
  console.error(`js-client builtins not found at ${builtinsJs}: set ORACLE to the oracle directory (npm ci done)`);
  process.exit(2);
}
const { builtInServices } = await import(pathToFileURL(builtinsJs).href);
const jsonify = (v) => JSON.stringify(v, null, 4); // js-client's call result encoding

// ------------------------------------------------------------------ builtin calls
const MATH_ARGS = [
  "[1,2]", "[-7,2]", "[7,-2]", "[-7,-2]", "[7,2]", "[0.1,0.2]", "[1,0]", "[0,0]", "[-1,0]", "[2,0.5]",
  "[2,64]", "[2,-1]", "[10,1000]", "[1000,10]", "[2,8]", "[0,5]", "[1,5]", "[-1,5]", "[2,-1]", "[-8,0.5]",
  "[5.5,2]", "[-5.5,2]", "[5,-3]", "[7,0.5]", "[1,3]", "[-1,3]", "[1e308,10]", "[-0,1]", "[0,-1]",
  "[9007199254740993,0]", "[9007199254740991,2]", "[1e10,1e12]", "[123456789,987654321]", "[3,0.5]",
  "[18446744073709551615,1]", "[1.5,2.25]", "[1e-7,1]", "[4294967295,4294967296]",
  "[1]", "[]", "[1,2,3]", "[\"1\",2]", "[1,\"2\"]", "[null,1]", "[[1],2]", "[{},1]", "[true,1]", "[\"a\",\"b\",\"c\"]",
];
const CMP_ARGS = ["[1,2]", "[2,1]", "[2,2]", "[1.5,1.5]", "[-0,0]", "[-1,1e300]", "[\"a\",1]", "[1]", "[1,2,3]", "[]", "[1,null]"];

const cases = [];
const add = (service, fn, ...argsList) => { for (const a of argsList) cases.push([service, fn, a]); };

add("op", "noop", "[]", "[1]", "[\"a\",2]");
add("op", "array", "[]", "[1,\"a\",null,{\"x\":1},[2]]", "[9007199254740993]");
add("op", "array_length", "[[1,2,3]]", "[[]]", "[]", "[1]", "[\"abc\"]", "[[1],[2]]", "[{}]", "[null]", "[true]");
add("op", "identity", "[]", "[5]", "[\"s\"]", "[null]", "[{\"b\":1,\"a\":2,\"1\":3}]", "[[1,2]]", "[1,2]", "[1,2,3]", "[[]]", "[{}]");
add("op", "concat", "[]", "[[1],[2,3]]", "[[[1]],[2]]", "[[1],\"x\"]", "[\"x\"]", "[[1],2,\"y\"]", "[[]]", "[[],[],[null]]", "[{}]");
add("op", "string_to_b58", "[\"hello\"]", "[\"\"]", "[\"тест\"]", "[\"😀\"]", "[\"\\u0000abc\"]", "[1]", "[]", "[\"a\",\"b\"]", "[null]");
add("op", "string_from_b58", "[\"Cn8eVZg\"]", "[\"\"]", "[\"1111\"]", "[\"0OIl\"]", "[\"abc!\"]", "[\"11\"]", "[\"Jp\"]",
  "[\"3yZe7d\"]", "[\"JxF12TrwUP45BMd\"]", "[\"5Q\"]", "[\"€\"]", "[5]", "[]", "[\"a\",\"b\"]", "[\" 2\"]");
// invalid UTF-8 for TextDecoder: truncated/overlong/surrogate sequences, a BOM, stray bytes
for (const bytes of [[0xe0, 0x80], [0xf0, 0x9f, 0x98], [0xef, 0xbb, 0xbf, 0x41], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80],
  [0xff, 0x41], [0x41, 0xef, 0xbb, 0xbf], [0xe2, 0x82], [0xf0, 0x9f, 0x98, 0x80, 0x80], [0xc2], [0xf1, 0x80, 0x41], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]]) {
  const b58 = builtInServices.op.bytes_to_b58({ args: [bytes] }).result;
  add("op", "string_from_b58", JSON.stringify([b58]));
}
add("op", "bytes_to_b58", "[[104,101,108,108,111]]", "[[]]", "[[0,0,1]]", "[[256,-1,1.7,300,-0.5,255.9]]", "[[\"a\"]]", "[\"x\"]", "[[1],[2]]", "[]", "[[0]]", "[[1e300]]");
add("op", "bytes_from_b58", "[\"Cn8eVZg\"]", "[\"\"]", "[\"111\"]", "[\"0\"]", "[1]", "[]", "[\"1z\"]");
add("op", "sha256_string", "[\"hello\"]", "[\"\"]", "[\"тест\"]", "[1]", "[]", "[\"a\",\"b\"]");
add("op", "concat_strings", "[]", "[\"a\"]", "[\"a\",\"b\",\"c\"]", "[\"a\",1]", "[1,\"a\"]", "[null]", "[\"x\",[\"y\"]]", "[\"\",\"\"]");
add("op", "nonexistent", "[1]");
add("debug", "stringify", "[]", "[1]", "[\"s\"]", "[{\"a\":[1,2,{\"b\":null}],\"c\":{}}]", "[1,2]", "[[]]", "[{}]", "[1.5e300]",
  "[\"\\u2028\\n\\\"\\\\\\u0001\\u001f\\u007f\"]", "[{\"b\":1,\"10\":2,\"2\":3,\"a\":[[],{}]}]", "[null]", "[true,false]");
for (const fn of ["add", "sub", "mul", "fmul", "div", "rem", "pow", "log"]) add("math", fn, ...MATH_ARGS);
for (const fn of ["gt", "gte", "lt", "lte", "cmp"]) add("cmp", fn, ...CMP_ARGS);
add("array", "sum", "[[1,2,3]]", "[[]]", "[[0.1,0.2,0.3]]", "[[1,\"2\"]]", "[1]", "[]", "[[1],[2]]", "[[1e308,1e308]]", "[[-0]]", "[[9007199254740993,1]]");
const SET_ARGS = [
  "[[1,2,3,\"x\",{\"a\":1},null,true,2],[2,3,4,\"x\",{\"a\":1},null,1.0]]", "[[1],[]]", "[[],[1]]", "[[1]]", "[1,[1]]", "[[1],1]",
  "[[1,1,2,2],[2]]", "[[\"1\",1],[1]]", "[[[1]],[[1]]]", "[[-0],[0]]", "[[1],[2],[3]]", "[]",
];
add("array", "dedup", "[[1,1,2,\"1\",\"a\",\"a\",null,null,true,true,{\"a\":1},{\"a\":1},[1],[1],-0,0]]", "[[]]", "[1]", "[[1],[2]]", "[]", "[[3,2,1,3]]");
for (const fn of ["intersect", "diff", "sdiff"]) add("array", fn, ...SET_ARGS);
add("json", "obj", "[]", "[\"a\",1]", "[\"a\",1,\"b\",{\"c\":[1]}]", "[\"a\"]", "[\"a\",1,\"b\"]", "[1,2]", "[\"a\",1,\"a\",2]",
  "[\"b\",1,\"a\",2,\"1\",3,\"0\",4]", "[\"a\",null]", "[\"a\",1,2,3]");
add("json", "put", "[{},\"a\",1]", "[{\"x\":1},\"x\",2]", "[{\"b\":1},\"a\",[1]]", "[{},1,2]", "[\"x\",\"a\",1]", "[[],\"a\",1]", "[null,\"a\",1]",
  "[{}]", "[{},\"a\"]", "[{},\"a\",1,2]", "[{\"1\":1,\"b\":2},\"0\",3]", "[]");
add("json", "puts", "[{},\"a\",1]", "[{},\"a\",1,\"b\",2]", "[{},\"a\"]", "[{}]", "[]", "[{},\"a\",1,\"b\"]", "[\"x\",\"a\",1]", "[{},1,1]",
  "[{},\"a\",1,2,3]", "[{\"a\":0},\"a\",1,\"a\",2]", "[[],\"a\",1]");
add("json", "stringify", "[{\"a\":1}]", "[{\"b\":[1,{\"c\":\"x\"}],\"a\":null,\"3\":4.5}]", "[{}]", "[[1]]", "[\"x\"]", "[]", "[{},{}]", "[{\"a\":1.5e-7,\"b\":1e21}]", "[null]");
const PARSE_INPUTS = [
  "{\"a\":1}", "[1,2]", "\"x\"", "1e3", "null", "  true ", "", "abc", "{a:1}", "[1,2", "{\"a\":1,}", "[1,]", "\"abc", "tru", "trux", "tr1", "nul\"",
  "01", "1.", "-", "1e", "1e+", "-a", "0x", "\"\\x\"", "\"\\u0001\"", "\"\u0001\"", "{\"a\" 1}", "[1 2]", "{\"a\":1}x", "\"a\" \"b\"", "undefined", "NaN", "Infinity",
  "[object Object]", "{", "[", "\"\\", "\"\\u12G4\"", "{\"b\":1,\"a\":2,\"1\":3}", "{\"a\":1,\"a\":2}", "9007199254740993", "1e400", "-0", " ",
  "aaaaaaaaaaaaaaaaaaa!", "aaaaaaaaaaaaaaaaaaaa!", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "[1,2,3,4,5,6,7,8,9,10,11,12,!]", "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,!]",
  "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19!]", "{\"key\": [1, 2, {\"x\": :}], \"more\": \"stuff here\"}",
  "[\"a\",:]", "{\"a\":1 \"b\":2}", "1 2", "{\"a\":{\"b\":[1,2,{\"c\":}]}}", "[-]", "[1.e5]", "[.5]", "+1", "\t\n\r [ ] ",
  "{\"\":\"\",\"__proto__\":1}", "\"\\ud83d\\ude00 \\u00e9\"", "[1e-7, 123456789012345678901234567890, 0.1]", "\"\\/\\b\\f\\n\\r\\t\"",
  "{\"a\" : 1 , \"b\" :[ true , false , null ] }", "\"€\"", "[€]", "{\"a\":1,\"b\"}", "{1:2}", "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,\"\u0002\"]",
];
add("json", "parse", ...PARSE_INPUTS.map((s) => JSON.stringify([s])), "[5]", "[]", "[\"1\",\"2\"]");
add("peer", "identify", "[]", "[1]");
add("peer", "timeout", "[0,\"done\"]", "[1,\"x\"]", "[\"1\",\"x\"]", "[1]", "[1,2]", "[]", "[1,\"a\",\"b\"]", "[-5,\"neg\"]", "[1.5,{\"a\":1}]");
add("peer", "is_connected", "[\"x\"]");
add("peer", "connect", "[]");
add("peer", "get_contact", "[]");
add("peer", "nonexistent", "[]");
for (const [svc, fns] of Object.entries({ kad: ["neighborhood", "merge"], srv: ["list", "create", "get_interface", "resolve_alias", "add_alias", "remove"],
  dist: ["add_module_from_vault", "add_module", "add_blueprint", "make_module_config", "load_module_config", "default_module_config", "make_blueprint",
    "load_blueprint", "list_modules", "get_module_interface", "list_blueprints"], script: ["add", "remove", "list"] })) {
  for (const fn of fns) add(svc, fn, "[]");
}
add("run-console", "print", "[]", "[\"hello\",1]");
add("nosuch", "fn", "[]", "[1,{\"a\":[2]}]");

add("op", "string_to_b58", "[\"\\ud800x\"]", "[\"\\udc00\"]");
// zod rebuilds objects it checks against js-client's JSON schema and drops "__proto__" keys
add("op", "identity", "[{\"__proto__\":1,\"a\":{\"__proto__\":2,\"b\":3}}]");
add("op", "array", "[{\"__proto__\":1}]");
add("json", "put", "[{\"__proto__\":1,\"x\":0},\"a\",{\"__proto__\":2}]", "[{},\"__proto__\",5]");
add("json", "puts", "[{\"__proto__\":1},\"__proto__\",2,\"b\",{\"__proto__\":3}]");
add("json", "obj", "[\"__proto__\",1,\"x\",{\"__proto__\":3,\"y\":[{\"__proto__\":4}]}]");
add("json", "stringify", "[{\"__proto__\":1,\"b\":2}]");
add("debug", "stringify", "[{\"__proto__\":1}]");
add("math", "pow", "[1.1,10]", "[2.5,3.3]", "[10,-3]", "[7,0.3333333333333333]", "[-2,0.5]", "[0,-1]", "[-0,-1]", "[1e10,30]", "[0.5,1074]", "[1.0000001,1e9]");
add("math", "log", "[10,1e-300]", "[3,81]", "[2.718281828459045,10]", "[1.5,2.5]", "[10,0.001]", "[7,49]", "[0.5,8]");
add("math", "rem", "[-1,1]", "[5.3,1.1]", "[1e300,7]", "[0.3,0.1]");
const calls = [];
for (const [service, fn, argsText] of cases) {
  const args = JSON.parse(argsText);
  const h = builtInServices[service]?.[fn];
  let handled = typeof h === "function" && Object.prototype.hasOwnProperty.call(builtInServices, service)
    && Object.prototype.hasOwnProperty.call(builtInServices[service], fn);
  let res;
  if (handled) {
    const realLog = console.log;
    console.log = () => {};
    try {
      res = await h({ args, serviceId: service, fnName: fn, tetraplets: [], particleContext: {} });
    } catch (e) {
      // what js-client's FluencePeer.execCallRequests answers when a handler throws
      res = { retCode: 1, result: `Service call failed. fnName="${fn}" serviceId="${service}" error: ${e instanceof Error ? e.message : String(e)}` };
    } finally {
      console.log = realLog;
    }
    if (res.result === undefined) res.result = null; // JsServiceHost.callService does the same
  } else {
    res = { retCode: 1, result: `No service found for service call: serviceId='${service}', fnName='${fn}' args='${jsonify(args)}'` };
  }
  calls.push({ service, function: fn, args: argsText, handled, ret_code: res.retCode, result: jsonify(res.result) });
}

// ------------------------------------------------------------------ number printing
let seed = 0x9e3779b97f4a7c15n;
const next64 = () => { seed ^= seed << 13n; seed &= (1n << 64n) - 1n; seed ^= seed >> 7n; seed ^= seed << 17n; seed &= (1n << 64n) - 1n; return seed; };
const view = new DataView(new ArrayBuffer(8));
const fromBits = (b) => { view.setBigUint64(0, b); return view.getFloat64(0); };
const toBits = (d) => { view.setFloat64(0, d); return view.getBigUint64(0).toString(16).padStart(16, "0"); };
const doubles = [0, -0, 1, -1, 0.1, 0.2, 0.30000000000000004, 1 / 3, 2 / 3, 1e21, 1e21 - 65536, 999999999999999900000, 1e-6, 1e-7, 1.5e-7, 123e-20,
  5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 2 ** 70, 1e16, 1e17, 123456789.125, -0.000001,
  4.35, 0.000123, 100, 1e100, 2e-7, 9.999999999999999e20, 1.0000000000000001e21, 5e-7, 0.5, 2 ** -1074 * 3, 2 ** -1022, 2 ** 1023];
for (let e = -330; e <= 310; e += 7) doubles.push(Number(`1e${e}`), Number(`7.3e${e}`));
for (let i = 0; i < 3000; i++) {
  const d = fromBits(next64());
  if (Number.isFinite(d)) doubles.push(d);
}
for (let i = 0; i < 500; i++) doubles.push(Number(next64() % 100000000000n) / 1000); // short decimals
for (let i = 0; i < 500; i++) doubles.push(Number(next64() >> 8n)); // big integers
const numbers = doubles.map((d) => ({ bits: toBits(d), js: String(d) }));

// ------------------------------------------------------------------ JSON.stringify(JSON.parse(text), null, n)
const PRINT_INPUTS = [
  "null", "true", "0", "-0", "1.5", "\"\"", "[]", "{}", "[[]]", "[{}]", "{\"a\":[]}", "[1,[2,[3,[]]],{}]",
  "{\"b\":1,\"a\":{\"d\":[1,2],\"c\":null},\"10\":true,\"2\":false,\"01\":0,\"4294967294\":1,\"4294967295\":2,\"-1\":3}",
  "\"quote \\\" backslash \\\\ slash / ctrl \\u0000\\u0001\\u0008\\u0009\\u000a\\u000c\\u000d\\u001f del \\u007f ls \\u2028 ps \\u2029 é 😀\"",
  "\"lone \\ud800 high and \\udc00 low\"", "[1e21,1e-7,123456789012345678901234567890,0.1,-5e-324,1e400,-1e400]",
  "{\"nested\":{\"deeper\":{\"deepest\":[1,{\"x\":\"y\"}]}},\"empty\":{},\"list\":[]}", "[\"a\",\"b\"]",
  "{\"__proto__\":{\"x\":1},\"constructor\":2}", "{\"a\":1,\"a\":2,\"b\":3}", "18446744073709551615", "[9007199254740993]",
];
const printing = PRINT_INPUTS.map((text) => {
  const v = JSON.parse(text);
  return { input: text, indent4: JSON.stringify(v, null, 4), indent2: JSON.stringify(v, null, 2), compact: JSON.stringify(v) };
});

const out = {
  generated_by: "runtime/air/src/test/node/builtins-golden.mjs",
  js_client: JSON.parse(fs.readFileSync(path.join(oracle, "node_modules/@fluencelabs/js-client/package.json"), "utf8")).version,
  node: process.version,
  calls,
  numbers,
  printing,
};
const target = path.join(repo, "runtime/air/src/test/resources/io/gyre/air/builtins/golden.json");
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, JSON.stringify(out, null, 1) + "\n");
console.log(`wrote ${calls.length} calls, ${numbers.length} numbers, ${printing.length} printing cases to ${path.relative(repo, target)}`);
