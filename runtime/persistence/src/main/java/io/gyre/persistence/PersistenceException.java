package io.gyre.persistence;

/** The journal database cannot be used; the message names the database and the cause. */
public final class PersistenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PersistenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
