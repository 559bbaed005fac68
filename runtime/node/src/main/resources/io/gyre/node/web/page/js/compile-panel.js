// Compiling the editor's source on the peer (POST /aqua/compile) and showing the outcome: the
// exported functions, or every error listed and marked at its line.

import { post } from "./api.js";
import { el, replace } from "./dom.js";

export const SOURCE_FILE = "playground.aqua";
const MAX_BYTES = 256 * 1024;

export class CompilePanel {
  constructor({ editor, status, diagnostics }) {
    this.editor = editor;
    this.status = status;
    this.diagnostics = diagnostics;
  }

  /** Compiles; answers the functions, or null after showing why there are none. */
  async compile() {
    const source = this.editor.text;
    const bytes = new TextEncoder().encode(source).length;
    if (bytes > MAX_BYTES) {
      this.show("error", `the source is ${bytes} bytes; the playground compiles at most ${MAX_BYTES}`, []);
      return null;
    }
    this.show("busy", "compiling…", []);
    const answer = await post("/aqua/compile", { source });
    if (answer.ok && answer.body && answer.body.ok === true) {
      const functions = answer.body.functions || [];
      const warnings = answer.body.warnings || [];
      const noun = functions.length === 1 ? "function" : "functions";
      const text = functions.length
        ? `compiled: ${functions.length} exported ${noun}`
        : "compiled, but nothing is exported: add `export name` to run a function";
      this.show(functions.length ? "ok" : "error", text, warnings);
      return functions;
    }
    const diagnostics = answer.body && Array.isArray(answer.body.diagnostics) ? answer.body.diagnostics : [];
    const count = diagnostics.length;
    this.show("error", count ? `${count} error${count === 1 ? "" : "s"}` : answer.error, diagnostics);
    return null;
  }

  show(kind, text, diagnostics) {
    this.status.className = `status ${kind}`;
    this.status.textContent = text;
    this.editor.mark(diagnostics.filter((d) => d.file === SOURCE_FILE));
    replace(this.diagnostics, diagnostics.map((d) => this.item(d)));
  }

  item(d) {
    const here = d.file === SOURCE_FILE && d.line > 0;
    const where = `${d.file}:${d.line}:${d.column}`;
    const link = here ? el("a", { href: `#line-${d.line}`, class: "where", "data-line": d.line }, where) : el("span", { class: "where" }, where);
    if (here) {
      link.addEventListener("click", (e) => {
        e.preventDefault();
        this.editor.goToLine(d.line);
      });
    }
    return el(
      "li",
      { class: `diagnostic ${d.severity || "error"}` },
      link,
      ` ${d.severity || "error"}: `,
      el("span", { class: "message" }, d.message),
      d.rendered ? el("pre", { class: "rendered" }, d.rendered) : null,
    );
  }
}
