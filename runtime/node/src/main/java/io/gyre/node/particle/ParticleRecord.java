package io.gyre.node.particle;

import io.gyre.air.CallResult;
import io.gyre.air.InterpreterError;
import io.gyre.node.metrics.NodeMetrics;
import io.gyre.node.services.ServiceCall;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one peer records of one particle as it handles it: the trace ({@code GET /particles/ID}),
 * the trace log (logger {@code gyre.trace}) and the counters that go with each event; and the work
 * the peer has pending for it (tests and the trace wait for a particle to be quiet everywhere).
 * Used on the particle's actor (or its inbox), never from a service's thread.
 */
final class ParticleRecord {
  private static final Logger TRACE = LoggerFactory.getLogger("gyre.trace");

  private final PeerRuntime runtime;
  private final String particleId;
  private final Optional<ParticleTrace> trace;

  ParticleRecord(PeerRuntime runtime, String particleId) {
    this.runtime = runtime;
    this.particleId = particleId;
    this.trace = runtime.traces().forParticle(particleId);
  }

  void hop(ParticleTrace.HopKind kind, String otherPeerId) {
    hop(kind, otherPeerId, "");
  }

  void hop(ParticleTrace.HopKind kind, String otherPeerId, String detail) {
    trace.ifPresent(
        t -> t.hop(runtime.clock().millis(), kind, runtime.peerId(), otherPeerId, detail));
    if (runtime.traceLog()) {
      TRACE.info(
          "particle={} peer={} {} {}{}",
          particleId,
          runtime.peerId(),
          kind.name().toLowerCase(Locale.ROOT),
          otherPeerId,
          detail.isEmpty() ? "" : ": " + detail);
    }
  }

  void duplicate(String fromPeerId) {
    runtime.metrics().particlesDuplicate.inc();
    hop(ParticleTrace.HopKind.DUPLICATE, fromPeerId);
  }

  void sent(String toPeerId) {
    runtime.metrics().particlesSent.inc();
    hop(ParticleTrace.HopKind.SENT, toPeerId);
  }

  void undelivered(String toPeerId, String why) {
    runtime.metrics().particlesUndelivered.inc();
    hop(ParticleTrace.HopKind.UNDELIVERED, toPeerId, why);
  }

  void expired() {
    runtime.metrics().particlesExpired.inc();
    hop(ParticleTrace.HopKind.EXPIRED, "");
  }

  void ran(long nanos, boolean addsNothing) {
    runtime.metrics().interpreterRunSeconds.observeNanos(nanos);
    runtime.metrics().particlesExecuted.inc();
    if (addsNothing) {
      runtime.metrics().particlesDuplicate.inc();
    }
  }

  /**
   * A run that ended in an error. Data that fails the other peers' signatures, or does not decode,
   * was altered or forged on the way: a refusal of what arrived, not a failure of the script.
   */
  void runFailed(long nanos, InterpreterError error, boolean onArrival) {
    runtime.metrics().interpreterRunSeconds.observeNanos(nanos);
    trace.ifPresent(
        t ->
            t.failure(
                new ParticleTrace.Failure(
                    runtime.clock().millis(), runtime.peerId(), error.retCode(), error.message())));
    if (onArrival && error.retCode() == InterpreterError.SIGNATURE_MISMATCH) {
      runtime.metrics().refused(NodeMetrics.RefusalReason.BAD_DATA_SIGNATURE);
    } else if (onArrival && error.refusesData()) {
      runtime.metrics().refused(NodeMetrics.RefusalReason.MALFORMED);
    } else {
      runtime.metrics().particlesFailed.inc();
    }
    if (runtime.traceLog()) {
      TRACE.info(
          "particle={} peer={} run failed ret_code={}: {}",
          particleId,
          runtime.peerId(),
          error.retCode(),
          error.message());
    }
  }

  void call(ServiceCall call, CallResult result, long micros) {
    trace.ifPresent(
        t ->
            t.call(
                new ParticleTrace.Call(
                    runtime.clock().millis(),
                    call.hostPeerId(),
                    call.serviceId(),
                    call.functionName(),
                    call.arguments(),
                    result.retCode(),
                    result.result(),
                    micros)));
    if (runtime.traceLog()) {
      TRACE.info(
          "particle={} peer={} call {}.{} ret_code={} {}us",
          particleId,
          call.hostPeerId(),
          call.serviceId(),
          call.functionName(),
          result.retCode(),
          micros);
    }
  }

  /** A message or call for this particle that this peer has yet to handle. */
  void workQueued() {
    trace.ifPresent(t -> t.workStarted(runtime.peerId()));
  }

  void workHandled() {
    trace.ifPresent(t -> t.workDone(runtime.peerId()));
  }

  /** The particle's actor stopped at the TTL: whatever it had pending is dropped. */
  void workAbandoned() {
    trace.ifPresent(t -> t.workAbandoned(runtime.peerId()));
  }
}
