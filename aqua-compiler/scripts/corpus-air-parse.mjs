#!/usr/bin/env node
// Parses each AIR file with the REAL AquaVM's own parser (avm.wasm's "ast" export, through the
// oracle workshop's lib/avm.mjs) in one process; prints "OK<TAB>file" or "FAIL<TAB>file<TAB>error".
//
//   node corpus-air-parse.mjs --oracle ORACLE_DIR FILE.air...
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const argv = process.argv.slice(2);
let oracle = null;
const files = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--oracle") oracle = path.resolve(argv[++i]);
  else files.push(argv[i]);
}
if (!oracle) {
  console.error("usage: corpus-air-parse.mjs --oracle ORACLE_DIR FILE.air...");
  process.exit(2);
}
const { loadAvm } = await import(pathToFileURL(path.join(oracle, "lib/avm.mjs")).href);
const avm = await loadAvm();
for (const f of files) {
  const res = avm.ast(fs.readFileSync(f, "utf8"));
  if (typeof res === "string" && res.startsWith("error")) {
    console.log(`FAIL\t${f}\t${res.replace(/\s+/g, " ").slice(0, 300)}`);
  } else {
    console.log(`OK\t${f}`);
  }
}
