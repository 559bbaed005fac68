package io.gyre.wasm.internal.call;

/** Thrown from inside a call when it writes more output than its limit allows. */
public final class OutputLimitException extends RuntimeException {

  public OutputLimitException(String message) {
    super(message, null, false, false);
  }
}
