// A particle's path on this node, drawn from GET /particles/ID: one lane per peer, time going
// down; hops as arrows between lanes, calls as boxes (service.function, duration, ret_code),
// failures in red.

import { svg, el, shortPeer, asText } from "./dom.js";

const LEFT = 64;
const LANE = 240;
const TOP = 52;
const ROW = 42;
const BOX_W = 200;
const BOX_H = 32;
const FAILED_HOPS = new Set(["undelivered", "refused", "expired"]);
const ARROWS = new Set(["hop", "sent", "received", ...FAILED_HOPS]);

/**
 * The events of a trace in time order: calls, interpreter errors and hops, where a send and its
 * arrival at a peer of this node are one hop (kind "hop", from → to, with both times).
 */
export function events(trace) {
  const all = [
    ...pairHops(trace.hops || []),
    ...(trace.calls || []).map((c, i) => ({ type: "call", at: c.at_ms, order: 1e6 + i, ...c })),
    ...(trace.interpreter_errors || []).map((e, i) => ({ type: "error", at: e.at_ms, order: 2e6 + i, ...e })),
  ];
  return all.sort((a, b) => a.at - b.at || a.order - b.order);
}

function pairHops(hops) {
  const arrivals = hops.map((h, i) => ({ ...h, i })).filter((h) => h.kind === "received");
  const used = new Set();
  const out = [];
  hops.forEach((h, i) => {
    if (h.kind === "received") return;
    if (h.kind !== "sent") {
      out.push({ type: "hop", at: h.at_ms, order: i, ...h });
      return;
    }
    const arrival = arrivals.find((a) => !used.has(a.i) && a.peer === h.other && a.other === h.peer && a.at_ms >= h.at_ms - 1000);
    if (arrival) used.add(arrival.i);
    out.push({
      type: "hop",
      kind: arrival ? "hop" : "sent",
      at: arrival ? Math.min(h.at_ms, arrival.at_ms) : h.at_ms,
      order: i,
      peer: h.peer,
      other: h.other,
      sent_ms: h.at_ms,
      received_ms: arrival ? arrival.at_ms : undefined,
    });
  });
  for (const a of arrivals) {
    if (!used.has(a.i)) out.push({ type: "hop", at: a.at_ms, order: a.i, kind: "received", peer: a.other, other: a.peer, received_ms: a.at_ms });
  }
  return out;
}

/** The peers in the order they appear, the one that started the particle first. */
export function lanes(list) {
  const order = [];
  const add = (peer) => {
    if (peer && !order.includes(peer)) order.push(peer);
  };
  list.filter((e) => e.type === "hop" && e.kind === "started").forEach((e) => add(e.peer));
  for (const e of list) {
    add(e.peer);
    if (e.type === "hop") add(e.other);
  }
  return order;
}

/** One line about the trace: how many hops, calls and failures, on how many peers. */
export function summary(trace) {
  const list = events(trace);
  const hops = list.filter((e) => e.type === "hop" && ARROWS.has(e.kind));
  const calls = list.filter((e) => e.type === "call");
  const failedCalls = calls.filter((c) => c.ret_code !== 0).length;
  const errors = list.filter((e) => e.type === "error").length;
  const span = list.length ? list[list.length - 1].at - list[0].at : 0;
  const parts = [
    `${hops.length} hop${hops.length === 1 ? "" : "s"}`,
    `${calls.length} call${calls.length === 1 ? "" : "s"}${failedCalls ? ` (${failedCalls} failed)` : ""}`,
    `${errors} interpreter error${errors === 1 ? "" : "s"}`,
    `on ${lanes(list).length} peer${lanes(list).length === 1 ? "" : "s"}`,
    `over ${span} ms`,
  ];
  return parts.join(", ") + (trace.pending_work > 0 ? " (still working)" : "");
}

/** The SVG drawing of a trace. hosted: the peer ids this node hosts (marked in lane headers). */
export function draw(trace, hosted = []) {
  const list = events(trace);
  const peers = lanes(list);
  const x = (peer) => LEFT + LANE * Math.max(0, peers.indexOf(peer)) + LANE / 2;
  const height = TOP + ROW * list.length + 20;
  const width = LEFT + LANE * Math.max(1, peers.length);
  const start = list.length ? list[0].at : 0;
  const root = svg("svg", { class: "trace", width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": summary(trace) });
  root.append(defs());
  const init = list.find((e) => e.type === "hop" && e.kind === "started")?.peer;
  peers.forEach((peer) => root.append(laneView(peer, x(peer), height, hosted.includes(peer), peer === init)));
  list.forEach((event, i) => {
    const y = TOP + ROW * i + ROW / 2;
    root.append(svg("text", { class: "time", x: 4, y: y + 4 }, `+${event.at - start} ms`));
    root.append(eventView(event, y, x));
  });
  return root;
}

function defs() {
  const arrow = (id) =>
    svg("marker", { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z" }));
  return svg("defs", {}, arrow("arrow"), arrow("arrow-failed"));
}

function laneView(peer, cx, height, hosted, init) {
  return svg(
    "g",
    { class: "lane", "data-peer": peer },
    svg("title", {}, peer),
    svg("text", { class: "lane-name", x: cx, y: 18, "text-anchor": "middle" }, shortPeer(peer)),
    svg("text", { class: "lane-note", x: cx, y: 34, "text-anchor": "middle" }, `${init ? "init peer · " : ""}${hosted ? "on this node" : "elsewhere"}`),
    svg("line", { class: "lane-line", x1: cx, y1: TOP - 8, x2: cx, y2: height - 8 }),
  );
}

function eventView(event, y, x) {
  if (event.type === "call") return callView(event, y, x(event.peer));
  if (event.type === "error") return errorView(event, y, x(event.peer));
  return hopView(event, y, x);
}

function hopView(hop, y, x) {
  const failed = FAILED_HOPS.has(hop.kind);
  const arrow = ARROWS.has(hop.kind) && hop.other && hop.other !== hop.peer;
  const cls = `event hop hop-${hop.kind}${arrow ? " arrow" : ""}${failed ? " failed" : ""}`;
  const title = svg("title", {}, hopTitle(hop));
  if (arrow) {
    const x1 = x(hop.peer);
    const x2 = x(hop.other);
    const dir = Math.sign(x2 - x1);
    return svg(
      "g",
      { class: cls, "data-from": hop.peer, "data-to": hop.other },
      title,
      svg("line", { x1: x1 + 6 * dir, y1: y, x2: x2 - 6 * dir, y2: y, "marker-end": `url(#${failed ? "arrow-failed" : "arrow"})` }),
      svg("text", { x: (x1 + x2) / 2, y: y - 6, "text-anchor": "middle" }, hopLabel(hop)),
    );
  }
  const cx = x(hop.peer);
  return svg("g", { class: cls }, title, svg("circle", { cx, cy: y, r: 5 }), svg("text", { x: cx + 10, y: y + 4 }, hop.kind));
}

function hopLabel(hop) {
  if (hop.kind === "hop") {
    const took = hop.received_ms - hop.sent_ms;
    return took > 0 ? `hop · ${took} ms` : "hop";
  }
  if (hop.kind === "sent") return "sent (arrival not on this node)";
  if (hop.kind === "received") return "received (send not on this node)";
  return hop.kind;
}

function hopTitle(hop) {
  const route = hop.other ? `${hop.peer} → ${hop.other}` : hop.peer;
  const times = [hop.sent_ms !== undefined ? `sent at ${hop.sent_ms}` : "", hop.received_ms !== undefined ? `received at ${hop.received_ms}` : ""];
  return `${hop.kind}: ${route}\n${times.filter(Boolean).join(", ") || `at ${hop.at}`}`;
}

function callView(call, y, cx) {
  const failed = call.ret_code !== 0;
  const title = `${call.service}.${call.function}(${(call.args || []).map(asText).join(", ")})\nret_code ${call.ret_code}: ${asText(call.result)}`;
  return svg(
    "g",
    { class: `event call${failed ? " failed" : ""}`, "data-peer": call.peer },
    svg("title", {}, title),
    svg("rect", { x: cx - BOX_W / 2, y: y - BOX_H / 2, width: BOX_W, height: BOX_H, rx: 4 }),
    svg("text", { class: "call-name", x: cx, y: y - 3, "text-anchor": "middle" }, clip(`${call.service}.${call.function}`, 30)),
    svg("text", { class: "call-meta", x: cx, y: y + 11, "text-anchor": "middle" }, `${formatMicros(call.micros)} · ret_code ${call.ret_code}`),
  );
}

function errorView(error, y, cx) {
  return svg(
    "g",
    { class: "event interpreter-error failed", "data-peer": error.peer },
    svg("title", {}, error.message),
    svg("rect", { x: cx - BOX_W / 2, y: y - BOX_H / 2, width: BOX_W, height: BOX_H, rx: 4 }),
    svg("text", { class: "call-name", x: cx, y: y - 3, "text-anchor": "middle" }, `interpreter error ${error.ret_code}`),
    svg("text", { class: "call-meta", x: cx, y: y + 11, "text-anchor": "middle" }, clip(error.message, 34)),
  );
}

export function formatMicros(micros) {
  if (micros === undefined || micros === null) return "?";
  return micros >= 10000 ? `${(micros / 1000).toFixed(1)} ms` : `${micros} µs`;
}

function clip(text, n) {
  const s = String(text);
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** A list of the same events as text, for readers who do not see the drawing. */
export function eventList(trace) {
  return el(
    "ol",
    { class: "event-list" },
    events(trace).map((e) => {
      if (e.type === "call") return el("li", { class: e.ret_code ? "failed" : "" }, `${shortPeer(e.peer)} call ${e.service}.${e.function} ret_code ${e.ret_code} ${formatMicros(e.micros)}`);
      if (e.type === "error") return el("li", { class: "failed" }, `${shortPeer(e.peer)} interpreter error ${e.ret_code}: ${e.message}`);
      const route = e.other ? `${shortPeer(e.peer)} → ${shortPeer(e.other)}` : shortPeer(e.peer);
      return el("li", { class: FAILED_HOPS.has(e.kind) ? "failed" : "" }, `${route} ${e.kind}`);
    }),
  );
}
