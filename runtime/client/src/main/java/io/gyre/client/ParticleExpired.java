package io.gyre.client;

/** The particle's TTL passed without a response (or a relay found it already expired). */
public final class ParticleExpired extends GyreClientException {
  public ParticleExpired(String particleId, String message) {
    super(particleId, message);
  }
}
