package io.gyre.node.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;

/** Durations in seconds: a Prometheus histogram with buckets from 50 µs to 30 s. */
public final class Latency {
  /** Particle runs and service calls both fall in here. */
  private static final double[] BUCKETS = {
    0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
    2.5, 5, 10, 30
  };

  private final Histogram histogram;

  Latency(PrometheusRegistry registry, String name, String help) {
    this.histogram =
        Histogram.builder()
            .name(name)
            .help(help)
            .classicOnly()
            .classicUpperBounds(BUCKETS)
            .withoutExemplars()
            .register(registry);
  }

  public void observeNanos(long nanos) {
    histogram.observe(nanos / 1e9);
  }

  /** How many durations were observed. */
  public long count() {
    return snapshot().getCount();
  }

  /** Their total, in seconds. */
  public double sum() {
    return snapshot().getSum();
  }

  private HistogramSnapshot.HistogramDataPointSnapshot snapshot() {
    return histogram.collect().getDataPoints().get(0);
  }
}
