package io.gyre.node.particle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What happened to one particle on one node: every arrival, send and call, every failed run; and
 * how much local work it has pending. Read by the HTTP API ({@code GET /particles/ID}) and by tests
 * that wait for a particle to go quiet across the cluster.
 */
public final class ParticleTrace {
  private final String particleId;
  private final List<Hop> hops = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private final Map<String, AtomicInteger> pendingWork = new ConcurrentHashMap<>();

  /**
   * How a particle moved: arrived at or left a peer, or could not be delivered; or, on one peer,
   * waited as state only (passivated) and got an actor again (resumed).
   */
  public enum HopKind {
    STARTED,
    RECEIVED,
    DUPLICATE,
    SENT,
    UNDELIVERED,
    REFUSED,
    EXPIRED,
    PASSIVATED,
    RESUMED
  }

  /** {@code detail}: why, for an undelivered send (empty otherwise). */
  public record Hop(long atMs, HopKind kind, String peerId, String otherPeerId, String detail) {}

  public record Call(
      long atMs,
      String peerId,
      String serviceId,
      String functionName,
      List<JsonNode> arguments,
      int retCode,
      JsonNode result,
      long micros) {}

  public record Failure(long atMs, String peerId, int retCode, String message) {}

  /** A consistent copy. */
  public record Snapshot(
      String particleId,
      List<Hop> hops,
      List<Call> calls,
      List<Failure> failures,
      int pendingWork) {}

  ParticleTrace(String particleId) {
    this.particleId = particleId;
  }

  synchronized void hop(long atMs, HopKind kind, String peerId, String otherPeerId, String detail) {
    hops.add(new Hop(atMs, kind, peerId, otherPeerId, detail));
  }

  synchronized void call(Call call) {
    calls.add(call);
  }

  synchronized void failure(Failure failure) {
    failures.add(failure);
  }

  /** A message or call for this particle that {@code peerId} has yet to finish. */
  void workStarted(String peerId) {
    pendingWork.computeIfAbsent(peerId, p -> new AtomicInteger()).incrementAndGet();
  }

  void workDone(String peerId) {
    pendingWork.computeIfAbsent(peerId, p -> new AtomicInteger()).decrementAndGet();
  }

  /** The peer's actor for this particle stopped: whatever it had pending is dropped. */
  void workAbandoned(String peerId) {
    pendingWork.computeIfAbsent(peerId, p -> new AtomicInteger()).set(0);
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(
        particleId,
        List.copyOf(hops),
        List.copyOf(calls),
        List.copyOf(failures),
        pendingWork.values().stream().mapToInt(AtomicInteger::get).sum());
  }
}
