package io.gyre.node.particle;

import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleSignature;
import io.gyre.node.metrics.NodeMetrics.RefusalReason;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a peer checks before it takes a particle: TTL, clock skew, size and, for particles from the
 * network, the init peer's signature; and that a later arrival belongs to the live particle of the
 * same id. Each check answers with the refusal it would make, or empty.
 */
final class ParticleChecks {

  /** Why a particle is not taken, and the message its sender or caller gets. */
  record Refusal(RefusalReason reason, String message) {}

  private final PeerRuntime runtime;

  ParticleChecks(PeerRuntime runtime) {
    this.runtime = runtime;
  }

  /** A particle new to this peer; {@code verifySignature} is false for ones it signed itself. */
  Optional<Refusal> newParticle(Particle particle, long size, boolean verifySignature) {
    long now = runtime.clock().millis();
    if (particle.deadlineMs() < now) {
      return refusal(
          RefusalReason.EXPIRED,
          "particle "
              + particle.id()
              + " expired "
              + (now - particle.deadlineMs())
              + " ms ago (TTL "
              + particle.ttlMs()
              + " ms)");
    }
    long skewMs = runtime.limits().maxClockSkew().toMillis();
    if (particle.timestampMs() > now + skewMs) {
      return refusal(
          RefusalReason.MALFORMED,
          "particle "
              + particle.id()
              + " has a timestamp "
              + (particle.timestampMs() - now)
              + " ms in the future");
    }
    Optional<Refusal> tooLarge = tooLarge(particle, size);
    if (tooLarge.isPresent()) {
      return tooLarge;
    }
    Optional<String> signature =
        verifySignature ? ParticleSignature.verify(particle) : Optional.empty();
    return signature.flatMap(
        problem ->
            refusal(RefusalReason.BAD_SIGNATURE, "particle " + particle.id() + ": " + problem));
  }

  /** A later arrival of the live particle {@code known}. */
  Optional<Refusal> laterArrival(Particle known, Particle arrived, long size) {
    if (!sameHeader(known, arrived)) {
      return refusal(
          RefusalReason.MALFORMED,
          "particle id "
              + arrived.id()
              + " is live with another init peer, timestamp, TTL or script");
    }
    return tooLarge(arrived, size);
  }

  private Optional<Refusal> tooLarge(Particle particle, long size) {
    if (size <= runtime.limits().maxParticleBytes()) {
      return Optional.empty();
    }
    return refusal(
        RefusalReason.TOO_LARGE,
        "particle "
            + particle.id()
            + " has "
            + size
            + " bytes; the limit is "
            + runtime.limits().maxParticleBytes());
  }

  private static boolean sameHeader(Particle known, Particle arrived) {
    return known.initPeerId().equals(arrived.initPeerId())
        && known.timestampMs() == arrived.timestampMs()
        && known.ttlMs() == arrived.ttlMs()
        && Arrays.equals(known.signature(), arrived.signature())
        && known.script().equals(arrived.script());
  }

  private static Optional<Refusal> refusal(RefusalReason reason, String message) {
    return Optional.of(new Refusal(reason, message));
  }
}
