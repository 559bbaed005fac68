package io.gyre.wasm.internal.instance;

import io.gyre.wasm.CallError;

/**
 * A call stopped for a known reason. {@code keepsInstance} says whether the service's instances are
 * still sound (the module did not trap mid-way) and may serve the next call.
 */
final class CallFailure extends RuntimeException {

  private final CallError error;
  private final boolean keepsInstance;

  CallFailure(CallError.Kind kind, String message, boolean keepsInstance) {
    super(message, null, false, false);
    this.error = new CallError(kind, message);
    this.keepsInstance = keepsInstance;
  }

  CallError error() {
    return error;
  }

  boolean keepsInstance() {
    return keepsInstance;
  }
}
