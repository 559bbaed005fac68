package io.gyre.net;

/** A multiaddr that cannot be parsed or decoded; the message names the offending part. */
public final class InvalidMultiaddrException extends IllegalArgumentException {
  public InvalidMultiaddrException(String message) {
    super(message);
  }
}
