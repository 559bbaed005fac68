package io.gyre.client;

/** A peer the script names is known to no peer the relay can reach ("no route to peer …"). */
public final class NoRoute extends GyreClientException {
  public NoRoute(String particleId, String message) {
    super(particleId, message);
  }
}
