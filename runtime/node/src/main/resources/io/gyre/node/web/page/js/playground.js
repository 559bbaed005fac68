// The playground tab: the editor, Compile, the exported functions, Run and the path.

import { byId, el, replace } from "./dom.js";
import { Editor } from "./editor.js";
import { CompilePanel } from "./compile-panel.js";
import { RunPanel, signature } from "./run-panel.js";
import { EXAMPLES } from "./examples.js";

const DRAFT = "gyre.playground.source";

export function startPlayground(peer) {
  const editor = new Editor({ textarea: byId("source"), highlight: byId("highlight"), gutter: byId("gutter") });
  editor.text = localStorage.getItem(DRAFT) ?? EXAMPLES[0].text;
  editor.onChange((text) => {
    localStorage.setItem(DRAFT, text);
    byId("compile-status").classList.add("stale");
  });

  const compiler = new CompilePanel({ editor, status: byId("compile-status"), diagnostics: byId("diagnostics") });
  const runner = new RunPanel({
    form: byId("run-form"),
    name: byId("run-name"),
    args: byId("args"),
    ttl: byId("ttl"),
    status: byId("run-status"),
    result: byId("run-result"),
    errors: byId("run-errors"),
    path: byId("path"),
    summary: byId("path-summary"),
    traceJson: byId("trace-json"),
    air: byId("air"),
    hosted: () => peer.hosted,
  });

  const list = byId("functions");
  let selected = "";
  const showFunctions = (functions) => {
    replace(
      list,
      functions.map((fn) => {
        const button = el("button", { type: "button", class: "function", "data-name": fn.name }, signature(fn));
        button.addEventListener("click", () => choose(fn));
        return el("li", {}, button);
      }),
    );
    const keep = functions.find((fn) => fn.name === selected) || functions[0];
    if (keep) choose(keep);
    else runner.clear();
  };
  const choose = (fn) => {
    selected = fn.name;
    for (const b of list.querySelectorAll("button.function")) b.setAttribute("aria-pressed", String(b.dataset.name === fn.name));
    runner.select(fn);
  };

  const compile = async () => {
    const functions = await compiler.compile();
    if (functions) showFunctions(functions);
    else {
      replace(list);
      runner.clear();
    }
  };
  byId("compile").addEventListener("click", compile);
  byId("source").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      compile();
    }
  });

  const examples = byId("example");
  replace(examples, el("option", { value: "" }, "examples…"), EXAMPLES.map((x) => el("option", { value: x.name }, x.name)));
  examples.addEventListener("change", () => {
    const example = EXAMPLES.find((x) => x.name === examples.value);
    if (example) editor.text = example.text;
    examples.value = "";
  });
}
