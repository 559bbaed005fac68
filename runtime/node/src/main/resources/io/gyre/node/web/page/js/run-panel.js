// Running a compiled function through the peer (POST /run, with the operator's token) and
// showing its response or errors, then the particle's path from GET /particles/ID.

import { get, post } from "./api.js";
import { el, replace, asText } from "./dom.js";
import { ArgumentError, readArguments, renderArguments } from "./args-form.js";
import { draw, eventList, summary } from "./trace-view.js";

const TRACE_POLLS = 10;
const TRACE_POLL_MS = 300;

export class RunPanel {
  constructor(parts) {
    this.p = parts; // {form, name, args, ttl, status, result, errors, path, summary, traceJson, air, hosted()}
    this.fn = null;
    parts.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.run();
    });
  }

  select(fn) {
    this.fn = fn;
    this.p.form.hidden = false;
    this.p.name.textContent = signature(fn);
    this.p.air.textContent = fn.air;
    renderArguments(this.p.args, fn);
  }

  clear() {
    this.fn = null;
    this.p.form.hidden = true;
  }

  async run() {
    if (!this.fn) return;
    const fn = this.fn;
    let args;
    try {
      args = readArguments(this.p.args, fn);
    } catch (e) {
      if (!(e instanceof ArgumentError)) throw e;
      return this.status("error", e.message);
    }
    const ttl = Number(this.p.ttl.value);
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > 4294967295) {
      return this.status("error", "TTL must be a whole number of milliseconds, 1..4294967295");
    }
    this.status("busy", `running ${fn.name}…`);
    replace(this.p.result);
    replace(this.p.errors);
    const answer = await post("/run", { air: fn.air, args, ttl_ms: ttl, await_response: fn.results.length > 0 });
    const body = answer.body && typeof answer.body === "object" ? answer.body : null;
    if (!body || body.particle_id === undefined) {
      return this.status("error", answer.error || `unexpected answer: ${asText(answer.body)}`);
    }
    this.showResult(body, answer);
    await this.showTrace(body.particle_id);
  }

  showResult(body, answer) {
    const ok = body.ok === true;
    const words = [`${body.status}`, `${body.elapsed_ms} ms`, `particle ${body.particle_id}`];
    // The errors have a list of their own; the message says why there is neither response nor error.
    const errors = body.errors || [];
    const why = errors.length ? "" : body.message ? ` — ${asText(body.message)}` : answer.ok ? "" : ` — ${answer.error}`;
    this.status(ok ? "ok" : "error", words.join(" · ") + why);
    if (body.response !== null && body.response !== undefined) this.p.result.textContent = asText(body.response);
    replace(this.p.errors, errors.map((e) => el("li", { class: "run-error" }, errorText(e))));
  }

  async showTrace(particleId) {
    let trace = null;
    for (let i = 0; i < TRACE_POLLS; i++) {
      const answer = await get(`/particles/${encodeURIComponent(particleId)}`);
      if (!answer.ok) {
        this.p.summary.textContent = `no path: ${answer.error}`;
        replace(this.p.path);
        this.p.traceJson.textContent = "";
        return;
      }
      trace = answer.body;
      this.drawTrace(trace);
      if (!(trace.pending_work > 0)) return;
      await new Promise((resolve) => setTimeout(resolve, TRACE_POLL_MS));
    }
  }

  drawTrace(trace) {
    this.p.summary.textContent = summary(trace);
    replace(this.p.path, draw(trace, this.p.hosted()), eventList(trace));
    this.p.traceJson.textContent = JSON.stringify(trace, null, 2);
  }

  status(kind, text) {
    this.p.status.className = `status ${kind}`;
    this.p.status.textContent = text;
  }
}

export function signature(fn) {
  const args = fn.arguments.map((a) => `${a.name}: ${a.type}`).join(", ");
  return `${fn.name}(${args})${fn.results.length ? ` -> ${fn.results.join(", ")}` : ""}`;
}

/** An error the script reported (errorHandlingSrv): its message first. */
function errorText(error) {
  if (error && typeof error === "object" && !Array.isArray(error)) {
    const code = error.error_code !== undefined ? ` (error_code ${error.error_code})` : "";
    const where = error.instruction ? `\n  at ${error.instruction}` : "";
    if (error.message !== undefined) return `${asText(error.message)}${code}${where}`;
  }
  return asText(error);
}
