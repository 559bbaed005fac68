package io.gyre.air.particle;

import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Fluence's particle signature: the init peer's Ed25519 signature over {@code utf8(id) ‖
 * u64le(timestamp) ‖ u32le(ttl) ‖ utf8(script)}, so a Fluence client's particles verify here.
 */
public final class ParticleSignature {
  private ParticleSignature() {}

  public static byte[] message(String id, long timestampMs, long ttlMs, String script) {
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    byte[] scriptBytes = script.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(idBytes.length + 8 + 4 + scriptBytes.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .put(idBytes)
        .putLong(timestampMs)
        .putInt((int) ttlMs)
        .put(scriptBytes)
        .array();
  }

  /** A new particle with empty data, signed by {@code initPeer}. */
  public static Particle sign(
      KeyPair initPeer, String id, long timestampMs, long ttlMs, String script) {
    if (ttlMs <= 0 || ttlMs > Particle.MAX_TTL_MS) {
      throw new IllegalArgumentException(
          "a particle TTL is 1.." + Particle.MAX_TTL_MS + " ms, not " + ttlMs);
    }
    byte[] signature = initPeer.sign(message(id, timestampMs, ttlMs, script));
    return new Particle(
        id, initPeer.peerId().base58(), timestampMs, ttlMs, script, signature, new byte[0]);
  }

  /**
   * Checks the signature against the init peer's key; empty when it verifies, otherwise what is
   * wrong with it.
   */
  public static Optional<String> verify(Particle particle) {
    Optional<PeerId> initPeer = PeerId.parse(particle.initPeerId());
    if (initPeer.isEmpty()) {
      return Optional.of("init peer id '" + particle.initPeerId() + "' is not an Ed25519 peer id");
    }
    if (particle.ttlMs() <= 0 || particle.ttlMs() > Particle.MAX_TTL_MS) {
      return Optional.of("TTL " + particle.ttlMs() + " ms is not a u32 above 0");
    }
    byte[] message =
        message(particle.id(), particle.timestampMs(), particle.ttlMs(), particle.script());
    if (!KeyPair.verify(initPeer.get().publicKey(), message, particle.signature())) {
      return Optional.of(
          "signature does not verify with the init peer's key " + particle.initPeerId());
    }
    return Optional.empty();
  }
}
