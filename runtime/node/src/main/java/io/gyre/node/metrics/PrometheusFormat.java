package io.gyre.node.metrics;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/** Prometheus' text exposition format (version 0.0.4) of a node's metrics. */
public final class PrometheusFormat {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusFormat() {}

  public static String render(NodeMetrics metrics) {
    StringBuilder out = new StringBuilder(4096);
    counter(
        out,
        "gyre_particles_received_total",
        "Particles that arrived or were started here",
        metrics.particlesReceived);
    counter(
        out,
        "gyre_particles_executed_total",
        "Interpreter runs that succeeded",
        metrics.particlesExecuted);
    counter(
        out,
        "gyre_particles_failed_total",
        "Interpreter runs that ended in an error",
        metrics.particlesFailed);
    counter(
        out,
        "gyre_particles_expired_total",
        "Particles dropped at their TTL",
        metrics.particlesExpired);
    counter(
        out,
        "gyre_particles_duplicate_total",
        "Arrivals whose data added nothing",
        metrics.particlesDuplicate);
    counter(
        out, "gyre_particles_sent_total", "Particles sent to other peers", metrics.particlesSent);
    counter(
        out,
        "gyre_particles_undelivered_total",
        "Sends to peers that are not known",
        metrics.particlesUndelivered);
    counter(
        out,
        "gyre_particles_passivated_total",
        "Quiet particles whose actor stopped, their state kept until the TTL",
        metrics.particlesPassivated);
    counter(
        out,
        "gyre_particles_resumed_total",
        "Arrivals that started a passivated particle's actor again",
        metrics.particlesResumed);

    header(out, "gyre_particles_refused_total", "Particles refused, by reason", "counter");
    for (NodeMetrics.RefusalReason reason : NodeMetrics.RefusalReason.values()) {
      out.append("gyre_particles_refused_total{reason=\"")
          .append(reason.label())
          .append("\"} ")
          .append(metrics.refusedCount(reason))
          .append('\n');
    }

    header(out, "gyre_particles_in_flight", "Live particles held by this node", "gauge");
    out.append("gyre_particles_in_flight ").append(metrics.particlesInFlight.get()).append('\n');

    histogram(
        out,
        "gyre_interpreter_run_seconds",
        "Interpreter run latency",
        metrics.interpreterRunSeconds);
    histogram(out, "gyre_service_call_seconds", "Service call latency", metrics.serviceCallSeconds);

    header(out, "gyre_service_calls_total", "Service calls by service and result", "counter");
    Map<NodeMetrics.ServiceOutcome, Counter> calls =
        new TreeMap<>(
            Comparator.comparing(NodeMetrics.ServiceOutcome::serviceId)
                .thenComparing(NodeMetrics.ServiceOutcome::succeeded));
    calls.putAll(metrics.serviceCallCounters());
    calls.forEach(
        (outcome, counter) ->
            out.append("gyre_service_calls_total{service=\"")
                .append(escape(outcome.serviceId()))
                .append("\",result=\"")
                .append(outcome.succeeded() ? "ok" : "error")
                .append("\"} ")
                .append(counter.value())
                .append('\n'));

    new TreeMap<>(metrics.gauges())
        .forEach(
            (name, value) -> {
              header(out, name, name.replace('_', ' '), "gauge");
              out.append(name).append(' ').append(value.getAsLong()).append('\n');
            });
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, Counter counter) {
    header(out, name, help, "counter");
    out.append(name).append(' ').append(counter.value()).append('\n');
  }

  private static void histogram(StringBuilder out, String name, String help, Histogram histogram) {
    header(out, name, help, "histogram");
    long[] cumulative = histogram.cumulativeCounts();
    for (int i = 0; i < Histogram.BUCKETS.length; i++) {
      out.append(name)
          .append("_bucket{le=\"")
          .append(Histogram.BUCKETS[i])
          .append("\"} ")
          .append(cumulative[i])
          .append('\n');
    }
    out.append(name)
        .append("_bucket{le=\"+Inf\"} ")
        .append(cumulative[cumulative.length - 1])
        .append('\n');
    out.append(name).append("_sum ").append(histogram.sum()).append('\n');
    out.append(name).append("_count ").append(cumulative[cumulative.length - 1]).append('\n');
  }

  private static void header(StringBuilder out, String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static String escape(String label) {
    return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
