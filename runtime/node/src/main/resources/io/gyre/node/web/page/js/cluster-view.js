// The dashboard's view of the cluster: this node, the members, every known peer and the
// services each one hosts.

import { el, replace, shortPeer, asText } from "./dom.js";

/**
 * Members as /health gives them: {count, list, missing}. A peer that names them has
 * cluster.members (addresses), cluster.unreachable and cluster.remembered_missing; an older one
 * only a count.
 */
export function members(health) {
  const cluster = health.cluster;
  if (cluster && Array.isArray(cluster.members)) {
    const unreachable = new Set((cluster.unreachable || []).map(String));
    const list = cluster.members.map((m) => memberText(m) + (unreachable.has(String(m)) ? " (unreachable)" : ""));
    return { count: list.length, list, missing: (cluster.remembered_missing || []).map(memberText) };
  }
  const given = health.members ?? health.cluster_members;
  if (Array.isArray(given)) return { count: given.length, list: given.map(memberText), missing: [] };
  return { count: typeof given === "number" ? given : 0, list: [], missing: [] };
}

function memberText(member) {
  if (typeof member === "string") return member;
  if (member && typeof member === "object") {
    const name = member.address ?? member.peer_id ?? member.node ?? "";
    const status = member.status ? ` (${member.status})` : "";
    return name ? `${name}${status}` : asText(member);
  }
  return asText(member);
}

export function renderNode(container, health) {
  const m = members(health);
  replace(
    container,
    card("status", health.status ?? "?", "node-status"),
    card("this peer", shortPeer(health.peer_id ?? "?"), "node-peer", health.peer_id),
    card("cluster members", String(m.count), "node-members"),
    card("known peers", String(health.known_peers ?? "?"), "node-known"),
    card("particles in flight", String(health.particles_in_flight ?? "?"), "node-in-flight"),
  );
}

export function renderMembers(container, health) {
  const m = members(health);
  replace(
    container,
    m.list.length
      ? el("ul", { class: "members" }, m.list.map((text) => el("li", { class: "member" }, text)))
      : el("p", { class: "muted" }, `${m.count} member${m.count === 1 ? "" : "s"} (this peer's /health lists no addresses)`),
    m.missing.length
      ? el("p", { class: "error" }, `remembered but missing: ${m.missing.join(", ")}`)
      : null,
  );
}

/** One row per peer: hosted here or not, and its services. */
export function renderPeers(container, peers, services, self) {
  const hosted = new Set(peers.hosted || []);
  const all = [...new Set([...(peers.hosted || []), ...(peers.known || []), ...services.map((s) => s.worker_id)])].filter(Boolean);
  const byPeer = new Map(all.map((p) => [p, []]));
  for (const service of services) byPeer.get(service.worker_id)?.push(service);
  const rows = all.map((peer) =>
    el(
      "tr",
      { class: "peer-row", "data-peer": peer },
      el("td", { class: "peer-id", title: peer }, el("code", {}, peer)),
      el("td", {}, peer === self ? "this peer" : hosted.has(peer) ? "hosted here" : "remote"),
      el("td", {}, servicesCell(byPeer.get(peer))),
    ),
  );
  replace(
    container,
    el(
      "table",
      { class: "peers" },
      el("thead", {}, el("tr", {}, el("th", {}, "peer"), el("th", {}, "where"), el("th", {}, "services"))),
      el("tbody", {}, rows.length ? rows : el("tr", {}, el("td", { colspan: 3, class: "muted" }, "no peers known"))),
    ),
  );
}

function servicesCell(services) {
  if (!services.length) return el("span", { class: "muted" }, "none");
  return el(
    "ul",
    { class: "services" },
    services.map((s) =>
      el(
        "li",
        { class: "service", title: `blueprint ${s.blueprint_id}\nowner ${s.owner_id}` },
        el("code", {}, (s.aliases && s.aliases.length ? s.aliases.join(", ") + " · " : "") + s.id),
      ),
    ),
  );
}

function card(label, value, id, title) {
  return el("div", { class: "card", id, title: title || false }, el("div", { class: "card-label" }, label), el("div", { class: "card-value" }, value));
}
