package io.gyre.air.particle;

/** Bytes that are not a particle in {@link ParticleCodec}'s layout; the message says why. */
public final class MalformedParticleException extends Exception {
  public MalformedParticleException(String message) {
    super(message);
  }
}
