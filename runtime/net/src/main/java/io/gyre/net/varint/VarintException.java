package io.gyre.net.varint;

/** A malformed unsigned varint: too long, not minimal, or cut off. */
public final class VarintException extends IllegalArgumentException {
  public VarintException(String message) {
    super(message);
  }
}
