// The dashboard tab: polls the peer every 2 s while it is shown.

import { get, getText } from "./api.js";
import { byId } from "./dom.js";
import { parseMetrics } from "./prometheus.js";
import { MetricsWindow } from "./live-metrics.js";
import { renderMetrics } from "./metrics-view.js";
import { renderMembers, renderNode, renderPeers } from "./cluster-view.js";
import { renderMarket } from "./market-view.js";

const POLL_MS = 2000;

export class Dashboard {
  constructor(peer) {
    this.peer = peer;
    this.metrics = new MetricsWindow();
    this.timer = 0;
    this.polling = false;
  }

  show() {
    if (this.timer) return;
    this.poll();
    this.timer = setInterval(() => this.poll(), POLL_MS);
  }

  hide() {
    clearInterval(this.timer);
    this.timer = 0;
  }

  async poll() {
    if (this.polling) return;
    this.polling = true;
    try {
      await Promise.all([this.pollCluster(), this.pollMetrics(), renderMarket(byId("market-offers"), byId("market-deals"))]);
      byId("dashboard-error").textContent = "";
      byId("dashboard-updated").textContent = `updated ${new Date().toLocaleTimeString()}`;
    } catch (e) {
      byId("dashboard-error").textContent = e.message;
    } finally {
      this.polling = false;
    }
  }

  async pollCluster() {
    const [health, peers, services] = await Promise.all([get("/health"), get("/peers"), get("/services")]);
    for (const answer of [health, peers, services]) if (!answer.ok) throw new Error(answer.error);
    this.peer.update(health.body);
    renderNode(byId("node"), health.body);
    renderMembers(byId("members"), health.body);
    renderPeers(byId("peers"), peers.body, Array.isArray(services.body) ? services.body : [], health.body.peer_id);
  }

  async pollMetrics() {
    const scrape = await getText("/metrics");
    if (!scrape.ok) throw new Error(scrape.error);
    this.metrics.add(Date.now(), parseMetrics(scrape.text));
    renderMetrics(this.metrics);
  }
}
