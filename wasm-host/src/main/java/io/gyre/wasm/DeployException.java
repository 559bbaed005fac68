package io.gyre.wasm;

/**
 * A module, blueprint or service refused at deploy time (add module, add blueprint, create
 * service). The message says what was wrong and where.
 */
public final class DeployException extends RuntimeException {

  public DeployException(String message) {
    super(message);
  }

  public DeployException(String message, Throwable cause) {
    super(message, cause);
  }
}
