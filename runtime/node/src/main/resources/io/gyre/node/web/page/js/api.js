// The peer's HTTP API as the page uses it: JSON in, JSON (or text) out, and every failure as a
// sentence the page can show.

import { token } from "./token.js";
import { asText } from "./dom.js";

export const TOKEN_HINT =
  "token missing or wrong: see <data-dir>/http.token on the peer (or open the URL `gyre node` prints)";

/**
 * One request. Answers {ok, status, body, error}: body is the parsed JSON (or the text when the
 * answer is not JSON); error is a readable sentence when !ok, else "".
 */
export async function call(method, path, body) {
  const headers = { Accept: "application/json, text/plain" };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const init = { method, headers, cache: "no-store" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    return { ok: false, status: 0, body: null, error: `cannot reach the peer: ${e.message}` };
  }
  const text = await response.text();
  const parsed = parse(text, response.headers.get("Content-Type") || "");
  const ok = response.ok;
  if (response.status === 401) document.dispatchEvent(new CustomEvent("gyre:unauthorized"));
  return { ok, status: response.status, body: parsed, error: ok ? "" : errorText(response, parsed) };
}

export const get = (path) => call("GET", path);
export const post = (path, body) => call("POST", path, body);

/** The text of a Prometheus scrape (or an error). */
export async function getText(path) {
  try {
    const response = await fetch(path, { cache: "no-store" });
    const text = await response.text();
    return response.ok
      ? { ok: true, status: response.status, text, error: "" }
      : { ok: false, status: response.status, text, error: errorText(response, text) };
  } catch (e) {
    return { ok: false, status: 0, text: "", error: `cannot reach the peer: ${e.message}` };
  }
}

function parse(text, contentType) {
  if (!contentType.includes("json") && !/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A readable sentence for a failed answer: the body's own words first. */
export function errorText(response, body) {
  const said = bodyMessage(body);
  const prefix = `HTTP ${response.status}${response.statusText ? " " + response.statusText : ""}`;
  if (response.status === 401 || response.status === 403) {
    return said ? `${TOKEN_HINT} (${prefix}: ${said})` : `${TOKEN_HINT} (${prefix})`;
  }
  return said ? `${prefix}: ${said}` : prefix;
}

function bodyMessage(body) {
  if (body === null || body === undefined) return "";
  if (typeof body === "string") return body.trim();
  if (typeof body === "object" && !Array.isArray(body)) {
    for (const key of ["error", "message"]) {
      if (body[key] !== undefined && body[key] !== null && body[key] !== "") return asText(body[key]);
    }
  }
  return asText(body);
}
