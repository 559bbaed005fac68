package io.gyre.client.internal;

import io.gyre.air.CallResult;
import io.gyre.air.particle.Particle;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a client holds of one live particle: its header, its own data, the digests of the data it
 * has seen (a repeat adds nothing), its calls in flight and their results not yet run, and the
 * function call it answers for when the client started it. Touched only on the particle thread.
 */
final class ClientParticle {
  final Particle header;
  final Optional<FunctionCall> call;
  final Map<Integer, CallResult> ready = new HashMap<>();
  final Set<Integer> inFlight = new HashSet<>();
  private final Set<String> seen = new HashSet<>();
  byte[] data = new byte[0];

  ClientParticle(Particle header, Optional<FunctionCall> call) {
    this.header = header.withData(new byte[0]);
    this.call = call;
  }

  /** True the first time this data arrives. */
  boolean firstSeen(byte[] incoming) {
    try {
      return seen.add(
          java.util.HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(incoming)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /** The header fields match the particle this client holds under the same id. */
  boolean sameHeader(Particle other) {
    return header.initPeerId().equals(other.initPeerId())
        && header.timestampMs() == other.timestampMs()
        && header.ttlMs() == other.ttlMs()
        && header.script().equals(other.script())
        && java.util.Arrays.equals(header.signature(), other.signature());
  }

  /** Its call was answered or failed, and nothing is left to do here. */
  boolean finished() {
    return call.map(FunctionCall::done).orElse(false) && inFlight.isEmpty() && ready.isEmpty();
  }
}
