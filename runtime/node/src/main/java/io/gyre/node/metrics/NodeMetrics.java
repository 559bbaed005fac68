package io.gyre.node.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What a node counts, in its own Prometheus registry: particles received, executed, failed,
 * expired, refused (by reason), sent and undelivered; interpreter run and service call latency;
 * calls per service; and, with {@link #scrape}, the process's JVM metrics (heap, GC, threads).
 */
public final class NodeMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();

  public final Counter particlesReceived =
      counter("gyre_particles_received", "Particles that arrived or were started here");
  public final Counter particlesExecuted =
      counter("gyre_particles_executed", "Interpreter runs that succeeded");
  public final Counter particlesFailed =
      counter("gyre_particles_failed", "Interpreter runs that ended in an error");
  public final Counter particlesExpired =
      counter("gyre_particles_expired", "Particles dropped at their TTL");
  public final Counter particlesDuplicate =
      counter("gyre_particles_duplicate", "Arrivals whose data added nothing");
  public final Counter particlesSent =
      counter("gyre_particles_sent", "Particles sent to other peers");
  public final Counter particlesUndelivered =
      counter("gyre_particles_undelivered", "Sends to peers that are not known");
  public final Counter particlesPassivated =
      counter(
          "gyre_particles_passivated",
          "Quiet particles whose actor stopped, their state kept until the TTL");
  public final Counter particlesResumed =
      counter(
          "gyre_particles_resumed", "Arrivals that started a passivated particle's actor again");
  public final Latency interpreterRunSeconds =
      new Latency(registry, "gyre_interpreter_run_seconds", "Interpreter run latency");
  public final Latency serviceCallSeconds =
      new Latency(registry, "gyre_service_call_seconds", "Service call latency");

  /** A whole particle as its caller sees it: from its start on the init peer to its outcome. */
  public final Latency runSeconds =
      new Latency(
          registry,
          "gyre_run_seconds",
          "Particles run through this node: from the start on their init peer to their response,"
              + " error or failure");

  public final AtomicLong particlesInFlight = new AtomicLong();

  private final Counter refused =
      Counter.builder()
          .name("gyre_particles_refused")
          .help("Particles refused, by reason")
          .labelNames("reason")
          .withoutExemplars()
          .register(registry);
  private final Counter serviceCalls =
      Counter.builder()
          .name("gyre_service_calls")
          .help("Service calls by service and result")
          .labelNames("service", "result")
          .withoutExemplars()
          .register(registry);

  /** Why a particle was not taken. */
  public enum RefusalReason {
    BAD_SIGNATURE,
    BAD_DATA_SIGNATURE,
    EXPIRED,
    TOO_LARGE,
    MALFORMED,
    OVERLOADED,
    SHUTTING_DOWN;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public NodeMetrics() {
    // Every reason shows from the start, at 0, so a dashboard's rate() has a series to read.
    for (RefusalReason reason : RefusalReason.values()) {
      refused.initLabelValues(reason.label());
    }
    gauge("gyre_particles_in_flight", "Live particles held by this node", particlesInFlight::get);
  }

  public void refused(RefusalReason reason) {
    refused.labelValues(reason.label()).inc();
  }

  public long refusedCount(RefusalReason reason) {
    return refused.labelValues(reason.label()).getLongValue();
  }

  public void serviceCalled(String serviceId, boolean succeeded, long nanos) {
    serviceCalls.labelValues(serviceId, succeeded ? "ok" : "error").inc();
    serviceCallSeconds.observeNanos(nanos);
  }

  public long serviceCallCount(String serviceId, boolean succeeded) {
    return serviceCalls.labelValues(serviceId, succeeded ? "ok" : "error").getLongValue();
  }

  /** A value read when metrics are scraped (cluster members, known peers, …). */
  public void gauge(String name, String help, LongSupplier value) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .callback(callback -> callback.call(value.getAsLong()))
        .register(registry);
  }

  /** This node's metrics and the JVM's, in Prometheus' text format (version 0.0.4). */
  public String scrape() {
    MetricSnapshots.Builder all = MetricSnapshots.builder();
    for (MetricSnapshot snapshot : registry.scrape()) {
      all.metricSnapshot(snapshot);
    }
    for (MetricSnapshot snapshot : JvmMetricsRegistry.scrape()) {
      all.metricSnapshot(snapshot);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
    try {
      PrometheusTextFormatWriter.create().write(out, all.build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics to memory", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Prometheus' content type for {@link #scrape}. */
  public static String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }

  /** A counter of another part of the node (the client relay), in this registry. */
  public Counter counter(String name, String help, String... labelNames) {
    return Counter.builder()
        .name(name)
        .help(help)
        .labelNames(labelNames)
        .withoutExemplars()
        .register(registry);
  }
}
