// The page: the token, the tabs, the playground and the dashboard.

import { byId } from "./dom.js";
import { get } from "./api.js";
import { forgetToken, onTokenChange, pickUpFromFragment, setToken, token } from "./token.js";
import { startPlayground } from "./playground.js";
import { Dashboard } from "./dashboard.js";

/** What the page knows of the peer it is served by. */
const peer = {
  id: "",
  hosted: [],
  update(health) {
    this.id = health.peer_id || "";
    this.hosted = Array.isArray(health.hosted_peers) ? health.hosted_peers : [];
    byId("peer-id").textContent = this.id ? `peer ${this.id}` : "";
    byId("peer-id").title = this.hosted.join("\n");
  },
};

function startToken() {
  pickUpFromFragment();
  // The URL may also be pasted into a tab that already shows the page: no reload, only this.
  window.addEventListener("hashchange", () => pickUpFromFragment());
  const state = byId("token-state");
  const form = byId("token-form");
  const input = byId("token-input");
  const show = () => {
    state.textContent = token() ? "token set" : "no token";
    state.className = token() ? "ok" : "muted";
  };
  byId("token-edit").addEventListener("click", () => {
    form.hidden = !form.hidden;
    if (!form.hidden) input.focus();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    setToken(input.value);
    input.value = "";
    form.hidden = true;
  });
  byId("token-forget").addEventListener("click", () => {
    forgetToken();
    form.hidden = true;
  });
  document.addEventListener("gyre:unauthorized", () => {
    form.hidden = false;
    input.focus();
  });
  onTokenChange(show);
  show();
}

function startTabs(dashboard) {
  const tabs = [
    { button: byId("tab-playground"), panel: byId("playground") },
    { button: byId("tab-dashboard"), panel: byId("dashboard"), shown: () => dashboard.show(), hidden: () => dashboard.hide() },
  ];
  const select = (chosen) => {
    for (const tab of tabs) {
      const on = tab === chosen;
      tab.button.setAttribute("aria-selected", String(on));
      tab.panel.hidden = !on;
      if (on && tab.shown) tab.shown();
      if (!on && tab.hidden) tab.hidden();
    }
  };
  for (const tab of tabs) tab.button.addEventListener("click", () => select(tab));
  select(tabs[0]);
}

async function start() {
  startToken();
  const health = await get("/health");
  if (health.ok) peer.update(health.body);
  else byId("peer-id").textContent = health.error;
  startPlayground(peer);
  startTabs(new Dashboard(peer));
  document.body.dataset.ready = "true";
}

start();
