// The marketplace's offers and deals, when this peer serves them (GET /market/offers and
// /market/deals); a peer without a marketplace answers 404.

import { get } from "./api.js";
import { el, replace, asText } from "./dom.js";

export async function renderMarket(offers, deals) {
  const [o, d] = await Promise.all([get("/market/offers"), get("/market/deals")]);
  if (o.status === 404 && d.status === 404) {
    const note = () => el("p", { class: "muted no-market" }, "no marketplace on this peer");
    replace(offers, note());
    replace(deals, note());
    return;
  }
  replace(offers, table(o, "offers"));
  replace(deals, table(d, "deals"));
}

/** A generic table of a JSON list of objects (columns: every key seen). */
function table(answer, what) {
  if (!answer.ok) return el("p", { class: "error" }, answer.status === 404 ? `no ${what} endpoint on this peer` : answer.error);
  const rows = Array.isArray(answer.body) ? answer.body : Array.isArray(answer.body?.[what]) ? answer.body[what] : null;
  if (!rows) return el("pre", {}, asText(answer.body));
  if (!rows.length) return el("p", { class: "muted" }, `no ${what}`);
  const columns = [...new Set(rows.flatMap((r) => (r && typeof r === "object" ? Object.keys(r) : ["value"])))];
  return el(
    "table",
    { class: `market ${what}` },
    el("thead", {}, el("tr", {}, columns.map((c) => el("th", {}, c)))),
    el(
      "tbody",
      {},
      rows.map((r) => el("tr", {}, columns.map((c) => el("td", {}, asText(r && typeof r === "object" ? r[c] : r))))),
    ),
  );
}
