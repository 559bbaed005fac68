// What the dashboard computes from successive scrapes: a counter's rate and a histogram's
// quantiles over a recent window, estimated from its buckets (as Prometheus' histogram_quantile).

import { buckets, total } from "./prometheus.js";

export class MetricsWindow {
  /** @param windowMs how far back rates and quantiles look */
  constructor(windowMs = 60_000, keep = 60) {
    this.windowMs = windowMs;
    this.keep = keep;
    this.scrapes = []; // [{at, samples}]
  }

  add(at, samples) {
    this.scrapes.push({ at, samples });
    if (this.scrapes.length > this.keep) this.scrapes.shift();
  }

  latest() {
    return this.scrapes[this.scrapes.length - 1];
  }

  /** A counter's value in the latest scrape. */
  value(name, labels) {
    const last = this.latest();
    return last ? total(last.samples, name, labels) : 0;
  }

  /** Per-second rates between consecutive scrapes, oldest first: [{at, rate}]. */
  rates(name) {
    const out = [];
    for (let i = 1; i < this.scrapes.length; i++) {
      const a = this.scrapes[i - 1];
      const b = this.scrapes[i];
      const seconds = (b.at - a.at) / 1000;
      const delta = total(b.samples, name) - total(a.samples, name);
      // A restarted peer's counters start again from 0: no rate across that.
      out.push({ at: b.at, rate: seconds > 0 && delta >= 0 ? delta / seconds : 0 });
    }
    return out;
  }

  /**
   * The q-quantile (0..1) of a histogram over the window (or, with sinceStart, over everything the
   * peer observed), in its unit; null when nothing was observed.
   */
  quantile(histogram, q, sinceStart = false) {
    const last = this.latest();
    if (!last) return null;
    const first = sinceStart ? last : this.scrapes.find((s) => last.at - s.at <= this.windowMs) || last;
    const now = buckets(last.samples, histogram);
    const before = first === last ? [] : buckets(first.samples, histogram);
    const counts = now.map((b) => ({ le: b.le, count: b.count - (before.find((p) => p.le === b.le)?.count || 0) }));
    return quantileOf(counts, q);
  }
}

/** histogram_quantile over cumulative buckets [{le, count}]: linear inside the bucket. */
export function quantileOf(cumulative, q) {
  if (!cumulative.length) return null;
  const count = cumulative[cumulative.length - 1].count;
  if (!(count > 0)) return null;
  const rank = q * count;
  let lower = 0;
  let below = 0;
  for (const { le, count: c } of cumulative) {
    if (c >= rank) {
      if (le === Infinity) return lower; // beyond the highest finite bucket: its bound
      const inBucket = c - below;
      return inBucket > 0 ? lower + (le - lower) * ((rank - below) / inBucket) : le;
    }
    lower = le;
    below = c;
  }
  return lower;
}
