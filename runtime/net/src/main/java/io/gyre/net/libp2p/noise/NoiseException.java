package io.gyre.net.libp2p.noise;

import io.gyre.net.NetException;

/** A Noise handshake or transport message that failed: malformed, forged, or badly signed. */
public final class NoiseException extends NetException {
  public NoiseException(String message) {
    super(message);
  }
}
