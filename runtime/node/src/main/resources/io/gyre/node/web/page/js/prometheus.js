// Prometheus' text exposition format, as /metrics answers it: samples by name and labels.

/** [{name, labels: {k: v}, value}] of a scrape; comments and malformed lines are skipped. */
export function parseMetrics(text) {
  const samples = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const sample = parseLine(line);
    if (sample) samples.push(sample);
  }
  return samples;
}

function parseLine(line) {
  const name = line.match(/^[a-zA-Z_:][a-zA-Z0-9_:]*/);
  if (!name) return null;
  let at = name[0].length;
  const labels = {};
  if (line[at] === "{") {
    at++;
    for (;;) {
      while (line[at] === " " || line[at] === ",") at++;
      if (line[at] === "}") {
        at++;
        break;
      }
      const key = line.slice(at).match(/^[a-zA-Z_][a-zA-Z0-9_]*/);
      if (!key || line[at + key[0].length] !== "=" || line[at + key[0].length + 1] !== '"') return null;
      at += key[0].length + 2;
      let value = "";
      while (at < line.length && line[at] !== '"') {
        if (line[at] === "\\") {
          const next = line[at + 1];
          value += next === "n" ? "\n" : next;
          at += 2;
        } else {
          value += line[at++];
        }
      }
      if (line[at] !== '"') return null;
      at++;
      labels[key[0]] = value;
    }
  }
  const value = parseValue(line.slice(at).trim().split(/\s+/)[0]);
  return Number.isNaN(value) ? null : { name: name[0], labels, value };
}

function parseValue(text) {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (text === "NaN") return NaN;
  return Number(text);
}

/** The sum of a metric's samples whose labels include the given ones. */
export function total(samples, name, labels = {}) {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

/** A histogram's cumulative buckets [{le, count}] in order of le, summed over other labels. */
export function buckets(samples, histogram) {
  const byLe = new Map();
  for (const s of samples) {
    if (s.name !== `${histogram}_bucket` || s.labels.le === undefined) continue;
    const le = s.labels.le === "+Inf" ? Infinity : Number(s.labels.le);
    byLe.set(le, (byLe.get(le) || 0) + s.value);
  }
  return [...byLe.entries()].sort((a, b) => a[0] - b[0]).map(([le, count]) => ({ le, count }));
}
