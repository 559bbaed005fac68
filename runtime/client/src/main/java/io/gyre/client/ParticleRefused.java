package io.gyre.client;

import io.gyre.air.particle.ParticleError;

/**
 * The relay, or its peer, did not take the particle: too large, over the client's rate, a bad
 * signature, the peer overloaded or leaving. {@link #code()} says which.
 */
public final class ParticleRefused extends GyreClientException {
  private final ParticleError.Code code;

  public ParticleRefused(String particleId, ParticleError.Code code, String message) {
    super(particleId, message);
    this.code = code;
  }

  public ParticleError.Code code() {
    return code;
  }
}
