package io.gyre.node.particle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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
  private final AtomicInteger pendingWork = new AtomicInteger();

  /** How a particle moved: arrived at or left a peer, or could not be delivered. */
  public enum HopKind {
    STARTED,
    RECEIVED,
    DUPLICATE,
    SENT,
    UNDELIVERED,
    REFUSED,
    EXPIRED
  }

  public record Hop(long atMs, HopKind kind, String peerId, String otherPeerId) {}

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

  synchronized void hop(long atMs, HopKind kind, String peerId, String otherPeerId) {
    hops.add(new Hop(atMs, kind, peerId, otherPeerId));
  }

  synchronized void call(Call call) {
    calls.add(call);
  }

  synchronized void failure(Failure failure) {
    failures.add(failure);
  }

  void workStarted() {
    pendingWork.incrementAndGet();
  }

  void workDone() {
    pendingWork.decrementAndGet();
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(
        particleId,
        List.copyOf(hops),
        List.copyOf(calls),
        List.copyOf(failures),
        pendingWork.get());
  }
}
