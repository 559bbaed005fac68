package io.gyre.node.relay;

import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleError;
import java.util.Optional;

/**
 * What a relay checks of each particle a client sends, before its peer's own checks (signature,
 * TTL, clock skew, limits): its size, the client's rate, and that the client may send it at all. A
 * client may <em>start</em> a particle only as itself (the init peer is the identity its Noise
 * handshake proved; the peer then checks the init peer's signature) and may <em>return</em> only a
 * particle this relay delivered to it and whose TTL has not passed; whatever the client added is in
 * its own signed data batch. Anything else is refused.
 */
final class ClientAdmission {
  /** Delivered particles a client may still return; the oldest beyond this are forgotten. */
  static final int REMEMBERED = 100_000;

  private final String clientId;
  private final RelaySettings limits;
  private final TokenBucket rate;
  private final DeliveredParticles delivered = new DeliveredParticles(REMEMBERED);

  ClientAdmission(String clientId, RelaySettings limits, long nowMs) {
    this.clientId = clientId;
    this.limits = limits;
    this.rate = new TokenBucket(limits.rate(), limits.burst(), nowMs);
  }

  /** Empty when the particle may go on to the relay's peer, otherwise the error for the client. */
  Optional<ParticleError> admit(Particle particle, long nowMs) {
    long size = particle.sizeBytes();
    if (size > limits.maxParticleBytes()) {
      return refuse(
          particle,
          ParticleError.Code.TOO_LARGE,
          "particle "
              + particle.id()
              + " has "
              + size
              + " bytes of script and data; this relay takes at most "
              + limits.maxParticleBytes()
              + " from a client");
    }
    if (!rate.take(nowMs)) {
      return refuse(
          particle,
          ParticleError.Code.RATE_LIMITED,
          "client "
              + clientId
              + " sent more than "
              + limits.rate()
              + " particles a second (burst "
              + limits.burst()
              + "); particle "
              + particle.id()
              + " was dropped");
    }
    if (particle.initPeerId().equals(clientId) || delivered.live(particle.id(), nowMs)) {
      return Optional.empty();
    }
    return refuse(
        particle,
        ParticleError.Code.NOT_YOURS,
        "particle "
            + particle.id()
            + " names init peer "
            + particle.initPeerId()
            + " but this connection proved "
            + clientId
            + "; a client may send only particles it starts as itself or that its relay delivered"
            + " to it within their TTL");
  }

  /** The relay handed {@code particle} to this client. */
  void delivered(Particle particle, long nowMs) {
    delivered.delivered(particle.id(), particle.deadlineMs(), nowMs);
  }

  private static Optional<ParticleError> refuse(
      Particle particle, ParticleError.Code code, String message) {
    return Optional.of(new ParticleError(particle.id(), code, message));
  }
}
