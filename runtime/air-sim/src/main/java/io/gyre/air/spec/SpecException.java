package io.gyre.air.spec;

/**
 * A SPEC that cannot be run: what is wrong and where (e.g. {@code SPEC.keys.carol: secret key must
 * be 32 bytes, got 16}). run-air answers these with {@code {"errors": [...]}} and exit 2.
 */
public final class SpecException extends Exception {
  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }
}
