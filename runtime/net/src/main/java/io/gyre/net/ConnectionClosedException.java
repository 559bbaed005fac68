package io.gyre.net;

/** The connection closed (or was never made) before the operation could finish. */
public final class ConnectionClosedException extends NetException {
  public ConnectionClosedException(String message) {
    super(message);
  }

  public ConnectionClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
