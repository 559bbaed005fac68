// The operator's bearer token: asked for once, kept in localStorage. A URL printed by
// `gyre node` carries it in the fragment (#token=…), which never reaches the server; the page
// takes it from there, stores it and removes it from the address bar.

const KEY = "gyre.token";

export function token() {
  try {
    return localStorage.getItem(KEY) || "";
  } catch {
    return "";
  }
}

export function setToken(value) {
  const trimmed = String(value).trim();
  if (trimmed) localStorage.setItem(KEY, trimmed);
  else localStorage.removeItem(KEY);
  notify();
}

export function forgetToken() {
  localStorage.removeItem(KEY);
  notify();
}

/** Takes #token=… from the address, if there, and clears the fragment. */
export function pickUpFromFragment(location = window.location, history = window.history) {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ""));
  const given = fragment.get("token");
  if (given === null) return false;
  setToken(given);
  fragment.delete("token");
  const rest = fragment.toString();
  history.replaceState(null, "", location.pathname + location.search + (rest ? `#${rest}` : ""));
  return true;
}

const listeners = new Set();

export function onTokenChange(listener) {
  listeners.add(listener);
}

function notify() {
  for (const listener of listeners) listener(token());
}
