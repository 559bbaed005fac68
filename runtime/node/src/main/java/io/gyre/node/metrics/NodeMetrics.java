package io.gyre.node.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What a node counts: particles received, executed, failed, expired, refused (by reason), sent and
 * undelivered; interpreter run and service call latency; calls per service. Exported in Prometheus'
 * text format by {@link PrometheusFormat}.
 */
public final class NodeMetrics {
  public final Counter particlesReceived = new Counter();
  public final Counter particlesExecuted = new Counter();
  public final Counter particlesFailed = new Counter();
  public final Counter particlesExpired = new Counter();
  public final Counter particlesDuplicate = new Counter();
  public final Counter particlesSent = new Counter();
  public final Counter particlesUndelivered = new Counter();
  public final Counter particlesPassivated = new Counter();
  public final Counter particlesResumed = new Counter();
  public final Histogram interpreterRunSeconds = new Histogram();
  public final Histogram serviceCallSeconds = new Histogram();
  public final AtomicLong particlesInFlight = new AtomicLong();

  private final Map<RefusalReason, Counter> refused = new ConcurrentHashMap<>();
  private final Map<ServiceOutcome, Counter> serviceCalls = new ConcurrentHashMap<>();
  private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

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
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One service's calls that succeeded or failed. */
  public record ServiceOutcome(String serviceId, boolean succeeded) {}

  public void refused(RefusalReason reason) {
    refused.computeIfAbsent(reason, r -> new Counter()).increment();
  }

  public long refusedCount(RefusalReason reason) {
    Counter counter = refused.get(reason);
    return counter == null ? 0 : counter.value();
  }

  public void serviceCalled(String serviceId, boolean succeeded, long nanos) {
    serviceCalls
        .computeIfAbsent(new ServiceOutcome(serviceId, succeeded), k -> new Counter())
        .increment();
    serviceCallSeconds.observeNanos(nanos);
  }

  public long serviceCallCount(String serviceId, boolean succeeded) {
    Counter counter = serviceCalls.get(new ServiceOutcome(serviceId, succeeded));
    return counter == null ? 0 : counter.value();
  }

  /** A value read when metrics are exported (cluster members, peers hosted, …). */
  public void gauge(String name, LongSupplier value) {
    gauges.put(name, value);
  }

  Map<RefusalReason, Counter> refusedCounters() {
    return refused;
  }

  Map<ServiceOutcome, Counter> serviceCallCounters() {
    return serviceCalls;
  }

  Map<String, LongSupplier> gauges() {
    return gauges;
  }
}
