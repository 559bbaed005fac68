package io.gyre.air.internal.data;

/** Particle data that cannot be decoded: truncated, wrong magic, or a malformed record. */
public final class DataFormatException extends RuntimeException {
  public DataFormatException(String message) {
    super(message);
  }
}
