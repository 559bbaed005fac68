package io.gyre.node.services;

/**
 * A service call that failed for a reason the caller should read (bad arguments, not allowed, not
 * found); the particle sees it as a failed call (ret_code 1) with this message.
 */
public final class ServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServiceException(String message) {
    super(message);
  }

  public ServiceException(String message, Throwable cause) {
    super(message, cause);
  }
}
