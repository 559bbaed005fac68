package io.gyre.client;

/**
 * A call of a {@link GyreClient} that did not end with a response. Each subclass names a case a
 * caller acts on; {@link #particleId()} is the particle the call ran as (for {@code gyre run}'s
 * output, the relay's log and {@code GET /particles/ID}).
 */
public class GyreClientException extends RuntimeException {
  private final String particleId;

  public GyreClientException(String particleId, String message) {
    super(message);
    this.particleId = particleId;
  }

  public GyreClientException(String particleId, String message, Throwable cause) {
    super(message, cause);
    this.particleId = particleId;
  }

  /** The particle the call ran as. */
  public String particleId() {
    return particleId;
  }
}
