package io.gyre.air.internal.data;

/** A batch whose signature does not verify: tampered, or signed for another particle. */
public final class SignatureMismatchException extends RuntimeException {
  public SignatureMismatchException(String message) {
    super(message);
  }
}
