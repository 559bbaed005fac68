package io.gyre.identity.files;

/** A peer key that cannot be loaded or made; the message names the source and the problem. */
public final class IdentityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IdentityException(String message) {
    super(message);
  }

  public IdentityException(String message, Throwable cause) {
    super(message, cause);
  }
}
