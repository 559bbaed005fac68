package io.gyre.net;

/** A failure on the wire; subclasses name the cases callers act on. */
public class NetException extends RuntimeException {
  public NetException(String message) {
    super(message);
  }

  public NetException(String message, Throwable cause) {
    super(message, cause);
  }
}
