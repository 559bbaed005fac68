package io.gyre.node.particle;

import io.gyre.node.actor.GyreSerializable;
import java.util.Arrays;

/**
 * A particle as it travels between peers: the init peer's signed header and script, and the data
 * (the execution state so far). {@code ttlMs} is an unsigned 32-bit value on the wire, as in
 * Fluence.
 */
public record Particle(
    String id,
    String initPeerId,
    long timestampMs,
    long ttlMs,
    String script,
    byte[] signature,
    byte[] data)
    implements GyreSerializable {

  public static final long MAX_TTL_MS = 0xFFFF_FFFFL;

  /** A particle from the network missing a field is not a particle (its message is dropped). */
  public Particle {
    java.util.Objects.requireNonNull(id, "particle id");
    java.util.Objects.requireNonNull(initPeerId, "init_peer_id");
    java.util.Objects.requireNonNull(script, "script");
    java.util.Objects.requireNonNull(signature, "signature");
    java.util.Objects.requireNonNull(data, "data");
  }

  /** The moment after which the particle is expired. */
  public long deadlineMs() {
    return timestampMs + ttlMs;
  }

  /** The same particle carrying other data. */
  public Particle withData(byte[] newData) {
    return new Particle(id, initPeerId, timestampMs, ttlMs, script, signature, newData);
  }

  /** Script (UTF-8) and data bytes: what the size limit is about. */
  public long sizeBytes() {
    long scriptBytes = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      scriptBytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return scriptBytes + data.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Particle that
        && id.equals(that.id)
        && initPeerId.equals(that.initPeerId)
        && timestampMs == that.timestampMs
        && ttlMs == that.ttlMs
        && script.equals(that.script)
        && Arrays.equals(signature, that.signature)
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Particle["
        + id
        + " from "
        + initPeerId
        + ", ttl "
        + ttlMs
        + " ms, "
        + data.length
        + " data bytes]";
  }
}
