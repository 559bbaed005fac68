// Fluence's own Aqua compiler (@fluencelabs/aqua-api) on one .aqua file, for the Java test
// helper io.gyre.client.RealAquaCompiler, which checks the apps' Aqua against Gyre's compiler.
//
//   node compile.mjs NODE_MODULES FILE.aqua
//
// NODE_MODULES holds @fluencelabs/aqua-api (and aqua-lib): the compiler is loaded from there and
// imports are looked for there, so `import "@fluencelabs/aqua-lib/builtin.aqua"` resolves.
// Prints one JSON line, {"errors": [...], "warnings": [...], "functions": {NAME: AIR}}, and exits
// 0 whenever the compiler ran: its errors are the answer, not a failure of this script.
import path from "node:path";
import { pathToFileURL } from "node:url";

const [modules, file] = process.argv.slice(2);
if (!modules || !file) {
  console.error("usage: node compile.mjs NODE_MODULES FILE.aqua");
  process.exit(2);
}

const api = path.join(path.resolve(modules), "@fluencelabs", "aqua-api", "index.js");
const { compileFromPath } = await import(pathToFileURL(api).href);

// Messages come coloured for a terminal; the caller compares plain text.
const plain = (message) => String(message).replace(/\u001b\[[0-9;]*m/g, "");

const result = await compileFromPath({
  filePath: path.resolve(file),
  imports: [path.resolve(modules)],
  targetType: "air",
  logLevel: "off",
});

const functions = {};
for (const [name, compiled] of Object.entries(result.functions ?? {})) {
  functions[name] = compiled.script;
}
process.stdout.write(
  JSON.stringify({
    errors: (result.errors ?? []).map(plain),
    warnings: (result.warnings ?? []).map(plain),
    functions,
  }) + "\n",
);
