package io.gyre.proofs.internal;

/** Bytes that break a layout; never escapes a decoder (they return a typed result instead). */
public final class MalformedException extends RuntimeException {

  public MalformedException(String message) {
    super(message, null, false, false);
  }
}
