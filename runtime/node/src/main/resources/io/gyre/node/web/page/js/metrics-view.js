// The dashboard's live metrics: particles per second (from the received counter's rate), totals,
// and latency (p50/p99 from the histograms' buckets) of whole particles run here, of interpreter
// runs and of service calls.

import { byId } from "./dom.js";
import { sparkline } from "./sparkline.js";

const RECEIVED = "gyre_particles_received_total";

export function renderMetrics(window) {
  const rates = window.rates(RECEIVED).map((r) => r.rate);
  const now = rates.length ? rates[rates.length - 1] : null;
  byId("metric-rate").textContent = now === null ? "—" : now.toFixed(2);
  byId("metric-peak").textContent = rates.length ? Math.max(...rates).toFixed(2) : "—";
  byId("metric-received").textContent = String(window.value(RECEIVED));
  byId("metric-executed").textContent = String(window.value("gyre_particles_executed_total"));
  byId("metric-failed").textContent = String(window.value("gyre_particles_failed_total"));
  byId("metric-refused").textContent = String(window.value("gyre_particles_refused_total"));
  for (const [id, histogram] of [
    ["run", "gyre_run_seconds"],
    ["interp", "gyre_interpreter_run_seconds"],
    ["call", "gyre_service_call_seconds"],
  ]) {
    for (const [when, sinceStart] of [["recent", false], ["all", true]]) {
      for (const [q, value] of [["p50", 0.5], ["p99", 0.99]]) {
        byId(`metric-${id}-${when}-${q}`).textContent = seconds(window.quantile(histogram, value, sinceStart));
      }
    }
  }
  sparkline(byId("metric-spark"), rates);
}

/** A latency for people: µs, ms or s; "—" when nothing was observed in the window. */
export function seconds(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  if (value < 0.001) return `${Math.round(value * 1e6)} µs`;
  if (value < 1) return `${(value * 1000).toFixed(1)} ms`;
  return `${value.toFixed(2)} s`;
}
