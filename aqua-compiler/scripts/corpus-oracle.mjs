#!/usr/bin/env node
// Compiles each .aqua file with the REAL Aqua compiler (aqua-api from the oracle workshop) in one
// process and prints one line per file: "OK<TAB>file<TAB>N name,name..." (the compiled functions) or
// "FAIL<TAB>file<TAB>first error".
//
//   node corpus-oracle.mjs --oracle ORACLE_DIR [--import DIR]... FILE...
//
// Imports resolve relative to each file, then under ORACLE_DIR/node_modules, then each --import DIR,
// then the .fluence/aqua folder of each ancestor directory that has one (as the Fluence CLI compiles a
// project: its generated deals.aqua / hosts.aqua / services.aqua live there).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const argv = process.argv.slice(2);
let oracle = null;
const imports = [];
const files = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--oracle") oracle = path.resolve(argv[++i]);
  else if (argv[i] === "--import") imports.push(path.resolve(argv[++i]));
  else files.push(argv[i]);
}
if (!oracle) {
  console.error("usage: corpus-oracle.mjs --oracle ORACLE_DIR [--import DIR]... FILE...");
  process.exit(2);
}
const { compileFromPath } = await import(
  pathToFileURL(path.join(oracle, "node_modules/@fluencelabs/aqua-api/index.js")).href
);
const stripAnsi = (s) => String(s).replace(/\u001b\[[0-9;]*m/g, "");
const oneLine = (s) => stripAnsi(s).replace(/\s+/g, " ").trim().slice(0, 300);

function fluenceDirs(file) {
  const dirs = [];
  for (let d = path.dirname(path.resolve(file)); ; d = path.dirname(d)) {
    const candidate = path.join(d, ".fluence", "aqua");
    if (fs.existsSync(candidate)) dirs.push(candidate);
    if (path.dirname(d) === d) break;
  }
  return dirs;
}

for (const f of files) {
  let res;
  try {
    res = await compileFromPath({
      filePath: path.resolve(f),
      imports: [path.join(oracle, "node_modules"), ...imports, ...fluenceDirs(f)],
      constants: [],
      noRelay: false,
      noXor: false,
      targetType: "air",
      logLevel: "off",
    });
  } catch (e) {
    console.log(`FAIL\t${f}\t${oneLine(e && e.message ? e.message : e)}`);
    continue;
  }
  if (res.errors && res.errors.length > 0) console.log(`FAIL\t${f}\t${oneLine(res.errors[0])}`);
  else {
    const names = Object.keys(res.functions ?? {}).sort();
    console.log(`OK\t${f}\t${names.length} ${names.join(",")}`);
  }
}
