package io.gyre.node.access;

/** The peer's access settings cannot be used as they are; the message says what to do. */
public final class AccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccessException(String message) {
    super(message);
  }
}
