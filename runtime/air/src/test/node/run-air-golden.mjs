#!/usr/bin/env node
// Runs every SPEC in runtime/air/src/test/resources/io/gyre/air/spec/*.spec.json through the REAL
// AquaVM harness (the oracle's run-air.mjs) and stores its output next to it as *.out.json.
// RunReportGoldenTest replays those outputs through Gyre's SpecServiceHost and RunReport.
//
// Regenerate (from the repository root; ORACLE defaults to ../shared/oracle):
//   node runtime/air/src/test/node/run-air-golden.mjs
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../../../../..");
const oracle = path.resolve(process.env.ORACLE ?? path.join(repo, "../shared/oracle"));
const dir = path.join(repo, "runtime/air/src/test/resources/io/gyre/air/spec");
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".spec.json")).sort()) {
  const r = spawnSync(process.execPath, ["--stack-size=4000", path.join(oracle, "run-air.mjs"), path.join(dir, f)], { encoding: "utf8" });
  if (r.status !== 0) {
    console.error(`${f}: run-air exited ${r.status}\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  fs.writeFileSync(path.join(dir, f.replace(/\.spec\.json$/, ".out.json")), r.stdout);
  console.log(`${f}: ok=${JSON.parse(r.stdout).ok}`);
}
