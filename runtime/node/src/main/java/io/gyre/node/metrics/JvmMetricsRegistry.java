package io.gyre.node.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The client's standard JVM collectors (heap and pools, GC pauses, threads, classes, buffers), in
 * one registry per process: every node of a JVM reports the same JVM, and the collectors' GC
 * listeners are installed once.
 */
final class JvmMetricsRegistry {
  private static final PrometheusRegistry REGISTRY = new PrometheusRegistry();

  static {
    JvmMetrics.builder().register(REGISTRY);
  }

  private JvmMetricsRegistry() {}

  static MetricSnapshots scrape() {
    return REGISTRY.scrape();
  }
}
