package io.gyre.client;

/**
 * The connection to the relay was lost while the call was in flight (its response would have come
 * through that relay), or the client was closed. Later calls go through the relay the client
 * reconnects to.
 */
public final class Disconnected extends GyreClientException {
  public Disconnected(String particleId, String message) {
    super(particleId, message);
  }
}
